/**
 * The legacy adapter's values must be the values an .xlsx of the same cells gives: a CSV or an HTML table carries
 * text only, and SheetJS turns some of that text into dates.
 */
import * as XLSX from "@e965/xlsx";
import { strToU8 } from "fflate";
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
