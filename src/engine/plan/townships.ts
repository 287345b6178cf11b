/**
 * The 乡镇 of each school, when the table has a 乡镇 column. The engine does not read it (no indicator needs it),
 * so it is one of the report's unknown headers; its cell is read from the input as text.
 */
import { Report } from "../reportTypes";
import { parseAddress, WorkbookInput } from "../workbook";

const TOWNSHIP =
  /^(所属|所在)?(乡镇|乡镇街道|乡镇\(街道\)|乡镇（街道）|街道|镇街|乡\(镇\)|乡（镇）)(名称)?$/;

/** sheet → column letter of its 乡镇 column. */
function townshipColumns(report: Report): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of report.tables) {
    const h = t.unknownHeaders.find((u) =>
      TOWNSHIP.test(u.header.split(" › ").pop()?.replace(/\s/g, "") ?? "")
    );
    if (h && !out.has(t.sheet)) out.set(t.sheet, h.column);
  }
  return out;
}

/** A reader of a school's 乡镇 (undefined when its sheet has no such column or the cell is blank). */
export function townshipReader(
  report: Report,
  input: WorkbookInput
): (sheet: string, row: number) => string | undefined {
  const cols = townshipColumns(report);
  const sheets = new Map(input.sheets.map((s) => [s.name, s]));
  return (sheet, row) => {
    const col = cols.get(sheet);
    if (!col) return undefined;
    const c = parseAddress(`${col}${row}`).col;
    const v = sheets.get(sheet)?.rows[row - 1]?.[c];
    const text = v === null || v === undefined ? "" : String(v).trim();
    return text || undefined;
  };
}
