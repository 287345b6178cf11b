/**
 * The browser page's marked copy of a marked copy: the report sheet is refreshed in place, not stacked (as the
 * CLI's --out, issue 14), and the copy re-checks to the same report.
 */
import * as fs from "fs";
import { copyFile, markedCopy } from "../../../src/app/download";
import { checkWorkbook } from "../../../src/engine/report";
import { readXlsx } from "../../../src/host/xlsx";
import { SAMPLE_PATH } from "../helpers";

test("download a copy of the downloaded copy: one 「均衡达标报告」, same report", () => {
  const original = new Uint8Array(fs.readFileSync(SAMPLE_PATH));
  const input0 = readXlsx(original);
  const r0 = checkWorkbook(input0);
  const copy1 = markedCopy(original, r0, "zh-CN", [], null, input0);
  const input1 = readXlsx(copy1);
  const r1 = checkWorkbook(input1);
  expect(r1.report).toEqual(r0.report);
  const copy2 = markedCopy(copy1, r1, "zh-CN", [], null, input1);
  const sheets = readXlsx(copy2).sheets.map((s) => s.name);
  expect(sheets.filter((n) => n.startsWith("均衡达标报告"))).toEqual(["均衡达标报告"]);
  expect(sheets).toEqual(input1.sheets.map((s) => s.name));
  // As the engine worker calls it (no workbook at hand): the same.
  const copy2b = markedCopy(copy1, r1, "zh-CN", [], null);
  expect(readXlsx(copy2b).sheets.map((s) => s.name)).toEqual(sheets);
});

test("the marked copy reports its progress: from 0 to 1, never backwards, and the same bytes as without", () => {
  const original = new Uint8Array(fs.readFileSync(SAMPLE_PATH));
  const input = readXlsx(original);
  const result = checkWorkbook(input);
  const seen: number[] = [];
  const withProgress = markedCopy(original, result, "zh-CN", [], null, input, (f) => seen.push(f));
  expect(seen[0]).toBe(0);
  expect(seen[seen.length - 1]).toBe(1);
  for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
  // Start, the marks and report sheet prepared, the one marked sheet, at least one deflated part, the end.
  expect(seen.length).toBeGreaterThanOrEqual(5);
  // Progress changes nothing in what is written (the zip's dates are the minute's; the sheets compare equal).
  const plain = markedCopy(original, result, "zh-CN", [], null, input);
  expect(readXlsx(withProgress)).toEqual(readXlsx(plain));
});

test("the copy of a .xlsm stays .xlsm with the macro type (Excel refuses a .xlsx holding macros); the rest are .xlsx", () => {
  expect(copyFile("县域数据.xlsm", "已检查")).toEqual({
    name: "县域数据-已检查.xlsm",
    type: "application/vnd.ms-excel.sheet.macroEnabled.12",
  });
  expect(copyFile("县域数据.XLSM", "checked").name).toBe("县域数据-checked.xlsm");
  expect(copyFile("县域数据.xlsx", "已检查")).toEqual({
    name: "县域数据-已检查.xlsx",
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
});
