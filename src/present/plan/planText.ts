/** The plain-text summary of a 达标测算 plan (the CLI's output), in zh-CN or en. */
import { formatNumber } from "../../engine/format";
import { Plan } from "../../engine/plan/types";
import { PLAN_KINDS } from "../../engine/plan/costs";
import { Lang } from "../../engine/reportTypes";
import { STAGES } from "../../standards/types";
import { floorPercent } from "../labels";
import {
  amountsText,
  teachersText,
  indicatorShort,
  kindWord,
  money,
  PLAN_WORDS,
  STAGE_WORD,
  verdictWord,
} from "./planLabels";

export function renderPlanText(plan: Plan, file: string, lang: Lang): string {
  const w = PLAN_WORDS[lang];
  const zh = lang === "zh-CN";
  const sep = zh ? "：" : ": ";
  const [lp, rp, comma] = zh ? ["（", "）", "，"] : [" (", ")", ", "];
  const out: string[] = [];
  out.push(`${w.title}${sep}${file}`);
  out.push(
    `${w.costs}${sep}` +
      PLAN_KINDS.map(
        (k) => `${kindWord(k, lang)} ${formatNumber(plan.costs[k], 0)} ${w.perUnit(k)}`
      ).join(lang === "zh-CN" ? "，" : ", ")
  );
  out.push("");
  if (plan.schools.length === 0 && plan.transfers.length === 0) out.push(w.none);
  if (plan.schools.length) {
    out.push(w.schools(plan.schools.length));
    for (const s of plan.schools) {
      const where = lang === "zh-CN" ? `${s.sheet}!第 ${s.row} 行` : `${s.sheet} row ${s.row}`;
      const exempt = s.exempt
        ? w.exempt(indicatorShort(s.exempt, lang), floorPercent(plan.floorShare))
        : "";
      out.push(
        `  ${s.name}${lp}${STAGE_WORD[s.stage][lang]}${comma}${where}${rp}${sep}` +
          `${amountsText(s.additions, lang)}${teachersText(s.teachers, lang)} — ${money(s.cost, lang)}${exempt}`
      );
    }
    out.push("");
  }
  if (plan.transfers.length) {
    out.push(w.transfers(plan.transfers.reduce((x, t) => x + t.count, 0)));
    for (const t of plan.transfers)
      out.push(
        w.transfer(t.from, t.to, kindWord(t.kind, lang), t.count, STAGE_WORD[t.fromStage][lang])
      );
    out.push("");
  }
  if (plan.unplanned.length) {
    out.push(w.unplanned);
    for (const u of plan.unplanned) {
      const ids = u.indicators
        .map((i) => indicatorShort(i, lang))
        .join(lang === "zh-CN" ? "、" : ", ");
      const why = u.reason === "missing-values" ? w.missing(ids) : w.cannotWrite(ids);
      out.push(`  ${u.name}${lp}${STAGE_WORD[u.stage][lang]}${rp}${sep}${why}`);
    }
    out.push("");
  }
  if (plan.townships?.length) {
    out.push(w.townships);
    for (const t of plan.townships) out.push(w.township(t.name, t.schools, money(t.cost, lang)));
    out.push("");
  }
  if (plan.cvs.length) {
    out.push(w.cvs);
    for (const c of plan.cvs)
      out.push(
        w.cv(
          STAGE_WORD[c.stage][lang],
          indicatorShort(c.indicator, lang),
          c.before === null ? "—" : formatNumber(c.before, 3),
          c.after === null ? "—" : formatNumber(c.after, 3),
          formatNumber(c.limit, 2),
          verdictWord(c.meets, lang)
        )
      );
    out.push("");
  }
  out.push(w.total(money(plan.total, lang)));
  out.push(w.after(plan.after.schoolsMeeting, plan.after.schools));
  for (const st of STAGES) {
    const c = plan.after.county[st];
    if (c) out.push(w.afterStage(STAGE_WORD[st][lang], verdictWord(c.meets, lang)));
  }
  return out.join("\n") + "\n";
}
