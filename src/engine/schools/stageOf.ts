import type { ExcludedReason, UnknownStageReason } from "../findings/params";
import { normalizeHeader } from "../table/headerText";

/** What kind of school a row describes, standards.md §8.4–8.6. */
export type SchoolKind =
  "primary" | "junior" | "nine-year" | "twelve-year" | "complete-secondary" | "teaching-point";

export interface KindVerdict {
  kind?: SchoolKind;
  /** Why the row is not assessed (特殊教育, 职业, 高级中学). */
  excluded?: ExcludedReason;
  /** Why the stage is uncertain. */
  warning?: UnknownStageReason;
}

const RULES: [RegExp, KindVerdict][] = [
  [/特殊教育|特教|培智|启智|启聪|聋|盲校|盲人学校/, { excluded: "special-education" }],
  [/职业|职高|中职|技工|职教/, { excluded: "vocational" }],
  [/十二年一贯/, { kind: "twelve-year" }],
  [/九年一贯/, { kind: "nine-year" }],
  [/一贯制/, { kind: "nine-year", warning: "through-train-unspecified" }],
  [/完全中学|完中/, { kind: "complete-secondary" }],
  [/教学点/, { kind: "teaching-point" }],
  [/初级中学|初中/, { kind: "junior" }],
  [/高级中学|高中/, { excluded: "senior-high" }],
  [/小学|完小|中心校|村小|小学部/, { kind: "primary" }],
];

/**
 * The words of RULES that make a name beat a 学校类型 column that names a kind (a 特殊教育 or 职业 school, a 教学点):
 * built from RULES so that the two cannot drift apart.
 */
const OVERRIDES_TYPE = new RegExp(
  RULES.filter(([, v]) => v.excluded || v.kind === "teaching-point")
    .map(([re]) => re.source)
    .join("|")
);

/**
 * Whether kindFromText(name) could exclude the school or make it a 教学点. When it cannot, a school whose 学校类型
 * names a kind needs nothing else of its name (decideKind): one test instead of kindFromText's ten, for each of a
 * county's 100,000 names (docs/performance.md).
 */
export function nameMayOverrideType(name: string): boolean {
  return OVERRIDES_TYPE.test(normalizeHeader(name));
}

/**
 * The stage part a row names at its end — 「河口九年一贯制学校（小学部）」, 「实验学校初中部」 — as a combined school's
 * 小学部 / 初中部 row is written (2012 填报说明: each gets its own row), else undefined.
 */
export function stagePartOf(text: string): "primary" | "junior" | undefined {
  const s = normalizeHeader(text);
  if (/小学部分?\)?$/.test(s)) return "primary";
  if (/初中部分?\)?$/.test(s)) return "junior";
  return undefined;
}

/** Reads a 学校类型 / 学段 value, or a school name. "中学" alone is ambiguous. */
export function kindFromText(text: string): KindVerdict | undefined {
  const s = normalizeHeader(text);
  if (s === "") return undefined;
  // A 小学部 / 初中部 row of a combined school is already a single stage (standards.md §9).
  const part = stagePartOf(s);
  if (part) return { kind: part };
  for (const [re, v] of RULES) if (re.test(s)) return v;
  if (/中学$/.test(s)) return { warning: "secondary-ambiguous" };
  if (/^(primary|小)$/i.test(s)) return { kind: "primary" };
  if (/^(junior|初)$/i.test(s)) return { kind: "junior" };
  return undefined;
}
