import { CellValue, normalizeCell } from "../cells/normalize";
import { classifyRow, RowKind } from "../table/classifyRow";
import { DetectedTable } from "../table/detectTable";
import { ColumnMatch } from "../table/matchColumn";
import { RawCell, SheetInput, cellAddress } from "../workbook";
import { normalizeHeader, stageWordIn } from "../table/headerText";

export interface CellRef {
  col: number;
  cell: string;
  value: CellValue;
}

/**
 * The numeric cells of a table, flat and row-major: one Float64Array of rows × columns holding every
 * plain number (no unit in the cell), NaN elsewhere, and a sparse map for the few cells that are not plain
 * numbers (blanks, "/", text, numbers with a unit). A county of 100,000 schools would otherwise hold a Map,
 * a CellRef, a CellValue and an address string per cell, and collecting that garbage was a third of the
 * engine's time (docs/performance.md).
 */
export class TableCells {
  /** Column key → slot. */
  readonly slots: Map<string, number>;
  /** 0-based sheet column per slot. */
  readonly cols: number[];
  private readonly numbers: Float64Array;
  private readonly others = new Map<number, CellValue>();

  constructor(keys: string[], cols: number[], maxRows: number) {
    this.slots = new Map(keys.map((k, i) => [k, i]));
    this.cols = cols;
    this.numbers = new Float64Array(Math.max(0, maxRows) * cols.length);
  }

  /** Stores one normalised raw cell; true when it is a number. */
  set(index: number, slot: number, raw: RawCell): boolean {
    const at = index * this.cols.length + slot;
    // The common case first, without allocating: a number cell as Excel stores it.
    if (typeof raw === "number" && Number.isFinite(raw)) {
      this.numbers[at] = raw;
      return true;
    }
    this.numbers[at] = NaN;
    const v = normalizeCell(raw);
    if (v.kind === "number" && !v.unit && !v.unknownUnit) this.numbers[at] = v.value;
    else this.others.set(at, v);
    return v.kind === "number";
  }

  /** A plain number (no unit written in the cell), else NaN. */
  number(index: number, slot: number): number {
    return this.numbers[index * this.cols.length + slot];
  }

  value(index: number, slot: number): CellValue {
    const at = index * this.cols.length + slot;
    const n = this.numbers[at];
    if (!Number.isNaN(n)) return { kind: "number", value: n };
    // Every slot of a returned row was set; a slot that never was reads as a blank.
    return this.others.get(at) ?? normalizeCell(null);
  }
}

/** The numeric cells of one row, by column key: a view into its table's TableCells. */
export class RowCells {
  constructor(
    private readonly table: TableCells,
    private readonly row: number,
    private readonly index: number
  ) {}

  /** The slot of `key` in the row's table (the same for every row of it), or undefined. */
  slotOf(key: string): number | undefined {
    return this.table.slots.get(key);
  }

  // By slot, for readers that look a key up once per table (QuantityReader: allocation-free for plain numbers).

  /** The plain number in a slot (no unit written in the cell), NaN when it holds anything else. */
  numberAt(slot: number): number {
    return this.table.number(this.index, slot);
  }

  addressAt(slot: number): string {
    return cellAddress(this.row, this.table.cols[slot]);
  }

  valueAt(slot: number): CellValue {
    return this.table.value(this.index, slot);
  }

  // By key: undefined when the table has no such column.

  /** The normalised value under `key`. */
  value(key: string): CellValue | undefined {
    const slot = this.slotOf(key);
    return slot === undefined ? undefined : this.valueAt(slot);
  }

  /** A1 address of the cell under `key`. */
  address(key: string): string | undefined {
    const slot = this.slotOf(key);
    return slot === undefined ? undefined : this.addressAt(slot);
  }

  get(key: string): CellRef | undefined {
    const slot = this.slotOf(key);
    if (slot === undefined) return undefined;
    return { col: this.table.cols[slot], cell: this.addressAt(slot), value: this.valueAt(slot) };
  }
}

/** Text cells of a row (name, code, county, type, ownership); "" when blank or absent. */
export interface RowTexts {
  name: string;
  code?: string;
  county?: string;
  type?: string;
  ownership?: string;
}

