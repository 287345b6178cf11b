/**
 * The rule tests' harness (Frictionless style): each test states a small table inline, runs the engine on it and
 * asserts the flattened findings and the numbers. Expected values are worked out by hand in the tests.
 */
import { checkWorkbook, CheckOptions } from "../../../src/engine/report";
import type { Finding, Report, SchoolResult } from "../../../src/engine/reportTypes";
import type { RawCell } from "../../../src/engine/workbook";
import { CheckSettings, defaultSettings, StandardId } from "../../../src/standards";
import type { PolicyOptions, SchoolRowLimits } from "../../../src/standards/types";
import { sheet, workbook } from "../helpers";

export type Row = RawCell[];

/** Checks one sheet given as rows (the first rows are the header). */
export function check(name: string, rows: Row[], options: CheckOptions = {}): Report {
  return checkWorkbook(workbook(sheet(name, rows)), options).report;
}

/** Checks several sheets: `[name, rows]` pairs. */
export function checkSheets(sheets: [string, Row[]][], options: CheckOptions = {}): Report {
  return checkWorkbook(workbook(...sheets.map(([n, r]) => sheet(n, r))), options).report;
}

/** Default settings of a standard with some policy options and limits changed. */
export function settingsWith(
  patch: { policy?: Partial<PolicyOptions>; limits?: Partial<SchoolRowLimits> } = {},
  id: StandardId = "quality-2017"
): CheckSettings {
  const s = defaultSettings(id);
  Object.assign(s.policy, patch.policy ?? {});
  Object.assign(s.limits, patch.limits ?? {});
  return s;
}

type Findings = Pick<Report, "findings"> | readonly Finding[];
const list = (r: Findings): readonly Finding[] => ("findings" in r ? r.findings : r);
const byText = (a: readonly unknown[], b: readonly unknown[]): number =>
  JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0;

/** Every finding as `[sheet, cell, code]`, sorted; only the given codes when `codes` is set. */
export function flatten(
  report: Findings,
  codes?: readonly string[]
): [string | null, string | null, string][] {
  return list(report)
    .filter((f) => !codes || codes.includes(f.code))
    .map((f): [string | null, string | null, string] => [f.sheet, f.cell, f.code])
    .sort(byText);
}

/** Every finding as `[sheet, cell, code, school, stage, indicator]`, sorted; only `codes` when set. */
export function flattenWhere(
  report: Findings,
  codes?: readonly string[]
): [string | null, string | null, string, string | null, string | null, string | null][] {
  return list(report)
    .filter((f) => !codes || codes.includes(f.code))
    .map(
      (f): [string | null, string | null, string, string | null, string | null, string | null] => [
        f.sheet,
        f.cell,
        f.code,
        f.school,
        f.stage,
        f.indicator,
      ]
    )
    .sort(byText);
}

/** The distinct codes raised, sorted. */
export function codesOf(report: Findings): string[] {
  return [...new Set(list(report).map((f) => f.code))].sort();
}

/** The school (or stage part) of that name; throws when there is none, so a typo fails loudly. */
export function schoolOf(report: Report, name: string, stage?: string): SchoolResult {
  const s = report.schools.find((x) => x.name === name && (!stage || x.stage === stage));
  if (!s) throw new Error(`no school ${name} ${stage ?? ""} in the report`);
  return s;
}

/**
 * The seven quality-2017 inputs as plain columns, 仪器 in 元 (no unit inference). Column letters:
 * A 学校名称, B 在校生数, C 高学历, D 骨干, E 体艺, F 教辅用房, G 场馆, H 仪器, I 多媒体.
 */
export const H7 = [
  "学校名称",
  "在校生数",
  "高于规定学历教师数",
  "县级及以上骨干教师数",
  "体育、艺术专任教师数",
  "教学及辅助用房面积(㎡)",
  "体育运动场馆面积(㎡)",
  "教学仪器设备值(元)",
  "网络多媒体教室数(间)",
];

/** Column letter of each quality-2017 indicator's input in H7. */
export const H7_COL = {
  qualified_teachers_per_100: "C",
  key_teachers_per_100: "D",
  pe_arts_teachers_per_100: "E",
  teaching_space_per_student: "F",
  sports_space_per_student: "G",
  equipment_value_per_student: "H",
  multimedia_rooms_per_100: "I",
} as const;

/**
 * A 小学 of 1000 students meeting all seven (per 100 = count ÷ 10, per student = amount ÷ 1000):
 * 5.0 ≥ 4.2, 1.2 ≥ 1, 1.0 ≥ 0.9, 5.0 ≥ 4.5, 8.0 ≥ 7.5, 2100 ≥ 2000, 2.5 ≥ 2.3.
 */
export const PRIMARY_OK: Row = ["甲小学", 1000, 50, 12, 10, 5000, 8000, 2100000, 25];

/**
 * A 初中 of 1000 students meeting all seven: 6.0 ≥ 5.3, 1.2 ≥ 1, 1.0 ≥ 0.9, 6.0 ≥ 5.8, 11.0 ≥ 10.2,
 * 2600 ≥ 2500, 2.5 ≥ 2.4.
 */
export const JUNIOR_OK: Row = ["甲初中", 1000, 60, 12, 10, 6000, 11000, 2600000, 25];

/** A copy of `row` with another name and some cells replaced by column letter. */
export function withCells(row: Row, name: string, cells: Record<string, RawCell> = {}): Row {
  const out = [...row];
  out[0] = name;
  for (const [col, v] of Object.entries(cells)) out[col.charCodeAt(0) - 65] = v;
  return out;
}
