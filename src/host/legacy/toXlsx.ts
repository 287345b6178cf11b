/**
 * An .xlsx holding a legacy workbook's values, at the same cells, so that the marked copy of an .xls/.ods/.csv input
 * can be written by the ordinary .xlsx marker (same addresses, same sheet names). Values only: a legacy file's
 * formatting, formulas and charts are not carried over, which the CLI says when it writes the copy.
 */
import { columnLetter, type WorkbookInput } from "../../engine/workbook";
import { writeNewWorkbook, type CellSpec, type SheetSpec } from "../xlsx/newWorkbook";

const ref = (r: number, c: number): string => `${columnLetter(c)}${r + 1}`;

export function workbookToXlsx(workbook: WorkbookInput): Uint8Array {
  const sheets: SheetSpec[] = workbook.sheets.map((s) => {
    const cells: CellSpec[] = [];
    s.rows.forEach((row, r) => {
      row?.forEach((v, c) => {
        if (v !== undefined && v !== null) cells.push({ ref: ref(r, c), value: v });
      });
    });
    return {
      name: s.name,
      cells,
      merges: (s.merges ?? []).map((m) => `${ref(m.top, m.left)}:${ref(m.bottom, m.right)}`),
    };
  });
  return writeNewWorkbook({ sheets });
}
