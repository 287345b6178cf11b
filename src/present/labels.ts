/**
 * Names for the ids and codes of the report (docs/report-format.md): stages, school kinds, exclusion reasons,
 * indicators, fields. The engine's report carries ids; front ends resolve them here, in either language, so
 * switching language never re-runs a check.
 */
import { STANDARDS } from "../standards";
import { ASSESSMENT_2017 } from "../standards/assessment-2017";
import type {
  IndicatorDefinition,
  Localized,
  NumeratorKind,
  Stage,
  StandardId,
} from "../standards/types";
import type { ExcludedReason } from "../engine/findings/params";
import type { Lang } from "../engine/reportTypes";
import type { AssessmentItem } from "../engine/assessment/types";
import type { SchoolKind } from "../engine/schools/stageOf";
import { FIELD_BY_KEY, type FieldKey } from "../engine/table/fields";

export const STAGE_NAME: Record<Stage | "senior", Localized> = {
  primary: { "zh-CN": "小学", en: "primary" },
  junior: { "zh-CN": "初中", en: "junior" },
  senior: { "zh-CN": "高中", en: "senior" },
};

/** Stage names as a heading or a table cell (小学 / Primary), by language: every table and sheet uses these. */
export const STAGE_HEADING: Readonly<Record<Lang, Readonly<Record<Stage, string>>>> = {
  "zh-CN": { primary: "小学", junior: "初中" },
  en: { primary: "Primary", junior: "Junior" },
};

/** A verdict as a table cell or a function's result (达标 / Pass), by language. */
export const VERDICT_LABEL: Readonly<
  Record<Lang, Readonly<{ pass: string; fail: string; incomplete: string }>>
> = {
  "zh-CN": { pass: "达标", fail: "不达标", incomplete: "数据不全" },
  en: { pass: "Pass", fail: "Fail", incomplete: "Incomplete" },
};

export const KIND_NAME: Record<SchoolKind, Localized> = {
  primary: { "zh-CN": "小学", en: "primary school" },
  junior: { "zh-CN": "初中", en: "junior secondary school" },
  "nine-year": { "zh-CN": "九年一贯制学校", en: "nine-year school" },
  "twelve-year": { "zh-CN": "十二年一贯制学校", en: "twelve-year school" },
  "complete-secondary": { "zh-CN": "完全中学", en: "complete secondary school" },
  "teaching-point": { "zh-CN": "教学点", en: "teaching point" },
};

/** Why a school is not assessed; `minStudents` is the setting in force (policy.teachingPointMinStudents). */
export function excludedLabel(reason: ExcludedReason, lang: Lang, minStudents?: number): string {
  const zh = lang === "zh-CN";
  switch (reason) {
    case "special-education":
      return zh ? "特殊教育学校" : "special-education school";
    case "vocational":
      return zh ? "职业学校" : "vocational school";
    case "senior-high":
      return zh ? "高级中学（非义务教育）" : "senior high school (not compulsory education)";
    case "small-teaching-point":
      return zh
        ? `不足${minStudents ?? "?"}人的教学点`
        : `teaching point with fewer than ${minStudents ?? "?"} students`;
    case "private":
      return zh ? "民办学校（按设置不纳入）" : "private school (excluded by setting)";
    case "no-students":
      return zh ? "在校生数为 0" : "no students (在校生数 is 0)";
  }
}

/** Every indicator of every standard by id (the ids are shared: basic-2012 reuses three of quality-2017's). */
const INDICATORS = new Map<string, IndicatorDefinition>();
for (const std of Object.values(STANDARDS))
  for (const ind of std.indicators) if (!INDICATORS.has(ind.id)) INDICATORS.set(ind.id, ind);

export function indicatorDef(id: string): IndicatorDefinition | undefined {
  return INDICATORS.get(id);
}

export function indicatorName(id: string | null, lang: Lang): string {
  if (id === null) return "";
  return INDICATORS.get(id)?.name[lang] ?? id;
}

export function indicatorShort(id: string, lang: Lang): string {
  return INDICATORS.get(id)?.short[lang] ?? id;
}

/** The unit an indicator's value is stated in ("㎡", "元", "" for a count per 100 students). */
export function indicatorUnit(id: string, lang: Lang): string {
  return INDICATORS.get(id)?.unit[lang] ?? "";
}

/** The unit a school's `gap` of this indicator is counted in (teachers, ㎡, 元, rooms). */
export function indicatorGapUnit(id: string, lang: Lang): string {
  const ind = INDICATORS.get(id);
  if (!ind) return "";
  if (ind.numerator === "equipment_value") return lang === "zh-CN" ? "元" : "CNY";
  return ind.gapUnit[lang];
}

/** The standard's name ("义务教育优质均衡发展…"); the id when unknown. */
export function standardName(id: StandardId | string, lang: Lang): string {
  return STANDARDS[id as StandardId]?.name[lang] ?? id;
}

const ITEM_NAME = new Map(ASSESSMENT_2017.map((d) => [d.id, d.name]));

/** An assessment item's name (standards.md §17): G7 → 特殊教育学校生均公用经费…; the id when unknown. */
export function itemName(id: string, lang: Lang): string {
  return ITEM_NAME.get(id)?.[lang] ?? id;
}

const ITEM_GAP: Record<NonNullable<AssessmentItem["gap"]>["unit"], [string, string, string]> = {
  teachers: ["名教师", "teacher", "teachers"],
  people: ["人", "person", "people"],
  yuan: ["元", "CNY", "CNY"],
  places: ["个名额", "place", "places"],
  students: ["名学生", "student", "students"],
};

/** An assessment item's gap as the summaries print it: 「还差 12 名教师」, "short by 12 teachers". */
export function itemGapText(
  gap: NonNullable<AssessmentItem["gap"]>,
  lang: Lang,
  format: (n: number) => string
): string {
  const [zh, one, many] = ITEM_GAP[gap.unit];
  return lang === "zh-CN"
    ? `还差 ${format(gap.value)} ${zh}`
    : `short by ${format(gap.value)} ${gap.value === 1 ? one : many}`;
}

/** The natural unit a numerator's gap is counted in ("名高于规定学历教师", "㎡", "元"), from the standards. */
const GAP_UNIT = new Map<NumeratorKind, Localized>();
for (const ind of INDICATORS.values())
  if (!GAP_UNIT.has(ind.numerator)) GAP_UNIT.set(ind.numerator, ind.gapUnit);

/** Gap text in natural units: "3 名高于规定学历教师", "1,240 ㎡", "¥186,000". */
export function gapText(
  amount: number,
  of: NumeratorKind,
  lang: Lang,
  format: (n: number) => string
): string {
  if (of === "equipment_value") return `¥${format(amount)}`;
  const unit = GAP_UNIT.get(of)?.[lang] ?? of;
  // English counts agree in number: "1 key teacher", "2 key teachers" (the units are written as plurals).
  const one = lang === "en" && amount === 1 && unit.endsWith("s");
  return `${format(amount)} ${one ? unit.slice(0, -1) : unit}`;
}

/** A field key's catalogue name ("key_teachers" → 骨干教师数); the key itself when unknown. */
export function fieldName(key: string, lang: Lang): string {
  return FIELD_BY_KEY.get(key as FieldKey)?.name[lang] ?? key;
}

/**
 * The per-school floor share in force as texts state it: 0.85 → "85%", a province's 0.9 → "90%". Messages take it
 * from the report or plan, never as the national literal (standards.md §3.3; a profile's perSchool.floorShare).
 */
export function floorPercent(share: number | null | undefined): string {
  return `${Math.round((share ?? 0.85) * 1000) / 10}%`;
}
