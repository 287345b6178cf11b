import { FindingCollector } from "../findings/collector";
import { cellAddress } from "../workbook";
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
