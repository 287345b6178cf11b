/**
 * The report: one plain JSON object that every front end renders (docs/report-format.md).
 * Fields may be added later, never renamed.
 */
import type { FindingCategory, Severity } from "./findings/catalog";
import type { ExcludedReason, FindingCode, FindingParamsByCode } from "./findings/params";
import type { SchoolKind } from "./schools/stageOf";
import type {
  IndicatorId,
  PolicyOptions,
  SchoolRowLimits,
  Stage,
  StandardId,
} from "../standards/types";
import type { Assessment } from "./assessment/types";

export type Lang = "zh-CN" | "en";

export interface IndicatorResult {
  /** Unrounded per-school value. null = could not be computed (see `missing`). */
  value: number | null;
  /** Value as displayed (half-up at the indicator's decimals). */
  display: string | null;
  threshold: number | null;
  floor: number | null;
  /** null when there is no threshold (basic-2012) or no value. */
  meets: boolean | null;
  /** value ÷ threshold. */
  ratio: number | null;
  /** How much more of the numerator is needed (teachers, ㎡, 元, rooms), 0 when met; null when unknown. */
  gap: number | null;
  /** A1 address (no sheet prefix) of the input cell a person must change. */
  cell: string | null;
  /** The displayed value would flip the verdict (standards.md §7). */
  borderline?: boolean;
  /** Why there is no value: the field that is missing/invalid. */
  missing?: string;
  /** The value came from a precomputed 生均/每百名 column. */
  fromRatioColumn?: boolean;
  /** Column key of the cell that is missing or invalid (see `missing`). */
  missingField?: string;
  /** Why: the cell is empty, marked 不适用, or holds something unusable (reported by its own finding). */
  missingProblem?: "missing" | "not-applicable" | "invalid";
}

export type SchoolStatus = "pass" | "fail" | "incomplete" | "no-verdict" | "excluded";

export interface SchoolCheckResult {
  value: number | null;
  limit: number;
  meets: boolean | null;
  note?: string;
}

export interface SchoolResult {
  name: string;
  stage: Stage;
  sheet: string;
  /** 1-based Excel row number. */
  row: number;
  students: number | null;
  /** Kind as recognised, a code (labels in src/present/labels.ts): primary, junior, nine-year, twelve-year,
   * complete-secondary, teaching-point. */
  type: SchoolKind;
  indicators: Record<string, IndicatorResult>;
  metCount: number;
  /** Indicators met only at the 85% floor (表Ⅱ-2 备注). */
  atFloor: IndicatorId[];
  meets: boolean | null;
  status: SchoolStatus;
  /** A stage part of a 九年一贯制 / 十二年一贯制 / 完全中学 school. */
  split: boolean;
  /** Share of the school's facilities given to this part (1 when not split). */
  share?: number;
  /** Why the school is not assessed, a code (docs/report-format.md); false when it is. */
  excluded: false | ExcludedReason;
  /**
   * The school's 乡镇 as its table's 乡镇 column says (a column headed 乡镇, 所属乡镇, 乡镇（街道）, 街道 …; a merge
   * down over several schools gives each its value). Absent when the table has no such column or the cell is blank.
   */
  township?: string;
  /** Rows merged into this school (branch campuses), 1-based. */
  mergedRows?: number[];
  checks?: Partial<
    Record<"class_size" | "school_size" | "music_rooms" | "art_rooms", SchoolCheckResult>
  >;
}

export interface CountyIndicatorResult {
  mean: number | null;
  sd: number | null;
  cv: number | null;
  limit: number | null;
  meets: boolean | null;
  /** Schools whose value entered the CV, and schools in the stage. */
  schools: number;
  of: number;
  borderline?: boolean;
}

export interface CountyStageResult {
  schools: number;
  students: number;
  schoolsMeeting: number;
  indicators: Record<string, CountyIndicatorResult>;
  /** basic-2012: the mean of the 8 CVs against its limit. quality-2017 has no composite (表Ⅲ "——"). */
  composite?: {
    cv: number | null;
    limit: number;
    meets: boolean | null;
    /** The composite shown at 3 decimals would give the other verdict (standards.md §7). */
    borderline?: boolean;
  };
  meets: boolean | null;
}

/** Where a finding is and what it is about: the fields every finding has, whatever its code. */
export interface FindingBase {
  severity: Severity;
  category: FindingCategory;
  sheet: string | null;
  cell: string | null;
  school: string | null;
  /** The stage part the finding is about (a 一贯制 school has one per stage); null when not about one. */
  stage: Stage | null;
  /** Indicator id; null when not about one. */
  indicator: IndicatorId | null;
}

/**
 * A finding: plain data, language-neutral. `params` is typed by `code` (src/engine/findings/params.ts); its message
 * in either language is rendered from them by src/present/findingText.ts, never stored here.
 */
export type Finding = {
  [C in FindingCode]: FindingBase & { code: C; params: FindingParamsByCode[C] };
}[FindingCode];

/** The finding of one code. */
export type FindingOf<C extends FindingCode> = Extract<Finding, { code: C }>;

export interface TableReport {
  sheet: string;
  /** 1-based Excel rows of the header. */
  headerRows: number[];
  firstDataRow: number;
  /** field key → column letter. */
  columns: Record<string, string>;
  /** Header path and unit of each mapped column, for a UI that shows what it understood. */
  columnDetails: {
    key: string;
    column: string;
    header: string;
    unit: string | null;
    unitSource: "header" | "note" | "inferred" | null;
  }[];
  /** Fields the standard needs that no column provides. */
  unmapped: string[];
  /** Headers we could not place. */
  unknownHeaders: { column: string; header: string }[];
  stage: Stage | null;
  /** Share of the standard's required fields found (0–1). */
  confidence: number;
  skippedRows: { row: number; label: string; reason: string }[];
}

/**
 * The engine's report: ids and codes, no label and no language (docs/decisions.md, "A language-neutral report").
 * Names, units and messages are resolved from the ids by src/present (labels.ts, findingText.ts); the CLI's JSON
 * adds them at output time (src/present/reportJson.ts).
 */
export interface Report {
  tool: { name: "junheng"; version: string };
  standard: {
    id: StandardId;
    document: string;
    profile: string | null;
    stages: Stage[];
    /** The per-school rule in force (standards.md §3.3): ≥ minMet met, each unmet ≥ floorShare; null in basic-2012. */
    perSchool: { minMet: number; floorShare: number } | null;
  };
  policy: PolicyOptions;
  limits: SchoolRowLimits;
  /** Indicator ids in standard order, with their thresholds in force (names: src/present/labels.ts). */
  indicators: {
    id: IndicatorId;
    code: string;
    decimals: number;
    threshold: Record<Stage, number> | null;
    floor: Record<Stage, number> | null;
  }[];
  tables: TableReport[];
  schools: SchoolResult[];
  county: Partial<Record<Stage, CountyStageResult>>;
  findings: Finding[];
  /** Findings left out by the per-code cap: code → how many more. */
  findingsOmitted: Record<string, number>;
  summary: {
    schools: number;
    schoolsMeeting: number;
    errors: number;
    warnings: number;
    meets: boolean | null;
    /** 「可以提交」 when there are no errors, else the number of blocking items. */
    readyToSubmit: boolean;
    /**
     * Findings that mean part of the workbook was not assessed (a school whose stage cannot be told, a row
     * with figures but no name, formulas without results). While > 0, `meets` is null.
     */
    leftOut: number;
  };
  /** quality-2017: the whole assessment and the answer to 「可以申报吗？」 (standards.md §17.8). */
  assessment?: Assessment;
}
