import { normalizeCell } from "../cells/normalize";
import { Unit, lookupUnit } from "../cells/units";
import { SheetInput } from "../workbook";
import { ColumnMatch, matchColumn } from "./matchColumn";
import { normalizeHeader, stageWordIn } from "./headerText";
import { classifyRow } from "./classifyRow";

/** A school table found in a sheet. Rows and columns are 0-based sheet coordinates. */
export interface DetectedTable {
  sheet: string;
  headerRows: number[];
  dataStart: number;
  nameCol: number;
  columns: ColumnMatch[];
  /** Stage named by the sheet ("小学", "初中基本情况"). */
  sheetStage?: "primary" | "junior";
  /** Units from a sheet note "单位：万元" (cover columns of that dimension with no unit of their own). */
  noteUnits: Unit[];
  /** Header texts we could not place (for a UI that lets the user map by hand). */
  unknownHeaders: { col: number; path: string[] }[];
}

const SCAN_ROWS = 60;

/** Text of a cell as a header reader sees it: merged cells spread their top-left value. */
function makeTextReader(sheet: SheetInput, maxRow: number): (r: number, c: number) => string {
  const origin = new Map<number, [number, number]>();
  const width = 1 << 14;
  for (const m of sheet.merges ?? []) {
    if (m.top > maxRow) continue;
    for (let r = m.top; r <= Math.min(m.bottom, maxRow); r++) {
      for (let c = m.left; c <= m.right; c++) origin.set(r * width + c, [m.top, m.left]);
    }
  }
  return (r, c) => {
    const o = origin.get(r * width + c);
    const v = o ? sheet.rows[o[0]]?.[o[1]] : sheet.rows[r]?.[c];
    if (v === null || v === undefined) return "";
    return String(v).trim();
  };
}

function rowWidth(sheet: SheetInput, from: number, to: number): number {
  let w = 0;
  for (let r = from; r <= to && r < sheet.rows.length; r++) w = Math.max(w, sheet.rows[r]?.length ?? 0);
  return w;
}

function isUnitOnly(text: string): string | undefined {
  const t = normalizeHeader(text).replace(/^\((.*)\)$/, "$1").replace(/^单位[:：]/, "");
  return lookupUnit(t) ? t : undefined;
}

/** A row of column codes under an official header: 甲 乙 1 2 3 … or L1 L2 …. */
function isCodeRow(cells: string[]): boolean {
  const filled = cells.filter((c) => c !== "");
  if (filled.length < 3) return false;
  return filled.every((c) => /^(甲|乙|丙|丁|L?\d{1,3}|栏次|\(\d+\))$/i.test(normalizeHeader(c)));
}

function parseNoteUnits(text: string): Unit[] {
  const m = /单位[:：]\s*(.+)$/.exec(normalizeHeader(text));
  if (!m) return [];
  const out: Unit[] = [];
  for (const tok of m[1].split(/[、,，;；/|]/)) {
    const u = lookupUnit(tok.replace(/[()]/g, ""));
    if (u) out.push(u);
  }
  return out;
}

/**
 * Finds the school table of a sheet (standards.md §11.1): the header's first row is the first row that
 * names the school column and at least one other known field, widened upward over group-header rows;
 * the data starts at the first row with a school name and a number.
 */
