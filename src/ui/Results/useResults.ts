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
import { leftOut, type LeftOutSchool } from "../leftOut";

export type SchoolsTab = "school" | "indicator";

export interface ResultsData {
  stages: StageView[];
  schools: SchoolGroup[];
  indicators: IndicatorGroup[];
  rowChecks: Finding[];
  problems: FindingGroup[];
  notes: FindingGroup[];
  submit: { errors: FindingGroup[]; warnings: FindingGroup[] };
  /** Schools the check did not assess (src/ui/leftOut.ts). */
  leftOut: LeftOutSchool[];
  /** Columns recognised and sheets with a table, for the 「识别结果」 link. */
  columns: number;
  sheets: number;
}

/** The report arranged for the results and submit screens (memoised per result and language). */
export function useResultsData(result: CheckResult, lang: Lang): ResultsData {
  return React.useMemo(() => {
    const { report, allFindings } = result;
    const { problems, notes } = problemGroups(allFindings, lang);
    return {
      stages: countyView(report, lang),
      schools: schoolGroups(report, allFindings, lang),
      indicators: indicatorGroups(report, allFindings, lang),
      rowChecks: rowCheckFindings(allFindings),
      problems,
      notes,
      submit: submitGroups(allFindings, lang),
      leftOut: leftOut(result).schools,
      columns: report.tables.reduce((n, tb) => n + tb.columnDetails.length, 0),
      sheets: report.tables.length,
    };
  }, [result, lang]);
}

export function useSchoolsTab(): [SchoolsTab, (tab: SchoolsTab) => void] {
  return React.useState<SchoolsTab>("school");
}
