/** The CLI's 「可以申报吗？」 block (standards.md §17.8): the one answer, the items in the way, those not filled in. */
import { declarationAnswer } from "../present/declarationAnswer";
import type { Assessment, AssessmentItem } from "../engine/assessment/types";
import { formatNumber } from "../engine/format";
import type { Lang } from "../engine/reportTypes";
import { itemGapText, itemName } from "../present/labels";

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
    relaxed: "with the 规程 relaxations (policy.relaxations = guicheng-2019)",
    wouldPass: (list: string) =>
      `would pass with the 规程 relaxations (policy.relaxations = guicheng-2019): ${list}`,
    applied: (list: string) => `passed under the 规程 relaxations: ${list}`,
  },
};

function figure(item: AssessmentItem, lang: Lang): string {
  const t = T[lang];
  if (item.parts?.length) {
    return (
      item.parts
        .filter((p) => p.value !== null)
        // A whole number (a level, a count) has no decimals: 「Q9.math.level 3」, not 「3.0」.
        .map((p) => {
          const v = p.value as number;
          return `${p.id} ${formatNumber(v, Number.isInteger(v) ? 0 : v < 1 ? 3 : 1)}`;
        })
        .join("; ")
    );
  }
  if (item.value === null) return "";
  const v = formatNumber(item.value, Number.isInteger(item.value) ? 0 : 1);
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
      const schools = i.schools?.length
        ? `（${i.schools.slice(0, 5).join("、")}${i.schools.length > 5 ? " …" : ""}）`
        : "";
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
