import { normalizeHeader } from "../table/headerText";
import type { SchoolPart } from "../schools/buildParts";
import { cellAddress } from "../workbook";
import type { CheckDeclaration, CheckSink } from "./types";

export const DUPLICATES = {
  id: "duplicates",
  codes: ["duplicate-school"],
  file: "checks/duplicates.ts",
  rule: "a school name appears once per stage (spaces and width folded)",
} as const satisfies CheckDeclaration;
type Codes = (typeof DUPLICATES.codes)[number];

/** duplicate-school: the same name (spaces and width folded) twice in the same stage; one part at a time. */
export class DuplicateCheck {
  // Per stage, the first school of each name: where it is, not the school (which can then be let go). The
  // parts of one combined school differ in stage, so a name seen before in the same stage is another school.
  // The place is one small integer (sheet number × 2^21 + row; a sheet has at most 2^20 rows): a county of
  // 100,000 schools would otherwise keep 100,000 objects and key strings alive for the whole check.
  private readonly seen = new Map<string, Map<string, number>>();
  private readonly sheets: string[] = [];
  constructor(private readonly findings: CheckSink<Codes>) {}

  visit(p: SchoolPart): void {
    let byName = this.seen.get(p.stage);
    if (!byName) this.seen.set(p.stage, (byName = new Map()));
    const key = normalizeHeader(p.record.name);
    const prev = byName.get(key);
    const row = p.record.rows[0];
    if (prev !== undefined) {
      const prevSheet = this.sheets[Math.floor(prev / SHEET_STRIDE)];
      const prevRow = prev % SHEET_STRIDE;
      this.findings.add(
        "duplicate-school",
        {
          sheet: p.record.sheet,
          cell: cellAddress(row.row, row.nameCol),
          school: p.record.name,
          stage: p.stage,
        },
        { otherSheet: prevSheet, otherRow: prevRow + 1 }
      );
    } else {
      let sheet = this.sheets.lastIndexOf(p.record.sheet);
      if (sheet < 0) sheet = this.sheets.push(p.record.sheet) - 1;
      byName.set(key, sheet * SHEET_STRIDE + row.row);
    }
  }
}

const SHEET_STRIDE = 2 ** 21;
