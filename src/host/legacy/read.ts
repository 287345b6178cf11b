/**
 * The legacy-format adapter: .xls (BIFF, incl. WPS .et), .xlsb, .ods, .csv, HTML tables and XML Spreadsheet 2003,
 * read through SheetJS (@e965/xlsx, Apache-2.0; docs/decisions.md) into the engine's WorkbookInput — the same plain
 * values junheng's own .xlsx reader gives. Only these formats come here; .xlsx never does.
 *
 * The library is passed in by the caller rather than imported, so that no bundle carries it unless a door loads it
 * (the CLI requires it on first use; the browser page does not load it at all).
 */
import type * as XLSXNamespace from "@e965/xlsx";
import type { MergedRange, RawCell, SheetInput, WorkbookInput } from "../../engine/workbook";
import { DATE1904_OFFSET, formatShowsDate } from "../xlsx/dates";
import { XlsxReadError } from "../xlsx/package";
import { defaultInflateCap, InflateLimitError, ZipArchive } from "../xlsx/zip";
import { attrByLocalName, nextTag, parseAttrs, tagAttrs, tagClose } from "../xlsx/xml";
import { decodeTextFile, type SpreadsheetFormat } from "./detect";

export type SheetJs = typeof XLSXNamespace;

export type LegacyFormat = Extract<
  SpreadsheetFormat,
  "xls" | "xlsb" | "ods" | "html" | "xml2003" | "csv"
>;

export const LEGACY_FORMATS: readonly LegacyFormat[] = [
  "xls",
  "xlsb",
  "ods",
  "html",
  "xml2003",
  "csv",
];

export function isLegacyFormat(f: SpreadsheetFormat): f is LegacyFormat {
  return (LEGACY_FORMATS as readonly string[]).includes(f);
}

export interface ReadLegacyOptions {
  /** Read only these sheets (exact name first, then case-insensitive). */
  sheets?: string[];
  /** Cap on the total inflated size of a zip-based format (.xlsx's default: 50 × the file, 100 MiB–1 GiB). */
  maxInflatedBytes?: number;
}

/**
 * .ods and .xlsb are zips that SheetJS inflates without a limit: every entry is first inflated here against the same
 * running cap as an .xlsx (and thrown away), so a bomb is refused as too large instead of exhausting memory.
 */
function checkZipBudget(bytes: Uint8Array, cap: number): Uint8Array | undefined {
  let zip: ZipArchive;
  try {
    zip = new ZipArchive(bytes, undefined, cap);
  } catch {
    throw new XlsxReadError("corrupt", "the archive is damaged");
  }
  let content: Uint8Array | undefined;
  for (const name of zip.names) {
    try {
      const data = zip.read(name);
      if (name === "content.xml") content = data;
    } catch (e) {
      if (e instanceof InflateLimitError) throw new XlsxReadError("too-large", e.message, e.limit);
      throw new XlsxReadError("corrupt", `the archive is damaged: ${(e as Error).message}`);
    }
  }
  return content;
}

/**
 * The sheets an .ods hides: a `<table:table>` whose table style says `table:display="false"` (LibreOffice's
 * 「隐藏工作表」). SheetJS does not report them for .ods (it does for .xls), so last year's hidden table was read
 * as data — every school twice. One pass: the automatic styles before `<office:body>`, then each table's tag.
 */
