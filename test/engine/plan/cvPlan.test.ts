/**
 * CVs over their limit after the school additions (standards.md §3.4, §5): transfers first (cost 0, never breaking
 * the giver), then additions where they lower the CV most; the engine re-run proves the result.
 */
import { planWorkbook } from "../../../src/engine/plan";
import { sheet, workbook } from "../helpers";
import { planHeader, planRows, prng, SchoolSpec, THRESHOLDS, SCALES } from "./helpers";

describe("鸠江-like: primary 骨干 CV 0.503 → within 0.50 by one transfer, at no cost", () => {
  // Ten 小学 of 1000 students. 骨干: eight with 9 (0.9 per 100: below 1, above the 0.85 floor — each passes with
  // 骨干 as its one unmet indicator), one with 14, one with 28. Every other indicator is met and equal everywhere.
  // Equal weights: X̄ = (8 × 0.9 + 1.4 + 2.8) / 10 = 1.14;
  //   Σ(X − X̄)² = 8 × 0.24² + 0.26² + 1.66² = 0.4608 + 0.0676 + 2.7556 = 3.284 → S = √0.3284 = 0.573062,
  //   CV = 0.573062 / 1.14 = 0.502686 > 0.50 (like 鸠江 2023's 0.501787, shown 0.503).
  // Moving one 骨干 from the 28 school to a 9 school: values 2.7 and 1.0, X̄ unchanged;
  //   Σ = 7 × 0.0576 + 0.14² + 0.0676 + 1.56² = 0.4032 + 0.0196 + 0.0676 + 2.4336 = 2.924 → S = 0.540740,
  //   CV = 0.474334 ≤ 0.50. One transfer is enough.
  const key = [9, 9, 9, 9, 9, 9, 9, 9, 14, 28];
  const schools: SchoolSpec[] = key.map((k, i) => ({
    name: `第${i + 1}小学`,
    students: 1000,
    n: [50, k, 10, 5000, 8000, 2500000, 25],
  }));
  const { plan, afterReport } = planWorkbook(
    workbook(sheet("小学", [planHeader(), ...planRows(schools)]))
  );

  test("before: every school passes, 骨干 CV 0.502686 fails 0.50", () => {
    expect(plan.before.schoolsMeeting).toBe(10);
    const c = plan.before.county.primary!.indicators.key_teachers_per_100;
    expect(c.cv).toBeCloseTo(0.502686, 6);
    expect(c.meets).toBe(false);
  });

  test("one transfer of one 骨干 from the school with 28, cost 0", () => {
    expect(plan.transfers).toEqual([
      expect.objectContaining({
        kind: "key_teachers",
        from: "第10小学",
        fromStage: "primary",
        to: "第1小学",
        toStage: "primary",
        count: 1,
      }),
    ]);
    expect(plan.total).toBe(0);
    expect(plan.schools).toHaveLength(0);
  });

  test("after: CV 0.474334, every school still passes (the giver too)", () => {
    const c = plan.after.county.primary!.indicators.key_teachers_per_100;
    expect(c.cv).toBeCloseTo(0.474334, 6);
    expect(c.meets).toBe(true);
    expect(plan.after.schoolsMeeting).toBe(10);
    expect(afterReport.schools.find((s) => s.name === "第10小学")!.status).toBe("pass");
    expect(plan.cvs).toEqual([
      expect.objectContaining({ stage: "primary", indicator: "key_teachers_per_100", meets: true }),
    ]);
  });
});

test("a giver is never made to fail: when every possible giver would, additions are bought instead", () => {
  // Twenty village 小学 of 20 students with 1 骨干 and 1 体艺 teacher each (5.0 per 100), two town 小学 of 1000
  // with 9 骨干 (0.9, at its floor) and 10 体艺 (1.0). 骨干 weighted: X̄ = (400 × 5 + 2000 × 0.9) / 2400 = 1.583333,
  //   Σ P(X − X̄)² / P = (400 × 3.416667² + 2000 × 0.683333²) / 2400 = (4669.44 + 933.89) / 2400 = 2.334722,
  //   S = 1.527980, CV = 0.965040 > 0.50.
  // A transfer from a village (1 → 0: 0 < 0.85 floor) would fail it; the two towns are equal (no gain). So no
  // transfer, and 骨干 must be bought — at the towns, the lowest values.
  const village = (i: number): SchoolSpec => ({
    name: `村${i + 1}小学`,
    students: 20,
    n: [2, 1, 1, 200, 300, 100000, 1],
  });
  const town = (i: number): SchoolSpec => ({
    name: `城关${i + 1}小学`,
    students: 1000,
    n: [50, 9, 10, 5000, 8000, 2500000, 25],
  });
  const specs = [...Array.from({ length: 20 }, (_, i) => village(i)), town(0), town(1)];
  const { plan, afterReport } = planWorkbook(
    workbook(sheet("小学", [planHeader(), ...planRows(specs)]))
  );
  const key = plan.before.county.primary!.indicators.key_teachers_per_100;
  expect(key.cv).toBeCloseTo(0.96504, 5);
  expect(plan.transfers).toHaveLength(0);
  expect(plan.schools.map((s) => s.name).sort()).toEqual(["城关1小学", "城关2小学"]);
  expect(plan.schools[0].forCv.key_teachers).toBeGreaterThan(0);
  expect(afterReport.schools.every((s) => s.status === "pass")).toBe(true);
  expect(Object.values(afterReport.county.primary!.indicators).every((c) => c.meets)).toBe(true);
});

