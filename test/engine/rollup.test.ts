/**
 * The city roll-up (src/engine/rollup): per county, the schools below each threshold (assessed schools only, a
 * missing value is not "below"); across counties, the indicators failing most often, and the counties whose CV is
 * over its limit (an open CV is not over). Counts are worked out by hand from §16 and the thresholds of §3.1.
 */
import { mostFailing, rollupRow } from "../../src/engine/rollup";
import { check } from "./rules/harness";
import { SECTION16_HEADER, SECTION16_ROWS } from "./helpers";
import type { RawCell } from "../../src/engine/workbook";

const S16 = SECTION16_ROWS.map((r) => [...r]);

// 甲县: §16's four schools, a 30-pupil 教学点 below every threshold (excluded: < 50), and E小学 = A小学 without its
// 骨干 count (every other indicator met, 骨干 missing → not met, not "below").
const jia = check("小学", [
  SECTION16_HEADER,
  ...S16,
  ["王庄教学点", 30, 0, 0, 0, 0, 0, 10, 10, 0.1, 0],
  ["E小学", 1200, 60, null, 4, 4, 4, 6000, 9600, 300, 30],
]);

// 乙县: §16's four and F, G with 1 ㎡ of 运动场馆 per pupil (7.5 needed), everything else met:
// 50 × 100 ÷ 1000 = 5 ≥ 4.2; 12 ÷ 10 = 1.2 ≥ 1 and ≥ 0.9; 5000 ÷ 1000 = 5 ≥ 4.5; 250 万元 ÷ 1000 = 2500 ≥ 2000; 2.5 ≥ 2.3.
const f = (name: string): RawCell[] => [name, 1000, 50, 12, 4, 4, 4, 5000, 1000, 250, 25];
const yi = check("小学", [SECTION16_HEADER, ...S16, f("F小学"), f("G小学")]);

// 丙县: two schools above every threshold, but 运动场馆 8 and 30 ㎡ per pupil for 1000 pupils each:
// mean 19, sd √((11² + 11²) ÷ 2) = 11, CV 11 ÷ 19 = 0.579 > 0.50 — over the limit with no school below.
const g = (name: string, sports: number): RawCell[] => [
  name,
  1000,
  50,
  12,
  4,
  4,
  4,
  5000,
  sports,
  250,
  25,
];
const bing = check("小学", [SECTION16_HEADER, g("一小", 8000), g("二小", 30000)]);

describe("rollupRow: schools below each threshold", () => {
  const row = rollupRow("甲县.xlsx", jia, null);
  test("§16's one school per indicator; the excluded 教学点 and E's missing 骨干 are not counted", () => {
    // §16: 骨干 C; 体艺 D; 用房 C; 场馆 B; 仪器 C; 多媒体 C; 高学历 none.
    expect(row.below.primary).toEqual({
      key_teachers_per_100: 1,
      pe_arts_teachers_per_100: 1,
      teaching_space_per_student: 1,
      sports_space_per_student: 1,
      equipment_value_per_student: 1,
      multimedia_rooms_per_100: 1,
    });
  });
  test("the stage counts assessed schools only: A–D and E (the 教学点 is excluded)", () => {
    expect(row.stages.primary!.schools).toBe(5);
  });
});

describe("mostFailing: most schools below first, then most counties over the limit", () => {
  const rows = [
    rollupRow("甲县", jia, null),
    rollupRow("乙县", yi, null),
    rollupRow("丙县", bing, null),
  ];
  const failing = mostFailing(rows);
  // 乙's 运动场馆 CV is over the limit too: 8, 7, 9, 9, 1, 1 ㎡ for 1200, 600, 300, 150, 1000, 1000 pupils; mean
  // 19850 ÷ 4250 = 4.671, Σ P (X − mean)² ÷ P = 51,940 ÷ 4250 = 12.22, sd 3.496, CV 0.749 > 0.50. 甲's (8, 7, 9, 9, 8)
  // is far under it.
  test("运动场馆 first: 1 (甲 B) + 3 (乙 B, F, G) = 4 schools below; 乙's and 丙's CVs over the limit", () => {
    expect(failing[0]).toEqual({
      stage: "primary",
      indicator: "sports_space_per_student",
      schoolsBelow: 4,
      countiesOverLimit: 2,
    });
  });
  test("the rest have 2 schools below (one per §16 county), in the standard's order", () => {
    expect(failing.slice(1).map((x) => [x.indicator, x.schoolsBelow])).toEqual([
      ["key_teachers_per_100", 2],
      ["pe_arts_teachers_per_100", 2],
      ["teaching_space_per_student", 2],
      ["equipment_value_per_student", 2],
      ["multimedia_rooms_per_100", 2],
    ]);
  });
  test("甲's open 骨干 CV (E's value missing) is not a county over the limit", () => {
    expect(rows[0].stages.primary!.cvMeets.key_teachers_per_100).toBeNull();
    expect(failing.find((x) => x.indicator === "key_teachers_per_100")!.countiesOverLimit).toBe(0);
  });
  test("an indicator that fails only its CV is listed too", () => {
    const cvOnly = mostFailing([rollupRow("丙县", bing, null)]);
    expect(cvOnly).toEqual([
      {
        stage: "primary",
        indicator: "sports_space_per_student",
        schoolsBelow: 0,
        countiesOverLimit: 1,
      },
    ]);
  });
});
