/**
 * Bringing a stage CV that is over its limit back under it (standards.md §3.4, §5), once every school passes.
 *
 * 1. Teacher transfers (交流轮岗, cost 0) for the three teacher indicators. Moving one teacher from school i to
 *    school j leaves the county mean X̄ unchanged and changes Σ Pₖ(Xₖ − X̄)² by
 *        2s(X_j − X_i) + s²(1/P_i + 1/P_j)          (s = 100 for 每百名 indicators),
 *    so each step moves one teacher between the pair that lowers it most, as long as one does, never taking a
 *    teacher from a school that would then fail the per-school rule (§3.3).
 * 2. Additions, when transfers are not enough: for a fixed amount added, the CV is lowest when the lowest schools
 *    are raised to a common level ("water-filling": the minimum of Σ(Nₖ + aₖ)²/Pₖ for a fixed Σaₖ), and the
 *    lowest schools are where an addition lowers the CV most per 元. The least level that brings the CV within its
 *    limit is found by bisection, with each school's addition rounded up to a whole unit.
 * Transfers move teachers only between schools whose value moves one for one with the cell (not the apportioned
 * parts of a 一贯制 school); additions may go to those parts too, written to the whole-school cell (1 ÷ share of
 * what the part needs: the other part gains the rest, and the re-run sees it).
 */
import { meetsMinimum } from "../indicators/compare";
import { weightedCv } from "../indicators/weightedCv";
import { Stage } from "../../standards/types";
import { PlanKind, TEACHER_KINDS } from "./costs";
import { PartModel } from "./model";

export interface CvTransfer {
  kind: PlanKind;
  from: PartModel;
  to: PartModel;
  count: number;
}

export interface CvAddition {
  part: PartModel;
  index: number;
  amount: number;
}

export interface CvOutcome {
  stage: Stage;
  indicator: string;
  before: number;
  after: number;
  limit: number;
  /** The model could not bring it within the limit (too few schools that can be changed). */
  resolved: boolean;
}

export interface CvPlanResult {
  transfers: CvTransfer[];
  additions: CvAddition[];
  outcomes: CvOutcome[];
}

interface Entry {
  part: PartModel;
  P: number;
  N: number;
  /** Can be written one for one (coefficient 1, a count or quantity cell): a transfer's giver or receiver. */
  movable: boolean;
  /** Numerator units the part gains per base unit written to its cell (0: nothing can be added). */
  coef: number;
  /** What its cell holds now (base units): a summed numerator (体育 + 音乐 + 美术) gives only from the cell written. */
  left: number;
}

function cvOf(entries: Entry[], scale: number): number {
  const r = weightedCv(
    entries.map((e) => (e.N * scale) / e.P),
    entries.map((e) => e.P)
  );
  return r.cv ?? 0;
}

/** The part still passes §3.3 with indicator `index` at numerator `n`. */
function passesWith(
  part: PartModel,
  index: number,
  n: number,
  minMet: number,
  tol: number
): boolean {
  let met = 0;
  let belowFloor = false;
  part.inds.forEach((m, i) => {
    const v = i === index ? (n * m.scale) / (part.students as number) : m.value;
    if (v === null) {
      belowFloor = true;
      return;
    }
    if (meetsMinimum(v, m.threshold, tol)) met++;
    else if (!meetsMinimum(v, m.floor, tol)) belowFloor = true;
  });
  return met >= minMet && !belowFloor;
}

/**
 * Measures for one stage and indicator. `entries` are the parts in the CV (with their current numerators);
 * the caller has checked that the CV is over `limit`.
 */
