/**
 * A county workbook as the e2e tests of the grid and the 乡镇 filter need it: a merged title row, the header on row 2
 * (序号, 乡镇, 学校名称, then the 13 columns of the bench generator without its name), N schools from the bench
 * generator's seeded figures (scripts/bench/generate.js), so the name is in column C. Optionally the workbook's own
 * freeze pane.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";

const { schoolRows, HEADER } = require("../../scripts/bench/generate.js") as {
  schoolRows(n: number, seed: number): Iterable<(string | number)[]>;
  HEADER: string[];
};

export const TOWN_SHEET = "学校基本情况";

/** The 乡镇 of a generated school: the bench generator's names start with it (「城关镇第1小学」). */
export function townOf(name: string): string {
  return name.slice(0, name.indexOf("镇第") + 1);
}

export async function townCounty(
  schools: number,
  opts: { pane?: { xSplit: number; ySplit: number }; file?: string } = {}
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(TOWN_SHEET);
  const header = ["序号", "乡镇", ...HEADER];
  ws.addRow(["××县2025年义务教育学校基本情况统计表"]);
  ws.mergeCells(1, 1, 1, header.length);
  ws.addRow(header);
  let i = 0;
  for (const r of schoolRows(schools, 7)) {
    i++;
    ws.addRow([i, townOf(String(r[0])), ...r]);
  }
  if (opts.pane)
    ws.views = [
      {
        state: "frozen",
        xSplit: opts.pane.xSplit,
        ySplit: opts.pane.ySplit,
        topLeftCell: `${String.fromCharCode(65 + opts.pane.xSplit)}${opts.pane.ySplit + 1}`,
      },
    ];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "junheng-town-"));
  const file = path.join(dir, opts.file ?? `county-${schools}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}
