import type { CheckSettings } from "../../standards";
import type { SchoolCheckResult, SchoolResult } from "../reportTypes";
import type { SchoolPart } from "../schools/buildParts";
import type { CheckDeclaration, CheckSink } from "./types";

/** 政府保障程度 item 5 from school rows (standards.md §10); only run when the columns exist. */
export const CLASS_SIZE = {
  id: "class-size",
  codes: ["class-size", "class-size-undetermined"],
  file: "checks/classSize.ts",
  rule: "every class ≤ 45 (小学) / ≤ 50 (初中) pupils",
} as const satisfies CheckDeclaration;
type Codes = (typeof CLASS_SIZE.codes)[number];

/** Fills `checks` (the school's SchoolResult.checks) and raises a finding when the rule is not met. */
export function checkClassSize(
  part: SchoolPart,
  checks: NonNullable<SchoolResult["checks"]>,
  settings: CheckSettings,
  findings: CheckSink<Codes>,
  firstPartOfRecord: boolean
): void {
  const { limits } = settings;
  const name = part.record.name;
  const sheet = part.record.sheet;

  if (settings.standard.schoolChecks.includes("class_size")) {
    const max = part.facts.max_class_size;
    const limit = limits.classSize[part.stage];
    if (max && max.value !== null) {
      const v = max.value;
      let meets: boolean | null = v <= limit;
      // One whole-school maximum for a split school: ≤ 45 passes both stages, 46–50 needs stage detail.
      if (max.apportioned) {
        const low = Math.min(limits.classSize.primary, limits.classSize.junior);
        const high = Math.max(limits.classSize.primary, limits.classSize.junior);
        meets = v <= low ? true : v > high ? false : null;
      }
      const c: SchoolCheckResult = { value: v, limit, meets };
      checks.class_size = c;
      const band =
        v >= limits.veryLargeClassFrom ? "very-large" : v >= limits.largeClassFrom ? "large" : null;
      if (meets === false && (!max.apportioned || firstPartOfRecord)) {
        findings.add(
          "class-size",
          { sheet, cell: max.cell, school: name, stage: part.stage },
          {
            value: v,
            limit,
            basis: "max",
            band,
            largeFrom: limits.largeClassFrom,
            veryLargeFrom: limits.veryLargeClassFrom,
          }
        );
      } else if (meets === null && firstPartOfRecord) {
        findings.add(
          "class-size-undetermined",
          { sheet, cell: max.cell, school: name, stage: part.stage },
          { value: v, limits: { ...limits.classSize } }
        );
      }
    } else {
      const avg = part.facts.avg_class_size;
      if (avg && avg.value !== null) {
        const meets = avg.value > limit ? false : null;
        checks.class_size = { value: avg.value, limit, meets, note: "average" };
        if (meets === false)
          findings.add(
            "class-size",
            { sheet, cell: avg.cell, school: name, stage: part.stage },
            {
              value: avg.value,
              limit,
              basis: "average",
              band: null,
              largeFrom: limits.largeClassFrom,
              veryLargeFrom: limits.veryLargeClassFrom,
            }
          );
      }
    }
  }
}
