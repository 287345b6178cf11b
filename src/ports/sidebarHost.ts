/**
 * What the sidebar needs from the workbook it runs beside: a port with two adapters,
 *   - src/host/excel (Office.js, the Excel task pane): the only module that calls Office.js;
 *   - src/app (the browser page): a local .xlsx read with src/host/xlsx, marks shown in its own grid.
 * Neutral ground: neither the UI nor a host owns it, so host/excel never imports from ui/ (and ui/ never from a
 * host). The sidebar never computes: it calls the engine (checkWorkbook) and renders the report.
 */
import type { CellMark, ReportSheetSpec } from "../present/marks";
import type { CheckOverrides } from "../engine/overrides";
import type { CheckOptions, CheckResult } from "../engine/report";
import type { WorkbookInput } from "../engine/workbook";
import type { SheetSpec, WorkbookSpec } from "../host/xlsx/newWorkbook";

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

/**
 * How completely a host can mark cells, decided once from what the running Office supports (Excel: requirement
 * sets checked at run time, docs/office-host.md). The pane shows it so a user of Office 2021 knows why cells get
 * a fill but no note.
 *   - "fills-and-notes": fill + a note with the reason on each cell (Excel with ExcelApi 1.18, the browser page);
 *   - "fills-only": fill only; the reasons are in the pane and in the report sheet (Office 2021/2024 LTSC).
 */
export type MarkMode = "fills-and-notes" | "fills-only";

export interface HostMode {
  marks: MarkMode;
  /** The highest ExcelApi requirement set found, e.g. "1.14"; absent outside Excel. */
  excelApi?: string;
  /** Merged areas can be read (ExcelApi 1.13); without them merged key cells are not spread and a warning says so. */
  merges: boolean;
}

/** What a mark/clear pass could not do, as data (the UI words it): every list empty = done exactly. */
export interface MarkOutcome {
  /** Cells marked (fill, and note in "fills-and-notes" mode). */
  marked: number;
  /** Sheets left untouched because they are protected. */
  protectedSheets: string[];
  /** Cells that got a fill but no note because they carry a threaded comment (a cell cannot have both). */
  commentCells: { sheet: string; cell: string }[];
  /** On clear: notes junheng wrote that the user has since edited or deleted; left exactly as they are. */
  changedNotes: number;
}

export interface SidebarHost {
  kind: "excel" | "browser";
  /** What this host can do here (absent = everything: the browser page). */
  mode?: HostMode;
  /** Every sheet's used range (values only), merged ranges and hidden rows. */
  readWorkbook(onProgress: (p: Progress) => void, cancel: CancelToken): Promise<WorkbookInput>;
  /**
   * Runs the engine's checkWorkbook where the host can run it off the main thread (a Web Worker: the browser
   * page, the task pane), with progress and a cancel that stops it mid-check (rejects with CancelledError).
   * Absent: the sidebar calls checkWorkbook itself. Either way the result is the engine's, unchanged.
   */
  check?(
    input: WorkbookInput,
    options: CheckOptions,
    onProgress: (p: Progress) => void,
    cancel: CancelToken
  ): Promise<CheckResult>;
  /** Fills and notes; replaces any marks junheng made before (so a re-check does not stack them). */
  applyMarks(marks: CellMark[], onProgress: (p: Progress) => void): Promise<MarkOutcome | void>;
  /** Removes every fill and note junheng added, restoring exactly what was there before. */
  clearMarks(): Promise<MarkOutcome | void>;
  /**
   * 「忘记标注记录」: drops junheng's record of its marks without touching any cell (for a record that is
   * corrupted or belongs to a copy of the workbook). Optional: the browser page has no record to forget.
   */
  forgetMarks?(): Promise<void>;
  /** Creates or refreshes the report sheet; never overwrites a user's sheet of that name. Returns the name used. */
  writeReportSheet(spec: ReportSheetSpec): Promise<string>;
  /**
   * Live mode (Excel): calls `onChange` once the user has stopped editing the workbook for a moment (debounced;
   * junheng's own marks and report sheet never count as edits). Resolves to a function that stops watching.
   * Optional: the browser page holds a copy of a file, which nobody edits behind its back.
   */
  watchEdits?(onChange: () => void): Promise<() => Promise<void>>;
  /** Selects (Excel) or scrolls to and outlines (browser) a cell. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** The user's corrections saved with the workbook (document settings / custom XML), if any. */
  loadOverrides(): Promise<CheckOverrides | null>;
  saveOverrides(overrides: CheckOverrides): Promise<void>;
  /**
   * Saves a new workbook (the 申报表, the 「县级指标」 template) as a file the user downloads. Optional: a host that
   * cannot hand files to the user (the Excel task pane) leaves it out and the buttons are not shown.
   */
  saveWorkbook?(spec: WorkbookSpec, fileName: string): Promise<void>;
  /**
   * 「插入县级指标表」: adds a sheet laid out by `spec` (the blank 「县级指标」) to the open workbook. A sheet of that
   * name already there is never touched: it is shown and `created` is false. Optional: the browser page offers
   * the template as a download instead.
   */
  insertSheet?(spec: SheetSpec): Promise<InsertSheetOutcome>;
  /**
   * 「打开申报表」 (Excel): opens `spec` as a NEW workbook in its own window (Excel.createWorkbook, ExcelApi 1.8) from
   * the same bytes the browser page downloads. Where this Excel cannot (no ExcelApi 1.8), or when the user asks
   * (`asSheets`), its sheets are inserted into the open workbook instead, each named `sheetPrefix` + its name,
   * through insertSheet (a sheet of that name already there is left alone). Never silent: the outcome says which
   * happened, or why neither did. Optional: the browser page saves the file instead (saveWorkbook).
   */
  openWorkbook?(spec: WorkbookSpec, options: OpenWorkbookOptions): Promise<OpenWorkbookOutcome>;
}

export interface OpenWorkbookOptions {
  /** Prefix of each sheet's name when inserted into the open workbook, e.g. "申报表-" → 「申报表-表Ⅰ」. */
  sheetPrefix: string;
  /** Insert the sheets into the open workbook rather than open a new window. */
  asSheets?: boolean;
}

/** What 「打开申报表」 did, as data (the pane words it). */
export type OpenWorkbookOutcome =
  /** Opened in a new Excel window (the user saves it from there). `bytes`: the base64 sent, in UTF-8 bytes. */
  | { how: "opened"; bytes: number }
  /**
   * Inserted into the open workbook as sheets: because this Excel has no Excel.createWorkbook ("unsupported") or
   * because the user asked ("asked"). One outcome per sheet, in order (`created: false` = one of that name was
   * already there and was left as it was).
   */
  | { how: "inserted"; why: "unsupported" | "asked"; sheets: InsertSheetOutcome[] }
  /** Not opened: the workbook's base64 (`bytes`) is over what one request to Excel may carry (`limit`). */
  | { how: "too-large"; bytes: number; limit: number }
  /** Excel refused to open it (e.g. an extension-hardening policy); `message` is Excel's. Nothing was changed. */
  | { how: "failed"; code?: string; message: string };

export interface InsertSheetOutcome {
  /** The sheet's name as Excel has it. */
  name: string;
  /** false: a sheet of that name was already there and was left as it was. */
  created: boolean;
  /** Data validation rules were set on the value cells (ExcelApi 1.8). */
  validation: boolean;
}
