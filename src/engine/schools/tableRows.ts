import { CellValue, normalizeCell } from "../cells/normalize";
import { classifyRow, RowKind } from "../table/classifyRow";
import { DetectedTable } from "../table/detectTable";
import { ColumnMatch, matchColumn } from "../table/matchColumn";
import { RawCell, SheetInput, columnLetter } from "../workbook";
import { normalizeHeader, stageWordIn } from "../table/headerText";
import { comparePeriods } from "../table/columnPeriod";

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
  /** Column letters per slot ("C"), for the A1 addresses of its cells. */
  readonly letters: string[];
  private readonly numbers: Float64Array;
  private readonly others = new Map<number, CellValue>();

  constructor(keys: string[], cols: number[], maxRows: number) {
    this.slots = new Map(keys.map((k, i) => [k, i]));
    this.cols = cols;
    this.letters = cols.map(columnLetter);
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

  /** Rows `a` and `b` hold the same value in every column, at least one of them a number (a row typed twice). */
  sameRow(a: number, b: number): boolean {
    const n = this.cols.length;
    let anyNumber = false;
    for (let s = 0; s < n; s++) {
      const x = this.numbers[a * n + s];
      const y = this.numbers[b * n + s];
      if (!Number.isNaN(x) || !Number.isNaN(y)) {
        if (x !== y) return false;
        anyNumber = true;
        continue;
      }
      const u = this.others.get(a * n + s);
      const v = this.others.get(b * n + s);
      if (u !== v && JSON.stringify(u ?? null) !== JSON.stringify(v ?? null)) return false;
      if (u?.kind === "number") anyNumber = true;
    }
    return anyNumber;
  }
}

/** The numeric cells of one row, by column key: a view into its table's TableCells. */
export class RowCells {
  /**
   * The row's number as A1 addresses write it ("12"): made once per row. Every quantity read builds the address of
   * its cell (a county of 100,000 schools reads 1.5 million), and building each from the column and row numbers
   * was a few % of the engine.
   */
  private readonly rowText: string;

  constructor(
    private readonly table: TableCells,
    row: number,
    private readonly index: number
  ) {
    this.rowText = String(row + 1);
  }

  /** This row and `other` are rows of one table with the same value in every column (TableCells.sameRow). */
  sameFigures(other: RowCells): boolean {
    return other.table === this.table && this.table.sameRow(this.index, other.index);
  }

  /** The slot of `key` in the row's table (the same for every row of it), or undefined. */
  slotOf(key: string): number | undefined {
    return this.table.slots.get(key);
  }

  // By slot, for readers that look a key up once per table (QuantityReader: allocation-free for plain numbers).

  /** The plain number in a slot (no unit written in the cell), NaN when it holds anything else. */
  numberAt(slot: number): number {
    return this.table.number(this.index, slot);
  }

