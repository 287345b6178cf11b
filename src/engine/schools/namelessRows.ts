import { FindingCollector } from "../findings/collector";
import { cellAddress } from "../workbook";
import { TableRow } from "./tableRows";

/**
 * One error per row with figures but no school name (standards.md §8.1 keeps named schools only): the row
 * is left out, so the verdict cannot pass until it is named or removed.
 */
export function reportNamelessRows(rows: readonly TableRow[], findings: FindingCollector): void {
  for (const r of rows) {
    if (r.kind !== "nameless") continue;
    findings.add(
      "name-missing",
      { sheet: r.sheet, cell: cellAddress(r.row, r.nameCol) },
      { sheet: r.sheet, row: r.row + 1 }
    );
  }
}
