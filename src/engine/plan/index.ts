/**
 * 达标测算: what it takes for a county to pass 资源配置 (standards.md §3.3, §3.4), and the proof.
 *
 *   1. every failing school part gets its cheapest additions (schoolPlan.ts), written to the input cells;
 *   2. every stage CV still over its limit gets transfers and further additions (cvPlan.ts);
 *   3. the engine is re-run on the input with the whole plan applied: `after` is what it says.
 * Each step is checked by a re-run rather than trusted: a part that the re-run still finds failing (a float edge)
 * is planned again from its new values, up to a few rounds.
 */
import { CheckSettings, defaultSettings } from "../../standards";
import { Stage } from "../../standards/types";
import { checkWorkbook, CheckOptions, ENGINE_VERSION } from "../report";
import { Report } from "../reportTypes";
import { WorkbookInput } from "../workbook";
import { applyWrites, CellWrite } from "./apply";
import { DEFAULT_COSTS, PLAN_KINDS, PlanKind, UnitCosts } from "./costs";
import { planCvs } from "./cvPlan";
import { buildCountyModel, CountyModel, PartModel, refreshModel } from "./model";
import { planRecord, Unplanned } from "./schoolPlan";
import { townshipReader } from "./townships";
import { Amounts, Plan, PlanCv, PlanOutcome, PlanSchool, PlanTransfer } from "./types";
import type { PlanCells } from "./whatIf";
import { TeacherTopUp, teacherTopUps } from "./teacherTopUps";

export * from "./types";
export * from "./costs";
export { applyWrites } from "./apply";
export type { CellWrite } from "./apply";
export {
  applyDataEdits,
  applyPlan,
  dataCellsOf,
  planWrites,
  planPartKey,
  whatIf,
  withAmounts,
} from "./whatIf";
export type { AmountEdits, DataCell, DataEdit, PlanCell, PlanCells } from "./whatIf";

export interface PlanOptions extends CheckOptions {
  costs?: UnitCosts;
}

export interface PlanResult {
  plan: Plan;
  /** The engine's report on the input as it is, and on the input with the plan applied. */
  beforeReport: Report;
  afterReport: Report;
  /** The input with the plan applied (plain values; the user's file is never written). */
  applied: WorkbookInput;
  /** The cell changes that make up the plan. */
  writes: CellWrite[];
  /** Each part's numerator cells, for applying an edited plan (what-if: applyPlan). */
  cells: PlanCells;
}

/** The standard has no per-school rule (basic-2012): there is nothing to plan for. */
export class PlanNotPossibleError extends Error {
  constructor() {
    super("the standard has no per-school thresholds");
    this.name = "PlanNotPossibleError";
  }
}

const ROUNDS = 4;

export function outcomeOf(report: Report): PlanOutcome {
  const county: PlanOutcome["county"] = {};
  for (const [stage, c] of Object.entries(report.county)) {
    if (!c) continue;
    county[stage as keyof typeof county] = {
      schools: c.schools,
      schoolsMeeting: c.schoolsMeeting,
      meets: c.meets,
      indicators: Object.fromEntries(
        Object.entries(c.indicators).map(([id, r]) => [
          id,
          { cv: r.cv, mean: r.mean, sd: r.sd, limit: r.limit, meets: r.meets },
        ])
      ),
    };
  }
  return {
    schools: report.summary.schools,
    schoolsMeeting: report.summary.schoolsMeeting,
    meets: report.summary.meets,
    county,
  };
}

function add(a: Amounts, kind: PlanKind, v: number): void {
  a[kind] = (a[kind] ?? 0) + v;
}

