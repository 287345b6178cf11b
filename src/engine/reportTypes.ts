/**
 * The report: one plain JSON object that every front end renders (docs/report-format.md).
 * Fields may be added later, never renamed.
 */
import type { FindingCategory, FindingCode, Severity } from "./findings/catalog";
import type { PolicyOptions, SchoolRowLimits, Stage, StandardId } from "../standards/types";
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
  /** Type as recognised: 小学, 初中, 九年一贯制, 十二年一贯制, 完全中学, 教学点. */
  type: string;
  indicators: Record<string, IndicatorResult>;
  metCount: number;
  /** Indicators met only at the 85% floor (表Ⅱ-2 备注). */
  atFloor: string[];
  meets: boolean | null;
  status: SchoolStatus;
  /** A stage part of a 九年一贯制 / 十二年一贯制 / 完全中学 school. */
  split: boolean;
  /** Share of the school's facilities given to this part (1 when not split). */
  share?: number;
  excluded: false | string;
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
  composite?: { cv: number | null; limit: number; meets: boolean | null };
  meets: boolean | null;
}

export interface Finding {
  severity: Severity;
  category: FindingCategory;
  code: FindingCode;
  sheet: string | null;
  cell: string | null;
  school: string | null;
  /** The stage part the finding is about (a 一贯制 school has one per stage); null when not about one. */
  stage: Stage | null;
  indicator: string | null;
  message: string;
  /** The same finding in the other language. */
  messages: Record<Lang, string>;
}

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

export interface Report {
  tool: { name: "junheng"; version: string };
  lang: Lang;
  standard: {
    id: StandardId;
    name: string;
    document: string;
    profile: string | null;
    stages: Stage[];
  };
  policy: PolicyOptions;
  limits: SchoolRowLimits;
  /** Indicator ids in standard order, with names and thresholds, so renderers need no standard lookup. */
  indicators: {
    id: string;
    code: string;
    name: string;
    short: string;
    unit: string;
    decimals: number;
    /** Unit of a school's `gap` (teachers, ㎡, 元, rooms). */
    gapUnit: string;
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
