/**
 * What the sidebar needs from the workbook it runs beside. Two implementations:
 *   - src/host/excel (Office.js, the Excel task pane): the only module that calls Office.js;
 *   - src/app (the browser page): a local .xlsx read with src/host/xlsx, marks shown in its own grid.
 * The sidebar never computes: it calls the engine (checkWorkbook) and renders the report.
 */
import type { CellMark, ReportSheetSpec } from "../engine/marks";
import type { CheckOverrides } from "../engine/overrides";
import type { WorkbookInput } from "../engine/workbook";

export interface Progress {
  /** What is happening, for the progress bar label ("read", "check", "mark", "report"). */
  phase: "read" | "check" | "mark" | "report";
  done: number;
  total: number;
}

/** A cooperative cancel flag: hosts check it between chunks and throw CancelledError. */
export interface CancelToken {
  readonly cancelled: boolean;
}

export class CancelledError extends Error {
  constructor() {
    super("cancelled");
    this.name = "CancelledError";
  }
}

export interface SidebarHost {
  kind: "excel" | "browser";
  /** Every sheet's used range (values only), merged ranges and hidden rows. */
  readWorkbook(onProgress: (p: Progress) => void, cancel: CancelToken): Promise<WorkbookInput>;
  /** Fills and notes; replaces any marks junheng made before (so a re-check does not stack them). */
  applyMarks(marks: CellMark[], onProgress: (p: Progress) => void): Promise<void>;
  /** Removes every fill and note junheng added, restoring exactly what was there before. */
  clearMarks(): Promise<void>;
  /** Creates or refreshes the report sheet; never overwrites a user's sheet of that name. Returns the name used. */
  writeReportSheet(spec: ReportSheetSpec): Promise<string>;
  /** Selects (Excel) or scrolls to and outlines (browser) a cell. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** The user's corrections saved with the workbook (document settings / custom XML), if any. */
  loadOverrides(): Promise<CheckOverrides | null>;
  saveOverrides(overrides: CheckOverrides): Promise<void>;
}
