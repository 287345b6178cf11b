/**
 * Reads every sheet's used range (values only, so formatting far below the data does not count) in blocks
 * sized by the bytes actually received, plus merged areas and protection.
 *
 * Syncs: 1 (sheets, protection) + 1 (used ranges) + merges (1 for all sheets; if that fails, per sheet in row
 * blocks halved on failure) + hidden rows and columns (1 for all sheets; +1 when some are hidden, +1 more when a
 * sheet has hidden rows and its first column is hidden too) + one per ~REQUEST_BUDGET of values. Merged areas fail
 * above 512 per range (class-level sheets merge each school's name over its class rows): such a sheet is read in
 * halves, and if a block still fails the sheet is read without merges and `mergesUnread` says so.
 */
import {
  MergedRange,
  parseAddress,
  RawCell,
  SheetInput,
  WorkbookInput,
} from "../../engine/workbook";
import { CancelToken, CancelledError, Progress } from "../../ports/sidebarHost";
import { localAddress, parseMergeAddress } from "./addresses";
import { REQUEST_BUDGET, utf8Bytes, yieldToEventLoop } from "./budget";
import { ExcelCapabilities } from "./platform";

/** Bytes per cell assumed before the first block is measured (a short CJK name or a number, quoted). */
const FIRST_GUESS_BYTES_PER_CELL = 40;
/** Blocks of merged areas are halved down to this many rows before a sheet is read without merges. */
const MIN_MERGE_BLOCK_ROWS = 16;

interface Used {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export async function readWorkbook(
  context: Excel.RequestContext,
  onProgress: (p: Progress) => void,
  cancel: CancelToken,
  caps: Pick<ExcelCapabilities, "merges" | "hiddenRows"> = { merges: true, hiddenRows: true }
): Promise<WorkbookInput> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility,items/protection/protected");
  await context.sync();
  const names = sheets.items.map((s) => s.name);
  const out: SheetInput[] = sheets.items.map((s) => ({
    name: s.name,
    rows: [],
    merges: [],
    ...(s.protection.protected ? { protected: true } : {}),
    // Hidden and very hidden tabs are skipped by the engine as in the CLI (docs/decisions.md). visibility is
    // ExcelApi 1.1, below the manifest's floor, so it needs no run-time guard; it comes in the first sync.
    ...(s.visibility !== undefined && s.visibility !== "Visible" ? { hidden: true } : {}),
  }));

  const proxies = names.map((n) => sheets.getItem(n));
  const usedRanges = proxies.map((ws) => {
    const u = ws.getUsedRangeOrNullObject(true);
    u.load("rowIndex,columnIndex,rowCount,columnCount");
    return u;
  });
  await context.sync();
  const used: (Used | null)[] = usedRanges.map((u) =>
    u.isNullObject
      ? null
      : { row: u.rowIndex, col: u.columnIndex, rows: u.rowCount, cols: Math.max(1, u.columnCount) }
  );

  if (caps.merges) await readMerges(context, proxies, used, out);
  else out.forEach((s, i) => used[i] && (s.mergesUnread = true));
  // Without ExcelApi 1.3 (below the manifest's floor, asked anyway) rows and columns are read without their hidden
  // state, so the engine raises no hidden-rows-read or hidden-columns-read finding (docs/office-host.md).
  if (caps.hiddenRows) await readHiddenRowsAndColumns(context, proxies, used, out);

  // Value blocks of whole rows; one sync takes blocks (of one or several sheets) until the bytes expected at the
  // last measured bytes per cell reach the budget. Their number grows with the bytes of data only.
  const total = used.reduce((s, u) => s + (u ? u.rows * u.cols : 0), 0);
  let done = 0;
  let bytesPerCell = FIRST_GUESS_BYTES_PER_CELL;
  const next = used.map(() => 0); // next row offset to read, per sheet
  let sheet = used.findIndex((u) => !!u);
  while (sheet >= 0 && sheet < used.length) {
    if (cancel.cancelled) throw new CancelledError();
    const batch: { i: number; r: number; rows: number; range: Excel.Range }[] = [];
    let cells = 0;
    const room = (): number => REQUEST_BUDGET / bytesPerCell - cells;
    while (sheet < used.length && (batch.length === 0 || room() >= 1)) {
      const u = used[sheet];
      if (!u || next[sheet] >= u.rows) {
        sheet++;
        continue;
      }
      const rows = Math.max(1, Math.min(u.rows - next[sheet], Math.floor(room() / u.cols)));
      if (batch.length && rows * u.cols > room()) break;
      const range = proxies[sheet].getRangeByIndexes(u.row + next[sheet], u.col, rows, u.cols);
      range.load("values");
      batch.push({ i: sheet, r: next[sheet], rows, range });
      next[sheet] += rows;
      cells += rows * u.cols;
    }
    if (!batch.length) break;
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    let bytes = 0;
    for (const { i, r, range } of batch) {
      const u = used[i]!;
      const values = range.values as RawCell[][];
      for (let k = 0; k < values.length; k++) {
        const row: RawCell[] = new Array(u.col).fill(undefined);
        for (const v of values[k]) {
          row.push(v === "" ? null : v);
          bytes += typeof v === "string" ? utf8Bytes(v) + 3 : 12;
        }
        out[i].rows[u.row + r + k] = row;
      }
    }
    bytesPerCell = Math.max(8, (bytes / Math.max(1, cells)) * 1.25);
    done += cells;
    onProgress({ phase: "read", done, total });
    await yieldToEventLoop();
  }
  return { sheets: out };
}

