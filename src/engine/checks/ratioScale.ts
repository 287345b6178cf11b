import type { ColumnMatch } from "../table/matchColumn";
import type { TableRow } from "../schools/tableRows";
import type { CheckDeclaration, CheckSink } from "./types";

/** A 每百名 column with median < 0.1 probably lacks the ×100 (standards.md §11.1): warn, never rescale. */
export const RATIO_SCALE = {
  id: "ratio-scale",
  codes: ["ratio-scale-suspect"],
  file: "checks/ratioScale.ts",
  rule: "a precomputed 每百名 column is per 100, not per 1 (median ≥ 0.1)",
} as const satisfies CheckDeclaration;
type Codes = (typeof RATIO_SCALE.codes)[number];

export function checkRatioScale(
  sheet: string,
  key: string,
  m: ColumnMatch,
  rows: readonly TableRow[],
  findings: CheckSink<Codes>
): void {
  if (m.role.kind === "ratio" && m.role.indicator.endsWith("_per_100")) {
    const fieldName = m.path.join(" › ");
    // A 每百名 column with median < 0.1 probably lacks the ×100 (standards.md §11.1): warn, never rescale.
    const vals = rows.flatMap((r) => {
      const c = r.kind === "school" ? r.cells.value(key) : undefined;
      return c && c.kind === "number" ? [c.value] : [];
    });
    vals.sort((a, b) => a - b);
    const median = vals[Math.floor(vals.length / 2)];
    if (vals.length && median < 0.1)
      findings.add("ratio-scale-suspect", { sheet }, { field: key, header: fieldName, median });
  }
}
