import { FindingCollector } from "../findings/collector";
import type { DetectedTable } from "../table/detectTable";
import type { ColumnMatch } from "../table/matchColumn";
import { cellAddress, columnLetter } from "../workbook";
import { TableRow } from "./tableRows";

/**
 * One error per row with figures but no school name (standards.md §8.1 keeps named schools only): the row
 * is left out, so the verdict cannot pass until it is named or removed.
 */
/** At most this many row numbers are listed in a hidden-rows-read finding. */
const HIDDEN_ROWS_LISTED = 10;

/**
 * One info finding per table whose school rows include rows hidden in the sheet (docs/decisions.md, "Hidden
 * rows"): they are read as data — a statistician hides rows to look at others, not to drop schools — and the
 * finding says so, so that a row hidden to leave it out is not counted silently.
 */
export function reportHiddenRows(
  rows: readonly TableRow[],
  hiddenRows: readonly number[] | undefined,
  findings: FindingCollector
): void {
  if (!hiddenRows?.length) return;
  const hidden = new Set(hiddenRows);
  const hit = rows.filter(
    (r) => (r.kind === "school" || r.kind === "nameless") && hidden.has(r.row)
  );
  if (!hit.length) return;
  findings.add(
    "hidden-rows-read",
    { sheet: hit[0].sheet, cell: cellAddress(hit[0].row, hit[0].nameCol) },
    { count: hit.length, rows: hit.slice(0, HIDDEN_ROWS_LISTED).map((r) => r.row + 1) }
  );
}

/** At most this many columns are listed in a hidden-columns-read finding. */
const HIDDEN_COLUMNS_LISTED = 10;

/**
 * One warning per table that reads columns hidden in the sheet (docs/decisions.md, "Hidden columns"): the school
 * name column and every mapped column (`columns`, as the rows are read) count; a hidden column the table does not
 * read does not. They are read as data, like hidden rows, but a hidden column is a figure of every school that
 * nobody sees on the sheet (last year's 在校生数 kept beside this year's, a helper column), so the user is asked to
 * look. The finding's cell is the first such column's cell in the last header row.
 */
export function reportHiddenColumns(
  table: DetectedTable,
  columns: ReadonlyMap<string, ColumnMatch>,
  hiddenCols: readonly number[] | undefined,
  findings: FindingCollector
): void {
  if (!hiddenCols?.length) return;
  const hidden = new Set(hiddenCols);
  const used = new Map<number, readonly string[]>();
  for (const m of columns.values()) if (hidden.has(m.col)) used.set(m.col, m.path);
  if (hidden.has(table.nameCol) && !used.has(table.nameCol))
    used.set(table.nameCol, table.columns.find((m) => m.col === table.nameCol)?.path ?? []);
  if (!used.size) return;
  const cols = [...used.keys()].sort((a, b) => a - b);
  const listed = cols.slice(0, HIDDEN_COLUMNS_LISTED);
  const headerRow = table.headerRows[table.headerRows.length - 1] ?? table.dataStart;
  findings.add(
    "hidden-columns-read",
    { sheet: table.sheet, cell: cellAddress(headerRow, cols[0]) },
    {
      count: cols.length,
      columns: listed.map(columnLetter),
      headers: listed.map((c) => (used.get(c) ?? []).join(" › ")),
    }
  );
}

export function reportNamelessRows(rows: readonly TableRow[], findings: FindingCollector): void {
  for (const r of rows) {
    if (r.kind !== "nameless") continue;
    findings.add(
      "name-missing",
      { sheet: r.sheet, cell: cellAddress(r.row, r.nameCol) },
      { row: r.row + 1 }
    );
  }
}
