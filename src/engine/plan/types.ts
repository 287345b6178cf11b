/**
 * The JSON of `junheng plan` (docs/report-format.md, "The plan"). Fields may be added, never renamed.
 */
import type { Stage } from "../../standards/types";
import type { PlanKind, UnitCosts } from "./costs";
import type { UnplannedReason } from "./schoolPlan";

export type Amounts = Partial<Record<PlanKind, number>>;

export interface PlanSchool {
  name: string;
  stage: Stage;
  sheet: string;
  /** 1-based Excel row of the school's (first) row. */
  row: number;
  /** Everything added to this part, in base units (人, ㎡, 元, 间) as the engine sees it for the part. */
  additions: Amounts;
  /** Σ additions × unit cost, 元. */
  cost: number;
  /** The additions that make the school pass (§3.3), and those added to bring a CV under its limit. */
  forStandard: Amounts;
  forCv: Amounts;
  /** Verdict before the plan. */
  statusBefore: string;
  /**
   * 专任教师 to add with the teachers the plan adds (they are 专任教师 too), so that no school holds more 高学历 / 骨干
   * / 体艺 teachers than teachers; negative at a school that gives teachers by transfer. No cost of its own (the
   * teachers are costed in `additions`). Absent when nothing changes.
   */
  teachers?: number;
  /** The indicator the plan leaves between its 85 % floor and its threshold (null: none). */
  exempt: string | null;
  /** 乡镇 of the row, when the table has such a column. */
  township?: string;
}

export interface PlanTransfer {
  kind: PlanKind;
  from: string;
  fromStage: Stage;
  fromSheet: string;
  fromRow: number;
  to: string;
  toStage: Stage;
  toSheet: string;
  toRow: number;
  count: number;
}

export interface PlanCvIndicator {
  cv: number | null;
  mean: number | null;
  sd: number | null;
  limit: number | null;
  meets: boolean | null;
}

/** The county as the engine sees it (before the plan, or re-run with it applied). */
export interface PlanOutcome {
  schools: number;
  schoolsMeeting: number;
  meets: boolean | null;
  county: Partial<
    Record<
      Stage,
      {
        schools: number;
        schoolsMeeting: number;
        meets: boolean | null;
        indicators: Record<string, PlanCvIndicator>;
      }
    >
  >;
}

export interface PlanUnplanned {
  name: string;
  stage: Stage;
  sheet: string;
  row: number;
  reason: UnplannedReason;
  indicators: string[];
}

export interface PlanCv {
  stage: Stage;
  indicator: string;
  before: number | null;
  after: number | null;
  limit: number;
  meets: boolean | null;
}

export interface Plan {
  tool: { name: "junheng"; version: string };
  standard: string;
  /** The per-school floor share in force (0.85 nationally; a profile may change it), for the texts that state it. */
  floorShare: number | null;
  costs: UnitCosts;
  schools: PlanSchool[];
  transfers: PlanTransfer[];
  total: number;
  /** Totals per kind over all schools (base units). */
  totals: Amounts;
  /** Cost per 乡镇, when the table has a 乡镇 column. */
  townships?: { name: string; schools: number; cost: number }[];
  unplanned: PlanUnplanned[];
  /** Every CV over its limit before the plan, before and after. */
  cvs: PlanCv[];
  before: PlanOutcome;
  after: PlanOutcome;
}
