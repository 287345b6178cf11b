/**
 * writeMarkedCopy: a copy of an .xlsx with cells filled and annotated, plus an optional report sheet.
 *
 * The copy is produced by editing only the package parts that must change (string splices on their text) and passing
 * every other entry through with identical content. Round-tripping through a workbook model (exceljs, SheetJS) would
 * drop charts, pivot caches, slicers, form controls and anything else the model does not know.
 *
 * Parts that may change: xl/styles.xml, the marked worksheets, their .rels, their comments and VML parts (appended
 * to when they exist), xl/workbook.xml and its .rels (report sheet only), [Content_Types].xml. New parts: comments,
 * VML drawings, sheet .rels, the report worksheet. Parts left out: junheng's own comments and VML parts (and a sheet
 * .rels it created) of a marked copy whose sheet has no note any more. See docs/xlsx-writer.md.
 */
import {
  strongerMark,
  type CellMark,
  type MarkKind,
  type ReportSheetSpec,
} from "../../present/marks";
import { parseAddress } from "../../engine/workbook";
import {
  appendToCommentsXml,
  appendToVml,
  isEmptyOwnComments,
  isEmptyOwnVml,
  newCommentsXml,
  newVml,
  removeOwnNotes,
  removeVmlNotes,
  vmlBlocks,
  type NoteToAdd,
} from "./notes";
import {
  checkSignature,
  EntryNames,
  PackageArchive,
  parseRels,
  parseWorkbookSheets,
  relativeTarget,
  relKind,
  relsPathFor,
  workbookPartFromRootRels,
  XlsxReadError,
  type Relationship,
  type SheetEntry,
} from "./package";
import type { Crc32, InflateRaw } from "./zip";
import { buildReportSheetXml } from "./report";
import {
  cellsWithStyles,
  markWorksheet,
  prefixFor,
  restoreStyles,
  worksheetChildren,
  type PlannedMark,
} from "./sheet-edit";
import {
  CUSTOM_XML_PROPS_CT,
  isCustomXmlItem,
  isRecordXml,
  parseRecord,
  recordPropsXml,
  recordRelsXml,
  recordXml,
  type MarkRecord,
} from "./markRecord";
import { applySplices, type Splice } from "./splice";
import { concatChunks, plausibleSizes, ZipWriter } from "./zipWrite";
import { defaultStylesXml, StylesEditor } from "./styles";
import {
  attrByLocalName,
  childElements,
  decodeForEdit,
  encodeText,
  escapeAttr,
  parseAttrs,
  rootTag,
  type TextEncoding,
} from "./xml";

export interface MarkedCopy {
  /** The whole copy (joined on first use from `chunks`). */
  readonly bytes: Uint8Array;
  /** The copy as chunks to write in order: a large copy need not be held twice. */
  chunks: Uint8Array[];
  /** Name the report sheet got (the requested name, or "name (2)"… when a sheet already had it). */
  reportSheetName?: string;
  /**
   * A marked copy marked again whose record of the styles junheng replaced is gone (`no-record`) or no longer
   * matches styles.xml (`record-mismatch`: another program renumbered the styles): `cells` cells that are not
   * marked now still carry an earlier mark's fill, left as they are (their original style is not known).
   */
  unrestored?: { cells: number; reason: "no-record" | "record-mismatch" };
}

/** Namespaces: Transitional (what Excel writes by default) or Strict ("Strict Open XML Spreadsheet"). */
interface Namespaces {
  main: string;
  rel: string;
  relType: (kind: string) => string;
}

const TRANSITIONAL: Namespaces = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  relType: (k) => `http://schemas.openxmlformats.org/officeDocument/2006/relationships/${k}`,
};
const STRICT: Namespaces = {
  main: "http://purl.oclc.org/ooxml/spreadsheetml/main",
  rel: "http://purl.oclc.org/ooxml/officeDocument/relationships",
  relType: (k) => `http://purl.oclc.org/ooxml/officeDocument/relationships/${k}`,
};

const CT = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  rels: "application/vnd.openxmlformats-package.relationships+xml",
};
const PKG_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Entries that are already compressed; deflating them again only costs time. */
const STORED_EXT = /\.(png|jpe?g|gif|zip|xlsx|docx|pptx|wdp|mp3|mp4)$/i;

