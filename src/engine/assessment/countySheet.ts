/**
 * Reads the county data sheet 「县级指标」 (standards.md §17.6): a header row holding 代码 and 数值 (rows above it are
 * ignored), columns 代码 | 指标 | 数值 | 单位 | 说明 in any order, one row per input. Numbers follow §11.4,
 * judgements are 是/否 (also 1/0), levels Ⅰ–Ⅳ / I–IV / 1–4 (with or without 级); 单位 converts money (元, 万元).
 */
import {
  COUNTY_CODE_BY_KEY,
  COUNTY_SHEET_NAME,
  CountyCodeDefinition,
} from "../../standards/county-codes-2017";
import { normalizeCell, toHalfWidth } from "../cells/normalize";
import { FindingCollector } from "../findings/collector";
import { normalizeHeader } from "../table/headerText";
import { cellAddress, RawCell, SheetInput } from "../workbook";
import type { CountyEntry } from "./types";

/** The county data as read: one entry per code that was read without an error. */
export interface CountyData {
  file: string | null;
  sheet: string;
  entries: CountyEntry[];
  byCode: Map<string, CountyEntry>;
}

/** 「县级指标」, surrounding spaces ignored. */
export function isCountySheetName(name: string): boolean {
  return name.trim() === COUNTY_SHEET_NAME;
}

export function findCountySheet(sheets: SheetInput[]): SheetInput | undefined {
  return sheets.find((s) => isCountySheetName(s.name));
}

type Column = "code" | "label" | "value" | "unit" | "note";
const HEADER_WORDS: [Column, string[]][] = [
  ["code", ["代码", "指标代码", "code"]],
  ["value", ["数值", "值", "填报数值", "value"]],
  ["unit", ["单位", "unit"]],
  ["note", ["说明", "备注", "note"]],
  ["label", ["指标", "指标名称", "名称", "label"]],
];

function text(raw: RawCell): string {
  if (raw === null || raw === undefined) return "";
  return String(raw).replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g, "");
}

function headerColumns(row: RawCell[] | undefined): Partial<Record<Column, number>> | undefined {
  if (!row) return undefined;
  const cols: Partial<Record<Column, number>> = {};
  row.forEach((raw, c) => {
    const h = normalizeHeader(text(raw)).toLowerCase();
    if (!h) return;
    for (const [col, words] of HEADER_WORDS)
      if (cols[col] === undefined && words.includes(h)) cols[col] = c;
  });
  return cols.code !== undefined && cols.value !== undefined ? cols : undefined;
}

const LEVELS: Record<string, number> = {
  Ⅰ: 1,
  Ⅱ: 2,
  Ⅲ: 3,
  Ⅳ: 4,
  I: 1,
  II: 2,
  III: 3,
  IV: 4,
  "1": 1,
  "2": 2,
  "3": 3,
  "4": 4,
};

/** What a value should be when it is not (rendered by src/present/findingText.ts). */
type Expected = "judgement" | "level" | "number";

type Parsed =
  | { ok: true; value: CountyEntry["value"]; unit: string | null }
  | { ok: false; why: Expected | "rate" | "gap" | "unit"; unit?: string };

function parseValue(def: CountyCodeDefinition, raw: RawCell, unitText: string): Parsed {
  if (def.kind === "judgement") {
    const t = toHalfWidth(text(raw));
    if (t === "") return { ok: true, value: null, unit: null };
    if (t === "是" || t === "1" || raw === true) return { ok: true, value: true, unit: null };
    if (t === "否" || t === "0" || raw === false) return { ok: true, value: false, unit: null };
    if (t === "/") return { ok: true, value: "n/a", unit: null };
    const v = normalizeCell(raw);
    if (v.kind === "empty") return { ok: true, value: null, unit: null };
    return { ok: false, why: "judgement" };
  }
  if (def.kind === "level") {
    const t = toHalfWidth(text(raw)).replace(/级$/, "").toUpperCase();
    if (t === "") return { ok: true, value: null, unit: null };
    const level = LEVELS[t] ?? LEVELS[text(raw).replace(/级$/, "")];
    if (level) return { ok: true, value: level, unit: null };
    if (normalizeCell(raw).kind === "empty") return { ok: true, value: null, unit: null };
    return { ok: false, why: "level" };
  }
  const v = normalizeCell(raw);
  if (v.kind === "empty") return { ok: true, value: null, unit: null };
  if (v.kind === "not-applicable") return { ok: true, value: "n/a", unit: null };
  if (v.kind === "invalid" || v.unknownUnit || v.value < 0) return { ok: false, why: "number" };
  // The unit: the 单位 cell, else a unit written in the value cell, else the code's own.
  const unit = normalizeHeader(unitText) || v.unit?.token || "";
  if (def.kind === "money") {
    if (unit === "" || unit === "元") return { ok: true, value: v.value, unit: "元" };
    // The value is kept in 元, and so is its unit (§17.8: value 2900000, unit 元), whatever the clerk wrote.
    if (unit === "万元") return { ok: true, value: v.value * 10000, unit: "元" };
    return { ok: false, why: "unit", unit };
  }
  // A rate is a percentage, a 差异率 a fraction (§17.6): 120 % or a 差异率 of 12 is a typing error, never a figure.
  if (def.kind === "rate" && v.value > 100) return { ok: false, why: "rate" };
  if (def.kind === "gap" && v.value > 1) return { ok: false, why: "gap" };
  // Other codes: 单位 is informational (人, 名, 份, 所, 个, 级, 万人, %).
  return { ok: true, value: v.value, unit: unit || def.unit || null };
}