/** Merged areas of every sheet: all in one sync when possible; otherwise per sheet, halving failing blocks. */
async function readMerges(
  context: Excel.RequestContext,
  proxies: Excel.Worksheet[],
  used: (Used | null)[],
  out: SheetInput[]
): Promise<void> {
  const ask = (i: number, row: number, rows: number): Excel.RangeAreas => {
    const u = used[i]!;
    const m = proxies[i].getRangeByIndexes(row, u.col, rows, u.cols).getMergedAreasOrNullObject();
    m.load("areas/items/address");
    return m;
  };
  const take = (i: number, m: Excel.RangeAreas, into: Map<string, MergedRange>): void => {
    if (m.isNullObject) return;
    const u = used[i]!;
    const within = {
      top: u.row,
      left: u.col,
      bottom: u.row + u.rows - 1,
      right: u.col + u.cols - 1,
    };
    for (const a of m.areas.items) {
      const r = parseMergeAddress(a.address, within);
      if (r) into.set(`${r.top},${r.left},${r.bottom},${r.right}`, r);
    }
  };
  const idx = used.map((u, i) => (u ? i : -1)).filter((i) => i >= 0);
  try {
    const all = idx.map((i) => ask(i, used[i]!.row, used[i]!.rows));
    await context.sync();
    idx.forEach((i, k) => {
      const found = new Map<string, MergedRange>();
      take(i, all[k], found);
      out[i].merges = [...found.values()];
    });
    return;
  } catch {
    // One sheet over the limit fails the whole batch: go sheet by sheet.
  }
  for (const i of idx) {
    const found = new Map<string, MergedRange>();
    const ok = await mergesInBlocks(context, i, used[i]!.row, used[i]!.rows, ask, take, found);
    out[i].merges = ok ? [...found.values()] : [];
    if (!ok) out[i].mergesUnread = true;
  }
}

async function mergesInBlocks(
  context: Excel.RequestContext,
  i: number,
  row: number,
  rows: number,
  ask: (i: number, row: number, rows: number) => Excel.RangeAreas,
  take: (i: number, m: Excel.RangeAreas, into: Map<string, MergedRange>) => void,
  into: Map<string, MergedRange>
): Promise<boolean> {
  const m = ask(i, row, rows);
  try {
    // Each retry is a smaller block of one sheet; at most log2(rows / MIN_MERGE_BLOCK_ROWS) levels deep.

    await context.sync();
    take(i, m, into);
    return true;
  } catch {
    if (rows <= MIN_MERGE_BLOCK_ROWS) return false;
    const half = Math.ceil(rows / 2);
    return (
      (await mergesInBlocks(context, i, row, half, ask, take, into)) &&
      (await mergesInBlocks(context, i, row + half, rows - half, ask, take, into))
    );
  }
}

/** Bytes of one visible cell's address in a RangeView.cellAddresses answer: "'Sheet'!XFD1048576", plus JSON. */
function addressBytes(sheet: string): number {
  return utf8Bytes(sheet) + 2 + 1 + 3 + 7 + 8;
}

/**
 * Hidden rows and columns of each sheet's used range (0-based sheet rows and columns, into `SheetInput.hiddenRows`
 * and `hiddenCols` as the .xlsx reader gives them), in a number of syncs that does not grow with the rows:
 *   1. one sync for every sheet: `rowHidden` and `columnHidden` of the used rows in blocks (true = all hidden,
 *      false = none, null = some), and `columnHidden` of the block's first column;
 *   2. one sync, only when something is hidden: for a sheet with some columns hidden, `columnHidden` of each used
 *      column (the first MAX_COLUMNS_PROBED); for the blocks with some hidden rows whose first column is visible, the
 *      addresses of that column's visible cells (`getVisibleView().cellAddresses`): the used rows not among them
 *      are hidden. A block is sized so that its answer stays under REQUEST_BUDGET, so a sheet of a million rows
 *      takes a few blocks, not more syncs;
 *   (3. only when a block with hidden rows has its first column hidden too: the visible view of a visible column
 *      found in 2.)
 * Any failure leaves the sheet without hidden rows (or columns: no finding), never with wrong ones. Columns past the
 * first MAX_COLUMNS_PROBED of a sheet with some columns hidden are not asked: they count as visible.
 */
