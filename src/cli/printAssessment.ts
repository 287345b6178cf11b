/** The CLI's 「可以申报吗？」 block (standards.md §17.8): the one answer, the items in the way, those not filled in. */
import { declarationAnswer } from "../present/declarationAnswer";
import { unrounded } from "../present/unrounded";
import type { Assessment, AssessmentItem } from "../engine/assessment/types";
import { formatNumber } from "../engine/format";
import type { Lang } from "../engine/reportTypes";
import { itemGapText, itemName, STAGE_NAME } from "../present/labels";
import { ASSESSMENT_2017, type CountedThing } from "../standards/assessment-2017";
import { STAGES } from "../standards/types";

const T = {
  "zh-CN": {
    head: "可以申报吗？",
    county: (f: string) => `县级指标：${f}`,
    noCounty:
      "县级指标：未找到「县级指标」表（县级项目均为未填；junheng template county 生成模板）",
    blocking: "未达标：",
    pending: "未填或无法判定：",
    value: "值",
    threshold: "标准",
    // A count item's value is how many fail; its threshold (0) says nothing a clerk needs.
    counted: {
      schools: (n: string) => `${n} 所学校未达到`,
      parts: (n: string) => `${n} 所学校（按学段计）未达到`,
      classes: (n: string) => `${n} 个班级超过`,
      cvs: (n: string) => `${n} 项差异系数超出限值`,
    } as Record<CountedThing, (n: string) => string>,
    limit: (v: string, l: string) => `${v}（标准 ${l}）`,
    cv: "差异系数",
    cvLimit: (v: string, l: string) => `${v}（限值 ${l}）`,
    relaxed: "已按《规程》放宽（policy.relaxations = guicheng-2019）",
    wouldPass: (list: string) =>
      `按《规程》放宽（policy.relaxations = guicheng-2019）后可达标：${list}`,
    applied: (list: string) => `按《规程》放宽达标：${list}`,
  },
  en: {
    head: "Can the county apply?",
    county: (f: string) => `County data: ${f}`,
    noCounty:
      "County data: no 「县级指标」 sheet (county items are not filled in; junheng template county writes one)",
    blocking: "Not met:",
    pending: "Not filled in or undecided:",
    value: "value",
    threshold: "standard",
    counted: {
      schools: (n: string) => `${n} ${n === "1" ? "school falls" : "schools fall"} short`,
      parts: (n: string) =>
        `${n} ${n === "1" ? "school falls" : "schools fall"} short, counted by stage`,
      classes: (n: string) => `${n} ${n === "1" ? "class is" : "classes are"} over the limit`,
      cvs: (n: string) => `${n} ${n === "1" ? "CV is" : "CVs are"} over the limit`,
    } as Record<CountedThing, (n: string) => string>,
    limit: (v: string, l: string) => `${v} (standard ${l})`,
    cv: "CV",
    cvLimit: (v: string, l: string) => `${v} (limit ${l})`,
    relaxed: "with the 规程 relaxations (policy.relaxations = guicheng-2019)",
    wouldPass: (list: string) =>
      `would pass with the 规程 relaxations (policy.relaxations = guicheng-2019): ${list}`,
    applied: (list: string) => `passed under the 规程 relaxations: ${list}`,
  },
};

const COUNTS = new Map(ASSESSMENT_2017.map((d) => [d.id, d.counts]));
/** R1–R7: the items whose parts are stage CVs. */
const CV_ITEMS = new Set(ASSESSMENT_2017.filter((d) => d.kind === "cv").map((d) => d.id));

/**
 * The stage of 「R2.primary」 (an R item's parts are its stage CVs); other parts (G11.rotation) have none, nor
 * G13.primary, a percentage (小学 就近入学 99.0, not a CV of 99.000).
 */
function stageOfPart(id: string): (typeof STAGES)[number] | undefined {
  const item = id.split(".")[0];
  if (!CV_ITEMS.has(item)) return undefined;
  return STAGES.find((s) => id === `${item}.${s}`);
}

/** A limit as standards.md writes it: 0.50 and 0.45 with two decimals, 0.15 too, 85 and 3 as whole numbers. */
function thresholdDigits(x: number): number {
  return Number.isInteger(x) ? 0 : 2;
}