  /** cellAddress(row, column of the slot). */
  addressAt(slot: number): string {
    return this.table.letters[slot] + this.rowText;
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
  /**
   * A second 学校类型 / 学段 column's text, when the table has both (学校类型 「九年一贯制」 beside 学段 「小学部」 on each
   * part row): the column that matched less well, which columnsByKey leaves out.
   */
  typeOther?: string;
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

/**
 * A place heading inside the data: 「城关镇」, 「（二）红星乡」, 「东城街道」, 「城关学区」. A school's name has 学, 校, 园 or 点
 * before such an ending (「城关镇中心小学」, 「红星乡教学点」), a place heading does not.
 */
const PLACE_HEADING =
  /^([一二三四五六七八九十]+[、.]|\([一二三四五六七八九十\d]+\)|\d+[、.])?[^学校园点]{1,12}(镇|乡|街道|街道办事处|办事处|片区|学区|管理区)$/;

/**
 * One column per key: when two columns claim the same key, the better header match wins; between equally good ones,
 * the later period's (2025年 over 2024年, 本年 over 上年: columnPeriod.ts), else the first.
 */
export function columnsByKey(table: DetectedTable): Map<string, ColumnMatch> {
  const out = new Map<string, ColumnMatch>();
  for (const m of table.columns) {
    if (m.col === table.nameCol && !(m.role.kind === "field" && m.role.field === "name")) continue;
    const cur = out.get(m.key);
    if (
      !cur ||
      m.score > cur.score ||
      (m.score === cur.score && comparePeriods(m.path, cur.path) > 0)
    )
      out.set(m.key, m);
  }
  return out;
}

/**
 * Keys that two or more columns claim equally well (the same header match): the column read and the ones left
 * aside, for the column-ambiguous warning. A better match winning is no ambiguity.
 */
export function ambiguousColumns(
  table: DetectedTable,
  columns: Map<string, ColumnMatch>
): { key: string; used: ColumnMatch; ignored: ColumnMatch[] }[] {
  const out: { key: string; used: ColumnMatch; ignored: ColumnMatch[] }[] = [];
  for (const [key, used] of columns) {
    // 学校类型 and 学段 are both read (RowTexts.typeOther): neither is left aside.
    if (key === "type") continue;
    const ignored = table.columns.filter(
      (m) =>
        m.key === key &&
        m !== used &&
        m.score === used.score &&
        (m.col !== table.nameCol || (m.role.kind === "field" && m.role.field === "name"))
    );
    if (ignored.length) out.push({ key, used, ignored });
  }
  return out;
}

export function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  return String(v).trim();
}

function isNameHeader(name: string, col: number): boolean {
  if (name === "" || name.length > 40) return false;
  const m = matchColumn(col, [name]);
  return !!m && m.role.kind === "field" && m.role.field === "name" && m.score >= 1000;
}

function firstText(raw: RawCell[], left: number, right: number): string {
  for (let c = left; c <= Math.min(right, raw.length - 1); c++) {
    const t = cellText(raw[c]);
    if (t !== "") return t;
  }
  return "";
}

/**
 * Text of merged cells in the given columns, spread to the rows below their top-left cell: column → row →
 * text. Only rows from `from` on (a merge that starts in the header spreads nothing into the data).
 */
export function mergedTextCells(
  sheet: SheetInput,
  from: number,
  cols: number[]
): Map<number, Map<number, string>> {
  const out = new Map<number, Map<number, string>>();
  for (const m of sheet.merges ?? []) {
    if (m.bottom < from || m.top < from) continue;
    const text = cellText(sheet.rows[m.top]?.[m.left]);
    if (text === "") continue;
    for (const col of cols) {
      if (col < m.left || col > m.right) continue;
      let byRow = out.get(col);
      if (!byRow) out.set(col, (byRow = new Map()));
      for (let r = m.top; r <= m.bottom; r++) byRow.set(r, text);
    }
  }
  return out;
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
  // A key cell merged down over several rows gives its value to each of them: a 学校名称 over a 一贯制
  // school's 小学 and 初中 rows, a 学段 / 学校类型 / 乡镇 cell over a block of schools.
  // 学校类型 and 学段 both read as the type: the one that matched less well is kept too (schoolKind.ts).
  const typeCol = columns.get("type");
  const typeOther = typeCol
    ? table.columns.find(
        (m) => m.key === "type" && m.col !== typeCol.col && m.col !== table.nameCol
      )
    : undefined;
  const merged = mergedTextCells(sheet, table.dataStart, [
    table.nameCol,
    ...textCols.map((m) => m.col),
    ...(typeOther ? [typeOther.col] : []),
  ]);
  const textAt = (raw: RawCell[], r: number, col: number): string =>
    cellText(raw[col]) || merged.get(col)?.get(r) || "";
  const mergedRows = new Set<number>();
  for (const byRow of merged.values()) for (const r of byRow.keys()) mergedRows.add(r);
  const end = Math.min(sheet.rows.length - 1, table.dataEnd ?? Number.MAX_SAFE_INTEGER);
  // Only rows that hold something are stored: a row absent from the file (a hole in `rows`) is empty. One stray
  // cell at A1048576 makes the sheet a million rows long, and a slot per row and column below the header cost
  // 5 s and 900 MB (a blank value in a Map for each of them).
  // forEach visits only the rows present (a hole costs nothing), merged rows are added, in sheet order.
  const rowsHeld: number[] = [];
  sheet.rows.forEach((row, r) => {
    if (row !== undefined && r >= table.dataStart && r <= end) rowsHeld.push(r);
  });
  for (const r of mergedRows) if (r <= end && sheet.rows[r] === undefined) rowsHeld.push(r);
  if (mergedRows.size > 0) rowsHeld.sort((a, b) => a - b);
  const store = new TableCells(
    numberCols.map((m) => m.key),
    numberCols.map((m) => m.col),
    rowsHeld.length
  );
  let sectionStage: TableRow["sectionStage"];
  const left = table.left ?? 0;
  const right = table.right ?? Number.MAX_SAFE_INTEGER;
  for (let index = 0; index < rowsHeld.length; index++) {
    const r = rowsHeld[index];
    const raw = sheet.rows[r] ?? [];
    const name = textAt(raw, r, table.nameCol);
    let anyNumber = false;
    for (let i = 0; i < numberCols.length; i++) {
      if (store.set(index, i, raw[numberCols[i].col])) anyNumber = true;
    }
    const texts: RowTexts = { name };
    for (const m of textCols)
      if (m.key !== "name") texts[m.key as keyof RowTexts] = textAt(raw, r, m.col);
    if (typeOther) texts.typeOther = textAt(raw, r, typeOther.col);
    // The first filled cell of the table's own columns: a table beside it is another table's rows.
    const label = name || firstText(raw, left, right);
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
    // A 乡镇 / 街道 / 学区 heading over its schools (「城关镇」 alone, no figures): a place, never a school's name. It
    // gives no stage, so it is a note, not a block heading (the stage of 「一、小学」 above still holds).
    if (kind === "school" && !anyNumber && PLACE_HEADING.test(normalizeHeader(label)))
      kind = "note";
    // Text outside the 学校名称 column in a row with no name and no figures (a stray 「x」 at XFD1048576, a
    // remark left alone in 备注) is not a school: a school 「x」 of unknown stage kept the verdict open.
    if (kind === "school" && name === "" && !anyNumber) kind = "note";
    // A header repeated in the data (学校名称 again, a table we could not tell apart) is never a school.
    if (kind === "school" && !anyNumber && isNameHeader(name, table.nameCol)) kind = "header";
    // Figures under an empty 学校名称: a school we cannot name, never one named after its 序号 or 乡镇.
    if (kind === "school" && name === "" && anyNumber) kind = "nameless";
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
