/**
 * One file through the engine, for the CLI: read it (any format junheng reads), check it, or say in one line of the
 * user's language why it cannot be checked (CannotCheck). Shared by the one-file and the many-file runs.
 */
import * as fs from "fs";
import { checkWorkbook, NoSchoolTableError } from "../engine/report";
import type { Finding, Lang, Report } from "../engine/reportTypes";
import type { SheetInput, WorkbookInput } from "../engine/workbook";
import { sniffFormat, type SpreadsheetFormat } from "../host/legacy/detect";
import { isLegacyFormat, readLegacyWorkbook, type SheetJs } from "../host/legacy/read";
import { COUNTY_SHEET_NAME } from "../standards/county-codes-2017";
import { readXlsx, XlsxReadError } from "../host/xlsx";
import { crc32Node, inflateRawNode } from "../host/xlsx/inflateNode";
import type { CheckSettings } from "../standards";
import { MSG } from "./messages";

/** Why a file could not be checked (typed, for the JSON of a many-file run); the message says it in words. */
export type CannotCheckCode =
  | "not-found"
  | "cannot-read"
  | "not-a-workbook"
  | "encrypted"
  | "corrupt"
  | "empty"
  | "too-large"
  | "no-table"
  | "no-sheet"
  | "unsupported"
  | "usage";

/**
 * Whether the message of a code already names the file (「找不到文件 a.xlsx」): the many-file line then does not repeat
 * it. Decided by code, so that no caller has to search the message text for the file name.
 */
export function messageNamesFile(code: CannotCheckCode): boolean {
  return code !== "no-sheet" && code !== "usage";
}

export class CannotCheck extends Error {
  constructor(
    readonly code: CannotCheckCode,
    message: string
  ) {
    super(message);
    this.name = "CannotCheck";
  }
}

export interface CheckFileOptions {
  settings: CheckSettings;
  lang: Lang;
  sheets: string[];
  /** Cap on the total inflated size, in bytes (undefined: the reader's default). */
  maxInflatedBytes?: number;
  /** 「县级指标」 read from --county (standards.md §17.9). */
  county?: { sheet: SheetInput; file: string | null };
  progress: (line: string) => void;
}

export interface CheckedFile {
  bytes: Uint8Array;
  /** What the file is: "xlsx", or a legacy format read through SheetJS (its --out copy is a new .xlsx). */
  format: SpreadsheetFormat;
  /** The values read (the --out copy of a legacy file is built from them). */
  workbook: WorkbookInput;
  report: Report;
  allFindings: Finding[];
}

/** Reads the whole input file, with file-system errors in words. */
export function readInputFile(file: string, lang: Lang): Uint8Array {
  const m = MSG[lang];
  try {
    return fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "EIO";
    if (code === "ENOENT") throw new CannotCheck("not-found", m.notFound(file));
    if (code === "ERR_FS_FILE_TOO_LARGE") throw new CannotCheck("too-large", m.tooLargeFile(file));
    throw new CannotCheck("cannot-read", m.cannotRead(file, m.fsError(code)));
  }
}

/** SheetJS, loaded on first use: a run on .xlsx files never pays for parsing the library (about 1 MB of JavaScript). */
let sheetJs: SheetJs | undefined;
function loadSheetJs(): SheetJs {
  return (sheetJs ??= require("@e965/xlsx") as SheetJs);
}

/** How a format is named to the user. */
export const FORMAT_NAME: Record<SpreadsheetFormat, string> = {
  xlsx: ".xlsx",
  xls: ".xls",
  encrypted: ".xlsx",
  xlsb: ".xlsb",
  ods: ".ods",
  html: "HTML",
  xml2003: "XML 2003",
  csv: ".csv",
  "other-zip": "zip",
  unknown: "?",
};

/** The workbook's values, whatever its format; XlsxReadError and the like become CannotCheck. */
export function readWorkbookFile(
  bytes: Uint8Array,
  file: string,
  opts: Pick<CheckFileOptions, "lang" | "sheets" | "maxInflatedBytes">
): WorkbookInput {
  return readAnyWorkbook(bytes, file, opts).workbook;
}

