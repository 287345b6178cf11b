/** @jest-environment jsdom */
/**
 * The Excel task pane's 「打开申报表」: shown where the host can open a workbook (Excel) and not on the browser page
 * (which downloads it); after a click the pane says what happened — opened in a new window, inserted as sheets
 * (and why), too large, or Excel's refusal — and offers the insert where opening did not work. The first test runs
 * the pane on the real Excel host over Microsoft's Office.js (the harness): the click reaches Excel.createWorkbook.
 */
import "./domShims";
import * as React from "react";
import { act, fireEvent, render, screen } from "@testing-library/react";
import type { WorkbookSpec } from "../../src/host/xlsx/newWorkbook";
import { readXlsx } from "../../src/host/xlsx";
import { createExcelHost } from "../../src/host/excel/excelHost";
import type { OpenWorkbookOptions, OpenWorkbookOutcome } from "../../src/ports/sidebarHost";
import { Sidebar } from "../../src/ui/Sidebar";
import type { SidebarHost } from "../../src/ui/host";
import { SECTION16_HEADER, SECTION16_ROWS, sheet, workbook } from "../engine/helpers";
import { createHarness, PROFILE } from "../host/excel/officejs/harness";
import { ModelSheet, WorkbookModel } from "../host/excel/officejs/model";
import { FakeHost } from "./helpers";

jest.setTimeout(60000);

const s16 = () => workbook(sheet("小学", [SECTION16_HEADER, ...SECTION16_ROWS]));

async function check(host: SidebarHost, lang?: "zh-CN" | "en"): Promise<void> {
  render(<Sidebar host={host} lang={lang} />);
  await act(async () =>
    fireEvent.click(screen.getByRole("button", { name: lang === "en" ? "Check" : "开始检查" }))
  );
  await screen.findByTestId("assessment", {}, { timeout: 30000 });
}

async function click(name: string): Promise<void> {
  await act(async () => fireEvent.click(screen.getByRole("button", { name })));
}

class OpeningHost extends FakeHost {
  opened: { spec: WorkbookSpec; options: OpenWorkbookOptions }[] = [];
  constructor(private readonly outcomes: OpenWorkbookOutcome[]) {
    super(s16());
  }
  async openWorkbook(
    spec: WorkbookSpec,
    options: OpenWorkbookOptions
  ): Promise<OpenWorkbookOutcome> {
    this.opened.push({ spec, options });
    return this.outcomes[this.opened.length - 1];
  }
}

test("in the task pane (Excel host over Office.js, Office 2021 LTSC): the button opens the 申报表 in a new window and says so", async () => {
  const wb = new WorkbookModel([
    new ModelSheet("小学").setRows([SECTION16_HEADER, ...SECTION16_ROWS]),
  ]);
  const h = createHarness(wb, PROFILE.ltsc2021);
  await check(createExcelHost(h.run, h.isSetSupported));
  await click("打开申报表（新窗口）");
  await screen.findByText("已在新窗口中打开申报表（表Ⅰ–表Ⅵ）：请在该窗口中保存。");
  expect(wb.created).toHaveLength(1);
  const back = readXlsx(new Uint8Array(Buffer.from(wb.created[0].base64, "base64")));
  expect(back.sheets.map((x) => x.name)).toEqual([
    "表Ⅰ",
    "表Ⅱ-1",
    "表Ⅱ-2",
    "表Ⅲ",
    "表Ⅳ",
    "表Ⅴ",
    "表Ⅵ",
  ]);
  // 表Ⅱ-2 row 4 is A小学 (the first school), its 在校生数 1200.
  expect(back.sheets[2].rows[3][1]).toBe("A小学");
  expect(back.sheets[2].rows[3][3]).toBe(1200);
  // Nothing added to the open workbook; no download buttons in Excel.
  expect(wb.sheets.map((x) => x.name)).toEqual(["小学"]);
  expect(screen.queryByRole("button", { name: "下载申报表" })).toBeNull();
});

test("inserted because this Excel has no createWorkbook: the pane names the sheets and how to undo", async () => {
  const host = new OpeningHost([
    {
      how: "inserted",
      why: "unsupported",
      sheets: [
        { name: "申报表-表Ⅰ", created: true, validation: false },
        { name: "申报表-表Ⅱ-1", created: false, validation: false },
      ],
    },
  ]);
  await check(host);
  await click("打开申报表（新窗口）");
  expect(host.opened[0].options).toEqual({ sheetPrefix: "申报表-", asSheets: false });
  expect(host.opened[0].spec.sheets).toHaveLength(7);
  expect(screen.getByTestId("declaration-outcome").textContent).toBe(
    "此版本 Excel 不能新建工作簿（需要 ExcelApi 1.8），已改为把申报表插入当前工作簿。" +
      "已插入 1 张表：「申报表-表Ⅰ」。删除这些表即可还原。" +
      "工作簿中已有「申报表-表Ⅱ-1」，未作改动（要更新请先删除）。"
  );
  expect(screen.queryByRole("button", { name: "把申报表插入当前工作簿" })).toBeNull();
});

test("too large: the size and the limit in MB, and the insert offered, which then inserts", async () => {
  // 5,242,880 bytes = 5.00 MB; 4,194,304 = 4.00 MB.
  const host = new OpeningHost([
    { how: "too-large", bytes: 5_242_880, limit: 4_194_304 },
    {
      how: "inserted",
      why: "asked",
      sheets: [{ name: "申报表-表Ⅰ", created: true, validation: false }],
    },
  ]);
  await check(host);
  await click("打开申报表（新窗口）");
  expect(screen.getByTestId("declaration-outcome").textContent).toContain(
    "申报表太大（5.00 MB，一次请求最多 4.00 MB）"
  );
  await click("把申报表插入当前工作簿");
  expect(host.opened[1].options).toEqual({ sheetPrefix: "申报表-", asSheets: true });
  expect(screen.getByTestId("declaration-outcome").textContent).toBe(
    "已插入 1 张表：「申报表-表Ⅰ」。删除这些表即可还原。"
  );
});

test("English: Excel's refusal is shown with its message", async () => {
  const host = new OpeningHost([
    { how: "failed", code: "AccessDenied", message: "Blocked by policy" },
  ]);
  await check(host, "en");
  await click("Open the 申报表 (new window)");
  expect(screen.getByTestId("declaration-outcome").textContent).toBe(
    "Excel could not open a new workbook: Blocked by policy. You can insert the 申报表 into this workbook instead."
  );
  expect(screen.getByRole("button", { name: "Insert the 申报表 into this workbook" })).toBeTruthy();
});

test("no 「打开申报表」 on a host without openWorkbook (the browser page downloads it)", async () => {
  class SavingHost extends FakeHost {
    async saveWorkbook(): Promise<void> {}
  }
  await check(new SavingHost(s16()));
  expect(screen.queryByRole("button", { name: "打开申报表（新窗口）" })).toBeNull();
  expect(screen.getByRole("button", { name: "下载申报表" })).toBeTruthy();
});
