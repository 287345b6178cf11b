/** @jest-environment jsdom */
/**
 * The sidebar's screens with a fake SidebarHost over real workbooks: nothing recognised, mapping to confirm and
 * correct, all pass, failures with gaps, data errors, 提交前检查, selecting cells, the workbook buttons, cancel.
 */
import "./domShims";

// Rendering the whole pane over real workbooks takes seconds on a loaded machine; the default 5 s is not a
// statement about speed (speed is measured in docs/performance.md).
jest.setTimeout(30_000);
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { Sidebar } from "../../src/ui/Sidebar";
import {
  FakeHost,
  missingValueWorkbook,
  noTableWorkbook,
  passingWorkbook,
  sampleWorkbook,
  unknownHeaderWorkbook,
} from "./helpers";

function click(el: HTMLElement): void {
  fireEvent.click(el);
}

async function startCheck(host: FakeHost, lang?: "zh-CN" | "en"): Promise<void> {
  render(<Sidebar host={host} lang={lang} />);
  const button = screen.getByRole("button", { name: lang === "en" ? "Check" : "开始检查" });
  await act(async () => click(button));
}

test("start screen: 开始检查 and 提交前检查", () => {
  render(<Sidebar host={new FakeHost(passingWorkbook())} />);
  expect(screen.getByRole("button", { name: "开始检查" })).toBeTruthy();
  expect(screen.getByRole("button", { name: "提交前检查" })).toBeTruthy();
});

test("nothing recognised: says which headers are needed and which sheets were looked at", async () => {
  await startCheck(new FakeHost(noTableWorkbook()));
  expect(await screen.findByText("没有找到学校数据表")).toBeTruthy();
  expect(screen.getByText("县级及以上骨干教师数")).toBeTruthy();
  expect(screen.getByText("在校生数")).toBeTruthy();
  expect(screen.getByText("已查看的工作表：说明、Sheet2")).toBeTruthy();
});

test("mapping needs confirmation; assigning the unknown column saves the correction and changes the result", async () => {
  const host = new FakeHost(unknownHeaderWorkbook());
  await startCheck(host);
  expect(await screen.findByText("请确认识别结果")).toBeTruthy();
  expect(screen.getByText("有 1 处需要确认")).toBeTruthy();
  // The field the standard needs and the column nobody claimed.
  expect(screen.getByText("县级以上骨干教师数", { selector: "strong" })).toBeTruthy();
  const unknownRow = document.querySelector<HTMLElement>("[data-column='D']");
  expect(unknownRow?.textContent).toContain("名师数");
  // Before the correction the verdict cannot be reached (a required column is missing).
  expect(host.saved).toEqual([]);

  click(within(unknownRow as HTMLElement).getByRole("combobox"));
  click(await screen.findByRole("option", { name: "县级以上骨干教师数" }));

  await waitFor(() => expect(host.saved).toEqual([{ 小学: { columns: { D: "key_teachers" } } }]));
  await waitFor(() => expect(screen.queryByText("有 1 处需要确认")).toBeNull());
  expect(screen.queryByText("县级以上骨干教师数", { selector: "strong" })).toBeNull();
  expect(document.querySelector("[data-column='D']")?.getAttribute("data-key")).toBe(
    "key_teachers"
  );

  click(screen.getByRole("button", { name: "确认，查看结果" }));
  expect(await screen.findByText("县域资源配置：达标")).toBeTruthy();
});

test("without the correction the same workbook cannot be judged", async () => {
  await startCheck(new FakeHost(unknownHeaderWorkbook()));
  click(await screen.findByRole("button", { name: "确认，查看结果" }));
  expect(await screen.findByText("县域资源配置：无法判定")).toBeTruthy();
});

test("saved corrections are loaded from the host and passed to the engine: no confirmation needed", async () => {
  const host = new FakeHost(unknownHeaderWorkbook(), { 小学: { columns: { D: "key_teachers" } } });
  await startCheck(host);
  expect(await screen.findByText("县域资源配置：达标")).toBeTruthy();
  expect(host.calls).toContain("loadOverrides");
});

test("changing a sheet's stage goes through saveOverrides", async () => {
  const host = new FakeHost(unknownHeaderWorkbook());
  await startCheck(host);
  await screen.findByText("请确认识别结果");
  const stage = screen.getByRole("combobox", { name: "学段" });
  click(stage);
  click(await screen.findByRole("option", { name: "初中" }));
  await waitFor(() => expect(host.saved).toEqual([{ 小学: { stage: "junior" } }]));
});

