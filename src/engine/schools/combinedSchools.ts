/**
 * Combined schools, standards.md §9: a 九年一贯制 / 十二年一贯制 school is assessed as a 小学 part and an 初中 part,
 * a 完全中学 as its 初中 part; whole-school figures are apportioned to the parts by the shares of §9 (splitShare.ts).
 */
import { PolicyOptions, Stage } from "../../standards/types";
import { Quantity, QuantityReader } from "./quantities";
import type { SchoolRecord } from "./branches";
import { SchoolKind } from "./stageOf";
import { SplitWeights, STUDENT_SHARE } from "./splitShare";
import { stagedKey } from "../table/columnKey";
import type { StageWord } from "../table/headerText";

/** The column keys of the students of each stage ("students@primary", …). */
export const STUDENTS_AT: Readonly<Record<StageWord, string>> = {
  primary: stagedKey("students", "primary"),
  junior: stagedKey("students", "junior"),
  senior: stagedKey("students", "senior"),
};

/** A school split into stage parts (its whole-school figures are apportioned). */
export function isCombined(kind: SchoolKind): boolean {
  return kind === "nine-year" || kind === "twelve-year" || kind === "complete-secondary";
}

const BOTH_STAGES: readonly Stage[] = ["primary", "junior"];
const PRIMARY_ONLY: readonly Stage[] = ["primary"];
const JUNIOR_ONLY: readonly Stage[] = ["junior"];

/** The stage parts a school of this kind is assessed as. */
export function stagesOf(kind: SchoolKind): readonly Stage[] {
  if (kind === "nine-year" || kind === "twelve-year") return BOTH_STAGES;
  return kind === "junior" || kind === "complete-secondary" ? JUNIOR_ONLY : PRIMARY_ONLY;
}

/** The students of each stage of a school (A 小学, B 初中, C 高中). */
export interface StageStudents {
  A: Quantity | undefined;
  B: Quantity | undefined;
  C: Quantity | undefined;
}

/**
 * Reads the students of each stage into `out` (one object reused from school to school): the stage's own column,
 * else (single stage) the whole-school figure; for a combined school one missing stage is derived from the total.
 */
export function readStageStudents(
  out: StageStudents,
  rec: SchoolRecord,
  kind: SchoolKind,
  split: boolean,
  total: Quantity | undefined,
  reader: QuantityReader
): void {
  // Students per stage: the stage's own column, else (single stage) the whole-school figure.
  out.A = stageStudents(reader.read(rec.rows, STUDENTS_AT.primary, rec.name), split, total);
  out.B = stageStudents(reader.read(rec.rows, STUDENTS_AT.junior, rec.name), split, total);
  out.C = stageStudents(reader.read(rec.rows, STUDENTS_AT.senior, rec.name), split, total);
  if (split && total?.value != null) {
    // Derive one missing stage from the total (A + B (+ C) = total).
    const { A, B, C } = out;
    const known = [A, B, C]
      .filter((q) => q && q.value !== null)
      .reduce((s, q) => s + (q?.value ?? 0), 0);
    const needsC = kind !== "nine-year";
    const missing = [
      A?.value == null && kind !== "complete-secondary" ? "A" : "",
      B?.value == null ? "B" : "",
      needsC && C?.value == null ? "C" : "",
    ].filter(Boolean);
    if (missing.length === 1) {
      const q: Quantity = { value: total.value - known, cell: total.cell, field: total.field };
      if (missing[0] === "A") out.A = q;
      else if (missing[0] === "B") out.B = q;
      else out.C = q;
    }
  }
}

/** A stage's students: its own column, else (single-stage school) the whole-school figure. */
function stageStudents(
  own: Quantity | undefined,
  split: boolean,
  total: Quantity | undefined
): Quantity | undefined {
  if (own && own.value !== null) return own;
  if (!split && total) return total;
  return own;
}

/** The weights of the facility shares (§9): a 九年一贯制 has no 高中部; a 完全中学 has no 小学部. */
export function splitWeightsOf(kind: SchoolKind, policy: PolicyOptions): SplitWeights {
  // 完全中学: 高中 weighs completeSecondarySeniorWeight × 初中 (1.2 nationally).
  return policy.splitMethod !== "weights"
    ? STUDENT_SHARE
    : kind === "complete-secondary"
      ? { primary: 0, junior: 1, senior: policy.completeSecondarySeniorWeight }
      : policy.splitWeights;
}