describe("宁国-like: both stages, CVs above 1.0, failing schools", () => {
  // A generated county: a few large, well-equipped town schools and many small poor village schools, so that
  // several CVs exceed 1.0 (宁国 2022 junior 骨干 1.055). The test does not predict the plan; it checks what any
  // correct plan must give when applied and re-checked by the engine.
  const rand = prng(2022);
  const specs: SchoolSpec[] = [];
  for (const stage of ["primary", "junior"] as const) {
    const t = THRESHOLDS[stage];
    const suffix = stage === "primary" ? "小学" : "初中";
    for (let i = 0; i < 14; i++) {
      const town = i < 2;
      const P = town ? 300 + Math.floor(rand() * 200) : 100 + Math.floor(rand() * 200);
      // Town schools hold most of everything (5–9 × the threshold); villages 40–110 % of it.
      const n = SCALES.map((sc, k) => {
        const f = town ? 5 + rand() * 4 : 0.4 + rand() * 0.7;
        return Math.round(((t[k] * P) / sc) * f);
      }) as SchoolSpec["n"];
      specs.push({ name: `${town ? "城关" : "村"}${i + 1}${suffix}`, students: P, n });
    }
  }
  const { plan, afterReport } = planWorkbook(
    workbook(sheet("学校", [planHeader(), ...planRows(specs)]))
  );

  test("before: CVs above 1.0 in both stages, many schools fail", () => {
    for (const stage of ["primary", "junior"] as const) {
      const cvs = Object.values(plan.before.county[stage]!.indicators).map((c) => c.cv!);
      expect(Math.max(...cvs)).toBeGreaterThan(1);
    }
    expect(plan.before.schoolsMeeting).toBeLessThan(plan.before.schools);
  });

  test("after: every school passes and every CV is within its stage limit (0.50 / 0.45)", () => {
    expect(plan.after.schoolsMeeting).toBe(plan.after.schools);
    expect(afterReport.schools.every((s) => s.status === "pass")).toBe(true);
    for (const [stage, limit] of [
      ["primary", 0.5],
      ["junior", 0.45],
    ] as const) {
      for (const c of Object.values(afterReport.county[stage]!.indicators)) {
        expect(c.cv!).toBeLessThanOrEqual(limit * (1 + 1e-9));
        expect(c.meets).toBe(true);
      }
    }
    expect(plan.after.meets).toBe(true);
  });

  test("transfers stay within a stage and never leave a giver failing", () => {
    for (const t of plan.transfers) {
      expect(t.fromStage).toBe(t.toStage);
      expect(Number.isInteger(t.count) && t.count > 0).toBe(true);
      const giver = afterReport.schools.find((s) => s.name === t.from && s.stage === t.fromStage)!;
      expect(giver.status).toBe("pass");
    }
  });

  test("the cost is the sum of the schools' costs, each Σ additions × unit cost", () => {
    const sum = plan.schools.reduce((x, s) => x + s.cost, 0);
    expect(plan.total).toBeCloseTo(sum, 6);
    expect(plan.total).toBeGreaterThan(0);
  });
});

test("a summed numerator (体育 + 音乐 + 美术) gives only what its written cell holds: no cell goes below 0", () => {
  // Ten 小学 of 1000 students. 体艺: eight with 体育 8 (0.8 per 100: below 0.9, above the 0.765 floor), two with
  // 体育 2 + 音乐 14 + 美术 14 = 30 (3.0). X̄ = (8 × 0.8 + 2 × 3.0) / 10 = 1.24;
  //   Σ(X − X̄)² = 8 × 0.44² + 2 × 1.76² = 1.5488 + 6.1952 = 7.744, S = √0.7744 = 0.88, CV = 0.709677 > 0.50.
  // The planner writes to the 体育 cell, so each big school can give at most its 2 体育 teachers; the rest must be
  // bought.
  const header = [
    "学校名称",
    "在校生数",
    "高于规定学历教师数",
    "县级及以上骨干教师数",
    "体育专任教师",
    "音乐专任教师",
    "美术专任教师",
    "教学及辅助用房面积(㎡)",
    "体育运动场馆面积(㎡)",
    "教学仪器设备值(元)",
    "网络多媒体教室数(间)",
  ];
  const rows = Array.from({ length: 10 }, (_, i) => [
    `第${i + 1}小学`,
    1000,
    50,
    12,
    ...(i < 8 ? [8, 0, 0] : [2, 14, 14]),
    5000,
    8000,
    2500000,
    25,
  ]);
  const { plan, applied, afterReport } = planWorkbook(workbook(sheet("小学", [header, ...rows])));
  expect(plan.before.county.primary!.indicators.pe_arts_teachers_per_100.cv).toBeCloseTo(
    0.709677,
    6
  );
  for (const row of applied.sheets[0].rows.slice(1))
    for (const v of row.slice(4, 7)) expect(v as number).toBeGreaterThanOrEqual(0);
  const given = (name: string): number =>
    plan.transfers.filter((t) => t.from === name).reduce((s, t) => s + t.count, 0);
  expect(given("第9小学")).toBeLessThanOrEqual(2);
  expect(given("第10小学")).toBeLessThanOrEqual(2);
  expect(afterReport.schools.every((s) => s.status === "pass")).toBe(true);
  expect(plan.after.county.primary!.indicators.pe_arts_teachers_per_100.meets).toBe(true);
});
