/**
 * Reads every sheet's used range (values only) in row blocks sized to stay under Excel on the web's 5 MB
 * payload limit. Round trips: 1 (sheet list + used ranges + merged areas) + one per batch of blocks; the
 * batches depend only on the amount of data, never on the number of sheets.
 */
import { RawCell, SheetInput, WorkbookInput, parseRange } from "../../engine/workbook";
import { CancelToken, CancelledError, Progress } from "../../ports/sidebarHost";
import { localAddress } from "./addresses";
import { ExcelCapabilities } from "./platform";

/** Cells per sync: at ~40 bytes per cell in the JSON response this stays near 4 MB, under the 5 MB limit. */
export const CELLS_PER_SYNC = 100_000;

interface SheetPlan {
  name: string;
  used: Excel.Range;
  /** Absent where ExcelApi 1.13 is missing: the sheet is read without merges. */
  merged?: Excel.RangeAreas;
}

export async function readWorkbook(
  context: Excel.RequestContext,
  onProgress: (p: Progress) => void,
  cancel: CancelToken,
  caps: Pick<ExcelCapabilities, "merges"> = { merges: true }
): Promise<WorkbookInput> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  await context.sync();

  const plans: SheetPlan[] = [];
  for (const ws of sheets.items) {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    const merged = caps.merges ? used.getMergedAreasOrNullObject() : undefined;
    merged?.load("areas/items/address");
    plans.push({ name: ws.name, used, merged });
  }
  await context.sync();

  const out: SheetInput[] = plans.map((p) => ({ name: p.name, rows: [], merges: [] }));
  // Plan the value blocks: one block ≤ CELLS_PER_SYNC cells; blocks are grouped into syncs of ≤ CELLS_PER_SYNC.
  const blocks: { sheet: number; row: number; col: number; rows: number; cols: number }[] = [];
  plans.forEach((p, i) => {
    if (p.used.isNullObject) return;
    const cols = Math.max(1, p.used.columnCount);
    const rowsPerBlock = Math.max(1, Math.floor(CELLS_PER_SYNC / cols));
    for (let r = 0; r < p.used.rowCount; r += rowsPerBlock) {
      blocks.push({
        sheet: i,
        row: p.used.rowIndex + r,
        col: p.used.columnIndex,
        rows: Math.min(rowsPerBlock, p.used.rowCount - r),
        cols,
      });
    }
    if (p.merged && !p.merged.isNullObject)
      out[i].merges = p.merged.areas.items.map((a) => parseRange(localAddress(a.address)));
  });

  const total = blocks.reduce((s, b) => s + b.rows * b.cols, 0);
  let done = 0;
  let i = 0;
  while (i < blocks.length) {
    if (cancel.cancelled) throw new CancelledError();
    const batch: { block: (typeof blocks)[number]; range: Excel.Range }[] = [];
    let cells = 0;
    while (
      i < blocks.length &&
      (batch.length === 0 || cells + blocks[i].rows * blocks[i].cols <= CELLS_PER_SYNC)
    ) {
      const b = blocks[i++];
      const range = sheets
        .getItem(plans[b.sheet].name)
        .getRangeByIndexes(b.row, b.col, b.rows, b.cols);
      range.load("values");
      batch.push({ block: b, range });
      cells += b.rows * b.cols;
    }
    // One sync per ~4 MB of values: the 5 MB payload limit of Excel on the web makes these syncs necessary,
    // and their number depends only on the amount of data.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    for (const { block, range } of batch) {
      const rows = out[block.sheet].rows;
      const values = range.values as RawCell[][];
      for (let r = 0; r < values.length; r++) {
        const row: RawCell[] = new Array(block.col).fill(undefined);
        for (const v of values[r]) row.push(v === "" ? null : v);
        rows[block.row + r] = row;
      }
    }
    done += cells;
    onProgress({ phase: "read", done, total });
  }
  return { sheets: out };
}
