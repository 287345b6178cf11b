/**
 * The county CV rule, standards.md §3.4, §5, §6: per stage, the student-weighted population CV of every indicator,
 * each ≤ 0.50 (小学) / ≤ 0.45 (初中), no 2017 composite; an incomplete CV never passes; edge cases of §6.
 */
import {
  check,
  codesOf,
  flatten,
  flattenWhere,
  H7,
  PRIMARY_OK,
  settingsWith,
  withCells,
} from "./harness";
import { renderFinding } from "../../../src/present/findingText";

// §6's five 小学 (P_i, books), with the books as 网络多媒体教室: X_i = rooms × 100 ÷ P_i is 100 × books per student,
// and a CV is scale-free, so the CV is the handout's 0.5153 (S = 3.2639 × 100, X̄ = 1913 × 100 ÷ 302).
const SECTION6 = [
  ["学校名称", "在校生数", "网络多媒体教室数(间)"],
  ["小学1", 45, 279],
  ["小学2", 37, 137],
  ["小学3", 89, 935],
  ["小学4", 76, 160],
  ["小学5", 55, 402],
];

describe("§6 weighted population CV through the engine: 0.5153, not 0.4888 or 0.5465", () => {
  const report = check("小学", SECTION6);
  const r = report.county.primary!.indicators.multimedia_rooms_per_100;
  test("X̄ = ratio of totals, S, CV", () => {
    expect(r.mean).toBeCloseTo((1913 * 100) / 302, 9);
    expect(r.sd).toBeCloseTo(326.39, 1);
    expect(r.cv).toBeCloseTo(0.5153, 4);
    expect(r.cv).not.toBeCloseTo(0.4888, 3); // unweighted ÷ n
    expect(r.cv).not.toBeCloseTo(0.5465, 3); // unweighted ÷ (n − 1)
    expect(r).toMatchObject({ limit: 0.5, meets: false, schools: 5, of: 5 });
  });
  test("cv-over-limit for the stage and indicator, no cell", () => {
    expect(flattenWhere(report, ["cv-over-limit"])).toEqual([
      [null, null, "cv-over-limit", null, "primary", "multimedia_rooms_per_100"],
    ]);
    const f = report.findings.find((x) => x.code === "cv-over-limit")!;
    expect(f.severity).toBe("error");
    // CVs are shown to 3 dp (§7): 0.515, not 0.52.
    expect(renderFinding(f, "zh-CN")).toContain("0.515");
  });
  test("the county fails on the CV even though every school meets its (only) indicator", () => {
    expect(report.county.primary!.meets).toBe(false);
  });
  test("policy cvMethod unweighted reproduces the wrong 0.4888 (and would pass 0.50)", () => {
    const u = check("小学", SECTION6, {
      settings: settingsWith({ policy: { cvMethod: "unweighted" } }),
    });
    const cv = u.county.primary!.indicators.multimedia_rooms_per_100;
    expect(cv.cv).toBeCloseTo(0.4888, 4);
    expect(cv.meets).toBe(true);
    expect(u.policy.cvMethod).toBe("unweighted");
  });
});

describe("stage limits 0.50 and 0.45, compared unrounded (≤)", () => {
  // Two schools of 1000 students: X = 1 ∓ d per 100 (count = 10 ∓ 10d) → X̄ = 1, S = d, CV = d.
  const rows = (d: number) => [
    ["学校名称", "学段", "在校生数", "县级及以上骨干教师数"],
    ["甲小学", "小学", 1000, 10 - 10 * d],
    ["乙小学", "小学", 1000, 10 + 10 * d],
    ["甲初中", "初中", 1000, 10 - 10 * d],
    ["乙初中", "初中", 1000, 10 + 10 * d],
  ];
  test("CV exactly 0.50: 小学 passes (≤), 初中 fails 0.45", () => {
    const report = check("学校", rows(0.5));
    expect(report.county.primary!.indicators.key_teachers_per_100).toMatchObject({
      cv: 0.5,
      limit: 0.5,
      meets: true,
    });
    expect(report.county.junior!.indicators.key_teachers_per_100).toMatchObject({
      limit: 0.45,
      meets: false,
    });
    expect(flattenWhere(report, ["cv-over-limit"])).toEqual([
      [null, null, "cv-over-limit", null, "junior", "key_teachers_per_100"],
    ]);
  });
  test("CV 0.45 passes 初中; 0.46 fails it", () => {
    const at = check("学校", rows(0.45));
    expect(at.county.junior!.indicators.key_teachers_per_100.cv).toBeCloseTo(0.45, 12);
    expect(at.county.junior!.indicators.key_teachers_per_100.meets).toBe(true);
    const over = check("学校", rows(0.46));
    expect(over.county.junior!.indicators.key_teachers_per_100.meets).toBe(false);
    expect(over.county.primary!.indicators.key_teachers_per_100.meets).toBe(true);
  });
  test("no 2017 composite (表Ⅲ L8 is 「——」)", () => {
    const report = check("学校", rows(0.2));
    expect(report.county.primary!.composite).toBeUndefined();
    expect(report.county.junior!.composite).toBeUndefined();
  });
});

