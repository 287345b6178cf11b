import * as React from "react";
import type { CheckResult } from "../../engine/report";
import type { Finding, Lang } from "../../engine/reportTypes";
import {
  countyView,
  indicatorGroups,
  problemGroups,
  rowCheckFindings,
  schoolGroups,
  submitGroups,
  type FindingGroup,
  type IndicatorGroup,
  type SchoolGroup,
  type StageView,
} from "../reportView";
import { leftOutPlaces, type LeftOutSchool } from "../leftOut";

export type SchoolsTab = "school" | "indicator";

export interface ResultsData {
  stages: StageView[];
  schools: SchoolGroup[];
  /** Some school is below some indicator (the 按指标 view has content; built when opened: useIndicatorGroups). */
  anyBelow: boolean;
  rowChecks: Finding[];
  problems: FindingGroup[];
  notes: FindingGroup[];
  submit: { errors: FindingGroup[]; warnings: FindingGroup[] };
  /** The schools the left-out list names (src/ui/leftOut.ts leftOutPlaces: one cause, one place). */
  leftOut: LeftOutSchool[];
  /** Every school the check did not assess. */
  leftOutAll: number;
  /** Columns recognised and sheets with a table, for the 「识别结果」 link. */
  columns: number;
  sheets: number;
}

/** The report arranged for the results and submit screens (memoised per result and language). */
/** Per result and language: the results screen mounts again after 取消 or 提交前检查 without arranging again. */
const arranged = new WeakMap<CheckResult, Partial<Record<Lang, ResultsData>>>();

export function useResultsData(result: CheckResult, lang: Lang): ResultsData {
  return React.useMemo(() => {
    const cached = arranged.get(result)?.[lang];
    if (cached) return cached;
    const data = arrange(result, lang);
    arranged.set(result, { ...arranged.get(result), [lang]: data });
    return data;
  }, [result, lang]);
}

function arrange(result: CheckResult, lang: Lang): ResultsData {
  return (() => {
    const { report, allFindings } = result;
    const places = leftOutPlaces(result);
    // A listed school's unknown-stage error is said in the left-out list, not again under 数据问题.
    const { problems, notes } = problemGroups(
      allFindings.filter((f) => !places.inList(f)),
      lang
    );
    return {
      stages: countyView(report, lang),
      schools: schoolGroups(report, allFindings, lang),
      anyBelow: report.schools.some(
        (s) => !s.excluded && Object.values(s.indicators).some((r) => r.meets === false)
      ),
      rowChecks: rowCheckFindings(allFindings),
      problems,
      notes,
      submit: submitGroups(allFindings, lang),
      leftOut: places.listed,
      leftOutAll: places.all.length,
      columns: report.tables.reduce((n, tb) => n + tb.columnDetails.length, 0),
      sheets: report.tables.length,
    };
  })();
}

/**
 * The 按指标 view, built when it is first shown: for a county of 10,000 schools it is a few hundred milliseconds
 * of work the first screen does not need.
 */
export function useIndicatorGroups(
  result: CheckResult,
  lang: Lang,
  shown: boolean
): IndicatorGroup[] {
  const [built, setBuilt] = React.useState(false);
  if (shown && !built) setBuilt(true);
  const want = built || shown;
  return React.useMemo(
    () => (want ? indicatorGroups(result.report, result.allFindings, lang) : []),
    [want, result, lang]
  );
}

export function useSchoolsTab(): [SchoolsTab, (tab: SchoolsTab) => void] {
  return React.useState<SchoolsTab>("school");
}
