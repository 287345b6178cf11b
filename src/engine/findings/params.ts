/**
 * The typed parameters of every finding code: a discriminated union by `code`, as zod's issue codes. A finding
 * carries data only — numbers unrounded, reasons as codes, columns as keys, indicators as ids — and the settings
 * its message states (a limit, a weight, a share), so that a message rendered later (src/present/findingText.ts)
 * states the rule that was applied, never the national default. Nothing is prose here.
 */
import type { IndicatorId, NumeratorKind, Stage } from "../../standards/types";
import type { Dimension } from "../cells/units";
import type { SchoolKind } from "../schools/stageOf";

/** A column as the engine mapped it: its key (`field.part@stage`, `ratio.id`) and its header as written. */
export interface ColumnRef {
  /** Column key (docs/report-format.md, "Column keys"). */
  field: string;
  /** The header path as the workbook writes it ("教师 › 专任教师"). */
  header: string;
}

/** Why a value an indicator needs is absent (the reason reaches the finding: one finding per cause). */
export type MissingReason = "empty" | "not-applicable";

/** Why a school is not assessed (standards.md §8.4, §2 teachingPointMinStudents / excludePrivate). */
export type ExcludedReason =
  | "special-education"
  | "vocational"
  | "senior-high"
  | "small-teaching-point"
  | "private"
  /** 在校生数 is 0 (a closed school, a stage with no pupils): skipped, standards.md §6 edge cases. */
  | "no-students";

/** Why the stage of a school cannot be told, or was assumed (standards.md §8.4–8.6). */
export type UnknownStageReason =
  /** 「一贯制」 without 九年/十二年: assumed nine-year (the school is still assessed). */
  | "through-train-unspecified"
  /** 「…中学」: junior or senior cannot be told apart. */
  | "secondary-ambiguous"
  /** No stage column, no per-stage students, and the name does not tell. */
  | "no-evidence"
  /** A combined school without per-stage student counts cannot be split. */
  | "no-stage-students";

export type ImpossibleReason =
  /** More qualified / key / PE-arts teachers than 专任教师. */
  | "subset-exceeds-teachers"
  /** 0 students but teachers or facilities. */
  | "resources-without-students";

/** Why an assessment item was judged on part of its inputs (standards.md §17.3, §17.6). */
export type PartialInputReason =
  /** A 是/否 condition of the item (`code`, e.g. G8.performance_pay) was not entered: judged on the figures alone. */
  | { reason: "condition-not-entered"; code: string; judgedOn: "salaries" | "share" }
  /** G5: a school's class-size bands add up to `bands` classes, not its `classes`. */
  | { reason: "bands-mismatch"; bands: number; classes: number }
  /** G5: `schools` schools give only their largest class, each counted as 1 class over the limit (a lower bound). */
  | { reason: "largest-class-only"; schools: number }
  /** G3: `schools` schools give a total room area only: total ÷ 间数 stands for each room (§17.3). */
  | { reason: "average-room-area"; schools: number };

