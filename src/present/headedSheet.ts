/** A sheet of one header row and rows of values, as the plan, comparison and roll-up workbooks lay them out. */
import type { CellSpec, SheetSpec } from "../host/xlsx/newWorkbook";
import { columnLetter } from "../engine/workbook";

const HEAD = {
  bold: true,
  border: true,
  fill: "FFD9E1F2",
  wrap: true,
  horizontal: "center" as const,
};

/**
 * `numFmt(col)` gives the number format of a column's numbers (undefined: General); the first column is wider
 * (school or county names).
 */
export function headedSheet(
  name: string,
  header: string[],
  rows: (string | number | null)[][],
  numFmt: (col: number) => string | undefined,
  widths: { first: number; other: number } = { first: 24, other: 12 }
): SheetSpec {
  const cells: CellSpec[] = header.map((h, c) => ({
    ref: `${columnLetter(c)}1`,
    value: h,
    style: HEAD,
  }));
  rows.forEach((r, ri) =>
    r.forEach((v, c) => {
      const fmt = typeof v === "number" ? numFmt(c) : undefined;
      cells.push({
        ref: `${columnLetter(c)}${ri + 2}`,
        value: v,
        style: fmt ? { border: true, numFmt: fmt } : { border: true },
      });
    })
  );
  return {
    name,
    cells,
    freezeRows: 1,
    columnWidths: header.map((_, c) => (c === 0 ? widths.first : widths.other)),
  };
}
