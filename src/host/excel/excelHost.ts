/**
 * The sidebar's host in Excel: the ONLY module that calls Office.js (Script Lab's rule). Every method is one
 * Excel.run with a bounded number of context.sync() calls (docs/office-host.md states the bounds). What the
 * running Excel supports is asked once (platform.ts) and exposed as `mode` so the pane can say it.
 */
import { CellMark, ReportSheetSpec } from "../../present/marks";
import { CheckOverrides } from "../../engine/overrides";
import { WorkbookInput } from "../../engine/workbook";
import { CancelToken, OpenWorkbookOptions, Progress, SidebarHost } from "../../ports/sidebarHost";
import type { SheetSpec, WorkbookSpec } from "../xlsx/newWorkbook";
import { insertSheet } from "./insertSheet";
import { CreateWorkbook, openWorkbook } from "./openWorkbook";
import { applyMarks, clearMarks, forgetRecord } from "./marks";
import { detectCapabilities, hostMode, IsSetSupported, officeIsSetSupported } from "./platform";
import { readWorkbook } from "./readWorkbook";
import { writeReportSheet } from "./reportSheet";
import { ownWrites, watchEdits } from "./watch";
import { loadOverrides, saveOverrides } from "./settings";

/** Excel.run, injectable so tests can pass a counting fake. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export function createExcelHost(
  run: ExcelRun = (batch) => Excel.run(batch),
  isSetSupported: IsSetSupported = officeIsSetSupported(),
  createWorkbook: CreateWorkbook = (base64) => Excel.createWorkbook(base64)
): SidebarHost {
  const caps = detectCapabilities(isSetSupported);
  // junheng's own writes, so that live mode does not answer them with another check.
  const own = ownWrites();
  const writing: ExcelRun = (batch) => own.wrap(() => run(batch));
  return {
    kind: "excel",
    mode: hostMode(caps),
    readWorkbook: (
      onProgress: (p: Progress) => void,
      cancel: CancelToken
    ): Promise<WorkbookInput> => run((ctx) => readWorkbook(ctx, onProgress, cancel, caps)),
    applyMarks: (marks: CellMark[], onProgress: (p: Progress) => void) =>
      writing((ctx) => applyMarks(ctx, marks, onProgress, caps)),
    clearMarks: () => writing((ctx) => clearMarks(ctx, caps)),
    forgetMarks: () => writing((ctx) => forgetRecord(ctx)),
    writeReportSheet: (spec: ReportSheetSpec) => writing((ctx) => writeReportSheet(ctx, spec)),
    watchEdits: (onChange: () => void) => watchEdits(run, caps, own, onChange),
    selectCell: (sheet: string, cell: string) =>
      run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await ctx.sync();
      }),
    loadOverrides: () => run((ctx) => loadOverrides(ctx)),
    saveOverrides: (o: CheckOverrides) => writing((ctx) => saveOverrides(ctx, o)),
    insertSheet: (spec: SheetSpec) => writing((ctx) => insertSheet(ctx, spec, caps)),
    openWorkbook: (spec: WorkbookSpec, options: OpenWorkbookOptions) =>
      openWorkbook(spec, options, { caps, run: writing, createWorkbook }),
  };
}
