import * as React from "react";
import type { CheckResult } from "../../engine/report";
import type { Finding, Lang } from "../../engine/reportTypes";
import { parseAddress } from "../../engine/workbook";
import type { CheckOverrides, SchoolStageChoice } from "../../engine/overrides";
import { leftOut, type LeftOutSchool } from "../leftOut";
import type { CellRef } from "../reportView";
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
  /** The unmapped fields' keys, each with its own 「这一项在哪一列？」 picker. */
  unmappedKeys: { key: string; label: string }[];
  /** Every column of the header, for those pickers. */
  allColumns: { letter: string; header: string }[];
  /** Schools whose stage the user can choose: those left out for 学段不明, and those already chosen. */
  stageSchools: { name: string; at: CellRef | null; chosen: SchoolStageChoice | null }[];
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

function stageSchools(
  sheet: string,
  left: LeftOutSchool[],
  overrides: CheckOverrides
): TableView["stageSchools"] {
  const chosen = overrides[sheet]?.schoolStages ?? {};
  const out: TableView["stageSchools"] = left
    .filter((s) => s.sheet === sheet && s.reason === "stage")
    .map((s) => ({ name: s.name, at: s.at, chosen: chosen[s.name] ?? null }));
  for (const [name, stage] of Object.entries(chosen))
    if (!out.some((s) => s.name === name)) out.push({ name, at: null, chosen: stage });
  return out;
}

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
  const left = leftOut(result).schools;
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
      // A column just assigned by hand is recognised now: it leaves 「未识别的列」.
      unknown: tb.unknownHeaders
        .filter((h) => !tb.columnDetails.some((d) => d.column === h.column))
        .map((h) => ({ letter: h.column, header: h.header }))
        .sort((a, b) => colIndex(a.letter) - colIndex(b.letter)),
      unmapped: tb.unmapped.map((k) => fieldLabel(k, lang)),
      unmappedKeys: tb.unmapped.map((k) => ({ key: k, label: fieldLabel(k, lang) })),
      allColumns: [
        ...tb.columnDetails.map((d) => ({ letter: d.column, header: d.header })),
        ...tb.unknownHeaders
          .filter((h) => !tb.columnDetails.some((d) => d.column === h.column))
          .map((h) => ({ letter: h.column, header: h.header })),
      ].sort((a, b) => colIndex(a.letter) - colIndex(b.letter)),
      stageSchools: stageSchools(tb.sheet, left, overrides),
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
