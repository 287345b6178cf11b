/**
 * Unit costs of a 达标测算 plan: 元 per teacher, per ㎡, per 元 of equipment, per room. The figures are
 * placeholders a bureau replaces with its own (a costs file, or the sidebar); docs/decisions.md says where each
 * default comes from.
 */
import { Localized } from "../../standards/types";

/** The numerator kinds of src/standards that a plan adds to (quality-2017, standards.md §3.1). */
export const PLAN_KINDS = [
  "qualified_teachers",
  "key_teachers",
  "pe_arts_teachers",
  "teaching_space",
  "sports_space",
  "equipment_value",
  "multimedia_rooms",
] as const;

export type PlanKind = (typeof PLAN_KINDS)[number];

export type UnitCosts = Record<PlanKind, number>;

/** Teacher kinds: whole people, and the only kinds a transfer (交流轮岗) can move. */
export const TEACHER_KINDS: readonly PlanKind[] = [
  "qualified_teachers",
  "key_teachers",
  "pe_arts_teachers",
];

export function isPlanKind(s: string): s is PlanKind {
  return (PLAN_KINDS as readonly string[]).includes(s);
}

/**
 * Defaults (docs/decisions.md, "Unit costs"): a teacher's yearly 人员经费 in a county (≈ 10 万元), a ㎡ of school
 * building (≈ 3,000 元), a ㎡ of 塑胶 sports ground (≈ 300 元), equipment at face value, a 班班通 multimedia room
 * (≈ 5 万元).
 */
export const DEFAULT_COSTS: UnitCosts = {
  qualified_teachers: 100000,
  key_teachers: 100000,
  pe_arts_teachers: 100000,
  teaching_space: 3000,
  sports_space: 300,
  equipment_value: 1,
  multimedia_rooms: 50000,
};

/** What a unit of each kind is, for the summary ("人", "㎡", "元", "间"). */
export const KIND_UNIT: Record<PlanKind, Localized> = {
  qualified_teachers: { "zh-CN": "人", en: "teachers" },
  key_teachers: { "zh-CN": "人", en: "teachers" },
  pe_arts_teachers: { "zh-CN": "人", en: "teachers" },
  teaching_space: { "zh-CN": "㎡", en: "m²" },
  sports_space: { "zh-CN": "㎡", en: "m²" },
  equipment_value: { "zh-CN": "元", en: "CNY" },
  multimedia_rooms: { "zh-CN": "间", en: "rooms" },
};

export const KIND_LABEL: Record<PlanKind, Localized> = {
  qualified_teachers: { "zh-CN": "高于规定学历教师", en: "qualified teachers" },
  key_teachers: { "zh-CN": "县级以上骨干教师", en: "key teachers" },
  pe_arts_teachers: { "zh-CN": "体育、艺术专任教师", en: "PE/arts teachers" },
  teaching_space: { "zh-CN": "教学及辅助用房", en: "teaching space" },
  sports_space: { "zh-CN": "体育运动场馆", en: "sports area" },
  equipment_value: { "zh-CN": "教学仪器设备", en: "teaching equipment" },
  multimedia_rooms: { "zh-CN": "网络多媒体教室", en: "multimedia rooms" },
};

/** A costs file that cannot be used: the detail in both languages. */
export class CostsError extends Error {
  constructor(public readonly detail: Localized) {
    super(detail.en);
    this.name = "CostsError";
  }
}

/**
 * Reads a costs object ({"teaching_space": 3500, …}); kinds left out keep their default. Unknown keys and
 * figures that are not finite non-negative numbers are refused: a typo must not silently cost 0.
 */
export function parseCosts(value: unknown, base: UnitCosts = DEFAULT_COSTS): UnitCosts {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new CostsError({
      "zh-CN": '单价文件应为 JSON 对象，如 {"teaching_space": 3000}',
      en: 'the costs file must be a JSON object such as {"teaching_space": 3000}',
    });
  const out: UnitCosts = { ...base };
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (!isPlanKind(k))
      throw new CostsError({
        "zh-CN": `单价文件中的未知项 “${k}”（可用：${PLAN_KINDS.join("、")}）`,
        en: `unknown item "${k}" in the costs file (known: ${PLAN_KINDS.join(", ")})`,
      });
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0)
      throw new CostsError({
        "zh-CN": `单价 “${k}” 应为不小于 0 的数字`,
        en: `the cost "${k}" must be a number of 0 or more`,
      });
    out[k] = v;
  }
  return out;
}
