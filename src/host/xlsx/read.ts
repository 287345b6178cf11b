/**
 * Fast .xlsx value reader: unzip only the parts that hold values, then one hand-rolled scan per part.
 *
 * Budget: a 10,000-row × 13-column sheet must read in well under the CLI's 1 s. A SAX parser spends most of its time
 * building events for every tag and attribute; here `indexOf` jumps from "<" to "<" and only the few names the reader
 * needs (row, c, v, is, t, rPh, si, mergeCell) are looked at, by character code.
 *
 * What comes out is deliberately plain (see WorkbookInput): values, merged ranges, hidden rows, columns and sheets.
 * Styles, formats and formulas are not read; a formula cell yields its cached value, and dates stay Excel serial
 * numbers — of the 1900 system: in a workbook saved with the 1904 system, a number whose format shows a date is moved
 * to it (dates.ts), the only time the styles part is read.
 */
import {
  columnLetter,
  parseRange,
  type MergedRange,
  type RawCell,
  type SheetInput,
  type WorkbookInput,
} from "../../engine/workbook";
import {
  checkSignature,
  PackageArchive,
  parseRels,
  parseWorkbookSheets,
  relKind,
  relsPathFor,
  resolveTarget,
  workbookPartFromRootRels,
  XlsxReadError,
  type SheetEntry,
} from "./package";
import type { Crc32, InflateRaw } from "./zip";
import { DATE1904_OFFSET, dateStyleIndexes, workbookUses1904 } from "./dates";
import { workbookRecalculatesOnLoad } from "./recalc";
import { decodeText, ForwardFinder, parseAttrs, rootPrefix, tagClose } from "./xml";

