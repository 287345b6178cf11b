/**
 * The messages between the page and its engine worker (src/app/engine/worker.ts). Everything in them is plain,
 * structured-clonable data: the workbook values, the check's options (settings are data), the report.
 */
import type { CheckOptions, CheckResult } from "../../engine/report";
import type { Lang } from "../../engine/reportTypes";
import type { CellMark, ReportSheetSpec } from "../../present/marks";
import type { WorkbookInput } from "../../engine/workbook";
import type { StandardId } from "../../standards/types";

/** The check's options that travel (no callbacks). */
export type WireCheckOptions = Omit<CheckOptions, "onProgress">;

export type EngineRequest =
  /**
   * Reads an .xlsx; the worker keeps the values as workbook `wb` for later checks. With `precheck`, the worker
   * then checks them at once with the options the pane will most likely ask for, and keeps the result: while the
   * page draws the grid and the clerk reaches for 开始检查, the check is done (a check with other options is run
   * as usual).
   */
  | { id: number; kind: "parse"; wb: number; bytes: Uint8Array; precheck?: Precheck }
  /** Checks workbook `wb` (sent along when the worker does not hold it yet). */
  | { id: number; kind: "check"; wb: number; workbook?: WorkbookInput; options: WireCheckOptions }
  /** The marked copy (src/app/download.ts markedCopy). */
  | {
      id: number;
      kind: "copy";
      bytes: Uint8Array;
      /** The workbook read from `bytes`, when the worker holds it (no second read to find a report sheet). */
      wb?: number;
      /**
       * The result: the id of the check request whose result the worker still holds; or, after a cancel
       * terminated that worker, the check to run again (the engine is pure: the same values and options give
       * the same result — far cheaper for the page than cloning a 21 MB result); or the result itself.
       */
      result: CheckResult | { check: number } | { recheck: CheckAgain };
      lang: Lang;
      marks: CellMark[];
      spec: ReportSheetSpec | null;
    };

/**
 * What the pane's first check will use: the standard it starts with, and the corrections saved in this browser
 * (every `junheng.overrides.v1.*` entry of localStorage; the worker has no localStorage and picks the workbook's
 * own entry by its header hash, as src/app/overridesStore.ts does).
 */
export interface Precheck {
  standard: StandardId;
  saved: Record<string, string>;
}

/** A check to run again in a fresh worker: its values (or their number when held) and options. */
export interface CheckAgain {
  wb: number;
  workbook?: WorkbookInput;
  options: WireCheckOptions;
}

/** An error as data: its name picks the class it is rebuilt as (NoSchoolTableError, XlsxReadError). */
export interface WireError {
  name: string;
  message: string;
  /** NoSchoolTableError */
  sheets?: string[];
  uncachedFormulaSheets?: string[];
  /** XlsxReadError */
  code?: string;
  detail?: number | string;
}

export type EngineResponse =
  | { id: number; kind: "progress"; phase: "read" | "check" | "mark"; done: number; total: number }
  /**
   * A slice of a long list of the result, sent ahead of it: one message with 10,000 schools takes the page's main
   * thread most of a second to take in; slices of a thousand are short tasks with frames between them.
   */
  | { id: number; kind: "part"; list: "schools" | "allFindings"; items: unknown[] }
  /** A slice of the rows of sheet `sheet` of a read workbook, sent ahead of it (the same reason). */
  | { id: number; kind: "part"; list: "rows"; sheet: number; items: unknown[] }
  | { id: number; kind: "ok"; value: unknown }
  | { id: number; kind: "error"; error: WireError };