export function odsHiddenSheets(contentXml: string): Set<string> {
  const hiddenStyles = new Set<string>();
  const bodyAt = contentXml.indexOf("<office:body");
  const head = bodyAt < 0 ? contentXml : contentXml.slice(0, bodyAt);
  let style: string | undefined;
  for (let t = nextTag(head, 0); t; t = nextTag(head, t.end)) {
    if (t.name === "style" && t.kind !== "close") {
      const a = tagAttrs(head, t);
      style =
        attrByLocalName(a, "family", true) === "table"
          ? attrByLocalName(a, "name", true)
          : undefined;
      if (t.kind === "empty") style = undefined;
    } else if (t.name === "style" && t.kind === "close") style = undefined;
    else if (t.name === "table-properties" && style !== undefined) {
      if (attrByLocalName(tagAttrs(head, t), "display", true) === "false") hiddenStyles.add(style);
    }
  }
  const out = new Set<string>();
  if (hiddenStyles.size === 0 || bodyAt < 0) return out;
  for (let i = contentXml.indexOf("<table:table ", bodyAt); i >= 0;) {
    const gt = tagClose(contentXml, i);
    if (gt < 0) break;
    const a = parseAttrs(contentXml.slice(i, gt + 1));
    const name = attrByLocalName(a, "name", true);
    const st = attrByLocalName(a, "style-name", true);
    if (name !== undefined && st !== undefined && hiddenStyles.has(st)) out.add(name);
    i = contentXml.indexOf("<table:table ", gt);
  }
  return out;
}

/** Hidden rows and columns of each table of an .ods, as 0-based [start, end) ranges by table name. */
export interface OdsHidden {
  rows: Map<string, [number, number][]>;
  cols: Map<string, [number, number][]>;
}

/**
 * The rows and columns an .ods hides, in one walk of content.xml: `<table:table-row table:visibility="collapse">`
 * (hidden by the user) or `"filter"` (by an AutoFilter), and `<table:table-column table:visibility="collapse">`
 * (LibreOffice's 「隐藏列」; also inside <table:table-header-columns> or a column group);
 * `table:number-rows-repeated` / `number-columns-repeated` repeat one. SheetJS reports neither for .ods, so hidden
 * schools and columns were read without the note an .xlsx gets.
 */
export function odsHiddenRowsAndColumns(contentXml: string): OdsHidden {
  const out: OdsHidden = { rows: new Map(), cols: new Map() };
  const bodyAt = contentXml.indexOf("<office:body");
  if (bodyAt < 0) return out;
  let depth = 0;
  let rows: [number, number][] = [];
  let cols: [number, number][] = [];
  let row = 0;
  let col = 0;
  for (let t = nextTag(contentXml, bodyAt); t; t = nextTag(contentXml, t.end)) {
    if (t.name === "table") {
      if (t.kind === "open" && ++depth === 1) {
        const name = attrByLocalName(tagAttrs(contentXml, t), "name", true) ?? "";
        rows = out.rows.get(name) ?? [];
        cols = out.cols.get(name) ?? [];
        out.rows.set(name, rows);
        out.cols.set(name, cols);
        row = 0;
        col = 0;
      } else if (t.kind === "close") depth--;
      continue;
    }
    const isRow = t.name === "table-row";
    if ((!isRow && t.name !== "table-column") || t.kind === "close" || depth !== 1) continue;
    const a = tagAttrs(contentXml, t);
    const repeated = attrByLocalName(
      a,
      isRow ? "number-rows-repeated" : "number-columns-repeated",
      true
    );
    const repeat = Math.min(
      Math.max(1, Math.floor(Number(repeated ?? 1)) || 1),
      isRow ? MAX_ROWS : MAX_COLS
    );
    const v = attrByLocalName(a, "visibility", true);
    const hidden = v === "collapse" || v === "filter";
    if (isRow) {
      if (hidden) rows.push([row, row + repeat]);
      row += repeat;
    } else {
      if (hidden) cols.push([col, col + repeat]);
      col += repeat;
    }
  }
  return out;
}

/** Excel's last row; an .ods may repeat an empty row up to it. */
const MAX_ROWS = 1048576;
/** Excel's last column; an .ods may repeat an empty column up to it. */
const MAX_COLS = 16384;

/**
 * Runs SheetJS with its console silenced. It writes its doubts straight to the console (an .ods that LibreOffice
 * saves with conditional number formats prints "ODS number format may be incorrect: value()>0" a dozen times),
 * which in the CLI is stderr: a script's stderr must hold only the one error line, and a check that succeeded
 * nothing. Those doubts concern display formats, never the values junheng reads.
 */
