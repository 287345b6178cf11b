/** The 「达标测算」 view's words, zh-CN and en. */
import { STAGE_HEADING } from "../../present/labels";
import type { Lang } from "../../engine/reportTypes";

const ZH = {
  open: "达标测算",
  openHint: "每所未达标学校最省钱的补充方案、交流轮岗与所需经费",
  title: "达标测算",
  back: "返回检查结果",
  intro: (floor: string) =>
    `每所未达标学校选出可以只达到 ${floor} 的一项，使补充费用最少；仍超限的差异系数先交流轮岗，再补充。改动单价或下面的补充数量，结论即时重新计算。`,
  costs: "单价（元）",
  total: (c: string) => `全县合计：${c}`,
  meeting: (m: number, n: number) => `按方案补充后：${m}/${n} 所学校达标`,
  schools: "各校补充",
  noSchools: "所有学校已达标，无需补充。",
  transfers: "交流轮岗",
  transfer: (from: string, to: string, kind: string, n: number) =>
    `${from} → ${to}：${kind} ${n} 人`,
  unplanned: "无法测算（缺少数据）",
  cvs: "差异系数",
  before: "测算前",
  after: "测算后",
  limit: "限值",
  pass: "达标",
  fail: "不达标",
  open2: "待定",
  edited: "已改动，结论按改动后的数量重新计算",
  reset: "恢复测算方案",
  exempt: (ind: string, floor: string) => `${ind}按 ${floor} 达标`,
  cost: (c: string) => `费用 ${c}`,
  yuan: (v: string) => `${v} 元`,
  noInput: "请先检查工作簿。",
  notPossible: "所选评估标准没有逐校达标要求，无法测算。",
  stage: STAGE_HEADING["zh-CN"],
  dataTitle: "改学校数据（假设）",
  dataHint: "选一所学校，改动它的数据（不改工作簿），达标结论和差异系数即时重新计算。",
  pickSchool: "学校",
  pickNone: "（选择学校）",
  data: "数据",
  wan: "万元",
  withoutPlan: "不补充：",
  withPlan: "按方案补充后：",
  replan: "按改后数据重新测算",
};

type PlanStrings = typeof ZH;

const EN: PlanStrings = {
  open: "What it takes to pass",
  openHint: "the cheapest additions per school, teacher transfers and the cost",
  title: "What it takes to pass",
  back: "Back to the results",
  intro: (floor: string) =>
    `For each school that falls short, the indicator that may stay at ${floor} is chosen so that the additions cost least; CVs still over their limit get teacher transfers first, then additions. Change a unit cost or an amount below and the verdicts are worked out again at once.`,
  costs: "Unit costs (CNY)",
  total: (c: string) => `County total: ${c}`,
  meeting: (m: number, n: number) => `With the plan: ${m}/${n} schools meet`,
  schools: "Additions per school",
  noSchools: "Every school meets the standard: nothing to add.",
  transfers: "Teacher transfers",
  transfer: (from: string, to: string, kind: string, n: number) => `${from} → ${to}: ${n} ${kind}`,
  unplanned: "Cannot be planned (missing data)",
  cvs: "CVs",
  before: "Before",
  after: "After",
  limit: "Limit",
  pass: "meets",
  fail: "does not meet",
  open2: "open",
  edited: "Edited: verdicts follow the amounts as changed",
  reset: "Back to the plan",
  exempt: (ind: string, floor: string) => `${ind} left at ${floor}`,
  cost: (c: string) => `cost ${c}`,
  yuan: (v: string) => `CNY ${v}`,
  noInput: "Check the workbook first.",
  notPossible: "The chosen standard has no per-school thresholds: nothing to plan.",
  stage: STAGE_HEADING.en,
  dataTitle: "Change a school's data (what-if)",
  dataHint:
    "Pick a school and change its figures (the workbook is not changed): the verdicts and CVs are worked out again at once.",
  pickSchool: "School",
  pickNone: "(pick a school)",
  data: "data",
  wan: "10,000 CNY",
  withoutPlan: "Without additions:",
  withPlan: "With the plan:",
  replan: "Plan again on the changed data",
};

export function planStrings(lang: Lang): PlanStrings {
  return lang === "en" ? EN : ZH;
}
