import { DetectedTable } from "../table/detectTable";
import type { SchoolRecord } from "./branches";
import { STUDENTS_AT } from "./combinedSchools";
import { QuantityReader } from "./quantities";
import { KindVerdict, SchoolKind, kindFromText, nameMayOverrideType, stagePartOf } from "./stageOf";

const COMBINED = new Set<SchoolKind>(["nine-year", "twelve-year", "complete-secondary"]);

// A 学校类型 column holds a handful of distinct values ("小学", "初中", "九年一贯制学校"): read each once.
const typeKinds = new Map<string, KindVerdict | undefined>();
function kindOfType(text: string): KindVerdict | undefined {
  if (typeKinds.has(text)) return typeKinds.get(text);
  const v = kindFromText(text);
  if (typeKinds.size < 1000) typeKinds.set(text, v);
  return v;
}

/**
 * A table with both a 学校类型 and a 学段 column: 「九年一贯制」 in one and 「小学部」 (or 「初中」, 「高中部」) in the other
 * makes the row that one part of the combined school, used as it is (§9: part rows are never re-split). Otherwise
 * the better-matched column's reading stands.
 */
function partOfCombined(
  type: KindVerdict | undefined,
  other: KindVerdict | undefined
): KindVerdict | undefined {
  if (!other) return type;
  if (!type) return other;
  const single = (v: KindVerdict): boolean =>
    v.kind === "primary" || v.kind === "junior" || v.excluded === "senior-high";
  // The other way round (学段 read as the type, 学校类型 the other) the type column already names the part.
  if (type.kind && COMBINED.has(type.kind) && single(other)) return other;
  return type;
}

/**
 * What a school is (standards.md §8.3–8.6): excluded, a teaching point, single-stage or combined, decided from
 * the 学校类型 column, the user's choice, the sheet's stage, a block heading, the name and the per-stage students.
 */
export function decideKind(
  rec: SchoolRecord,
  table: DetectedTable,
  reader: QuantityReader
): KindVerdict {
  const row = rec.rows[0];
  const typeText = row.texts.type ?? "";
  const fromType = partOfCombined(
    typeText ? kindOfType(typeText) : undefined,
    row.texts.typeOther ? kindOfType(row.texts.typeOther) : undefined
  );
  // With a type that names the kind, only a 特教 / 职业 / 教学点 name can change the outcome (see below).
  const fromName =
    fromType?.kind && !nameMayOverrideType(rec.name) ? undefined : kindFromText(rec.name);
  const excluded = fromType?.excluded ?? fromName?.excluded;
  if (excluded) return { excluded };
  const isPoint = fromType?.kind === "teaching-point" || fromName?.kind === "teaching-point";
  // The user said what this school is (a sheet mixing stages with no 学段 column): that beats the sheet.
  const chosen = table.schoolStages?.[rec.name];
  if (chosen) return { kind: isPoint && chosen === "primary" ? "teaching-point" : chosen };
  if (table.sheetStage) {
    // A sheet per stage: its rows are single-stage, even a 九年一贯制 school's 小学部 row (never re-split).
    if (isPoint && table.sheetStage === "primary") return { kind: "teaching-point" };
    return { kind: table.sheetStage };
  }
  // A 小学部 / 初中部 row of a school typed 九年一贯制 (or 完全中学, 十二年一贯制) is that one stage, as the 2012
  // 填报说明 has them written: the type names the school, the row names its part. Read as the whole combined
  // school, each part row needed per-stage students it cannot have (an unknown-stage error per row).
  const part = stagePartOf(rec.name);
  if (part && fromType?.kind && COMBINED.has(fromType.kind)) return { kind: part };
  // A name ending 教学点 makes a 小学-typed row a 教学点 (§8 rule 3: 「type column, or name ending 教学点」), as above.
  if (fromType?.kind)
    return isPoint && fromType.kind === "primary" ? { kind: "teaching-point" } : fromType;
  // A block heading above the row ("二、初中") settles an ambiguous name such as 「城关中学」.
  if (
    row.sectionStage &&
    !(fromName?.kind && fromName.kind !== row.sectionStage && fromName.kind !== "teaching-point")
  ) {
    return { kind: isPoint ? "teaching-point" : row.sectionStage };
  }
  const has = (k: string): boolean => {
    const q = reader.read(rec.rows, k, rec.name);
    return !!q && q.value !== null && q.value > 0;
  };
  const a = has(STUDENTS_AT.primary);
  const b = has(STUDENTS_AT.junior);
  const c = has(STUDENTS_AT.senior);
  if (fromName?.kind && !(fromName.kind === "primary" && b) && !(fromName.kind === "junior" && a))
    return fromName;
  if (a && b) return { kind: c ? "twelve-year" : "nine-year" };
  if (b && c) return { kind: "complete-secondary" };
  if (a) return { kind: "primary" };
  if (b) return { kind: "junior" };
  if (fromType?.warning) return fromType;
  return fromName ?? { warning: "no-evidence" };
}