function quietly<T>(fn: () => T): T {
  const c = console as unknown as Record<
    "log" | "info" | "warn" | "error",
    (...a: unknown[]) => void
  >;
  const saved = { log: c.log, info: c.info, warn: c.warn, error: c.error };
  const mute = (): void => undefined;
  c.log = c.info = c.warn = c.error = mute;
  try {
    return fn();
  } finally {
    Object.assign(c, saved);
  }
}

/**
 * Text SheetJS reads as a date or a time when a CSV or an HTML table gives it untyped: "3/4", "1-2", "2024-09",
 * "12:30", "4-Mar" (a fraction, a range or a code in a school table as often as a date). Plain numbers, "1,200",
 * "12%" and "1e3" are not matched.
 */
const DATE_LIKE = /[/:]|\d\s*-\s*\d|[年月日时分秒]|[a-df-z]/i;

/**
 * @param untyped the format carries text only (CSV, HTML): a number SheetJS made of date- or time-like text is
 *   that text, as the same text in an .xlsx cell reads (the engine then reports it instead of reading a serial).
 * @param date1904 an .xls / .xlsb in the 1904 date system: a number whose format shows a date is moved to the 1900
 *   system, as the .xlsx reader does (SheetJS leaves the serial as stored).
 */
function cellValue(
  c: XLSXNamespace.CellObject | undefined,
  untyped = false,
  date1904 = false
): RawCell {
  if (!c) return undefined;
  switch (c.t) {
    case "n":
      if (untyped && typeof c.w === "string" && DATE_LIKE.test(c.w)) return c.w.trim() || undefined;
      if (typeof c.v !== "number" || !Number.isFinite(c.v)) return undefined;
      return date1904 && typeof c.z === "string" && formatShowsDate(c.z)
        ? c.v + DATE1904_OFFSET
        : c.v;
    case "s": {
      const s = typeof c.v === "string" ? c.v : String(c.v ?? "");
      return s === "" ? undefined : s;
    }
    case "b":
      return c.v === true;
    case "e":
      // Error values as their text ("#DIV/0!"), as the .xlsx reader gives them.
      return typeof c.w === "string" && c.w ? c.w : "#N/A";
    case "d":
      return c.v instanceof Date ? c.v.getTime() / 86400000 + 25569 : undefined;
    default:
      return undefined; // "z": a stub
  }
}

function toSheetInput(
  name: string,
  ws: XLSXNamespace.WorkSheet,
  untyped: boolean,
  hiddenRanges: readonly [number, number][] = [],
  date1904 = false,
  hiddenColRanges: readonly [number, number][] = []
): SheetInput {
  const data = (ws as XLSXNamespace.DenseWorkSheet)["!data"] ?? [];
  const rows: RawCell[][] = [];
  data.forEach((row, r) => {
    if (!row) return;
    let out: RawCell[] | undefined;
    row.forEach((cell, c) => {
      const v = cellValue(cell, untyped, date1904);
      if (v === undefined) return;
      (out ??= [])[c] = v;
    });
    if (out) rows[r] = out;
  });
  const merges: MergedRange[] = (ws["!merges"] ?? []).map((m) => ({
    top: m.s.r,
    left: m.s.c,
    bottom: m.e.r,
    right: m.e.c,
  }));
  const hiddenRows: number[] = [];
  (ws["!rows"] ?? []).forEach((ri, r) => {
    if (ri?.hidden) hiddenRows.push(r);
  });
  // Hidden rows of an .ods, up to the last row with data (a hidden block may repeat an empty row a million times).
  if (hiddenRanges.length) {
    const seen = new Set(hiddenRows);
    for (const [start, end] of hiddenRanges)
      for (let r = start; r < Math.min(end, data.length); r++) if (!seen.has(r)) hiddenRows.push(r);
    hiddenRows.sort((a, b) => a - b);
  }
  const sheet: SheetInput = { name, rows, merges, hiddenRows };
  // Hidden columns of an .ods, up to the last column with data (the unused columns to the right are often hidden).
  if (hiddenColRanges.length) {
    let width = 0;
    rows.forEach((r) => (width = Math.max(width, r.length)));
    const cols = new Set<number>();
    for (const [start, end] of hiddenColRanges)
      for (let c = start; c < Math.min(end, width); c++) cols.add(c);
    if (cols.size) sheet.hiddenCols = [...cols].sort((a, b) => a - b);
  }
  return sheet;
}