/** One data row of a detected table, cells keyed by column key ("students@primary", "pe_arts_teachers.music"). */
export interface TableRow {
  sheet: string;
  /** 0-based sheet row. */
  row: number;
  /** 0-based column of the 学校名称 cell. */
  nameCol: number;
  kind: RowKind;
  label: string;
  cells: RowCells;
  texts: RowTexts;
  /** Stage named by the nearest block heading above ("一、小学", "初中"), if any. */
  sectionStage?: "primary" | "junior";
}

const TEXT_FIELDS = new Set(["name", "code", "county", "type", "ownership"]);

/** One column per key: when two columns claim the same key, the better header match wins. */
export function columnsByKey(table: DetectedTable): Map<string, ColumnMatch> {
  const out = new Map<string, ColumnMatch>();
  for (const m of table.columns) {
    if (m.col === table.nameCol && !(m.role.kind === "field" && m.role.field === "name")) continue;
    const cur = out.get(m.key);
    if (!cur || m.score > cur.score) out.set(m.key, m);
  }
  return out;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  return String(v).trim();
}

/** Reads and classifies every row below the header (standards.md §8.1). Stops at a 填表说明 block. */
export function readTableRows(
  sheet: SheetInput,
  table: DetectedTable,
  columns: Map<string, ColumnMatch>
): TableRow[] {
  const out: TableRow[] = [];
  const textCols: ColumnMatch[] = [];
  const numberCols: ColumnMatch[] = [];
  for (const m of columns.values()) {
    if (m.role.kind === "field" && TEXT_FIELDS.has(m.role.field)) textCols.push(m);
    else numberCols.push(m);
  }
  const store = new TableCells(
    numberCols.map((m) => m.key),
    numberCols.map((m) => m.col),
    sheet.rows.length - table.dataStart
  );
  // A 学校名称 merged down over several rows (a 一贯制 school on a 小学 row and an 初中 row) names each of them.
  const mergedName = new Map<number, string>();
  for (const m of sheet.merges ?? []) {
    if (m.left > table.nameCol || m.right < table.nameCol || m.bottom < table.dataStart) continue;
    const name = cellText(sheet.rows[m.top]?.[m.left]);
    for (let r = Math.max(m.top + 1, table.dataStart); r <= m.bottom; r++) mergedName.set(r, name);
  }
  let sectionStage: TableRow["sectionStage"];
  for (let r = table.dataStart; r < sheet.rows.length; r++) {
    const raw = sheet.rows[r] ?? [];
    const name = cellText(raw[table.nameCol]) || mergedName.get(r) || "";
    const index = r - table.dataStart;
    let anyNumber = false;
    for (let i = 0; i < numberCols.length; i++) {
      if (store.set(index, i, raw[numberCols[i].col])) anyNumber = true;
    }
    const texts: RowTexts = { name };
    for (const m of textCols)
      if (m.key !== "name") texts[m.key as keyof RowTexts] = cellText(raw[m.col]);
    const label = name || cellText(raw.find((v) => cellText(v) !== ""));
    // Pre-numbered empty template rows (only a 序号) are empty, not schools named "2", "3".
    if (name === "" && !anyNumber && /^\d+$/.test(label)) continue;
    let kind = classifyRow(label === "" ? undefined : label);
    if (kind === "notes-start") break;
    if (kind === "empty") continue;
    // A row with figures is never a block heading, whatever its first cell says.
    if (kind === "section" && anyNumber) kind = "school";
    if (kind === "section") {
      const st = stageWordIn(normalizeHeader(label));
      sectionStage = st === "primary" || st === "junior" ? st : undefined;
    }
    // A lone label with no data at all in a note-like position: "制表人：…" lines.
    if (kind === "school" && !anyNumber && /[:：]/.test(label)) kind = "note";
    const row: TableRow = {
      sheet: sheet.name,
      row: r,
      nameCol: table.nameCol,
      kind,
      label,
      cells: new RowCells(store, r, index),
      texts,
    };
    if (sectionStage && kind === "school") row.sectionStage = sectionStage;
    out.push(row);
  }
  return out;
}
