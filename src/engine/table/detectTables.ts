/**
 * Several school tables on one sheet (issue 14): side by side (each with its own 学校名称 column and
 * header), and stacked (a second header row below the first table's data starts a new table with its own
 * column map). Each table is found by detectTable on a window of the sheet and moved back into sheet
 * coordinates, so the single-table rules apply unchanged inside each one.
 */
import { normalizeHeader, stageWordIn } from "./headerText";
import { DetectedTable, detectTable, isTitleLike, noteUnitsIn } from "./detectTable";
import { classifyRow } from "./classifyRow";
import { matchColumn } from "./matchColumn";
import { normalizeCell } from "../cells/normalize";
import { MergedRange, RawCell, SheetInput } from "../workbook";

/** A header row below a table that could not be read as a table (its rows are not assessed). */
export interface UnreadableBlock {
  /** 0-based row of the header-like row. */
  row: number;
}

export interface SheetTables {
  tables: DetectedTable[];
  unreadable: UnreadableBlock[];
}

/**
 * More tables than this on one sheet is not a layout but a hostile file: the rest of the sheet is reported as
 * unreadable (the verdict stays open), never dropped. A county that stacks one table per 乡镇 or per school has
 * tens of them, and 50 — the old cap — silently dropped the schools of a sixty-table sheet.
 */
const MAX_TABLES = 1000;

const NAME_CHARS = /[名称稱]/;

/** Excel's last column (XFD) + 1: "to the right edge of the sheet". */
const FULL_WIDTH = 1 << 14;

const text = (v: RawCell): string => (v === null || v === undefined ? "" : String(v).trim());

/** The 学校名称 header cells of a row (a synonym matched exactly, not a school name containing one). */
function nameHeaderCols(row: RawCell[] | undefined, from = 0, to = Infinity): number[] {
  const out: number[] = [];
  if (!row) return out;
  for (let c = from; c < Math.min(row.length, to + 1); c++) {
    const v = row[c];
    // Every 学校名称 synonym (学校名称, 校名, 单位名称, 学校全称) has 名 or 称: numbers and most names are
    // passed over without matching, which keeps the scan of a 100,000-row sheet linear and cheap.
    if (typeof v !== "string" || v.length > 40 || !NAME_CHARS.test(v)) continue;
    const t = v.trim();
    const m = matchColumn(c, [t]);
    if (m && m.role.kind === "field" && m.role.field === "name" && m.score >= 1000) out.push(c);
  }
  return out;
}

/**
 * A row that starts a table: it names the school column and at least one other known field, in itself or
 * in the row below (a two-row header whose first row holds 学校名称 and group titles only).
 */
function isHeaderRow(sheet: SheetInput, r: number, from: number, to: number): boolean {
  const row = sheet.rows[r];
  const names = nameHeaderCols(row, from, to);
  if (names.length === 0 || !row) return false;
  const fields = (cells: RawCell[] | undefined): number => {
    let hits = 0;
    for (let c = from; c < Math.min(cells?.length ?? 0, to + 1); c++) {
      const t = text(cells?.[c]);
      if (t && t.length <= 40 && !names.includes(c) && matchColumn(c, [t])) hits++;
    }
    return hits;
  };
  return fields(row) >= 1 || fields(sheet.rows[r + 1]) >= 1;
}

/** The sheet seen from row `top` and between columns `left` and `right`, in window coordinates. */
function windowOf(sheet: SheetInput, top: number, left: number, right: number): SheetInput {
  const fullWidth = left === 0 && right >= FULL_WIDTH;
  // The whole sheet (the common case) is not copied at all; a band of full rows shares its rows.
  if (fullWidth && top === 0) return sheet;
  const rows: RawCell[][] = fullWidth ? sheet.rows.slice(top) : [];
  if (!fullWidth) {
    for (let r = top; r < sheet.rows.length; r++) {
      const row = sheet.rows[r];
      if (row) rows[r - top] = row.slice(left, right + 1);
    }
  }
  const merges: MergedRange[] = [];
  for (const m of sheet.merges ?? []) {
    if (m.bottom < top || m.right < left || m.left > right) continue;
    const w: MergedRange = {
      top: Math.max(m.top, top) - top,
      left: Math.max(m.left, left) - left,
      bottom: m.bottom - top,
      right: Math.min(m.right, right) - left,
    };
    // A title merged across both tables keeps its text in each window.
    if (m.top < top || m.left < left) {
      const v = sheet.rows[m.top]?.[m.left];
      // A copy of the row: a shared row belongs to the caller's sheet.
      const row = [...(rows[w.top] ?? [])];
      if (row[w.left] === undefined || row[w.left] === null) row[w.left] = v;
      rows[w.top] = row;
    }
    merges.push(w);
  }
  return { name: sheet.name, rows, merges };
}

