/** 差异系数: standards.md §5, §6 (official handout), §14 (鸠江 2023), §7 (float trap). */
import { weightedCv, unweightedCv } from "../../src/engine/indicators/weightedCv";
import { checkWorkbook } from "../../src/engine/report";
import { formatNumber } from "../../src/engine/format";
import { defaultSettings } from "../../src/standards";
import { sheet, workbook } from "./helpers";

// §6: five 小学, books per student.
const P = [45, 37, 89, 76, 55];
const books = [279, 137, 935, 160, 402];
const X = books.map((b, i) => b / P[i]);

describe("official 5-school example (§6)", () => {
  test("weighted population CV = 0.5153 (handout 0.52), S = 3.2639, X̄ = 1913/302", () => {
    const r = weightedCv(X, P);
    expect(r.mean).toBeCloseTo(1913 / 302, 10);
    expect(r.sd).toBeCloseTo(3.2639, 4);
    expect(r.cv).toBeCloseTo(0.5153, 4);
    expect(formatNumber(r.cv!, 2)).toBe("0.52");
    // Σ (P_i/P)(X_i − X̄)² = 10.6528 by the handout's table.
    expect(r.sd * r.sd).toBeCloseTo(10.6528, 3);
  });
  test("the unweighted forms are not what we return (0.4888 ÷ n, 0.5465 ÷ n−1)", () => {
    const r = weightedCv(X, P);
    expect(unweightedCv(X).cv).toBeCloseTo(0.4888, 4);
    expect(r.cv).not.toBeCloseTo(0.4888, 3);
    expect(r.cv).not.toBeCloseTo(0.5465, 3);
  });
  test("the engine computes the same CV from a basic-2012 workbook", () => {
    const rows = [
      ["学校名称", "在校生数", "图书册数"],
      ...P.map((p, i) => [`小学${i + 1}`, p, books[i]]),
    ];
    const { report } = checkWorkbook(workbook(sheet("小学", rows)), {
      settings: defaultSettings("basic-2012"),
    });
    expect(report.county.primary!.indicators.books_per_student.cv).toBeCloseTo(0.5153, 4);
    expect(report.county.primary!.indicators.books_per_student.mean).toBeCloseTo(1913 / 302, 10);
  });
});

describe("鸠江 2023 L2 (§14): 0.501787 fails 0.50 and shows 0.502", () => {
  // Two schools of 1000 students with per-100 values 1 ∓ 0.501787 × 0.887611… scaled: equal weights give
  // X̄ = m and S = d exactly, so CV = d / m. Take m = 1, d = 0.501787.
  const rows = [
    ["学校名称", "在校生数", "每百名学生拥有县级以上骨干教师数"],
    ["甲小学", 1000, 1 - 0.501787],
    ["乙小学", 1000, 1 + 0.501787],
  ];
  const { report } = checkWorkbook(workbook(sheet("小学", rows)));
  const r = report.county.primary!.indicators.key_teachers_per_100;
  test("CV and verdict", () => {
    expect(r.cv).toBeCloseTo(0.501787, 9);
    expect(r.meets).toBe(false);
    expect(formatNumber(r.cv!, 3)).toBe("0.502");
    expect(r.borderline).toBeUndefined();
    expect(
      report.findings.some(
        (f) => f.code === "cv-over-limit" && f.indicator === "key_teachers_per_100"
      )
    ).toBe(true);
  });
  test("a CV of 0.5004 is borderline: shows 0.500 but fails", () => {
    const rows2 = [
      ["学校名称", "在校生数", "每百名学生拥有县级以上骨干教师数"],
      ["甲小学", 1000, 1 - 0.5004],
      ["乙小学", 1000, 1 + 0.5004],
    ];
    const r2 = checkWorkbook(workbook(sheet("小学", rows2))).report.county.primary!.indicators
      .key_teachers_per_100;
    expect(r2.meets).toBe(false);
    expect(r2.borderline).toBe(true);
  });
});

describe("stage limits: 宁国 junior L7 0.496 passes 0.50 but fails 0.45", () => {
  const rows = [
    ["学校名称", "学段", "在校生数", "每百名学生拥有网络多媒体教室数"],
    ["甲中学", "初中", 1000, 3 * (1 - 0.496)],
    ["乙中学", "初中", 1000, 3 * (1 + 0.496)],
    ["甲小学", "小学", 1000, 3 * (1 - 0.496)],
    ["乙小学", "小学", 1000, 3 * (1 + 0.496)],
  ];
  const { report } = checkWorkbook(workbook(sheet("全县", rows)));
  test("primary passes 0.50, junior fails 0.45", () => {
    expect(report.county.primary!.indicators.multimedia_rooms_per_100.cv).toBeCloseTo(0.496, 9);
    expect(report.county.primary!.indicators.multimedia_rooms_per_100.meets).toBe(true);
    expect(report.county.junior!.indicators.multimedia_rooms_per_100.limit).toBe(0.45);
    expect(report.county.junior!.indicators.multimedia_rooms_per_100.meets).toBe(false);
  });
});

describe("float trap (§7)", () => {
  test("9 PE/arts teachers for 1000 students meets 0.9 per 100", () => {
    expect((9 / 1000) * 100).toBeLessThan(0.9); // the trap itself
    const rows = [
      ["学校名称", "在校生数", "体育、艺术专任教师数"],
      ["甲小学", 1000, 9],
    ];
    const r = checkWorkbook(workbook(sheet("小学", rows))).report.schools[0].indicators
      .pe_arts_teachers_per_100;
    expect(r.meets).toBe(true);
    expect(r.gap).toBe(0);
  });
  test("a 85% floor of 3.57 is stored exactly (0.85 × 4.2 is not)", () => {
    const std = defaultSettings().standard;
    const l1 = std.indicators[0];
    expect(l1.floor!.primary).toBe(3.57);
    expect(std.indicators[3].floor!.primary).toBe(3.825);
  });
  test("4.196 displays 4.20 but fails 4.2: borderline", () => {
    // 4196 ÷ 1000 × … : qualified teachers 4196 for 100000 students gives 4.196 per 100.
    const rows = [
      ["学校名称", "在校生数", "高于规定学历教师数"],
      ["甲小学", 100000, 4196],
    ];
    const r = checkWorkbook(workbook(sheet("小学", rows))).report.schools[0].indicators
      .qualified_teachers_per_100;
    expect(r.value).toBeCloseTo(4.196, 12);
    expect(r.display).toBe("4.20");
    expect(r.meets).toBe(false);
    expect(r.borderline).toBe(true);
  });
});

describe("edge cases (§6)", () => {
  test("one school: CV 0", () => {
    expect(weightedCv([5], [100]).cv).toBe(0);
  });
  test("mean 0: not assessable", () => {
    expect(weightedCv([0, 0], [1, 2]).cv).toBeNull();
  });
  test("no students at all (Σ P = 0): not assessable, never NaN", () => {
    const r = weightedCv([3, 5], [0, 0]);
    expect(r.cv).toBeNull();
    expect(r.weight).toBe(0);
  });
});
