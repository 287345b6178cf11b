import { normalizeCell, toHalfWidth } from "../cells/normalize";
import { UNIT_TOKENS_LONGEST_FIRST, Unit, lookupUnit } from "../cells/units";
import { SheetInput } from "../workbook";
import { ColumnMatch, matchColumn } from "./matchColumn";
import { normalizeHeader, stageWordIn } from "./headerText";
import { classifyRow } from "./classifyRow";

/** A school table found in a sheet. Rows and columns are 0-based sheet coordinates. */
export interface DetectedTable {
  sheet: string;
  headerRows: number[];
  dataStart: number;
  /** Last data row (inclusive) when another table follows below; undefined = to the end of the sheet. */
  dataEnd?: number;
  nameCol: number;
  columns: ColumnMatch[];
  /**
   * Stage named by the sheet ("小学", "初中基本情况"), or, on a sheet of several tables, by the title over
   * this table (「小学」 over the left one, 「初中」 over the right one).
   */
  sheetStage?: "primary" | "junior";
  /** A user's per-school stage (overrides.ts SheetOverrides.schoolStages), by school name. */
  schoolStages?: Record<string, "primary" | "junior" | "nine-year">;
  /** First and last column of the table on a sheet of tables side by side; undefined = the whole width. */
  left?: number;
  right?: number;
  /** Units from a sheet note "单位：万元" (cover columns of that dimension with no unit of their own). */
  noteUnits: Unit[];
  /** Header texts we could not place (for a UI that lets the user map by hand). */
  unknownHeaders: { col: number; path: string[] }[];
}

const SCAN_ROWS = 60;

interface TextReader {
  /** Text of a cell as a header reader sees it: merged cells spread their top-left value. */
  text(r: number, c: number): string;
  /** The cell is the lower part of a merge that starts in an earlier row (a header spreading down). */
  mergedFromAbove(r: number, c: number): boolean;
  /** The cell is part of a merged area. */
  merged(r: number, c: number): boolean;
}

function makeTextReader(sheet: SheetInput, maxRow: number): TextReader {
  const origin = new Map<number, [number, number]>();
  const width = 1 << 14;
  for (const m of sheet.merges ?? []) {
    if (m.top > maxRow) continue;
    for (let r = m.top; r <= Math.min(m.bottom, maxRow); r++) {
      for (let c = m.left; c <= m.right; c++) origin.set(r * width + c, [m.top, m.left]);
    }
  }
  return {
    text(r, c) {
      const o = origin.get(r * width + c);
      const v = o ? sheet.rows[o[0]]?.[o[1]] : sheet.rows[r]?.[c];
      if (v === null || v === undefined) return "";
      return String(v).trim();
    },
    mergedFromAbove(r, c) {
      const o = origin.get(r * width + c);
      return !!o && o[0] < r;
    },
    merged(r, c) {
      return origin.has(r * width + c);
    },
  };
}

function rowWidth(sheet: SheetInput, from: number, to: number): number {
  let w = 0;
  for (let r = from; r <= to && r < sheet.rows.length; r++)
    w = Math.max(w, sheet.rows[r]?.length ?? 0);
  return w;
}

function isUnitOnly(text: string): string | undefined {
  const t = normalizeHeader(text)
    .replace(/^\((.*)\)$/, "$1")
    .replace(/^(计量)?单位[:：]/, "");
  return lookupUnit(t) ? t : undefined;
}

/** A sheet title or date above a table ("某县小学基本情况统计表", "2023年9月"), never a group header. */
export function isTitleLike(text: string): boolean {
  const t = normalizeHeader(text);
  return t.length > 30 || /表(\([^()]*\))?$/.test(t) || /\d{4}(学?年|[-/.]\d{1,2})|^\d{4}$/.test(t);
}

/** The label of a unit row in the name column: 单位, 计量单位 (not 单位名称, a name header). */
const UNIT_ROW_LABEL = /^(计量)?单位[:：]?$/;

/**
 * A row of units under the header (人 / ㎡ / 万元 in their own row): every filled cell is a unit, a unit-row
 * label (计量单位), or a header merged down from above (学校名称 spanning the header and the unit row).
 */
function unitRowOf(reader: TextReader, r: number, width: number): Map<number, string> | undefined {
  const units = new Map<number, string>();
  for (let c = 0; c < width; c++) {
    const t = reader.text(r, c);
    if (t === "") continue;
    const u = isUnitOnly(t);
    if (u) units.set(c, u);
    else if (!UNIT_ROW_LABEL.test(normalizeHeader(t)) && !reader.mergedFromAbove(r, c))
      return undefined;
  }
  return units.size > 0 ? units : undefined;
}

