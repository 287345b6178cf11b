/**
 * Corrections a user makes in the sidebar ("this column is 在校生数", "this column is in 万元", "this sheet is
 * 初中"), applied on top of automatic detection. Saved in the workbook by the hosts so the next check of the
 * same template needs no clicks.
 */
import { lookupUnit } from "./cells/units";
import { DetectedTable } from "./table/detectTable";
import { FieldKey, FIELD_BY_KEY, PeArtsPart, QualificationLevel, TitlePart } from "./table/fields";
import { StageWord } from "./table/headerText";
import { isStageWord, parseColumnKey } from "./table/columnKey";
import { ColumnMatch, ColumnRole } from "./table/matchColumn";
import { parseAddress } from "./workbook";

export interface SheetOverrides {
  /** Column letter → column key ("students", "students@primary", "qualified_teachers.bachelor"), or "" to ignore it. */
  columns?: Record<string, string>;
  /** Column letter → unit token ("万元", "元", "㎡"). */
  units?: Record<string, string>;
  /** The sheet's stage, or null to let rows decide. */
  stage?: "primary" | "junior" | null;
  /**
   * School name → its stage, for a sheet that mixes stages without a 学段 column (「城关中学」 says nothing).
   * Beats the sheet's stage and everything read from the row. Keyed by name, not row, so it survives inserted
   * rows and applies to next year's file of the same county.
   */
  schoolStages?: Record<string, SchoolStageChoice>;
}

/** What a clerk can say a school is: one stage, or a 九年一贯制 school (split by its per-stage students). */
export type SchoolStageChoice = "primary" | "junior" | "nine-year";

/** Sheet name → its corrections. */
export type CheckOverrides = Record<string, SheetOverrides>;

const PART_KINDS: Record<string, (part: string) => ColumnRole | undefined> = {
  qualified_teachers: (p) => ({ kind: "qualification", level: p as QualificationLevel }),
  pe_arts_teachers: (p) => ({ kind: "pe-arts", part: p as PeArtsPart, underArts: false }),
  senior_title_teachers: (p) => ({ kind: "title", part: p as TitlePart }),
};

/** Parses a column key back into a role; undefined for an unknown key. */
export function roleFromKey(key: string): { role: ColumnRole; stage?: StageWord } | undefined {
  const parsed = parseColumnKey(key);
  const stage = isStageWord(parsed.stage) ? parsed.stage : undefined;
  if (parsed.stage !== undefined && !stage) return undefined;
  if (parsed.indicator !== undefined)
    return { role: { kind: "ratio", indicator: parsed.indicator }, stage };
  if (parsed.part !== undefined) {
    const make = PART_KINDS[parsed.field];
    const role = make?.(parsed.part);
    return role ? { role, stage } : undefined;
  }
  if (!FIELD_BY_KEY.has(parsed.field as FieldKey)) return undefined;
  return { role: { kind: "field", field: parsed.field as FieldKey }, stage };
}

/**
 * The part of a sheet's corrections that concerns one of its tables: on a sheet of tables side by side, the
 * column corrections inside the table's columns (the stage correction applies to every table).
 */
export function overridesWithin(
  o: SheetOverrides | undefined,
  table: DetectedTable
): SheetOverrides | undefined {
  if (!o || (table.left === undefined && table.right === undefined)) return o;
  const inside = (letter: string): boolean => {
    const col = parseAddress(`${letter}1`).col;
    return col >= (table.left ?? 0) && col <= (table.right ?? Number.MAX_SAFE_INTEGER);
  };
  const pick = (r: Record<string, string> | undefined): Record<string, string> | undefined =>
    r && Object.fromEntries(Object.entries(r).filter(([letter]) => inside(letter)));
  const out: SheetOverrides = { ...o };
  if (o.columns) out.columns = pick(o.columns);
  if (o.units) out.units = pick(o.units);
  return out;
}

export function applyOverrides(table: DetectedTable, o: SheetOverrides | undefined): DetectedTable {
  if (!o) return table;
  let columns = [...table.columns];
  let nameCol = table.nameCol;
  for (const [letter, key] of Object.entries(o.columns ?? {})) {
    const col = parseAddress(`${letter}1`).col;
    const existing = columns.find((m) => m.col === col);
    columns = columns.filter((m) => m.col !== col);
    if (!key) continue;
    const parsed = roleFromKey(key);
    if (!parsed) continue;
    const path = existing?.path ??
      table.unknownHeaders.find((h) => h.col === col)?.path ?? [letter];
    const m: ColumnMatch = { col, path, role: parsed.role, score: 10_000, key };
    if (parsed.stage) m.stage = parsed.stage;
    if (existing?.unit) m.unit = existing.unit;
    columns.push(m);
    if (parsed.role.kind === "field" && parsed.role.field === "name") nameCol = col;
  }
  for (const [letter, token] of Object.entries(o.units ?? {})) {
    const col = parseAddress(`${letter}1`).col;
    const u = lookupUnit(token);
    columns = columns.map((m) =>
      m.col === col && u ? { ...m, unit: u, unknownUnit: undefined } : m
    );
  }
  const out: DetectedTable = { ...table, columns, nameCol };
  if (o.stage !== undefined) {
    if (o.stage === null) delete out.sheetStage;
    else out.sheetStage = o.stage;
  }
  if (o.schoolStages && Object.keys(o.schoolStages).length > 0)
    out.schoolStages = { ...o.schoolStages };
  return out;
}
