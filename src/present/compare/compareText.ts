/** The plain-text 与上年比较 (the CLI's output) and its workbook (COMPARE.xlsx), in zh-CN or en. */
import { STAGE_HEADING } from "../labels";
import type { SheetSpec, WorkbookSpec } from "../../host/xlsx/newWorkbook";
import { headedSheet } from "../headedSheet";
import type { Comparison } from "../../engine/compare";
import { formatNumber, roundHalfUp } from "../../engine/format";
import type { Lang } from "../../engine/reportTypes";
import { QUALITY_2017 } from "../../standards/quality-2017";
import { BASIC_2012 } from "../../standards/basic-2012";

const W = {
  "zh-CN": {
    title: (a: string, b: string) => `与上年比较：${a} → ${b}`,
    stage: STAGE_HEADING["zh-CN"],
    head: "指标　　　　上年差异系数　本年差异系数　变化",
    added: "新增学校：",
    closed: "撤并（本年没有）的学校：",
    none: "无",
    monitoring: (st: string) => `${st}监测表（本年）：指标 / 全县平均值 / 标准差 / 差异系数`,
    schools: (st: string, a: number, b: number) => `${st}：上年 ${a} 所，本年 ${b} 所`,
    sheetCompare: "与上年比较",
    sheetMonitoring: "监测表",
    sheetSchools: "学校变化",
    sheetChanges: "新增与撤并",
    indicator: "指标",
    stageCol: "学段",
    lastMean: "上年全县平均值",
    lastSd: "上年标准差",
    lastCv: "上年差异系数",
    thisMean: "本年全县平均值",
    thisSd: "本年标准差",
    thisCv: "本年差异系数",
    changeCv: "差异系数变化",
    mean: "全县平均值",
    sd: "标准差",
    cv: "差异系数",
    school: "学校",
    change: "变化",
    kind: "类别",
    addedWord: "新增",
    closedWord: "撤并",
  },
  en: {
    title: (a: string, b: string) => `Compared with last year: ${a} → ${b}`,
    stage: STAGE_HEADING.en,
    head: "Indicator        CV last   CV this   change",
    added: "Schools added:",
    closed: "Schools closed (not in this year):",
    none: "none",
    monitoring: (st: string) => `${st} monitoring table (this year): indicator / mean / SD / CV`,
    schools: (st: string, a: number, b: number) => `${st}: ${a} schools last year, ${b} this year`,
    sheetCompare: "Compared",
    sheetMonitoring: "Monitoring",
    sheetSchools: "Schools",
    sheetChanges: "Added and closed",
    indicator: "Indicator",
    stageCol: "Stage",
    lastMean: "Mean last",
    lastSd: "SD last",
    lastCv: "CV last",
    thisMean: "Mean this",
    thisSd: "SD this",
    thisCv: "CV this",
    changeCv: "CV change",
    mean: "Mean",
    sd: "SD",
    cv: "CV",
    school: "School",
    change: "change",
    kind: "Kind",
    addedWord: "added",
    closedWord: "closed",
  },
};

function shortOf(id: string, lang: Lang): string {
  const ind = [...QUALITY_2017.indicators, ...BASIC_2012.indicators].find((i) => i.id === id);
  return ind?.short[lang] ?? id;
}

const f3 = (v: number | null): string => (v === null ? "—" : formatNumber(v, 3));
const signed = (v: number | null): string =>
  v === null ? "—" : (v > 0 ? "+" : "") + formatNumber(v, 3);

export function renderCompareText(c: Comparison, a: string, b: string, lang: Lang): string {
  const w = W[lang];
  const out: string[] = [w.title(a, b), ""];
  for (const st of c.stages) {
    out.push(w.schools(w.stage[st.stage], st.last?.schools ?? 0, st.this?.schools ?? 0));
    out.push("  " + w.head);
    for (const i of st.indicators)
      out.push(
        `  ${shortOf(i.id, lang).padEnd(lang === "zh-CN" ? 6 : 16, lang === "zh-CN" ? "　" : " ")}  ${f3(i.last.cv).padStart(8)}  ${f3(i.this.cv).padStart(8)}  ${signed(i.change.cv).padStart(8)}`
      );
    out.push("");
  }
  const names = (l: { name: string; stage: "primary" | "junior" }[]): string =>
    l.length
      ? l.map((s) => `${s.name}（${w.stage[s.stage]}）`).join(lang === "zh-CN" ? "、" : ", ")
      : w.none;
  out.push(`${w.added} ${names(c.added)}`);
  out.push(`${w.closed} ${names(c.closed)}`);
  out.push("");
  for (const st of c.stages) {
    const rows = c.monitoring.this.filter((r) => r.stage === st.stage);
    if (!rows.length) continue;
    out.push(w.monitoring(w.stage[st.stage]));
    for (const r of rows) out.push(`  ${shortOf(r.indicator, lang)}  ${r.mean}  ${r.sd}  ${r.cv}`);
    out.push("");
  }
  return out.join("\n");
}

/** A printed 6-dp figure back to a number for the sheet ("—" stays text). */
const num = (t: string): number | string => (t === "—" ? t : Number(t));

/** 6 dp as counties print them, stored as a rounded number with a 0.000000 format. */
const r6 = (v: number | null): number | null => (v === null ? null : roundHalfUp(v, 6));

export function buildCompareWorkbook(c: Comparison, lang: Lang): WorkbookSpec {
  const w = W[lang];
  const sheets: SheetSpec[] = [];
  const rows: (string | number | null)[][] = [];
  for (const st of c.stages)
    for (const i of st.indicators)
      rows.push([
        w.stage[st.stage],
        shortOf(i.id, lang),
        r6(i.last.mean),
        r6(i.last.sd),
        r6(i.last.cv),
        r6(i.this.mean),
        r6(i.this.sd),
        r6(i.this.cv),
        r6(i.change.cv),
      ]);
  sheets.push(
    table(
      w.sheetCompare,
      [
        w.stageCol,
        w.indicator,
        w.lastMean,
        w.lastSd,
        w.lastCv,
        w.thisMean,
        w.thisSd,
        w.thisCv,
        w.changeCv,
      ],
      rows
    )
  );
  sheets.push(
    table(
      w.sheetMonitoring,
      [w.stageCol, w.indicator, w.mean, w.sd, w.cv],
      c.monitoring.this.map((r) => [
        w.stage[r.stage],
        shortOf(r.indicator, lang),
        num(r.mean),
        num(r.sd),
        num(r.cv),
      ])
    )
  );
  const ids = c.stages[0]?.indicators.map((i) => i.id) ?? [];
  sheets.push(
    table(
      w.sheetSchools,
      [w.school, w.stageCol, ...ids.map((id) => `${shortOf(id, lang)} ${w.change}`)],
      c.schools.map((s) => [
        s.name,
        w.stage[s.stage],
        ...ids.map((id) => r6(s.values[id]?.change ?? null)),
      ])
    )
  );
  sheets.push(
    table(
      w.sheetChanges,
      [w.school, w.stageCol, w.kind],
      [
        ...c.added.map((s) => [s.name, w.stage[s.stage], w.addedWord]),
        ...c.closed.map((s) => [s.name, w.stage[s.stage], w.closedWord]),
      ]
    )
  );
  return { sheets };
}

/** The comparison's sheets: every number at 6 dp as counties print them. */
function table(name: string, header: string[], rows: (string | number | null)[][]): SheetSpec {
  return headedSheet(name, header, rows, () => "0.000000", { first: 20, other: 16 });
}
