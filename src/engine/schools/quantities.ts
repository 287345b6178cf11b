import type { CellValueSink } from "../checks/cellValues";
import { FIELD_BY_KEY } from "../table/fields";
import { ColumnMatch } from "../table/matchColumn";
import { ColumnUnit } from "./columnUnits";
import { TableRow } from "./tableRows";
import { teacherRatioOf } from "../cells/ratioText";

/** A number read from one or more cells (a school and its merged branches), in base units. */
export interface Quantity {
  value: number | null;
  /** A1 address of the cell a person must change (the parent row's). */
  cell: string | null;
  problem?: "missing" | "not-applicable" | "invalid";
  /** Display name of the column (its header path). */
  field: string;
  /** Column key (set when there is a problem: the finding names the column by key). */
  key?: string;
  /** Apportioned from a whole-school figure (split school). */
  apportioned?: boolean;
  /** Includes a §17.4 规程 relaxation (R3 visiting teachers, R5 leased or converted areas). */
  relaxed?: boolean;
}

interface KeyInfo {
  col: ColumnMatch;
  /** The column's slot in its table's cells. */
  slot: number;
  unit: ColumnUnit | undefined;
  field: string;
  isCount: boolean;
}

/**
 * Reads quantities of a school's rows by column key, reporting bad cells (not a number, error value,
 * negative) once each. Missing cells are not reported here: only where an indicator needs them.
 */
/**
 * Some quantity above 0: a teacher, a room, a sum of money. The one test behind both sides of §6's 0-student rule: a
 * row of zeros is skipped (buildParts.ts), 0 students with resources is an impossible value (checks).
 */
export function anyAboveZero(quantities: Partial<Record<string, Quantity>>): boolean {
  return Object.values(quantities).some((q) => q !== undefined && q.value !== null && q.value > 0);
}

export class QuantityReader {
  private readonly reported = new Set<string>();
  constructor(
    private readonly sheet: string,
    private readonly columns: Map<string, ColumnMatch>,
    private readonly units: Map<string, ColumnUnit>,
    private readonly findings: CellValueSink
  ) {}

  has(key: string): boolean {
    return this.columns.has(key);
  }

  /**
   * What a read of `key` needs, looked up once per key rather than once per cell (100,000 schools). The slot is
   * the same in every row of the table, so the first row read gives it.
   */
  private readonly keys = new Map<string, KeyInfo | null>();

  private keyInfo(key: string, row: TableRow): KeyInfo | null {
    let info = this.keys.get(key);
    if (info === undefined) {
      const col = this.columns.get(key);
      const slot = row.cells.slotOf(key);
      info =
        col && slot !== undefined
          ? {
              col,
              slot,
              unit: this.units.get(key),
              field: col.path.join(" › "),
              isCount: this.isCount(col),
            }
          : null;
      this.keys.set(key, info);
    }
    return info;
  }

  read(rows: TableRow[], key: string, school: string): Quantity | undefined {
    if (rows.length === 0) return undefined;
    const info = this.keyInfo(key, rows[0]);
    if (!info) return undefined;
    const { col, slot, unit, field, isCount } = info;
    let sum = 0;
    let problem: Quantity["problem"];
    let cell: string | null = null;
    for (const row of rows) {
      const n = row.cells.numberAt(slot);
      // Addresses are built only for the cell a person must change and for cells with a problem.
      cell ??= row.cells.addressAt(slot);
      // The hot path: a plain non-negative number in a column whose unit is known.
      if (n >= 0 && !unit?.unknown && (Number.isInteger(n) || !isCount)) {
        sum += n * (unit?.factor ?? 1);
        continue;
      }
      const v = row.cells.valueAt(slot);
      if (v.kind === "number") {
        if (unit?.unknown) {
          problem = "invalid";
          continue;
        }
        if (v.unknownUnit || v.value < 0) {
          this.reportNumber(row, key, school, field, v);
          problem = "invalid";
          continue;
        }
        let factor = unit?.factor ?? 1;
        if (v.unit) {
          const dim = this.dimensionOf(col);
          if (!dim || v.unit.dimension === dim) {
            if (
              unit?.label &&
              unit.source === "header" &&
              v.unit.token !== unit.label &&
              v.unit.factor !== unit.factor
            ) {
              const cellUnit = v.unit.token;
              const headerUnit = unit.label;
              this.once(row, key, school, (where) =>
                this.findings.add("unit-conflict", where, {
                  field: key,
                  header: field,
                  cellUnit,
                  headerUnit,
                })
              );
            }
            factor = v.unit.factor;
          }
        }
        if (isCount && !Number.isInteger(v.value)) {
          this.once(row, key, school, (where) =>
            this.findings.add("fractional-count", where, {
              field: key,
              header: field,
              value: v.value,
            })
          );
        }
        sum += v.value * factor;
      } else if (v.kind === "empty") {
        problem ??= "missing";
      } else if (v.kind === "not-applicable") {
        problem ??= "not-applicable";
      } else {
        // 「1:18.5」 in a 师生比 column is a number written as a ratio (standards.md §4).
        const ratio =
          col.role.kind === "ratio" && col.role.indicator === "teachers_per_student"
            ? teacherRatioOf(v.text)
            : undefined;
        if (ratio !== undefined) {
          sum += ratio;
          continue;
        }
        const code = v.reason === "error-value" ? "error-value" : "not-a-number";
        this.once(row, key, school, (where) =>
          this.findings.add(code, where, { field: key, header: field, text: v.text })
        );
        problem = "invalid";
      }
    }
    if (cell === null) return undefined;
    return problem ? { value: null, cell, problem, field, key } : { value: sum, cell, field };
  }

  private dimensionOf(col: ColumnMatch): string | undefined {
    return col.role.kind === "field" ? FIELD_BY_KEY.get(col.role.field)?.dimension : "count";
  }

  private isCount(col: ColumnMatch): boolean {
    return (
      col.role.kind !== "ratio" &&
      (col.role.kind !== "field" || FIELD_BY_KEY.get(col.role.field)?.dimension === "count")
    );
  }

  /** A number we cannot use: "300千元" (a unit we refuse to guess, never silently 300) or a negative. */
  private reportNumber(
    row: TableRow,
    key: string,
    school: string,
    field: string,
    v: { value: number; unknownUnit?: string }
  ): void {
    const unknownUnit = v.unknownUnit;
    if (unknownUnit) {
      this.once(row, key, school, (where) =>
        this.findings.add("unit-unknown", where, {
          field: key,
          header: field,
          unit: unknownUnit,
          dimension: null,
        })
      );
    } else {
      this.once(row, key, school, (where) =>
        this.findings.add("negative-value", where, { field: key, header: field, value: v.value })
      );
    }
  }

  /** Reports a bad cell once, however many indicators read it. */
  private once(
    row: TableRow,
    key: string,
    school: string,
    report: (where: { sheet: string; cell: string; school: string }) => void
  ): void {
    const cell = row.cells.address(key) ?? "";
    if (this.reported.has(cell)) return;
    this.reported.add(cell);
    report({ sheet: this.sheet, cell, school });
  }
}
