import type { ColumnMatch } from "../table/matchColumn";
import { isGrandTotal } from "../table/classifyRow";
import type { TableRow } from "../schools/tableRows";
import type { CheckDeclaration, CheckSink } from "./types";

export const TOTALS = {
  id: "totals",
  codes: ["total-mismatch"],
  file: "checks/totals.ts",
  rule: "a 合计 / 小计 row equals the sum of the school rows it covers",
} as const satisfies CheckDeclaration;
type Codes = (typeof TOTALS.codes)[number];

/** Columns whose 合计 is not the sum of its rows. */
const NOT_ADDITIVE =
  /^(counted|max_class_size|avg_class_size|founded|built_by_2010|built_by_2016|rural_small|ratio\.)/;

/** The sum of a column over rows in the total's unit; null when a row holds something other than a number. */
function sumOf(rows: readonly TableRow[], key: string, factor: number): number | null {
  let sum = 0;
  for (const r of rows) {
    const c = r.cells.value(key);
    if (c && c.kind === "number") sum += (c.value * (c.unit?.factor ?? 1)) / factor;
    else if (!c || c.kind !== "empty") return null;
  }
  return sum;
}

/**
 * total-mismatch: a 合计 / 小计 row against the sum of the school rows it covers. `above` holds the school
 * rows of the tables above on the same sheet: a grand total (总计) under the last of stacked tables may
 * cover them all, so it is a mismatch only when it matches neither its own table nor the whole sheet.
 */
export function checkTotals(
  rows: TableRow[],
  columns: Map<string, ColumnMatch>,
  findings: CheckSink<Codes>,
  above: readonly TableRow[] = []
): void {
  let blockStart = 0;
  rows.forEach((row, i) => {
    if (row.kind !== "summary") return;
    const grand = isGrandTotal(row.label);
    // A total above the schools (some templates put 合计 first) covers every school row below it.
    const covered =
      i === 0
        ? rows.filter((r) => r.kind === "school")
        : rows.slice(grand ? 0 : blockStart, i).filter((r) => r.kind === "school");
    blockStart = i + 1;
    if (covered.length === 0) return;
    const wider = grand && i > 0 && above.length ? [...above, ...covered] : undefined;
    for (const [key, m] of columns) {
      if (NOT_ADDITIVE.test(key)) continue;
      const t = row.cells.get(key);
      if (!t || t.value.kind !== "number") continue;
      const factor = t.value.unit?.factor ?? 1;
      const sum = sumOf(covered, key, factor);
      if (sum === null) continue;
      const total = t.value.value;
      const differs = (s: number): boolean =>
        Math.abs(total - s) > Math.max(0.011, 1e-6 * Math.abs(s));
      const sheetSum = wider ? sumOf(wider, key, factor) : null;
      if (differs(sum) && (sheetSum === null || differs(sheetSum))) {
        findings.add(
          "total-mismatch",
          { sheet: row.sheet, cell: t.cell },
          { field: key, header: m.path.join(" › "), label: row.label, total, sum }
        );
      }
    }
  });
}