export interface FindingParamsByCode {
  /** An indicator's input cell is empty (or 不适用): the indicator cannot be computed. */
  "missing-value": ColumnRef & {
    reason: MissingReason;
    /** Every indicator of the school part this cell blocks (an empty 在校生数 blocks all of them). */
    indicators: IndicatorId[];
  };
  "not-a-number": ColumnRef & { text: string };
  "error-value": ColumnRef & { text: string };
  "negative-value": ColumnRef & { value: number };
  "fractional-count": ColumnRef & { value: number };
  "unit-inferred": ColumnRef & { unit: "元" | "万元"; medianPerStudent: number };
  /** `dimension` says which units would have been understood. */
  "unit-unknown": ColumnRef & { unit: string; dimension: Dimension | null };
  "unit-conflict": ColumnRef & { cellUnit: string; headerUnit: string };
  "impossible-value": {
    reason: ImpossibleReason;
    /** subset-exceeds-teachers: which count, its value and the 专任教师 it exceeds. */
    field?: NumeratorKind;
    value?: number;
    teachers?: number;
  };
  "duplicate-school": { otherSheet: string; otherRow: number };
  /** The same name and the same figure in every column as an earlier row of the table (checks/duplicates.ts). */
  "duplicate-row": { otherSheet: string; otherRow: number };
  "total-mismatch": ColumnRef & { label: string; total: number; sum: number };
  /** A required field no column provides: one finding per field and table, naming the indicators it blocks. */
  "unmapped-field": { field: string; indicators: IndicatorId[] | "all" };
  "column-ambiguous": {
    /** The field key two or more columns claim equally well. */
    field: string;
    /** The column read (letter) and its header path. */
    column: string;
    header: string;
    /** The columns left aside, and their header paths. */
    others: string[];
    otherHeaders: string[];
  };
  "unknown-stage": { reason: UnknownStageReason; kind?: SchoolKind };
  /** The stage was decided on a weak reading (「一贯制」 without 九年/十二年): the school is kept. */
  "stage-assumed": { reason: UnknownStageReason };
  /** A row with figures but no school name (its 1-based row number). */
  "name-missing": { row: number };
  /** Formulas without a cached result on the sheet: how many, and the first (the finding's cell). */
  "formula-uncached": { count: number; first: string };
  /** A second header on the sheet whose table cannot be read (1-based row of that header). */
  "table-unreadable": { row: number };
  "hidden-sheet-skipped": Record<string, never>;
  /** School rows of a table that are hidden in the sheet but read as data: how many, the first 1-based rows. */
  "hidden-rows-read": { count: number; rows: number[] };
  /**
   * Columns a table reads (school name and every mapped column) that are hidden in the sheet: how many, and the
   * first ones' letters and header paths as written (" › " between levels), in sheet order.
   */
  "hidden-columns-read": { count: number; columns: string[]; headers: string[] };
  "split-apportioned": {
    kind: SchoolKind;
    /** Headers of the whole-school teacher columns apportioned by student share. */
    teacherColumns: string[];
    /** Headers of the facility columns apportioned by `method`. */
    facilityColumns: string[];
    method: "weights" | "student-share";
    /** The weights in force for this school (完全中学: junior 1 : senior completeSecondarySeniorWeight). */
    weights: { primary: number; junior: number; senior: number };
  };
  "branch-merged": { parent: string };
  "school-excluded": { reason: ExcludedReason; minStudents?: number };
  /** 在校生数 0 and no figure above 0: the school is skipped (excluded, reason no-students), §6 edge cases. */
  "school-no-students": Record<string, never>;
  "precomputed-mismatch": { given: number; computed: number };
  "ratio-scale-suspect": ColumnRef & { median: number };
  /**
   * A per-student value out of any plausible scale (standards.md §11.3): an area outside [low, high] ㎡ per
   * student, or an amount about `factor` times the stage's median per student (a cell typed in 万元 in a 元
   * column gives factor 1/10,000). A warning: the value is used as read, never rescaled.
   */
  "value-scale-suspect":
    | { reason: "area-out-of-range"; value: number; low: number; high: number }
    | { reason: "money-off-scale"; value: number; median: number; factor: number };
  /** The 小学 schools of the table (assessed or not) that read 高于规定学历 from that column. */
  "bachelor-for-primary": ColumnRef & { schools: number };
  "below-standard": {
    value: number;
    threshold: number;
    /** How much more of the numerator is needed, in its natural unit (`of`); null when unknown. */
    gap: { amount: number; of: NumeratorKind } | null;
  };
  "school-fails": {
    metCount: number;
    /** The rule in force (standards.md §3.3): at least minMet met, every unmet one ≥ floorShare. */
    minMet: number;
    floorShare: number;
    /** Too few indicators met. */
    tooFewMet: boolean;
    /** Indicators below the floor, with value ÷ threshold. */
    belowFloor: { indicator: IndicatorId; ratio: number | null }[];
  };
  "school-incomplete": { missing: string[] };
  /** indicator null (on the finding) = basic-2012's composite CV. */
  "cv-over-limit": { cv: number; limit: number };
  "cv-incomplete": { schools: number; of: number };
  /** standards.md §6: a stage with one school has CV 0 by construction — it passes, but compares nothing. */
  "cv-one-school": { schools: number };
  /** standards.md §6: X̄ = 0 (no school has any of it) — the CV is undefined, so the indicator has no verdict. */
  "cv-not-assessable": { mean: number; schools: number };
  borderline: { value: number; shown: string; threshold: number; meets: boolean };
  "class-size": {
    value: number;
    limit: number;
    basis: "max" | "average";
    /** 大班额 / 超大班额 band of the value (standards.md §13), with the bounds in force. */
    band: "large" | "very-large" | null;
    largeFrom: number;
    veryLargeFrom: number;
  };
  /** One whole-school maximum for a split school between the two stages' limits. */
  "class-size-undetermined": { value: number; limits: Record<Stage, number> };
  "school-size": { value: number; limit: number; basis: "stage" | "compulsory" };
  "music-art-rooms": {
    room: "music" | "art";
    rooms: number;
    classes: number;
    required: number;
    classesPerRoom: number;
    /** Set when the rooms are enough but too small on average (total area ÷ rooms). */
    areaPerRoom?: number;
    minArea?: number;
    /** Set when `rooms` counts only the rooms of at least this area each (room-size band columns, §17.3). */
    roomsOfAtLeast?: number;
  };
  "no-table": Record<string, never>;
  // 「县级指标」 and the whole assessment (standards.md §17): `code` is a county data code (src/standards/county-codes-2017.ts),
  // `item` an assessment item id (src/standards/assessment-2017.ts).
  "county-no-header": Record<string, never>;
  "county-unknown-code": { code: string };
  "county-duplicate-code": { code: string; cells: string[] };
  "county-bad-value": {
    code: string;
    text: string;
    /** part: a count larger than the count it is part of (`of`, at most `limit`). */
    expected: "judgement" | "level" | "number" | "rate" | "gap" | "part";
    of?: string;
    limit?: number;
  };
  "county-bad-unit": { code: string; unit: string };
  "county-school-mismatch": { code: string; county: number; schools: number };
  "county-rate-differs": { code: string; entered: number; computed: number };
  "county-sheet-ignored": { file: string };
  /** An item judged on part of its inputs, and why (the finding's `school` for bands-mismatch). */
  "assessment-partial-input": { item: string } & PartialInputReason;
  "assessment-item-fails": { item: string; schools: string[] };
}

export type FindingCode = keyof FindingParamsByCode;