/**
 * Counts that are part of another count (§17.6): a part larger than its whole would make a share over 100 % and
 * pass the item on impossible data. [part codes (summed), whole code].
 */
const PART_OF: [string[], string][] = [
  [["G9.trained"], "G9.teachers"],
  [["G11.rotated"], "G11.eligible"],
  [["G11.key_rotated"], "G11.rotated"],
  [["G12.certified"], "G12.teachers"],
  [["G13.primary_nearby"], "G13.primary_students"],
  [["G13.junior_nearby"], "G13.junior_students"],
  [["G13.primary_entrants_nearby"], "G13.primary_entrants"],
  [["G13.junior_entrants_nearby"], "G13.junior_entrants"],
  [["G13.urban_nearby"], "G13.urban_students"],
  [["G13.town_nearby"], "G13.town_students"],
  [["G14.quota_allocated"], "G14.quota_total"],
  [["G14.quota_rural"], "G14.quota_allocated"],
  [["G15.public", "G15.purchased"], "G15.eligible"],
  [["Q2.disabled_enrolled"], "Q2.disabled_children"],
  [["Q2.special_school_enrolled"], "Q2.disabled_enrolled"],
  [["S1.valid"], "S1.surveys"],
  [["S1.satisfied"], "S1.valid"],
  [["S1.visit_satisfied"], "S1.visits"],
  [["S1.parent_valid"], "S1.parent_surveys"],
  [["S1.parent_satisfied"], "S1.parent_valid"],
  [["S1.parent_visit_satisfied"], "S1.parent_visits"],
];

/** Drops the last part of each PART_OF group that makes the parts exceed their whole, with an error naming it. */
function checkParts(data: CountyData, findings: FindingCollector): void {
  const num = (code: string): number | undefined => {
    const v = data.byCode.get(code)?.value;
    return typeof v === "number" ? v : undefined;
  };
  for (const [parts, whole] of PART_OF) {
    const w = num(whole);
    if (w === undefined) continue;
    let sum = 0;
    for (const code of parts) {
      const v = num(code);
      if (v === undefined) continue;
      if (sum + v > w + 1e-9 * Math.max(1, w)) {
        const e = data.byCode.get(code)!;
        findings.add(
          "county-bad-value",
          { sheet: data.sheet, cell: e.cell },
          { code: e.code, text: String(v), expected: "part", of: whole, limit: w - sum }
        );
        data.byCode.delete(code);
        data.entries = data.entries.filter((x) => x !== e);
        break;
      }
      sum += v;
    }
  }
}

/** Reads 「县级指标」; problems become findings (sheet-level, naming the cell). */
export function readCountySheet(
  sheet: SheetInput,
  file: string | null,
  findings: FindingCollector
): CountyData {
  const data: CountyData = { file, sheet: sheet.name, entries: [], byCode: new Map() };
  let headerRow = -1;
  let cols: Partial<Record<Column, number>> | undefined;
  for (let r = 0; r < sheet.rows.length && r < 50; r++) {
    cols = headerColumns(sheet.rows[r]);
    if (cols) {
      headerRow = r;
      break;
    }
  }
  if (!cols || headerRow < 0) {
    findings.add("county-no-header", { sheet: sheet.name }, {});
    return data;
  }
  const {
    code: codeCol,
    value: valueCol,
    unit: unitCol,
    note: noteCol,
  } = cols as Required<Pick<typeof cols, "code" | "value">> & typeof cols;

  const seen = new Map<string, { entry: CountyEntry | null; cell: string }>();
  const duplicated = new Set<string>();
  for (let r = headerRow + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    const code = text(row[codeCol]);
    if (!code) continue;
    const cell = cellAddress(r, valueCol);
    const codeCell = cellAddress(r, codeCol);
    const key = code.toLowerCase();
    const def = COUNTY_CODE_BY_KEY.get(key);
    if (!def) {
      findings.add("county-unknown-code", { sheet: sheet.name, cell: codeCell }, { code });
      continue;
    }
    const prior = seen.get(key);
    if (prior) {
      if (!duplicated.has(key))
        findings.add(
          "county-duplicate-code",
          { sheet: sheet.name, cell: codeCell },
          { code: def.code, cells: [prior.cell, cell] }
        );
      duplicated.add(key);
      continue;
    }
    const unitText = unitCol !== undefined ? text(row[unitCol]) : "";
    const note = noteCol !== undefined ? text(row[noteCol]) || null : null;
    const parsed = parseValue(def, row[valueCol], unitText);
    if (!parsed.ok) {
      if (parsed.why === "unit")
        findings.add(
          "county-bad-unit",
          { sheet: sheet.name, cell },
          { code: def.code, unit: parsed.unit ?? unitText }
        );
      else
        findings.add(
          "county-bad-value",
          { sheet: sheet.name, cell },
          { code: def.code, text: text(row[valueCol]), expected: parsed.why }
        );
      seen.set(key, { entry: null, cell });
      continue;
    }
    const entry: CountyEntry = {
      code: def.code,
      value: parsed.value,
      unit: parsed.unit,
      cell,
      note,
    };
    seen.set(key, { entry, cell });
  }
  for (const [key, { entry }] of seen) {
    if (!entry || duplicated.has(key)) continue;
    data.entries.push(entry);
    data.byCode.set(entry.code, entry);
  }
  checkParts(data, findings);
  return data;
}
