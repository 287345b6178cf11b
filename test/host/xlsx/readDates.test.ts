/**
 * The 1904 date system (`<workbookPr date1904="1"/>`): a number whose format shows a date reaches the engine as a
 * 1900-system serial; every other number as stored.
 *
 * Worked by hand: 1900-system serials count 1900-01-01 as 1 and a 1900-02-29 that never was, so 2000-01-01 is 36526;
 * 2008-01-01 is 8 years later with 2 leap days (2000, 2004): 36526 + 8 × 365 + 2 = 39448; 2008-09-01 is 244 days
 * after it (31 + 29 + 31 + 30 + 31 + 30 + 31 + 31): 39692. The 1904 system counts 1904-01-01 as 0, which is 1462 in
 * the 1900 system, so it stores 2008-09-01 as 39692 − 1462 = 38230 — read as a 1900 serial, 2004-08-31.
 */
import ExcelJS from "exceljs";
import { readXlsx } from "../../../src/host/xlsx";
import { formatShowsDate } from "../../../src/host/xlsx/dates";
import { yearOf } from "../../../src/engine/schools/flags";
import { handPackage, NS, partText, sheetXml, toBytes } from "./helpers";

// exceljs writes the workbooks: slow on a loaded machine, never a measure of junheng.
jest.setTimeout(30_000);

const year = (v: unknown): number | undefined =>
  typeof v === "number" ? yearOf({ kind: "number", value: v }) : undefined;

async function foundedWorkbook(date1904: boolean): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = date1904;
  const ws = wb.addWorksheet("学校");
  ws.addRow(["学校名称", "建校年份", "在校生数"]);
  ws.addRow(["甲小学", new Date(Date.UTC(2008, 8, 1)), 1200]);
  ws.getCell("B2").numFmt = "yyyy-mm-dd";
  return toBytes(wb);
}

describe("an exceljs workbook saved in the 1904 date system", () => {
  test("its date cell reads as the 1900 serial of the same day; its plain number as stored", async () => {
    const bytes = await foundedWorkbook(true);
    // The file really is a 1904 one: the day is stored as 38230.
    expect(partText(bytes, "xl/workbook.xml")).toMatch(/date1904="1"/);
    expect(partText(bytes, "xl/worksheets/sheet1.xml")).toContain("<v>38230</v>");
    const row = readXlsx(bytes).sheets[0].rows[1];
    expect(row).toEqual(["甲小学", 39692, 1200]);
    expect(year(row[1])).toBe(2008);
    // Without the conversion the engine would read 2004-08-31.
    expect(year(38230)).toBe(2004);
  });

  test("the same workbook in the 1900 system reads the same values", async () => {
    const bytes = await foundedWorkbook(false);
    expect(partText(bytes, "xl/worksheets/sheet1.xml")).toContain("<v>39692</v>");
    expect(readXlsx(bytes).sheets[0].rows[1]).toEqual(["甲小学", 39692, 1200]);
  });
});