test("all pass: verdict 达标, no failing school, no data problem", async () => {
  await startCheck(new FakeHost(passingWorkbook()));
  expect(await screen.findByText("县域资源配置：达标")).toBeTruthy();
  expect(screen.getByText("所有学校均达标。")).toBeTruthy();
  expect(screen.getByText("没有发现数据问题。")).toBeTruthy();
  const county = screen.getByTestId("county");
  expect(within(county).getByText(/小学：达标/)).toBeTruthy();
});

test("failures with gaps: the sample's verdict, CVs, failing schools by school and by indicator", async () => {
  await startCheck(new FakeHost(sampleWorkbook()));
  const verdict = await screen.findByTestId("county-verdict");
  expect(verdict.textContent).toContain("县域资源配置：不达标");
  expect(verdict.querySelector("[data-stage='primary']")?.textContent).toContain(
    "小学：不达标 — 差异系数超标：骨干教师；8/13 所学校达标"
  );
  // The sample's 12 errors apart: 1 data error (柳林小学's empty 骨干教师) and 11 results (below the standard).
  expect(verdict.textContent).toContain("数据错误 1 项 · 未达标 11 项 · 警告 20 项");

  const keyRow = screen
    .getByTestId("county")
    .querySelector("[data-stage='primary'] tr[data-indicator='key_teachers_per_100']");
  expect(keyRow?.textContent).toContain("✗0.543");
  expect(keyRow?.textContent).toContain("1.73");

  expect(screen.getByText("未达标的学校（5） · 数据不全（1）")).toBeTruthy();
  const xiguan = document.querySelector<HTMLElement>("[data-school='西关小学']");
  expect(xiguan?.textContent).toContain(
    "骨干教师（每百名学生） 0.75 < 1 还差 2 名县级以上骨干教师"
  );

  click(screen.getByRole("tab", { name: "按指标" }));
  const key = document.querySelector<HTMLElement>("[data-indicator='key_teachers_per_100']");
  expect(key?.textContent).toContain("5 所学校未达到");
  expect(key?.textContent).toContain("西关小学");
});

test("data errors: grouped by code with a count, expandable, each item selects its cell", async () => {
  const host = new FakeHost(missingValueWorkbook());
  await startCheck(host);
  const problems = await screen.findByTestId("problems");
  expect(problems.textContent).toContain("数据问题（1）");
  const group = problems.querySelector<HTMLElement>("[data-code='missing-value']");
  expect(group?.textContent).toContain("缺少数据");
  // Error groups start open.
  const item = within(group as HTMLElement).getByRole("button", { name: /二小/ });
  click(item);
  await waitFor(() => expect(host.selected).toEqual([{ sheet: "小学", cell: "D3" }]));
});

test("clicking a failing indicator selects the right sheet and cell", async () => {
  const host = new FakeHost(sampleWorkbook());
  await startCheck(host);
  const xiguan = await screen.findByText("西关小学");
  const card = xiguan.closest<HTMLElement>("[data-school]") as HTMLElement;
  click(within(card).getByRole("button", { name: /还差 2 名/ }));
  await waitFor(() => expect(host.selected).toEqual([{ sheet: "学校基本情况", cell: "K9" }]));
});