export interface ReadXlsxOptions {
  /** Read only these sheets (by name; exact match first, then case-insensitive like Excel). Default: all worksheets. */
  sheets?: string[];
  /**
   * The raw-DEFLATE inflater (default: fflate's, which runs anywhere). The CLI passes Node's zlib.
   */
  inflateRaw?: InflateRaw;
  /** The CRC-32 each inflated part is checked against (default: the portable one). The CLI passes zlib's. */
  crc32?: Crc32;
  /** Cap on the total inflated size in bytes (default: 50 × the file, at least 100 MiB, at most 1 GiB). */
  maxInflatedBytes?: number;
  /**
   * Progress in worksheets: called with (0, total) before the first sheet is scanned and (k, total) after the k-th.
   * Synchronous — useful for logging or from a worker, not for repainting a page in the same thread.
   */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Reads the worksheets of an .xlsx file into plain values (workbook tab order; chart sheets, dialog and macro sheets
 * skipped). Rows without any value are left undefined in `rows`; `merges` and `hiddenRows` are always present,
 * `hiddenCols` only when a column holding values is hidden.
 *
 * @throws XlsxReadError with code "not-a-zip" | "encrypted-or-xls" | "corrupt" | "empty" | "too-large" (the cap) |
 *   "duplicate-entry" | "bad-shared-string" (an index past the table) | "out-of-range" (beyond XFD1048576).
 */
export function readXlsx(bytes: Uint8Array, options: ReadXlsxOptions = {}): WorkbookInput {
  checkSignature(bytes);
  const archive = new PackageArchive(
    bytes,
    options.inflateRaw,
    options.maxInflatedBytes,
    options.crc32
  );

  // The package relationships name the workbook part; its relationships name the sheets' parts.
  const workbookPart = workbookPartFromRootRels(archive.text("_rels/.rels"));
  if (!archive.names.has(workbookPart))
    throw new XlsxReadError("corrupt", "the archive has no workbook part (is it an .xlsx file?)");
  const workbookXml = archive.text(workbookPart) ?? "";
  const rels = parseRels(archive.text(relsPathFor(workbookPart)) ?? "", workbookPart);
  const worksheets = parseWorkbookSheets(workbookXml, rels).filter((s) => s.kind === "worksheet");
  if (worksheets.length === 0) throw new XlsxReadError("empty", "the workbook has no worksheets");

  const wanted = selectSheets(worksheets, options.sheets);
  // Without a relationship, the conventional part is still the table (LibreOffice reads it; some exporters forget
  // the relationship).
  const sstPart =
    rels.find((r) => relKind(r.type) === "sharedStrings" && r.part)?.part ??
    [resolveTarget(workbookPart, "sharedStrings.xml")].find((p) => archive.names.has(p));
  for (const s of wanted) {
    if (s.part === undefined || !archive.names.has(s.part))
      throw new XlsxReadError("corrupt", `the part of sheet "${s.name}" is missing`);
  }
  const sst = sstPart ? parseSharedStrings(archive.text(sstPart) ?? "") : [];
  // A 1904 workbook: the cell styles whose number format shows a date, to move those serials to the 1900 system.
  let dateStyles: ReadonlySet<number> | undefined;
  if (workbookUses1904(workbookXml)) {
    const stylesPart =
      rels.find((r) => relKind(r.type) === "styles" && r.part)?.part ??
      [resolveTarget(workbookPart, "styles.xml")].find((p) => archive.names.has(p));
    const stylesXml = stylesPart && archive.names.has(stylesPart) ? archive.text(stylesPart) : "";
    dateStyles = dateStyleIndexes(stylesXml ?? "");
  }

  // Formula results stored as 0 by a program that asks the spreadsheet to compute them on opening (recalc.ts).
  const recalculates = workbookRecalculatesOnLoad(workbookXml);
  const sheets: SheetInput[] = [];
  options.onProgress?.(0, wanted.length);
  for (const s of wanted) {
    const xml = archive.text(s.part as string) ?? "";
    const sheet = scanWorksheet(xml, sst, s.name, dateStyles, recalculates);
    if (s.hidden) sheet.hidden = true;
    sheets.push(sheet);
    options.onProgress?.(sheets.length, wanted.length);
  }
  return { sheets };
}

function selectSheets(all: SheetEntry[], names: string[] | undefined): SheetEntry[] {
  if (!names) return all;
  const picked = new Set<SheetEntry>();
  for (const n of names) {
    const hit =
      all.find((s) => s.name === n) ?? all.find((s) => s.name.toLowerCase() === n.toLowerCase());
    if (hit) picked.add(hit);
  }
  // Keep workbook order regardless of the order asked for.
  return all.filter((s) => picked.has(s));
}

/** True for the character codes that may follow an element name: whitespace, "/", ">". */
function isNameEnd(ch: number): boolean {
  return ch === 32 || ch === 62 || ch === 47 || ch === 9 || ch === 10 || ch === 13;
}

/**
 * Text of a rich string (CT_Rst: <si> or <is>) between `from` and `to`: the <t> of the string or of its runs,
 * concatenated; phonetic runs (<rPh>, furigana/pinyin guides) are not part of the value.
 */
function readRichText(
  xml: string,
  from: number,
  to: number,
  p: string,
  find: RichTextFinders = richTextFinders(xml, p)
): string {
  const plen = p.length;
  const tClose = `</${p}t>`;
  const rPhClose = `</${p}rPh>`;
  let out = "";
  let i = from;
  for (;;) {
    const lt = xml.indexOf("<", i);
    if (lt < 0 || lt >= to) break;
    let k = lt + 1;
    if (xml.charCodeAt(k) === 47 || (plen && !xml.startsWith(p, k))) {
      i = k;
      continue;
    }
    k += plen;
    const ch = xml.charCodeAt(k);
    if (ch === 116 /* t */ && isNameEnd(xml.charCodeAt(k + 1))) {
      const gt = tagClose(xml, lt);
      if (gt < 0) break;
      if (xml.charCodeAt(gt - 1) === 47) {
        i = gt + 1; // <t/>
        continue;
      }
      const te = find.tClose.next(gt);
      if (te < 0 || te > to) break;
      out += xml.slice(gt + 1, te);
      i = te + tClose.length;
    } else if (
      ch === 114 /* r */ &&
      xml.startsWith("Ph", k + 1) &&
      isNameEnd(xml.charCodeAt(k + 3))
    ) {
      const gt = tagClose(xml, lt);
      if (gt < 0) break;
      if (xml.charCodeAt(gt - 1) === 47) {
        i = gt + 1;
        continue;
      }
      const e = find.rPhClose.next(gt);
      if (e < 0 || e > to) break;
      i = e + rPhClose.length;
    } else {
      i = k;
    }
  }
  return decodeText(out);
}

interface RichTextFinders {
  tClose: ForwardFinder;
  rPhClose: ForwardFinder;
}

function richTextFinders(xml: string, p: string): RichTextFinders {
  return {
    tClose: new ForwardFinder(xml, `</${p}t>`),
    rPhClose: new ForwardFinder(xml, `</${p}rPh>`),
  };
}

/** The shared string table, in index order. */
export function parseSharedStrings(xml: string): string[] {
  const p = rootPrefix(xml);
  const siOpen = `<${p}si`;
  const siClose = `</${p}si>`;
  const find = richTextFinders(xml, p);
  const siCloseFinder = new ForwardFinder(xml, siClose);
  const out: string[] = [];
  let i = 0;
  for (;;) {
    i = xml.indexOf(siOpen, i);
    if (i < 0) break;
    if (!isNameEnd(xml.charCodeAt(i + siOpen.length))) {
      i += siOpen.length;
      continue;
    }
    const gt = tagClose(xml, i);
    if (gt < 0) break;
    if (xml.charCodeAt(gt - 1) === 47) {
      out.push("");
      i = gt + 1;
      continue;
    }
    let e = siCloseFinder.next(gt);
    if (e < 0) e = xml.length;
    out.push(readRichText(xml, gt + 1, e, p, find));
    i = e + siClose.length;
  }
  return out;
}

/**
 * ISO 8601 (t="d" cells, written by a few tools) → Excel serial number, so all dates look alike downstream. The text
 * names the day itself, so the serial is the 1900 system's whatever the workbook's date system.
 */
function isoToSerial(s: string): RawCell {
  const hasZone = /(?:[zZ]|[+-]\d\d:?\d\d)$/.test(s);
  const ms = Date.parse(hasZone || !/T/.test(s) ? s : `${s}Z`);
  return Number.isFinite(ms) ? ms / 86400000 + 25569 : s;
}

/** The lexical form of a decimal xsd:double (INF and NaN aside), whitespace around it allowed. */
const XSD_DOUBLE = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/** Excel's grid: 16,384 columns (A–XFD) × 1,048,576 rows. */
const MAX_COLS = 16384;
const MAX_ROWS = 1048576;

function outOfRange(sheet: string, where: string): XlsxReadError {
  return new XlsxReadError(
    "out-of-range",
    `sheet "${sheet}" has a cell beyond Excel's last cell XFD1048576 (${where})`,
    where
  );
}

/**
 * Scans one worksheet part. Exported for tests and benchmarks.
 * @param dateStyles only for a workbook in the 1904 date system: the cell styles (`s`) whose number format shows a
 *   date; a number in such a cell is moved to the 1900 system (+1462 days).
 * @param zeroFormulasUncached the workbook asks to recalculate on load (recalc.ts): a formula whose stored result is
 *   0 has no real result and is listed with the uncached formulas instead of read as 0.
 */
export function scanWorksheet(
  xml: string,
  sst: readonly string[],
  name: string,
  dateStyles?: ReadonlySet<number>,
  zeroFormulasUncached = false
): SheetInput {
  const p = rootPrefix(xml);
  const plen = p.length;
  const rows: RawCell[][] = [];
  const hiddenRows: number[] = [];
  const merges: MergedRange[] = [];

  let start = xml.indexOf(`<${p}sheetData`);
  let end = start;
  if (start >= 0) {
    const gt = tagClose(xml, start);
    if (gt > 0 && xml.charCodeAt(gt - 1) !== 47) {
      start = gt + 1;
      end = xml.indexOf(`</${p}sheetData>`, start);
      if (end < 0) end = xml.length;
    } else {
      end = start = gt + 1;
    }
  } else {
    start = end = 0;
  }

  const cClose = `</${p}c>`;
  const vOpen = `<${p}v`;
  const vClose = `</${p}v>`;
  const isOpen = `<${p}is`;
  const isClose = `</${p}is>`;
  const cCloseF = new ForwardFinder(xml, cClose);
  const vOpenF = new ForwardFinder(xml, vOpen);
  const vCloseF = new ForwardFinder(xml, vClose);
  const isOpenF = new ForwardFinder(xml, isOpen);
  const isCloseF = new ForwardFinder(xml, isClose);
  const rich = richTextFinders(xml, p);
  const fOpen = `<${p}f`;
  const fOpenF = new ForwardFinder(xml, fOpen);
  const uncached: { row: number; col: number }[] = [];

  let rowIdx = -1;
  let col = -1;
  let pos = start;
  while (pos < end) {
    const lt = xml.indexOf("<", pos);
    if (lt < 0 || lt >= end) break;
    const c1 = xml.charCodeAt(lt + 1);
    if (c1 === 47 /* / */) {
      pos = lt + 2; // a close tag holds no "<"; the next search jumps over it
      continue;
    }
    if (c1 === 33 /* ! */ || c1 === 63 /* ? */) {
      // Comment / CDATA / PI inside sheetData: never written by Excel, but do not misread one.
      const close = xml.startsWith("<!--", lt)
        ? "-->"
        : xml.startsWith("<![CDATA[", lt)
          ? "]]>"
          : ">";
      const e = xml.indexOf(close, lt + 2);
      pos = e < 0 ? end : e + close.length;
      continue;
    }
    let k = lt + 1;
    if (plen) {
      if (!xml.startsWith(p, k)) {
        pos = k;
        continue;
      }
      k += plen;
    }
    const ch = xml.charCodeAt(k);
    const isCell = ch === 99 /* c */ && isNameEnd(xml.charCodeAt(k + 1));
    const isRow =
      !isCell &&
      ch === 114 /* r */ &&
      xml.charCodeAt(k + 1) === 111 &&
      xml.charCodeAt(k + 2) === 119 &&
      isNameEnd(xml.charCodeAt(k + 3));
    if (!isCell && !isRow) {
      pos = k; // another element (e.g. a row's extLst); its content is skipped by the "<" search
      continue;
    }

    // Attributes: only r / t (cells), s (cells of a 1904 workbook) and r / hidden (rows) matter.
    let j = isCell ? k + 1 : k + 3;
    let rS = -1;
    let rE = -1;
    let tS = -1;
    let tE = -1;
    let style = 0;
    let hidden = false;
    let selfClosing = false;
    for (;;) {
      let c = xml.charCodeAt(j);
      while (c === 32 || c === 9 || c === 10 || c === 13) c = xml.charCodeAt(++j);
      if (c === 62 /* > */) {
        j++;
        break;
      }
      if (c === 47 /* / */) {
        selfClosing = true;
        j = xml.indexOf(">", j) + 1;
        break;
      }
      if (Number.isNaN(c)) {
        j = end;
        break;
      }
      const nS = j;
      while (c !== 61 /* = */ && !Number.isNaN(c)) c = xml.charCodeAt(++j);
      let nE = j;
      while (nE > nS && xml.charCodeAt(nE - 1) <= 32) nE--;
      j++;
      c = xml.charCodeAt(j);
      while (c === 32 || c === 9 || c === 10 || c === 13) c = xml.charCodeAt(++j);
      const vS = j + 1;
      const vE = xml.indexOf(c === 39 ? "'" : '"', vS);
      if (vE < 0) {
        j = end;
        break;
      }
      j = vE + 1;
      const nl = nE - nS;
      if (nl === 1) {
        const a = xml.charCodeAt(nS);
        if (a === 114 /* r */) {
          rS = vS;
          rE = vE;
        } else if (a === 116 /* t */ && isCell) {
          tS = vS;
          tE = vE;
        } else if (a === 115 /* s */ && isCell && dateStyles) {
          style = Number(xml.slice(vS, vE));
        }
      } else if (nl === 6 && isRow && xml.startsWith("hidden", nS)) {
        const v = xml.slice(vS, vE);
        hidden = v === "1" || v === "true";
      }
    }

    if (isRow) {
      if (rS >= 0) {
        let n = 0;
        for (let q = rS; q < rE && n <= MAX_ROWS; q++) n = n * 10 + (xml.charCodeAt(q) - 48);
        rowIdx = n - 1;
      } else rowIdx++;
      if (rowIdx >= MAX_ROWS) throw outOfRange(name, `row ${rowIdx + 1}`);
      col = -1;
      if (hidden) hiddenRows.push(rowIdx);
      pos = j;
      continue;
    }

    // Cell position: from r="AB12", else the next column of the current row.
    let cellRow = rowIdx < 0 ? 0 : rowIdx;
    if (rS >= 0) {
      let cc = 0;
      let q = rS;
      for (; q < rE && cc <= MAX_COLS; q++) {
        const code = xml.charCodeAt(q);
        if (code >= 65 && code <= 90) cc = cc * 26 + code - 64;
        else if (code >= 97 && code <= 122) cc = cc * 26 + code - 96;
        else if (code !== 36 /* $ */) break;
      }
      let rr = 0;
      for (; q < rE && rr <= MAX_ROWS; q++) {
        const code = xml.charCodeAt(q);
        if (code >= 48 && code <= 57) rr = rr * 10 + code - 48;
      }
      col = cc - 1;
      if (rr > 0) cellRow = rr - 1;
    } else col++;
    // Excel's grid ends at XFD1048576; a reference past it is damage, and storing it would make a giant array.
    if (col >= MAX_COLS || cellRow >= MAX_ROWS)
      throw outOfRange(name, xml.slice(rS, Math.min(rE, rS + 24)) || `column ${col + 1}`);

    if (selfClosing) {
      pos = j;
      continue;
    }
    let ce = cCloseF.next(j);
    if (ce < 0 || ce > end) ce = end;
    pos = ce + cClose.length;

    // Type: absent/"n" number, "s" shared string, "str" formula string, "inlineStr", "b", "e", "d".
    const tl = tE - tS;
    const t0 = tS >= 0 ? xml.charCodeAt(tS) : 110; /* n */

    let value: RawCell;
    if (t0 === 105 /* i(nlineStr) */) {
      const is = isOpenF.next(j);
      if (is >= 0 && is < ce) {
        let ie = isCloseF.next(is);
        if (ie < 0 || ie > ce) ie = ce;
        value = readRichText(xml, is + isOpen.length, ie, p, rich);
      }
    }
    if (value === undefined) {
      // Find <v> (or <x:v>), skipping e.g. an earlier <f> (formula text cannot contain "<").
      let vs = vOpenF.next(j);
      while (vs >= 0 && vs < ce && !isNameEnd(xml.charCodeAt(vs + vOpen.length)))
        vs = vOpenF.next(vs + 1);
      if (vs < 0 || vs >= ce) {
        // A formula with no cached result (written by a program, never opened in Excel): no value to read,
        // but not an empty cell either — the engine says so once per sheet.
        if (col >= 0 && hasElement(fOpenF, fOpen, j, ce)) uncached.push({ row: cellRow, col });
        continue;
      }
      const gt = xml.indexOf(">", vs);
      if (xml.charCodeAt(gt - 1) === 47) {
        if (col >= 0 && hasElement(fOpenF, fOpen, j, ce)) uncached.push({ row: cellRow, col });
        continue; // <v/>
      }
      let ve = vCloseF.next(gt);
      if (ve < 0 || ve > ce) ve = ce;
      const raw = xml.slice(gt + 1, ve);
      if (t0 === 110 /* n */ && tl <= 1) {
        const num = raw.length === 0 ? NaN : Number(raw);
        // Number() also reads "  " as 0 and "0x1A", "0b11", "0o17" as integers; xsd:double has none of them. Only a
        // value that could be one of those (0, or a leading "0" or space) is checked against the grammar.
        const c0 = raw.charCodeAt(0);
        const suspect = num === 0 || c0 === 48 || c0 <= 32;
        if (Number.isNaN(num) || (suspect && !XSD_DOUBLE.test(raw))) {
          const text = raw.trim();
          if (text === "") {
            if (col >= 0 && hasElement(fOpenF, fOpen, j, ce)) uncached.push({ row: cellRow, col });
            continue;
          }
          value = text;
        } else if (
          num === 0 &&
          zeroFormulasUncached &&
          col >= 0 &&
          hasElement(fOpenF, fOpen, j, ce)
        ) {
          // A placeholder a program wrote for a result it never computed (recalc.ts), not a 0.
          uncached.push({ row: cellRow, col });
          continue;
        } else value = dateStyles?.has(style) ? num + DATE1904_OFFSET : num;
      } else if (t0 === 115 /* s */) {
        if (tl === 1) {
          const k = raw.trim();
          if (k === "") continue;
          const idx = /^\d+$/.test(k) ? Number(k) : -1;
          if (idx < 0 || idx >= sst.length) {
            // A text cell pointing past the table: guessing (the number itself, a blank) could name a school 「5」.
            const cell = `${columnLetter(Math.max(0, col))}${cellRow + 1}`;
            throw new XlsxReadError(
              "bad-shared-string",
              `cell ${name}!${cell} refers to shared string ${k}, but the table has ${sst.length}`,
              `${name}!${cell}`
            );
          }
          value = sst[idx];
        } else value = decodeText(raw); // "str": a formula's string result
      } else if (t0 === 98 /* b */) {
        const r = raw.trim();
        value = r === "1" || r === "true";
      } else if (t0 === 101 /* e */) {
        value = decodeText(raw).trim();
      } else if (t0 === 100 /* d */) {
        value = raw.trim() ? isoToSerial(raw.trim()) : undefined;
      } else {
        value = decodeText(raw);
      }
    }
    if (value === undefined || col < 0) continue;
    const row = rows[cellRow] ?? (rows[cellRow] = []);
    row[col] = value;
  }

  // <mergeCells> comes after <sheetData>.
  const mOpen = `<${p}mergeCell`;
  let m = xml.indexOf(mOpen, end);
  while (m >= 0) {
    const after = xml.charCodeAt(m + mOpen.length);
    const gt = tagClose(xml, m);
    if (gt < 0) break;
    if (after !== 115 /* s: <mergeCells> */) {
      const ref = parseAttrs(xml.slice(m, gt + 1)).get("ref");
      const range = ref ? parseRangeOrSkip(ref) : undefined;
      if (range) merges.push(range);
    }
    m = xml.indexOf(mOpen, gt);
  }

  const sheet: SheetInput = { name, rows, merges, hiddenRows };
  if (uncached.length) sheet.uncachedFormulas = uncached;
  const dataAt = xml.indexOf(`<${p}sheetData`);
  const pane = frozenPane(xml, p, dataAt);
  if (pane) sheet.frozenPane = pane;
  const hiddenCols = hiddenColumns(xml, p, dataAt, rows);
  if (hiddenCols.length) sheet.hiddenCols = hiddenCols;
  return sheet;
}

/**
 * Hidden columns (`<cols><col min="3" max="5" hidden="1"/></cols>`, before <sheetData>), 0-based and ascending, up
 * to the last column holding a value: a sheet often hides every unused column to its right, up to XFD, and no table
 * reads a column without values.
 */
export function hiddenColumns(
  xml: string,
  p: string,
  before: number,
  rows: readonly (readonly RawCell[] | undefined)[]
): number[] {
  // Only the part before <sheetData> is searched: a search of the whole part would scan every cell for nothing.
  const head = before < 0 ? xml : xml.slice(0, before);
  const open = `<${p}col`;
  const ranges: [number, number][] = [];
  for (let i = head.indexOf(open); i >= 0; i = head.indexOf(open, i + open.length)) {
    if (!isNameEnd(head.charCodeAt(i + open.length))) continue; // <cols>
    const gt = tagClose(head, i);
    if (gt < 0) break;
    const a = parseAttrs(head.slice(i, gt + 1));
    const h = (a.get("hidden") ?? "").trim();
    if (h !== "1" && h !== "true") continue;
    const min = Number(a.get("min"));
    const max = Number(a.get("max") ?? min);
    if (Number.isInteger(min) && Number.isInteger(max) && min >= 1 && max >= min)
      ranges.push([min - 1, Math.min(max, MAX_COLS) - 1]);
  }
  if (!ranges.length) return [];
  let width = 0;
  rows.forEach((r) => {
    if (r && r.length > width) width = r.length;
  });
  const out = new Set<number>();
  for (const [from, to] of ranges) for (let c = from; c <= Math.min(to, width - 1); c++) out.add(c);
  return [...out].sort((x, y) => x - y);
}

/**
 * The first sheet view's freeze pane (`<sheetView><pane xSplit ySplit state="frozen"/>`), which comes before
 * <sheetData>: how many rows and columns stay in view. A split that is not frozen (its sizes are in twips) is not one.
 */
export function frozenPane(
  xml: string,
  p: string,
  before: number
): { rows: number; cols: number } | undefined {
  const limit = before < 0 ? xml.length : before;
  const open = `<${p}pane`;
  let i = xml.indexOf(open);
  while (i >= 0 && i < limit && !isNameEnd(xml.charCodeAt(i + open.length)))
    i = xml.indexOf(open, i + 1);
  if (i < 0 || i >= limit) return undefined;
  const gt = tagClose(xml, i);
  if (gt < 0) return undefined;
  const a = parseAttrs(xml.slice(i, gt + 1));
  const state = a.get("state");
  if (state !== "frozen" && state !== "frozenSplit") return undefined;
  const count = (v: string | undefined): number => {
    const n = v === undefined ? 0 : Number(v);
    return Number.isFinite(n) && n > 0 ? Math.min(Math.floor(n), 1000) : 0;
  };
  const rows = count(a.get("ySplit"));
  const cols = count(a.get("xSplit"));
  return rows || cols ? { rows, cols } : undefined;
}

/** An element `open` ("<f", "<x:f") starts between `from` and `to`. */
function hasElement(find: ForwardFinder, open: string, from: number, to: number): boolean {
  // Through the finder: a plain indexOf here would rescan to the end of the part for every cell without <f>.
  let i = find.next(from);
  while (i >= 0 && i < to) {
    if (isNameEnd(find.charAfter(i + open.length))) return true;
    i = find.next(i + 1);
  }
  return false;
}

function parseRangeOrSkip(ref: string): MergedRange | undefined {
  try {
    return parseRange(ref);
  } catch {
    return undefined; // not a cell range; ignore rather than fail the whole read
  }
}
