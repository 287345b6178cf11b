/**
 * The 乡镇 of each planned school: the report's own (SchoolResult.township, read by the engine from the table's
 * 乡镇 column, see table/township.ts).
 */
import { Report } from "../reportTypes";

/** A reader of a school's 乡镇 by sheet and 1-based row (undefined when the report names none). */
export function townshipReader(report: Report): (sheet: string, row: number) => string | undefined {
  const byRow = new Map<string, string>();
  for (const s of report.schools) if (s.township) byRow.set(`${s.sheet}|${s.row}`, s.township);
  return (sheet, row) => byRow.get(`${sheet}|${row}`);
}
