/**
 * Geometry of the read-only sheet grid: column widths from the content, which rows and columns a viewport shows,
 * and merged ranges. Pure, so virtualisation is tested without a browser.
 */
import type { MergedRange, RawCell, SheetInput } from "../../engine/workbook";

export const ROW_HEIGHT = 24;
export const HEADER_HEIGHT = 24;
export const ROW_HEADER_WIDTH = 48;
const MIN_COL = 44;
const MAX_COL = 200;
/** Rows sampled for column widths: enough for headers and typical values, bounded for 100,000-row sheets. */
const WIDTH_SAMPLE_ROWS = 400;

export interface GridLayout {
  rowCount: number;
  colCount: number;
  /** Left edge of each column relative to the first column; length colCount + 1 (the last is the total width). */
  colLefts: number[];
  merges: MergedRange[];
}

export interface Window {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
}

/** What a cell shows: numbers with at most 10 significant digits (as Excel's General format), TRUE/FALSE. */
export function displayValue(v: RawCell): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number")
    return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(10)));
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return v;
}

/** Rough rendered width in px at 12 px: wide (CJK) characters count double. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) > 0x2e7f ? 12.5 : 7;
  return w;
}

export function buildLayout(sheet: SheetInput, minRows = 40, minCols = 12): GridLayout {
  let maxCol = 0;
  for (const row of sheet.rows) if (row && row.length > maxCol) maxCol = row.length;
  const merges = sheet.merges ?? [];
  for (const m of merges) maxCol = Math.max(maxCol, m.right + 1);
  const colCount = Math.max(maxCol + 2, minCols);
  const rowCount = Math.max(sheet.rows.length + 5, minRows);

  // A merged cell spreads its text over several columns: it does not widen its first column.
  const wide = new Set<number>();
  for (const m of merges) if (m.right > m.left) wide.add(m.top * 16384 + m.left);
  const widths = new Array<number>(colCount).fill(MIN_COL + 20);
  const sample = Math.min(sheet.rows.length, WIDTH_SAMPLE_ROWS);
  for (let r = 0; r < sample; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    // A lone text in a row (a title, a 填表说明 line) spills into the empty cells on its right, as in Excel:
    // it does not widen its column.
    if (row.filter((v) => v !== null && v !== undefined && v !== "").length <= 1) continue;
    for (let c = 0; c < row.length; c++) {
      if (wide.has(r * 16384 + c)) continue;
      const text = displayValue(row[c]);
      if (!text) continue;
      widths[c] = Math.max(widths[c], Math.min(MAX_COL, Math.ceil(textWidth(text) + 14)));
    }
  }
  const colLefts = [0];
  for (const w of widths) colLefts.push(colLefts[colLefts.length - 1] + Math.max(MIN_COL, w));
  return { rowCount, colCount, colLefts, merges };
}

/** Index of the column whose span contains x (x relative to the first column). */
export function columnAt(layout: GridLayout, x: number): number {
  const lefts = layout.colLefts;
  let lo = 0;
  let hi = layout.colCount - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lefts[mid] <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Rows and columns a viewport shows (plus a few on each side), widened so a merged range that reaches into the
 * view is drawn from its top-left cell.
 */
export function visibleWindow(
  layout: GridLayout,
  scrollTop: number,
  scrollLeft: number,
  width: number,
  height: number,
  overscan = 4
): Window {
  const bodyH = Math.max(0, height - HEADER_HEIGHT);
  const bodyW = Math.max(0, width - ROW_HEADER_WIDTH);
  let r0 = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - overscan);
  const r1 = Math.min(layout.rowCount - 1, Math.ceil((scrollTop + bodyH) / ROW_HEIGHT) + overscan);
  let c0 = Math.max(0, columnAt(layout, scrollLeft) - 1);
  const c1 = Math.min(layout.colCount - 1, columnAt(layout, scrollLeft + bodyW) + 1);
  for (const m of layout.merges) {
    if (m.bottom < r0 || m.top > r1 || m.right < c0 || m.left > c1) continue;
    r0 = Math.min(r0, m.top);
    c0 = Math.min(c0, m.left);
  }
  return { r0, r1, c0, c1 };
}

/** Merged ranges that touch a window (few), for the per-cell "is this covered?" test. */
export function mergesIn(layout: GridLayout, w: Window): MergedRange[] {
  return layout.merges.filter(
    (m) => !(m.bottom < w.r0 || m.top > w.r1 || m.right < w.c0 || m.left > w.c1)
  );
}

/** The merge a cell belongs to, and whether it is the merge's top-left (drawn) cell. */
export function mergeAt(
  merges: readonly MergedRange[],
  r: number,
  c: number
): { merge: MergedRange; anchor: boolean } | null {
  for (const m of merges) {
    if (r >= m.top && r <= m.bottom && c >= m.left && c <= m.right)
      return { merge: m, anchor: r === m.top && c === m.left };
  }
  return null;
}

