/** @jest-environment jsdom */
/**
 * Never a green light with a school left out. Five schools that would all pass; 城关中学 and 东关中学 have no
 * 学段 entry and names that do not tell (中学 may be 初中 or 完全中学), so the engine drops them (unknown-stage).
 * The pane must not read 达标, 提交前检查 must not say 可以提交, and both name the two schools and what to do;
 * choosing their stage on the correction screen brings them back in.
 */
import "./domShims";

// Rendering the whole pane over real workbooks takes seconds on a loaded machine; the default 5 s is not a
// statement about speed (speed is measured in docs/performance.md).
jest.setTimeout(30_000);
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { checkWorkbook } from "../../src/engine/report";
import { Sidebar } from "../../src/ui/Sidebar";
import { leftOut } from "../../src/ui/leftOut";
import { shownMeets, submitVerdict } from "../../src/ui/submitVerdict";
import { SECTION16_HEADER, sheet, workbook } from "../engine/helpers";
import { FakeHost, passingRow } from "./helpers";

const good = passingRow;

function county() {
  return workbook(
    sheet("学校", [
      SECTION16_HEADER,
      good("城东小学", 1000),
      good("城西小学", 2000),
      good("城南小学", 1000),
      good("城关中学", 1000), // row 5
      good("东关中学", 2000), // row 6
    ])
  );
}

test("leftOut names the dropped schools, with the name cell and the reason", () => {
  const r = checkWorkbook(county());
  const out = leftOut(r).schools;
  expect(out.map((s) => [s.name, s.reason, s.at?.cell])).toEqual([
    ["城关中学", "stage", "A5"],
    ["东关中学", "stage", "A6"],
  ]);
  // The only errors are the two unknown-stage errors (one per dropped school). They are said once, in the
  // left-out list with the schools named, not again under 数据错误: the verdict is headlined "schools left out".
  const v = submitVerdict(r, "zh-CN");
  expect(v.dataErrors).toBe(0);
  expect(v.state).toBe("left-out");
});

test("the pane's second lock: a report that said 达标 with schools left out is shown as no verdict", () => {
  const r = checkWorkbook(county());
  const claimed = { ...r, report: { ...r.report, summary: { ...r.report.summary, meets: true } } };
  expect(shownMeets(claimed)).toBeNull();
  expect(
    shownMeets({ ...claimed, allFindings: [], report: { ...claimed.report, schools: [] } })
  ).toBe(true);
});

test("the pane does not read 达标 and 提交前检查 does not say 可以提交 while schools are left out", async () => {
  const host = new FakeHost(county());
  render(<Sidebar host={host} />);
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "开始检查" })));
  const banner = await screen.findByTestId("county-verdict");
  expect(banner.textContent).not.toContain("县域资源配置：达标");
  // The engine says 无法判定 (issue 14); were it ever to say 达标, the pane would say 有学校未纳入评估.
  expect(banner.textContent).toMatch(/县域资源配置：(无法判定|有学校未纳入评估)/);
  const list = screen.getByTestId("left-out");
  expect(list.textContent).toContain("2 所学校未纳入评估");
  expect(list.textContent).toContain("城关中学");
  expect(list.textContent).toContain("东关中学");
  expect(list.textContent).toContain("为该校选择学段");
  expect(screen.queryByText("所有学校均达标。")).toBeNull();

  fireEvent.click(screen.getAllByRole("button", { name: "提交前检查" })[0]);
  const verdict = await screen.findByTestId("submit-verdict");
  expect(verdict.getAttribute("data-state")).toBe("left-out");
  expect(verdict.textContent).not.toMatch(/^.?可以提交/);
  expect(verdict.textContent).toContain("还不能提交：有学校未纳入评估");
});

test("choosing the stage of each school on the correction screen brings it in and lifts the hold", async () => {
  const host = new FakeHost(county());
  render(<Sidebar host={host} />);
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "开始检查" })));
  await screen.findByTestId("county-verdict");
  fireEvent.click(within(screen.getByTestId("left-out")).getByRole("button", { name: "去更正" }));
  const picker = await screen.findByTestId("school-stages");
  for (const name of ["城关中学", "东关中学"]) {
    const row = within(picker).getByText(name).closest<HTMLElement>("[data-school]") as HTMLElement;
    await act(async () => fireEvent.click(within(row).getByRole("button", { name: "初中" })));
  }
  await waitFor(() =>
    expect(host.saved.at(-1)).toEqual({
      学校: { schoolStages: { 城关中学: "junior", 东关中学: "junior" } },
    })
  );
  fireEvent.click(screen.getByRole("button", { name: "确认，查看结果" }));
  const banner = await screen.findByTestId("county-verdict");
  expect(screen.queryByTestId("left-out")).toBeNull();
  expect(within(banner).getByText(/县域资源配置：/).textContent).toBe("县域资源配置：达标");
});
