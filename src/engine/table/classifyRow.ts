import { normalizeHeader } from "./headerText";

/**
 * "nameless": figures but no school name (never a school named after its 序号); "header": a header row
 * repeated in the data. Both are set by readTableRows.
 */
export type RowKind =
  | "school"
  | "summary"
  | "note"
  | "notes-start"
  | "placeholder"
  | "section"
  | "empty"
  | "nameless"
  | "header";

// 汇总 is the label Excel (zh-CN) writes in a table's total row, and 「小学汇总」 a statistics export's subtotal.
const SUMMARY_WORDS = ["合计", "总计", "小计", "汇总"];
/** A county average written after the place ("县平均", "全县均值"): no school's name ends so. */
const SUMMARY_SUFFIXES = ["平均", "平均值", "平均数", "均值"];
const SUMMARY_PREFIXES = ["全县", "全区", "全市", "平均", "区县均值", "县均", "全旗"];
/** The total row of an Excel table made in an English Excel ("Total"), and its like. */
const ENGLISH_SUMMARY = /^(total|subtotal|grandtotal|sum|average|mean)$/i;
const NOTES_START = ["填表说明", "说明", "备注"];
/** "说明:" / "说明：" and the like, written out once rather than per row. */
const NOTES_START_COLON = NOTES_START.flatMap((p) => [p + ":", p + "："]);
/**
 * A block heading inside the data ("小学", "一、初中", "（二）九年一贯制学校"), as in 表Ⅱ-2 (小学 1…n, then
 * 初中 1…n): a stage or school-type word alone, with an optional enumeration, is not a school's name.
 */
const SECTION_RE =
  /^([一二三四五六七八九十]+[、.]|\([一二三四五六七八九十\d]+\)|\d+[、.]|第[一二三四五六七八九十\d]+(部分|类)[、.:]?)?(小学|初中|初级中学|普通初中|九年一贯制学校|九年一贯制|十二年一贯制学校|十二年一贯制|一贯制学校|完全中学|教学点|小学教学点)(部分|学校|阶段)?[:]?$/;

const NOTE_PREFIXES = ["其中:", "其中：", "注:", "注：", "注1", "注2", "注释"];

/**
 * The first characters of every word a label is compared with whole or at its start, and the last characters of
 * those it may end with: a label that starts and ends with none of them (「王庄镇第3小学」, most of a county's
 * 100,000 rows) skips the forty comparisons below, which cannot match it.
 */
const FIRST_CHARS = new Set(
  [
    ...SUMMARY_WORDS,
    ...SUMMARY_PREFIXES,
    ...NOTES_START,
    "填表说明",
    ...NOTES_START_COLON,
    ...NOTE_PREFIXES,
    // ENGLISH_SUMMARY, either case.
    ..."tsgamTSGAM",
  ].map((w) => w.charCodeAt(0))
);
const LAST_CHARS = new Set(
  [...SUMMARY_WORDS, ...SUMMARY_SUFFIXES].map((w) => w.charCodeAt(w.length - 1))
);

/**
 * Which rows are schools, standards.md §8.1. `label` is the 学校名称 cell, or the first non-empty cell
 * when that is empty.
 */
export function classifyRow(label: string | undefined): RowKind {
  if (label === undefined) return "empty";
  const s = normalizeHeader(label);
  if (s === "") return "empty";
  if (/^[.…。、·]+$/.test(s)) return "placeholder";
  if (FIRST_CHARS.has(s.charCodeAt(0)) || LAST_CHARS.has(s.charCodeAt(s.length - 1))) {
    for (const w of SUMMARY_WORDS)
      if (s === w || s.startsWith(w) || s.endsWith(w)) return "summary";
    for (const p of SUMMARY_PREFIXES) if (s === p || s.startsWith(p)) return "summary";
    for (const p of SUMMARY_SUFFIXES) if (s.endsWith(p)) return "summary";
    if (ENGLISH_SUMMARY.test(s)) return "summary";
    if (NOTES_START.includes(s) || s.startsWith("填表说明")) return "notes-start";
    for (const p of NOTES_START_COLON) if (s.startsWith(p)) return "notes-start";
    for (const p of NOTE_PREFIXES) if (s.startsWith(p)) return "note";
  }
  if (SECTION_RE.test(s)) return "section";
  // "1．本表…" style note lines under a 填表说明 heading: long, or a sentence ("2．不含教学点。"). A school
  // name never carries sentence punctuation, so a numbered "1.城关小学" stays a school.
  if (/^\d+[.、．]/.test(s) && (s.length > 12 || /[。，,；;：:！？!?]/.test(s))) return "note";
  return "school";
}

/** A summary row naming the whole county (compared with all schools) rather than a block subtotal. */
export function isGrandTotal(label: string): boolean {
  const s = normalizeHeader(label);
  return /^(合计|总计|汇总|全县|全区|全市|全旗)/.test(s) || /^(total|grandtotal)$/i.test(s);
}
