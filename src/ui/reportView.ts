/**
 * Arranges a report for reading: groups and orders what the engine found, and formats the numbers it computed.
 * Nothing here decides a verdict, a value or a gap — those all come from the report (docs/report-format.md).
 * Pure functions, so the grouping is tested without rendering.
 */
import { formatAsWritten, formatNumber } from "../engine/format";
import { unrounded } from "../present/unrounded";
import { FindingIndex } from "../engine/findings/lookup";
import {
  failReason,
  gapText,
  incompleteReason,
  namesSchool,
  renderFinding,
} from "../present/findingText";

export { FindingIndex };
import type { Finding, Lang, Report, SchoolResult } from "../engine/reportTypes";
import { STAGES, type Stage } from "../standards/types";
import { findingTitle } from "./labels";
import { indicatorName, indicatorShort, indicatorUnit } from "../present/labels";

export interface CvRow {
  id: string;
  code: string;
  short: string;
  /** CV at 3 decimals, mean at 2 (表Ⅲ), limit at 2; null when not computed. */
  cv: string | null;
  mean: string | null;
  limit: string | null;
  meets: boolean | null;
  /** Schools whose value entered the CV, when fewer than the stage has. */
  partial?: { k: number; n: number };
}

export interface StageView {
  stage: Stage;
  meets: boolean | null;
  schools: number;
  schoolsMeeting: number;
  students: number;
  rows: CvRow[];
  composite?: { cv: string | null; limit: string; meets: boolean | null };
  /** Short names of the indicators whose CV is over its limit. */
  cvOver: string[];
  cvIncomplete: boolean;
}

/** Where a finding or a value sits, for host.selectCell. */
export interface CellRef {
  sheet: string;
  cell: string;
}

export interface SchoolIndicatorItem {
  indicatorId: string;
  code: string;
  short: string;
  /** "0.75 < 1" style pieces, already rounded by the engine. */
  display: string | null;
  threshold: string | null;
  unit: string;
  /** Below the threshold (false), or missing a value (null). */
  meets: boolean | null;
  /** "2 名县级以上骨干教师" — the engine's gap text, without the "还差" prefix. */
  gap: string | null;
  /** Met only at the 85 % floor: below the threshold but the school still passes. */
  atFloor: boolean;
  at: CellRef | null;
}

export interface SchoolGroup {
  key: string;
  name: string;
  stage: Stage;
  sheet: string;
  row: number;
  status: "fail" | "incomplete";
  /** Why the school fails, from the engine's school-fails / school-incomplete finding. */
  reason: string;
  at: CellRef | null;
  items: SchoolIndicatorItem[];
}

export interface IndicatorSchoolItem {
  school: string;
  stage: Stage;
  display: string | null;
  threshold: string | null;
  unit: string;
  gap: string | null;
  atFloor: boolean;
  at: CellRef | null;
}

export interface IndicatorGroup {
  id: string;
  code: string;
  short: string;
  name: string;
  items: IndicatorSchoolItem[];
}

export interface FindingGroup {
  code: string;
  title: string;
  severity: Finding["severity"];
  items: Finding[];
}

const ROW_CHECK_CODES = new Set([
  "class-size",
  "class-size-undetermined",
  "school-size",
  "music-art-rooms",
]);

export function refOf(f: { sheet: string | null; cell: string | null }): CellRef | null {
  return f.sheet && f.cell ? { sheet: f.sheet, cell: f.cell } : null;
}

/** Per-student amounts keep their unit in the short "4.00 ㎡ < 4.5 ㎡" form; per-100 counts read better bare. */
const SHOWN_UNITS = new Set(["㎡", "m²", "元", "CNY"]);
export function shownUnit(unit: string): string {
  return SHOWN_UNITS.has(unit) ? unit : "";
}

/** A finding's message, with the school's name in front when the message (by its code) does not name it. */
export function findingText(f: Finding, lang: Lang): { school: string | null; message: string } {
  const message = renderFinding(f, lang);
  return { school: f.school && !namesSchool(f.code) ? f.school : null, message };
}

/** The threshold as the standard writes it: 4.2, 1, 2,000. */
export function formatThreshold(n: number | null): string | null {
  return n === null ? null : formatAsWritten(n);
}

