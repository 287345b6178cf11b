/** @jest-environment jsdom */
/**
 * The 乡镇 filter of the school list (issue 10 Deliver 5): shown only when the report names a 乡镇 for some school
 * (the table has a 乡镇 column), its options the 乡镇 in table order, and choosing one keeps that 乡镇's schools.
 */
import "./domShims";

jest.setTimeout(30_000);
import * as React from "react";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { checkWorkbook } from "../../src/engine/report";
import { schoolGroups } from "../../src/ui/reportView";
import { filterSchools, NO_FILTER, townshipsOf } from "../../src/ui/schoolFilter";
import { Sidebar } from "../../src/ui/Sidebar";
import type { RawCell } from "../../src/engine/workbook";
import { SECTION16_HEADER, sheet, workbook } from "../engine/helpers";
import { FakeHost, passingRow } from "./helpers";

/** A 小学 that passes everything but 骨干教师 (none: 0 of 1 per 100 students, below the 85 % floor). */
const failing = (name: string, students: number): RawCell[] => {
  const r = passingRow(name, students);
  r[3] = 0;
  return r;
};

/** Five failing 小学 in two 乡镇 (城关镇 merged over rows 2–4, 河口乡 over 5–6), one passing school in 河口乡. */
function county(withTownship = true) {
  const rows: RawCell[][] = [
    ["城关镇", ...failing("城关第一小学", 1000)],
    [null, ...failing("城关第二小学", 800)],
    [null, ...failing("城关第三小学", 600)],
    ["河口乡", ...failing("河口第一小学", 1000)],
    [null, ...failing("河口第二小学", 500)],
    ["河口乡", ...passingRow("河口第三小学", 700)],
  ];
  if (!withTownship)
    return workbook(sheet("学校", [SECTION16_HEADER, ...rows.map((r) => r.slice(1))]));
  return workbook(sheet("学校", [["乡镇", ...SECTION16_HEADER], ...rows], ["A2:A4", "A5:A6"]));
}

const listed = (): string[] =>
  Array.from(
    screen.getByTestId("schools").querySelectorAll<HTMLElement>("[data-school]"),
    (el) => el.dataset.school ?? ""
  );

test("filterSchools keeps the schools of one 乡镇; townshipsOf lists them in table order", () => {
  const r = checkWorkbook(county());
  expect(townshipsOf(r.report)).toEqual(["城关镇", "河口乡"]);
  const groups = schoolGroups(r.report, r.allFindings, "zh-CN");
  const names = (township: string | null): string[] =>
    filterSchools(groups, r.report, { ...NO_FILTER, township }).map((g) => g.name);
  expect(names("城关镇")).toEqual(["城关第一小学", "城关第二小学", "城关第三小学"]);
  expect(names("河口乡")).toEqual(["河口第一小学", "河口第二小学"]);
  expect(names(null)).toHaveLength(5);
  expect(townshipsOf(checkWorkbook(county(false)).report)).toEqual([]);
});

test("the pane shows a 乡镇 drop-down and filters by it", async () => {
  render(<Sidebar host={new FakeHost(county())} />);
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "开始检查" })));
  await screen.findByTestId("county-verdict");
  const select = screen.getByTestId("school-township") as HTMLSelectElement;
  expect(
    within(select)
      .getAllByRole("option")
      .map((o) => o.textContent)
  ).toEqual(["全部", "城关镇", "河口乡"]);
  expect(listed()).toHaveLength(5);
  fireEvent.change(select, { target: { value: "河口乡" } });
  expect(listed()).toEqual(["河口第一小学", "河口第二小学"]);
  expect(screen.getByTestId("school-count").textContent).toContain("2");
  fireEvent.change(select, { target: { value: "" } });
  expect(listed()).toHaveLength(5);
});

test("a 乡镇 spelled 「all」 is a 乡镇 like any other, not 「全部」", () => {
  // Rows 2–4 in 乡镇 "all" (three failing schools), rows 5–6 in 河口乡 (two failing, one passing).
  const wb = county();
  const rows = wb.sheets[0].rows;
  rows[1][0] = "all";
  const r = checkWorkbook(wb);
  expect(townshipsOf(r.report)).toEqual(["all", "河口乡"]);
  const groups = schoolGroups(r.report, r.allFindings, "zh-CN");
  const only = filterSchools(groups, r.report, { ...NO_FILTER, township: "all" });
  expect(only.map((g) => g.name)).toEqual(["城关第一小学", "城关第二小学", "城关第三小学"]);
  expect(filterSchools(groups, r.report, NO_FILTER)).toHaveLength(5);
});

test("a table without a 乡镇 column: no 乡镇 drop-down", async () => {
  render(<Sidebar host={new FakeHost(county(false))} />);
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "开始检查" })));
  await screen.findByTestId("county-verdict");
  expect(screen.getByTestId("school-search")).toBeTruthy();
  expect(screen.queryByTestId("school-township")).toBeNull();
});
