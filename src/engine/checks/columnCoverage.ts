import type { IndicatorId, StandardDefinition } from "../../standards/types";
import { NUMERATOR_SOURCES } from "../schools/numeratorPlan";
import type { DetectedTable } from "../table/detectTable";
import type { ColumnMatch } from "../table/matchColumn";
import { hasColumnFor, ratioKey } from "../table/columnKey";
import type { CheckDeclaration, CheckSink } from "./types";
import { ambiguousColumns } from "../schools/tableRows";
import { cellAddress, columnLetter } from "../workbook";

/**
 * Column coverage of one table: name, students, and one source for every indicator. A field no column provides
 * is one unmapped-field finding for the table, naming the indicators it blocks (never one 未填写 per school).
 */
export const COLUMN_COVERAGE = {
  id: "column-coverage",
  codes: ["unmapped-field", "column-ambiguous"],
  file: "checks/columnCoverage.ts",
  rule: "a table has a column for the students and for every indicator's numerator (or its ratio); two columns for one field are said",
} as const satisfies CheckDeclaration;
type Codes = (typeof COLUMN_COVERAGE.codes)[number];

const hasKey = (columns: Map<string, ColumnMatch>, key: string): boolean =>
  hasColumnFor(columns.keys(), key);

/** The fields no column provides, and the share of required fields found (the table's confidence). */
export function checkColumnCoverage(
  sheet: string,
  table: DetectedTable,
  columns: Map<string, ColumnMatch>,
  standard: StandardDefinition,
  findings: CheckSink<Codes>
): { unmapped: string[]; confidence: number } {
  const unmapped: string[] = [];
  const blocked = new Map<string, IndicatorId[]>();
  let required = 2;
  let found =
    Number(columns.has("name") || table.nameCol >= 0) + Number(hasKey(columns, "students"));
  if (!hasKey(columns, "students")) unmapped.push("students");
  for (const ind of standard.indicators) {
    required++;
    const ok =
      NUMERATOR_SOURCES[ind.numerator].some((k) => hasKey(columns, k)) ||
      hasKey(columns, ratioKey(ind.id));
    if (ok) found++;
    else {
      unmapped.push(ind.numerator);
      const ids = blocked.get(ind.numerator);
      if (ids) ids.push(ind.id);
      else blocked.set(ind.numerator, [ind.id]);
    }
  }
  for (const [field, ids] of blocked) {
    findings.add(
      "unmapped-field",
      { sheet, indicator: ids.length === 1 ? ids[0] : null },
      { field, indicators: ids }
    );
  }
  if (!hasKey(columns, "students")) {
    findings.add("unmapped-field", { sheet }, { field: "students", indicators: "all" });
  }

  // Two columns for one field (last year's beside this year's): the one read is named, and the others.
  for (const a of ambiguousColumns(table, columns)) {
    const lastHeaderRow = table.headerRows[table.headerRows.length - 1] ?? table.dataStart - 1;
    findings.add(
      "column-ambiguous",
      { sheet, cell: cellAddress(lastHeaderRow, a.used.col) },
      {
        field: a.key,
        column: columnLetter(a.used.col),
        header: a.used.path.join(" › "),
        others: a.ignored.map((m) => columnLetter(m.col)),
        otherHeaders: a.ignored.map((m) => m.path.join(" › ")),
      }
    );
  }
  return { unmapped, confidence: found / required };
}
