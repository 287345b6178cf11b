/**
 * What-if: a plan (possibly edited by hand — a planned figure changed, a school added) written back to the input,
 * for the engine to re-check. The same mapping from a school part's additions to input cells that the planner used.
 */
import { applyWrites, CellWrite } from "./apply";
import { PLAN_KINDS, PlanKind } from "./costs";
import type { Plan, PlanSchool, PlanTransfer } from "./types";
import type { WorkbookInput } from "../workbook";

/** The input cell behind one numerator of one school part, and how much of a write the part sees. */
export interface PlanCell {
  sheet: string;
  cell: string;
  rawPerBase: number;
  coef: number;
}

/** partKey (sheet|row|stage) → numerator kind → its cell. Plain data: it survives structuredClone. */
export type PlanCells = Record<string, Partial<Record<PlanKind, PlanCell>>>;

export const planPartKey = (s: Pick<PlanSchool, "sheet" | "row" | "stage">): string =>
  `${s.sheet}|${s.row}|${s.stage}`;

/**
 * The cell writes of a plan. A part's addition a is a write of a ÷ coef to its cell; two parts reading one
 * whole-school cell (a 一贯制 school) share one write, the larger of the two they ask for, so that each sees at least
 * its figure. Transfers are −count at the giver's cell, +count at the receiver's.
 */
export function planWrites(
  plan: Pick<Plan, "schools" | "transfers">,
  cells: PlanCells
): CellWrite[] {
  const perCell = new Map<string, CellWrite>();
  const put = (c: PlanCell, base: number, combine: (a: number, b: number) => number): void => {
    const key = `${c.sheet}!${c.cell}`;
    const prev = perCell.get(key);
    if (prev) prev.base = combine(prev.base, base);
    else perCell.set(key, { sheet: c.sheet, cell: c.cell, rawPerBase: c.rawPerBase, base });
  };
  for (const s of plan.schools) {
    const mine = cells[planPartKey(s)];
    if (!mine) continue;
    for (const k of PLAN_KINDS) {
      const a = s.additions[k];
      const c = mine[k];
      if (!a || !c || !(c.coef > 0)) continue;
      put(c, a / c.coef, Math.max);
    }
  }
  const moves: CellWrite[] = [];
  const move = (t: PlanTransfer, side: "from" | "to"): void => {
    const key =
      side === "from"
        ? `${t.fromSheet}|${t.fromRow}|${t.fromStage}`
        : `${t.toSheet}|${t.toRow}|${t.toStage}`;
    const c = cells[key]?.[t.kind];
    if (!c) return;
    moves.push({
      sheet: c.sheet,
      cell: c.cell,
      rawPerBase: c.rawPerBase,
      base: side === "from" ? -t.count : t.count,
    });
  };
  for (const t of plan.transfers) {
    move(t, "from");
    move(t, "to");
  }
  return [...perCell.values(), ...moves];
}

/** The input with a plan applied (a copy; the caller's input is unchanged). */
export function applyPlan(
  input: WorkbookInput,
  plan: Pick<Plan, "schools" | "transfers">,
  cells: PlanCells
): WorkbookInput {
  return applyWrites(input, planWrites(plan, cells));
}