describe("an incomplete CV never passes (docs/decisions.md, report-format.md)", () => {
  const report = check("小学", [
    H7,
    // 骨干 of 乙 missing: the CV over 甲 alone is 0 (would pass) but is only 1 of 2 schools.
    PRIMARY_OK,
    withCells(PRIMARY_OK, "乙小学", { D: null }),
  ]);
  const key = report.county.primary!.indicators.key_teachers_per_100;
  test("k of n, and meets null instead of true", () => {
    expect(key).toMatchObject({ schools: 1, of: 2, cv: 0, meets: null });
    expect(report.county.primary!.indicators.multimedia_rooms_per_100).toMatchObject({
      schools: 2,
      of: 2,
      meets: true,
    });
  });
  test("cv-incomplete for the stage and indicator", () => {
    expect(flattenWhere(report, ["cv-incomplete"])).toEqual([
      [null, null, "cv-incomplete", null, "primary", "key_teachers_per_100"],
    ]);
    expect(report.findings.find((f) => f.code === "cv-incomplete")!.severity).toBe("warning");
  });
  test("the stage verdict and the summary stay null", () => {
    expect(report.county.primary!.meets).toBeNull();
    expect(report.summary.meets).toBeNull();
  });
  test("an incomplete CV that is over its limit still fails", () => {
    const r = check("小学", [
      H7,
      // 骨干 2 and 18 per 1000 students → X = 0.2 and 1.8: X̄ = 1, S = 0.8, CV 0.8 > 0.5; 丙 missing: 2 of 3.
      withCells(PRIMARY_OK, "甲小学", { D: 2 }),
      withCells(PRIMARY_OK, "乙小学", { D: 18 }),
      withCells(PRIMARY_OK, "丙小学", { D: null }),
    ]);
    expect(r.county.primary!.indicators.key_teachers_per_100).toMatchObject({
      schools: 2,
      of: 3,
      meets: false,
    });
    expect(flatten(r, ["cv-over-limit", "cv-incomplete"])).toEqual([
      [null, null, "cv-incomplete"],
      [null, null, "cv-over-limit"],
    ]);
  });
});

describe("§6 edge cases", () => {
  test("one school: CV 0, which passes", () => {
    const r = check("小学", [
      ["学校名称", "在校生数", "县级及以上骨干教师数"],
      ["甲小学", 1000, 12],
    ]);
    expect(r.county.primary!.indicators.key_teachers_per_100).toMatchObject({
      mean: 1.2,
      sd: 0,
      cv: 0,
      meets: true,
    });
    // …with one warning for the stage (not one per indicator): a CV of one school compares nothing.
    expect(flattenWhere(r, ["cv-one-school"])).toEqual([
      [null, null, "cv-one-school", null, "primary", null],
    ]);
  });
  test("two schools: no one-school warning", () => {
    const r = check("小学", [
      ["学校名称", "在校生数", "县级及以上骨干教师数"],
      ["甲小学", 1000, 12],
      ["乙小学", 1000, 12],
    ]);
    expect(codesOf(r)).not.toContain("cv-one-school");
  });
  test("X̄ = 0: not assessable (CV null, no verdict, no cv-over-limit)", () => {
    const r = check("小学", [
      ["学校名称", "在校生数", "县级及以上骨干教师数"],
      ["甲小学", 1000, 0],
      ["乙小学", 500, 0],
    ]);
    expect(r.county.primary!.indicators.key_teachers_per_100).toMatchObject({
      mean: 0,
      cv: null,
      meets: null,
    });
    expect(flatten(r, ["cv-over-limit"])).toEqual([]);
    // Said once, for that stage and indicator, with the mean that makes it undefined; the others are computable.
    expect(flattenWhere(r, ["cv-not-assessable"])).toEqual([
      [null, null, "cv-not-assessable", null, "primary", "key_teachers_per_100"],
    ]);
    expect(r.findings.find((f) => f.code === "cv-not-assessable")!.params).toEqual({
      mean: 0,
      schools: 2,
    });
  });
  test("a county mean just above 0 is assessable: no cv-not-assessable", () => {
    const r = check("小学", [
      ["学校名称", "在校生数", "县级及以上骨干教师数"],
      ["甲小学", 1000, 1],
      ["乙小学", 500, 0],
    ]);
    expect(codesOf(r)).not.toContain("cv-not-assessable");
  });
  test("the weights are the students: a big school near the mean lowers the CV", () => {
    // 1000 students at 1.0 and 100 at 2.0: X̄ = (1000 + 200) ÷ 1100 = 1.0909…, S² = (1000 × 0.0909² + 100 × 0.9091²) ÷ 1100
    // = (8.264 + 82.645) ÷ 1100 = 0.082645 → S = 0.28748, CV = 0.26352. Unweighted it would be 0.5 ÷ 1.5 = 0.3333.
    const r = check("小学", [
      ["学校名称", "在校生数", "县级及以上骨干教师数"],
      ["甲小学", 1000, 10],
      ["乙小学", 100, 2],
    ]);
    const k = r.county.primary!.indicators.key_teachers_per_100;
    expect(k.mean).toBeCloseTo(1200 / 1100, 12);
    expect(k.cv).toBeCloseTo(0.26352, 5);
  });
});

describe("CV borderline (§7): 0.5004 shows 0.500 but fails; 0.5018 shows 0.502 and fails", () => {
  const rows = (d: number) => [
    ["学校名称", "在校生数", "每百名学生拥有县级以上骨干教师数"],
    ["甲小学", 1000, 1 - d],
    ["乙小学", 1000, 1 + d],
  ];
  test("0.5004: borderline", () => {
    const r = check("小学", rows(0.5004)).county.primary!.indicators.key_teachers_per_100;
    expect(r).toMatchObject({ meets: false, borderline: true });
  });
  test("0.5018: not borderline", () => {
    const r = check("小学", rows(0.5018)).county.primary!.indicators.key_teachers_per_100;
    expect(r.meets).toBe(false);
    expect(r.borderline).toBeUndefined();
  });
  test("0.4996: shows 0.500 and passes: not borderline", () => {
    const r = check("小学", rows(0.4996)).county.primary!.indicators.key_teachers_per_100;
    expect(r.meets).toBe(true);
    expect(r.borderline).toBeUndefined();
  });
});