/**
 * Writes a marked copy of `bytes` (the input is not modified).
 *
 * - Each marked cell gets a solid fill (light red for "standard", light yellow for "data") on a clone of its own
 *   style, and a note with `mark.note`. Several marks on one cell are merged: notes joined by newlines, the data fill
 *   wins (strongerMark in src/present/marks.ts). A cell that already has a user note keeps it; junheng's text is appended after a blank line.
 * - `report`, when given, is added as the last sheet — or replaces junheng's earlier report sheet in place
 *   (`options.replaceReportSheet`), so a marked copy marked again has one report sheet. Notes junheng wrote
 *   earlier (comments by the author "junheng", or its paragraph after a user's note) are replaced, not stacked.
 *
 * @throws XlsxReadError when the input is not a usable .xlsx; Error for a mark on an unknown sheet or bad address.
 */
export interface WriteMarkedCopyOptions {
  /** The raw-DEFLATE inflater for the parts that change (default fflate's; the CLI passes Node's zlib). */
  inflateRaw?: InflateRaw;
  /** The CRC-32 each part read is checked against (default: the portable one; the CLI passes zlib's). */
  crc32?: Crc32;
  /** Cap on the total inflated size (default: defaultInflateCap of the file's size). */
  maxInflatedBytes?: number;
  /**
   * junheng's report sheet already in the input (a marked copy, found by isJunhengReportSheet): `report` replaces
   * its content in place, under its name, instead of adding a second report sheet.
   */
  replaceReportSheet?: string;
  /**
   * Progress, as the share of the work done (0 … 1): the marked sheets by the size of their XML (together
   * `EDIT_SHARE`), then the parts that are deflated, by their size. Called often; throttle it when it posts.
   */
  onProgress?: (fraction: number) => void;
}

/** The share of a marked copy's time spent editing the sheets (the rest is deflating the parts that changed). */
const EDIT_SHARE = 0.45;

