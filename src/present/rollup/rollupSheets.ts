/** A city's roll-up: the summary text and city.xlsx (a row per county; the indicators that fail most often). */
import { STAGE_HEADING } from "../labels";
import type { WorkbookSpec } from "../../host/xlsx/newWorkbook";
import { headedSheet as table } from "../headedSheet";
import { formatNumber } from "../../engine/format";
import type { FailingIndicator, RollupRow } from "../../engine/rollup";
import type { Lang } from "../../engine/reportTypes";
import { QUALITY_2017 } from "../../standards/quality-2017";
import type { Stage } from "../../standards/types";

const W = {
  "zh-CN": {
    stage: STAGE_HEADING["zh-CN"],
    file: "县（文件）",
    verdict: (st: string) => `${st}结论`,
    meeting: (st: string) => `${st}达标学校`,
    cv: (st: string, ind: string) => `${st}${ind}差异系数`,
    blocking: "阻碍申报的项目",
    cost: "达标测算费用（元）",
    error: "无法检查",
    pass: "达标",
    fail: "不达标",
    open: "待定",
    sheetRows: "各县汇总",
    sheetFailing: "最常不达标的指标",
    indicator: "指标",
    stageCol: "学段",
    schoolsBelow: "未达标学校数",
    countiesOver: "差异系数超限的县数",
    title: (n: number) => `各县汇总（${n} 个文件）：`,
    line: (f: string, parts: string) => `  ${f}：${parts}`,
    failing: "最常不达标的指标：",
    failingLine: (st: string, ind: string, n: number, k: number) =>
      `  ${st}${ind}：${n} 所学校未达标，${k} 个县差异系数超限`,
  },
  en: {
    stage: STAGE_HEADING.en,
    file: "County (file)",
    verdict: (st: string) => `${st} verdict`,
    meeting: (st: string) => `${st} schools meeting`,
    cv: (st: string, ind: string) => `${st} ${ind} CV`,
    blocking: "Items in the way",
    cost: "Plan cost (CNY)",
    error: "could not be checked",
    pass: "meets",
    fail: "does not meet",
    open: "open",
    sheetRows: "Counties",
    sheetFailing: "Failing most often",
    indicator: "Indicator",
    stageCol: "Stage",
    schoolsBelow: "Schools below",
    countiesOver: "Counties over the CV limit",
    title: (n: number) => `Counties (${n} files):`,
    line: (f: string, parts: string) => `  ${f}: ${parts}`,
    failing: "Indicators failing most often:",
    failingLine: (st: string, ind: string, n: number, k: number) =>
      `  ${st} ${ind}: ${n} schools below, ${k} counties over the CV limit`,
  },
};

const STAGES: Stage[] = ["primary", "junior"];
const IDS = QUALITY_2017.indicators.map((i) => i.id);
const short = (id: string, lang: Lang): string =>
  QUALITY_2017.indicators.find((i) => i.id === id)?.short[lang] ?? id;

function word(m: boolean | null, lang: Lang): string {
  const w = W[lang];
  return m === true ? w.pass : m === false ? w.fail : w.open;
}

export function renderRollupText(
  rows: RollupRow[],
  failing: FailingIndicator[],
  lang: Lang
): string {
  const w = W[lang];
  const out = [w.title(rows.length)];
  for (const r of rows) {
    if (r.error) {
      out.push(w.line(r.file, `${w.error}（${r.error}）`));
      continue;
    }
    const parts: string[] = [];
    for (const st of STAGES) {
      const s = r.stages[st];
      if (s) parts.push(`${w.stage[st]} ${word(s.meets, lang)} ${s.schoolsMeeting}/${s.schools}`);
    }
    if (r.planCost !== null) parts.push(`${w.cost} ${formatNumber(r.planCost, 0)}`);
    if (r.blocking?.length) parts.push(`${w.blocking} ${r.blocking.join(",")}`);
    out.push(w.line(r.file, parts.join(lang === "zh-CN" ? "；" : "; ")));
  }
  if (failing.length) {
    out.push("", w.failing);
    for (const f of failing.slice(0, 10))
      out.push(
        w.failingLine(
          w.stage[f.stage],
          short(f.indicator, lang),
          f.schoolsBelow,
          f.countiesOverLimit
        )
      );
  }
  return out.join("\n") + "\n";
}

export function buildRollupWorkbook(
  rows: RollupRow[],
  failing: FailingIndicator[],
  lang: Lang
): WorkbookSpec {
  const w = W[lang];
  const stages = STAGES.filter((st) => rows.some((r) => r.stages[st]));
  const header = [w.file];
  const cvCols = new Set<number>();
  for (const st of stages) {
    header.push(w.verdict(w.stage[st]), w.meeting(w.stage[st]));
    for (const id of IDS) {
      cvCols.add(header.length);
      header.push(w.cv(w.stage[st], short(id, lang)));
    }
  }
  header.push(w.blocking, w.cost);
  const costCol = header.length - 1;
  const body = rows.map((r) => {
    const line: (string | number | null)[] = [r.file];
    for (const st of stages) {
      const s = r.stages[st];
      line.push(
        r.error ? w.error : s ? word(s.meets, lang) : "",
        s ? `${s.schoolsMeeting}/${s.schools}` : ""
      );
      for (const id of IDS) line.push(s?.cvs[id] ?? null);
    }
    line.push(r.blocking ? r.blocking.join(", ") : "", r.planCost);
    return line;
  });
  const sheets = [
    table(w.sheetRows, header, body, (c) =>
      cvCols.has(c) ? "0.000" : c === costCol ? "#,##0" : undefined
    ),
    table(
      w.sheetFailing,
      [w.stageCol, w.indicator, w.schoolsBelow, w.countiesOver],
      failing.map((f) => [
        w.stage[f.stage],
        short(f.indicator, lang),
        f.schoolsBelow,
        f.countiesOverLimit,
      ]),
      () => "0"
    ),
  ];
  return { sheets };
}