async function readHiddenRowsAndColumns(
  context: Excel.RequestContext,
  proxies: Excel.Worksheet[],
  used: (Used | null)[],
  out: SheetInput[]
): Promise<void> {
  interface Block {
    i: number;
    row: number;
    rows: number;
    all: Excel.Range;
    first: Excel.Range;
    col?: number;
  }
  const blocks: Block[] = [];
  used.forEach((u, i) => {
    if (!u) return;
    const perBlock = Math.max(1, Math.floor(REQUEST_BUDGET / addressBytes(out[i].name)));
    const n = Math.ceil(u.rows / perBlock);
    const size = Math.ceil(u.rows / n);
    for (let r = 0; r < u.rows; r += size) {
      const rows = Math.min(size, u.rows - r);
      const all = proxies[i].getRangeByIndexes(u.row + r, u.col, rows, u.cols);
      all.load("rowHidden,columnHidden");
      const first = proxies[i].getRangeByIndexes(u.row + r, u.col, rows, 1);
      first.load("columnHidden");
      blocks.push({ i, row: u.row + r, rows, all, first });
    }
  });
  if (!blocks.length) return;
  const hidden = new Map<number, number[]>();
  const hiddenCols = new Map<number, number[]>();
  // Sheets whose hidden rows, or hidden columns, could not be told.
  const failed = new Set<number>();
  const colsFailed = new Set<number>();
  try {
    await context.sync();
  } catch {
    return;
  }
  const mixed: Block[] = [];
  // Columns are the same in every block of a sheet: its first block says whether none, all or some are hidden.
  const someColumns = new Set<number>();
  for (const b of blocks) {
    if (b.all.rowHidden === true) {
      const list = hidden.get(b.i) ?? [];
      for (let k = 0; k < b.rows; k++) list.push(b.row + k);
      hidden.set(b.i, list);
    } else if (b.all.rowHidden !== false) mixed.push(b);
    if (b.row !== used[b.i]!.row) continue;
    const u = used[b.i]!;
    if (b.all.columnHidden === true)
      hiddenCols.set(
        b.i,
        Array.from({ length: u.cols }, (_, k) => u.col + k)
      );
    else if (b.all.columnHidden !== false) someColumns.add(b.i);
  }

  // Every used column hidden: no visible column to ask for the visible rows.
  const firstHidden = mixed.filter((b) => b.first.columnHidden !== false);
  for (const b of firstHidden) if (!someColumns.has(b.i)) failed.add(b.i);
  const probed = [...someColumns].map((i) => {
    const u = used[i]!;
    const list: Excel.Range[] = [];
    for (let c = 0; c < Math.min(u.cols, MAX_COLUMNS_PROBED); c++) {
      const r = proxies[i].getRangeByIndexes(u.row, u.col + c, 1, 1);
      r.load("columnHidden");
      list.push(r);
    }
    return { i, list };
  });
  const askViews = (list: Block[]): { b: Block; view: Excel.RangeView }[] =>
    list
      .filter((b) => !failed.has(b.i))
      .map((b) => {
        const view = proxies[b.i]
          .getRangeByIndexes(b.row, b.col ?? used[b.i]!.col, b.rows, 1)
          .getVisibleView();
        view.load("cellAddresses");
        return { b, view };
      });
  const takeViews = (views: { b: Block; view: Excel.RangeView }[]): void => {
    for (const { b, view } of views) {
      const visible = new Set<number>();
      for (const line of view.cellAddresses as string[][])
        for (const a of line) visible.add(parseAddress(localAddress(a).replace(/\$/g, "")).row);
      const list = hidden.get(b.i) ?? [];
      for (let r = b.row; r < b.row + b.rows; r++) if (!visible.has(r)) list.push(r);
      hidden.set(b.i, list);
    }
  };

  const firstVisible = mixed.filter((b) => b.first.columnHidden === false);
  const views = askViews(firstVisible);
  if (probed.length || views.length) {
    try {
      await context.sync();
      for (const { i, list } of probed) {
        const u = used[i]!;
        const cols = list.flatMap((r, c) => (r.columnHidden === true ? [u.col + c] : []));
        if (cols.length) hiddenCols.set(i, cols);
        const visible = list.findIndex((r) => r.columnHidden === false);
        for (const b of firstHidden.filter((x) => x.i === i)) {
          if (visible < 0) failed.add(i);
          else b.col = u.col + visible;
        }
      }
      takeViews(views);
    } catch {
      probed.forEach(({ i }) => colsFailed.add(i));
      firstHidden.forEach((b) => failed.add(b.i));
      views.forEach(({ b }) => failed.add(b.i));
    }
  }

  // Blocks whose first column is hidden: the visible view of the visible column found above.
  const later = askViews(firstHidden.filter((b) => b.col !== undefined));
  if (later.length) {
    try {
      await context.sync();
      takeViews(later);
    } catch {
      later.forEach(({ b }) => failed.add(b.i));
    }
  }
  for (const [i, rows] of hidden)
    if (!failed.has(i) && rows.length) out[i].hiddenRows = rows.sort((a, b) => a - b);
  for (const [i, cols] of hiddenCols) if (!colsFailed.has(i)) out[i].hiddenCols = cols;
}

/** Columns probed for a visible one when a sheet's first used column is hidden. */
const MAX_COLUMNS_PROBED = 256;
