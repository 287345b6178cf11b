/**
 * The 乡镇 of each school in the report (SchoolResult.township): read from a column headed 乡镇 (or 所属乡镇,
 * 乡镇（街道）, 街道 …) that no indicator needs; a merge down over several schools gives each its value; a blank
 * cell or no such column gives none, and then the report has no `township` key at all.
 */
import { checkWorkbook } from "../../src/engine/report";
import { isTownshipHeader } from "../../src/engine/table/township";
import { withMessages } from "../../src/present/reportJson";
import { sheet, workbook } from "./helpers";
import { FIGURES_HEADER, named, JUNIOR, PRIMARY } from "./layouts/fixtures";

const towns = (r: ReturnType<typeof checkWorkbook>): [string, string | undefined][] =>
  r.report.schools.map((s) => [s.name, s.township]);

test("a 乡镇 column merged down over its schools: every school gets its 乡镇", () => {
  const rows = [
    ["乡镇", "学校名称", ...FIGURES_HEADER],
    ["城关镇", ...named(PRIMARY, "小学")[0]],
    [null, ...named(PRIMARY, "小学")[1]],
    ["河口乡", ...named(PRIMARY, "小学")[2]],
    [" 河口乡 ", ...named(JUNIOR, "初中")[0]],
    [null, ...named(JUNIOR, "初中")[1]], // not merged, blank: none
  ];
  const r = checkWorkbook(workbook(sheet("学校", rows, ["A2:A3"])));
  expect(towns(r)).toEqual([
    ["甲小学", "城关镇"],
    ["乙小学", "城关镇"],
    ["丙小学", "河口乡"],
    ["丁初中", "河口乡"],
    ["戊初中", undefined],
  ]);
  expect("township" in r.report.schools[4]).toBe(false);
  // It is plain data: the verdicts are those of the table without the column.
  expect(r.report.summary.schools).toBe(5);
});

test("no 乡镇 column: no school has a township key, and the JSON is that of the same table read before", () => {
  const rows = [["学校名称", ...FIGURES_HEADER], ...named(PRIMARY, "小学")];
  const r = checkWorkbook(workbook(sheet("学校", rows)));
  expect(r.report.schools.every((s) => !("township" in s))).toBe(true);
  expect(JSON.stringify(withMessages(r.report, "zh-CN"))).not.toContain("township");
});

test("the headers that name a 乡镇, and some that do not", () => {
  for (const h of [
    "乡镇",
    "所属乡镇",
    "所在乡镇",
    "乡镇（街道）",
    "乡镇(街道)",
    "乡 镇",
    "街道",
    "镇街",
    "乡镇名称",
  ])
    expect([h, isTownshipHeader([h])]).toEqual([h, true]);
  for (const h of ["学校名称", "乡镇中心校", "乡镇学校数", "地址"])
    expect([h, isTownshipHeader([h])]).toEqual([h, false]);
  // A two-level header: its lowest level counts.
  expect(isTownshipHeader(["基本情况", "所属乡镇"])).toBe(true);
});
