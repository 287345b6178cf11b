/**
 * What-if: a plan (possibly edited by hand — a planned figure changed, a school added) written back to the input,
 * for the engine to re-check. The same mapping from a school part's additions to input cells that the planner used.
 * And what-if on the data itself: a school's figures changed (applyDataEdits), re-checked with and without the plan.
 */
import { normalizeCell } from "../cells/normalize";
import { checkWorkbook, CheckOptions } from "../report";
import type { Report } from "../reportTypes";
import { parseAddress, WorkbookInput } from "../workbook";
import { applyWrites, CellWrite } from "./apply";
import { PLAN_KINDS, PlanKind, UnitCosts } from "./costs";
import type { Plan, PlanSchool, PlanTransfer } from "./types";

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

/** What-if on the data: one input cell set to a number, in the cell's own unit (what the user types). */
export interface DataEdit {
  sheet: string;
  /** A1 address, no sheet prefix. */
  cell: string;
  value: number;
}

/** The input with the data edits applied (a copy of the rows edited; the caller's input is unchanged). */
export function applyDataEdits(input: WorkbookInput, edits: readonly DataEdit[]): WorkbookInput {
  if (edits.length === 0) return input;
  return {
    sheets: input.sheets.map((sheet) => {
      const mine = edits.filter((e) => e.sheet === sheet.name);
      if (mine.length === 0) return sheet;
      const rows = sheet.rows.slice();
      for (const e of mine) {
        const { row, col } = parseAddress(e.cell);
        rows[row] = (rows[row] ?? []).slice();
        rows[row][col] = e.value;
      }
      return { ...sheet, rows };
    }),
  };
}

/** One numerator cell of a school part, as the what-if view shows it: the number in the cell's unit, or null. */
export interface DataCell {
  kind: PlanKind;
  sheet: string;
  cell: string;
  value: number | null;
  /** The cell's unit per base unit (1 ÷ 10000 for a 万元 column); the view states the unit. */
  rawPerBase: number;
}

/** The numerator cells of one part (partKey), in the order of the plan kinds, with their current values. */
export function dataCellsOf(input: WorkbookInput, cells: PlanCells, partKey: string): DataCell[] {
  const mine = cells[partKey];
  if (!mine) return [];
  const out: DataCell[] = [];
  for (const kind of PLAN_KINDS) {
    const c = mine[kind];
    if (!c) continue;
    const sheet = input.sheets.find((s) => s.name === c.sheet);
    const { row, col } = parseAddress(c.cell);
    const v = normalizeCell(sheet?.rows[row]?.[col]);
    out.push({
      kind,
      sheet: c.sheet,
      cell: c.cell,
      value: v.kind === "number" ? v.value : null,
      rawPerBase: c.rawPerBase,
    });
  }
  return out;
}

/**
 * The engine's verdicts on edited data: `before` with the data edits alone, `after` with the plan (as it stands,
 * possibly edited) applied on top of them. The plan's cell writes add to the edited values.
 */
export function whatIf(
  input: WorkbookInput,
  plan: Pick<Plan, "schools" | "transfers">,
  cells: PlanCells,
  edits: readonly DataEdit[],
  options: CheckOptions = {}
): { before: Report; after: Report; input: WorkbookInput } {
  const edited = applyDataEdits(input, edits);
  return {
    before: checkWorkbook(edited, options).report,
    after: checkWorkbook(applyPlan(edited, plan, cells), options).report,
    input: edited,
  };
}

/** Planned amounts as edited by hand: partKey → kind → amount (base units). */
export type AmountEdits = Record<string, Partial<Record<PlanKind, number>>>;

/** The plan with edited amounts, each school's cost and the total worked out again at `costs`. */
export function withAmounts(plan: Plan, edits: AmountEdits, costs: UnitCosts): Plan {
  let total = 0;
  const schools = plan.schools.map((s) => {
    const e = edits[planPartKey(s)];
    const additions = e ? { ...s.additions, ...e } : s.additions;
    const cost = PLAN_KINDS.reduce((x, k) => x + (additions[k] ?? 0) * costs[k], 0);
    total += cost;
    return { ...s, additions, cost };
  });
  return { ...plan, costs, schools, total };
}
