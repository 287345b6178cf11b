/**
 * 与上年比较 (src/engine/compare): schools are matched by name and stage, so the two parts of a 九年一贯制 are
 * compared part with part; an excluded 教学点 (< 50 students) is not one of the compared schools.
 */
import { compareReports } from "../../src/engine/compare";
import { checkWorkbook } from "../../src/engine/report";
import type { RawCell } from "../../src/engine/workbook";
import { sheet, workbook } from "./helpers";

const head = ["学校名称", "学校类型", "小学在校学生数", "初中在校学生数", "高于规定学历教师数"];
const report = (rows: RawCell[][]) =>
  checkWorkbook(workbook(sheet("学校", [head, ...rows]))).report;

test("a 九年一贯制's 小学部 is compared with last year's 小学部 (600 → 620), its 初中部 with the 初中部 (300 → 310)", () => {
  const c = compareReports(
    report([["甲学校", "九年一贯制", 600, 300, 40]]),
    report([["甲学校", "九年一贯制", 620, 310, 40]])
  );
  expect(c.schools.map((s) => [s.stage, s.students.last, s.students.this])).toEqual([
    ["primary", 600, 620],
    ["junior", 300, 310],
  ]);
  expect(c.added).toEqual([]);
  expect(c.closed).toEqual([]);
});

test("an excluded 教学点 of 30 pupils is neither compared, added nor closed", () => {
  const c = compareReports(
    report([
      ["甲小学", "小学", 600, null, 30],
      ["乙教学点", "教学点", 30, null, 1],
    ]),
    report([
      ["甲小学", "小学", 610, null, 30],
      ["乙教学点", "教学点", 28, null, 1],
    ])
  );
  expect(c.schools.map((s) => s.name)).toEqual(["甲小学"]);
  expect(c.added).toEqual([]);
  expect(c.closed).toEqual([]);
});
