/**
 * The whole quality-2017 assessment (standards.md §17): `report.assessment`, with the one answer to 「可以申报吗？」.
 */
import type { CheckSettings } from "../../standards";
import { STAGES, type Stage } from "../../standards/types";
import type { FindingCollector } from "../findings/collector";
import type { Report } from "../reportTypes";
import type { CountyData } from "./countySheet";
import { computeItems } from "./items";
import type { AssessmentFactKey, SchoolFactsCollector } from "./schoolFacts";
import type { Assessment, AssessmentItem, AssessmentSettings, CountyBasics } from "./types";

export * from "./types";
export {
  readCountySheet,
  findCountySheet,
  isCountySheetName,
  type CountyData,
} from "./countySheet";
export { SchoolFactsCollector, ownershipCode } from "./schoolFacts";

export function assessmentSettings(settings: CheckSettings): AssessmentSettings {
  const p = settings.policy;
  return {
    relaxations: p.relaxations,
    consolidationFormula: p.consolidationFormula,
    nearbyBasis: p.nearbyBasis,
    nearbyPairing: p.nearbyPairing,
    trainingFundsBase: p.trainingFundsBase,
    specialFundsPerStudent: settings.limits.specialFundsPerStudent,
    fundingBase: settings.limits.fundingBase ? { ...settings.limits.fundingBase } : null,
  };
}

/** §17.8: true when every item meets, false when any fails, else null. */
export function verdictOf(
  items: AssessmentItem[]
): Pick<Assessment, "verdict" | "blocking" | "pending"> {
  const blocking = items.filter((i) => i.meets === false).map((i) => i.id);
  const pending = items.filter((i) => i.meets === null).map((i) => i.id);
  return { verdict: blocking.length ? false : pending.length ? null : true, blocking, pending };
}

/** 表Ⅰ L9–L24 from the school rows (2012 填报说明 rule 4: 小学 includes 一贯制小学部 and 教学点). */
function countyBasics(
  facts: SchoolFactsCollector,
  county: CountyData | null,
  columns: ReadonlySet<AssessmentFactKey>,
  specialRows: number,
  findings: FindingCollector
): CountyBasics {
  // Counted by SchoolFactsCollector.visit as the parts came (BasicsTally).
  const { schools, teachingPoints, pointsUnknown, stageParts, stageSum, stageKnown } = facts.basics;
  const byStage = (key: "classes" | "staff" | "teachers"): Record<Stage, number | null> => {
    const out: Record<Stage, number | null> = { primary: null, junior: null };
    // No table has the column: no part has the figure, so neither stage has a sum.
    if (!columns.has(key)) return out;
    const sums = facts.sumFactByStage(key);
    for (const stage of STAGES) {
      const { sum, missing, whole } = sums[stage];
      // A whole-school figure of a combined school cannot be given to one stage: 表Ⅰ leaves the cell blank.
      if (whole) continue;
      out[stage] = missing > 0 ? null : sum;
    }
    return out;
  };
  const students: Record<Stage, number | null> = { primary: null, junior: null };
  for (const stage of STAGES)
    if (stageParts[stage] && stageKnown[stage]) students[stage] = stageSum[stage];
  if (pointsUnknown) teachingPoints.atLeast50 = null;
  // L14: the county code, else the 特殊教育学校 rows the table lists; with neither, blank (never an invented 0).
  // L14, L15, L19, L20: a county code wins over the rows, and a difference is a warning (the table may lack schools).
  const code = (c: string, rows: number | null): number | null => {
    const e = county?.byCode.get(c);
    if (typeof e?.value !== "number") return rows;
    if (rows !== null && Math.abs(e.value - rows) > 1e-9)
      findings.add(
        "county-school-mismatch",
        { sheet: county?.sheet ?? null, cell: e.cell },
        { code: e.code, county: e.value, schools: rows }
      );
    return e.value;
  };
  // The table need not list its special-education schools: no rows is not 0 rows.
  const specialSchools = code("T1.special_schools", specialRows > 0 ? specialRows : null);
  teachingPoints.all = code("T1.teaching_points", teachingPoints.all) ?? teachingPoints.all;
  students.primary = code("T1.primary_students", students.primary);
  students.junior = code("T1.junior_students", students.junior);
  return {
    schools,
    specialSchools,
    teachingPoints,
    classes: byStage("classes"),
    students,
    staff: byStage("staff"),
    teachers: byStage("teachers"),
  };
}

export interface AssessmentInputs {
  report: Pick<Report, "schools" | "county">;
  /** What the engine kept of each school part while it walked them (report.ts). */
  facts: SchoolFactsCollector;
  /** R3 / R5 notes gathered while the schools were computed (report.ts). */
  resourceRelaxations?: Assessment["relaxations"];
  county: CountyData | null;
  settings: CheckSettings;
  findings: FindingCollector;
}

export function buildAssessment(input: AssessmentInputs): Assessment {
  const settings = assessmentSettings(input.settings);
  const relaxations: Assessment["relaxations"] = {
    applied: [...(input.resourceRelaxations?.applied ?? [])],
    wouldPass: [...(input.resourceRelaxations?.wouldPass ?? [])],
  };
  const items = computeItems({
    limits: input.settings.limits,
    relaxations,
    report: input.report,
    parts: input.facts.parts,
    records: () => input.facts.records(),
    sumFact: (key) => input.facts.sumFact(key),
    columns: input.facts.columns,
    county: input.county,
    settings,
    tolerance: input.settings.policy.tolerance,
    findings: input.findings,
  });
  for (const item of items) {
    if (!input.county || item.meets !== false || item.part === "resource") continue;
    input.findings.add(
      "assessment-item-fails",
      { sheet: input.county?.sheet ?? null, cell: null },
      { item: item.id, schools: item.schools?.slice(0, 5) ?? [] }
    );
  }
  return {
    county: input.county ? { file: input.county.file, sheet: input.county.sheet } : null,
    settings,
    items,
    ...verdictOf(items),
    entries: input.county?.entries ?? [],
    basics: countyBasics(
      input.facts,
      input.county,
      input.facts.columns,
      input.findings.all.filter(
        (f) => f.code === "school-excluded" && f.params.reason === "special-education"
      ).length,
      input.findings
    ),
    schoolFacts: input.facts.declarations,
    relaxations,
  };
}
