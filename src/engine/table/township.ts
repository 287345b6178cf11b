/**
 * The 乡镇 column of a school table. No indicator needs it, so the table's column matcher leaves it among the
 * unknown headers; it is recognised here by its header alone and read as plain text for the report (each school's
 * `township`), for grouping and filtering by 乡镇 and for the plan's totals per 乡镇.
 */
import { cellText, mergedTextCells } from "../schools/tableRows";
import type { SheetInput } from "../workbook";

const TOWNSHIP =
  /^(所属|所在)?(乡镇|乡镇街道|乡镇\(街道\)|乡镇（街道）|街道|镇街|乡\(镇\)|乡（镇）)(名称)?$/;

/** Whether a header (its lowest level) names the 乡镇. */
export function isTownshipHeader(path: readonly string[]): boolean {
  return TOWNSHIP.test((path[path.length - 1] ?? "").replace(/\s/g, ""));
}

/** 0-based index of the first unknown header that names the 乡镇, if any. */
export function townshipColumn(
  unknownHeaders: readonly { col: number; path: readonly string[] }[]
): number | undefined {
  return unknownHeaders.find((h) => isTownshipHeader(h.path))?.col;
}

/**
 * A reader of the 乡镇 of a 0-based data row (undefined when the cell is blank). A 乡镇 merged down over its schools —
 * the usual layout — gives every row of the merge its value, as the key columns of the table do (tableRows.ts).
 */
export function townshipReader(
  sheet: SheetInput,
  col: number,
  dataStart: number
): (row: number) => string | undefined {
  const merged = mergedTextCells(sheet, dataStart, [col]).get(col);
  return (row) => merged?.get(row) || cellText(sheet.rows[row]?.[col]) || undefined;
}
