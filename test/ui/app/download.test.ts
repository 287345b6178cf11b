/**
 * The browser page's marked copy of a marked copy: the report sheet is refreshed in place, not stacked (as the
 * CLI's --out, issue 14), and the copy re-checks to the same report.
 */
import * as fs from "fs";
import { markedCopy } from "../../../src/app/download";
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
