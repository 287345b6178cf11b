/**
 * In-place edits of a worksheet part for the marked copy: the s="…" of marked cells (creating missing <c>/<row>
 * elements in order), a widened <dimension>, and a <legacyDrawing> reference for notes. Everything else in the part
 * (values, formulas, merges, cols, sheetViews, validations, conditional formats, drawings, extLst…) is left as written.
 */
import { cellAddress, parseAddress } from "../../engine/workbook";
import type { MarkKind } from "../../present/marks";
import { applySplices, type Splice } from "./splice";
import type { StylesEditor } from "./styles";
import {
  childElements,
  elementEnd,
  nextTag,
  parseAttrs,
  rootTag,
  setAttr,
  type Element,
  type Tag,
} from "./xml";

export interface PlannedMark {
  row: number;
  col: number;
  kind: MarkKind;
}

/**
 * CT_Worksheet children that come after <legacyDrawing> (mc:AlternateContent wraps controls/oleObjects, which also
 * follow it). A new <legacyDrawing> goes before the first of these, else at the end.
 */
const AFTER_LEGACY_DRAWING = new Set([
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
  "AlternateContent",
]);

/** CT_Worksheet children that come after <sheetData> (to place a missing sheetData). */
const AFTER_SHEET_DATA_FIRST = [
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
];

interface CellInfo {
  col: number;
  open: Tag;
}

interface RowInfo {
  idx: number;
  open: Tag;
  /** Start of </row>, or -1 for <row …/>. */
  closeStart: number;
  attrs: Map<string, string>;
  cells?: CellInfo[];
}

/** Prefix bound to `ns` on the root element ("r"), or undefined. */
export function prefixFor(xml: string, root: Tag, ns: string): string | undefined {
  for (const [k, v] of parseAttrs(xml.slice(root.start, root.end))) {
    if (k.startsWith("xmlns:") && v === ns) return k.slice(6);
  }
  return undefined;
}

/** Parses a top-level worksheet: its root tag and direct children, skipping over <sheetData> quickly. */
export function worksheetChildren(xml: string): { root: Tag; children: Element[] } {
  const root = rootTag(xml);
  if (!root) throw new Error("worksheet part has no root element");
  return { root, children: childElements(xml, root, new Set(["sheetData"])) };
}

/**
 * Applies the marks' styles to a worksheet part and, when `legacyDrawingRid` is given and the sheet has none yet,
 * adds <legacyDrawing r:id="…"/>.
 */