describe("hand-written 1904 packages", () => {
  // cellXfs: 0 General, 1 built-in 14 (m/d/yy), 2 custom 176 (yyyy"年"m"月"d"日"), 3 custom 177 (h:mm), 4 custom
  // 178 (0.00), 5 built-in 20 (h:mm), 6 built-in 31 (zh-CN yyyy"年"m"月"d"日"), 7 built-in 22 (m/d/yy h:mm)
  // redefined by a custom numFmt 22 of "0.0" (the custom code wins). The cell style xf and the dxf's numFmt are no
  // cell's format.
  const styles =
    `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${NS.MAIN}">` +
    '<numFmts count="4"><numFmt numFmtId="22" formatCode="0.0"/><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>' +
    '<numFmt numFmtId="177" formatCode="h:mm"/><numFmt numFmtId="178" formatCode="0.00"/></numFmts>' +
    '<fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
    '<cellXfs count="8"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="176"><alignment horizontal="center"/></xf>' +
    '<xf numFmtId="177"/><xf numFmtId="178"/><xf numFmtId="20"/><xf numFmtId="31"/><xf numFmtId="22"/></cellXfs>' +
    '<dxfs count="1"><dxf><numFmt numFmtId="178" formatCode="yyyy"/></dxf></dxfs></styleSheet>';
  const data =
    '<row r="1">' +
    '<c r="A1" s="1"><v>0</v></c>' + // 1904-01-01 → 1462
    '<c r="B1" s="2"><v>38230</v></c>' + // 2008-09-01 → 39692
    '<c r="C1" s="3"><v>0.5</v></c>' + // 12:00, a time of day: as stored
    '<c r="D1" s="4"><v>1200</v></c>' + // 0.00: a plain number
    '<c r="E1"><v>1200</v></c>' + // no style (xf 0, General)
    '<c r="F1" s="5"><v>0.25</v></c>' + // built-in h:mm: as stored
    '<c r="G1" s="6"><v>1</v></c>' + // 1904-01-02 → 1463
    '<c r="H1" t="d"><v>2008-09-01</v></c>' + // ISO: the day itself, 39692 in any system
    '<c r="I1" s="1"><f>A1+1</f><v>1</v></c>' + // a formula's cached date: 1904-01-02 → 1463
    '<c r="J1" s="1" t="s"><v>0</v></c>' + // text in a date style stays text
    '<c r="K1" s="7"><v>5</v></c>' + // 22 redefined as 0.0: a plain number
    "</row>";
  const sst = `<sst xmlns="${NS.MAIN}" count="1" uniqueCount="1"><si><t>2008年</t></si></sst>`;
  const pkg = (workbookPr?: string): Uint8Array =>
    handPackage({
      sheets: [{ name: "S", xml: sheetXml(data) }],
      styles,
      sharedStrings: sst,
      workbookPr,
    });

  test.each(['date1904="1"', 'date1904="true"'])(
    "%s: date styles move by 1462 days, nothing else",
    (pr) => {
      expect(readXlsx(pkg(pr)).sheets[0].rows[0]).toEqual([
        1462,
        39692,
        0.5,
        1200,
        1200,
        0.25,
        1463,
        39692,
        1463,
        "2008年",
        5,
      ]);
    }
  );

  test.each([undefined, "", 'date1904="0"', 'date1904="false"'])(
    "workbookPr %p: a 1900 workbook reads every number as stored",
    (pr) => {
      expect(readXlsx(pkg(pr)).sheets[0].rows[0]).toEqual([
        0,
        38230,
        0.5,
        1200,
        1200,
        0.25,
        1,
        39692,
        1,
        "2008年",
        5,
      ]);
    }
  );

  test("a 1904 workbook without a styles part has no date cells: numbers as stored", () => {
    const bytes = handPackage({
      sheets: [{ name: "S", xml: sheetXml('<row r="1"><c r="A1" s="1"><v>38230</v></c></row>') }],
      styles: null,
      workbookPr: 'date1904="1"',
    });
    expect(readXlsx(bytes).sheets[0].rows[0]).toEqual([38230]);
  });
});

describe("formatShowsDate", () => {
  test.each([
    ["yyyy/m/d", true],
    ["yyyy-mm-dd h:mm", true],
    ['[$-804]yyyy"年"m"月"', true],
    ['m"月"d"日"', true],
    ["yyyy年m月d日", true],
    ["mmm", true],
    ["[$-F800]dddd, mmmm dd, yyyy", true],
    ["h:mm:ss", false],
    ["mm:ss", false],
    ["[h]:mm", false],
    ["[mm]", false],
    ['上午/下午h"时"mm"分"', false],
    ["h:mm AM/PM", false],
    ["General", false],
    ["0.00", false],
    ["0.00E+00", false],
    ["#,##0;[Red]-#,##0", false],
    ['0"days"', false],
    ["0\\d", false],
    ["@", false],
  ])("%s → %p", (code, isDate) => {
    expect(formatShowsDate(code)).toBe(isDate);
  });
});
