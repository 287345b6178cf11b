/**
 * 「提交前检查」 in two parts, counted separately (docs/decisions.md, "Submission check: data first"):
 *   - 数据错误 — errors in the data or the table (a missing value, a column not found, a number that is not a
 *     number): they must be fixed before the report can be trusted or submitted;
 *   - 未达标 — the results (schools below the standard, CVs over the limit): they are to be reported or
 *     rectified, never "fixed" by changing numbers.
 * The verdict can only be 「可以提交」 when there is no data error, no school was left out of the assessment and
 * the report reaches a verdict (summary.meets is not null).
 */
import type { CheckResult } from "../engine/report";
import type { Finding, Lang } from "../engine/reportTypes";
import { leftOut, leftOutPlaces, type LeftOutSchool } from "./leftOut";
import { submitGroups, type FindingGroup } from "./reportView";

export type SubmitState =
  /** Data errors to fix first. */
  | "fix-data"
  /** No data error, but schools were not assessed (unknown stage, a column not found, values missing). */
  | "left-out"
  /** Everything assessed, but the report cannot reach a verdict. */
  | "unknown"
  /** Data complete; the county meets the standard. */
  | "ready-pass"
  /** Data complete; the county does not meet it — the results are to be reported as they are. */
  | "ready-fail";

export interface SubmitVerdict {
  state: SubmitState;
  dataErrors: number;
  /** Errors that are results (category "standard": a school below the standard, a CV over its limit). */
  shortfalls: number;
  warnings: number;
  /** The schools the left-out list names (src/ui/leftOut.ts leftOutPlaces: one cause, one place). */
  leftOut: LeftOutSchool[];
  /** Every school not assessed (the listed ones and those a data error left out). */
  leftOutAll: number;
  data: FindingGroup[];
  results: FindingGroup[];
  /** Warnings of either kind, to check before submitting. */
  toCheck: FindingGroup[];
}

const isResult = (f: Finding): boolean => f.category === "standard";

export function submitVerdict(
  result: Pick<CheckResult, "report" | "allFindings">,
  lang: Lang
): SubmitVerdict {
  const { allFindings, report } = result;
  const places = leftOutPlaces(result);
  // The unknown-stage error of a school the left-out list names is said there, not again under 数据错误.
  const dataFindings = allFindings.filter((f) => !isResult(f) && !places.inList(f));
  const resultFindings = allFindings.filter(isResult);
  const data = submitGroups(dataFindings, lang).errors;
  const results = submitGroups(resultFindings, lang).errors;
  const toCheck = submitGroups(allFindings, lang).warnings;
  const count = (gs: FindingGroup[]): number => gs.reduce((n, g) => n + g.items.length, 0);
  const dataErrors = count(data);
  const meets = report.summary.meets;
  const state: SubmitState =
    dataErrors > 0
      ? "fix-data"
      : places.all.length > 0
        ? "left-out"
        : meets === null
          ? "unknown"
          : meets
            ? "ready-pass"
            : "ready-fail";
  return {
    state,
    dataErrors,
    shortfalls: count(results),
    warnings: count(toCheck),
    leftOut: places.listed,
    leftOutAll: places.all.length,
    data,
    results,
    toCheck,
  };
}

/**
 * The county verdict as the pane shows it: never 达标 while a school is left out, whatever the report says
 * (a CV over 6 of 8 schools is not the county's).
 */
export function shownMeets(result: Pick<CheckResult, "report" | "allFindings">): boolean | null {
  const meets = result.report.summary.meets;
  if (meets === true && leftOut(result).schools.length > 0) return null;
  return meets;
}
