/**
 * The request budget (docs/office-host.md 「Request budget」): Excel on the web rejects a request or a response
 * over 5 MB, and Office restarts an add-in whose main thread is busy for 5 s. Work is cut into chunks whose
 * measured UTF-8 size stays under REQUEST_BUDGET (CJK text is 3 bytes a character, so characters are not
 * enough), and between chunks the host yields to the event loop and reports progress.
 */

/**
 * Estimated bytes per sync we aim for. The harness (test/host/excel/officejs) measures the real Office.js
 * requests and asserts ≤ 4 MB; the estimate below leaves room for Office.js's own JSON around our strings.
 */
export const REQUEST_BUDGET = 2_500_000;

/**
 * The most one request may carry when it cannot be cut (Excel.createWorkbook sends the whole workbook as one base64
 * argument): 4 MiB, what the harness holds every request to, 1 MB under Excel on the web's 5 MB. A 3,000-school
 * county's 申报表 is ≈ 0.24 MB of base64 and a 10,000-school one ≈ 0.76 MB (docs/office-host.md).
 */
export const ONE_REQUEST_LIMIT = 4 * 1024 * 1024;

/** Bytes of the JSON Office.js wraps around one queued call (object paths, action, ids), measured ~150–400. */
export const CALL_OVERHEAD = 450;

/** UTF-8 length of a string without allocating (JSON escapes of quotes/newlines add a byte or so; see overhead). */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += c === 0x22 || c === 0x5c || c === 0x0a ? 2 : 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Splits items into consecutive chunks whose summed cost stays ≤ budget (an item over budget is alone). */
export function chunkByBytes<T>(
  items: T[],
  cost: (t: T) => number,
  budget = REQUEST_BUDGET
): T[][] {
  const out: T[][] = [];
  let cur: T[] = [];
  let sum = 0;
  for (const it of items) {
    const c = cost(it);
    if (cur.length && sum + c > budget) {
      out.push(cur);
      cur = [];
      sum = 0;
    }
    cur.push(it);
    sum += c;
  }
  if (cur.length) out.push(cur);
  return out;
}

/** Lets the pane repaint and Office see a live add-in between chunks. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