test("提交前检查 on the sample: 数据错误 and 未达标 counted apart, data first, warnings after", async () => {
  const host = new FakeHost(sampleWorkbook());
  render(<Sidebar host={host} />);
  click(screen.getByRole("button", { name: "提交前检查" }));
  const verdict = await screen.findByTestId("submit-verdict");
  // The sample's 12 errors: one data error (柳林小学's empty 骨干教师, K16, the one yellow cell) and 11 results.
  expect(verdict.getAttribute("data-state")).toBe("fix-data");
  expect(verdict.textContent).toContain("还不能提交：先改数据错误");
  expect(screen.getByTestId("submit-counts").textContent).toBe(
    "数据错误 1 项 · 未达标 11 项 · 待核对 20 项"
  );
  const data = screen.getByTestId("submit-data");
  const codes = (el: HTMLElement): (string | null)[] =>
    Array.from(el.querySelectorAll("[data-code]")).map((g) => g.getAttribute("data-code"));
  expect(codes(data)).toEqual(["missing-value"]);
  expect(data.textContent).toContain("数据错误（1）");
  const results = screen.getByTestId("submit-results");
  expect(codes(results)).toEqual(
    expect.arrayContaining(["school-fails", "cv-over-limit", "class-size"])
  );
  expect(codes(results)).not.toContain("missing-value");
  expect(results.textContent).toContain("未达标（11）");
  // Results are to be reported, never "fixed" by editing numbers.
  expect(results.textContent).toContain("不要为了达标而修改数据");
  const warnings = screen.getByTestId("submit-warnings");
  expect(data.compareDocumentPosition(results) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  expect(results.compareDocumentPosition(warnings) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  expect(warnings.textContent).toContain("建议核对（20）");
  click(screen.getByRole("button", { name: "查看完整检查结果" }));
  expect(await screen.findByTestId("county-verdict")).toBeTruthy();
});

test("提交前检查 on a clean workbook: 可以提交", async () => {
  render(<Sidebar host={new FakeHost(passingWorkbook())} />);
  click(screen.getByRole("button", { name: "提交前检查" }));
  const verdict = await screen.findByTestId("submit-verdict");
  expect(verdict.getAttribute("data-state")).toBe("ready-pass");
  expect(verdict.textContent).toContain("可以提交");
  expect(screen.getByTestId("submit-data").textContent).toContain("没有数据错误");
});

test("workbook buttons: marks, clear, report sheet", async () => {
  // Four passing 小学 (rows 2–5) but 一小's 骨干 is 5 (5 × 100 ÷ 1000 = 0.5 < 0.85: FAIL) and 二小's is "—".
  // Marks, by hand: D2 below-standard and A2 school-fails (standard fill); D3 missing-value (data fill) and
  // A3 school-incomplete (standard). The key CV's cv-incomplete has no cell, so no mark.
  const wb = missingValueWorkbook();
  wb.sheets[0].rows[1][3] = 5;
  const host = new FakeHost(wb);
  await startCheck(host);
  await screen.findByTestId("county-verdict");

  click(screen.getByRole("button", { name: "标注问题单元格" }));
  expect(await screen.findByText(/已标注 4 个单元格/)).toBeTruthy();
  expect(host.marks?.map((m) => [m.sheet, m.cell, m.kind]).sort()).toEqual([
    ["小学", "A2", "standard"],
    ["小学", "A3", "standard"],
    ["小学", "D2", "standard"],
    ["小学", "D3", "data"],
  ]);
  expect(host.marks?.find((m) => m.cell === "D2")?.note).toContain("0.50");
  expect(host.marks?.find((m) => m.cell === "D3")?.note).toContain("县级及以上骨干教师数");

  click(screen.getByRole("button", { name: "清除标注" }));
  expect(await screen.findByText("已清除 均衡检查 添加的标注。")).toBeTruthy();
  expect(host.calls).toContain("clearMarks");

  click(screen.getByRole("button", { name: "生成报告工作表" }));
  expect(await screen.findByText("已生成工作表「均衡达标报告」。")).toBeTruthy();
  expect(host.reportSpec?.name).toBe("均衡达标报告");
  // Three checks and three button presses: more than jest's 5 s on a loaded machine.
}, 30000);

test("progress and cancel: the bar shows while reading; 取消 returns to the start", async () => {
  const host = new FakeHost(sampleWorkbook());
  let release: () => void = () => undefined;
  host.gate = new Promise((r) => (release = r));
  await startCheck(host);
  expect(await screen.findByText("正在读取工作簿…")).toBeTruthy();
  expect(screen.getByRole("progressbar")).toBeTruthy();
  click(screen.getByRole("button", { name: "取消" }));
  expect(await screen.findByText("已取消检查。")).toBeTruthy();
  await act(async () => {
    release();
    await new Promise((r) => setTimeout(r, 20));
  });
  // The late answer of the cancelled read is ignored.
  expect(screen.queryByTestId("county-verdict")).toBeNull();
  expect(screen.getByRole("button", { name: "开始检查" })).toBeTruthy();
});

test("a failing read shows the reason and a retry", async () => {
  const host = new FakeHost(sampleWorkbook());
  host.readError = new Error("工作簿已关闭");
  await startCheck(host);
  expect(await screen.findByText("无法检查")).toBeTruthy();
  expect(screen.getByText("工作簿已关闭")).toBeTruthy();
  expect(screen.getByRole("button", { name: "重新检查" })).toBeTruthy();
});

test("English: the same screens in English", async () => {
  await startCheck(new FakeHost(sampleWorkbook()), "en");
  const verdict = await screen.findByTestId("county-verdict");
  expect(verdict.textContent).toContain("County resource indicators: Does not meet");
  expect(screen.getByRole("button", { name: "Mark problem cells" })).toBeTruthy();
  const xiguan = document.querySelector<HTMLElement>("[data-school='西关小学']");
  expect(xiguan?.textContent).toContain("short by 2 key teachers");
});
