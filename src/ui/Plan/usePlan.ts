/**
 * The 「达标测算」 view's state: the plan for the workbook as checked (planWorkbook), the unit costs as edited, the
 * amounts as edited, and the re-check of the edited plan (applyPlan + checkWorkbook). The view computes nothing itself.
 */
import * as React from "react";
import type { CheckOverrides } from "../../engine/overrides";
import { checkWorkbook } from "../../engine/report";
import type { Report } from "../../engine/reportTypes";
import type { WorkbookInput } from "../../engine/workbook";
import {
  applyPlan,
  DEFAULT_COSTS,
  outcomeOf,
  PLAN_KINDS,
  planPartKey,
  planWorkbook,
  type Plan,
  type PlanKind,
  type PlanOutcome,
  type PlanResult,
  type UnitCosts,
} from "../../engine/plan";

/** partKey → kind → amount as typed by the user. */
export type Edits = Record<string, Partial<Record<PlanKind, number>>>;

export interface PlanViewState {
  result: PlanResult | null;
  /** The plan with the user's amounts (costs recomputed). */
  plan: Plan | null;
  /** The engine's re-check of `plan` applied (the planner's own when nothing is edited). */
  outcome: PlanOutcome | null;
  report: Report | null;
  costs: UnitCosts;
  edits: Edits;
  error: "not-possible" | null;
}

export interface PlanViewActions {
  setCost(kind: PlanKind, value: number): void;
  setAmount(partKey: string, kind: PlanKind, value: number): void;
  reset(): void;
}

function withEdits(plan: Plan, edits: Edits, costs: UnitCosts): Plan {
  let total = 0;
  const schools = plan.schools.map((s) => {
    const e = edits[planPartKey(s)];
    const additions = e ? { ...s.additions, ...e } : s.additions;
    const cost = PLAN_KINDS.reduce((x, k) => x + (additions[k] ?? 0) * costs[k], 0);
    total += cost;
    return { ...s, additions, cost };
  });
  return { ...plan, schools, total };
}

export function usePlan(
  input: WorkbookInput | null,
  overrides: CheckOverrides
): [PlanViewState, PlanViewActions] {
  const [costs, setCosts] = React.useState<UnitCosts>(DEFAULT_COSTS);
  const [edits, setEdits] = React.useState<Edits>({});

  const planned = React.useMemo((): {
    result: PlanResult | null;
    error: PlanViewState["error"];
  } => {
    if (!input) return { result: null, error: null };
    try {
      return { result: planWorkbook(input, { overrides, costs }), error: null };
    } catch {
      return { result: null, error: "not-possible" };
    }
  }, [input, overrides, costs]);

  const { result } = planned;
  const edited = Object.keys(edits).length > 0;
  const plan = React.useMemo(
    () => (result ? (edited ? withEdits(result.plan, edits, costs) : result.plan) : null),
    [result, edits, edited, costs]
  );
  // What-if: the edited plan written back and re-checked by the engine.
  const report = React.useMemo((): Report | null => {
    if (!result || !input || !plan) return null;
    if (!edited) return result.afterReport;
    return checkWorkbook(applyPlan(input, plan, result.cells), { overrides }).report;
  }, [result, input, plan, edited, overrides]);

  const actions: PlanViewActions = {
    setCost: (kind, value) => {
      if (Number.isFinite(value) && value >= 0) setCosts((c) => ({ ...c, [kind]: value }));
    },
    setAmount: (partKey, kind, value) => {
      if (!Number.isFinite(value) || value < 0) return;
      setEdits((e) => ({ ...e, [partKey]: { ...(e[partKey] ?? {}), [kind]: value } }));
    },
    reset: () => setEdits({}),
  };
  return [
    {
      result,
      plan,
      outcome: report ? outcomeOf(report) : null,
      report,
      costs,
      edits,
      error: planned.error,
    },
    actions,
  ];
}
