/**
 * A city's counties side by side: one row per county file (verdict per stage, each CV, schools meeting, the items in
 * the way when the report carries the whole assessment, the 达标测算 cost), and the indicators that fail most often.
 * Pure: it reads reports and plans, which the caller made.
 */
import type { Report } from "../reportTypes";
import type { Stage } from "../../standards/types";
import { BASIC_2012, QUALITY_2017 } from "../../standards";

/** Ties in "fails most often" go to the standard's order (L1 … L7, then the 2012 order). */
const ORDER: readonly string[] = [...QUALITY_2017.indicators, ...BASIC_2012.indicators].map(
  (i) => i.id
);
const rank = (id: string): number => {
  const i = ORDER.indexOf(id);
  return i < 0 ? ORDER.length : i;
};

export interface RollupStage {
  meets: boolean | null;
  schools: number;
  schoolsMeeting: number;
  cvs: Record<string, number | null>;
  cvMeets: Record<string, boolean | null>;
}

export interface RollupRow {
  file: string;
  /** Why the file could not be checked (then nothing else is filled). */
  error?: string;
  stages: Partial<Record<Stage, RollupStage>>;
  meets: boolean | null;
  /** report.assessment.blocking (standards.md §17.8) when the report has the whole assessment, else null. */
  blocking: string[] | null;
  /** The plan's county total (元), null when no plan was made. */
  planCost: number | null;
  /** Per stage and indicator: schools below the threshold. */
  below: Partial<Record<Stage, Record<string, number>>>;
}

export interface FailingIndicator {
  stage: Stage;
  indicator: string;
  /** Schools below the threshold, over all counties. */
  schoolsBelow: number;
  /** Counties where the indicator's CV is over its limit. */
  countiesOverLimit: number;
}

const STAGES: Stage[] = ["primary", "junior"];

export function rollupRow(file: string, report: Report, planCost: number | null): RollupRow {
  const stages: RollupRow["stages"] = {};
  const below: RollupRow["below"] = {};
  for (const stage of STAGES) {
    const c = report.county[stage];
    if (!c) continue;
    const cvs: Record<string, number | null> = {};
    const cvMeets: Record<string, boolean | null> = {};
    for (const [id, r] of Object.entries(c.indicators)) {
      cvs[id] = r.cv;
      cvMeets[id] = r.meets;
    }
    stages[stage] = {
      meets: c.meets,
      schools: c.schools,
      schoolsMeeting: c.schoolsMeeting,
      cvs,
      cvMeets,
    };
    const counts: Record<string, number> = {};
    for (const s of report.schools) {
      if (s.excluded || s.stage !== stage) continue;
      for (const [id, r] of Object.entries(s.indicators))
        if (r.meets === false) counts[id] = (counts[id] ?? 0) + 1;
    }
    below[stage] = counts;
  }
  const assessment = (report as Report & { assessment?: { blocking?: unknown } }).assessment;
  const blocking =
    assessment && Array.isArray(assessment.blocking)
      ? assessment.blocking.filter((x): x is string => typeof x === "string")
      : null;
  return { file, stages, meets: report.summary.meets, blocking, planCost, below };
}

export function rollupError(file: string, error: string): RollupRow {
  return { file, error, stages: {}, meets: null, blocking: null, planCost: null, below: {} };
}

/** The indicators that fail most often: most schools below the threshold first, then most counties over the limit. */
export function mostFailing(rows: readonly RollupRow[]): FailingIndicator[] {
  const by = new Map<string, FailingIndicator>();
  const get = (stage: Stage, indicator: string): FailingIndicator => {
    const key = `${stage}|${indicator}`;
    let f = by.get(key);
    if (!f) {
      f = { stage, indicator, schoolsBelow: 0, countiesOverLimit: 0 };
      by.set(key, f);
    }
    return f;
  };
  for (const r of rows) {
    for (const stage of STAGES) {
      const st = r.stages[stage];
      if (!st) continue;
      for (const [id, n] of Object.entries(r.below[stage] ?? {})) get(stage, id).schoolsBelow += n;
      for (const [id, m] of Object.entries(st.cvMeets))
        if (m === false) get(stage, id).countiesOverLimit++;
    }
  }
  return [...by.values()]
    .filter((f) => f.schoolsBelow > 0 || f.countiesOverLimit > 0)
    .sort(
      (a, b) =>
        b.schoolsBelow - a.schoolsBelow ||
        b.countiesOverLimit - a.countiesOverLimit ||
        STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage) ||
        rank(a.indicator) - rank(b.indicator)
    );
}