/** Like readWorkbookFile, also saying what format the file was. */
export function readAnyWorkbook(
  bytes: Uint8Array,
  file: string,
  opts: Pick<CheckFileOptions, "lang" | "sheets" | "maxInflatedBytes">
): { workbook: WorkbookInput; format: SpreadsheetFormat } {
  const m = MSG[opts.lang];
  let format = sniffFormat(bytes, file);
  const lower = file.toLowerCase();
  // Text named .xlsx is not a CSV someone meant to give us; text named .xls often is (web systems export it so).
  if (format === "csv" && /\.xls[xm]$/.test(lower)) format = "unknown";
  if (format === "encrypted") throw new CannotCheck("encrypted", m.encrypted(file));
  if (format === "other-zip" || format === "unknown") {
    if (/\.xls[xm]$/.test(lower)) throw new CannotCheck("not-a-workbook", m.notXlsx(file));
    throw new CannotCheck("unsupported", m.unsupported(file));
  }
  try {
    // 「县级指标」 is read with the school sheets when --sheet narrows them (standards.md §17.6).
    const sheets = opts.sheets.length
      ? [...opts.sheets, COUNTY_SHEET_NAME, ` ${COUNTY_SHEET_NAME} `]
      : undefined;
    const workbook = isLegacyFormat(format)
      ? readLegacyWorkbook(bytes, format, loadSheetJs(), {
          sheets,
          maxInflatedBytes: opts.maxInflatedBytes,
        })
      : readXlsx(bytes, {
          inflateRaw: inflateRawNode,
          crc32: crc32Node,
          maxInflatedBytes: opts.maxInflatedBytes,
          sheets,
        });
    return { workbook, format };
  } catch (e) {
    if (e instanceof XlsxReadError) {
      switch (e.code) {
        case "not-a-zip":
          throw new CannotCheck("not-a-workbook", m.notXlsx(file));
        case "encrypted-or-xls":
          throw new CannotCheck("encrypted", m.encrypted(file));
        case "empty":
          throw new CannotCheck("empty", m.empty(file));
        case "too-large":
          throw new CannotCheck(
            "too-large",
            m.tooLargeUnzipped(file, Math.round(Number(e.detail ?? 0) / 2 ** 20))
          );
        case "duplicate-entry":
          throw new CannotCheck("corrupt", m.duplicateEntry(file, String(e.detail ?? "")));
        case "bad-shared-string":
          throw new CannotCheck("corrupt", m.badSharedString(file, String(e.detail ?? "")));
        case "out-of-range":
          throw new CannotCheck("corrupt", m.outOfRange(file, String(e.detail ?? "")));
        default:
          throw new CannotCheck(
            "corrupt",
            format === "xlsx" ? m.corrupt(file) : m.corruptLegacy(file, FORMAT_NAME[format])
          );
      }
    }
    // A limit of the platform (an array or string too long) on a file the caps let through: still one line.
    if ((e as Error).name === "RangeError") throw new CannotCheck("too-large", m.corrupt(file));
    // SheetJS on a file it cannot parse may throw anything: for a legacy format that is a damaged file, not our bug.
    if (format !== "xlsx")
      throw new CannotCheck("corrupt", m.corruptLegacy(file, FORMAT_NAME[format]));
    throw e;
  }
}

/** Reads and checks one file. @throws CannotCheck */
export function checkFile(file: string, opts: CheckFileOptions): CheckedFile {
  const m = MSG[opts.lang];
  const bytes = readInputFile(file, opts.lang);
  opts.progress(`${m.reading} ${file} …`);
  const { workbook, format } = readAnyWorkbook(bytes, file, opts);
  for (const s of opts.sheets)
    if (!workbook.sheets.some((x) => x.name === s)) throw new CannotCheck("no-sheet", m.noSheet(s));
  opts.progress(`${m.checking} …`);
  try {
    const { report, allFindings } = checkWorkbook(workbook, {
      settings: opts.settings,
      sheets: opts.sheets.length ? opts.sheets : undefined,
      county: opts.county,
    });
    return { bytes, format, workbook, report, allFindings };
  } catch (e) {
    if (e instanceof NoSchoolTableError)
      throw new CannotCheck(
        "no-table",
        e.uncachedFormulaSheets.length
          ? m.uncachedFormulas(file)
          : format === "csv" && textLostToQuestionMarks(workbook.sheets[0])
            ? m.textLost(file)
            : m.noTable(file)
      );
    throw e;
  }
}

/**
 * A CSV saved in an encoding without Chinese (LibreOffice's default Western charset, an English-locale "CSV"):
 * every Chinese character became "?", so the header reads 「????」. Three or more such cells in the first rows.
 */
function textLostToQuestionMarks(sheet: SheetInput | undefined): boolean {
  let lost = 0;
  for (const row of sheet?.rows.slice(0, 10) ?? [])
    for (const v of row ?? []) if (typeof v === "string" && /\?\?/.test(v)) lost++;
  return lost >= 3;
}

/**
 * 0 when everything meets and there are no errors, else 1 (exit status of a checked file). With 「县级指标」 read,
 * 0 also needs 「可以申报」 (standards.md §17.8).
 */
export function reportStatus(report: Report): 0 | 1 {
  if (report.assessment?.county && report.assessment.verdict !== true) return 1;
  return report.summary.meets === true && report.summary.errors === 0 ? 0 : 1;
}
