import { CheckSettings } from "../../standards";
import { IndicatorDefinition, IndicatorId, Stage } from "../../standards/types";
import { FindingCollector } from "../findings/collector";
import type { FindingParamsByCode } from "../findings/params";
import { displayOf, roundHalfUp } from "../format";
import { IndicatorResult, SchoolResult } from "../reportTypes";
import { NO_RATIOS, SchoolPart } from "../schools/buildParts";
import { meetsMinimum } from "./compare";
import { NULL_FOR_PRIMING, primeShape } from "../shapes";

/**
 * An indicator's threshold and floor for one stage, looked up once per check (report.ts) instead of once per
 * school. The fields start as null on purpose: V8 then holds them as tagged values, so every result of the
 * indicator and stage points at the same two numbers. Read from the standard's `Record<Stage, number>`, each
 * result got its own copy of both (22 MB of a 100,000-school report, docs/performance.md).
 */
export class StageLimits {
  threshold: number | null = null;
  floor: number | null = null;
  constructor(ind: IndicatorDefinition, stage: Stage) {
    this.threshold = ind.threshold?.[stage] ?? null;
    this.floor = ind.floor?.[stage] ?? null;
  }
}

/** StageLimits of every indicator of the standard (in its order), per stage. */
export function stageLimitsOf(
  indicators: readonly IndicatorDefinition[]
): Record<Stage, StageLimits[]> {
  return {
    primary: indicators.map((ind) => new StageLimits(ind, "primary")),
    junior: indicators.map((ind) => new StageLimits(ind, "junior")),
  };
}

/**
 * Every indicator result is made here, with one shape: the eight keys every result has, in the JSON's order
 * (the five rare ones are added by computeIndicator). A county has 700,000 of them.
 */
function newResult(
  value: number | null,
  display: string | null,
  threshold: number | null,
  floor: number | null,
  meets: boolean | null,
  ratio: number | null,
  gap: number | null,
  cell: string | null
): IndicatorResult {
  return { value, display, threshold, floor, meets, ratio, gap, cell };
}
// The first results made hold null in every field, so V8 keeps every field tagged from the start: a number is
// then stored as a reference (the threshold and floor shared through StageLimits), not copied into a box of its
// own in each result, which a field that has only ever held numbers gets (shapes.ts).
primeShape(() => newResult(null, null, null, null, null, null, null, null));

/**
 * One indicator of one school part: the unrounded value, the verdict against the stage threshold with the
 * float tolerance of standards.md §7, the gap in the numerator's natural unit, and the borderline flag.
 * `limits` = the indicator's StageLimits for the part's stage (looked up here when not given).
 */
export function computeIndicator(
  part: SchoolPart,
  ind: IndicatorDefinition,
  settings: CheckSettings,
  findings: FindingCollector,
  limits: StageLimits = new StageLimits(ind, part.stage)
): IndicatorResult {
  const tol = settings.policy.tolerance;
  const { threshold, floor } = limits;
  const P = part.students.value;
  const num = part.numerators[ind.numerator];
  const ratioQ = part.ratios === NO_RATIOS ? undefined : part.ratios[ind.id];
  const name = part.record.name;
  // The result is one object literal of the eight keys every result has, created once its values are known;
  // the five a few results have are added after them, in the JSON's order. Filling in a literal of nulls
  // afterwards cost a third more per result, and a county has 700,000 of them; five more slots that are
  // undefined in almost every result were 28 MB of a 100,000-school report (docs/performance.md).
  let cell = num?.cell ?? ratioQ?.cell ?? null;
  let fromRatioColumn: true | undefined;
  let missing: string | undefined;
  let missingField: string | undefined;
  let missingProblem: IndicatorResult["missingProblem"];
  let value: number | null = null;
  let numerator: number | null = null;
  if (P !== null && P > 0 && num && num.value !== null) {
    numerator = num.value;
    // count × 100 ÷ students, not count ÷ students × 100: 9 ÷ 1000 × 100 = 0.8999999999999999 (§7).
    value = (num.value * ind.scale) / P;
    if (ratioQ && ratioQ.value !== null && !num.apportioned && !num.relaxed) {
      const half = 0.5 * 10 ** -ind.decimals;
      if (Math.abs(ratioQ.value - value) > half + 1e-12) {
        findings.add(
          "precomputed-mismatch",
          {
            sheet: part.record.sheet,
            cell: ratioQ.cell,
            school: name,
            stage: part.stage,
            indicator: ind.id,
          },
          { given: ratioQ.value, computed: value }
        );
      }
    }
  } else if (ratioQ && ratioQ.value !== null) {
    value = ratioQ.value;
    fromRatioColumn = true;
    cell = ratioQ.cell;
    if (P !== null && P > 0) numerator = (value * P) / ind.scale;
  } else {
    // 0 students: nothing per student can be computed, and the 在校生数 cell is the one to fix, reported once by
    // impossible-value (teachers or rooms without students) or skipped as a row of zeros (§6): never a
    // 「未填写」 on each filled cell the ratio would have used.
    const noStudents = P === 0;
    const why = P === null || noStudents ? part.students : (num ?? ratioQ);
    if (why?.cell) cell = why.cell;
    missing = why?.field ?? ind.name["zh-CN"];
    missingField = why?.key;
    missingProblem = noStudents ? "invalid" : why?.problem;
  }

  let display: string | null = null;
  let meets: boolean | null = null;
  let ratio: number | null = null;
  let gap: number | null = null;
  let borderline: true | undefined;
  if (value !== null) {
    const shown = roundHalfUp(value, ind.decimals);
    display = displayOf(shown, ind.decimals);
    if (threshold !== null) {
      meets = meetsMinimum(value, threshold, tol);
      ratio = value / threshold;
      if (P !== null && P > 0 && numerator !== null) {
        const needed = (threshold * P) / ind.scale;
        gap = Math.max(0, needed - numerator);
        if (meets) gap = 0;
        else if (ind.integerGap) gap = Math.ceil(gap - 1e-9);
      }
      // Borderline: the verdict on the displayed value differs from the verdict on the unrounded one.
      const flipsThreshold = meetsMinimum(shown, threshold, tol) !== meets;
      const flipsFloor =
        floor !== null && meetsMinimum(shown, floor, tol) !== meetsMinimum(value, floor, tol);
      if (flipsThreshold || flipsFloor) borderline = true;
    }
  }
  const result = newResult(value, display, threshold, floor, meets, ratio, gap, cell);
  if (borderline) result.borderline = borderline;
  if (missing !== undefined) result.missing = missing;
  if (fromRatioColumn) result.fromRatioColumn = fromRatioColumn;
  if (missingField !== undefined) result.missingField = missingField;
  if (missingProblem !== undefined) result.missingProblem = missingProblem;
  return result;
}

