import { parseColumnKey } from "../table/columnKey";
import type { ColumnMatch } from "../table/matchColumn";
import type { CheckDeclaration, CheckSink } from "./types";

/**
 * 高于规定学历 for 小学 counts 专科 and above (教师法 第十一条, standards.md §3.2). A table that offers only a
 * 本科及以上学历教师数 column is read as the best source it has — for 初中 it is exact, for 小学 it leaves out the
 * 专科 teachers, so the 小学 values (and their L1 verdicts) may be too low. Said once per table, never corrected.
 */
export const DEGREE_BASIS = {
  id: "degree-basis",
  codes: ["bachelor-for-primary"],
  file: "checks/degreeBasis.ts",
  rule: "standards.md §3.2: a 本科及以上学历 column fits 初中 only; for 小学 it is used with a warning",
} as const satisfies CheckDeclaration;
type Codes = (typeof DEGREE_BASIS.codes)[number];

/**
 * The 本科及以上 column the table's 小学 schools read 高于规定学历 from (a whole-school or 小学 one), when the table
 * has no direct or by-degree 高于规定学历 column; else undefined.
 */
export function bachelorColumnForPrimary(
  columns: ReadonlyMap<string, ColumnMatch>
): ColumnMatch | undefined {
  let bachelor: ColumnMatch | undefined;
  for (const [k, m] of columns) {
    const key = parseColumnKey(k);
    if (key.field === "qualified_teachers") return undefined;
    if (
      key.base === "bachelor_plus_teachers" &&
      (key.stage === undefined || key.stage === "primary")
    )
      bachelor ??= m;
  }
  return bachelor;
}

export function checkDegreeBasis(
  sheet: string,
  columns: ReadonlyMap<string, ColumnMatch>,
  primarySchools: number,
  findings: CheckSink<Codes>
): void {
  const m = primarySchools > 0 ? bachelorColumnForPrimary(columns) : undefined;
  if (!m) return;
  findings.add(
    "bachelor-for-primary",
    { sheet, stage: "primary" },
    { field: "bachelor_plus_teachers", header: m.path.join(" › "), schools: primarySchools }
  );
}