export function countyView(report: Report, lang: Lang): StageView[] {
  const out: StageView[] = [];
  for (const stage of STAGES) {
    const c = report.county[stage];
    if (!c) continue;
    const rows: CvRow[] = report.indicators.map((ind) => {
      const ci = c.indicators[ind.id];
      const row: CvRow = {
        id: ind.id,
        code: ind.code,
        short: indicatorShort(ind.id, lang),
        cv: ci?.cv == null ? null : cvText(ci.cv, ci.borderline),
        mean: ci?.mean == null ? null : formatNumber(ci.mean, 2),
        limit: ci?.limit == null ? null : formatNumber(ci.limit, 2),
        meets: ci?.meets ?? null,
      };
      if (ci && ci.schools < ci.of) row.partial = { k: ci.schools, n: ci.of };
      return row;
    });
    const view: StageView = {
      stage,
      meets: c.meets,
      schools: c.schools,
      schoolsMeeting: c.schoolsMeeting,
      students: c.students,
      rows,
      cvOver: rows.filter((r) => r.meets === false).map((r) => r.short),
      cvIncomplete: rows.some((r) => r.partial !== undefined),
    };
    if (c.composite)
      view.composite = {
        cv: c.composite.cv === null ? null : cvText(c.composite.cv, c.composite.borderline),
        limit: formatNumber(c.composite.limit, 2),
        meets: c.composite.meets,
      };
    out.push(view);
  }
  return out;
}

/**
 * A CV at 3 decimals (§7), or unrounded when the rounding would give the other verdict: 「0.5004」 beside its limit
 * 0.50, never 「0.500 ✗」.
 */
function cvText(cv: number, borderline: boolean | undefined): string {
  return borderline ? unrounded(cv) : formatNumber(cv, 3);
}

/** The gap of a below-standard finding in natural units ("2 名县级以上骨干教师"), from its typed parameters. */
function findingGap(f: Finding | undefined, lang: Lang): string | null {
  return f?.code === "below-standard" ? gapText(f.params.gap, lang) : null;
}

/** Why a school fails or cannot be judged, from its school-fails / school-incomplete parameters. */
function findingReason(f: Finding | undefined, lang: Lang): string {
  if (f?.code === "school-fails") return failReason(f.params, lang);
  if (f?.code === "school-incomplete")
    return (lang === "zh-CN" ? "缺 " : "Missing ") + incompleteReason(f.params, lang);
  return "";
}

function indicatorItems(
  report: Report,
  index: FindingIndex,
  s: SchoolResult,
  lang: Lang
): SchoolIndicatorItem[] {
  const items: SchoolIndicatorItem[] = [];
  for (const ind of report.indicators) {
    const r = s.indicators[ind.id];
    if (!r) continue;
    const missing = r.value === null;
    if (r.meets !== false && !missing) continue;
    if (missing && r.threshold === null) continue;
    const below = missing ? undefined : index.find(s, "below-standard", ind.id);
    items.push({
      indicatorId: ind.id,
      code: ind.code,
      short: indicatorShort(ind.id, lang),
      display: r.display,
      threshold: formatThreshold(r.threshold),
      unit: shownUnit(indicatorUnit(ind.id, lang)),
      meets: missing ? null : false,
      gap: findingGap(below, lang),
      atFloor: s.atFloor.includes(ind.id),
      at: r.cell ? { sheet: s.sheet, cell: r.cell } : null,
    });
  }
  return items;
}

/** Schools that fail or cannot be judged, failures first, in sheet order within each. */
export function schoolGroups(
  report: Report,
  findings: readonly Finding[],
  lang: Lang
): SchoolGroup[] {
  const order = (s: SchoolResult): number => (s.status === "fail" ? 0 : 1);
  const index = new FindingIndex(findings);
  return report.schools
    .filter((s) => s.status === "fail" || s.status === "incomplete")
    .sort((a, b) => order(a) - order(b) || a.sheet.localeCompare(b.sheet) || a.row - b.row)
    .map((s): SchoolGroup => {
      const f = index.find(s, s.status === "fail" ? "school-fails" : "school-incomplete");
      // The reason and the indicator lines are worded when first read: a county of 10,000 schools shows a
      // screenful of its 3,000 failing ones (the list is windowed), and wording them all took ~60 ms.
      let reason: string | undefined;
      let items: SchoolIndicatorItem[] | undefined;
      return {
        key: `${s.sheet}\u0000${s.row}\u0000${s.stage}`,
        name: s.name,
        stage: s.stage,
        sheet: s.sheet,
        row: s.row,
        status: s.status as "fail" | "incomplete",
        get reason(): string {
          return (reason ??= findingReason(f, lang));
        },
        at: f ? refOf(f) : null,
        get items(): SchoolIndicatorItem[] {
          return (items ??= indicatorItems(report, index, s, lang));
        },
      };
    });
}

