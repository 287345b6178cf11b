import * as React from "react";
import type { CheckResult } from "../../engine/report";
import type { Finding, Lang } from "../../engine/reportTypes";
import { parseAddress } from "../../engine/workbook";
import type { CheckOverrides } from "../../engine/overrides";
import { assignableFields, fieldLabel, unitChoices } from "../labels";
import { mappingIssues } from "../reportView";

export interface FieldOption {
  value: string;
  label: string;
}

export interface MappedColumn {
  letter: string;
  key: string;
  label: string;
  header: string;
  unit: string | null;
  unitSource: "header" | "note" | "inferred" | null;
  /** Units the user can pick ([] = nothing to choose, e.g. ㎡ or a count). */
  units: string[];
}

export interface TableView {
  sheet: string;
  headerRows: string;
  firstDataRow: number;
  stage: "primary" | "junior" | null;
  columns: MappedColumn[];
  unknown: { letter: string; header: string }[];
  unmapped: string[];
  skipped: { row: number; label: string; reason: string }[];
  issues: Finding[];
  corrected: boolean;
}

export interface MappingData {
  tables: TableView[];
  issues: Finding[];
  fieldOptions: FieldOption[];
}

const colIndex = (letter: string): number => parseAddress(`${letter}1`).col;

/** The detection summary of every table, as the mapping screen shows it. */
export function mappingData(
  result: CheckResult,
  overrides: CheckOverrides,
  lang: Lang
): MappingData {
  const issues = mappingIssues(result.allFindings);
  const fieldOptions: FieldOption[] = assignableFields().map((k) => ({
    value: k,
    label: fieldLabel(k, lang),
  }));
  const tables = result.report.tables.map((tb): TableView => {
    const rows = tb.headerRows;
    return {
      sheet: tb.sheet,
      headerRows: rows.length > 1 ? `${rows[0]}–${rows[rows.length - 1]}` : String(rows[0] ?? ""),
      firstDataRow: tb.firstDataRow,
      stage: tb.stage,
      columns: tb.columnDetails
        .map((d) => ({
          letter: d.column,
          key: d.key,
          label: fieldLabel(d.key, lang),
          header: d.header,
          unit: d.unit,
          unitSource: d.unitSource,
          units: unitChoices(d.key),
        }))
        .sort((a, b) => colIndex(a.letter) - colIndex(b.letter)),
      unknown: tb.unknownHeaders
        .map((h) => ({ letter: h.column, header: h.header }))
        .sort((a, b) => colIndex(a.letter) - colIndex(b.letter)),
      unmapped: tb.unmapped.map((k) => fieldLabel(k, lang)),
      skipped: tb.skippedRows,
      issues: issues.filter((f) => f.sheet === tb.sheet),
      corrected: overrides[tb.sheet] !== undefined,
    };
  });
  return { tables, issues, fieldOptions };
}

export function useMappingData(
  result: CheckResult,
  overrides: CheckOverrides,
  lang: Lang
): MappingData {
  return React.useMemo(() => mappingData(result, overrides, lang), [result, overrides, lang]);
}
