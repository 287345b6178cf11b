import type { CheckSettings } from "../../standards";
import type { SchoolVerdict } from "../indicators/schoolIndicators";
import type { FindingParamsByCode } from "../findings/params";
import type { FindingOf, IndicatorResult } from "../reportTypes";
import type { NumeratorKind } from "../../standards/types";
import { NULL_FOR_PRIMING, primeShape } from "../shapes";
import type { SchoolPart } from "../schools/buildParts";
import { cellAddress } from "../workbook";
import type { CheckDeclaration, CheckSink } from "./types";

/**
 * The findings of one school's indicator results and verdict (standards.md §3, §4): a value below its threshold,
 * a value at the display border, a value an indicator needs that is missing, and the school's verdict.
 */
export const INDICATOR_FINDINGS = {
  id: "indicator-findings",
  codes: ["missing-value", "below-standard", "borderline", "school-fails", "school-incomplete"],
  file: "checks/indicatorFindings.ts",
  rule: "each indicator meets its threshold; a school meets the per-school rule; one finding per missing cell",
} as const satisfies CheckDeclaration;
type Codes = (typeof INDICATOR_FINDINGS.codes)[number];

type BelowStandard = FindingParamsByCode["below-standard"];

/**
 * below-standard parameters (a county has 70,000): made here, their shape primed with nulls (shapes.ts), so
 * they point at the result's value and threshold instead of boxing a copy of each.
 */
function belowStandard(value: number, threshold: number, gap: BelowStandard["gap"]): BelowStandard {
  return { value, threshold, gap };
}
function gapOf(amount: number, of: NumeratorKind): NonNullable<BelowStandard["gap"]> {
  return { amount, of };
}
primeShape(() =>
  belowStandard(NULL_FOR_PRIMING, NULL_FOR_PRIMING, gapOf(NULL_FOR_PRIMING, NULL_FOR_PRIMING))
);

export function schoolFindings(
  part: SchoolPart,
  ordered: readonly IndicatorResult[],
  verdict: SchoolVerdict,
  settings: CheckSettings,
  findings: CheckSink<Codes>,
  uncached: ReadonlySet<string> | undefined
): void {
  const name = part.record.name;
  const sheet = part.record.sheet;
  const inds = settings.standard.indicators;
  // One missing-value per empty cell, however many indicators it blocks (an empty 在校生数 blocks all seven).
  let missingAt: Map<string, FindingOf<"missing-value">> | undefined;
  for (let i = 0; i < inds.length; i++) {
    const ind = inds[i];
    const r = ordered[i];
    // Most indicators of most schools raise nothing: nothing is built for them.
    if (r.meets !== false && !r.borderline && r.value !== null) continue;
    // No column at all is one unmapped-field finding for the sheet, not one per school.
    if (r.value === null && r.cell === null) continue;
    const where = { sheet, cell: r.cell, school: name, stage: part.stage, indicator: ind.id };
    if (r.value === null) {
      // A formula without a result is not empty: the sheet's one formula-uncached finding covers it.
      if (uncached && r.cell && uncached.has(r.cell)) continue;
      // A cell that holds something unusable (「约三百」, #DIV/0!, a negative, 300千元) already has its own finding:
      // one finding per cause.
      if (r.missingProblem === "invalid") continue;
      const cell = r.cell ?? "";
      const seen = (missingAt ??= new Map()).get(cell);
      if (seen) {
        seen.indicator = null;
        seen.params.indicators.push(ind.id);
        continue;
      }
      const f = findings.add("missing-value", where, {
        field: r.missingField ?? ind.numerator,
        header: r.missing ?? ind.name["zh-CN"],
        reason: r.missingProblem === "not-applicable" ? "not-applicable" : "empty",
        indicators: [ind.id],
      });
      missingAt.set(cell, f as FindingOf<"missing-value">);
      continue;
    }
    if (r.meets === false && r.threshold !== null) {
      findings.add(
        "below-standard",
        where,
        belowStandard(r.value, r.threshold, r.gap === null ? null : gapOf(r.gap, ind.numerator))
      );
    }
    if (r.borderline && r.threshold !== null) {
      findings.add("borderline", where, {
        value: r.value,
        shown: r.display ?? "",
        threshold: r.threshold,
        meets: r.meets === true,
      });
    }
  }
  if (verdict.status !== "fail" && verdict.status !== "incomplete") return;
  const where = {
    sheet,
    cell: cellAddress(part.record.rows[0].row, part.record.rows[0].nameCol),
    school: name,
    stage: part.stage,
  };
  if (verdict.status === "fail" && verdict.failure) {
    findings.add("school-fails", where, verdict.failure);
  } else if (verdict.status === "incomplete") {
    if (uncached && onlyUncachedMissing(verdict.missing, ordered, inds, uncached)) return;
    findings.add("school-incomplete", where, { missing: [...verdict.missing] });
  }
}

/** Every missing indicator of a school is missing because its cell is a formula without a result. */
function onlyUncachedMissing(
  missing: readonly string[],
  ordered: readonly IndicatorResult[],
  inds: CheckSettings["standard"]["indicators"],
  uncached: ReadonlySet<string>
): boolean {
  return missing.every((id) => {
    const cell = ordered[inds.findIndex((i) => i.id === id)]?.cell;
    return !!cell && uncached.has(cell);
  });
}