/** Every indicator some school is below, with those schools (including ones that pass at the 85 % floor). */
export function indicatorGroups(
  report: Report,
  findings: readonly Finding[],
  lang: Lang
): IndicatorGroup[] {
  const out: IndicatorGroup[] = [];
  const index = new FindingIndex(findings);
  for (const ind of report.indicators) {
    const items: IndicatorSchoolItem[] = [];
    for (const s of report.schools) {
      if (s.excluded) continue;
      const r = s.indicators[ind.id];
      if (!r || r.meets !== false) continue;
      const below = index.find(s, "below-standard", ind.id);
      items.push({
        school: s.name,
        stage: s.stage,
        display: r.display,
        threshold: formatThreshold(r.threshold),
        unit: shownUnit(indicatorUnit(ind.id, lang)),
        gap: findingGap(below, lang),
        atFloor: s.atFloor.includes(ind.id) && s.status === "pass",
        at: r.cell ? { sheet: s.sheet, cell: r.cell } : null,
      });
    }
    if (items.length)
      out.push({
        id: ind.id,
        code: ind.code,
        short: indicatorShort(ind.id, lang),
        name: indicatorName(ind.id, lang),
        items,
      });
  }
  return out;
}

/** 班额 / 规模 / 音美教室 findings (government-provision rules, not the seven indicators). */
export function rowCheckFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => ROW_CHECK_CODES.has(f.code));
}

const SEVERITY_ORDER: Record<Finding["severity"], number> = { error: 0, warning: 1, info: 2 };
const CATEGORY_ORDER: Record<Finding["category"], number> = { data: 0, table: 1, standard: 2 };

/** Groups findings by code, keeping first-seen order inside a group. */
export function groupByCode(findings: readonly Finding[], lang: Lang): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const f of findings) {
    let g = groups.get(f.code);
    if (!g) {
      g = { code: f.code, title: findingTitle(f.code, lang), severity: f.severity, items: [] };
      groups.set(f.code, g);
    }
    g.items.push(f);
  }
  return [...groups.values()];
}

/** Data problems (data and table findings): errors first, then warnings; `info` findings separately. */
export function problemGroups(
  findings: readonly Finding[],
  lang: Lang
): { problems: FindingGroup[]; notes: FindingGroup[] } {
  const data = findings.filter((f) => f.category !== "standard");
  const problems = groupByCode(
    data.filter((f) => f.severity !== "info"),
    lang
  ).sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const notes = groupByCode(
    data.filter((f) => f.severity === "info"),
    lang
  );
  return { problems, notes };
}

/**
 * 「提交前检查」: every error (the blocking items; their count is report.summary.errors), data before table
 * before standard — a missing value must be filled before a verdict can be trusted — then every warning.
 */
export function submitGroups(
  findings: readonly Finding[],
  lang: Lang
): { errors: FindingGroup[]; warnings: FindingGroup[] } {
  const byCategory = (sev: Finding["severity"]): FindingGroup[] =>
    groupByCode(
      [...findings]
        .filter((f) => f.severity === sev)
        .sort((a, b) => CATEGORY_ORDER[a.category] - CATEGORY_ORDER[b.category]),
      lang
    );
  return { errors: byCategory("error"), warnings: byCategory("warning") };
}

/** Findings about the table itself (unmapped columns, units): each one is a reason to confirm the mapping. */
export function mappingIssues(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.category === "table" && f.severity !== "info");
}

export interface MarkCounts {
  total: number;
  standard: number;
  data: number;
}

export function countMarks(marks: readonly { kind: "standard" | "data" }[]): MarkCounts {
  const data = marks.filter((m) => m.kind === "data").length;
  return { total: marks.length, standard: marks.length - data, data };
}
