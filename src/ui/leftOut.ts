/**
 * Which schools the report did not assess, and why — so the pane can name them and never show a green light
 * while any is left out (a county of 8 schools "all passing" with 2 of them dropped for 学段不明 is not 达标).
 * Read from the report only: a school row with an unknown-stage finding and no school result (it was dropped),
 * and a school result that could not be judged (status "incomplete": a value missing, or its column not found).
 * Schools excluded by rule (school-excluded: 民办 under the policy, …) are not "left out": the standard says so.
 */
import type { CheckResult } from "../engine/report";
import type { Finding, Report } from "../engine/reportTypes";
import type { CellRef } from "./reportView";

export type LeftOutReason = "stage" | "column" | "value";

export interface LeftOutSchool {
  name: string;
  sheet: string;
  /** The school's name cell (stage) or the first missing value's cell; null when the report gives none. */
  at: CellRef | null;
  reason: LeftOutReason;
  /** Ids of the indicators that could not be computed (empty for reason "stage"). */
  fields: string[];
}

export interface LeftOut {
  schools: LeftOutSchool[];
  /** Sheet → the required fields no column provides (one mapping problem each, not one per school). */
  unmappedBySheet: Record<string, string[]>;
}

function isDropped(f: Finding, assessed: Set<string>): boolean {
  return (
    f.code === "unknown-stage" && f.school !== null && !assessed.has(`${f.sheet}\u0000${f.school}`)
  );
}

export function leftOut(result: Pick<CheckResult, "report" | "allFindings">): LeftOut {
  const report: Report = result.report;
  const assessed = new Set(report.schools.map((s) => `${s.sheet}\u0000${s.name}`));
  const unmappedBySheet: Record<string, string[]> = {};
  for (const t of report.tables) if (t.unmapped.length) unmappedBySheet[t.sheet] = [...t.unmapped];
  const schools: LeftOutSchool[] = [];
  const seen = new Set<string>();
  for (const f of result.allFindings) {
    if (!isDropped(f, assessed)) continue;
    const key = `${f.sheet}\u0000${f.school}`;
    if (seen.has(key)) continue;
    seen.add(key);
    schools.push({
      name: f.school as string,
      sheet: f.sheet ?? "",
      at: f.sheet && f.cell ? { sheet: f.sheet, cell: f.cell } : null,
      reason: "stage",
      fields: [],
    });
  }
  for (const s of report.schools) {
    if (s.status !== "incomplete") continue;
    // An indicator with no value and no cell had no column to read (the field is unmapped); one with a cell
    // points at the empty or invalid value a person must fill in.
    const ids: string[] = [];
    let at: CellRef | null = null;
    let anyCell = false;
    for (const [id, r] of Object.entries(s.indicators)) {
      if (r.value !== null) continue;
      ids.push(id);
      if (r.cell) {
        anyCell = true;
        at ??= { sheet: s.sheet, cell: r.cell };
      }
    }
    schools.push({
      name: s.name,
      sheet: s.sheet,
      at,
      reason: !anyCell && unmappedBySheet[s.sheet] ? "column" : "value",
      fields: ids,
    });
  }
  return { schools, unmappedBySheet };
}

/**
 * One cause, one place (docs/ui.md, "Left out"): a school left out for its stage is named in the left-out list
 * (the fix is a choice on the correction screen), and its unknown-stage error is not repeated under 数据错误; a
 * school left out by a data error (a value empty or invalid, a required column not found) is fixed in the table,
 * so that error stays under 数据错误 — saying how many schools it left out — and the list does not repeat it.
 */
export interface LeftOutPlaces {
  /** Every school not assessed (the verdict holds while any is). */
  all: LeftOutSchool[];
  /** The schools the left-out list names: those dropped for an unknown stage. */
  listed: LeftOutSchool[];
  /** True for a finding the left-out list already says (the unknown-stage error of a listed school). */
  inList(f: Finding): boolean;
  /** How many schools this data error left out of the assessment (0: none). */
  leftOutBy(f: Finding): number;
}

const placesCache = new WeakMap<object, LeftOutPlaces>();

export function leftOutPlaces(result: Pick<CheckResult, "report" | "allFindings">): LeftOutPlaces {
  const cached = placesCache.get(result);
  if (cached) return cached;
  const all = leftOut(result).schools;
  const listed = all.filter((s) => s.reason === "stage");
  const dropped = new Set(listed.map((s) => `${s.sheet}\u0000${s.name}`));
  // The cells whose empty or invalid value kept a school out, and per sheet the schools a missing column did.
  const valueCells = new Set<string>();
  const byColumn = new Map<string, number>();
  for (const s of result.report.schools) {
    if (s.status !== "incomplete") continue;
    for (const r of Object.values(s.indicators))
      if (r.value === null && r.cell) valueCells.add(`${s.sheet}\u0000${r.cell}`);
  }
  for (const s of all)
    if (s.reason === "column") byColumn.set(s.sheet, (byColumn.get(s.sheet) ?? 0) + 1);
  const places: LeftOutPlaces = {
    all,
    listed,
    inList: (f) =>
      f.code === "unknown-stage" && f.school !== null && dropped.has(`${f.sheet}\u0000${f.school}`),
    leftOutBy: (f) => {
      if (f.severity !== "error" || f.category === "standard" || !f.sheet) return 0;
      if (f.code === "unmapped-field") return byColumn.get(f.sheet) ?? 0;
      return f.cell && valueCells.has(`${f.sheet}\u0000${f.cell}`) ? 1 : 0;
    },
  };
  placesCache.set(result, places);
  return places;
}
