/**
 * A workbook that asks to be recalculated on opening (`<calcPr fullCalcOnLoad="1"/>`): XlsxWriter, pandas through it
 * and other writers store 0 as every formula's result. Such a 0 is read as a formula without a result, never as a
 * school's 0 students (src/host/xlsx/recalc.ts; docs/decisions.md «Formulas a program never calculated»).
 */
import { checkWorkbook } from "../../../src/engine/report";
import { readXlsx } from "../../../src/host/xlsx";
import { workbookRecalculatesOnLoad } from "../../../src/host/xlsx/recalc";
import { handPackage, sheetXml } from "./helpers";

// A1: a formula stored with XlsxWriter's placeholder 0; B1: a formula with a real result; C1: a typed 0;
// D1 and D2: a shared formula and its child, both stored as 0; E1: a formula whose text result is stored.
const CELLS = sheetXml(
  '<row r="1"><c r="A1"><f>SUM(B2:B3)</f><v>0</v></c><c r="B1"><f>1+1</f><v>2</v></c>' +
    '<c r="C1"><v>0</v></c><c r="D1"><f t="shared" ref="D1:D2" si="0">C1*2</f><v>0</v></c>' +
    '<c r="E1" t="str"><f>"x"</f><v>x</v></c></row>' +
    '<row r="2"><c r="D2"><f t="shared" si="0"/><v>0</v></c></row>'
);

test("with fullCalcOnLoad a formula stored as 0 has no result; other results and typed zeros are read", () => {
  const s = readXlsx(
    handPackage({
      sheets: [{ name: "S", xml: CELLS }],
      calcPr: 'calcId="124519" fullCalcOnLoad="1"',
    })
  ).sheets[0];
  expect(s.rows[0]).toEqual([undefined, 2, 0, undefined, "x"]);
  expect(s.rows[1]).toBeUndefined();
  expect(s.uncachedFormulas).toEqual([
    { row: 0, col: 0 },
    { row: 0, col: 3 },
    { row: 1, col: 3 },
  ]);
});

test("without the flag (or with it off) the stored 0 is the formula's result, as Excel saved it", () => {
  for (const calcPr of [
    undefined,
    'calcId="191029"',
    'fullCalcOnLoad="0"',
    'fullCalcOnLoad="false"',
  ]) {
    const s = readXlsx(handPackage({ sheets: [{ name: "S", xml: CELLS }], calcPr })).sheets[0];
    expect(s.rows[0]).toEqual([0, 2, 0, 0, "x"]);
    expect(s.rows[1]).toEqual([undefined, undefined, undefined, 0]);
    expect(s.uncachedFormulas).toBeUndefined();
  }
});

test("workbookRecalculatesOnLoad reads the attribute, with a namespace prefix too", () => {
  const wb = (calcPr: string, p = ""): string =>
    `<${p}workbook xmlns${p ? ":" + p.slice(0, -1) : ""}="x"><${p}sheets/>${calcPr.replace(/</g, `<${p}`)}</${p}workbook>`;
  expect(workbookRecalculatesOnLoad(wb('<calcPr fullCalcOnLoad="1"/>'))).toBe(true);
  expect(workbookRecalculatesOnLoad(wb('<calcPr fullCalcOnLoad="true"/>', "x:"))).toBe(true);
  expect(workbookRecalculatesOnLoad(wb('<calcPr fullCalcOnLoad="0"/>'))).toBe(false);
  expect(workbookRecalculatesOnLoad(wb('<calcPr calcId="191029"/>'))).toBe(false);
  expect(workbookRecalculatesOnLoad(wb(""))).toBe(false);
});

test("a county table XlsxWriter wrote with 在校生数 as formulas: one formula-uncached error, no 0-student school", () => {
  // 学校名称, 在校生数 (=SUM of the grade columns, stored as 0), 专任教师数; shared strings for the texts.
  const sst =
    '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="7" uniqueCount="7">' +
    ["学校名称", "学段", "在校生数", "专任教师数", "小学", "甲小学", "乙小学"]
      .map((t) => `<si><t>${t}</t></si>`)
      .join("") +
    "</sst>";
  const row = (r: number, name: number, teachers: number): string =>
    `<row r="${r}"><c r="A${r}" t="s"><v>${name}</v></c><c r="B${r}" t="s"><v>4</v></c>` +
    `<c r="C${r}"><f>SUM(F${r}:K${r})</f><v>0</v></c><c r="D${r}"><v>${teachers}</v></c></row>`;
  const xml = sheetXml(
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>' +
      row(2, 5, 40) +
      row(3, 6, 35)
  );
  const input = readXlsx(
    handPackage({
      sheets: [{ name: "学校", xml }],
      sharedStrings: sst,
      calcPr: 'fullCalcOnLoad="1"',
    })
  );
  const { report, allFindings } = checkWorkbook(input);
  const uncached = allFindings.filter((f) => f.code === "formula-uncached");
  expect(uncached).toHaveLength(1);
  expect(uncached[0]).toMatchObject({
    sheet: "学校",
    cell: "C2",
    params: { count: 2, first: "C2" },
  });
  const codes = new Set(allFindings.map((f) => f.code));
  expect(codes.has("school-no-students")).toBe(false);
  expect(codes.has("impossible-value")).toBe(false);
  expect(report.summary.readyToSubmit).toBe(false);
});
