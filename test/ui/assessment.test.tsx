/** @jest-environment jsdom */
/**
 * The 「可以申报吗？」 block on the results screen: the one answer, the items in the way, and the two downloads on a
 * host that can save files (the browser page); none on one that cannot (the Excel task pane).
 */
import "./domShims";
import * as React from "react";
import { act, fireEvent, render, screen } from "@testing-library/react";
import type { SheetSpec, WorkbookSpec } from "../../src/host/xlsx/newWorkbook";
import type { InsertSheetOutcome } from "../../src/ports/sidebarHost";
import { Sidebar } from "../../src/ui/Sidebar";
import { SECTION16_HEADER, SECTION16_ROWS, sheet, workbook } from "../engine/helpers";
import { FakeHost } from "./helpers";
import {
  PASSING_COUNTY_ROWS,
  PASSING_SCHOOL_HEAD,
  PASSING_SCHOOL_ROWS,
  countyWith,
} from "../engine/assessment/passingCounty";

jest.setTimeout(60000);

class SavingHost extends FakeHost {
  files: { spec: WorkbookSpec; fileName: string }[] = [];
  async saveWorkbook(spec: WorkbookSpec, fileName: string): Promise<void> {
    this.files.push({ spec, fileName });
  }
}

const s16 = () => workbook(sheet("小学", [SECTION16_HEADER, ...SECTION16_ROWS]));

async function check(host: FakeHost, lang?: "zh-CN" | "en"): Promise<void> {
  render(<Sidebar host={host} lang={lang} />);
  await act(async () =>
    fireEvent.click(screen.getByRole("button", { name: lang === "en" ? "Check" : "开始检查" }))
  );
  await screen.findByTestId("assessment");
}

test("§16 without 「县级指标」: 暂不具备申报条件 (R-school fails), the county items pending", async () => {
  const host = new SavingHost(s16());
  await check(host);
  // R-school (C, D fail) blocks; every county item is 未填.
  expect(screen.getByTestId("assessment-answer").textContent).toMatch(
    /^暂不具备申报条件：1 项，未填 \d+ 项$/
  );
  expect(screen.getByTestId("assessment-blocking").textContent).toContain("R-school");
  expect(screen.getByTestId("assessment-pending").textContent).toContain("G1");
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "下载申报表" })));
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "下载县级指标模板" })));
  expect(host.files.map((x) => x.fileName)).toEqual(["申报表.xlsx", "县级指标.xlsx"]);
  expect(host.files[0].spec.sheets.map((x) => x.name)).toEqual([
    "表Ⅰ",
    "表Ⅱ-1",
    "表Ⅱ-2",
    "表Ⅲ",
    "表Ⅳ",
    "表Ⅴ",
    "表Ⅵ",
  ]);
  expect(host.files[1].spec.sheets[0].name).toBe("县级指标");
});

test("English, and no download buttons on a host that cannot save files", async () => {
  await check(new FakeHost(s16()), "en");
  expect(screen.getByTestId("assessment-answer").textContent).toMatch(
    /^Not yet eligible to apply: 1 item, \d+ not filled in$/
  );
  expect(screen.queryByRole("button", { name: "Download the 申报表" })).toBeNull();
});

class InsertingHost extends FakeHost {
  inserted: SheetSpec[] = [];
  constructor(
    wb: ReturnType<typeof s16>,
    private readonly outcome: InsertSheetOutcome
  ) {
    super(wb);
  }
  async insertSheet(spec: SheetSpec): Promise<InsertSheetOutcome> {
    this.inserted.push(spec);
    return this.outcome;
  }
}

test("the task pane's 「插入县级指标表」 inserts the template sheet through the port and says what happened", async () => {
  const host = new InsertingHost(s16(), { name: "县级指标", created: true, validation: true });
  await check(host);
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "插入县级指标表" })));
  expect(host.inserted).toHaveLength(1);
  expect(host.inserted[0].name).toBe("县级指标");
  expect(host.inserted[0].validations?.length).toBeGreaterThan(0);
  expect(screen.getByTestId("county-inserted").textContent).toContain("已插入「县级指标」表");
});

test("a 「县级指标」 already in the workbook is left alone, and the pane says so", async () => {
  const host = new InsertingHost(s16(), { name: "县级指标", created: false, validation: false });
  await check(host);
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "插入县级指标表" })));
  expect(screen.getByTestId("county-inserted").textContent).toBe(
    "工作簿中已有「县级指标」表，未作改动。"
  );
});

test("no insert button on a host without insertSheet (the browser page downloads the template)", async () => {
  await check(new SavingHost(s16()));
  expect(screen.queryByRole("button", { name: "插入县级指标表" })).toBeNull();
});

test("a county meeting all 40 items: 「可以申报」, nothing listed as blocking or pending", async () => {
  const wb = workbook(
    sheet("学校", [PASSING_SCHOOL_HEAD, ...PASSING_SCHOOL_ROWS]),
    sheet("县级指标", PASSING_COUNTY_ROWS)
  );
  await check(new FakeHost(wb));
  expect(screen.getByTestId("assessment-answer").textContent).toBe("可以申报");
  expect(screen.queryByTestId("assessment-blocking")).toBeNull();
  expect(screen.queryByTestId("assessment-pending")).toBeNull();
});

test("a failing item is listed with its gap in natural units", async () => {
  // G7: 69 万元 ÷ 120 = 5750 < 6000: 6000 × 120 − 690000 = 30,000 元 short.
  const wb = workbook(
    sheet("学校", [PASSING_SCHOOL_HEAD, ...PASSING_SCHOOL_ROWS]),
    sheet("县级指标", countyWith("G7.special_funds", 69))
  );
  await check(new FakeHost(wb));
  expect(screen.getByTestId("assessment-answer").textContent).toBe("暂不具备申报条件：1 项");
  expect(screen.getByTestId("assessment-blocking").textContent).toContain("G7");
  expect(screen.getByTestId("assessment-blocking").textContent).toContain("还差 30,000 元");
});

test("the schools in the way, in English: English brackets and commas", async () => {
  // §16's C and D fail (3 of 7; pe_arts 74.07 % < 85 %): R-school names them.
  await check(new FakeHost(s16()), "en");
  const rSchool = (): string =>
    Array.from(screen.getByTestId("assessment-blocking").querySelectorAll("li"))
      .map((li) => li.textContent ?? "")
      .find((x) => x.startsWith("R-school")) ?? "";
  expect(rSchool()).toContain(" (C小学, D小学)");
  expect(rSchool()).not.toContain("（");
});

test("a 九年一贯制 school whose 小学部 and 初中部 both fail is named once in R-school", async () => {
  // 城南学校 (300 + 200 pupils) has none of the seven resources: both parts meet 0 of 7 and fail.
  const header = [
    "学校名称",
    "学校类型",
    "小学在校学生数",
    "初中在校学生数",
    ...SECTION16_HEADER.slice(2),
  ];
  const wb = workbook(
    sheet("学校", [
      header,
      ["A小学", "小学", 1200, null, ...SECTION16_ROWS[0].slice(2)],
      ["城南学校", "九年一贯制学校", 300, 200, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    ])
  );
  await check(new FakeHost(wb));
  const li = Array.from(screen.getByTestId("assessment-blocking").querySelectorAll("li")).find(
    (x) => (x.textContent ?? "").startsWith("R-school")
  );
  expect(li?.textContent).toContain("（城南学校）");
});
