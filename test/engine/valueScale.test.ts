/**
 * value-scale-suspect (standards.md §11.3 and docs/decisions.md): per-student areas outside 0.2–200 ㎡ and amounts
 * more than 300 times off their stage's median are named at their cell; the values are used as read.
 */
import { checkWorkbook } from "../../src/engine/report";
import type { Finding, Report } from "../../src/engine/reportTypes";
import { renderFinding } from "../../src/present/findingText";
import { sheet, workbook } from "./helpers";

const HEADER = ["学校名称", "在校生数", "教学及辅助用房面积(㎡)", "教学仪器设备值(元)"];
function run(rows: (string | number)[][], name = "小学"): Report {
  return checkWorkbook(workbook(sheet(name, [HEADER, ...rows]))).report;
}
const suspects = (r: Report): Finding[] =>
  r.findings.filter((f) => f.code === "value-scale-suspect");

test("the area bounds are inclusive: exactly 0.2 and exactly 200 ㎡ per student are not flagged", () => {
  // 200 ㎡ / 1,000 = 0.2; 200,000 ㎡ / 1,000 = 200; 199 / 1,000 = 0.199 < 0.2 is flagged.
  const r = run([
    ["甲小学", 1000, 200, 2000000],
    ["乙小学", 1000, 200000, 2000000],
    ["丙小学", 1000, 199, 2000000],
  ]);
  expect(suspects(r).map((f) => [f.school, f.cell, f.params])).toEqual([
    ["丙小学", "C4", { reason: "area-out-of-range", value: 0.199, low: 0.2, high: 200 }],
  ]);
});

test("an amount 300 times the median is not flagged; 301 times is, with value ÷ median as the factor", () => {
  // Per student: 1,000 ×3 → median 1,000 (upper middle of 1,000, 1,000, 1,000, 300,000); 300,000 ÷ 1,000 = 300.
  const at300 = run([
    ["甲小学", 100, 500, 100000],
    ["乙小学", 100, 500, 100000],
    ["丙小学", 100, 500, 100000],
    ["丁小学", 100, 500, 30000000],
  ]);
  expect(suspects(at300)).toEqual([]);
  // 301,000 ÷ 1,000 = 301 > 300.
  const at301 = run([
    ["甲小学", 100, 500, 100000],
    ["乙小学", 100, 500, 100000],
    ["丙小学", 100, 500, 100000],
    ["丁小学", 100, 500, 30100000],
  ]);
  const f = suspects(at301);
  expect(f.map((x) => [x.school, x.cell, x.indicator])).toEqual([
    ["丁小学", "D5", "equipment_value_per_student"],
  ]);
  expect(f[0].params).toEqual({
    reason: "money-off-scale",
    value: 301000,
    median: 1000,
    factor: 301,
  });
});

test("a school that typed 万元 into a 元 column is flagged, its value and verdict kept as read", () => {
  // 丁: 26 元 / 120 students = 0.2167 元 per student; the others 2,000–2,200 → median 2,100 (upper middle of
  // 0.2167, 2,000, 2,100, 2,200), factor 0.2167 / 2,100 ≈ 1/9,692.
  const r = run([
    ["甲小学", 100, 500, 200000],
    ["乙小学", 100, 500, 210000],
    ["丙小学", 100, 500, 220000],
    ["丁小学", 120, 600, 26],
  ]);
  const f = suspects(r);
  expect(f).toHaveLength(1);
  expect(f[0].school).toBe("丁小学");
  const p = f[0].params as { median: number; factor: number };
  expect(p.median).toBe(2100);
  expect(p.factor).toBeCloseTo(26 / 120 / 2100, 12);
  const ding = r.schools.find((s) => s.name === "丁小学")!;
  expect(ding.indicators.equipment_value_per_student?.value).toBeCloseTo(26 / 120, 12);
  expect(ding.indicators.equipment_value_per_student?.meets).toBe(false);
  expect(renderFinding(f[0], "zh-CN")).toContain("1/9,692");
  expect(renderFinding(f[0], "zh-CN")).toContain("万元");
  expect(renderFinding(f[0], "en")).toContain("1/9,692");
});

test("a stage with fewer than three amounts has no median to compare with", () => {
  const r = run([
    ["甲小学", 100, 500, 200000],
    ["乙小学", 100, 500, 20],
  ]);
  expect(suspects(r)).toEqual([]);
});

test("the median is per stage: 初中 amounts are not compared with 小学 ones", () => {
  // 小学 2,000 元 per student ×3, 初中 1 元 ×3 (each stage internally consistent): nothing is flagged.
  const r = checkWorkbook(
    workbook(
      sheet("小学", [
        HEADER,
        ["甲小学", 100, 500, 200000],
        ["乙小学", 100, 500, 200000],
        ["丙小学", 100, 500, 200000],
      ]),
      sheet("初中", [
        HEADER,
        ["甲中学", 100, 500, 100],
        ["乙中学", 100, 500, 100],
        ["丙中学", 100, 500, 100],
      ])
    )
  ).report;
  expect(suspects(r)).toEqual([]);
});

test("an excluded school is not judged: a 教学点 of 30 students (< 50, §8.3) with 0.1 ㎡ per student", () => {
  // 3 ㎡ / 30 = 0.1 < 0.2, but the 教学点 is not assessed, so nothing is said of its values.
  const r = run([
    ["甲小学", 1000, 2000, 2000000],
    ["河口村教学点", 30, 3, 60000],
  ]);
  expect(r.schools.find((s) => s.name === "河口村教学点")?.excluded).toBe("small-teaching-point");
  expect(suspects(r)).toEqual([]);
});

test("a value from the sheet's own 生均 column is not judged (its arithmetic is the sheet's, not a unit slip)", () => {
  // 生均教学及辅助用房面积 given as 0.1 with no raw area: the value is the sheet's own figure.
  const r = checkWorkbook(
    workbook(
      sheet("小学", [
        ["学校名称", "在校生数", "生均教学及辅助用房面积"],
        ["甲小学", 1000, 0.1],
      ])
    )
  ).report;
  expect(r.schools[0].indicators.teaching_space_per_student?.fromRatioColumn).toBe(true);
  expect(suspects(r)).toEqual([]);
});
