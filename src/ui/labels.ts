/**
 * Names the sidebar shows for column keys, units and finding codes. Read from the engine's catalogues (fields,
 * findings) so a field or code added there appears here without a second list.
 */
import { FINDINGS, type FindingCode } from "../engine/findings/catalog";
import { lookupUnit } from "../engine/cells/units";
import type { Lang } from "../engine/reportTypes";
import { STAGE_NAME } from "../present/labels";
import { FIELDS, FIELD_BY_KEY, type FieldKey } from "../engine/table/fields";
import { parseColumnKey } from "../engine/table/columnKey";

const PART_LABEL: Record<string, Record<Lang, string>> = {
  doctor: { "zh-CN": "博士", en: "doctorate" },
  master: { "zh-CN": "研究生", en: "master's" },
  bachelor: { "zh-CN": "本科", en: "bachelor's" },
  associate: { "zh-CN": "专科", en: "associate" },
  below: { "zh-CN": "高中及以下", en: "below" },
  pe: { "zh-CN": "体育", en: "PE" },
  music: { "zh-CN": "音乐", en: "music" },
  fine_art: { "zh-CN": "美术", en: "art" },
  arts: { "zh-CN": "艺术", en: "arts" },
  intermediate: { "zh-CN": "中级", en: "intermediate" },
  senior: { "zh-CN": "高级", en: "senior" },
  full_senior: { "zh-CN": "正高级", en: "full senior" },
};

// The stage names, with 高中 for the per-stage columns of a 完全中学 / 十二年一贯制 school.
const STAGE_WORD: Record<string, Record<Lang, string>> = STAGE_NAME;

/** "students@primary" → "在校生数（小学）"; "pe_arts_teachers.music" → "体育、艺术专任教师数 › 音乐". */
export function fieldLabel(key: string, lang: Lang): string {
  if (key === "") return "";
  const { field, part, indicator, stage } = parseColumnKey(key);
  let label: string;
  if (indicator !== undefined) {
    label = (lang === "zh-CN" ? "比值列：" : "ratio column: ") + indicator;
  } else {
    const spec = FIELD_BY_KEY.get(field as FieldKey);
    label = spec ? spec.name[lang] : field;
    if (part) label += ` › ${PART_LABEL[part]?.[lang] ?? part}`;
  }
  if (stage) {
    const s = STAGE_WORD[stage]?.[lang] ?? stage;
    label += lang === "zh-CN" ? `（${s}）` : ` (${s})`;
  }
  return label;
}

/** Field keys a column can be assigned to by hand: the catalogue's fields, in catalogue order. */
export function assignableFields(): string[] {
  return FIELDS.map((f) => f.key);
}

/** Unit tokens offered for a column, by the dimension of its field; [] when there is nothing to choose. */
const MONEY_UNITS = ["元", "千元", "万元", "亿元"];

export function unitChoices(key: string): string[] {
  const dim = FIELD_BY_KEY.get(parseColumnKey(key).field as FieldKey)?.dimension;
  // The money units the engine can convert (千元 and 亿元 once it knows them): never offer one it would refuse.
  if (dim === "money") return MONEY_UNITS.filter((u) => lookupUnit(u) !== undefined);
  return [];
}

export function findingTitle(code: string, lang: Lang): string {
  const spec = (FINDINGS as Record<string, { title: Record<Lang, string> }>)[code];
  return spec ? spec.title[lang] : code;
}

export function isFindingCode(code: string): code is FindingCode {
  return code in FINDINGS;
}

/**
 * What an indicator's value is counted per, from its id (standards.md §3.1): 每百名学生 for the per-100 ratios,
 * 生均 for the per-student ones — so "0.75 < 1" reads as 0.75 key teachers per 100 students.
 */
export function indicatorBasis(id: string): "per100" | "perStudent" | null {
  if (id.endsWith("_per_100")) return "per100";
  if (id.endsWith("_per_student")) return "perStudent";
  return null;
}
