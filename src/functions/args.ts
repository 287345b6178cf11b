/**
 * Arguments as Excel hands them to a custom function → what the engine understands.
 *
 * Cells go through the engine's own normalizeCell (standards.md §11.4): "", "—", "无", "N/A" and error values are
 * missing, "/" is not applicable, "1,200" and "３００" are numbers, a trailing unit ("300万元") is applied. A negative
 * quantity is invalid, as in the engine's QuantityReader. Nothing here re-decides what a cell means.
 */
import { normalizeCell, toHalfWidth } from "../engine/cells/normalize";
import { isUnknownUnitToken, lookupUnit } from "../engine/cells/units";
import type { RawCell } from "../engine/workbook";
import { DEFAULT_POLICY, STANDARDS } from "../standards";
import type {
  IndicatorDefinition,
  Stage,
  StandardDefinition,
  StandardId,
} from "../standards/types";
import type { FunctionErrorCode } from "./errors";
import type { Localized } from "./lang";

/** A problem with the arguments: the guard turns it into the function's error value. */
export class ArgError extends Error {
  constructor(
    readonly code: FunctionErrorCode,
    readonly text: Localized
  ) {
    super(text.en);
    this.name = "ArgError";
  }
}

export function fail(code: FunctionErrorCode, zh: string, en: string): never {
  throw new ArgError(code, { "zh-CN": zh, en });
}

/** One argument value (a scalar, or one cell of a range) → the engine's RawCell. */
export function toRawCell(v: unknown): RawCell {
  if (v === null || v === undefined) return v;
  switch (typeof v) {
    case "number":
    case "string":
    case "boolean":
      return v;
    case "object": {
      // A CustomFunctions.Error (an error cell inside a range of type any) or one of ours: its code, "#N/A" …,
      // which normalizeCell reads as an Excel error value.
      const code = (v as { code?: unknown }).code;
      if (typeof code === "string") return code;
      return "#VALUE!";
    }
    default:
      return "#VALUE!";
  }
}

export type Why = "missing" | "not-applicable" | "invalid" | "negative";

export type NumberRead =
  | { ok: true; value: number; /** The cell carried its own unit ("300万元"). */ unit?: string }
  | { ok: false; why: Why; text: string };

/**
 * A number from one cell, in base units (a cell's own "万元" × 10000). Units we refuse to guess (千元, 亩) make
 * the cell invalid, as they make a column invalid in the engine.
 */
export function readNumber(v: unknown): NumberRead {
  // Fast path, identical to normalizeCell for a finite number (no unit): it runs on every cell of a range.
  if (typeof v === "number" && Number.isFinite(v)) {
    return v < 0 ? { ok: false, why: "negative", text: String(v) } : { ok: true, value: v };
  }
  const raw = toRawCell(v);
  const c = normalizeCell(raw);
  switch (c.kind) {
    case "number": {
      if (c.unknownUnit) return { ok: false, why: "invalid", text: String(raw) };
      if (c.value < 0) return { ok: false, why: "negative", text: String(raw) };
      if (c.unit) return { ok: true, value: c.value * c.unit.factor, unit: c.unit.token };
      return { ok: true, value: c.value };
    }
    case "empty":
      return { ok: false, why: "missing", text: c.marker ?? "" };
    case "not-applicable":
      return { ok: false, why: "not-applicable", text: "/" };
    default:
      return { ok: false, why: "invalid", text: c.text };
  }
}

const WHY_TEXT: Record<Why, Localized> = {
  missing: { "zh-CN": "为空", en: "is blank" },
  "not-applicable": { "zh-CN": "为「/」（不适用）", en: 'is "/" (not applicable)' },
  invalid: { "zh-CN": "不是数字", en: "is not a number" },
  negative: { "zh-CN": "为负数", en: "is negative" },
};

/**
 * A required scalar number. Missing data → #N/A (nothing to compute yet); text, errors and negatives → #VALUE!.
 */
export function requireNumber(v: unknown, what: Localized): number {
  return requireRead(v, what).value;
}

