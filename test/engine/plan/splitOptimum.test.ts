/**
 * 一贯制 schools with whole-school figures: the joint plan of both parts equals exhaustive enumeration of every
 * whole-school addition W per kind, each part seeing W × its share (standards.md §9, written out here: facilities
 * A ÷ (A + 1.1B) and 1.1B ÷ (A + 1.1B), teachers A ÷ (A + B) and B ÷ (A + B)); a part passes by §3.3 (helpers.passes).
 */
import { planWorkbook, UnitCosts } from "../../../src/engine/plan";
import { sheet, workbook } from "../helpers";
import { KINDS, passes, prng, SCALES, THRESHOLDS, NINE_YEAR_HEADER } from "./helpers";

const header = NINE_YEAR_HEADER;
const TEACHER = [true, true, true, false, false, false, false];

function bruteForce(A: number, B: number, n: number[], costs: UnitCosts): number {
  const share = (k: number, stage: "primary" | "junior"): number =>
    TEACHER[k]
      ? (stage === "primary" ? A : B) / (A + B)
      : (stage === "primary" ? A : 1.1 * B) / (A + 1.1 * B);
  const P = { primary: A, junior: B };
  const value = (k: number, stage: "primary" | "junior", w: number): number =>
    ((n[k] + w) * share(k, stage) * SCALES[k]) / P[stage];
  // Enough of each kind for both parts to reach the threshold.
  const max = n.map((_, k) => {
    let w = 0;
    while (
      !(["primary", "junior"] as const).every(
        (st) => value(k, st, w) >= THRESHOLDS[st][k] * (1 - 1e-9)
      )
    )
      w++;
    return w;
  });
  let best = Infinity;
  const a = new Array(7).fill(0);
  const rec = (k: number, cost: number): void => {
    if (cost >= best) return;
    if (k === 7) {
      const ok = (["primary", "junior"] as const).every((st) =>
        passes(
          a.map((w, i) => value(i, st, w)),
          st
        )
      );
      if (ok) best = cost;
      return;
    }
    for (let w = 0; w <= max[k]; w++) {
      a[k] = w;
      rec(k + 1, cost + w * costs[KINDS[k]]);
    }
    a[k] = 0;
  };
  rec(0, 0);
  return best;
}

const rand = prng(9);
const cases: { A: number; B: number; n: number[]; costs: UnitCosts }[] = [];
while (cases.length < 12) {
  const A = 6 + Math.floor(rand() * 10);
  const B = 6 + Math.floor(rand() * 10);
  // Whole-school figures near what both parts need (80–105 %), 元 close to it so the search stays small.
  const n = SCALES.map((sc, k) => {
    const need = (THRESHOLDS.primary[k] * A + THRESHOLDS.junior[k] * B) / sc;
    return Math.round(need * (0.8 + rand() * 0.25));
  });
  n[5] =
    Math.round((THRESHOLDS.primary[5] * A + THRESHOLDS.junior[5] * B) * 1.1) -
    Math.floor(rand() * 3);
  const costs = Object.fromEntries(KINDS.map((k) => [k, 1 + Math.floor(rand() * 9)])) as UnitCosts;
  const range = n.map((v, k) => {
    const need = Math.max(
      (THRESHOLDS.primary[k] * A) / SCALES[k] / (TEACHER[k] ? A / (A + B) : A / (A + 1.1 * B)),
      (THRESHOLDS.junior[k] * B) /
        SCALES[k] /
        (TEACHER[k] ? B / (A + B) : (1.1 * B) / (A + 1.1 * B))
    );
    return Math.max(0, Math.ceil(need - v)) + 1;
  });
  if (range.reduce((x, y) => x * y, 1) > 2e5) continue;
  cases.push({ A, B, n, costs });
}

test.each(cases.map((c, i) => [i, c] as const))("case %i", (_i, { A, B, n, costs }) => {
  const row = ["某九年一贯制学校", "九年一贯制学校", A, B, ...n];
  const { plan, afterReport } = planWorkbook(workbook(sheet("学校", [header, row])), { costs });
  // A 九年一贯制's two shares add up to 1, so the parts' costs add up to Σ W × unit cost.
  const expected = bruteForce(A, B, n, costs);
  expect(expected).toBeGreaterThan(0); // every generated school falls short somewhere
  expect(plan.total).toBeCloseTo(expected, 6);
  expect(afterReport.schools.every((s) => s.status === "pass")).toBe(true);
});