export function markWorksheet(
  xml: string,
  marks: PlannedMark[],
  styles: StylesEditor,
  legacyDrawingRid: string | undefined,
  relNs: string
): string {
  const { root, children } = worksheetChildren(xml);
  const colon = root.qname.indexOf(":");
  const p = colon >= 0 ? root.qname.slice(0, colon + 1) : "";
  const splices: Splice[] = [];
  const sorted = [...marks].sort((a, b) => a.row - b.row || a.col - b.col);
  const wantRows = new Set(sorted.map((m) => m.row));

  const sd = children.find((c) => c.name === "sheetData");
  const rows = sd ? indexRows(xml, sd, wantRows) : [];
  const rowByIdx = new Map(rows.map((r) => [r.idx, r]));
  const colStyles = readColStyles(
    xml,
    children.find((c) => c.name === "cols")
  );

  // New rows, keyed by row index → cells XML (in column order).
  const newRows = new Map<number, string[]>();
  // New cells for existing rows.
  const newCellsByRow = new Map<RowInfo, { col: number; xml: string }[]>();

  for (const m of sorted) {
    const row = rowByIdx.get(m.row);
    const cell = row?.cells?.find((c) => c.col === m.col);
    if (cell) {
      const tag = xml.slice(cell.open.start, cell.open.end);
      const s = Number(parseAttrs(tag).get("s") ?? 0) || 0;
      splices.push({
        start: cell.open.start,
        end: cell.open.end,
        text: setAttr(tag, "s", String(styles.markedXf(s, m.kind))),
      });
      continue;
    }
    // A missing cell shows the row's style (customFormat rows), else its column's, else the default.
    let base = 0;
    if (row && /^(1|true)$/.test(row.attrs.get("customFormat") ?? ""))
      base = Number(row.attrs.get("s") ?? 0) || 0;
    else base = colStyles(m.col);
    const cx = `<${p}c r="${cellAddress(m.row, m.col)}" s="${styles.markedXf(base, m.kind)}"/>`;
    if (row) {
      const list = newCellsByRow.get(row) ?? [];
      list.push({ col: m.col, xml: cx });
      newCellsByRow.set(row, list);
    } else {
      const list = newRows.get(m.row) ?? [];
      list.push(cx);
      newRows.set(m.row, list);
    }
  }

  // Cells added to existing rows.
  for (const [row, cells] of newCellsByRow) {
    let open = xml.slice(row.open.start, row.open.end);
    const spans = row.attrs.get("spans");
    if (spans !== undefined) {
      const widened = widenSpans(
        spans,
        cells.map((c) => c.col)
      );
      if (widened !== spans) open = setAttr(open, "spans", widened);
    }
    if (row.closeStart < 0) {
      // <row r="5"/> → <row r="5">cells</row>
      open = open.replace(/\s*\/>$/, ">");
      splices.push({
        start: row.open.start,
        end: row.open.end,
        text: open + cells.map((c) => c.xml).join("") + `</${row.open.qname}>`,
      });
      continue;
    }
    if (open !== xml.slice(row.open.start, row.open.end))
      splices.push({ start: row.open.start, end: row.open.end, text: open });
    for (const c of cells) {
      const before = row.cells?.find((e) => e.col > c.col);
      const at = before ? before.open.start : row.closeStart;
      splices.push({ start: at, end: at, text: c.xml, order: c.col });
    }
  }

  // Missing rows.
  if (newRows.size) {
    const rowXml = (idx: number, cells: string[]): string =>
      `<${p}row r="${idx + 1}">${cells.join("")}</${p}row>`;
    if (!sd) {
      const text = `<${p}sheetData>${[...newRows].map(([i, c]) => rowXml(i, c)).join("")}</${p}sheetData>`;
      const after = children.find(
        (c) =>
          AFTER_SHEET_DATA_FIRST.includes(c.name) ||
          AFTER_LEGACY_DRAWING.has(c.name) ||
          isAfterSheetData(c.name)
      );
      const at = after ? after.start : closeOf(xml, root, children);
      splices.push({ start: at, end: at, text });
    } else if (sd.open.kind === "empty") {
      const open = xml.slice(sd.open.start, sd.open.end).replace(/\s*\/>$/, ">");
      const body = [...newRows].map(([i, c]) => rowXml(i, c)).join("");
      splices.push({ start: sd.start, end: sd.end, text: `${open}${body}</${sd.qname}>` });
    } else {
      const sdClose = xml.lastIndexOf("</", sd.end - 1);
      for (const [idx, cells] of newRows) {
        const before = rows.find((r) => r.idx > idx);
        const at = before ? before.open.start : sdClose;
        splices.push({ start: at, end: at, text: rowXml(idx, cells), order: idx });
      }
    }
  }

  // <dimension ref="A1:M20"/> is informational, but keep it covering every cell, including created ones.
  const dim = children.find((c) => c.name === "dimension");
  if (dim && (newRows.size || newCellsByRow.size)) {
    const tag = xml.slice(dim.start, dim.end);
    const ref = parseAttrs(tag).get("ref");
    const widened = ref ? widenRef(ref, sorted) : undefined;
    if (widened && widened !== ref)
      splices.push({ start: dim.start, end: dim.end, text: setAttr(tag, "ref", widened) });
  }

  if (legacyDrawingRid && !children.some((c) => c.name === "legacyDrawing")) {
    const r = prefixFor(xml, root, relNs);
    const attr = r
      ? `${r}:id="${legacyDrawingRid}"`
      : `xmlns:r="${relNs}" r:id="${legacyDrawingRid}"`;
    const after = children.find((c) => AFTER_LEGACY_DRAWING.has(c.name));
    const at = after ? after.start : closeOf(xml, root, children);
    splices.push({ start: at, end: at, text: `<${p}legacyDrawing ${attr}/>` });
  }

  return applySplices(xml, splices);
}

