/**
 * Words of the 达标测算 plan in both languages, shared by the CLI summary, PLAN.xlsx and the sidebar view.
 */
import { fieldName } from "../labels";
import { formatNumber, formatQuantity } from "../../engine/format";
import { Lang } from "../../engine/reportTypes";
import { KIND_LABEL, KIND_UNIT, PLAN_KINDS, PlanKind } from "../../engine/plan/costs";
import type { Amounts } from "../../engine/plan/types";
import { QUALITY_2017 } from "../../standards/quality-2017";
import { Stage } from "../../standards/types";

export const STAGE_WORD: Record<Stage, Record<Lang, string>> = {
  primary: { "zh-CN": "小学", en: "primary" },
  junior: { "zh-CN": "初中", en: "junior" },
};

export function indicatorShort(id: string, lang: Lang): string {
  return QUALITY_2017.indicators.find((i) => i.id === id)?.short[lang] ?? id;
}

export function kindWord(kind: PlanKind, lang: Lang): string {
  return KIND_LABEL[kind][lang];
}

/** "12,340 元" / "CNY 12,340". */
export function money(v: number, lang: Lang): string {
  return lang === "zh-CN" ? `${formatNumber(v, 0)} 元` : `CNY ${formatNumber(v, 0)}`;
}

/** "县级以上骨干教师 +1 人；教学仪器设备 +30,000 元". */
export function amountsText(a: Amounts, lang: Lang): string {
  const parts: string[] = [];
  for (const k of PLAN_KINDS) {
    const v = a[k];
    if (!v) continue;
    parts.push(`${kindWord(k, lang)} +${formatQuantity(v)} ${KIND_UNIT[k][lang]}`);
  }
  return parts.join(lang === "zh-CN" ? "；" : "; ");
}

/**
 * The 专任教师 the plan raises with the teachers it adds or moves (PlanSchool.teachers): 「；专任教师 +2 人（随上述教师）」.
 * No cost of its own, so it follows the additions instead of standing among them.
 */
export function teachersText(n: number | undefined, lang: Lang): string {
  if (!n) return "";
  const v = `${n > 0 ? "+" : "−"}${Math.abs(n)}`;
  return lang === "zh-CN"
    ? `；专任教师 ${v} 人（随上述教师）`
    : `; ${fieldName("teachers", "en").toLowerCase()} ${v} (the teachers above)`;
}

export const PLAN_WORDS = {
  "zh-CN": {
    title: "达标测算",
    costs: "单价",
    perUnit: (k: PlanKind): string =>
      k === "equipment_value" ? "元/元" : `元/${KIND_UNIT[k]["zh-CN"]}`,
    schools: (n: number) => `需补充的学校（${n} 所）：`,
    none: "无需补充：所有学校已达标。",
    exempt: (ind: string, floor: string) => `（${ind}按 ${floor} 达标）`,
    transfers: (n: number) => `交流轮岗（${n} 人）：`,
    transfer: (from: string, to: string, kind: string, n: number, st: string) =>
      `  ${from} → ${to}：${kind} ${n} 人（${st}）`,
    unplanned: "无法测算的学校：",
    missing: (ids: string) => `缺少数据（${ids}），请先补全`,
    cannotWrite: (ids: string) => `无可写入的单元格（${ids}）`,
    townships: "按乡镇：",
    township: (name: string, n: number, cost: string) => `  ${name}：${n} 所，${cost}`,
    cvs: "差异系数（测算前 → 测算后）：",
    cv: (st: string, ind: string, b: string, a: string, lim: string, ok: string) =>
      `  ${st} ${ind}：${b} → ${a}（≤ ${lim}）${ok}`,
    total: (c: string) => `全县合计：${c}`,
    after: (m: number, n: number) => `测算后重新检查：${m}/${n} 所学校达标`,
    afterStage: (st: string, ok: string) => `  ${st}资源配置：${ok}`,
    pass: "达标",
    fail: "不达标",
    open: "待定",
    cvForCv: "为差异系数",
  },
  en: {
    title: "What it takes to pass",
    costs: "Unit costs",
    perUnit: (k: PlanKind): string =>
      k === "equipment_value" ? "CNY per CNY" : `CNY per ${KIND_UNIT[k].en.replace(/s$/, "")}`,
    schools: (n: number) => `Schools needing additions (${n}):`,
    none: "Nothing to add: every school meets the standard.",
    exempt: (ind: string, floor: string) => ` (${ind} left at ${floor})`,
    transfers: (n: number) => `Teacher transfers (${n}):`,
    transfer: (from: string, to: string, kind: string, n: number, st: string) =>
      `  ${from} → ${to}: ${n} ${kind} (${st})`,
    unplanned: "Schools that cannot be planned:",
    missing: (ids: string) => `missing data (${ids}); complete it first`,
    cannotWrite: (ids: string) => `no cell to write to (${ids})`,
    townships: "By township:",
    township: (name: string, n: number, cost: string) => `  ${name}: ${n} schools, ${cost}`,
    cvs: "CVs (before → after):",
    cv: (st: string, ind: string, b: string, a: string, lim: string, ok: string) =>
      `  ${st} ${ind}: ${b} → ${a} (≤ ${lim}) ${ok}`,
    total: (c: string) => `County total: ${c}`,
    after: (m: number, n: number) => `Re-checked with the plan applied: ${m}/${n} schools meet`,
    afterStage: (st: string, ok: string) => `  ${st} resources: ${ok}`,
    pass: "meets",
    fail: "does not meet",
    open: "open",
    cvForCv: "for the CVs",
  },
} as const;

export function verdictWord(m: boolean | null, lang: Lang): string {
  const w = PLAN_WORDS[lang];
  return m === true ? w.pass : m === false ? w.fail : w.open;
}
