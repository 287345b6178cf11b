/**
 * The messages between the page and its engine worker (src/app/engine/worker.ts). Everything in them is plain,
 * structured-clonable data: the workbook values, the check's options (settings are data), the report.
 */
import type { CheckOptions, CheckResult } from "../../engine/report";
import type { Lang } from "../../engine/reportTypes";
import type { CellMark, ReportSheetSpec } from "../../present/marks";
import type { WorkbookInput } from "../../engine/workbook";

/** The check's options that travel (no callbacks). */
export type WireCheckOptions = Omit<CheckOptions, "onProgress">;

export type EngineRequest =
  /** Reads an .xlsx; the worker keeps the values as workbook `wb` for later checks. */
  | { id: number; kind: "parse"; wb: number; bytes: Uint8Array }
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
  | { id: number; kind: "ok"; value: unknown }
  | { id: number; kind: "error"; error: WireError };