function planOne(
  entries: Entry[],
  index: number,
  kind: PlanKind,
  scale: number,
  limit: number,
  minMet: number,
  tol: number,
  result: CvPlanResult
): number {
  const within = (cv: number): boolean => cv <= limit;
  let cv = cvOf(entries, scale);
  if (TEACHER_KINDS.includes(kind)) {
    const counts = new Map<string, CvTransfer>();
    const s = scale;
    // gain(g → r) = b(g) − a(r) with b(g) = 2s·x_g − s²/P_g and a(r) = 2s·x_r + s²/P_r: the best receiver is the
    // same for every giver (the lowest a; the second lowest for that school itself), so each step is one pass.
    // Whether a school can give (it still passes §3.3 with one teacher fewer) changes only when its own count
    // does, so it is kept per school and worked out again for the two schools of a move. ΣP and ΣN do not change
    // under transfers and Σ N²/P changes by the two schools, so the CV is updated in O(1) (and recomputed exactly
    // at the end): CV² = (s²·Σ N²/P ÷ ΣP − X̄²) ÷ X̄².
    const movers = entries.filter((e) => e.movable);
    const aOf = (e: Entry): number => 2 * s * ((e.N * s) / e.P) + (s * s) / e.P;
    const bOf = (e: Entry): number => 2 * s * ((e.N * s) / e.P) - (s * s) / e.P;
    const canGive = (e: Entry): boolean =>
      e.N >= 1 - 1e-9 && e.left >= 1 - 1e-9 && passesWith(e.part, index, e.N - 1, minMet, tol);
    const ok = movers.map(canGive);
    let sumP = 0;
    let sumN = 0;
    let sumQ = 0;
    for (const e of entries) {
      sumP += e.P;
      sumN += e.N;
      sumQ += (e.N * e.N) / e.P;
    }
    const mean = (s * sumN) / sumP;
    const cvNow = (): number =>
      mean > 0 ? Math.sqrt(Math.max(0, (s * s * sumQ) / sumP - mean * mean)) / mean : 0;
    for (let step = 0; step < 1_000_000 && !within(cv); step++) {
      let r1 = -1;
      let r2 = -1;
      let a1 = Infinity;
      let a2 = Infinity;
      for (let i = 0; i < movers.length; i++) {
        const a = aOf(movers[i]);
        if (a < a1) {
          r2 = r1;
          a2 = a1;
          r1 = i;
          a1 = a;
        } else if (a < a2) {
          r2 = i;
          a2 = a;
        }
      }
      let gi = -1;
      let gain = 1e-12;
      for (let i = 0; i < movers.length; i++) {
        if (!ok[i]) continue;
        const d = bOf(movers[i]) - (i === r1 ? a2 : a1);
        if (d > gain) {
          gain = d;
          gi = i;
        }
      }
      if (gi < 0) break;
      const ri = gi === r1 ? r2 : r1;
      const g = movers[gi];
      const r = movers[ri];
      sumQ -= (g.N * g.N) / g.P + (r.N * r.N) / r.P;
      g.N -= 1;
      r.N += 1;
      g.left -= 1;
      r.left += 1;
      sumQ += (g.N * g.N) / g.P + (r.N * r.N) / r.P;
      // Keep the part's own view current, so its next check as a giver sees the teacher gone.
      g.part.inds[index].numerator = g.N;
      g.part.inds[index].value = (g.N * s) / g.P;
      r.part.inds[index].numerator = r.N;
      r.part.inds[index].value = (r.N * s) / r.P;
      ok[gi] = canGive(g);
      ok[ri] = canGive(r);
      const key = `${g.part.key}>${r.part.key}`;
      const t = counts.get(key);
      if (t) t.count++;
      else counts.set(key, { kind, from: g.part, to: r.part, count: 1 });
      cv = cvNow();
    }
    cv = cvOf(entries, scale);
    result.transfers.push(...counts.values());
  }
  if (within(cv)) return cv;

  // Water-filling on every school that can be added to. A stage part of a 一贯制 school with a whole-school cell
  // sees `coef` of each unit written: it needs 1 ÷ coef times as much written (the other part gains the rest).
  const xs = entries.map((e) => (e.N * scale) / e.P);
  const raise = (level: number): number[] =>
    entries.map((e, i) => {
      if (!(e.coef > 0) || xs[i] >= level) return 0;
      return Math.max(0, Math.ceil(((level * e.P) / scale - e.N) / e.coef - 1e-9));
    });
  const cvAt = (adds: number[]): number => {
    const r = weightedCv(
      entries.map((e, i) => ((e.N + e.coef * adds[i]) * scale) / e.P),
      entries.map((e) => e.P)
    );
    return r.cv ?? 0;
  };
  let lo = Math.min(...xs);
  let hi = Math.max(...xs);
  if (!within(cvAt(raise(hi)))) return cvAt(raise(hi));
  for (let it = 0; it < 100 && hi - lo > 1e-12 * Math.max(1, hi); it++) {
    const mid = (lo + hi) / 2;
    if (within(cvAt(raise(mid)))) hi = mid;
    else lo = mid;
  }
  const adds = raise(hi);
  entries.forEach((e, i) => {
    if (adds[i] <= 0) return;
    e.N += e.coef * adds[i];
    e.part.inds[index].numerator = e.N;
    e.part.inds[index].value = (e.N * scale) / e.P;
    result.additions.push({ part: e.part, index, amount: adds[i] });
  });
  return cvOf(entries, scale);
}

/**
 * Measures for every stage CV over its limit. `parts` carry the values after the school additions; they are
 * updated in place with the transfers and additions chosen.
 */
export function planCvs(
  parts: PartModel[],
  limits: Partial<Record<Stage, number>>,
  minMet: number,
  tol: number,
  /** What a target cell holds now, in base units (the planner's writes included); absent: no bound. */
  cellNow: (target: string) => number | null = () => null
): CvPlanResult {
  const result: CvPlanResult = { transfers: [], additions: [], outcomes: [] };
  const stages = [...new Set(parts.map((p) => p.stage))];
  for (const stage of stages) {
    const limit = limits[stage];
    if (limit === undefined) continue;
    const inStage = parts.filter((p) => p.stage === stage && p.students && p.students > 0);
    if (inStage.length === 0) continue;
    const n = inStage[0].inds.length;
    for (let index = 0; index < n; index++) {
      const { kind, scale, id } = inStage[0].inds[index];
      const entries: Entry[] = inStage
        .filter((p) => p.inds[index].numerator !== null)
        .map((p) => {
          const m = p.inds[index];
          return {
            part: p,
            P: p.students as number,
            N: m.numerator as number,
            movable: m.coef === 1 && m.target !== null,
            coef: m.target !== null ? m.coef : 0,
            left: (m.target !== null ? cellNow(m.target) : null) ?? Infinity,
          };
        });
      if (entries.length < 2) continue;
      const before = cvOf(entries, scale);
      if (before <= limit + tol * limit) continue;
      const after = planOne(entries, index, kind, scale, limit, minMet, tol, result);
      result.outcomes.push({
        stage,
        indicator: id,
        before,
        after,
        limit,
        resolved: after <= limit + tol * limit,
      });
    }
  }
  return result;
}
