/**
 * The cheapest additions that make a failing school (stage part) pass the per-school rule of standards.md §3.3:
 * at least 6 of 7 indicators at their threshold and the 7th at least at its 85 % floor.
 *
 * Additions only raise values, so the passing states are "every indicator at its threshold except one, which is
 * at its floor", for one of the seven (or none). The planner tries each choice — every other indicator raised to
 * its threshold, the chosen one to its floor — and keeps the cheapest; ties go to fewer changed cells, then to
 * the standard's order (no exemption first, then L1 … L7). Amounts are whole base units (人, ㎡, 元, 间) written to
 * the input cell, the least whole amount that meets the level under the 1e-9 tolerance of §7.
 *
 * The parts of one 一贯制 school are planned together: a whole-school facility cell feeds both parts (each by its
 * share), so one write must satisfy both, and its cost is counted once.
 */
import { meetsMinimum } from "../indicators/compare";
import { PlanKind, UnitCosts } from "./costs";
import { IndicatorModel, PartModel, TargetCell } from "./model";

/** Why a failing school gets no plan. */
export type UnplannedReason = "missing-values" | "cannot-write";

export interface Unplanned {
  part: PartModel;
  reason: UnplannedReason;
  /** Indicator ids with no value (missing-values) or no cell to write to (cannot-write). */
  indicators: string[];
}

export interface RecordPlan {
  /** Base units to write per target cell (only non-zero ones). */
  writes: Map<string, number>;
  /** For each failing part: the indicator left between its floor and its threshold (null: none). */
  exempt: Map<string, string | null>;
  cost: number;
}

/** The least whole amount written to the target for the part's value to reach `level` (null: cannot). */
export function minWrite(
  m: IndicatorModel,
  students: number,
  level: number,
  tol: number
): number | null {
  if (m.numerator === null || m.value === null) return null;
  if (meetsMinimum(m.value, level, tol)) return 0;
  if (!(m.coef > 0) || !(students > 0)) return null;
  const meets = (w: number): boolean =>
    // The engine's own arithmetic: count × scale ÷ students (standards.md §7).
    meetsMinimum(((m.numerator! + m.coef * w) * m.scale) / students, level, tol);
  let w = Math.max(0, Math.ceil(((level * students) / m.scale - m.numerator) / m.coef));
  while (w > 0 && meets(w - 1)) w--;
  while (!meets(w)) w++;
  return w;
}

/** Cost per base unit written to a target: its kind's unit cost × the share the assessed parts see. */
export function unitCostOf(t: TargetCell, costs: UnitCosts): number {
  let seen = 0;
  for (const r of t.readers) seen += r.part.inds[r.index].coef;
  return costs[t.kind as PlanKind] * seen;
}

const EPS = 1e-9;
const less = (a: number, b: number): boolean => a < b - EPS * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * Plans one school (all its assessed parts; only failing ones have requirements). Returns the unplanned parts
 * instead when a failing part has missing values or a value nothing can be written to.
 */
export function planRecord(
  parts: PartModel[],
  targets: Map<string, TargetCell>,
  costs: UnitCosts,
  tol: number
): RecordPlan | Unplanned[] {
  const failing = parts.filter((p) => p.status === "fail" || p.status === "incomplete");
  const unplanned: Unplanned[] = [];
  for (const p of failing) {
    const missing = p.inds.filter((m) => m.value === null).map((m) => m.id);
    if (missing.length || p.status === "incomplete" || !(p.students && p.students > 0))
      unplanned.push({ part: p, reason: "missing-values", indicators: missing });
  }
  if (unplanned.length) return unplanned;

  // Option -1 = no exemption, i = indicator i may stay at its floor.
  const n = failing.length ? failing[0].inds.length : 0;
  const options = [-1, ...Array.from({ length: n }, (_, i) => i)];
  let best: (RecordPlan & { changes: number }) | null = null;
  let blocked: Set<string> | null = null;
  const combo = new Array<number>(failing.length).fill(0);
  const total = options.length ** failing.length;
  for (let c = 0; c < total; c++) {
    let rest = c;
    for (let f = failing.length - 1; f >= 0; f--) {
      combo[f] = options[rest % options.length];
      rest = Math.floor(rest / options.length);
    }
    const writes = new Map<string, number>();
    let feasible = true;
    const cannot = new Set<string>();
    failing.forEach((p, f) => {
      p.inds.forEach((m, i) => {
        const level = i === combo[f] ? m.floor : m.threshold;
        const w = minWrite(m, p.students as number, level, tol);
        if (w === null || (w > 0 && !m.target)) {
          feasible = false;
          cannot.add(m.id);
          return;
        }
        if (w > 0 && m.target) writes.set(m.target, Math.max(writes.get(m.target) ?? 0, w));
      });
    });
    if (!feasible) {
      if (!blocked || cannot.size < blocked.size) blocked = cannot;
      continue;
    }
    let cost = 0;
    for (const [key, w] of writes) {
      const t = targets.get(key);
      if (t) cost += w * unitCostOf(t, costs);
    }
    const changes = writes.size;
    if (!best || less(cost, best.cost) || (!less(best.cost, cost) && changes < best.changes)) {
      const exempt = new Map<string, string | null>();
      failing.forEach((p, f) => exempt.set(p.key, combo[f] < 0 ? null : p.inds[combo[f]].id));
      best = { writes, exempt, cost, changes };
    }
  }
  if (!best)
    return failing.map((part) => ({
      part,
      reason: "cannot-write" as const,
      indicators: [...(blocked ?? [])],
    }));
  return { writes: best.writes, exempt: best.exempt, cost: best.cost };
}
