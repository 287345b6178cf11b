/**
 * 与上年比较: two years of one county side by side, from the engine's two reports — per stage and indicator the
 * mean, SD and CV of both years and the change, each school's values then and now, the schools added and closed,
 * and the monitoring table as counties publish it (全县平均值 / 标准差 / 差异系数, 6 dp).
 * Schools are matched by name and stage (a renamed school reads as one closed and one added).
 */
import { formatNumber } from "../format";
import type { Report, SchoolResult, SchoolStatus } from "../reportTypes";
import type { Stage } from "../../standards/types";

export interface YearFigures {
  mean: number | null;
  sd: number | null;
  cv: number | null;
  meets: boolean | null;
}

export interface CompareIndicator {
  id: string;
  last: YearFigures;
  this: YearFigures;
  /** this − last (null when either is missing). */
  change: { mean: number | null; sd: number | null; cv: number | null };
}

export interface CompareStage {
  stage: Stage;
  last: { schools: number; schoolsMeeting: number; meets: boolean | null } | null;
  this: { schools: number; schoolsMeeting: number; meets: boolean | null } | null;
  indicators: CompareIndicator[];
}

export interface CompareSchool {
  name: string;
  stage: Stage;
  statusLast: SchoolStatus;
  statusThis: SchoolStatus;
  students: { last: number | null; this: number | null };
  /** Per indicator: the value of each year and the change. */
  values: Record<string, { last: number | null; this: number | null; change: number | null }>;
}

export interface MonitoringRow {
  stage: Stage;
  indicator: string;
  /** 全县平均值 / 标准差 / 差异系数 as printed, 6 dp ("—" when there is none). */
  mean: string;
  sd: string;
  cv: string;
}

export interface Comparison {
  standard: string;
  stages: CompareStage[];
  schools: CompareSchool[];
  added: { name: string; stage: Stage }[];
  closed: { name: string; stage: Stage }[];
  monitoring: { last: MonitoringRow[]; this: MonitoringRow[] };
}

const STAGE_ORDER: Stage[] = ["primary", "junior"];

/** A parsed JSON value has the shape of a report of `junheng check --json` (enough of it to compare). */
export function looksLikeReport(v: unknown): v is Report {
  const r = v as Partial<Report> | null;
  return (
    !!r &&
    typeof r === "object" &&
    Array.isArray(r.schools) &&
    Array.isArray(r.indicators) &&
    typeof r.county === "object" &&
    r.county !== null
  );
}

const diff = (a: number | null | undefined, b: number | null | undefined): number | null =>
  a === null || a === undefined || b === null || b === undefined ? null : b - a;

function figures(report: Report, stage: Stage, id: string): YearFigures {
  const c = report.county[stage]?.indicators[id];
  return { mean: c?.mean ?? null, sd: c?.sd ?? null, cv: c?.cv ?? null, meets: c?.meets ?? null };
}

/** 6 dp, half up, no thousands separators (鸠江 prints 2496.674864). */
const six = (v: number | null): string => (v === null ? "—" : formatNumber(v, 6).replace(/,/g, ""));

export function monitoringTable(report: Report): MonitoringRow[] {
  const rows: MonitoringRow[] = [];
  for (const stage of STAGE_ORDER) {
    const c = report.county[stage];
    if (!c) continue;
    for (const ind of report.indicators) {
      const r = c.indicators[ind.id];
      rows.push({
        stage,
        indicator: ind.id,
        mean: six(r?.mean ?? null),
        sd: six(r?.sd ?? null),
        cv: six(r?.cv ?? null),
      });
    }
  }
  return rows;
}

const keyOf = (s: Pick<SchoolResult, "name" | "stage">): string => `${s.name}|${s.stage}`;

export function compareReports(last: Report, current: Report): Comparison {
  const ids = current.indicators.map((i) => i.id);
  const stages: CompareStage[] = [];
  for (const stage of STAGE_ORDER) {
    const a = last.county[stage];
    const b = current.county[stage];
    if (!a && !b) continue;
    stages.push({
      stage,
      last: a ? { schools: a.schools, schoolsMeeting: a.schoolsMeeting, meets: a.meets } : null,
      this: b ? { schools: b.schools, schoolsMeeting: b.schoolsMeeting, meets: b.meets } : null,
      indicators: ids.map((id) => {
        const l = figures(last, stage, id);
        const t = figures(current, stage, id);
        return {
          id,
          last: l,
          this: t,
          change: { mean: diff(l.mean, t.mean), sd: diff(l.sd, t.sd), cv: diff(l.cv, t.cv) },
        };
      }),
    });
  }
  const assessed = (r: Report): SchoolResult[] => r.schools.filter((s) => !s.excluded);
  const lastBy = new Map(assessed(last).map((s) => [keyOf(s), s]));
  const thisBy = new Map(assessed(current).map((s) => [keyOf(s), s]));
  const schools: CompareSchool[] = [];
  const added: Comparison["added"] = [];
  for (const s of assessed(current)) {
    const l = lastBy.get(keyOf(s));
    if (!l) {
      added.push({ name: s.name, stage: s.stage });
      continue;
    }
    const values: CompareSchool["values"] = {};
    for (const id of ids) {
      const a = l.indicators[id]?.value ?? null;
      const b = s.indicators[id]?.value ?? null;
      values[id] = { last: a, this: b, change: diff(a, b) };
    }
    schools.push({
      name: s.name,
      stage: s.stage,
      statusLast: l.status,
      statusThis: s.status,
      students: { last: l.students, this: s.students },
      values,
    });
  }
  const closed = assessed(last)
    .filter((s) => !thisBy.has(keyOf(s)))
    .map((s) => ({ name: s.name, stage: s.stage }));
  return {
    standard: current.standard.id,
    stages,
    schools,
    added,
    closed,
    monitoring: { last: monitoringTable(last), this: monitoringTable(current) },
  };
}
