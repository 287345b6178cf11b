/**
 * A file the user picks for 「与上年比较」 or the roll-up, turned into the engine's report: a JSON report of
 * `junheng check --json` is read as it is (the shape checked), a workbook (.xlsx) is read and checked by the engine
 * under the same standard as this year's. Nothing is computed here; the engine and the xlsx reader do it.
 */
import { looksLikeReport } from "../../engine/compare";
import { planWorkbook, PlanNotPossibleError } from "../../engine/plan";
import { checkWorkbook, NoSchoolTableError } from "../../engine/report";
import type { Report } from "../../engine/reportTypes";
import type { WorkbookInput } from "../../engine/workbook";
import { readXlsx } from "../../host/xlsx";
import { defaultSettings, type StandardId } from "../../standards";

/** Why a picked file gives no report. */
export type LoadProblem = "not-report" | "no-table" | "unreadable";

export class LoadError extends Error {
  constructor(public readonly problem: LoadProblem) {
    super(problem);
    this.name = "LoadError";
  }
}

export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

export interface Loaded {
  report: Report;
  /** The workbook read (null for a JSON report). */
  input: WorkbookInput | null;
}

export function loadReport(file: PickedFile, standard: StandardId): Loaded {
  if (/\.json$/i.test(file.name)) {
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(file.bytes));
    } catch {
      throw new LoadError("not-report");
    }
    if (!looksLikeReport(json)) throw new LoadError("not-report");
    return { report: json, input: null };
  }
  let input: WorkbookInput;
  try {
    input = readXlsx(file.bytes);
  } catch {
    throw new LoadError("unreadable");
  }
  try {
    return {
      report: checkWorkbook(input, { settings: defaultSettings(standard) }).report,
      input,
    };
  } catch (e) {
    if (e instanceof NoSchoolTableError) throw new LoadError("no-table");
    throw e;
  }
}

/** The 达标测算 total of a workbook, for the roll-up (null for a JSON report or a standard with no per-school rule). */
export function planCostOf(loaded: Loaded, standard: StandardId): number | null {
  if (!loaded.input) return null;
  try {
    return planWorkbook(loaded.input, { settings: defaultSettings(standard) }).plan.total;
  } catch (e) {
    if (e instanceof PlanNotPossibleError) return null;
    throw e;
  }
}

/** A picked or dropped file's bytes (FileReader where Blob.arrayBuffer is missing). */
export function fileBytes(file: File): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === "function")
    return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.onerror = () => reject(r.error);
    r.readAsArrayBuffer(file);
  });
}
