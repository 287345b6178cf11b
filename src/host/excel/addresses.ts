/**
 * Address strings for Office.js batch calls: marked cells grouped into vertical runs ("K9:K12") and joined
 * into RangeAreas addresses that stay under Excel's 8,192-character limit for getRanges().
 */
import { parseAddress, cellAddress } from "../../engine/workbook";

export const MAX_ADDRESS_LENGTH = 8192;

/** Groups cells into runs of consecutive rows within one column: ["K9","K10","K11","M5"] → ["K9:K11","M5"]. */
export function cellRuns(cells: string[]): string[] {
  const parsed = [...new Set(cells)]
    .map(parseAddress)
    .sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: string[] = [];
  let start: { row: number; col: number } | undefined;
  let prev: { row: number; col: number } | undefined;
  const flush = (): void => {
    if (!start || !prev) return;
    const a = cellAddress(start.row, start.col);
    runs.push(prev.row === start.row ? a : `${a}:${cellAddress(prev.row, prev.col)}`);
  };
  for (const p of parsed) {
    if (prev && p.col === prev.col && p.row === prev.row + 1) {
      prev = p;
      continue;
    }
    flush();
    start = p;
    prev = p;
  }
  flush();
  return runs;
}

/** Joins runs into comma-separated addresses, each at most `max` characters long. */
export function joinAddresses(runs: string[], max = MAX_ADDRESS_LENGTH): string[] {
  const out: string[] = [];
  let cur = "";
  for (const r of runs) {
    if (cur && cur.length + 1 + r.length > max) {
      out.push(cur);
      cur = "";
    }
    cur = cur ? `${cur},${r}` : r;
  }
  if (cur) out.push(cur);
  return out;
}

/** "Sheet1!B2:D9" or "'学校 情况'!B2:D9" → "B2:D9". */
export function localAddress(address: string): string {
  const i = address.lastIndexOf("!");
  return i < 0 ? address : address.slice(i + 1);
}

/**
 * A merged area's address as Excel gives it — "B2:D9", "'学校 情况'!B2:D9", and the whole-row and whole-column
 * forms "学校!2:3" and "C:D" that a row-wide title merge produces — clipped to the used range `within`
 * (0-based, inclusive), so a merge over 16,384 columns becomes one over the columns that hold data.
 */
export function parseMergeAddress(
  address: string,
  within: { top: number; left: number; bottom: number; right: number }
): { top: number; left: number; bottom: number; right: number } | null {
  const local = localAddress(address).replace(/\$/g, "");
  const [a, b = a] = local.split(":");
  const end = (s: string, last: boolean): { row: number; col: number } | null => {
    if (/^\d+$/.test(s)) return { row: Number(s) - 1, col: last ? within.right : within.left };
    if (/^[A-Z]+$/i.test(s))
      return { row: last ? within.bottom : within.top, col: parseAddress(`${s}1`).col };
    return /^[A-Z]+\d+$/i.test(s) ? parseAddress(s) : null;
  };
  const p = end(a, false);
  const q = end(b, true);
  if (!p || !q) return null;
  const r = {
    top: Math.max(within.top, Math.min(p.row, q.row)),
    left: Math.max(within.left, Math.min(p.col, q.col)),
    bottom: Math.min(within.bottom, Math.max(p.row, q.row)),
    right: Math.min(within.right, Math.max(p.col, q.col)),
  };
  return r.top > r.bottom || r.left > r.right ? null : r;
}