/** Moves a table found in a window back into sheet coordinates. */
function shifted(t: DetectedTable, top: number, left: number): DetectedTable {
  const out: DetectedTable = {
    ...t,
    headerRows: t.headerRows.map((r) => r + top),
    dataStart: t.dataStart + top,
    nameCol: t.nameCol + left,
    columns: t.columns.map((m) => ({ ...m, col: m.col + left })),
    unknownHeaders: t.unknownHeaders.map((h) => ({ ...h, col: h.col + left })),
  };
  if (t.dataEnd !== undefined) out.dataEnd = t.dataEnd + top;
  return out;
}

function isBlankColumn(sheet: SheetInput, c: number, from: number, to: number): boolean {
  for (let r = from; r <= to; r++) if (text(sheet.rows[r]?.[c]) !== "") return false;
  return true;
}

/**
 * Column ranges of tables side by side, from the 学校名称 cells of the header row: each boundary is the last
 * blank column between two name columns, else the column just left of the next name column (or of its 序号).
 */
function sideBySideRanges(
  sheet: SheetInput,
  headerRow: number,
  dataTo: number,
  names = nameHeaderCols(sheet.rows[headerRow])
): [number, number][] | undefined {
  if (names.length < 2) return undefined;
  const ranges: [number, number][] = [];
  let start = 0;
  for (let i = 1; i < names.length; i++) {
    let boundary = -1;
    for (let c = names[i] - 1; c > names[i - 1]; c--) {
      if (isBlankColumn(sheet, c, headerRow, dataTo)) {
        boundary = c;
        break;
      }
    }
    let end: number;
    let next: number;
    if (boundary >= 0) {
      end = boundary - 1;
      next = boundary + 1;
    } else {
      const before = text(sheet.rows[headerRow]?.[names[i] - 1]);
      next = /^(序号|编号|No\.?)$/i.test(normalizeHeader(before)) ? names[i] - 1 : names[i];
      end = next - 1;
    }
    ranges.push([start, end]);
    start = next;
  }
  ranges.push([start, FULL_WIDTH]);
  return ranges;
}

/** Rows around the first table's header searched for the header of a table beside it on another row. */
const NEIGHBOUR_HEADER_ROWS = 3;

/**
 * Tables side by side whose headers are not on one row (a title row over the left table only): the
 * 学校名称 header cells, in rows near the first table's header but not in it, that start a header on their
 * side of the first table's name column (学校名称 and another field there). With the first table's own name
 * column they give the ranges a shared header row would; the blank-column test runs from the highest header.
 */
function offsetSideBySideRanges(
  sheet: SheetInput,
  first: DetectedTable
): [number, number][] | undefined {
  const h0 = first.headerRows[0] ?? first.dataStart;
  const from = Math.max(0, h0 - NEIGHBOUR_HEADER_ROWS);
  const to = first.dataStart + NEIGHBOUR_HEADER_ROWS;
  const found = new Map<number, number>();
  for (let r = from; r <= to && r < sheet.rows.length; r++) {
    if (first.headerRows.includes(r)) continue;
    for (const c of nameHeaderCols(sheet.rows[r])) {
      if (c === first.nameCol || found.has(c)) continue;
      const [l, rr] = c < first.nameCol ? [0, first.nameCol - 1] : [first.nameCol + 1, FULL_WIDTH];
      if (isHeaderRow(sheet, r, l, rr)) found.set(c, r);
    }
  }
  if (found.size === 0) return undefined;
  const names = [first.nameCol, ...found.keys()].sort((a, b) => a - b);
  return sideBySideRanges(sheet, Math.min(h0, ...found.values()), first.dataStart + 20, names);
}

/** Stage named by a title over a table: the rows above its header, within its columns. */
function titleStage(win: SheetInput, headerTop: number): "primary" | "junior" | undefined {
  for (let r = headerTop - 1; r >= 0; r--) {
    for (const v of win.rows[r] ?? []) {
      const t = normalizeHeader(text(v));
      if (!t) continue;
      const st = stageWordIn(t);
      if (st === "primary" || st === "junior") return st;
    }
  }
  return undefined;
}

/** A table found in a band of rows, with the stage its title names (used when the sheet has several). */
interface Found {
  table: DetectedTable;
  titleStage?: "primary" | "junior";
}

