/**
 * 达标测算, per school (standards.md §3.3): the cheapest additions, checked against the §16 worked example by hand,
 * against exhaustive enumeration on small schools, and by re-running the engine on the input with the plan applied.
 */
import { checkWorkbook } from "../../../src/engine/report";
import { minWrite } from "../../../src/engine/plan/schoolPlan";
import type { IndicatorModel } from "../../../src/engine/plan/model";
import { DEFAULT_COSTS, planWorkbook, UnitCosts } from "../../../src/engine/plan";
import { SECTION16_HEADER, SECTION16_ROWS, sheet, workbook } from "../helpers";
import {
  KINDS,
  passes,
  planHeader,
  planRows,
  prng,
  SCALES,
  SchoolSpec,
  THRESHOLDS,
} from "./helpers";

describe("§16 worked example", () => {
  const input = workbook(sheet("小学", [SECTION16_HEADER, ...SECTION16_ROWS]));
  const { plan, afterReport } = planWorkbook(input);
  const c = plan.schools.find((s) => s.name === "C小学")!;
  const d = plan.schools.find((s) => s.name === "D小学")!;

  test("C (300 students): leave 用房 at its floor; +1 骨干, +30,000 元, +1 多媒体 = 180,000 元", () => {
    // C's gaps: 骨干 3 needed (1 × 300 / 100), has 2 → +1 (the floor 2.55 needs 3 too); 用房 1350 ㎡ needed,
    // has 1200 (4.00 ≥ floor 3.825); 仪器 600,000 元 needed, has 570,000 (1900 ≥ floor 1700); 多媒体 6.9 → 7, has 6
    // (2.00 ≥ floor 1.955). Choices at default costs (骨干 100,000 · ㎡ 3,000 · 元 1 · 间 50,000):
    //   exempt 骨干: 100,000 + 450,000 + 30,000 + 50,000 = 630,000
    //   exempt 用房: 100,000 +       0 + 30,000 + 50,000 = 180,000  ← cheapest
    //   exempt 仪器: 100,000 + 450,000 +      0 + 50,000 = 600,000
    //   exempt 多媒体: 100,000 + 450,000 + 30,000 +    0 = 580,000
    expect(c.exempt).toBe("teaching_space_per_student");
    expect(c.additions).toEqual({ key_teachers: 1, equipment_value: 30000, multimedia_rooms: 1 });
    expect(c.cost).toBe(180000);
    expect(c).toMatchObject({ stage: "primary", sheet: "小学", row: 4 });
  });

  test("D (150 students): +1 体艺 teacher (0.9 × 150 / 100 = 1.35 → 2, has 1) = 100,000 元", () => {
    expect(d.additions).toEqual({ pe_arts_teachers: 1 });
    expect(d.cost).toBe(100000);
  });

  test("A and B pass already: no entry; total 280,000 元", () => {
    expect(plan.schools.map((s) => s.name)).toEqual(["C小学", "D小学"]);
    expect(plan.total).toBe(280000);
    expect(plan.costs).toEqual(DEFAULT_COSTS);
  });

  test("re-run with the plan applied: every school passes, every CV within 0.50", () => {
    expect(plan.before.schoolsMeeting).toBe(2);
    expect(plan.after).toMatchObject({ schools: 4, schoolsMeeting: 4, meets: true });
    expect(afterReport.schools.every((s) => s.status === "pass")).toBe(true);
    // C after: 骨干 3 × 100 / 300 = 1.00, 仪器 (57 万 + 3 万) × 10000 / 300 = 2000, 多媒体 7 × 100 / 300 = 2.33.
    const cAfter = afterReport.schools.find((s) => s.name === "C小学")!;
    expect(cAfter.indicators.key_teachers_per_100.value).toBeCloseTo(1, 12);
    expect(cAfter.indicators.equipment_value_per_student.value).toBeCloseTo(2000, 9);
    expect(cAfter.atFloor).toEqual(["teaching_space_per_student"]);
  });

  test("the 万元 column gets 元 ÷ 10000: C's 57 becomes 60", () => {
    const { applied } = planWorkbook(input);
    // Row 4 (C), column J (仪器, 万元): 57 + 30000 / 10000.
    expect(applied.sheets[0].rows[3][9]).toBeCloseTo(60, 12);
    // The caller's input is not changed.
    expect(input.sheets[0].rows[3][9]).toBe(57);
  });
});

