/**
 * The checks, one file each, and the order they run in. Where a rule lives:
 *
 *   table (once per detected table, src/engine/report.ts)
 *     columnCoverage.ts    unmapped-field              a column for the students and every indicator
 *     ratioScale.ts        ratio-scale-suspect         a 每百名 column is per 100 (run while units are resolved)
 *     totals.ts            total-mismatch              合计 / 小计 rows against their schools
 *     degreeBasis.ts       bachelor-for-primary        小学 高于规定学历 read from a 本科及以上 column (§3.2)
 *   cell (while a school's figures are read, src/engine/schools/quantities.ts)
 *     cellValues.ts        not-a-number, error-value, negative-value, fractional-count, unit-unknown, unit-conflict
 *   school part (once per assessed school or stage part, in SCHOOL_CHECKS order)
 *     duplicates.ts        duplicate-school            one name per stage (every part, excluded ones too)
 *     impossibleValues.ts  impossible-value
 *     indicatorFindings.ts missing-value, below-standard, borderline, school-fails, school-incomplete
 *     classSize.ts         class-size, class-size-undetermined
 *     schoolSize.ts        school-size
 *     specialRooms.ts      music-art-rooms
 *
 * Codes raised outside this folder (reading the workbook, deciding a school's stage, the county, the assessment)
 * are declared in OTHER_RAISERS with their file. test/engine/checks.test.ts holds every declaration to account:
 * the declared codes together are the catalogue, and each check's fixtures raise only codes it declares.
 */
import type { CheckSettings } from "../../standards";
import type { FindingCollector } from "../findings/collector";
import type { SchoolVerdict } from "../indicators/schoolIndicators";
import type { IndicatorResult, SchoolResult } from "../reportTypes";
import type { SchoolPart } from "../schools/buildParts";
import { CELL_VALUES } from "./cellValues";
import { checkClassSize, CLASS_SIZE } from "./classSize";
import { COLUMN_COVERAGE } from "./columnCoverage";
import { DEGREE_BASIS } from "./degreeBasis";
import { DUPLICATES } from "./duplicates";
import { checkImpossible, IMPOSSIBLE_VALUES } from "./impossibleValues";
import { VALUE_SCALE } from "./valueScale";
import { INDICATOR_FINDINGS, schoolFindings } from "./indicatorFindings";
import { RATIO_SCALE } from "./ratioScale";
import { checkSchoolSize, SCHOOL_SIZE } from "./schoolSize";
import { checkSpecialRooms, SPECIAL_ROOMS } from "./specialRooms";
import { TOTALS } from "./totals";
import type { CheckDeclaration } from "./types";

export { checkColumnCoverage } from "./columnCoverage";
export { checkDegreeBasis } from "./degreeBasis";
export { checkRatioScale } from "./ratioScale";
export { checkValueScale, ValueScaleCheck } from "./valueScale";
export { checkTotals } from "./totals";
export { DuplicateCheck } from "./duplicates";
export type { CheckDeclaration, CheckSink } from "./types";

/** What a school-part check sees. The engine fills one object and reuses it from part to part. */
export interface SchoolCheckInput {
  part: SchoolPart;
  result: SchoolResult;
  /** The part's indicator results in the standard's order, and its verdict. */
  ordered: readonly IndicatorResult[];
  verdict: SchoolVerdict;
  settings: CheckSettings;
  findings: FindingCollector;
  /** The first (or only) part of its school: whole-school rules are judged once. */
  firstPart: boolean;
  /** Cells of the sheet holding formulas without results (never reported as 未填写). */
  uncached: ReadonlySet<string> | undefined;
}

/** The school-part checks (an excluded part is not checked), in the order their findings are listed. */
export const SCHOOL_CHECKS: readonly {
  declaration: CheckDeclaration;
  run: (input: SchoolCheckInput) => void;
}[] = [
  { declaration: IMPOSSIBLE_VALUES, run: (i) => checkImpossible(i.part, i.findings) },
  {
    declaration: INDICATOR_FINDINGS,
    run: (i) => schoolFindings(i.part, i.ordered, i.verdict, i.settings, i.findings, i.uncached),
  },
];

/**
 * 政府保障程度 items from school rows (standards.md §10), run after SCHOOL_CHECKS and only for a standard that has
 * them; each fills its entry of the school's `checks`.
 */