function figure(item: AssessmentItem, lang: Lang): string {
  const t = T[lang];
  if (item.parts?.length) {
    return (
      item.parts
        .filter((p) => p.value !== null)
        // A whole number (a level, a count) has no decimals: 「Q9.math.level 3」, not 「3.0」.
        .map((p) => {
          const v = p.value as number;
          const stage = stageOfPart(p.id);
          // A stage CV always with 3 decimals (§7), even 1.000.
          const digits = stage ? 3 : Number.isInteger(v) ? 0 : v < 1 ? 3 : 1;
          let shown = formatNumber(v, digits);
          // A failing CV that rounds onto its limit (0.5004 → 0.500, limit 0.50) is written unrounded (§7).
          if (stage && p.meets === false && p.threshold !== null && Number(shown) <= p.threshold)
            shown = unrounded(v);
          // A failing part shows what it is compared with: 「小学 差异系数 0.543（限值 0.50）」, 「Q9.math.level 2（标准
          // 3）」. A stage CV says it is one: under the indicator's name, 「小学 0.543（标准 0.50）」 read as the
          // indicator's own value against a standard of 0.50.
          const limit =
            p.threshold === null ? "" : formatNumber(p.threshold, thresholdDigits(p.threshold));
          const failing = p.meets === false && p.threshold !== null;
          if (stage)
            return `${STAGE_NAME[stage][lang]} ${t.cv} ${failing ? t.cvLimit(shown, limit) : shown}`;
          return `${p.id} ${failing ? t.limit(shown, limit) : shown}`;
        })
        .join(lang === "zh-CN" ? "；" : "; ")
    );
  }
  if (item.value === null) return "";
  const v = formatNumber(item.value, Number.isInteger(item.value) ? 0 : 1);
  const counts = COUNTS.get(item.id);
  if (counts) return t.counted[counts](v);
  return item.threshold === null
    ? `${t.value} ${v}`
    : `${t.value} ${v}, ${t.threshold} ${formatNumber(item.threshold, 0)}`;
}

export function renderAssessment(a: Assessment, lang: Lang): string[] {
  const t = T[lang];
  const out: string[] = [];
  out.push(`${t.head} ${declarationAnswer(a, lang).text}`);
  out.push(
    a.county
      ? t.county(`${a.county.file ? a.county.file + " › " : ""}${a.county.sheet}`)
      : t.noCounty
  );
  if (a.settings.relaxations !== "none") out.push(`  ${t.relaxed}`);
  const byId = new Map(a.items.map((i) => [i.id, i]));
  if (a.blocking.length) {
    out.push(t.blocking);
    for (const id of a.blocking) {
      const i = byId.get(id)!;
      const f = figure(i, lang);
      // A 九年一贯制 school whose two parts fail is named once (the count above counts its parts).
      const names = [...new Set(i.schools ?? [])];
      const listed = names.length
        ? `${names.slice(0, 5).join(lang === "zh-CN" ? "、" : ", ")}${names.length > 5 ? " …" : ""}`
        : "";
      const schools = !listed ? "" : lang === "zh-CN" ? `（${listed}）` : ` (${listed})`;
      const sep = lang === "zh-CN" ? "：" : ": ";
      const gap = i.gap
        ? `${lang === "zh-CN" ? "，" : "; "}${itemGapText(i.gap, lang, (n) => formatNumber(n, 0))}`
        : "";
      out.push(`  ✗ ${id} ${itemName(id, lang)}${f ? sep + f : ""}${gap}${schools}`);
    }
  }
  const notes = (list: Assessment["relaxations"]["applied"]): string =>
    list.map((r) => `${r.item} ${r.school}`).join(lang === "zh-CN" ? "、" : ", ");
  if (a.relaxations.applied.length) out.push(`  ${t.applied(notes(a.relaxations.applied))}`);
  if (a.relaxations.wouldPass.length) out.push(`  ${t.wouldPass(notes(a.relaxations.wouldPass))}`);
  if (a.pending.length) out.push(`${t.pending} ${a.pending.join(lang === "zh-CN" ? "、" : ", ")}`);
  return out;
}