export function planWorkbook(input: WorkbookInput, options: PlanOptions = {}): PlanResult {
  const settings: CheckSettings = options.settings ?? defaultSettings();
  const { standard, policy } = settings;
  const rule = standard.perSchool;
  if (!rule || !standard.indicators.every((i) => i.threshold && i.floor))
    throw new PlanNotPossibleError();
  const costs = options.costs ?? DEFAULT_COSTS;
  const tol = policy.tolerance;
  const checkOptions: CheckOptions = { ...options, settings };
  const run = (inp: WorkbookInput): Report => checkWorkbook(inp, checkOptions).report;

  const beforeReport = run(input);
  const model: CountyModel = buildCountyModel(input, beforeReport, { ...checkOptions, standard });

  // Base units written per target cell: for the per-school rule, for the CVs (additions and transfers).
  const stdWrites = new Map<string, number>();
  const cvWrites = new Map<string, number>();
  /** Teachers moved by transfers (− at the giver, + at the receiver): written, but not bought. */
  const moveWrites = new Map<string, number>();
  const exempt = new Map<string, string | null>();
  const unplanned = new Map<string, Unplanned>();
  /** kind|a|b (a.key < b.key) → teachers moved from a to b, net (negative: from b to a). */
  const transfers = new Map<string, { kind: PlanKind; a: PartModel; b: PartModel; net: number }>();
  const bump = (m: Map<string, number>, key: string, v: number): void => {
    m.set(key, (m.get(key) ?? 0) + v);
  };
  /** 专任教师 cells raised with the teachers the plan adds or moves (teacherTopUps.ts), by part key. */
  let topUps = new Map<string, TeacherTopUp>();
  const writes = (): CellWrite[] => {
    const out: CellWrite[] = [];
    for (const m of [stdWrites, cvWrites, moveWrites]) {
      for (const [key, base] of m) {
        const t = model.targets.get(key);
        if (t) out.push({ sheet: t.sheet, cell: t.cell, rawPerBase: t.rawPerBase, base });
      }
    }
    for (const u of topUps.values())
      out.push({ sheet: u.sheet, cell: u.cell, rawPerBase: 1, base: u.count });
    return out;
  };
  let applied = input;
  let afterReport = beforeReport;
  const rerun = (): void => {
    applied = applyWrites(input, writes());
    afterReport = run(applied);
    refreshModel(model, afterReport, standard);
  };

  // 1. Schools.
  for (let round = 0; round < ROUNDS; round++) {
    const records = new Map<string, PartModel[]>();
    for (const p of model.parts) {
      const list = records.get(p.recordKey) ?? [];
      list.push(p);
      records.set(p.recordKey, list);
    }
    let planned = 0;
    for (const parts of records.values()) {
      if (!parts.some((p) => p.status === "fail" || p.status === "incomplete")) continue;
      if (parts.some((p) => unplanned.has(p.key))) continue;
      const r = planRecord(parts, model.targets, costs, tol);
      if (Array.isArray(r)) {
        for (const u of r) unplanned.set(u.part.key, u);
        continue;
      }
      for (const [key, w] of r.writes) bump(stdWrites, key, w);
      for (const [key, e] of r.exempt) if (!exempt.has(key)) exempt.set(key, e);
      if (r.writes.size) planned++;
    }
    if (planned === 0) break;
    rerun();
  }

  // 2. CVs.
  const limits: Partial<Record<Stage, number>> = standard.cv.perIndicatorLimit ?? {};
  const firstBefore = new Map<string, number>();
  for (let round = 0; round < ROUNDS && standard.cv.perIndicatorLimit; round++) {
    const cellNow = (key: string): number | null => {
      const start = model.targets.get(key)?.start;
      if (start === null || start === undefined) return null;
      return (
        start + (stdWrites.get(key) ?? 0) + (cvWrites.get(key) ?? 0) + (moveWrites.get(key) ?? 0)
      );
    };
    const res = planCvs(model.parts, limits, rule.minMet, tol, cellNow);
    for (const o of res.outcomes)
      if (!firstBefore.has(`${o.stage}|${o.indicator}`))
        firstBefore.set(`${o.stage}|${o.indicator}`, o.before);
    let measures = 0;
    for (const t of res.transfers) {
      const i = t.from.inds.findIndex((m) => m.kind === t.kind);
      const fromTarget = t.from.inds[i].target;
      const toTarget = t.to.inds[i].target;
      if (!fromTarget || !toTarget) continue;
      bump(moveWrites, fromTarget, -t.count);
      bump(moveWrites, toTarget, t.count);
      measures++;
      // A later round may move teachers back along a pair: one signed count per pair, its direction at the end.
      const forward = t.from.key < t.to.key;
      const [a, b] = forward ? [t.from, t.to] : [t.to, t.from];
      const key = `${t.kind}|${a.key}|${b.key}`;
      const prev = transfers.get(key);
      if (prev) prev.net += forward ? t.count : -t.count;
      else transfers.set(key, { kind: t.kind, a, b, net: forward ? t.count : -t.count });
    }
    for (const a of res.additions) {
      const target = a.part.inds[a.index].target;
      if (!target) continue;
      bump(cvWrites, target, a.amount);
      measures++;
    }
    if (measures === 0) break;
    rerun();
  }

  // 3. The teachers added or moved are 专任教师 too: the 专任教师 cells follow, so that no school holds more
  // 高学历 / 骨干 / 体艺 teachers than teachers (impossible-value), and the plan is re-checked with them.
  topUps = teacherTopUps(input, beforeReport, model, [stdWrites, cvWrites, moveWrites]);
  if (topUps.size) rerun();

  // 4. The plan as JSON, from the writes and what each part sees of them.
  const township = townshipReader(beforeReport);
  const entries = new Map<string, PlanSchool>();
  const entryOf = (p: PartModel): PlanSchool => {
    let e = entries.get(p.key);
    if (!e) {
      e = {
        name: p.name,
        stage: p.stage,
        sheet: p.sheet,
        row: p.row,
        additions: {},
        cost: 0,
        forStandard: {},
        forCv: {},
        statusBefore: beforeStatus.get(p.key) ?? p.status,
        exempt: exempt.get(p.key) ?? null,
      };
      const tw = township(p.sheet, p.row);
      if (tw) e.township = tw;
      entries.set(p.key, e);
    }
    return e;
  };
  const beforeStatus = new Map(
    beforeReport.schools.map((s) => [`${s.sheet}|${s.row}|${s.stage}`, s.status as string])
  );
  for (const [m, field] of [
    [stdWrites, "forStandard"],
    [cvWrites, "forCv"],
  ] as const) {
    for (const [key, w] of m) {
      const t = model.targets.get(key);
      if (!t || w === 0) continue;
      for (const r of t.readers) {
        const gain = r.part.inds[r.index].coef * w;
        if (gain === 0) continue;
        const e = entryOf(r.part);
        add(e[field], t.kind, gain);
      }
    }
  }
  // Transfers are not additions (a school's forCv holds only what is bought): their net count per pair.
  const netTransfers: (PlanTransfer & { fromKey: string; toKey: string })[] = [];
  for (const { kind, a, b, net } of transfers.values()) {
    if (net === 0) continue;
    const [from, to] = net > 0 ? [a, b] : [b, a];
    netTransfers.push({
      kind,
      from: from.name,
      fromStage: from.stage,
      fromSheet: from.sheet,
      fromRow: from.row,
      to: to.name,
      toStage: to.stage,
      toSheet: to.sheet,
      toRow: to.row,
      count: Math.abs(net),
      fromKey: from.key,
      toKey: to.key,
    });
  }
  const schools: PlanSchool[] = [];
  const totals: Amounts = {};
  for (const e of entries.values()) {
    for (const kind of PLAN_KINDS) {
      const v = (e.forStandard[kind] ?? 0) + (e.forCv[kind] ?? 0);
      if (v !== 0) {
        e.additions[kind] = v;
        add(totals, kind, v);
      }
    }
    e.cost = PLAN_KINDS.reduce((s, k) => s + (e.additions[k] ?? 0) * costs[k], 0);
    const up = topUps.get(`${e.sheet}|${e.row}|${e.stage}`);
    if (up) e.teachers = up.count;
    if (Object.keys(e.additions).length || up) schools.push(e);
  }
  const order = new Map(beforeReport.schools.map((s, i) => [`${s.sheet}|${s.row}|${s.stage}`, i]));
  schools.sort(
    (a, b) =>
      (order.get(`${a.sheet}|${a.row}|${a.stage}`) ?? 0) -
      (order.get(`${b.sheet}|${b.row}|${b.stage}`) ?? 0)
  );
  const total = schools.reduce((s, e) => s + e.cost, 0);

  const townships = new Map<string, { name: string; schools: number; cost: number }>();
  for (const e of schools) {
    if (!e.township) continue;
    const t = townships.get(e.township) ?? { name: e.township, schools: 0, cost: 0 };
    t.schools++;
    t.cost += e.cost;
    townships.set(e.township, t);
  }

  const cvs: PlanCv[] = [];
  for (const [stage, c] of Object.entries(beforeReport.county)) {
    if (!c) continue;
    for (const [id, r] of Object.entries(c.indicators)) {
      if (r.limit === null || r.cv === null || r.meets !== false) continue;
      const a = afterReport.county[stage as keyof typeof afterReport.county]?.indicators[id];
      cvs.push({
        stage: stage as PlanCv["stage"],
        indicator: id,
        before: r.cv,
        after: a?.cv ?? null,
        limit: r.limit,
        meets: a?.meets ?? null,
      });
    }
  }
  // CVs pushed over their limit by the school additions and brought back are shown too.
  for (const [key, before] of firstBefore) {
    const [stage, id] = key.split("|") as [PlanCv["stage"], string];
    if (cvs.some((c) => c.stage === stage && c.indicator === id)) continue;
    const a = afterReport.county[stage]?.indicators[id];
    cvs.push({
      stage,
      indicator: id,
      before: beforeReport.county[stage]?.indicators[id]?.cv ?? before,
      after: a?.cv ?? null,
      limit: limits[stage] ?? 0,
      meets: a?.meets ?? null,
    });
  }

  const plan: Plan = {
    tool: { name: "junheng", version: ENGINE_VERSION },
    standard: standard.id,
    floorShare: beforeReport.standard.perSchool?.floorShare ?? null,
    costs,
    schools,
    transfers: netTransfers.map(({ fromKey: _f, toKey: _t, ...rest }) => rest),
    total,
    totals,
    unplanned: [...unplanned.values()].map((u) => ({
      name: u.part.name,
      stage: u.part.stage,
      sheet: u.part.sheet,
      row: u.part.row,
      reason: u.reason,
      indicators: u.indicators,
    })),
    cvs,
    before: outcomeOf(beforeReport),
    after: outcomeOf(afterReport),
  };
  if (townships.size) plan.townships = [...townships.values()];
  const cells: PlanCells = {};
  for (const p of model.parts) {
    const mine: PlanCells[string] = {};
    for (const m of p.inds) {
      const t = m.target ? model.targets.get(m.target) : undefined;
      if (t && m.coef > 0)
        mine[m.kind] = { sheet: t.sheet, cell: t.cell, rawPerBase: t.rawPerBase, coef: m.coef };
    }
    cells[p.key] = mine;
  }
  return { plan, beforeReport, afterReport, applied, writes: writes(), cells };
}
