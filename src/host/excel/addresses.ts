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