/**
 * Reads a legacy-format workbook into plain values (worksheets in tab order; chart sheets skipped).
 * @throws XlsxReadError "encrypted-or-xls" (password-protected), "corrupt", "empty" or "too-large".
 */
export function readLegacyWorkbook(
  bytes: Uint8Array,
  format: LegacyFormat,
  lib: SheetJs,
  options: ReadLegacyOptions = {}
): WorkbookInput {
  let odsContent: Uint8Array | undefined;
  if (format === "ods" || format === "xlsb")
    odsContent = checkZipBudget(bytes, options.maxInflatedBytes ?? defaultInflateCap(bytes.length));
  const common: XLSXNamespace.ParsingOptions = {
    dense: true,
    cellFormula: false,
    cellHTML: false,
    cellStyles: false,
    cellDates: false,
    // Number format codes (cell.z) of the binary formats: which numbers of a 1904 workbook are dates.
    cellNF: format === "xls" || format === "xlsb",
    bookVBA: false,
  };
  let wb: XLSXNamespace.WorkBook;
  try {
    if (format === "csv" || format === "html" || format === "xml2003") {
      const { text } = decodeTextFile(bytes);
      wb = quietly(() =>
        lib.read(text, { ...common, type: "string", raw: format === "csv" ? false : undefined })
      );
    } else {
      wb = quietly(() => lib.read(bytes, { ...common, type: "array" }));
    }
  } catch (e) {
    const msg = (e as Error).message ?? "";
    // "File is password-protected" (a BIFF FILEPASS record). Not "Unsupported ZIP encryption", which SheetJS says
    // of damaged OLE files too.
    if (/password/i.test(msg)) throw new XlsxReadError("encrypted-or-xls", msg);
    throw new XlsxReadError("corrupt", `the ${format} file cannot be read: ${msg}`);
  }
  let names = wb.SheetNames.filter((n) => {
    const ws = wb.Sheets[n];
    return ws && !("!type" in ws && (ws as { "!type"?: string })["!type"] === "chart");
  });
  if (options.sheets) {
    const wanted = options.sheets;
    names = names.filter(
      (n) => wanted.includes(n) || wanted.some((w) => w.toLowerCase() === n.toLowerCase())
    );
  }
  // Hidden tabs (1 hidden, 2 very hidden), as the .xlsx reader reports them: the engine skips them by default.
  const props = wb.Workbook?.Sheets ?? [];
  const odsText =
    format === "ods" && odsContent ? new TextDecoder("utf-8").decode(odsContent) : undefined;
  const odsHidden = odsText !== undefined ? odsHiddenSheets(odsText) : new Set<string>();
  const odsHiddenParts = odsText !== undefined ? odsHiddenRowsAndColumns(odsText) : undefined;
  const odsRows = odsHiddenParts?.rows;
  const odsCols = odsHiddenParts?.cols;
  // The 1904 date system of an .xls (its DATE1904 record) or an .xlsb, as SheetJS reports it.
  const date1904 = (format === "xls" || format === "xlsb") && !!wb.Workbook?.WBProps?.date1904;
  const sheets = names.map((n) => {
    const sheet = toSheetInput(
      n,
      wb.Sheets[n],
      format === "csv" || format === "html",
      odsRows?.get(n),
      date1904,
      odsCols?.get(n)
    );
    const hidden = props[wb.SheetNames.indexOf(n)]?.Hidden || odsHidden.has(n);
    return hidden ? { ...sheet, hidden: true } : sheet;
  });
  if (sheets.length === 0 && !options.sheets)
    throw new XlsxReadError("empty", "the workbook has no worksheets");
  return { sheets };
}
