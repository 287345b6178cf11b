/**
 * What the reader passes on for the engine's layout rules: hidden sheet tabs and formulas that have no
 * cached result (their cells are absent from `rows`, listed in `uncachedFormulas`).
 */
import ExcelJS from "exceljs";
import { readXlsx } from "../../../src/host/xlsx";
import { handPackage, sheetXml } from "./helpers";

// exceljs writes the workbooks: slow on a loaded machine, never a measure of junheng.
jest.setTimeout(30_000);

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

test("hidden and very hidden sheets are flagged; visible ones carry no flag", async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("今年").getCell("A1").value = "学校名称";
  const old = wb.addWorksheet("去年");
  old.state = "hidden";
  old.getCell("A1").value = "学校名称";
  wb.addWorksheet("内部").state = "veryHidden";
  const sheets = readXlsx(await bytesOf(wb)).sheets;
  expect(sheets.map((s) => [s.name, s.hidden ?? false])).toEqual([
    ["今年", false],
    ["去年", true],
    ["内部", true],
  ]);
  expect("hidden" in sheets[0]).toBe(false);
});

test("formulas without a cached value are listed; with one, the cached value is read", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("学校");
  ws.getCell("A1").value = 10;
  ws.getCell("B1").value = { formula: "A1*2" } as ExcelJS.CellFormulaValue; // never calculated
  ws.getCell("C1").value = { formula: "A1*3", result: 30 } as ExcelJS.CellFormulaValue;
  ws.getCell("B2").value = { formula: "A1+1" } as ExcelJS.CellFormulaValue;
  const s = readXlsx(await bytesOf(wb)).sheets[0];
  expect(s.rows[0]).toEqual([10, undefined, 30]);
  expect(s.uncachedFormulas).toEqual([
    { row: 0, col: 1 },
    { row: 1, col: 1 },
  ]);
});

test("shared-formula children and <v/> without a result count; a plain empty cell does not", () => {
  const xml = sheetXml(
    '<row r="1"><c r="A1"><f t="shared" ref="A1:A2" si="0">B1</f></c><c r="B1"/><c r="C1"><v/></c></row>' +
      '<row r="2"><c r="A2"><f t="shared" si="0"/></c><c r="B2"><f>1+1</f><v/></c></row>'
  );
  const s = readXlsx(handPackage({ sheets: [{ name: "S", xml }] })).sheets[0];
  expect(s.uncachedFormulas).toEqual([
    { row: 0, col: 0 },
    { row: 1, col: 0 },
    { row: 1, col: 1 },
  ]);
});

test("a sheet without uncached formulas has no uncachedFormulas field", () => {
  const xml = sheetXml('<row r="1"><c r="A1"><f>1+1</f><v>2</v></c></row>');
  const s = readXlsx(handPackage({ sheets: [{ name: "S", xml }] })).sheets[0];
  expect(s.rows).toEqual([[2]]);
  expect(s.uncachedFormulas).toBeUndefined();
});

test("a frozen pane is read as the rows and columns kept in view; a split or no pane is not", async () => {
  const wb = new ExcelJS.Workbook();
  const frozen = wb.addWorksheet("冻结");
  frozen.getCell("A1").value = "学校名称";
  frozen.views = [{ state: "frozen", xSplit: 2, ySplit: 3, topLeftCell: "C4" }];
  const rowsOnly = wb.addWorksheet("只冻结行");
  rowsOnly.getCell("A1").value = "学校名称";
  rowsOnly.views = [{ state: "frozen", ySplit: 1 }];
  const split = wb.addWorksheet("拆分");
  split.getCell("A1").value = "学校名称";
  split.views = [{ state: "split", xSplit: 2000, ySplit: 3000 }];
  wb.addWorksheet("普通").getCell("A1").value = "学校名称";
  const sheets = readXlsx(await bytesOf(wb)).sheets;
  expect(sheets.map((s) => s.frozenPane)).toEqual([
    { rows: 3, cols: 2 },
    { rows: 1, cols: 0 },
    undefined,
    undefined,
  ]);
  expect("frozenPane" in sheets[3]).toBe(false);
});

test("a pane with a prefix, before <sheetData>, is found; a <pane> after it is not", () => {
  const before =
    '<x:sheetViews><x:sheetView workbookViewId="0"><x:pane xSplit="1" ySplit="2" topLeftCell="B3" state="frozen"/></x:sheetView></x:sheetViews>';
  const xml = sheetXml('<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>', "", "x").replace(
    "<x:sheetData>",
    before + "<x:sheetData>"
  );
  expect(readXlsx(handPackage({ sheets: [{ name: "S", xml }] })).sheets[0].frozenPane).toEqual({
    rows: 2,
    cols: 1,
  });
  const late = sheetXml(
    '<row r="1"><c r="A1"><v>1</v></c></row>',
    '<extLst><pane xSplit="1" ySplit="2" state="frozen"/></extLst>'
  );
  expect(readXlsx(handPackage({ sheets: [{ name: "S", xml: late }] })).sheets[0].frozenPane).toBe(
    undefined
  );
});
