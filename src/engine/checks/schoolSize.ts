import type { CheckSettings } from "../../standards";
import type { FindingParamsByCode } from "../findings/params";
import type { SchoolCheckResult, SchoolResult } from "../reportTypes";
import { NULL_FOR_PRIMING, primeShape } from "../shapes";
import type { SchoolPart } from "../schools/buildParts";
import type { CheckDeclaration, CheckSink } from "./types";

/** 政府保障程度 item 4 from school rows (standards.md §10); only run when the columns exist. */
export const SCHOOL_SIZE = {
  id: "school-size",
  codes: ["school-size"],
  file: "checks/schoolSize.ts",
  rule: "a school no larger than the limit of its stage (一贯制: its compulsory students)",
} as const satisfies CheckDeclaration;
type Codes = (typeof SCHOOL_SIZE.codes)[number];

type SizeParams = FindingParamsByCode["school-size"];

/** Made once per school: their shapes primed with nulls, so a student count is not boxed per object (shapes.ts). */
function sizeCheck(value: number, limit: number, meets: boolean): SchoolCheckResult {
  return { value, limit, meets };
}
function sizeParams(value: number, limit: number, basis: SizeParams["basis"]): SizeParams {
  return { value, limit, basis };
}
primeShape(() => sizeCheck(NULL_FOR_PRIMING, NULL_FOR_PRIMING, NULL_FOR_PRIMING));
primeShape(() => sizeParams(NULL_FOR_PRIMING, NULL_FOR_PRIMING, NULL_FOR_PRIMING));

/** Fills `checks` (the school's SchoolResult.checks) and raises a finding when the rule is not met. */
export function checkSchoolSize(
  part: SchoolPart,
  checks: NonNullable<SchoolResult["checks"]>,
  settings: CheckSettings,
  findings: CheckSink<Codes>,
  firstPartOfRecord: boolean
): void {
  const { limits } = settings;
  const name = part.record.name;
  const sheet = part.record.sheet;

  if (settings.standard.schoolChecks.includes("school_size") && firstPartOfRecord) {
    const throughTrain = part.kind === "nine-year" || part.kind === "twelve-year";
    const limit = throughTrain ? limits.throughTrainSchoolSize : limits.schoolSize[part.stage];
    const v =
      throughTrain || part.kind === "complete-secondary"
        ? part.compulsoryStudents
        : part.students.value;
    if (v !== null) {
      const meets = v <= limit;
      checks.school_size = sizeCheck(v, limit, meets);
      if (!meets)
        findings.add(
          "school-size",
          { sheet, cell: part.totalStudentsCell, school: name, stage: part.stage },
          sizeParams(
            v,
            limit,
            throughTrain || part.kind === "complete-secondary" ? "compulsory" : "stage"
          )
        );
    }
  }
}
