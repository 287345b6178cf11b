/**
 * The 「达标测算」 view's state: the plan for the workbook as checked (planWorkbook), the unit costs as edited, the
 * amounts as edited, a school's data as edited (what-if), and the engine's re-check of all of it (whatIf). The view
 * computes nothing itself: every figure comes from src/engine/plan.
 */
import * as React from "react";
import type { CheckOverrides } from "../../engine/overrides";
import type { Report } from "../../engine/reportTypes";
import type { WorkbookInput } from "../../engine/workbook";
import {
  applyDataEdits,
  dataCellsOf,
  DEFAULT_COSTS,
  outcomeOf,
  planWorkbook,
  whatIf,
  withAmounts,
  type AmountEdits,
  type DataCell,
  type DataEdit,
  type Plan,
  type PlanKind,
  type PlanOutcome,
  type PlanResult,
  type UnitCosts,
} from "../../engine/plan";

/** partKey → kind → amount as typed by the user. */
export type Edits = AmountEdits;

export interface PlanViewState {
  result: PlanResult | null;
  /** The plan with the user's amounts (costs recomputed). */
  plan: Plan | null;
  /** The engine's re-check of `plan` applied (the planner's own when nothing is edited). */
  outcome: PlanOutcome | null;
  report: Report | null;
  /** The re-check of the edited data without the plan (null when no data is edited). */
  dataBefore: Report | null;
  costs: UnitCosts;
  edits: Edits;
  /** Data cells as edited: "sheet!cell" → the edit. */
  dataEdits: Record<string, DataEdit>;
  /** The school part whose data is shown for editing (partKey), and its cells with the values in force. */
  selected: string | null;
  selectedCells: DataCell[];
  /** The plan was made again on edited data (「按改后数据重新测算」). */
  replanned: boolean;
  error: "not-possible" | null;
}

export interface PlanViewActions {
  setCost(kind: PlanKind, value: number): void;
  setAmount(partKey: string, kind: PlanKind, value: number): void;
  select(partKey: string | null): void;
  setData(sheet: string, cell: string, value: number): void;
  /** Plans again on the data as edited. */
  replan(): void;
  reset(): void;
}

export function usePlan(
  input: WorkbookInput | null,
  overrides: CheckOverrides
): [PlanViewState, PlanViewActions] {
  const [costs, setCosts] = React.useState<UnitCosts>(DEFAULT_COSTS);
  const [edits, setEdits] = React.useState<Edits>({});
  const [dataEdits, setDataEdits] = React.useState<Record<string, DataEdit>>({});
  const [selected, setSelected] = React.useState<string | null>(null);
  // The data the plan is made for: the workbook as checked, or as edited when the user asked to plan again.
  const [planBase, setPlanBase] = React.useState<WorkbookInput | null>(null);
  React.useEffect(() => setPlanBase(null), [input]);
  const base = planBase ?? input;

  const planned = React.useMemo((): {
    result: PlanResult | null;
    error: PlanViewState["error"];
  } => {
    if (!base) return { result: null, error: null };
    try {
      return { result: planWorkbook(base, { overrides, costs }), error: null };
    } catch {
      return { result: null, error: "not-possible" };
    }
  }, [base, overrides, costs]);

  const { result } = planned;
  const edited = Object.keys(edits).length > 0;
  const dataList = React.useMemo(() => Object.values(dataEdits), [dataEdits]);
  const plan = React.useMemo(
    () => (result ? (edited ? withAmounts(result.plan, edits, costs) : result.plan) : null),
    [result, edits, edited, costs]
  );
  // What-if: the edited data and the edited plan, re-checked by the engine.
  const checked = React.useMemo((): { report: Report | null; before: Report | null } => {
    if (!result || !base || !plan) return { report: null, before: null };
    if (!edited && dataList.length === 0) return { report: result.afterReport, before: null };
    const r = whatIf(base, plan, result.cells, dataList, { overrides });
    return { report: r.after, before: dataList.length ? r.before : null };
  }, [result, base, plan, edited, dataList, overrides]);

  const selectedCells = React.useMemo((): DataCell[] => {
    if (!result || !base || !selected) return [];
    return dataCellsOf(applyDataEdits(base, dataList), result.cells, selected);
  }, [result, base, selected, dataList]);

  const actions: PlanViewActions = {
    setCost: (kind, value) => {
      if (Number.isFinite(value) && value >= 0) setCosts((c) => ({ ...c, [kind]: value }));
    },
    setAmount: (partKey, kind, value) => {
      if (!Number.isFinite(value) || value < 0) return;
      setEdits((e) => ({ ...e, [partKey]: { ...(e[partKey] ?? {}), [kind]: value } }));
    },
    select: (partKey) => setSelected(partKey),
    setData: (sheet, cell, value) => {
      if (!Number.isFinite(value) || value < 0) return;
      setDataEdits((d) => ({ ...d, [`${sheet}!${cell}`]: { sheet, cell, value } }));
    },
    replan: () => {
      if (!base) return;
      setPlanBase(applyDataEdits(base, dataList));
      setDataEdits({});
      setEdits({});
    },
    reset: () => {
      setEdits({});
      setDataEdits({});
      setPlanBase(null);
    },
  };
  return [
    {
      result,
      plan,
      outcome: checked.report ? outcomeOf(checked.report) : null,
      report: checked.report,
      dataBefore: checked.before,
      costs,
      edits,
      dataEdits,
      selected,
      selectedCells,
      replanned: planBase !== null,
      error: planned.error,
    },
    actions,
  ];
}
