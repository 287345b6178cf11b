/**
 * The engine's input: a workbook reduced to plain values.
 *
 * Every adapter (Office.js, the .xlsx reader, the custom functions) produces this shape and nothing
 * else reaches the engine, so the engine runs unchanged in Excel, a browser and Node.
 */

/** A raw cell value as a spreadsheet client reports it. Excel error values arrive as their text ("#DIV/0!"). */
export type RawCell = string | number | boolean | null | undefined;

/** A merged range, 0-based, inclusive, in sheet coordinates. */
export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetInput {
  name: string;
  /** rows[r][c], 0-based sheet coordinates (row 0 = Excel row 1). Rows may be ragged or sparse (undefined). */
  rows: RawCell[][];
  merges?: MergedRange[];
  /** The client could not read the merged areas (Excel: ExcelApi < 1.13, or too many to read): none are spread. */
  mergesUnread?: boolean;
  /** The sheet is protected (Excel): read normally, but junheng cannot mark it. */
  protected?: boolean;
  /** 0-based indexes of hidden rows, when the client knows them. */
  hiddenRows?: number[];
  /** 0-based indexes of hidden columns, when the client knows them (absent: none, or not known). */
  hiddenCols?: number[];
  /** The sheet's tab is hidden (Excel "hidden" or "very hidden"); skipped unless asked for (docs/decisions.md). */
  hidden?: boolean;
  /**
   * Formula cells without a cached result (a file written by a program and never opened in a spreadsheet
   * client), 0-based; their cells are absent from `rows`. Only adapters reading files know this.
   */
  uncachedFormulas?: { row: number; col: number }[];
  /**
   * The workbook's own freeze pane (the first sheet view's frozen rows and columns), when it has one. For display
   * only (the browser page's grid keeps them in view): the engine ignores it.
   */
  frozenPane?: { rows: number; cols: number };
}

export interface WorkbookInput {
  sheets: SheetInput[];
}

/** "A", "B", … "AA" for a 0-based column index. */
export function columnLetter(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1 address (no sheet prefix) of a 0-based cell. */
export function cellAddress(row: number, col: number): string {
  return columnLetter(col) + String(row + 1);
}

/** Inverse of cellAddress: "B7" → { row: 6, col: 1 }. */
export function parseAddress(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a1.toUpperCase());
  if (!m) throw new Error(`not an A1 address: ${a1}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** "B2:D9" (or a single "B2") → a 0-based range, corners in either order. Throws on anything else. */
export function parseRange(a1: string): MergedRange {
  const [a, b] = a1.trim().split(":");
  const tl = parseAddress(a);
  const br = b ? parseAddress(b) : tl;
  return {
    top: Math.min(tl.row, br.row),
    left: Math.min(tl.col, br.col),
    bottom: Math.max(tl.row, br.row),
    right: Math.max(tl.col, br.col),
  };
}
