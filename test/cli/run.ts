/** runCli with its output captured, and a one-sheet workbook written to disk, as the CLI tests use them. */
import ExcelJS from "exceljs";
import { runCli } from "../../src/cli/main";

export function run(args: string[]): { code: number; out: string; err: string } {
  let out = "";
  let err = "";
  const code = runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

/** Writes rows to FILE as one sheet (default 「小学」) with exceljs, an independent writer. */
export async function writeSheet(
  file: string,
  rows: (string | number)[][],
  sheet = "小学"
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  rows.forEach((r) => ws.addRow(r));
  await wb.xlsx.writeFile(file);
}
