/**
 * Standards are data: every threshold, floor, limit and weight lives in a StandardDefinition so that a
 * province profile can override it without touching code (standards.md §1, "load thresholds from a
 * standard profile a province profile can override").
 */

export type Stage = "primary" | "junior";
export const STAGES: readonly Stage[] = ["primary", "junior"];

export type StandardId = "quality-2017" | "basic-2012";

export type Comparison = ">=" | "<=" | "<";

export interface Localized {
  "zh-CN": string;
  en: string;
}

/** The raw school fields an indicator is built from (keys of the synonym table, standards.md §11.2). */
export type NumeratorKind =
  | "qualified_teachers"
  | "key_teachers"
  | "pe_arts_teachers"
  | "teaching_space"
  | "sports_space"
  | "equipment_value"
  | "multimedia_rooms"
  | "computers"
  | "books"
  | "teachers"
  | "senior_title_teachers";

/**
 * The id of every indicator of every standard (standards.md §3.1 quality-2017, §3.3 basic-2012, which reuses
 * three of 2017's). IndicatorDefinition.id is typed with it, so a standard cannot carry an id missing here, and
 * test/standards/indicatorIds.test.ts checks that every id here is some standard's.
 */
export const INDICATOR_IDS = [
  "qualified_teachers_per_100",
  "key_teachers_per_100",
  "pe_arts_teachers_per_100",
  "teaching_space_per_student",
  "sports_space_per_student",
  "equipment_value_per_student",
  "multimedia_rooms_per_100",
  "computers_per_100",
  "books_per_student",
  "teachers_per_student",
  "qualified_teachers_per_student",
  "senior_title_teachers_per_student",
] as const;

export type IndicatorId = (typeof INDICATOR_IDS)[number];

export function isIndicatorId(id: string): id is IndicatorId {
  return (INDICATOR_IDS as readonly string[]).includes(id);
}

export interface IndicatorDefinition {
  id: IndicatorId;
  /** L1…L7 (2017) or the 表2 order (2012). */
  code: string;
  name: Localized;
  /** Short name for tight spaces (tables, charts). */
  short: Localized;
  /** Unit of the per-school value (人, ㎡, 元, 间, 台, 册, or "" for a ratio). */
  unit: Localized;
  /** What the numerator counts, with its natural unit for gaps ("名高于规定学历教师", "㎡", "元", "间"). */
  numerator: NumeratorKind;
  gapUnit: Localized;
  /** 100 for 每百名学生 indicators, 1 for per-student ones. */
  scale: number;
  /** Whole numbers (people, rooms) round gaps up to the next integer. */
  integerGap: boolean;
  /** Decimals shown for school values and county means (standards.md §7). */
  decimals: number;
  /** Per-stage threshold; absent = no per-school verdict (basic-2012). */
  threshold?: Record<Stage, number>;
  /** Per-stage 85% floor stored as exact decimals (0.85 × 4.5 in floating point is 3.8249999999999997). */
  floor?: Record<Stage, number>;
  comparison: Comparison;
  source: string;
}

export interface PerSchoolRule {
  /** At least this many indicators must be met … */
  minMet: number;
  /** … and every unmet one must reach this share of its threshold (the floors above are authoritative). */
  floorShare: number;
  source: string;
}

export interface CvRule {
  /** Each indicator's CV must satisfy `cv <= limit[stage]` (quality-2017). */
  perIndicatorLimit?: Record<Stage, number>;
  /** The mean of all CVs must satisfy `<= limit[stage]` (basic-2012). */
  compositeLimit?: Record<Stage, number>;
  source: string;
}

export interface StandardDefinition {
  id: StandardId;
  name: Localized;
  document: string;
  indicators: IndicatorDefinition[];
  perSchool?: PerSchoolRule;
  cv: CvRule;
  /** School-row checks of 政府保障程度 that this standard includes (quality-2017 only). */
  schoolChecks: SchoolCheckId[];
}

export type SchoolCheckId = "class_size" | "school_size" | "music_art_rooms";

export interface SchoolRowLimits {
  /** 最大班额 ≤ (standards.md §10, 政府保障 item 5). */
  classSize: Record<Stage, number>;
  /** Band warnings: 大班额 from, 超大班额 from (standards.md §13). */
  largeClassFrom: number;
  veryLargeClassFrom: number;
  /** 学校规模 ≤ (item 4). */
  schoolSize: Record<Stage, number>;
  /** 九年/十二年一贯制: 义务教育阶段 students ≤. */
  throughTrainSchoolSize: number;
  /** 每 N 个班 1 间音乐、美术专用教室 (item 3). */
  classesPerSpecialRoom: number;
  musicRoomMinArea: number;
  artRoomMinArea: number;
  /** G7 特殊教育学校生均公用经费 ≥ (元; 6000 by the 2017 method, 8000 in the 沈阳 sheets), §17.5. */
  specialFundsPerStudent: number;
  /** G2: the county's 生均公用经费基准定额 must reach these (元), when a province sets them; null = no such test. */
  fundingBase: { primary: number; junior: number } | null;
}

/** Policy options, standards.md §2. Every report states the values used. */
export interface PolicyOptions {
  /** "weighted" = student-weighted population CV (official); "unweighted" is labelled non-standard. */
  cvMethod: "weighted" | "unweighted";
  /** 一贯制 split: weights for primary : junior : senior students; 完全中学 uses junior : senior = 1 : completeSecondaryWeight. */
  splitMethod: "weights" | "student-share";
  splitWeights: { primary: number; junior: number; senior: number };
  completeSecondarySeniorWeight: number;
  /** 教学点 with fewer students are excluded from CVs and the school list. */
  teachingPointMinStudents: number;
  /** Subtract a separate 室内体育用房 column from 教学及辅助用房 and count it toward 场馆. */
  subtractIndoorSports: boolean;
  /** Infer 万元 for money columns without a unit from the median per-student value. */
  inferUnits: boolean;
  /** Merge rows with 是否计校数 = 0 into their parent school. */
  mergeBranches: boolean;
  /** 2012-era scope: exclude 民办 schools. */
  excludePrivate: boolean;
  /** Relative tolerance of threshold comparisons (standards.md §7). */
  tolerance: number;
  // The whole assessment's disagreements, standards.md §17.5 (each echoed in report.assessment.settings).
  /** 规程 relaxations (§17.4): off by default. */
  relaxations: "none" | "guicheng-2019";
  /** Q1 巩固率: (G − I + O) ÷ (N − D) | G ÷ (N + I − O − D) | G ÷ N. */
  consolidationFormula: "retained" | "cohort" | "plain";
  /** G13 base: 在校生 | the year's new entrants. */
  nearbyBasis: "enrolled" | "entrants";
  /** G13 "分别达到100%、95%": 小学 / 初中 | 城区 / 镇区. */
  nearbyPairing: "stage" | "area";
  /** Q4 denominator: 公用经费预算 | 决算. */
  trainingFundsBase: "budget" | "final";
  /** Read hidden sheets too (default: skipped with an info finding; docs/decisions.md). */
  includeHiddenSheets: boolean;
}
