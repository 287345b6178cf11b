/**
 * The report sheet's live formulas (weighted mean and CV as SUMPRODUCT, standards.md §5) computed by an
 * independent spreadsheet: LibreOffice recalculates them from the per-school table and must agree with the
 * engine. Skipped where LibreOffice is not installed (apt-get install libreoffice-calc-nogui).
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { readXlsx } from "../../../src/host/xlsx";
import { checkWorkbook } from "../../../src/engine/report";
import { buildReportSheet } from "../../../src/present/reportSheet";
import { cellAddress, columnLetter } from "../../../src/engine/workbook";
import { weightedCvFormula, weightedMeanFormula } from "../../../src/host/excel/reportSheet";

const soffice = spawnSync("sh", ["-c", "command -v soffice"], { encoding: "utf8" }).stdout.trim();
const maybe = soffice ? test : test.skip;
const SAMPLE = path.join(__dirname, "..", "..", "..", "samples", "county-sample.xlsx");

maybe(
  "LibreOffice computes the same county means and CVs as the engine from the report's formulas",
  async () => {
    const { report } = checkWorkbook(readXlsx(new Uint8Array(fs.readFileSync(SAMPLE))));
    const spec = buildReportSheet(report, "zh-CN");
    const layout = spec.layout!;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("r");
    spec.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== undefined)
          ws.getCell(r + 1, c + 1).value = typeof v === "object" ? v.value : v;
      })
    );
    const expected: { row: number; col: number; value: number }[] = [];
    for (const st of layout.stages) {
      const col = (c: number): string => columnLetter(c);
      const p = `$${col(layout.studentsCol)}$${st.firstRow + 1}:$${col(layout.studentsCol)}$${st.lastRow + 1}`;
      layout.indicatorCols.forEach((c, k) => {
        const x = `$${col(c)}$${st.firstRow + 1}:$${col(c)}$${st.lastRow + 1}`;
        ws.getCell(cellAddress(st.meanRow, st.cvCols[k])).value = {
          formula: weightedMeanFormula(p, x),
        } as ExcelJS.CellFormulaValue;
        ws.getCell(cellAddress(st.cvRow, st.cvCols[k])).value = {
          formula: weightedCvFormula(p, x).slice(1),
        } as ExcelJS.CellFormulaValue;
        const county = report.county[st.stage]!.indicators[report.indicators[k].id];
        expected.push({ row: st.meanRow, col: st.cvCols[k], value: county.mean! });
        expected.push({ row: st.cvRow, col: st.cvCols[k], value: county.cv! });
      });
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "junheng-lo-"));
    const file = path.join(dir, "formulas.xlsx");
    await wb.xlsx.writeFile(file);
    execFileSync(
      soffice,
      [
        "--headless",
        `-env:UserInstallation=file://${dir}/profile`,
        "--convert-to",
        "csv",
        "--outdir",
        dir,
        file,
      ],
      { timeout: 120_000, stdio: "ignore" }
    );
    const rows = fs
      .readFileSync(path.join(dir, "formulas.csv"), "utf8")
      .split("\n")
      .map((l) => l.split(","));
    expect(expected).toHaveLength(28);
    for (const e of expected) expect(Number(rows[e.row][e.col])).toBeCloseTo(e.value, 8);
  },
  180_000
);