/** Tables found across one band of rows (from `top` down): one, or several side by side. */
function tablesAcross(sheet: SheetInput, top: number): Found[] {
  const whole = windowOf(sheet, top, 0, FULL_WIDTH);
  const first = detectTable(whole);
  if (!first) return [];
  const ranges =
    first.headerRows
      .map((r) => sideBySideRanges(whole, r, first.dataStart + 20))
      .find((x) => x !== undefined) ?? offsetSideBySideRanges(whole, first);
  const single = (): Found[] => [
    { table: shifted(first, top, 0), titleStage: titleStage(whole, first.headerRows[0] ?? 0) },
  ];
  if (!ranges) return single();
  const out: Found[] = [];
  for (const [l, r] of ranges) {
    const win = windowOf(whole, 0, l, r);
    const t = detectTable(win);
    if (!t) continue;
    const s = shifted(t, top, l);
    s.left = l;
    s.right = r;
    out.push({ table: s, titleStage: titleStage(win, t.headerRows[0] ?? t.dataStart) });
  }
  return out.length ? out : single();
}

/** A unit note cell: 「单位：元」, 「金额单位：千元」, 「（单位：万元、平方米）」. */
const NOTE_CELL = /单位\s*[:：]/;

/**
 * Where a table above a new header row ends: before the blank lines and titles over the new header
 * (「二、初中学校基本情况」), never before a row with figures or a named school.
 */
function endAbove(sheet: SheetInput, header: number, dataStart: number): number {
  let end = header - 1;
  while (end > dataStart) {
    const row = sheet.rows[end] ?? [];
    const cells = row.map(text).filter((t) => t !== "");
    if (cells.length === 0) {
      end--;
      continue;
    }
    if (row.some((v) => normalizeCell(v).kind === "number")) break;
    // A heading (「二、初中」), a title (「初中学校基本情况」, one cell alone) or a note goes with the table
    // below; a row with several cells (序号, 名称, 类型) and no figures stays a school of the table above.
    const label = cells[0];
    // A 「单位：元」 beside a title (「二、初中学校情况 … 单位：元」) is the title's note, not a school's cell.
    const others = cells.slice(1).filter((t) => !NOTE_CELL.test(t));
    if (classifyRow(label) === "school" && !isTitleLike(label) && others.length > 0) break;
    end--;
  }
  return end;
}

function hasFiguresBelow(sheet: SheetInput, header: number): boolean {
  for (let r = header + 1; r < sheet.rows.length; r++)
    if ((sheet.rows[r] ?? []).some((v) => normalizeCell(v).kind === "number")) return true;
  return false;
}

/** Every school table of a sheet, top to bottom and left to right. */
export function detectTables(sheet: SheetInput): SheetTables {
  const found: Found[] = [];
  const unreadable: UnreadableBlock[] = [];
  let top = 0;
  let header = -1;
  while (top < sheet.rows.length && found.length < MAX_TABLES) {
    const bandFound = tablesAcross(sheet, top);
    const band = bandFound.map((f) => f.table);
    if (band.length === 0) {
      // A header row below a table, with figures under it but no table we can read: those rows are
      // not assessed, and that is said (an empty repeated header is nothing to report).
      if (header >= 0 && hasFiguresBelow(sheet, header)) unreadable.push({ row: header });
      break;
    }
    const dataStart = Math.max(...band.map((t) => t.dataStart));
    const left = Math.min(...band.map((t) => t.left ?? 0));
    const right = Math.max(...band.map((t) => t.right ?? FULL_WIDTH));
    let next = -1;
    for (let r = dataStart + 1; r < sheet.rows.length; r++) {
      if (isHeaderRow(sheet, r, left, right)) {
        next = r;
        break;
      }
    }
    found.push(...bandFound);
    if (next < 0) break;
    const end = endAbove(sheet, next, dataStart);
    header = next;
    for (const t of band) {
      t.dataEnd = end;
      // Its notes are those over its header and at the foot of its own rows: a 「单位：元」 over the table below is
      // that table's (detectTable read the whole rest of the sheet as this table's foot).
      t.noteUnits = noteUnitsIn(
        sheet,
        top,
        t.headerRows[0] ?? t.dataStart,
        t.dataStart,
        end,
        t.left,
        t.right
      );
    }
    top = end + 1;
    if (found.length >= MAX_TABLES) unreadable.push({ row: next });
  }
  const tables = found.map((f) => f.table);
  // A sheet note over the first table ("单位：万元") covers the tables below it that have none of their own.
  const sheetNote = tables[0]?.noteUnits ?? [];
  for (const t of tables.slice(1)) if (t.noteUnits.length === 0) t.noteUnits = sheetNote;
  // On a sheet of several tables, a title naming one stage (「小学」 over the left table, 「二、初中」 over the
  // lower one) gives that table its stage, as a sheet name does; one table keeps the sheet-name rule only.
  if (tables.length > 1)
    found.forEach((f) => {
      if (f.titleStage) f.table.sheetStage = f.titleStage;
    });
  return { tables, unreadable };
}