/** A row of column codes under an official header: 甲 乙 1 2 3 … or L1 L2 …. */
function isCodeRow(cells: string[]): boolean {
  const filled = cells.filter((c) => c !== "");
  if (filled.length < 3) return false;
  return filled.every((c) =>
    /^(\(?(甲|乙|丙|丁)\)?|L?\d{1,3}|栏次|\(\d+\))$/i.test(normalizeHeader(c))
  );
}

/**
 * Units of a sheet note: "单位：万元", "（单位：人、㎡、万元）", and several labelled parts in one cell
 * ("面积单位：平方米 金额单位：万元", even with the spaces lost). After each "单位：" a list of unit tokens
 * must end the note or be followed by punctuation or the next label ("…日期：", "金额单位："), so that
 * "填报单位：元宝山区教育局" (a district whose name starts with 元) names no unit.
 */
export function parseNoteUnits(text: string): Unit[] {
  const s = toHalfWidth(text)
    .replace(/[【〔[]/g, "(")
    .replace(/[】〕\]]/g, ")");
  const out: Unit[] = [];
  const label = /单位\s*:\s*/g;
  let m: RegExpExecArray | null;
  while ((m = label.exec(s)) !== null) {
    let p = m.index + m[0].length;
    const found: Unit[] = [];
    for (;;) {
      if (s[p] === "(") p++;
      const token = UNIT_TOKENS_LONGEST_FIRST.find((u) => s.startsWith(u, p));
      if (!token) break;
      // An unknown unit (千元) is skipped, never shortened to a known one (元).
      const u = lookupUnit(token);
      if (u) found.push(u);
      p += token.length;
      if (s[p] === ")") p++;
      const sep = /^\s*[、,;/|]\s*/.exec(s.slice(p));
      if (!sep) break;
      p += sep[0].length;
    }
    const rest = s.slice(p);
    if (
      found.length > 0 &&
      /^($|[\s。.,;()]|[\u4e00-\u9fff]{1,6}:|[\u4e00-\u9fff]{0,4}单位)/.test(rest)
    )
      out.push(...found);
  }
  return out;
}

/**
 * A "其中：…" column is a part of the nearest column to its left that is not itself a "其中" column, in the
 * same header group (研究生 | 其中：博士; 艺术 | 其中：音乐 | 其中：美术). A part is never added to its whole:
 * a qualification level under another level is dropped (listed with the unplaced headers), and 音乐 / 美术
 * under a flat 艺术 column count as parts of 艺术 (the 艺术 › 计 rule of standards.md §3.2).
 * Parts of a total of another kind (专任教师 | 其中：本科) are ordinary columns.
 */