export function writeMarkedCopy(
  bytes: Uint8Array,
  marks: CellMark[],
  report?: ReportSheetSpec,
  options: WriteMarkedCopyOptions = {}
): MarkedCopy {
  checkSignature(bytes);
  const pkg = new Package(
    new PackageArchive(bytes, options.inflateRaw, options.maxInflatedBytes, options.crc32)
  );

  const workbookPart = workbookPartFromRootRels(pkg.text("_rels/.rels"));
  const workbookXml = pkg.text(workbookPart);
  if (workbookXml === undefined)
    throw new XlsxReadError("corrupt", "the archive has no workbook part (is it an .xlsx file?)");
  const ns = workbookXml.includes(STRICT.main) ? STRICT : TRANSITIONAL;
  const wbRels = new RelsEditor(pkg, workbookPart);
  const sheets = parseWorkbookSheets(workbookXml, wbRels.list);
  if (!sheets.some((s) => s.kind === "worksheet"))
    throw new XlsxReadError("empty", "the workbook has no worksheets");
  const types = new ContentTypes(pkg);

  // Styles: the existing part, or a minimal new one for packages that have none.
  const stylesRel = wbRels.list.find((r) => relKind(r.type) === "styles" && r.part)?.part;
  const stylesIsNew = !(stylesRel && pkg.has(stylesRel));
  const stylesPart = stylesRel ?? pkg.freshName((n) => `xl/styles${n === 1 ? "" : n}.xml`);
  const styles = new StylesEditor(
    stylesIsNew ? defaultStylesXml(ns.main) : (pkg.text(stylesPart) as string)
  );
  if (stylesIsNew) {
    if (!stylesRel) wbRels.add(ns.relType("styles"), stylesPart);
    types.override(stylesPart, CT.styles);
  }

  // Both mark fills are appended whenever something is marked, so their ids do not depend on which kinds occur.
  if (marks.length) {
    styles.fillFor("standard");
    styles.fillFor("data");
  }

  // idmap blocks of every VML drawing, so new shape ids never collide across sheets.
  const usedBlocks = new Set<number>();
  for (const name of pkg.names())
    if (/\.vml$/i.test(name)) for (const b of vmlBlocks(pkg.text(name) ?? "")) usedBlocks.add(b);

  // A marked copy marked again (docs/xlsx-writer.md): junheng's record says which styles are its clones and what
  // each was cloned from. When it still matches styles.xml, every cell is first given back its original style
  // (then marked again from it); when it is gone or no longer matches, cells that carry junheng's fill and are not
  // marked now are counted and left as they are — never guessed.
  const found = findRecord(pkg);
  const restore = found?.record ? styles.adoptRecord(found.record.clones) : null;
  const isCopy = !!found || options.replaceReportSheet !== undefined;
  const markFilled = isCopy && !restore ? styles.markFilledXfs() : undefined;
  let unrestored = 0;

  const grouped = groupMarks(marks, sheets);
  const reportName = options.replaceReportSheet?.toLowerCase();
  const todo = sheets.filter(
    (s) =>
      grouped.has(s) ||
      (isCopy &&
        s.kind === "worksheet" &&
        !!s.part &&
        pkg.has(s.part) &&
        s.name.toLowerCase() !== reportName)
  );
  const progress = options.onProgress;
  // Each sheet's share of the edit phase: its stored size (known without inflating it), at least 1.
  const weights = todo.map((s) => Math.max(1, pkg.storedSize(s.part as string)));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  let weightDone = 0;
  progress?.(0);
  for (const [i, entry] of todo.entries()) {
    const cells = grouped.get(entry) ?? [];
    const sheetPart = entry.part as string;
    let sheetXml = pkg.text(sheetPart);
    if (sheetXml === undefined)
      throw new XlsxReadError("corrupt", `the part of sheet "${entry.name}" is missing`);
    if (restore?.size) sheetXml = restoreStyles(sheetXml, restore).xml;
    if (markFilled?.size) {
      const marked = new Set(cells.map((c) => `${c.row},${c.col}`));
      unrestored += cellsWithStyles(sheetXml, markFilled).filter(
        (c) => !marked.has(`${c.row},${c.col}`)
      ).length;
    }
    const notes: NoteToAdd[] = cells
      .filter((c) => c.note !== "")
      .map((c) => ({ row: c.row, col: c.col, text: c.note }));
    let legacyRid: string | undefined;
    const { children } = worksheetChildren(sheetXml);
    const legacyEl = children.find((c) => c.name === "legacyDrawing");
    const hasRels = pkg.has(relsPathFor(sheetPart));
    if (notes.length || (isCopy && hasRels)) {
      const rels = new RelsEditor(pkg, sheetPart);
      const legacyId = legacyEl
        ? attrByLocalName(
            parseAttrs(sheetXml.slice(legacyEl.open.start, legacyEl.open.end)),
            "id",
            true
          )
        : undefined;
      const vmlRel = legacyId ? rels.list.find((r) => r.id === legacyId) : undefined;
      const commentsRel = rels.list.find((r) => relKind(r.type) === "comments" && !r.external);

      // junheng's earlier notes on cells that get none now are taken away (the cell's own note stays).
      if (isCopy && commentsRel?.part && pkg.has(commentsRel.part)) {
        const noted = new Set(notes.map((n) => `${n.row},${n.col}`));
        const r = removeOwnNotes(pkg.text(commentsRel.part) as string, (row, col) =>
          noted.has(`${row},${col}`)
        );
        pkg.setText(commentsRel.part, r.xml);
        if (r.removed.length && vmlRel?.part && pkg.has(vmlRel.part))
          pkg.setText(vmlRel.part, removeVmlNotes(pkg.text(vmlRel.part) as string, r.removed));
        // The parts junheng created for a sheet that had no comments, now holding none, are deleted with their
        // relationships, content types and the sheet's <legacyDrawing>: the sheet is as it was before it was marked.
        // (Recognised by their exact text: a user's comments part or drawing never reads like junheng's empty one.)
        if (!notes.length && isEmptyOwnComments(r.xml, ns.main)) {
          pkg.delete(commentsRel.part);
          rels.remove(commentsRel.id);
          types.removeOverride(commentsRel.part);
          if (vmlRel?.part && isEmptyOwnVml(pkg.text(vmlRel.part) ?? "")) {
            pkg.delete(vmlRel.part);
            rels.remove(vmlRel.id);
            types.dropOwnDefault("vml", CT.vml);
            if (legacyEl)
              sheetXml = applySplices(sheetXml, [
                { start: legacyEl.start, end: legacyEl.end, text: "" },
              ]);
          }
        }
      }

      if (notes.length) {
        // Comments part: append to the sheet's own, else create one.
        let added = notes;
        if (commentsRel?.part && pkg.has(commentsRel.part)) {
          const r = appendToCommentsXml(pkg.text(commentsRel.part) as string, notes);
          pkg.setText(commentsRel.part, r.xml);
          added = r.added;
        } else {
          const part = commentsRel?.part ?? pkg.freshName((n) => `xl/comments${n}.xml`);
          pkg.create(part, newCommentsXml(ns.main, notes));
          if (!commentsRel) rels.add(ns.relType("comments"), part);
          types.override(part, CT.comments);
        }

        // VML drawing: one Note shape per new comment.
        if (vmlRel?.part && pkg.has(vmlRel.part)) {
          pkg.setText(vmlRel.part, appendToVml(pkg.text(vmlRel.part) as string, added, usedBlocks));
        } else {
          const part = vmlRel?.part ?? pkg.freshName((n) => `xl/drawings/vmlDrawing${n}.vml`);
          pkg.create(part, newVml(added, usedBlocks));
          if (!vmlRel) legacyRid = rels.add(ns.relType("vmlDrawing"), part);
          if (!types.hasDefault("vml")) types.addDefault("vml", CT.vml);
        }
        // A <legacyDrawing> without a resolvable relationship cannot be reused; the sheet keeps its own element.
        if (legacyEl && !vmlRel) legacyRid = undefined;
      }
      rels.save();
    }
    if (cells.length) sheetXml = markWorksheet(sheetXml, cells, styles, legacyRid, ns.rel);
    pkg.setText(sheetPart, sheetXml);
    weightDone += weights[i];
    progress?.((EDIT_SHARE * weightDone) / weightSum);
  }

  let reportSheetName: string | undefined;
  const previous = options.replaceReportSheet
    ? sheets.find(
        (s) =>
          s.kind === "worksheet" &&
          !!s.part &&
          pkg.has(s.part) &&
          s.name.toLowerCase() === options.replaceReportSheet?.toLowerCase()
      )
    : undefined;
  if (report && previous?.part) {
    pkg.setText(previous.part, buildReportSheetXml(report, styles, ns.main, ns.rel));
    reportSheetName = previous.name;
  } else if (report) {
    reportSheetName = uniqueSheetName(
      report.name,
      sheets.map((s) => s.name)
    );
    const part = pkg.freshName((n) => `xl/worksheets/sheet${n}.xml`);
    pkg.create(part, buildReportSheetXml(report, styles, ns.main, ns.rel));
    types.override(part, CT.worksheet);
    const rid = wbRels.add(ns.relType("worksheet"), part);
    pkg.setText(
      workbookPart,
      addSheetToWorkbook(workbookXml, reportSheetName, sheets, rid, ns.rel)
    );
  }

  // The record for the next time this copy is marked: every clone in styles.xml (the earlier copy's and this run's).
  const record = styles.cloneRecord();
  if (record.clones.length || found) {
    const xml = recordXml(record);
    if (found) pkg.setText(found.part, xml);
    else {
      let n = 1;
      while (pkg.has(`customXml/item${n}.xml`) || pkg.has(`customXml/itemProps${n}.xml`)) n++;
      const item = `customXml/item${n}.xml`;
      const props = `customXml/itemProps${n}.xml`;
      pkg.create(item, xml);
      pkg.create(props, recordPropsXml());
      pkg.create(
        relsPathFor(item),
        recordRelsXml(`itemProps${n}.xml`, ns.relType("customXmlProps"))
      );
      wbRels.add(ns.relType("customXml"), item);
      types.override(props, CUSTOM_XML_PROPS_CT);
      if (!types.hasDefault("xml")) types.override(item, "application/xml");
    }
  }

  if (stylesIsNew) pkg.create(stylesPart, styles.toString());
  else if (styles.isChanged) pkg.setText(stylesPart, styles.toString());
  wbRels.save();
  types.save();
  const chunks = pkg.zip(
    progress && ((done, total) => progress(EDIT_SHARE + ((1 - EDIT_SHARE) * done) / total))
  );
  let joined: Uint8Array | undefined;
  return {
    chunks,
    get bytes(): Uint8Array {
      return (joined ??= concatChunks(chunks));
    },
    reportSheetName,
    ...(unrestored
      ? { unrestored: { cells: unrestored, reason: found ? "record-mismatch" : "no-record" } }
      : {}),
  };
}

