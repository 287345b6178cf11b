/**
 * 与上年比较 on two generated years: last year = standards.md §16; this year D closed and E (300 students, 3 骨干)
 * opened, A–C unchanged. Figures worked out by hand below.
 */
import { compareReports } from "../../src/engine/compare";
import { checkWorkbook } from "../../src/engine/report";
import { SECTION16_HEADER, SECTION16_ROWS, sheet, workbook } from "./helpers";

const lastYear = checkWorkbook(
  workbook(sheet("小学", [SECTION16_HEADER, ...SECTION16_ROWS]))
).report;
const E = ["E小学", 300, 15, 3, 1, 1, 1, 1500, 2400, 60, 7];
const thisYear = checkWorkbook(
  workbook(sheet("小学", [SECTION16_HEADER, ...SECTION16_ROWS.slice(0, 3), E]))
).report;
const cmp = compareReports(lastYear, thisYear);

test("schools added and closed, matched by name and stage", () => {
  expect(cmp.added).toEqual([{ name: "E小学", stage: "primary" }]);
  expect(cmp.closed).toEqual([{ name: "D小学", stage: "primary" }]);
  expect(cmp.schools.map((s) => s.name)).toEqual(["A小学", "B小学", "C小学"]);
  // A–C unchanged: every change is 0.
  for (const s of cmp.schools) for (const v of Object.values(s.values)) expect(v.change).toBe(0);
  expect(cmp.schools[2]).toMatchObject({ statusLast: "fail", statusThis: "fail" });
});

test("骨干 per 100: last year §16 (1.066667, 0.180534, 0.169251); this year worked by hand", () => {
  // This year: A 14 × 100 / 1200 = 1.166667, B 1.0, C 0.666667, E 3 × 100 / 300 = 1.0.
  //   X̄ = (14 + 6 + 2 + 3) × 100 / 2400 = 1.041667
  //   Σ P(X − X̄)² = 1200 × 0.125² + 600 × 0.041667² + 300 × 0.375² + 300 × 0.041667²
  //              = 18.75 + 1.041667 + 42.1875 + 0.520833 = 62.5 → S = √(62.5 / 2400) = 0.161374
  //   CV = 0.161374 / 1.041667 = 0.154919; change 0.154919 − 0.169251 = −0.014331.
  const key = cmp.stages[0].indicators.find((i) => i.id === "key_teachers_per_100")!;
  expect(key.last.mean).toBeCloseTo(1.066667, 6);
  expect(key.last.cv).toBeCloseTo(0.169251, 6);
  expect(key.this.mean).toBeCloseTo(1.041667, 6);
  expect(key.this.sd).toBeCloseTo(0.161374, 6);
  expect(key.this.cv).toBeCloseTo(0.154919, 6);
  expect(key.change.cv).toBeCloseTo(-0.014331, 6);
});

test("the monitoring table as counties print it: 全县平均值 / 标准差 / 差异系数 to 6 dp", () => {
  const last = cmp.monitoring.last.find((r) => r.indicator === "key_teachers_per_100")!;
  expect(last).toEqual({
    stage: "primary",
    indicator: "key_teachers_per_100",
    mean: "1.066667",
    sd: "0.180534",
    cv: "0.169251",
  });
  const now = cmp.monitoring.this.find((r) => r.indicator === "key_teachers_per_100")!;
  expect([now.mean, now.sd, now.cv]).toEqual(["1.041667", "0.161374", "0.154919"]);
  // §16 equipment: 2293.333333, 232.283352, 0.101286.
  const eq = cmp.monitoring.last.find((r) => r.indicator === "equipment_value_per_student")!;
  expect([eq.mean, eq.sd, eq.cv]).toEqual(["2293.333333", "232.283352", "0.101286"]);
  expect(cmp.monitoring.last).toHaveLength(7);
});