function resolveParts(
  columns: ColumnMatch[],
  unknownHeaders: { col: number; path: string[] }[]
): void {
  const byCol = new Map<number, ColumnMatch>(columns.map((m) => [m.col, m]));
  const unknownCols = new Map<number, string[]>(unknownHeaders.map((h) => [h.col, h.path]));
  // The header group: the path without its leaf (and without unit-only cells such as "人").
  const group = (path: string[]): string => {
    const levels = path.filter((p) => !isUnitOnly(p));
    return levels.slice(0, -1).join("›");
  };
  const isPart = (c: number): boolean => {
    const m = byCol.get(c);
    if (m) return m.ofWhich === true;
    const p = unknownCols.get(c);
    return !!p && /^(#|其中)/.test(normalizeHeader(p[p.length - 1]));
  };
  const dropped = new Set<ColumnMatch>();
  for (const m of columns) {
    if (!m.ofWhich || (m.role.kind !== "qualification" && m.role.kind !== "pe-arts")) continue;
    let c = m.col - 1;
    while (c >= 0 && isPart(c)) c--;
    const whole = byCol.get(c);
    if (!whole || group(whole.path) !== group(m.path)) continue;
    if (m.role.kind === "qualification" && whole.role.kind === "qualification") dropped.add(m);
    else if (
      m.role.kind === "pe-arts" &&
      whole.role.kind === "pe-arts" &&
      whole.role.part === "arts" &&
      (m.role.part === "music" || m.role.part === "fine_art")
    ) {
      m.role = { ...m.role, underArts: true };
    }
  }
  for (const m of dropped) {
    columns.splice(columns.indexOf(m), 1);
    unknownHeaders.push({ col: m.col, path: m.path });
  }
  // 「在校学生合计 | 其中：小学 | 其中：初中」 in one header row: a bare stage under 其中 is that stage's part of
  // the whole to its left, read as if the header were two rows (在校学生合计 › 小学). With two header rows the
  // group above already says so; this is the one-row form a statistics system or a hand-made sheet writes.
  const keys = new Set(columns.map((m) => m.key));
  for (const h of [...unknownHeaders]) {
    const leaf = normalizeHeader(h.path[h.path.length - 1]);
    const stage = /^(#|其中)[:：]?(小学|初中|高中)部?$/.exec(leaf);
    if (!stage) continue;
    let c = h.col - 1;
    while (c >= 0 && isPart(c)) c--;
    const whole = byCol.get(c);
    if (!whole || whole.role.kind !== "field" || whole.stage || group(whole.path) !== group(h.path))
      continue;
    const m = matchColumn(h.col, [...whole.path, stage[2]]);
    if (!m || m.role.kind !== "field" || m.role.field !== whole.role.field || keys.has(m.key))
      continue;
    m.ofWhich = true;
    columns.push(m);
    keys.add(m.key);
    unknownHeaders.splice(unknownHeaders.indexOf(h), 1);
  }
  columns.sort((a, b) => a.col - b.col);
  unknownHeaders.sort((a, b) => a.col - b.col);
}

/**
 * Group headers written once over their columns without a merge — a CSV, a sheet saved from a statistics system,
 * 「跨列居中」: 「教师数（人）」 in C2 over the sub-headers of C3:E3, with D2 and E2 blank. Excel shows (and a merge
 * would give) the group over all three; so does this, as row × 2^14 + column → the group's text, for a blank,
 * unmerged upper header cell whose column has a sub-header below when the group's first column has one too
 * and every column between them has one. A header with nothing below it (学校名称, 在校生数 standing over
 * both rows) starts no group, so a blank next to it stays blank.
 */
function unmergedGroupHeaders(
  reader: TextReader,
  headerRows: readonly number[],
  width: number
): Map<number, string> {
  const out = new Map<number, string>();
  const below = (i: number, c: number): boolean =>
    headerRows.slice(i + 1).some((r) => reader.text(r, c) !== "");
  for (let i = 0; i < headerRows.length - 1; i++) {
    const r = headerRows[i];
    let group = "";
    for (let c = 0; c < width; c++) {
      const t = reader.text(r, c);
      // A merged cell says where its group ends: nothing spreads out of it.
      if (reader.merged(r, c)) {
        group = "";
        continue;
      }
      if (t !== "") {
        group = below(i, c) ? t : "";
        continue;
      }
      if (group && below(i, c)) out.set(r * (1 << 14) + c, group);
      else group = "";
    }
  }
  return out;
}

/**
 * Finds the school table of a sheet (standards.md §11.1): the header's first row is the first row that
 * names the school column and at least one other known field, widened upward over group-header rows;
 * the data starts at the first row with a school name and a number.
 */
/**
 * The units of the 「单位：万元」 notes of a table: in the rows above its header (`from` … `headerTop` − 1) and in its
 * last 30 rows (up to `end`), in that order, within columns `left` … `right`.
 */
export function noteUnitsIn(
  sheet: SheetInput,
  from: number,
  headerTop: number,
  dataStart: number,
  end: number,
  left = 0,
  right = Number.MAX_SAFE_INTEGER
): Unit[] {
  const out: Unit[] = [];
  const rows: number[] = [];
  for (let r = from; r < headerTop; r++) rows.push(r);
  for (let r = Math.max(dataStart, end - 30); r <= end; r++) rows.push(r);
  for (const r of rows) {
    const row = sheet.rows[r] ?? [];
    for (let c = left; c <= Math.min(right, row.length - 1); c++) {
      const v = row[c];
      if (typeof v === "string" && v.includes("单位")) out.push(...parseNoteUnits(v));
    }
  }
  return out;
}

export function detectTable(sheet: SheetInput): DetectedTable | undefined {
  const scanTo = Math.min(sheet.rows.length - 1, SCAN_ROWS);
  if (scanTo < 0) return undefined;
  const reader = makeTextReader(sheet, scanTo + 10);
  const text = reader.text;
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

  // Group-header rows above ("基本情况", "教师情况" merged across several columns) belong to the header;
  // a title ("…统计表", a date) or a note line ("填报单位：…") does not.
  const isGroupRow = (r: number): boolean => {
    const cells: string[] = [];
    for (let c = 0; c < width; c++) cells.push(text(r, c));
    if (isCodeRow(cells)) return false;
    // A header cell merged down into the row below (学校名称 over two header rows) settles it.
    if (cells.some((t, c) => t !== "" && reader.mergedFromAbove(r + 1, c))) return true;
    const distinct = [...new Set(cells.filter((c) => c !== ""))];
    return distinct.length >= 2 && !distinct.some((c) => /[:：]/.test(c) || isTitleLike(c));
  };
  while (top > 0 && isGroupRow(top - 1)) top--;

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

  // A named school with every value empty is still a school (standards.md §8.1), even as the first row:
  // rows just above the first row with numbers that name a school and hold no header text are data.
  const isEmptyDataRow = (r: number): boolean => {
    if (nameCol < 0 || reader.mergedFromAbove(r, nameCol)) return false;
    const cells: string[] = [];
    for (let c = 0; c < width; c++) cells.push(text(r, c));
    if (isCodeRow(cells) || unitRowOf(reader, r, width)) return false;
    const label = cells[nameCol];
    const kind = classifyRow(label);
    if (kind !== "school" && kind !== "placeholder" && kind !== "summary" && kind !== "section")
      return false;
    if ((matchColumn(nameCol, [label])?.score ?? 0) >= 1000) return false;
    return cells.every(
      (t, c) =>
        c === nameCol ||
        t === "" ||
        (!reader.mergedFromAbove(r, c) && !isUnitOnly(t) && !matchColumn(c, [t]))
    );
  };
  // A block heading right under the header (「一、初中」 alone in the 序号 column, left of 学校名称) opens the data: it
  // gives its stage to the rows under it (readTableRows), and is no header text of the column it sits in. Its one
  // text, at or left of the name column, is a stage heading (standards.md §8.1: the name cell, else the first filled
  // one); a sub-header row under a merged group (「小学 | 初中」 under 在校生数) has its texts right of the name column.
  const isSectionHeading = (r: number): boolean => {
    const texts = new Set<string>();
    let firstCol = -1;
    for (let c = 0; c < width; c++) {
      const t = text(r, c);
      if (t === "") continue;
      if (firstCol < 0) firstCol = c;
      texts.add(t);
    }
    if (texts.size !== 1 || (nameCol >= 0 && firstCol > nameCol)) return false;
    if ((sheet.rows[r] ?? []).some((v) => normalizeCell(v).kind === "number")) return false;
    return classifyRow([...texts][0]) === "section";
  };
  for (let r = dataStart - 1; r > top; r--) {
    const blank = (sheet.rows[r] ?? []).every(
      (v) => v === null || v === undefined || String(v).trim() === ""
    );
    if (blank) continue;
    if (!isEmptyDataRow(r) && !isSectionHeading(r)) break;
    dataStart = r;
  }

  const headerRows: number[] = [];
  const unitRow = new Map<number, string>();
  for (let r = top; r < dataStart; r++) {
    const cells: string[] = [];
    for (let c = 0; c < width; c++) cells.push(text(r, c));
    const filled = cells.filter((c) => c !== "");
    if (filled.length === 0 || isCodeRow(cells)) continue;
    const units = unitRowOf(reader, r, width);
    if (units) {
      for (const [c, u] of units) unitRow.set(c, u);
      continue;
    }
    headerRows.push(r);
  }

  const columns: ColumnMatch[] = [];
  const unknownHeaders: { col: number; path: string[] }[] = [];
  const groupText = unmergedGroupHeaders(reader, headerRows, width);
  for (let c = 0; c < width; c++) {
    const path: string[] = [];
    for (const r of headerRows) {
      const t = text(r, c) || groupText.get(r * (1 << 14) + c) || "";
      if (t && t !== path[path.length - 1]) path.push(t);
    }
    if (path.length === 0) continue;
    const m = matchColumn(c, path, unitRow.get(c));
    if (m) columns.push(m);
    else unknownHeaders.push({ col: c, path });
  }
  resolveParts(columns, unknownHeaders);
  if (nameCol < 0) {
    const nm = columns.find((m) => m.role.kind === "field" && m.role.field === "name");
    if (!nm) return undefined;
    nameCol = nm.col;
  }

  // The rows above the header and the last rows of the sheet (a sheet of several tables narrows the second to the
  // table's own rows once its end is known: detectTables).
  const noteUnits = noteUnitsIn(sheet, 0, top, dataStart, lastRow);

  const stage = stageWordIn(normalizeHeader(sheet.name));
  const table: DetectedTable = {
    sheet: sheet.name,
    headerRows,
    dataStart,
    nameCol,
    columns,
    noteUnits,
    unknownHeaders,
  };
  if (stage === "primary" || stage === "junior") table.sheetStage = stage;
  return table;
}