function isAfterSheetData(name: string): boolean {
  return [
    "phoneticPr",
    "conditionalFormatting",
    "dataValidations",
    "hyperlinks",
    "printOptions",
    "pageMargins",
    "pageSetup",
    "headerFooter",
    "rowBreaks",
    "colBreaks",
    "customProperties",
    "cellWatches",
    "ignoredErrors",
    "smartTags",
    "drawing",
    "legacyDrawing",
  ].includes(name);
}

function closeOf(xml: string, root: Tag, children: Element[]): number {
  const from = children.length ? children[children.length - 1].end : root.end;
  const t = nextTag(xml, from);
  if (!t || t.kind !== "close") throw new Error("worksheet part is not closed");
  return t.start;
}

/** Rows of <sheetData>, with their cells for the rows in `want` (other rows are skipped over unread). */
function indexRows(xml: string, sd: Element, want: Set<number>): RowInfo[] {
  const out: RowInfo[] = [];
  if (sd.open.kind === "empty") return out;
  const limit = xml.lastIndexOf("</", sd.end - 1);
  let i = sd.open.end;
  let prev = -1;
  for (;;) {
    const t = nextTag(xml, i, limit);
    if (!t) break;
    if (t.kind === "close" || t.name !== "row") {
      i = t.kind === "open" ? Math.max(elementEnd(xml, t), t.end) : t.end;
      continue;
    }
    const attrs = parseAttrs(xml.slice(t.start, t.end));
    let closeStart = -1;
    if (t.kind === "open") {
      closeStart = xml.indexOf(`</${t.qname}>`, t.end);
      if (closeStart < 0) throw new Error("unclosed <row> in worksheet");
    }
    const r = Number(attrs.get("r"));
    // The row count goes on as the reader's does; but a row without r is where its cells' r put them (the reader
    // reads its cells there), so it is looked up there.
    const counted = Number.isFinite(r) && r > 0 ? r - 1 : prev + 1;
    prev = counted;
    const idx =
      Number.isFinite(r) && r > 0
        ? counted
        : ((closeStart >= 0 ? firstCellRow(xml, t.end, closeStart) : undefined) ?? counted);
    const info: RowInfo = { idx, open: t, closeStart, attrs };
    if (want.has(idx) && closeStart >= 0) info.cells = indexCells(xml, t.end, closeStart);
    out.push(info);
    i = closeStart >= 0 ? closeStart + t.qname.length + 3 : t.end;
  }
  return out;
}

/** The 0-based row of the first <c> between `from` and `to`, from its r; undefined when it has none. */
function firstCellRow(xml: string, from: number, to: number): number | undefined {
  for (let i = from; ;) {
    const t = nextTag(xml, i, to);
    if (!t) return undefined;
    if (t.kind !== "close" && t.name === "c") {
      const ref = parseAttrs(xml.slice(t.start, t.end)).get("r");
      if (!ref) return undefined;
      try {
        return parseAddress(ref).row;
      } catch {
        return undefined;
      }
    }
    i = t.end;
  }
}

function indexCells(xml: string, from: number, to: number): CellInfo[] {
  const out: CellInfo[] = [];
  let i = from;
  let prev = -1;
  for (;;) {
    const t = nextTag(xml, i, to);
    if (!t) break;
    if (t.kind === "close") {
      i = t.end;
      continue;
    }
    if (t.name !== "c") {
      i = Math.max(elementEnd(xml, t), t.end); // e.g. a row's extLst
      continue;
    }
    const ref = parseAttrs(xml.slice(t.start, t.end)).get("r");
    let col = prev + 1;
    if (ref) {
      try {
        col = parseAddress(ref).col;
      } catch {
        // keep the sequential column
      }
    }
    prev = col;
    out.push({ col, open: t });
    i = t.kind === "open" ? xml.indexOf(`</${t.qname}>`, t.end) + t.qname.length + 3 : t.end;
  }
  return out;
}

/** Style index of a column from <cols> (0-based column → style, 0 when none). */
function readColStyles(xml: string, cols: Element | undefined): (col: number) => number {
  const ranges: { min: number; max: number; style: number }[] = [];
  if (cols) {
    for (const c of childElements(xml, cols.open)) {
      const a = parseAttrs(xml.slice(c.open.start, c.open.end));
      const style = Number(a.get("style") ?? 0);
      if (style) ranges.push({ min: Number(a.get("min")), max: Number(a.get("max")), style });
    }
  }
  return (col) => ranges.find((r) => r.min <= col + 1 && col + 1 <= r.max)?.style ?? 0;
}

