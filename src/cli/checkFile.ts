/**
 * One file through the engine, for the CLI: read it (any format junheng reads), check it, or say in one line of the
 * user's language why it cannot be checked (CannotCheck). Shared by the one-file and the many-file runs.
 */
import * as fs from "fs";
import { checkWorkbook, NoSchoolTableError } from "../engine/report";
import type { Finding, Lang, Report } from "../engine/reportTypes";
import type { SheetInput, WorkbookInput } from "../engine/workbook";
import { COUNTY_SHEET_NAME } from "../standards/county-codes-2017";
import { readXlsx, XlsxReadError } from "../host/xlsx";
import { inflateRawNode } from "../host/xlsx/inflateNode";
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

/** The workbook's values, whatever its format; XlsxReadError and the like become CannotCheck. */
export function readWorkbookFile(
  bytes: Uint8Array,
  file: string,
  opts: Pick<CheckFileOptions, "lang" | "sheets" | "maxInflatedBytes">
): WorkbookInput {
  const m = MSG[opts.lang];
  try {
    return readXlsx(bytes, {
      inflateRaw: inflateRawNode,
      // 「县级指标」 is read with the school sheets when --sheet narrows them (standards.md §17.6).
      sheets: opts.sheets.length
        ? [...opts.sheets, COUNTY_SHEET_NAME, ` ${COUNTY_SHEET_NAME} `]
        : undefined,
    });
  } catch (e) {
    if (e instanceof XlsxReadError) {
      switch (e.code) {
        case "not-a-zip":
          throw new CannotCheck("not-a-workbook", m.notXlsx(file));
        case "encrypted-or-xls":
          throw new CannotCheck("encrypted", m.encrypted(file));
        case "empty":
          throw new CannotCheck("empty", m.empty(file));
        default:
          throw new CannotCheck("corrupt", m.corrupt(file));
      }
    }
    if (e instanceof RangeError) throw new CannotCheck("too-large", m.corrupt(file));
    throw e;
  }
}

/** Reads and checks one file. @throws CannotCheck */
export function checkFile(file: string, opts: CheckFileOptions): CheckedFile {
  const m = MSG[opts.lang];
  const bytes = readInputFile(file, opts.lang);
  opts.progress(`${m.reading} ${file} …`);
  const workbook = readWorkbookFile(bytes, file, opts);
  for (const s of opts.sheets)
    if (!workbook.sheets.some((x) => x.name === s)) throw new CannotCheck("no-sheet", m.noSheet(s));
  opts.progress(`${m.checking} …`);
  try {
    const { report, allFindings } = checkWorkbook(workbook, {
      settings: opts.settings,
      lang: opts.lang,
      sheets: opts.sheets.length ? opts.sheets : undefined,
      county: opts.county,
    });
    return { bytes, report, allFindings };
  } catch (e) {
    if (e instanceof NoSchoolTableError)
      throw new CannotCheck(
        "no-table",
        e.uncachedFormulaSheets.length ? m.uncachedFormulas(file) : m.noTable(file)
      );
    throw e;
  }
}

/**
 * 0 when everything meets and there are no errors, else 1 (exit status of a checked file). With 「县级指标」 read,
 * 0 also needs 「可以申报」 (standards.md §17.8).
 */
export function reportStatus(report: Report): 0 | 1 {
  if (report.assessment?.county && report.assessment.verdict !== true) return 1;
  return report.summary.meets === true && report.summary.errors === 0 ? 0 : 1;
}
