/**
 * @jest-environment jsdom
 */
// First: the host writes .xlsx (the 申报表), whose module needs TextDecoder, which jsdom lacks.
import "../../../ui/domShims";
import { buildMarks } from "../../../../src/present/buildMarks";
import { checkWorkbook } from "../../../../src/engine/report";
import { createExcelHost } from "../../../../src/host/excel/excelHost";
import { SECTION16_HEADER, SECTION16_ROWS } from "../../../engine/helpers";
import { createHarness } from "./harness";
import { ModelSheet, parseRect, WorkbookModel } from "./model";

const never = { cancelled: false };
const noProgress = (): void => undefined;

function section16(): WorkbookModel {
  const s = new ModelSheet("小学").setRows(
    [["某县小学资源配置"], SECTION16_HEADER, ...SECTION16_ROWS],
    "B2"
  );
  s.merges = [parseRect("B2:L2")];
  return new WorkbookModel([s, new ModelSheet("说明").setRows([["本表由教育局填写"]])]);
}

test("read, mark, clear through Office.js", async () => {
  const wb = section16();
  const h = createHarness(wb);
  const host = createExcelHost(h.run, h.isSetSupported);
  const input = await host.readWorkbook(noProgress, never);
  expect(input.sheets[0].rows[3][1]).toBe("A小学");
  const marks = buildMarks(checkWorkbook(input).allFindings, "zh-CN");
  const before = JSON.stringify(wb.snapshot("小学"));
  const out = await host.applyMarks(marks, noProgress);
  expect(out).toMatchObject({ protectedSheets: [] });
  expect(wb.sheet("小学")!.shownFill("E6")).toBe("#FFC7CE");
  expect(wb.sheet("小学")!.note("E6")).toMatch(/骨干教师/);
  await host.clearMarks();
  expect(JSON.stringify(wb.snapshot("小学"))).toBe(before);
  console.log(h.server.stats.length);
});