const NONE: readonly IndicatorId[] = Object.freeze([]);
const AT_FLOOR: IndicatorId[] = [];

/** Why a school fails, as data (the school-fails finding's parameters; rendered by src/present/findingText.ts). */
export type FailReason = FindingParamsByCode["school-fails"];

export type SchoolVerdict = Pick<SchoolResult, "metCount" | "atFloor" | "meets" | "status"> & {
  /** Why the school fails, with the rule in force (null unless it fails). */
  failure: FailReason | null;
  missing: readonly string[];
};

/** The school-fails parameters (a county has 28,000), their shapes primed with nulls (shapes.ts). */
function failReason(
  metCount: number,
  minMet: number,
  floorShare: number,
  tooFewMet: boolean,
  belowFloor: FailReason["belowFloor"]
): FailReason {
  return { metCount, minMet, floorShare, tooFewMet, belowFloor };
}
function floorEntry(
  indicator: IndicatorId,
  ratio: number | null
): FailReason["belowFloor"][number] {
  return { indicator, ratio };
}
primeShape(() =>
  failReason(NULL_FOR_PRIMING, NULL_FOR_PRIMING, NULL_FOR_PRIMING, NULL_FOR_PRIMING, [
    floorEntry(NULL_FOR_PRIMING, null),
  ])
);

/**
 * Per-school rule, standards.md §3.3: ≥ minMet of 7 met and every unmet one ≥ floorShare (85%); missing → FAIL or
 * INCOMPLETE. `ordered` holds the school's results in the standard's order; this runs for every school of a
 * county, so there are no lookups by id and arrays only when there is something to list.
 */
export function judgeResults(
  ordered: readonly IndicatorResult[],
  settings: CheckSettings
): SchoolVerdict {
  const rule = settings.standard.perSchool;
  const inds = settings.standard.indicators;
  const tol = settings.policy.tolerance;
  let metCount = 0;
  let missingIds: IndicatorId[] | undefined;
  let belowFloor: number[] | undefined;
  let floorCount = 0;
  for (let i = 0; i < inds.length; i++) {
    const r = ordered[i];
    if (r.meets === true) metCount++;
    if (r.value === null) (missingIds ??= []).push(inds[i].id);
    if (rule && r.meets === false) {
      if (r.value !== null && r.floor !== null && meetsMinimum(r.value, r.floor, tol))
        AT_FLOOR[floorCount++] = inds[i].id;
      else (belowFloor ??= []).push(i);
    }
  }
  // The school keeps its atFloor list: copied at its size from a scratch list. An empty array that is pushed to
  // gets room for 17 entries, and 4 in 10 schools of a county have one (docs/performance.md).
  const atFloor = floorCount === 0 ? [] : AT_FLOOR.slice(0, floorCount);
  const missing = missingIds ?? NONE;
  if (!rule)
    return { metCount, atFloor, meets: null, status: "no-verdict", failure: null, missing };
  const enoughMet = metCount + missing.length >= rule.minMet;
  if (!enoughMet || belowFloor) {
    const failure = failReason(
      metCount,
      rule.minMet,
      rule.floorShare,
      !enoughMet,
      (belowFloor ?? []).map((i) => floorEntry(inds[i].id, ordered[i].ratio))
    );
    return { metCount, atFloor, meets: false, status: "fail", failure, missing };
  }
  if (missing.length > 0)
    return { metCount, atFloor, meets: null, status: "incomplete", failure: null, missing };
  return { metCount, atFloor, meets: true, status: "pass", failure: null, missing };
}