/** junheng's record among the package's custom XML parts (found by its namespace, wherever it is linked from). */
function findRecord(pkg: Package): { part: string; record: MarkRecord | null } | undefined {
  for (const name of pkg.names()) {
    if (!isCustomXmlItem(name)) continue;
    const xml = pkg.text(name);
    if (xml !== undefined && isRecordXml(xml)) return { part: name, record: parseRecord(xml) };
  }
  return undefined;
}

interface MergedMark extends PlannedMark {
  note: string;
}

/** Marks grouped by sheet, merged per cell, validated. */
function groupMarks(marks: CellMark[], sheets: SheetEntry[]): Map<SheetEntry, MergedMark[]> {
  const bySheet = new Map<SheetEntry, Map<string, MergedMark>>();
  for (const m of marks) {
    const entry =
      sheets.find((s) => s.name === m.sheet) ??
      sheets.find((s) => s.name.toLowerCase() === m.sheet.toLowerCase());
    if (!entry) throw new Error(`mark for unknown sheet "${m.sheet}"`);
    if (entry.kind !== "worksheet" || !entry.part)
      throw new Error(`sheet "${m.sheet}" is not a worksheet`);
    const { row, col } = parseAddress(m.cell);
    if (row < 0 || row > 1048575 || col < 0 || col > 16383)
      throw new Error(`cell ${m.cell} is outside the sheet`);
    const cells = bySheet.get(entry) ?? new Map<string, MergedMark>();
    bySheet.set(entry, cells);
    const key = `${row},${col}`;
    const prev = cells.get(key);
    if (!prev) cells.set(key, { row, col, kind: m.kind, note: m.note });
    else {
      const kind: MarkKind = strongerMark(prev.kind, m.kind);
      const note = [prev.note, m.note].filter((s) => s !== "").join("\n");
      cells.set(key, { row, col, kind, note });
    }
  }
  return new Map([...bySheet].map(([k, v]) => [k, [...v.values()]]));
}