/**
 * Exhaustive enumeration: every combination of whole additions up to each indicator's threshold gap, judged by
 * §3.3 written out in the test (helpers.passes), cheapest cost. Small schools keep the search small.
 */
describe("the per-school optimum equals exhaustive enumeration", () => {
  function bruteForce(s: SchoolSpec, stage: "primary" | "junior", costs: UnitCosts): number {
    const P = s.students;
    // The most that can be worth adding to each: up to the threshold.
    const max = s.n.map((n, k) =>
      Math.max(0, Math.ceil((THRESHOLDS[stage][k] * P) / SCALES[k] - n - 1e-9))
    );
    let best = Infinity;
    const a = new Array(7).fill(0);
    const rec = (k: number, cost: number): void => {
      if (cost >= best) return;
      if (k === 7) {
        const values = s.n.map((n, i) => ((n + a[i]) * SCALES[i]) / P);
        if (passes(values, stage)) best = cost;
        return;
      }
      for (let x = 0; x <= max[k]; x++) {
        a[k] = x;
        rec(k + 1, cost + x * costs[KINDS[k]]);
      }
      a[k] = 0;
    };
    rec(0, 0);
    return best;
  }

  const rand = prng(20261201);
  const pick = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const cases: { spec: SchoolSpec; stage: "primary" | "junior"; costs: UnitCosts }[] = [];
  while (cases.length < 60) {
    const stage = rand() < 0.5 ? "primary" : "junior";
    const P = pick(8, 30);
    const t = THRESHOLDS[stage];
    // Each numerator somewhere between 70 % and 105 % of what the threshold needs, whole units.
    const n = SCALES.map((sc, k) =>
      Math.max(0, Math.round(((t[k] * P) / sc) * (0.7 + rand() * 0.35)))
    );
    if (stage === "junior" || stage === "primary") n[5] = Math.round(t[5] * P - pick(0, 6)); // 元: near the threshold
    const spec: SchoolSpec = { name: `S${cases.length}小学`, students: P, n: n as SchoolSpec["n"] };
    if (stage === "junior") spec.name = `S${cases.length}初中`;
    const max = spec.n.map((v, k) => Math.max(0, Math.ceil((t[k] * P) / SCALES[k] - v)) + 1);
    if (max.reduce((x, y) => x * y, 1) > 3e5) continue;
    const costs = Object.fromEntries(KINDS.map((k) => [k, pick(0, 9) * 10])) as UnitCosts;
    cases.push({ spec, stage, costs });
  }

  test.each(cases.map((c, i) => [i, c] as const))("case %i", (_i, { spec, stage, costs }) => {
    const input = workbook(sheet("学校", [planHeader(), ...planRows([spec])]));
    const { plan, afterReport } = planWorkbook(input, { costs });
    const expected = bruteForce(spec, stage, costs);
    const before = checkWorkbook(input).report.schools[0];
    expect(before.stage).toBe(stage);
    if (before.status === "pass") {
      expect(expected).toBe(0);
      expect(plan.schools).toHaveLength(0);
    } else {
      expect(plan.schools).toHaveLength(1);
      expect(plan.schools[0].cost).toBe(expected);
    }
    // Σ additions × unit cost = the school's cost, and the re-run passes.
    const s = plan.schools[0];
    if (s) expect(KINDS.reduce((x, k) => x + (s.additions[k] ?? 0) * costs[k], 0)).toBe(s.cost);
    expect(afterReport.schools[0].status).toBe("pass");
  });
});

