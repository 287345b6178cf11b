/**
 * `report.assessment` (standards.md §17.8): the whole quality-2017 assessment, language-neutral and JSON-able.
 * Fields may be added, never renamed (docs/report-format.md).
 */
import type { AssessmentPart } from "../../standards/assessment-2017";
import type { Stage } from "../../standards/types";

export type ItemStatus = "computed" | "entered" | "missing" | "not-applicable";

/** A number (or judgement) an item was computed from. */
export interface AssessmentInput {
  /** A 「县级指标」 code (G7.special_funds) or a school-side figure (G5.primary_over). */
  code: string;
  value: number | boolean | string | null;
  unit?: string;
  source: "county" | "schools";
  /** Cell of the 「县级指标」 value (county inputs). */
  cell?: string | null;
}

export interface AssessmentItemPart {
  id: string;
  value: number | null;
  threshold: number | null;
  meets: boolean | null;
}

export interface AssessmentItem {
  id: string;
  part: AssessmentPart;
  /** Unrounded; null for entered, missing, not-applicable and compound items. */
  value: number | null;
  threshold: number | null;
  meets: boolean | null;
  status: ItemStatus;
  inputs?: AssessmentInput[];
  parts?: AssessmentItemPart[];
  /** Schools named by the item (G3, G4, Q4 failures; G5 schools over the limit; G9, G12 schools short of 100%). */
  schools?: string[];
  /** How far from the threshold, in natural units (「交流轮岗教师还差 12 人」). */
  gap?: { value: number; unit: "teachers" | "people" | "yuan" | "places" | "students" };
  /** The 说明 text of the item's 「县级指标」 row (entered items). */
  note?: string;
}

export interface AssessmentSettings {
  relaxations: "none" | "guicheng-2019";
  consolidationFormula: "retained" | "cohort" | "plain";
  nearbyBasis: "enrolled" | "entrants";
  nearbyPairing: "stage" | "area";
  trainingFundsBase: "budget" | "final";
  specialFundsPerStudent: number;
  fundingBase: { primary: number; junior: number } | null;
}

/** One value row of 「县级指标」 as read. */
export interface CountyEntry {
  code: string;
  /** A number in base units (元, 人, %); a boolean for 是/否; null for missing; "n/a" for "/". */
  value: number | boolean | null | "n/a";
  unit: string | null;
  cell: string;
  note: string | null;
}

/** 表Ⅰ figures counted from the school rows (§17.10). */
export interface CountyBasics {
  schools: {
    primary: number;
    nineYear: number;
    junior: number;
    completeSecondary: number;
    twelveYear: number;
  };
  /** 表Ⅰ L14: `T1.special_schools`, else the 特殊教育学校 rows listed; null when neither says. */
  specialSchools: number | null;
  /** L15, L16; atLeast50 null when a 教学点 has no 在校生数. */
  teachingPoints: { all: number; atLeast50: number | null };
  classes: Record<Stage, number | null>;
  students: Record<Stage, number | null>;
  staff: Record<Stage, number | null>;
  teachers: Record<Stage, number | null>;
}

/** What 表Ⅱ-2 needs of a school part beyond report.schools[i] (aligned by index). */
export interface SchoolDeclarationFacts {
  /** The school's kind (a 九年一贯制's 小学部 is "nine-year"), for 表Ⅱ-2's footnote counts. */
  kind:
    | "primary"
    | "junior"
    | "nine-year"
    | "twelve-year"
    | "complete-secondary"
    | "teaching-point"
    | null;
  /** 举办者类型 code 1–10 (§17.10); 7 when the table has no 举办者 column. */
  ownership: number | null;
  grades: number | null;
  classes: number | null;
}

/** A school that would pass an item with the 规程 relaxations on (§17.4), said while they are off. */
export interface RelaxationNote {
  item: string;
  school: string;
  stage: Stage;
}

export interface Assessment {
  county: { file: string | null; sheet: string } | null;
  settings: AssessmentSettings;
  items: AssessmentItem[];
  verdict: boolean | null;
  blocking: string[];
  pending: string[];
  /** Every value row of 「县级指标」 (T1.* for 表Ⅰ, S1.parent_* for 表Ⅵ). */
  entries: CountyEntry[];
  basics: CountyBasics;
  /** Aligned with report.schools. */
  schoolFacts: SchoolDeclarationFacts[];
  /** Relaxations applied (on), or the schools that would pass with them (off). */
  relaxations: { applied: RelaxationNote[]; wouldPass: RelaxationNote[] };
}