const FORBIDDEN = /[[\]:*?/\\]/g;

/** Truncates to at most `max` UTF-16 units without splitting a surrogate pair. */
function truncate(s: string, max: number): string {
  let out = "";
  for (const ch of s) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

/** A legal (≤ 31 chars, no []:*?/\, no edge apostrophes) sheet name not used yet (case-insensitive). */
export function uniqueSheetName(wanted: string, existing: string[]): string {
  let base = wanted
    .replace(FORBIDDEN, "_")
    .replace(/^'+|'+$/g, "")
    .trim();
  if (!base) base = "Report";
  base = truncate(base, 31);
  // "History" is reserved by Excel.
  const taken = new Set([...existing.map((s) => s.toLowerCase()), "history"]);
  if (!taken.has(base.toLowerCase())) return base;
  for (let k = 2; ; k++) {
    const suffix = ` (${k})`;
    const name = truncate(base, 31 - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

function addSheetToWorkbook(
  xml: string,
  name: string,
  sheets: SheetEntry[],
  rid: string,
  relNs: string
): string {
  const root = rootTag(xml);
  if (!root) throw new XlsxReadError("corrupt", "workbook part has no root element");
  const colon = root.qname.indexOf(":");
  const p = colon >= 0 ? root.qname.slice(0, colon + 1) : "";
  const sheetsEl = childElements(xml, root).find((c) => c.name === "sheets");
  if (!sheetsEl) throw new XlsxReadError("corrupt", "workbook part has no <sheets>");
  const sheetId = Math.max(0, ...sheets.map((s) => s.sheetId).filter(Number.isFinite)) + 1;
  const r = prefixFor(xml, root, relNs);
  const ridAttr = r ? `${r}:id="${rid}"` : `xmlns:r="${relNs}" r:id="${rid}"`;
  const el = `<${p}sheet name="${escapeAttr(name)}" sheetId="${sheetId}" ${ridAttr}/>`;
  if (sheetsEl.open.kind === "empty") {
    const open = xml.slice(sheetsEl.start, sheetsEl.end).replace(/\s*\/>$/, ">");
    return applySplices(xml, [
      { start: sheetsEl.start, end: sheetsEl.end, text: `${open}${el}</${sheetsEl.qname}>` },
    ]);
  }
  const at = xml.lastIndexOf("</", sheetsEl.end - 1);
  return applySplices(xml, [{ start: at, end: at, text: el }]);
}

/**
 * The package with edited and created parts. Entries are inflated only when their text is asked for; original
 * entries keep their order and, when unchanged, their stored bytes; new ones follow.
 */
class Package {
  private readonly order: readonly string[];
  private readonly index: EntryNames;
  private readonly edited = new Map<string, { text: string; encoding: TextEncoding }>();
  private readonly created = new Map<string, string>();
  private readonly cache = new Map<string, { text: string; encoding: TextEncoding }>();
  private readonly deleted = new Set<string>();

  constructor(private readonly archive: PackageArchive) {
    this.order = archive.entryNames;
    this.index = new EntryNames(this.order);
  }

  names(): string[] {
    return [...this.order.filter((n) => !this.deleted.has(n)), ...this.created.keys()];
  }

  has(part: string): boolean {
    return this.index.has(part);
  }

  private decoded(name: string): { text: string; encoding: TextEncoding } {
    let d = this.edited.get(name) ?? this.cache.get(name);
    if (!d) {
      d = decodeForEdit(this.archive.bytes(name) ?? new Uint8Array());
      this.cache.set(name, d);
    }
    return d;
  }

  /** Current text of a part (edited or created text when it was changed), undefined when absent. */
  text(part: string): string | undefined {
    const name = this.index.find(part);
    if (name === undefined) return undefined;
    const c = this.created.get(name);
    if (c !== undefined) return c;
    return this.decoded(name).text;
  }

  setText(part: string, text: string): void {
    const name = this.index.find(part);
    if (name === undefined) throw new Error(`no part ${part}`);
    if (this.created.has(name)) this.created.set(name, text);
    else {
      const d = this.decoded(name);
      if (d.text !== text) this.edited.set(name, { text, encoding: d.encoding });
    }
  }

  create(part: string, text: string): void {
    const name = part.replace(/^\//, "");
    if (this.index.has(name)) throw new Error(`part ${name} exists`);
    this.deleted.delete(name);
    this.created.set(name, text);
    this.index.add(name);
  }

  /** Leaves a part out of the copy (one junheng created in an earlier copy and no longer needs). */
  delete(part: string): void {
    const name = this.index.find(part);
    if (name === undefined) return;
    this.index.remove(name);
    this.edited.delete(name);
    this.cache.delete(name);
    if (!this.created.delete(name)) this.deleted.add(name);
  }

  /** First name `make(n)`, n = 1, 2, …, that is not taken (part names compare case-insensitively). */
  freshName(make: (n: number) => string): string {
    for (let n = 1; ; n++) {
      const name = make(n);
      if (!this.index.has(name)) return name;
    }
  }

  /** The stored (compressed) size of a part as it is in the input, 0 when it is not there. */
  storedSize(part: string): number {
    const name = this.index.find(part);
    return (name !== undefined && this.archive.stored(name)?.data.length) || 0;
  }

  /** `onProgress(done, total)`: bytes deflated of the text parts that changed or are new. */
  zip(onProgress?: (done: number, total: number) => void): Uint8Array[] {
    const w = new ZipWriter();
    // Folder entries and already-compressed media are stored; everything else is deflated.
    const store = (name: string): boolean => STORED_EXT.test(name) || name.endsWith("/");
    // Text lengths stand for byte counts (close enough for a progress bar, and known before encoding).
    let total = 0;
    for (const e of this.edited.values()) total += e.text.length;
    for (const c of this.created.values()) total += c.length;
    total = Math.max(1, total);
    let before = 0;
    const step = (length: number, bytes: number) =>
      onProgress && ((done: number) => onProgress(before + (length * done) / bytes, total));
    const add = (name: string, text: string, encoding?: TextEncoding): void => {
      const data = encodeText(text, encoding);
      w.addData(name, data, store(name), step(text.length, Math.max(1, data.length)));
      before += text.length;
    };
    for (const name of this.order) {
      if (this.deleted.has(name)) continue;
      const e = this.edited.get(name);
      if (e) {
        add(name, e.text, e.encoding);
        continue;
      }
      const s = this.archive.stored(name);
      if (!s) continue;
      if ((s.entry.method === 0 || s.entry.method === 8) && plausibleSizes(s.entry, s.data.length))
        w.addStored(s.entry, s.data);
      // A directory record whose sizes are impossible is not passed on: the entry is inflated (within the cap)
      // and written with its true size, so the copy never carries a sheet that reads as empty.
      else w.addData(name, this.archive.bytes(name) ?? new Uint8Array(), store(name));
    }
    for (const [name, text] of this.created) add(name, text);
    onProgress?.(total, total);
    return w.finish();
  }
}

/** A .rels part being edited (created on save when it did not exist and something was added). */
class RelsEditor {
  readonly list: Relationship[];
  private readonly path: string;
  private readonly added: string[] = [];
  constructor(
    private readonly pkg: Package,
    private readonly source: string
  ) {
    this.path = relsPathFor(source);
    this.list = parseRels(pkg.text(this.path) ?? "", source);
  }

  /** Adds a relationship with a fresh id; returns the id. */
  add(type: string, targetPart: string): string {
    const used = new Set(this.list.map((r) => r.id));
    let n = this.list.length + 1;
    while (used.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const target = relativeTarget(this.source, targetPart);
    this.list.push({ id, type, target, external: false, part: targetPart });
    this.added.push(
      `<Relationship Id="${id}" Type="${escapeAttr(type)}" Target="${escapeAttr(target)}"/>`
    );
    return id;
  }

  /**
   * Takes the relationship `id` out of the part (its element only, so the rest stays byte for byte); the part is
   * deleted when what is left is the empty part junheng creates (save(): a sheet that had no .rels).
   */
  remove(id: string): void {
    const xml = this.pkg.text(this.path);
    const root = xml === undefined ? null : rootTag(xml);
    if (xml === undefined || !root) return;
    const el = childElements(xml, root).find(
      (c) =>
        c.name === "Relationship" &&
        parseAttrs(xml.slice(c.open.start, c.open.end)).get("Id") === id
    );
    if (!el) return;
    const rest = applySplices(xml, [{ start: el.start, end: el.end, text: "" }]);
    const i = this.list.findIndex((r) => r.id === id);
    if (i >= 0) this.list.splice(i, 1);
    if (rest === `${XML_DECL}<Relationships xmlns="${PKG_RELS_NS}"></Relationships>`)
      this.pkg.delete(this.path);
    else this.pkg.setText(this.path, rest);
  }

  save(): void {
    if (this.added.length === 0) return;
    const body = this.added.join("");
    const xml = this.pkg.text(this.path);
    if (xml === undefined) {
      this.pkg.create(
        this.path,
        `${XML_DECL}<Relationships xmlns="${PKG_RELS_NS}">${body}</Relationships>`
      );
      return;
    }
    const root = rootTag(xml);
    if (!root) throw new XlsxReadError("corrupt", `${this.path} has no root element`);
    const p = root.qname.includes(":") ? root.qname.slice(0, root.qname.indexOf(":") + 1) : "";
    const prefixed = p ? body.replace(/<Relationship /g, `<${p}Relationship `) : body;
    if (root.kind === "empty") {
      const open = xml.slice(root.start, root.end).replace(/\s*\/>$/, ">");
      this.pkg.setText(
        this.path,
        xml.slice(0, root.start) + open + prefixed + `</${root.qname}>` + xml.slice(root.end)
      );
    } else {
      const at = xml.lastIndexOf(`</${root.qname}`);
      this.pkg.setText(this.path, xml.slice(0, at) + prefixed + xml.slice(at));
    }
    this.added.length = 0;
  }
}

/** [Content_Types].xml being edited. */
class ContentTypes {
  private readonly defaults = new Set<string>();
  private readonly overrides = new Set<string>();
  private readonly addedDefaults: string[] = [];
  private readonly addedOverrides: string[] = [];
  private readonly removedOverrides = new Set<string>();
  private readonly ownDefaults = new Map<string, string>();
  private readonly xml: string;

  constructor(private readonly pkg: Package) {
    const xml = pkg.text("[Content_Types].xml");
    if (xml === undefined)
      throw new XlsxReadError("corrupt", "the archive has no [Content_Types].xml");
    this.xml = xml;
    const root = rootTag(xml);
    if (!root) throw new XlsxReadError("corrupt", "[Content_Types].xml has no root element");
    for (const c of childElements(xml, root)) {
      const a = parseAttrs(xml.slice(c.open.start, c.open.end));
      if (c.name === "Default") this.defaults.add((a.get("Extension") ?? "").toLowerCase());
      if (c.name === "Override") this.overrides.add((a.get("PartName") ?? "").toLowerCase());
    }
  }

  hasDefault(ext: string): boolean {
    return this.defaults.has(ext.toLowerCase());
  }

  addDefault(ext: string, type: string): void {
    this.defaults.add(ext.toLowerCase());
    this.addedDefaults.push(
      `<Default Extension="${escapeAttr(ext)}" ContentType="${escapeAttr(type)}"/>`
    );
  }

  /** The Override of a part deleted from the copy goes (unless the part is created again). */
  removeOverride(part: string): void {
    const name = `/${part.replace(/^\//, "")}`.toLowerCase();
    this.overrides.delete(name);
    this.removedOverrides.add(name);
  }

  /**
   * The Default for `ext` goes on save when no part of the copy has that extension any more and it is the element
   * junheng adds (addDefault: first child, exactly its text), i.e. junheng added it when it created such a part.
   */
  dropOwnDefault(ext: string, type: string): void {
    this.ownDefaults.set(ext.toLowerCase(), type);
  }

  override(part: string, type: string): void {
    const name = `/${part.replace(/^\//, "")}`;
    if (this.overrides.has(name.toLowerCase())) return;
    this.removedOverrides.delete(name.toLowerCase());
    this.overrides.add(name.toLowerCase());
    this.addedOverrides.push(
      `<Override PartName="${escapeAttr(name)}" ContentType="${escapeAttr(type)}"/>`
    );
  }

  save(): void {
    // A new sheet .rels part needs the "rels" default, which every real package has; add it if not.
    if (!this.hasDefault("rels") && this.pkg.names().some((n) => n.endsWith(".rels")))
      this.addDefault("rels", CT.rels);
    const xml = this.xml;
    const root = rootTag(xml) as NonNullable<ReturnType<typeof rootTag>>;
    const p = root.qname.includes(":") ? root.qname.slice(0, root.qname.indexOf(":") + 1) : "";
    const removals = this.removals(xml, root, p);
    if (!this.addedDefaults.length && !this.addedOverrides.length && !removals.length) return;
    const fix = (s: string): string => (p ? s.replace(/^<(Default|Override) /, `<${p}$1 `) : s);
    // Defaults first (as Excel writes them), overrides at the end.
    const defaults = this.addedDefaults.map(fix).join("");
    const overrides = this.addedOverrides.map(fix).join("");
    if (root.kind === "empty") {
      const open = xml.slice(root.start, root.end).replace(/\s*\/>$/, ">");
      this.pkg.setText(
        "[Content_Types].xml",
        xml.slice(0, root.start) +
          open +
          defaults +
          overrides +
          `</${root.qname}>` +
          xml.slice(root.end)
      );
      return;
    }
    const at = xml.lastIndexOf(`</${root.qname}`);
    this.pkg.setText(
      "[Content_Types].xml",
      applySplices(xml, [
        { start: root.end, end: root.end, text: defaults },
        ...removals,
        { start: at, end: at, text: overrides },
      ])
    );
  }

  /** Splices taking out the removed Overrides and junheng's own Defaults no part needs any more. */
  private removals(
    xml: string,
    root: NonNullable<ReturnType<typeof rootTag>>,
    p: string
  ): Splice[] {
    if (root.kind === "empty" || (!this.removedOverrides.size && !this.ownDefaults.size)) return [];
    const out: Splice[] = [];
    const names = this.pkg.names().map((n) => n.toLowerCase());
    childElements(xml, root).forEach((c, i) => {
      const a = parseAttrs(xml.slice(c.open.start, c.open.end));
      if (c.name === "Override") {
        if (this.removedOverrides.has((a.get("PartName") ?? "").toLowerCase()))
          out.push({ start: c.start, end: c.end, text: "" });
        return;
      }
      if (c.name !== "Default" || i !== 0 || c.start !== root.end) return;
      const ext = (a.get("Extension") ?? "").toLowerCase();
      const type = this.ownDefaults.get(ext);
      if (type === undefined || names.some((n) => n.endsWith(`.${ext}`))) return;
      if (xml.slice(c.start, c.end) !== `<${p}Default Extension="${ext}" ContentType="${type}"/>`)
        return;
      out.push({ start: c.start, end: c.end, text: "" });
      this.defaults.delete(ext);
    });
    return out;
  }
}