export function detectTable(sheet: SheetInput): DetectedTable | undefined {
  const scanTo = Math.min(sheet.rows.length - 1, SCAN_ROWS);
  if (scanTo < 0) return undefined;
  const text = makeTextReader(sheet, scanTo + 10);
  const width = rowWidth(sheet, 0, Math.min(sheet.rows.length - 1, SCAN_ROWS + 20));

  let top = -1;
  let bestHits = 0;
  let bestRow = -1;
  for (let r = 0; r <= scanTo; r++) {
    let hits = 0;
    let hasName = false;
    for (let c = 0; c < width; c++) {
      const t = text(r, c);
      if (!t || t.length > 40) continue;
      const m = matchColumn(c, [t]);
      if (!m) continue;
      hits++;
      if (m.role.kind === "field" && m.role.field === "name" && m.score >= 1000) hasName = true;
    }
    if (hasName && hits >= 2) {
      top = r;
      break;
    }
    if (hits > bestHits) {
      bestHits = hits;
      bestRow = r;
    }
  }
  if (top < 0) {
    if (bestHits < 3) return undefined;
    top = bestRow;
  }

  // Group-header rows above ("基本情况", "教师情况" merged across several columns) belong to the header.
  while (top > 0) {
    const cells: string[] = [];
    for (let c = 0; c < width; c++) cells.push(text(top - 1, c));
    const distinct = new Set(cells.filter((c) => c !== ""));
    if (distinct.size >= 2 && ![...distinct].some((c) => /[:：]/.test(c)) && !isCodeRow(cells)) top--;
    else break;
  }

  // Name column: the best "name" match in the header rows.
  let nameCol = -1;
  const headerScanEnd = Math.min(scanTo, top + 6);
  let nameScore = 0;
  for (let r = top; r <= headerScanEnd; r++) {
    for (let c = 0; c < width; c++) {
      const t = text(r, c);
      if (!t) continue;
      const m = matchColumn(c, [t]);
      if (m && m.role.kind === "field" && m.role.field === "name" && m.score > nameScore) {
        nameScore = m.score;
        nameCol = c;
      }
    }
  }

  // First data row: a school name (or a summary label) and a number elsewhere.
  let dataStart = -1;
  const lastRow = sheet.rows.length - 1;
  for (let r = top + 1; r <= Math.min(lastRow, top + 12); r++) {
    const row = sheet.rows[r] ?? [];
    const cells: string[] = [];
    for (let c = 0; c < width; c++) cells.push(text(r, c));
    if (isCodeRow(cells)) continue;
    const label = nameCol >= 0 ? cells[nameCol] : cells.find((c) => c !== "");
    if (!label || label.length < 2 || /^\d+$/.test(label)) continue;
    const asHeader = nameCol >= 0 ? matchColumn(nameCol, [label]) : undefined;
    if (asHeader && asHeader.score >= 1000) continue;
    let numbers = 0;
    for (let c = 0; c < row.length; c++) {
      if (c === nameCol) continue;
      const v = normalizeCell(row[c]);
      if (v.kind === "number") numbers++;
    }
    const kind = classifyRow(label);
    if (numbers >= 1 && (kind === "school" || kind === "summary")) {
      dataStart = r;
      break;
    }
  }
  if (dataStart < 0) return undefined;

  const headerRows: number[] = [];
  const unitRow = new Map<number, string>();
  for (let r = top; r < dataStart; r++) {
    const cells: string[] = [];
    for (let c = 0; c < width; c++) cells.push(text(r, c));
    const filled = cells.filter((c) => c !== "");
    if (filled.length === 0 || isCodeRow(cells)) continue;
    if (filled.every((c) => isUnitOnly(c) !== undefined)) {
      cells.forEach((c, i) => {
        const u = c ? isUnitOnly(c) : undefined;
        if (u) unitRow.set(i, u);
      });
      continue;
    }
    headerRows.push(r);
  }

  const columns: ColumnMatch[] = [];
  const unknownHeaders: { col: number; path: string[] }[] = [];
  for (let c = 0; c < width; c++) {
    const path: string[] = [];
    for (const r of headerRows) {
      const t = text(r, c);
      if (t && t !== path[path.length - 1]) path.push(t);
    }
    if (path.length === 0) continue;
    const m = matchColumn(c, path, unitRow.get(c));
    if (m) columns.push(m);
    else unknownHeaders.push({ col: c, path });
  }
  if (nameCol < 0) {
    const nm = columns.find((m) => m.role.kind === "field" && m.role.field === "name");
    if (!nm) return undefined;
    nameCol = nm.col;
  }

  const noteUnits: Unit[] = [];
  const noteRows: number[] = [];
  for (let r = 0; r < top; r++) noteRows.push(r);
  for (let r = Math.max(dataStart, lastRow - 30); r <= lastRow; r++) noteRows.push(r);
  for (const r of noteRows) {
    for (const v of sheet.rows[r] ?? []) {
      if (typeof v === "string" && v.includes("单位")) noteUnits.push(...parseNoteUnits(v));
    }
  }

  const stage = stageWordIn(normalizeHeader(sheet.name));
  const table: DetectedTable = { sheet: sheet.name, headerRows, dataStart, nameCol, columns, noteUnits, unknownHeaders };
  if (stage === "primary" || stage === "junior") table.sheetStage = stage;
  return table;
}