/** requireNumber, keeping the cell's own unit. */
export function requireRead(v: unknown, what: Localized): { value: number; unit?: string } {
  const r = readNumber(v);
  if (r.ok) return r;
  const shown = r.text ? `「${r.text}」` : "";
  const shownEn = r.text ? ` "${r.text}"` : "";
  const code: FunctionErrorCode =
    r.why === "missing" || r.why === "not-applicable" ? "#N/A" : "#VALUE!";
  return fail(
    code,
    `${what["zh-CN"]}${shown}${WHY_TEXT[r.why]["zh-CN"]}`,
    `${what.en}${shownEn} ${WHY_TEXT[r.why].en}`
  );
}

/** Students: a required number that must be > 0. */
export function requireStudents(v: unknown, what: Localized = STUDENTS): number {
  const p = requireNumber(v, what);
  if (p <= 0)
    fail(
      "#VALUE!",
      `${what["zh-CN"]}为 0，无法计算生均值`,
      `${what.en} is 0: no per-student value`
    );
  return p;
}

export const STUDENTS: Localized = { "zh-CN": "在校生数", en: "the number of students" };

/** Whether an optional argument was left out (Excel passes null; an empty cell may arrive as ""). */
export function omitted(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

// ---------------------------------------------------------------------------------------------------------------
// Ranges

export interface Cells {
  values: unknown[];
  rows: number;
  cols: number;
}

/** A range (any[][]), a scalar (a single cell) or a plain list, flattened row by row. */
export function cellsOf(v: unknown): Cells {
  if (!Array.isArray(v)) return { values: [v], rows: 1, cols: 1 };
  if (v.length === 0) return { values: [], rows: 0, cols: 0 };
  if (!Array.isArray(v[0])) return { values: v as unknown[], rows: v.length, cols: 1 };
  const rows = v.length;
  const cols = (v[0] as unknown[]).length;
  const values: unknown[] = new Array(rows * cols);
  let k = 0;
  for (let r = 0; r < rows; r++) {
    const row = v[r] as unknown[];
    for (let c = 0; c < cols; c++) values[k++] = row[c];
  }
  return { values, rows, cols };
}

const shape = (c: Cells, lang: "zh-CN" | "en"): string =>
  lang === "zh-CN" ? `${c.rows} 行 × ${c.cols} 列` : `${c.rows} × ${c.cols}`;

export function requireSameSize(a: Cells, b: Cells, names: [Localized, Localized]): void {
  if (a.values.length === b.values.length) return;
  fail(
    "#VALUE!",
    `${names[0]["zh-CN"]}（${shape(a, "zh-CN")}）与${names[1]["zh-CN"]}（${shape(b, "zh-CN")}）大小不同，应逐行对应`,
    `${names[0].en} (${shape(a, "en")}) and ${names[1].en} (${shape(b, "en")}) differ in size; they must match row by row`
  );
}

export interface Pairs {
  xs: number[];
  ws: number[];
  /** Rows with something in them but no complete pair (a missing or invalid value, or 0 students). */
  incomplete: number;
}

/**
 * Value/student pairs of two ranges, row by row. A row blank in both ranges is not a school (a spare row in the
 * selection) and is ignored; a row with a value or students missing, invalid, or 0 students is left out and
 * counted as incomplete — as the engine leaves such a school out of the CV and marks it "k of n".
 *
 * Blank as 0 (docs/functions.md «Blank cells»): older desktop builds pass a blank cell inside a range as 0, not
 * null (office-js issues 1951, 4702, 5262), and nothing in the value tells them apart. So a row whose students
 * are blank or 0 and whose value is blank or 0 counts as a spare row under both conventions — a trailing blank
 * row of the selection must not turn a CVCHECK into 数据不全 on one build and not on another. A blank value next
 * to a real student count arrives as 0 on those builds and is counted as 0: a 0 only ever raises a weighted CV
 * (CV² + 1 = E[X²] ÷ E[X]², and a point at 0 scales E[X²] by (1 − t) but E[X]² by (1 − t)²), so it cannot turn
 * a failing CV into a pass.
 */
/** A blank cell under either convention: missing (null, "") or the 0 older desktop builds pass for a blank. */
function blankOrZero(r: NumberRead): boolean {
  return r.ok ? r.value === 0 && r.unit === undefined : r.why === "missing";
}

export function readPairs(
  values: unknown,
  students: unknown,
  names: [Localized, Localized]
): Pairs {
  const a = cellsOf(values);
  const b = cellsOf(students);
  requireSameSize(a, b, names);
  const n = a.values.length;
  const xs: number[] = [];
  const ws: number[] = [];
  let incomplete = 0;
  for (let i = 0; i < n; i++) {
    const x = readNumber(a.values[i]);
    const w = readNumber(b.values[i]);
    if (x.ok && w.ok && w.value > 0) {
      xs.push(x.value);
      ws.push(w.value);
    } else if (!(blankOrZero(x) && blankOrZero(w))) {
      incomplete++;
    }
  }
  return { xs, ws, incomplete };
}

// ---------------------------------------------------------------------------------------------------------------
// Words: stage, standard, indicator, unit, split weights

/** Text as typed in a cell: half-width, no spaces, (）→ (), lower-case ASCII. */
export function keyOf(v: unknown): string {
  const raw = toRawCell(v);
  if (raw === null || raw === undefined) return "";
  return toHalfWidth(String(raw))
    .replace(/[\s\u00a0\u3000]+/g, "")
    .replace(/（/g, "(")
    .replace(/）/g, ")")
    .toLowerCase();
}

const STAGE_WORDS: Record<string, Stage> = {
  小学: "primary",
  小学部: "primary",
  小学阶段: "primary",
  primary: "primary",
  初中: "junior",
  初中部: "junior",
  初中阶段: "junior",
  初级中学: "junior",
  junior: "junior",
};

export function parseStage(v: unknown): Stage {
  const s = STAGE_WORDS[keyOf(v)];
  if (s) return s;
  const shown = keyOf(v) ? `「${String(toRawCell(v))}」` : "（空）";
  return fail(
    "#VALUE!",
    `学段${shown}无法识别：请填 小学 或 初中（primary / junior）`,
    `unknown stage ${shown === "（空）" ? "(blank)" : `"${String(toRawCell(v))}"`}: use 小学 or 初中 (primary / junior)`
  );
}

/** The part of a combined school: a stage, or 高中 (senior, dropped by the assessment but computable). */
export function parsePart(v: unknown): Stage | "senior" {
  const k = keyOf(v);
  if (k === "高中" || k === "高中部" || k === "senior") return "senior";
  const s = STAGE_WORDS[k];
  if (s) return s;
  return fail(
    "#VALUE!",
    `学段「${String(toRawCell(v) ?? "")}」无法识别：请填 小学、初中 或 高中`,
    `unknown part "${String(toRawCell(v) ?? "")}": use primary, junior or senior (小学 / 初中 / 高中)`
  );
}

const STANDARD_WORDS: Record<string, StandardId> = {
  "quality-2017": "quality-2017",
  quality: "quality-2017",
  "2017": "quality-2017",
  优质均衡: "quality-2017",
  "basic-2012": "basic-2012",
  basic: "basic-2012",
  "2012": "basic-2012",
  基本均衡: "basic-2012",
};

/** Omitted → quality-2017 (the governing standard). */
export function parseStandard(v: unknown): StandardDefinition {
  if (omitted(v)) return STANDARDS["quality-2017"];
  const id = STANDARD_WORDS[keyOf(v)];
  if (id) return STANDARDS[id];
  return fail(
    "#VALUE!",
    `标准「${String(toRawCell(v))}」无法识别：请填 quality-2017（优质均衡，默认）或 basic-2012（基本均衡）`,
    `unknown standard "${String(toRawCell(v))}": use quality-2017 (default) or basic-2012`
  );
}

const nameKey = (s: string): string => keyOf(s);

/**
 * An indicator of the standard by its id, Chinese or English name or short name, its code (L1–L7 under
 * quality-2017), or its position in the 2012 表2 order (1–8, or L1–L8, under basic-2012).
 */
export function parseIndicator(v: unknown, std: StandardDefinition): IndicatorDefinition {
  const inds = std.indicators;
  const raw = toRawCell(v);
  const k = keyOf(v);
  let found: IndicatorDefinition | undefined;
  let position: number | null = null;
  if (typeof raw === "number") position = raw;
  else if (/^\d+$/.test(k)) position = Number(k);
  else if (/^l\d+$/.test(k)) {
    position = Number(k.slice(1));
    if (std.id === "quality-2017") found = inds.find((i) => i.code.toLowerCase() === k);
  }
  if (!found && position !== null) {
    const numbered = std.id === "basic-2012" || /^l/.test(k);
    if (numbered && Number.isInteger(position) && position >= 1 && position <= inds.length) {
      found = inds[position - 1];
    } else if (!numbered) {
      return fail(
        "#VALUE!",
        `指标「${String(raw)}」：优质均衡（2017）的指标请用 L1–L7 或名称；数字序号 1–8 仅用于 basic-2012`,
        `indicator "${String(raw)}": under quality-2017 use L1–L7 or a name; plain numbers 1–8 are the basic-2012 order`
      );
    }
  }
  if (!found && k) {
    found = inds.find(
      (i) =>
        i.id.toLowerCase() === k ||
        nameKey(i.name["zh-CN"]) === k ||
        nameKey(i.name.en) === k ||
        nameKey(i.short["zh-CN"]) === k ||
        nameKey(i.short.en) === k
    );
  }
  if (found) return found;
  const listZh = inds.map((i) => `${i.code} ${i.short["zh-CN"]}`).join("、");
  const listEn = inds.map((i) => `${i.code} ${i.short.en}`).join(", ");
  const shown = raw === null || raw === undefined || raw === "" ? "" : String(raw);
  return fail(
    "#VALUE!",
    `指标「${shown}」不属于 ${std.id}：可用 ${listZh}（或指标全称、id）`,
    `indicator "${shown}" is not one of ${std.id}: use ${listEn} (or the full name or id)`
  );
}

/** A unit word → factor to base units (万元 → 10000). Omitted → 1. */
export function parseUnit(v: unknown): number {
  if (omitted(v)) return 1;
  const raw = String(toRawCell(v)).trim();
  const t = toHalfWidth(raw).replace(/\s+/g, "");
  const u = lookupUnit(t) ?? lookupUnit(raw);
  if (u) return u.factor;
  if (isUnknownUnitToken(t))
    return fail(
      "#VALUE!",
      `单位「${raw}」不予换算（只接受 元、万元、㎡/平方米、人、间 等），请先换算为元或万元`,
      `unit "${raw}" is not converted (use 元, 万元, ㎡, persons, rooms …); convert to 元 or 万元 first`
    );
  return fail(
    "#VALUE!",
    `单位「${raw}」无法识别：请填 元、万元、㎡（平方米）、人、间 等`,
    `unknown unit "${raw}": use 元, 万元 (×10000), ㎡, 人, 间 …`
  );
}

export interface SplitWeights {
  primary: number;
  junior: number;
  senior: number;
}

const SHARE_WORDS = new Set([
  "学生数",
  "按学生数",
  "学生数比例",
  "students",
  "student-share",
  "share",
]);
const WEIGHT_WORDS = new Set(["加权", "weights", "weighted", "默认", "default"]);

/**
 * Split weights: omitted → the engine's default 1 : 1.1 : 1.32 (standards.md §9); "学生数" / "students" → plain
 * student share (as the engine splits teacher counts); or 2–3 numbers {1, 1.1, 1.32}.
 */
export function parseWeights(v: unknown): SplitWeights {
  const def = DEFAULT_POLICY.splitWeights;
  if (omitted(v)) return { ...def };
  const cells = cellsOf(v).values.filter((x) => !omitted(x));
  if (cells.length === 1 && typeof cells[0] === "string") {
    const k = keyOf(cells[0]);
    if (SHARE_WORDS.has(k)) return { primary: 1, junior: 1, senior: 1 };
    if (WEIGHT_WORDS.has(k)) return { ...def };
  }
  const nums = cells.map((c) => readNumber(c));
  if (nums.length >= 2 && nums.length <= 3 && nums.every((n) => n.ok && n.value > 0)) {
    const w = nums.map((n) => (n.ok ? n.value : 0));
    return { primary: w[0], junior: w[1], senior: w[2] ?? def.senior };
  }
  return fail(
    "#VALUE!",
    "权重无法识别：省略（按 1 : 1.1 : 1.32）、填「学生数」（按学生数比例），或填 2–3 个正数如 {1,1.1,1.32}",
    'unknown weights: leave out (1 : 1.1 : 1.32), write "students" (plain student share), or give 2–3 positive numbers such as {1,1.1,1.32}'
  );
}
