import { CheckSettings } from "../../standards";
import { FindingCollector } from "../findings/collector";
import { DetectedTable } from "../table/detectTable";
import { TableRow } from "./tableRows";

/** A school: one counted row plus any branch rows merged into it (standards.md §8.2). */
export interface SchoolRecord {
  name: string;
  sheet: string;
  rows: TableRow[];
}

const baseName = (name: string): string =>
  name
    .replace(/[(（][^()（）]*(校区|分校|分部|校点)[)）]$/, "")
    .replace(/(东|西|南|北|新|老)?(校区|分校|分部)$/, "");

/** Merges branch campuses (是否计校数 = 0) into their parent before any ratio. */
export function mergeBranches(
  rows: TableRow[],
  table: DetectedTable,
  settings: CheckSettings,
  findings: FindingCollector
): SchoolRecord[] {
  const records: SchoolRecord[] = [];
  const byCode = new Map<string, SchoolRecord>();
  const byName = new Map<string, SchoolRecord>();
  // Most tables have no branch rows: the lookups by code and base name are built at the first one, from
  // the schools above it, and kept up to date from then on.
  let indexed = 0;
  const indexRecords = (): void => {
    for (; indexed < records.length; indexed++) {
      const rec = records[indexed];
      const code = rec.rows[0].texts.code ?? "";
      if (code) byCode.set(code, rec);
      byName.set(baseName(rec.name), rec);
    }
  };
  for (const row of rows) {
    if (row.kind !== "school") continue;
    const name = row.texts.name || row.label;
    const counted = row.cells.value("counted");
    const isBranch =
      settings.policy.mergeBranches &&
      counted?.kind === "number" &&
      counted.value === 0 &&
      !/教学点$/.test(name) &&
      !/教学点/.test(row.texts.type ?? "");
    if (isBranch) {
      indexRecords();
      const code = row.texts.code ?? "";
      const parent =
        (code && byCode.get(code)) || byName.get(baseName(name)) || records[records.length - 1];
      if (parent) {
        parent.rows.push(row);
        findings.add(
          "branch-merged",
          { sheet: table.sheet, cell: row.cells.address("counted"), school: name },
          { parent: parent.name }
        );
        continue;
      }
    }
    records.push({ name, sheet: table.sheet, rows: [row] });
  }
  return records;
}
