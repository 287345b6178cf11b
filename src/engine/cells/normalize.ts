import { RawCell } from "../workbook";
import { UNIT_TOKENS_LONGEST_FIRST, Unit, isUnknownUnitToken, lookupUnit } from "./units";

/**
 * Cell normalisation, standards.md §11.4. The one rule that matters most: a missing value is never 0
 * (standards.md §15 mistake 8), so Empty and NotApplicable are kinds of their own.
 */
export type CellValue =
  | { kind: "number"; value: number; unit?: Unit; unknownUnit?: string }
  | { kind: "empty"; marker?: string }
  | { kind: "not-applicable" }
  | { kind: "invalid"; reason: "error-value" | "not-a-number"; text: string };

const EXCEL_ERRORS = new Set([
  "#DIV/0!",
  "#N/A",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
]);

const EMPTY: CellValue = { kind: "empty" };

const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;

/** Full-width digits, letters and punctuation → ASCII; U+3000 → space. */
export function toHalfWidth(s: string): string {
  if (!FULL_WIDTH.test(s)) return s;
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += " ";
    else out += s[i];
  }
  return out;
}

// U+2212 MINUS SIGN is a dash too: alone it is a blank marker, in front of digits a minus.
const DASH_RUN = /^[-－—–─‐‑‒―﹣−]+$/;
const NUMBER_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
/** Thousands separators only where they group by three: "1,234.5" yes; "12,5" (a decimal comma?) and "1,2,3" no. */
const GROUPED_RE = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;

/** Normalises one raw cell. Pure and allocation-light: it runs on every data cell. */
export function normalizeCell(raw: RawCell): CellValue {
  if (raw === null || raw === undefined) return EMPTY;
  if (typeof raw === "number") {
    return Number.isFinite(raw)
      ? { kind: "number", value: raw }
      : { kind: "invalid", reason: "not-a-number", text: String(raw) };
  }
  if (typeof raw === "boolean")
    return { kind: "invalid", reason: "not-a-number", text: raw ? "TRUE" : "FALSE" };
  // Trim ASCII and Unicode spaces (NBSP, U+3000 ideographic space) that copy-paste from the web leaves behind.
  const trimmed = raw.replace(/^[\s\u00a0\u3000\ufeff]+|[\s\u00a0\u3000\ufeff]+$/g, "");
  if (trimmed === "") return EMPTY;
  if (EXCEL_ERRORS.has(trimmed.toUpperCase()))
    return { kind: "invalid", reason: "error-value", text: trimmed };
  let s = toHalfWidth(trimmed).replace(/[\s\u00a0]+/g, "");
  if (s === "/" || s === "／") return { kind: "not-applicable" };
  if (DASH_RUN.test(s) || s === "无" || /^n\/?a$/i.test(s) || s === "…" || s === "...")
    return { kind: "empty", marker: trimmed };
  // Full-width ．，－ were mapped above; the ideographic full stop "。" is not taken as a decimal point
  // ("1。5" is too rare to guess). A leading U+2212 minus sign is a minus.
  s = s.replace(/^\u2212/, "-");
  let unit: Unit | undefined;
  let unknownUnit: string | undefined;
  for (const token of UNIT_TOKENS_LONGEST_FIRST) {
    if (s.length > token.length && s.endsWith(token)) {
      const u = lookupUnit(token);
      if (u) unit = u;
      else if (isUnknownUnitToken(token)) unknownUnit = token;
      s = s.slice(0, s.length - token.length);
      break;
    }
  }
  if (s.startsWith("¥") || s.startsWith("￥")) s = s.slice(1);
  // Drop thousands separators (ASCII and Chinese comma) only when they really group by three: reading
  // "12,5" as 125 would be a silent tenfold error.
  if (/[,，]/.test(s)) {
    const ascii = s.replace(/，/g, ",");
    if (!GROUPED_RE.test(ascii)) return { kind: "invalid", reason: "not-a-number", text: trimmed };
    s = ascii.replace(/,/g, "");
  }
  if (!NUMBER_RE.test(s)) return { kind: "invalid", reason: "not-a-number", text: trimmed };
  const value = Number(s);
  const out: CellValue = { kind: "number", value };
  if (unit) out.unit = unit;
  if (unknownUnit) out.unknownUnit = unknownUnit;
  return out;
}
