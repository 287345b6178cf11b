/**
 * Writing a plan back into the engine's input: each addition or transfer is a change of one input cell, in the
 * column's own unit (a 万元 column gets 元 ÷ 10000), so re-running the engine on the result shows what the plan
 * achieves. The user's workbook is never touched: this works on a copy of the plain values.
 */
import { normalizeCell } from "../cells/normalize";
import { parseAddress, RawCell, WorkbookInput } from "../workbook";

/** One input cell to change: add `base` numerator units, which is `base × rawPerBase` in the cell's unit. */
export interface CellWrite {
  sheet: string;
  /** A1 address, no sheet prefix. */
  cell: string;
  /** Raw cell units per numerator base unit (1 ÷ 10000 for a 万元 column; scale ÷ students for a 生均 column). */
  rawPerBase: number;
  /** Base units to add (negative for the giving school of a transfer). */
  base: number;
}

/** Thrown when a planned cell holds no number to add to (the plan never targets such a cell). */
export class ApplyError extends Error {}

/** The cell's value plus the change, as a number in the cell's unit. */
function changed(raw: RawCell, w: CellWrite): number {
  const v = normalizeCell(raw);
  if (v.kind !== "number") throw new ApplyError(`${w.sheet}!${w.cell} holds no number`);
  // A text number with its own unit ("300万元" in a 元 column) is rewritten as a plain number in the column's unit.
  const current = v.unit ? v.value * v.unit.factor * w.rawPerBase : v.value;
  return current + w.base * w.rawPerBase;
}

/**
 * A copy of `input` with every write applied (several writes to one cell add up). Only the rows written to are
 * copied; the caller's input is left as it was.
 */
export function applyWrites(input: WorkbookInput, writes: readonly CellWrite[]): WorkbookInput {
  const bySheet = new Map<string, CellWrite[]>();
  for (const w of writes) {
    if (w.base === 0) continue;
    const list = bySheet.get(w.sheet) ?? [];
    list.push(w);
    bySheet.set(w.sheet, list);
  }
  return {
    sheets: input.sheets.map((sheet) => {
      const list = bySheet.get(sheet.name);
      if (!list) return sheet;
      const rows = sheet.rows.slice();
      const copied = new Set<number>();
      // Sum the writes per cell first, so one cell gets one new value.
      const perCell = new Map<string, CellWrite>();
      for (const w of list) {
        const prev = perCell.get(w.cell);
        perCell.set(w.cell, prev ? { ...prev, base: prev.base + w.base } : { ...w });
      }
      for (const w of perCell.values()) {
        const { row, col } = parseAddress(w.cell);
        if (!copied.has(row)) {
          rows[row] = (rows[row] ?? []).slice();
          copied.add(row);
        }
        rows[row][col] = changed(rows[row][col], w);
      }
      return { ...sheet, rows };
    }),
  };
}