export const SCHOOL_ROW_CHECKS: readonly {
  declaration: CheckDeclaration;
  run: typeof checkClassSize;
}[] = [
  { declaration: CLASS_SIZE, run: checkClassSize },
  { declaration: SCHOOL_SIZE, run: checkSchoolSize },
  { declaration: SPECIAL_ROOMS, run: checkSpecialRooms },
];

export function runSchoolChecks(i: SchoolCheckInput): void {
  for (const c of SCHOOL_CHECKS) c.run(i);
  if (!i.settings.standard.schoolChecks.length) return;
  const checks: NonNullable<SchoolResult["checks"]> = {};
  for (const c of SCHOOL_ROW_CHECKS) c.run(i.part, checks, i.settings, i.findings, i.firstPart);
  if (checks.class_size || checks.school_size || checks.music_rooms || checks.art_rooms)
    i.result.checks = checks;
}

/** Every check in this folder. */
export const CHECKS: readonly CheckDeclaration[] = [
  COLUMN_COVERAGE,
  DEGREE_BASIS,
  RATIO_SCALE,
  VALUE_SCALE,
  TOTALS,
  CELL_VALUES,
  DUPLICATES,
  ...SCHOOL_CHECKS.map((c) => c.declaration),
  ...SCHOOL_ROW_CHECKS.map((c) => c.declaration),
];

/** Codes raised outside src/engine/checks: reading the workbook, the stage of a school, the county, the assessment. */
export const OTHER_RAISERS: readonly CheckDeclaration[] = [
  {
    id: "sheet-scope",
    codes: ["hidden-sheet-skipped"],
    file: "table/sheetScope.ts",
    rule: "hidden sheets are skipped unless the setting says otherwise",
  },
  {
    id: "table-detection",
    codes: ["no-table", "table-unreadable"],
    file: "report.ts",
    rule: "a sheet with content has a school table whose rows can be read",
  },
  {
    id: "uncached-formulas",
    codes: ["formula-uncached"],
    file: "table/uncachedFormulas.ts",
    rule: "formulas without results are reported once per sheet, never as 未填写",
  },
  {
    id: "nameless-rows",
    codes: ["name-missing", "hidden-rows-read", "hidden-columns-read"],
    file: "schools/namelessRows.ts",
    rule: "a row with figures has a school name; hidden school rows and used columns are read and said to be",
  },
  {
    id: "column-units",
    codes: ["unit-unknown", "unit-inferred"],
    file: "schools/columnUnits.ts",
    rule: "a column's unit: header > sheet note > inference (standards.md §11.3)",
  },
  {
    id: "branches",
    codes: ["branch-merged"],
    file: "schools/branches.ts",
    rule: "a branch campus (是否计校数 = 0) is merged into its parent before any ratio (standards.md §8.2)",
  },
  {
    id: "school-parts",
    codes: [
      "school-excluded",
      "school-no-students",
      "unknown-stage",
      "stage-assumed",
      "split-apportioned",
    ],
    file: "schools/buildParts.ts",
    rule: "each school's kind decided and combined schools split into stage parts (standards.md §8, §9)",
  },
  {
    id: "precomputed-ratios",
    codes: ["precomputed-mismatch"],
    file: "indicators/schoolIndicators.ts",
    rule: "a precomputed ratio agrees with the one computed from its quantities",
  },
  {
    id: "county-cv",
    codes: ["cv-over-limit", "cv-incomplete", "cv-not-assessable", "cv-one-school"],
    file: "indicators/county.ts",
    rule: "the county's CV per indicator is within its limit; an incomplete CV never passes",
  },
  {
    id: "county-sheet",
    codes: [
      "county-no-header",
      "county-unknown-code",
      "county-duplicate-code",
      "county-bad-value",
      "county-bad-unit",
    ],
    file: "assessment/countySheet.ts",
    rule: "the 「县级指标」 sheet is readable (standards.md §17.9)",
  },
  {
    id: "county-source",
    codes: ["county-sheet-ignored"],
    file: "report.ts",
    rule: "a 「县级指标」 from another file wins over the workbook's own (standards.md §17.9)",
  },
  {
    id: "assessment-items",
    codes: ["assessment-partial-input", "county-school-mismatch", "county-rate-differs"],
    file: "assessment/items.ts",
    rule: "the assessment's items, and the county sheet against the school table (standards.md §17)",
  },
  {
    id: "assessment",
    codes: ["assessment-item-fails"],
    file: "assessment/index.ts",
    rule: "every assessment item is met (standards.md §17)",
  },
];
