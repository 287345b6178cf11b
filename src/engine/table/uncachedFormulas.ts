import { FindingCollector } from "../findings/collector";
import { cellAddress, SheetInput } from "../workbook";
import { DetectedTable } from "./detectTable";
import { ColumnMatch } from "./matchColumn";

/**
 * A1 addresses of the formula cells without a cached result that the table reads (data rows, mapped
 * columns), in sheet order. Such a cell holds a number in Excel but none in the file: it must never be
 * reported as 「未填写」 (it is not empty), nor counted as missing school by school.
 */
export function uncachedCellsOfTable(
  sheet: SheetInput,
  table: DetectedTable,
  columns: Map<string, ColumnMatch>
): string[] {
  const cells = sheet.uncachedFormulas;
  if (!cells || cells.length === 0) return [];
  const cols = new Set<number>([table.nameCol]);
  for (const m of columns.values()) cols.add(m.col);
  const end = table.dataEnd ?? Number.MAX_SAFE_INTEGER;
  return cells
    .filter((c) => c.row >= table.dataStart && c.row <= end && cols.has(c.col))
    .sort((a, b) => a.row - b.row || a.col - b.col)
    .map((c) => cellAddress(c.row, c.col));
}

/** The one finding per sheet for formulas without results (it keeps the verdict from passing). */
export function reportUncachedFormulas(
  sheet: string,
  cells: readonly string[],
  findings: FindingCollector
): void {
  if (cells.length === 0) return;
  findings.add(
    "formula-uncached",
    { sheet, cell: cells[0] },
    { sheet, count: cells.length, cell: cells[0] }
  );
}