/** "2:5" (1-based columns, maybe several ranges) widened to include `cols` (0-based). */
function widenSpans(spans: string, cols: number[]): string {
  const parts = spans
    .trim()
    .split(/\s+/)
    .map((s) => s.split(":").map(Number));
  const covered = (c: number): boolean => parts.some(([a, b]) => a <= c + 1 && c + 1 <= (b ?? a));
  if (cols.every(covered)) return spans;
  const all = parts
    .flat()
    .filter(Number.isFinite)
    .concat(cols.map((c) => c + 1));
  return `${Math.min(...all)}:${Math.max(...all)}`;
}

function widenRef(ref: string, cells: PlannedMark[]): string | undefined {
  try {
    const [a, b] = ref.split(":");
    const tl = parseAddress(a);
    const br = b ? parseAddress(b) : tl;
    let top = Math.min(tl.row, br.row);
    let left = Math.min(tl.col, br.col);
    let bottom = Math.max(tl.row, br.row);
    let right = Math.max(tl.col, br.col);
    for (const c of cells) {
      top = Math.min(top, c.row);
      left = Math.min(left, c.col);
      bottom = Math.max(bottom, c.row);
      right = Math.max(right, c.col);
    }
    const s = cellAddress(top, left);
    const e = cellAddress(bottom, right);
    return s === e ? s : `${s}:${e}`;
  } catch {
    return undefined;
  }
}

/**
 * A marked copy marked again: every cell whose style is one of junheng's clones gets the style it was cloned from
 * (`restore`: clone → original). Cells are found anywhere in <sheetData>, by style, not by address, so a cell the
 * user moved, or whose mark format was copied to another cell, is restored too. Returns the part and how many cells
 * changed. An original style 0 drops the attribute (as a cell that never had a style).
 */
export function restoreStyles(
  xml: string,
  restore: ReadonlyMap<number, number>
): { xml: string; restored: number } {
  return editCellStyles(xml, (s) => restore.get(s));
}

/** Cells (0-based row, col) whose style index is in `styles`. */
export function cellsWithStyles(
  xml: string,
  styles: ReadonlySet<number>
): { row: number; col: number }[] {
  const out: { row: number; col: number }[] = [];
  editCellStyles(xml, (s, row, col) => {
    if (styles.has(s)) out.push({ row, col });
    return undefined;
  });
  return out;
}

/** Calls `change` for every <c> with an s attribute; a number returned becomes its new s. */
function editCellStyles(
  xml: string,
  change: (s: number, row: number, col: number) => number | undefined
): { xml: string; restored: number } {
  const { children } = worksheetChildren(xml);
  const sd = children.find((c) => c.name === "sheetData");
  if (!sd || sd.open.kind === "empty") return { xml, restored: 0 };
  const limit = xml.lastIndexOf("</", sd.end - 1);
  const splices: Splice[] = [];
  let i = sd.open.end;
  let row = -1;
  let col = -1;
  for (;;) {
    const t = nextTag(xml, i, limit);
    if (!t) break;
    i = t.end;
    if (t.kind === "close") continue;
    if (t.name === "row") {
      const r = Number(parseAttrs(xml.slice(t.start, t.end)).get("r"));
      row = Number.isFinite(r) && r > 0 ? r - 1 : row + 1;
      col = -1;
      continue;
    }
    if (t.name !== "c") continue;
    const tag = xml.slice(t.start, t.end);
    const a = parseAttrs(tag);
    const ref = a.get("r");
    col++;
    if (ref) {
      try {
        const p = parseAddress(ref);
        col = p.col;
        row = p.row;
      } catch {
        // keep the sequential position
      }
    }
    const sv = a.get("s");
    if (sv === undefined) continue;
    const to = change(Number(sv) || 0, row, col);
    if (to === undefined) continue;
    splices.push({
      start: t.start,
      end: t.end,
      text: to === 0 ? removeAttr(tag, "s") : setAttr(tag, "s", String(to)),
    });
  }
  return { xml: applySplices(xml, splices), restored: splices.length };
}

function removeAttr(openTag: string, name: string): string {
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return openTag.replace(new RegExp(`\\s${esc}\\s*=\\s*("[^"]*"|'[^']*')`), "");
}
