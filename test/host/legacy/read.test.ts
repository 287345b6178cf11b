/**
 * The legacy adapter's values must be the values an .xlsx of the same cells gives: a CSV or an HTML table carries
 * text only, and SheetJS turns some of that text into dates.
 */
import * as XLSX from "@e965/xlsx";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { readLegacyWorkbook } from "../../../src/host/legacy/read";

const ROWS: [string, string, unknown][] = [
  // text as written, how the cell reads
  ["甲", "3/4", "3/4"], // a fraction or "3 of 4", not 4 March 2001
  ["乙", "1-2", "1-2"], // a range, not 2 January 2001
  ["丙", "2024-09", "2024-09"],
  ["丁", "12:30", "12:30"],
  ["子", "1 1/2", "1 1/2"],
  ["戊", "120", 120],
  ["己", "-3", -3],
  ["庚", "12.5", 12.5],
  ["辛", "1e3", 1000],
  ["壬", "1,200", 1200],
];

test.each([
  ["csv", ROWS.map(([a, b]) => `${a},"${b}"`).join("\r\n")],
  [
    "html",
    `<html><body><table>${ROWS.map(([a, b]) => `<tr><td>${a}</td><td>${b}</td></tr>`).join("")}</table></body></html>`,
  ],
] as const)("%s: date-like text stays text, numbers are numbers", (format, text) => {
  const wb = readLegacyWorkbook(strToU8(text), format, XLSX);
  expect(wb.sheets[0].rows.map((r) => r[1])).toEqual(ROWS.map(([, , v]) => v));
});

test("ods: a row LibreOffice hides (table:visibility collapse / filter) is reported hidden, as in an .xlsx", () => {
  const ws = XLSX.utils.aoa_to_sheet([
    ["学校名称", "在校生数"],
    ["甲小学", 800],
    [],
    ["乙小学", 700],
  ]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, "小学");
  const parts = unzipSync(new Uint8Array(XLSX.write(wb, { bookType: "ods", type: "array" })));
  let n = 0;
  // Row 2 hidden by a filter; the empty row 3 repeated twice (rows 3–4); row 5 (乙小学) hidden by the user.
  const content = strFromU8(parts["content.xml"]).replace(/<table:table-row>/g, (m) => {
    n++;
    if (n === 2) return '<table:table-row table:visibility="filter">';
    if (n === 3) return '<table:table-row table:number-rows-repeated="2">';
    if (n === 4) return '<table:table-row table:style-name="ro1" table:visibility="collapse">';
    return m;
  });
  parts["content.xml"] = strToU8(content);
  const sheet = readLegacyWorkbook(zipSync(parts), "ods", XLSX).sheets[0];
  expect(sheet.rows[4]).toEqual(["乙小学", 700]);
  expect(sheet.hiddenRows).toEqual([1, 4]);
});

describe("the 1904 date system of an .xls / .xlsb (as the .xlsx reader: test/host/xlsx/readDates.test.ts)", () => {
  // 2008-09-01 is 39692 in the 1900 system and 39692 − 1462 = 38230 in the 1904 one (worked in readDates.test.ts).
  const book = (date1904: boolean): XLSX.WorkBook => {
    const ws = XLSX.utils.aoa_to_sheet([["学校名称", "建校年份", "在校生数"]]);
    ws["A2"] = { t: "s", v: "甲小学" };
    ws["B2"] = { t: "n", v: date1904 ? 38230 : 39692, z: 'yyyy"年"m"月"d"日"' };
    ws["C2"] = { t: "n", v: 1200 };
    ws["!ref"] = "A1:C2";
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, "学校");
    wb.Workbook = { WBProps: { date1904 } };
    return wb;
  };

  test.each([
    ["xls", "biff8"],
    ["xlsb", "xlsb"],
  ] as const)(
    "%s: the date cell reads as the 1900 serial, the plain number as stored",
    (format, bookType) => {
      for (const date1904 of [true, false]) {
        const bytes = new Uint8Array(XLSX.write(book(date1904), { bookType, type: "array" }));
        const rows = readLegacyWorkbook(bytes, format, XLSX).sheets[0].rows;
        expect(rows[1]).toEqual(["甲小学", 39692, 1200]);
      }
    }
  );
});

test("ods: a column LibreOffice hides (table:visibility collapse) is reported hidden, up to the last column with data", () => {
  const ws = XLSX.utils.aoa_to_sheet([
    ["学校名称", "在校生数", "备注", "教师数"],
    ["甲小学", 800, "新建", 40],
  ]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, "小学");
  const parts = unzipSync(new Uint8Array(XLSX.write(wb, { bookType: "ods", type: "array" })));
  // A (a header column), B hidden, C–D shown (one declaration repeated twice), then every column from E to XFD hidden.
  const columns =
    "<table:table-header-columns><table:table-column/></table:table-header-columns>" +
    '<table:table-column table:visibility="collapse"/>' +
    '<table:table-column table:number-columns-repeated="2"/>' +
    '<table:table-column table:visibility="collapse" table:number-columns-repeated="16380"/>';
  const content = strFromU8(parts["content.xml"]).replace(
    /(<table:table table:name="小学"[^>]*>)/,
    `$1${columns}`
  );
  expect(content).toContain(columns);
  parts["content.xml"] = strToU8(content);
  const sheet = readLegacyWorkbook(zipSync(parts), "ods", XLSX).sheets[0];
  expect(sheet.rows[1]).toEqual(["甲小学", 800, "新建", 40]);
  expect(sheet.hiddenCols).toEqual([1]);
});
