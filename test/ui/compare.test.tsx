/** @jest-environment jsdom */
/**
 * 「与上年比较」 in the sidebar: last year's JSON report picked, the engine's comparison shown — CVs of both years and
 * the change, this year's monitoring table at 6 dp, schools added and closed — and the workbook offered for download.
 */
import "./domShims";
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { checkWorkbook } from "../../src/engine/report";
import type { WorkbookSpec } from "../../src/host/xlsx";
import { Sidebar } from "../../src/ui/Sidebar";
import { SECTION16_HEADER, SECTION16_ROWS, sheet, workbook } from "../engine/helpers";
import { FakeHost } from "./helpers";

jest.setTimeout(30000);

class SavingHost extends FakeHost {
  files: { spec: WorkbookSpec; name: string }[] = [];
  async saveWorkbook(spec: WorkbookSpec, name: string): Promise<void> {
    this.files.push({ spec, name });
  }
}

// This year: the four 小学 of §16. Last year: A, B and C, C with 1 骨干 instead of 2, and E小学 (a copy of B) which
// has closed since; D is new this year.
const [A, B, C, D] = SECTION16_ROWS;
const lastC = C.slice();
lastC[3] = 1;
const E = ["E小学", ...B.slice(1)];
const lastYear = checkWorkbook(workbook(sheet("小学", [SECTION16_HEADER, A, B, lastC, E]))).report;

async function openCompare(host: FakeHost): Promise<void> {
  render(<Sidebar host={host} />);
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "开始检查" })));
  const open = await screen.findByRole("button", { name: "与上年比较" }, { timeout: 20000 });
  await act(async () => fireEvent.click(open));
}

async function pick(name: string, text: string): Promise<void> {
  const file = new File([text], name, { type: "application/json" });
  await act(async () =>
    fireEvent.change(screen.getByTestId("compare-file"), { target: { files: [file] } })
  );
}

test("last year's JSON report: 骨干 CV 0.248 → 0.169, the monitoring table, D added, E closed; download", async () => {
  const host = new SavingHost(workbook(sheet("小学", [SECTION16_HEADER, A, B, C, D])));
  await openCompare(host);
  await pick("上年.json", JSON.stringify(lastYear));
  await waitFor(() => expect(screen.getByTestId("compare-primary")).toBeTruthy());
  const row = screen
    .getByTestId("compare-primary")
    .querySelector<HTMLElement>("[data-indicator='key_teachers_per_100']")!;
  const cells = Array.from(row.querySelectorAll("td")).map((td) => td.textContent);
  // Last year 骨干 per 100: A 14/1200, B 6/600, C 1/300, E 6/600 → X̄ = 27 × 100 / 2700 = 1.000000;
  //   Σ P(X − X̄)² = 1200 × 0.166667² + 300 × 0.666667² = 33.3333 + 133.3333 = 166.6667, S = √(166.6667 / 2700)
  //   = 0.248452, CV 0.248452.
  // This year: A, B, C 2/300, D 2/150 → X̄ = 24 × 100 / 2250 = 1.066667; Σ = 12 + 2.6667 + 48 + 10.6667 = 73.3333,
  //   S = √(73.3333 / 2250) = 0.180534, CV = 0.169251; change −0.079201.
  expect(cells).toEqual(["骨干教师", "1.00", "1.07", "0.248", "0.169", "-0.079"]);
  const mon = screen
    .getByTestId("monitoring-primary")
    .querySelector<HTMLElement>("[data-indicator='key_teachers_per_100']")!;
  expect(
    Array.from(mon.querySelectorAll("td"))
      .slice(1)
      .map((td) => td.textContent)
  ).toEqual(["1.066667", "0.180534", "0.169251"]);
  // A, B, E met last year (3/4); A and B this year (2/4).
  expect(screen.getByTestId("compare-meeting-primary").textContent).toBe(
    "小学达标学校：上年 3/4，本年 2/4"
  );
  expect(screen.getByTestId("compare-added").textContent).toBe("D小学（小学）");
  expect(screen.getByTestId("compare-closed").textContent).toBe("E小学（小学）");

  await act(async () => fireEvent.click(screen.getByRole("button", { name: "下载比较工作簿" })));
  expect(host.files).toHaveLength(1);
  expect(host.files[0].name).toBe("与上年比较.xlsx");
  expect(host.files[0].spec.sheets.length).toBeGreaterThanOrEqual(3);
});

test("a JSON file that is not a report: said so, nothing compared", async () => {
  await openCompare(new FakeHost(workbook(sheet("小学", [SECTION16_HEADER, A, B, C, D]))));
  await pick("别的.json", '{"hello": 1}');
  await waitFor(() => expect(screen.getByRole("alert")).toBeTruthy());
  expect(screen.getByRole("alert").textContent).toBe("这个文件不是 junheng 的 JSON 报告。");
  expect(screen.queryByTestId("compare-primary")).toBeNull();
  // The Excel task pane cannot hand files to the user: no download button there.
  expect(
    within(screen.getByTestId("compare-view")).queryByRole("button", { name: "下载比较工作簿" })
  ).toBeNull();
});