describe("ties, tolerance and missing values", () => {
  test("equal costs: fewer changed cells win, then the standard's order", () => {
    // 100 students, primary: 骨干 0 (floor 0.85 → 1 needed, threshold 1 → 1), 多媒体 2 (floor 1.955 → 2 met,
    // threshold 2.3 → 3). With every cost 0 each choice costs 0; exempting 多媒体 changes one cell (骨干 +1),
    // exempting 骨干 changes one too (多媒体 +1) — both one change, so the standard's order picks 骨干 (L2 before L7)
    // … but 骨干 at its floor still needs 1 (0 < 0.85): that choice changes 2 cells. So 多媒体 is exempt.
    const spec: SchoolSpec = { name: "T小学", students: 100, n: [5, 0, 1, 500, 800, 200000, 2] };
    const zero = Object.fromEntries(KINDS.map((k) => [k, 0])) as UnitCosts;
    const { plan } = planWorkbook(workbook(sheet("学校", [planHeader(), ...planRows([spec])])), {
      costs: zero,
    });
    expect(plan.schools[0].additions).toEqual({ key_teachers: 1 });
    expect(plan.schools[0].exempt).toBe("multimedia_rooms_per_100");
  });

  test("a value within the 1e-9 tolerance needs nothing (§7)", () => {
    // 1000 students, 骨干 9 → 0.9 per 100 (9 × 100 / 1000 = 0.9 exactly in the engine's order); 体艺 9 → 0.9 met.
    // The school misses only 骨干 (0.9 < 1, ≥ floor 0.85): it passes; nothing is planned.
    const spec: SchoolSpec = { name: "U小学", students: 1000, n: [50, 9, 9, 5000, 8000, 2e6, 25] };
    const { plan } = planWorkbook(workbook(sheet("学校", [planHeader(), ...planRows([spec])])));
    expect(plan.schools).toHaveLength(0);
    expect(plan.after.schoolsMeeting).toBe(1);
  });

  test("a failing school with a missing value gets no plan, and a reason", () => {
    const rows = planRows([
      { name: "V小学", students: 100, n: [1, 0, 0, 100, 100, 1000, 0] },
      { name: "W小学", students: 100, n: [5, 1, 1, 500, 800, 200000, 3] },
    ]);
    rows[0][3] = "—";
    const { plan } = planWorkbook(workbook(sheet("学校", [planHeader(), ...rows])));
    // No school additions for it (the CV measures may still raise it: it stays in the CVs).
    expect(plan.schools.every((e) => Object.keys(e.forStandard).length === 0)).toBe(true);
    expect(plan.unplanned).toEqual([
      {
        name: "V小学",
        stage: "primary",
        sheet: "学校",
        row: 2,
        reason: "missing-values",
        indicators: ["key_teachers_per_100"],
      },
    ]);
    expect(plan.after.schoolsMeeting).toBe(1);
  });
});

describe("minWrite: the least whole amount that meets the level in the engine's own arithmetic", () => {
  // A part that gets 0.7 of each unit written (an apportioned 一贯制 share), 13 students, level 4.2, scale 1:
  // on paper 0.7 × 78 = 54.6 and 54.6 ÷ 13 = 4.2 exactly, so 78. In binary 0.7 × 78 = 54.599999999999994, a hair
  // under: with the standard 1e-9 tolerance 78 meets; with the tolerance set to 0 it does not, and 79 is needed
  // (0.7 × 79 = 55.3 → 4.2538…).
  const m = {
    id: "x",
    kind: "teachers",
    scale: 1,
    value: 0,
    numerator: 0,
    threshold: 4.2,
    floor: 3.57,
    target: "t",
    coef: 0.7,
  } as unknown as IndicatorModel;
  test("tolerance 1e-9: 78", () => expect(minWrite(m, 13, 4.2, 1e-9)).toBe(78));
  test("tolerance 0: 79, never an amount that falls short", () =>
    expect(minWrite(m, 13, 4.2, 0)).toBe(79));
});
