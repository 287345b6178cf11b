import type { SchoolPart } from "../schools/buildParts";
import { anyAboveZero } from "../schools/quantities";
import type { CheckDeclaration, CheckSink } from "./types";

export const IMPOSSIBLE_VALUES = {
  id: "impossible-values",
  codes: ["impossible-value"],
  file: "checks/impossibleValues.ts",
  rule: "no more qualified / key / PE-arts teachers than 专任教师; no resources without students",
} as const satisfies CheckDeclaration;
type Codes = (typeof IMPOSSIBLE_VALUES.codes)[number];

/** Teacher counts that cannot exceed the school's 专任教师. */
const TEACHER_SUBSETS = ["qualified_teachers", "key_teachers", "pe_arts_teachers"] as const;

/** impossible-value: more qualified, key or PE/arts teachers than teachers; no students but resources. */
export function checkImpossible(part: SchoolPart, findings: CheckSink<Codes>): void {
  const name = part.record.name;
  const teachers = part.numerators.teachers ?? part.facts.teachers;
  const sheet = part.record.sheet;
  if (teachers && teachers.value !== null && !part.split) {
    for (const kind of TEACHER_SUBSETS) {
      const q = part.numerators[kind];
      if (q && q.value !== null && q.value > teachers.value + 1e-9) {
        findings.add(
          "impossible-value",
          { sheet, cell: q.cell, school: name, stage: part.stage },
          {
            reason: "subset-exceeds-teachers",
            field: kind,
            value: q.value,
            teachers: teachers.value,
          }
        );
      }
    }
  }
  if (part.students.value === 0) {
    if (anyAboveZero(part.numerators)) {
      findings.add(
        "impossible-value",
        { sheet, cell: part.students.cell, school: name, stage: part.stage },
        { reason: "resources-without-students" }
      );
    }
  }
}