/** Pixel box of a cell (or of its merge when it is a merge's anchor), relative to the first data cell. */
export function cellBox(
  layout: GridLayout,
  r: number,
  c: number,
  merge?: MergedRange
): { top: number; left: number; width: number; height: number } {
  const right = merge ? Math.min(merge.right, layout.colCount - 1) : c;
  const bottom = merge ? merge.bottom : r;
  return {
    top: r * ROW_HEIGHT,
    left: layout.colLefts[c],
    width: layout.colLefts[right + 1] - layout.colLefts[c],
    height: (bottom - r + 1) * ROW_HEIGHT,
  };
}

/**
 * What stays in view while the grid scrolls: `rows` rows from row `top` (0-based; they scroll with the sheet until
 * they reach the column letters, then stay) and the first `cols` columns.
 */
export interface Freeze {
  top: number;
  rows: number;
  cols: number;
}

export const NO_FREEZE: Freeze = { top: 0, rows: 0, cols: 0 };

/** The part of a table the engine recognised that the grid keeps in view: its header rows and its name column. */
export interface TableFrame {
  /** 1-based Excel rows of the header. */
  headerRows: number[];
  /** 0-based index of the school-name column, null when none was found. */
  nameCol: number | null;
}

/**
 * The rows and columns to keep in view. The workbook's own freeze pane wins when it has one (as in Excel: the rows
 * above and the columns left of its split); else the table's header rows and every column up to the school name.
 * A part that would take more than 60 % of the viewport is not frozen (a narrow window keeps room to scroll).
 */
export function freezeFor(
  layout: GridLayout,
  pane: { rows: number; cols: number } | undefined,
  table: TableFrame | null,
  width: number,
  height: number
): Freeze {
  let f: Freeze = NO_FREEZE;
  if (pane) f = { top: 0, rows: pane.rows, cols: pane.cols };
  else if (table) {
    const hr = table.headerRows.filter((r) => Number.isInteger(r) && r >= 1);
    const top = hr.length ? Math.min(...hr) - 1 : 0;
    const rows = hr.length ? Math.max(...hr) - top : 0;
    f = { top, rows, cols: table.nameCol === null ? 0 : table.nameCol + 1 };
  }
  const bodyH = Math.max(0, height - HEADER_HEIGHT);
  const bodyW = Math.max(0, width - ROW_HEADER_WIDTH);
  let { top, rows, cols } = f;
  rows = Math.min(rows, Math.max(0, layout.rowCount - top));
  cols = Math.min(cols, layout.colCount);
  if (rows * ROW_HEIGHT > 0.6 * bodyH) rows = 0;
  if (layout.colLefts[cols] > 0.6 * bodyW) cols = 0;
  if (rows === 0) top = 0;
  return { top, rows, cols };
}

/** Width in px of the frozen columns (without the row numbers). */
export function frozenWidth(layout: GridLayout, f: Freeze): number {
  return layout.colLefts[f.cols] ?? 0;
}

/** Whether a row is one of the frozen rows. */
export function isFrozenRow(f: Freeze, r: number): boolean {
  return r >= f.top && r < f.top + f.rows;
}

/**
 * Scroll offsets that bring a cell into view (centred when it was out of view, in the part of the viewport the
 * frozen rows and columns leave free); unchanged when it is visible. A frozen cell needs no scrolling on its
 * frozen axis.
 */
export function scrollToShow(
  layout: GridLayout,
  r: number,
  c: number,
  scroll: { top: number; left: number },
  width: number,
  height: number,
  freeze: Freeze = NO_FREEZE
): { top: number; left: number } {
  const bodyH = Math.max(ROW_HEIGHT, height - HEADER_HEIGHT);
  const bodyW = Math.max(40, width - ROW_HEADER_WIDTH);
  const box = cellBox(layout, r, c);
  let { top, left } = scroll;
  const fh = freeze.rows * ROW_HEIGHT;
  if (isFrozenRow(freeze, r)) {
    // Stuck under the column letters once scrolled past its place; before that it must be on screen.
    const bandTop = freeze.top * ROW_HEIGHT;
    if (bandTop + fh > top + bodyH) top = Math.max(0, bandTop + fh - bodyH);
  } else {
    // Rows below the frozen band are hidden under it once it is stuck.
    const below = r >= freeze.top + freeze.rows && freeze.rows > 0;
    const covered = below ? Math.max(freeze.top * ROW_HEIGHT - top, 0) + fh : 0;
    const free = Math.max(ROW_HEIGHT, bodyH - (below ? fh : 0));
    if (box.top < top + covered || box.top + box.height > top + bodyH)
      top = Math.max(0, box.top - (below ? fh : 0) - (free - box.height) / 2);
  }
  if (c >= freeze.cols) {
    const fw = frozenWidth(layout, freeze);
    const free = Math.max(40, bodyW - fw);
    const w = Math.min(box.width, free);
    if (box.left < left + fw || box.left + w > left + bodyW)
      left = Math.max(0, box.left - fw - (free - w) / 2);
  }
  return { top: Math.round(top), left: Math.round(left) };
}
