/**
 * The page's two downloads, made in the browser from what it already holds: the marked copy (the same writer as the
 * CLI's --out: only the parts that must change are edited) and the JSON report. Saved with an <a download> click
 * on a blob: URL — nothing is sent anywhere.
 */
import { buildMarks } from "../present/buildMarks";
import type { CellMark, ReportSheetSpec } from "../present/marks";
import type { CheckResult } from "../engine/report";
import type { Lang } from "../engine/reportTypes";
import { reportJsonChunks } from "../engine/reportJson";
import { withMessages } from "../present/reportJson";
import { buildReportSheet } from "../present/reportSheet";
import { readXlsx, writeMarkedCopy } from "../host/xlsx";
import { isJunhengReportSheet } from "../engine/table/sheetScope";
import type { WorkbookInput } from "../engine/workbook";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const XLSM_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.12";

/**
 * The marked copy's file name and type: a macro workbook's copy stays .xlsm (it keeps the macro content type, and
 * Excel refuses a .xlsx holding it); every other copy is .xlsx.
 */
export function copyFile(original: string, suffix: string): { name: string; type: string } {
  return /\.xlsm$/i.test(original)
    ? { name: derivedName(original, suffix, "xlsm"), type: XLSM_TYPE }
    : { name: derivedName(original, suffix, "xlsx"), type: XLSX_TYPE };
}

/** "县域数据.xlsx" → "县域数据-已检查.xlsx". */
export function derivedName(original: string, suffix: string, ext: string): string {
  const base = original.replace(/\.(xlsx|xlsm|xls)$/i, "") || "workbook";
  return `${base}-${suffix}.${ext}`;
}

/** The share of a marked copy's time taken by the marks, the report sheet and (without `workbook`) a read. */
const PREPARE_SHARE = 0.15;

/**
 * The marked copy: the marks shown in the grid (or, when none are shown, the last check's marks) and the report
 * sheet (the one the user generated, or the last check's). `onProgress` hears the share done (0 … 1).
 */
export function markedCopy(
  original: Uint8Array,
  result: CheckResult,
  lang: Lang,
  shownMarks: readonly CellMark[],
  reportSpec: ReportSheetSpec | null,
  workbook?: WorkbookInput,
  onProgress?: (fraction: number) => void
): Uint8Array {
  onProgress?.(0);
  const marks = shownMarks.length ? [...shownMarks] : buildMarks(result.allFindings, lang);
  const spec = reportSpec ?? buildReportSheet(result.report, lang);
  // A marked copy opened again: its report sheet is refreshed, not joined by a second one (as the CLI's --out).
  // Without the workbook read from these bytes, read it (values only; this runs in the engine worker).
  const previous = (workbook ?? readXlsx(original)).sheets.find((s) =>
    isJunhengReportSheet(s)
  )?.name;
  onProgress?.(PREPARE_SHARE);
  return writeMarkedCopy(original, marks, spec, {
    replaceReportSheet: previous,
    onProgress: onProgress && ((f) => onProgress(PREPARE_SHARE + (1 - PREPARE_SHARE) * f)),
  }).bytes;
}

/** The JSON report as the CLI writes it (the same text), in chunks for a Blob. */
export function reportJson(result: CheckResult, lang: Lang): string[] {
  return [...reportJsonChunks(withMessages(result.report, lang))];
}

/** Hands bytes (or text, whole or in chunks) to the browser's download manager. */
export function saveBlob(
  data: Uint8Array | string | string[],
  fileName: string,
  type: string
): void {
  const parts: BlobPart[] =
    typeof data === "string"
      ? [data]
      : Array.isArray(data)
        ? data
        : [data as Uint8Array<ArrayBuffer>];
  const blob = new Blob(parts, { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export { XLSX_TYPE };
