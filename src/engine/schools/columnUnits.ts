import { Unit } from "../cells/units";
import { FIELD_BY_KEY } from "../table/fields";
import { ColumnMatch } from "../table/matchColumn";
import { TableRow } from "./tableRows";
import { FindingCollector } from "../findings/collector";
import { checkRatioScale } from "../checks/ratioScale";
import { STUDENTS_AT } from "./combinedSchools";

const STUDENT_KEYS = ["students", STUDENTS_AT.primary, STUDENTS_AT.junior, STUDENTS_AT.senior];

export interface ColumnUnit {
  /** Multiply a cell value by this to get the base unit (㎡, 元, count). */
  factor: number;
  label: string | null;
  source: "header" | "note" | "inferred" | null;
  /** The column's unit cannot be converted (千元, 亩): its values are unusable. */
  unknown?: string;
}

function dimensionOf(m: ColumnMatch): Unit["dimension"] | undefined {
  if (m.role.kind === "field") return FIELD_BY_KEY.get(m.role.field)?.dimension;
  if (m.role.kind === "ratio") return undefined;
  return "count";
}

/**
 * Unit of every numeric column, standards.md §11.3: header unit > sheet note > inference. Inference runs
 * once per money column on the median per-student value: below 50 元 per student is almost certainly 万元.
 */
export function resolveColumnUnits(
  sheet: string,
  columns: Map<string, ColumnMatch>,
  noteUnits: Unit[],
  rows: TableRow[],
  inferUnits: boolean,
  findings: FindingCollector
): Map<string, ColumnUnit> {
  const out = new Map<string, ColumnUnit>();
  const studentsOf = (r: TableRow): number | undefined => {
    let sum = 0;
    let found = false;
    for (const k of STUDENT_KEYS) {
      const c = r.cells.value(k);
      if (c && c.kind === "number") {
        if (k === "students") return c.value;
        sum += c.value;
        found = true;
      }
    }
    return found ? sum : undefined;
  };
  for (const [key, m] of columns) {
    const dim = dimensionOf(m);
    const fieldName = m.path.join(" › ");
    checkRatioScale(sheet, key, m, rows, findings);
    if (m.unknownUnit) {
      out.set(key, { factor: NaN, label: m.unknownUnit, source: "header", unknown: m.unknownUnit });
      findings.add(
        "unit-unknown",
        { sheet, cell: null },
        { field: key, header: fieldName, unit: m.unknownUnit, dimension: dim ?? null }
      );
      continue;
    }
    if (m.unit && (!dim || m.unit.dimension === dim)) {
      out.set(key, { factor: m.unit.factor, label: m.unit.token, source: "header" });
      continue;
    }
    const note = dim ? noteUnits.find((u) => u.dimension === dim) : undefined;
    if (note) {
      out.set(key, { factor: note.factor, label: note.token, source: "note" });
      continue;
    }
    if (dim === "money" && inferUnits) {
      const per: number[] = [];
      for (const r of rows) {
        if (r.kind !== "school") continue;
        const c = r.cells.value(key);
        const p = studentsOf(r);
        if (c && c.kind === "number" && p && p > 0) per.push(c.value / p);
      }
      if (per.length > 0) {
        per.sort((a, b) => a - b);
        const median = per[Math.floor(per.length / 2)];
        const wan = median < 50;
        out.set(key, { factor: wan ? 10000 : 1, label: wan ? "万元" : "元", source: "inferred" });
        findings.add(
          "unit-inferred",
          { sheet },
          { field: key, header: fieldName, unit: wan ? "万元" : "元", medianPerStudent: median }
        );
        continue;
      }
    }
    out.set(key, {
      factor: 1,
      label: dim === "area" ? "㎡" : dim === "money" ? "元" : null,
      source: null,
    });
  }
  return out;
}
