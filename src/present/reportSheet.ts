import { STAGES } from "../standards/types";
import { FormattedNumber, ReportCellValue, ReportSheetLayout, ReportSheetSpec } from "./marks";
import { Lang, Report, SchoolResult } from "../engine/reportTypes";
import { formatAsWritten } from "../engine/format";
import { declarationAnswer } from "./declarationAnswer";
import { excludedLabel, STAGE_HEADING, VERDICT_LABEL } from "./labels";
import { withLabels } from "./reportJson";
import { REPORT_SHEET_TITLE, reportSheetTitles } from "../engine/reportSheetTitle";

export { reportSheetTitles };

export const REPORT_SHEET_NAME: Record<Lang, string> = {
  "zh-CN": "均衡达标报告",
  en: "Balance report",
};

const T = {
  "zh-CN": {
    title: REPORT_SHEET_TITLE["zh-CN"],
    standard: "评估标准",
    profile: "省级配置",
    settings: "计算设置",
    cvWeighted: "差异系数按在校生数加权（总体标准差 ÷ 全县平均值）",
    cvUnweighted: "差异系数未加权（非标准算法，仅供对照）",
    split: (w: string, cs: string) =>
      `一贯制学校按 小学 : 初中 : 高中 = ${w}、完全中学按 初中 : 高中 = ${cs} 拆分校舍、仪器等`,
    splitShare: "一贯制学校按学生数比例拆分",
    schoolsTable: "表一  各校资源配置情况（参照表Ⅱ-2）",
    countyTable: "表二  县域校际均衡情况（参照表Ⅲ；全县平均值保留两位小数，差异系数保留三位小数）",
    excludedTable: "表三  未纳入评估的学校",
    no: "序号",
    school: "学校名称",
    stage: "学段",
    students: "在校生数",
    met: "达标项数",
    verdict: "是否达标",
    note: "备注",
    item: "项目",
    mean: "全县平均值",
    cv: "差异系数",
    limit: "差异系数限值",
    cvVerdict: "是否达标",
    composite: "综合",
    reason: "原因",
    ...VERDICT_LABEL["zh-CN"],
    noVerdict: "——",
    stages: STAGE_HEADING["zh-CN"],
    metList: (n: number, floor: string[], share: string) =>
      `${n} 项达标` + (floor.length ? `；${floor.join("、")} 达到${share}` : ""),
    splitNote: "一贯制拆分",
    canApply: "可以申报吗？",
    blockingItems: "未达标项目",
    pendingItems: "未填",
    relaxedOn: "已按《规程》放宽（policy.relaxations = guicheng-2019）",
    relaxedApplied: "放宽后达标",
    relaxedWould: "按《规程》放宽后可达标（未启用 policy.relaxations）",
  },
  en: {
    title: REPORT_SHEET_TITLE.en,
    standard: "Standard",
    profile: "Province profile",
    settings: "Settings",
    cvWeighted: "CV weighted by students (population SD ÷ county mean)",
    cvUnweighted: "Unweighted CV (non-standard, for comparison only)",
    split: (w: string, cs: string) =>
      `Combined schools split ${w} (primary : junior : senior), complete secondary schools ${cs} (junior : senior), for buildings and equipment`,
    splitShare: "Combined schools split by student share",
    schoolsTable: "Table 1  Schools (as 表Ⅱ-2)",
    countyTable: "Table 2  County balance (as 表Ⅲ; means 2 dp, CVs 3 dp)",
    excludedTable: "Table 3  Schools not assessed",
    no: "No.",
    school: "School",
    stage: "Stage",
    students: "Students",
    met: "Met",
    verdict: "Meets",
    note: "Note",
    item: "Item",
    mean: "County mean",
    cv: "CV",
    limit: "CV limit",
    cvVerdict: "Meets",
    composite: "Composite",
    reason: "Reason",
    ...VERDICT_LABEL.en,
    noVerdict: "——",
    stages: STAGE_HEADING.en,
    metList: (n: number, floor: string[], share: string) =>
      `${n} met` + (floor.length ? `; ${floor.join(", ")} at ${share}` : ""),
    splitNote: "split part",
    canApply: "Can the county apply?",
    blockingItems: "items not met",
    pendingItems: "not filled in",
    relaxedOn: "With the 规程 relaxations (policy.relaxations = guicheng-2019)",
    relaxedApplied: "met only with them",
    relaxedWould: "Would meet with the 规程 relaxations (policy.relaxations not set)",
  },
};

const num = (value: number | null, decimals: number): ReportCellValue =>
  value === null ? null : ({ value, decimals } as FormattedNumber);

/** The 「均衡达标报告」 sheet: per-school table (表Ⅱ-2 style) and county table (表Ⅲ style). */
export function buildReportSheet(report: Report, lang: Lang): ReportSheetSpec {
  const t = T[lang];
  const rows: ReportCellValue[][] = [];
  const boldRows: number[] = [];
  const failCells: { row: number; col: number }[] = [];
  // Names and units in the language shown: the report holds ids only.
  const { indicators: inds, standard } = withLabels(report, lang);
  const bold = (r: ReportCellValue[]): void => {
    boldRows.push(rows.length);
    rows.push(r);
  };

  // The settings in force, as the report states them (a province profile's, not the national figures).
  const w = report.policy.splitWeights;
  const splitWeights = [w.primary, w.junior, w.senior].map(formatAsWritten).join(" : ");
  const completeWeights = `1 : ${formatAsWritten(report.policy.completeSecondarySeniorWeight)}`;
  const floorShare =
    formatAsWritten(Math.round((report.standard.perSchool?.floorShare ?? 0.85) * 1e6) / 1e4) + "%";
  bold([t.title]);
  rows.push([
    `${t.standard}: ${standard.name}（${report.standard.document}）` +
      (report.standard.profile ? `；${t.profile}: ${report.standard.profile}` : ""),
  ]);
  rows.push([
    `${t.settings}: ${report.policy.cvMethod === "weighted" ? t.cvWeighted : t.cvUnweighted}；${report.policy.splitMethod === "weights" ? t.split(splitWeights, completeWeights) : t.splitShare}`,
  ]);
  if (report.assessment) {
    // The one answer of the whole assessment (standards.md §17.8), with the items in the way.
    const a = report.assessment;
    const sep = lang === "zh-CN" ? "、" : ", ";
    const detail = [
      a.blocking.length ? `${t.blockingItems}: ${a.blocking.join(sep)}` : "",
      a.pending.length ? `${t.pendingItems}: ${a.pending.join(sep)}` : "",
    ].filter(Boolean);
    bold([`${t.canApply} ${declarationAnswer(a, lang).text}`]);
    if (detail.length) rows.push([detail.join(lang === "zh-CN" ? "；" : "; ")]);
    // §17.4: a report that uses the relaxations names them; one that does not names who they would decide.
    const notes = (list: typeof a.relaxations.applied): string =>
      list.map((n) => `${n.item} ${n.school}`).join(sep);
    if (a.settings.relaxations !== "none")
      rows.push([
        t.relaxedOn +
          (a.relaxations.applied.length
            ? `${lang === "zh-CN" ? "：" : ": "}${t.relaxedApplied} ${notes(a.relaxations.applied)}`
            : ""),
      ]);
    else if (a.relaxations.wouldPass.length)
      rows.push([
        `${t.relaxedWould}${lang === "zh-CN" ? "：" : ": "}${notes(a.relaxations.wouldPass)}`,
      ]);
  }
  rows.push([]);

  bold([t.schoolsTable]);
  const schoolHeaderRow = rows.length;
  bold([
    t.no,
    t.school,
    t.stage,
    t.students,
    ...inds.map((i) => `${i.code} ${i.short}${i.unit ? `(${i.unit})` : ""}`),
    t.met,
    t.verdict,
    t.note,
  ]);
  const assessed = report.schools.filter((s) => !s.excluded);
  const ordered = STAGES.flatMap((st) => assessed.filter((s) => s.stage === st));
  const stageRows = new Map<string, { first: number; last: number }>();
  ordered.forEach((s, i) => {
    const r = rows.length;
    stageRows.set(s.stage, { first: stageRows.get(s.stage)?.first ?? r, last: r });
    const verdict =
      s.status === "pass"
        ? t.pass
        : s.status === "fail"
          ? t.fail
          : s.status === "incomplete"
            ? t.incomplete
            : t.noVerdict;
    const floorNames = s.atFloor.map((id) => inds.find((x) => x.id === id)?.short ?? id);
    const note = [
      s.status === "no-verdict" ? "" : t.metList(s.metCount, floorNames, floorShare),
      s.split ? t.splitNote : "",
    ]
      .filter(Boolean)
      .join("；");
    rows.push([
      i + 1,
      s.name,
      t.stages[s.stage],
      s.students,
      ...inds.map((ind, k) => {
        const res = s.indicators[ind.id];
        if (res.meets === false) failCells.push({ row: r, col: 4 + k });
        return num(res.value, ind.decimals);
      }),
      s.status === "no-verdict" ? null : s.metCount,
      verdict,
      note,
    ]);
    if (s.status === "fail") failCells.push({ row: r, col: 4 + inds.length + 1 });
  });
  rows.push([]);

  bold([t.countyTable]);
  bold([
    t.stage,
    t.item,
    ...inds.map((i) => `${i.code} ${i.short}`),
    `${report.standard.id === "basic-2012" ? "" : "L8 "}${t.composite}`,
  ]);
  const layoutStages: ReportSheetLayout["stages"] = [];
  for (const st of STAGES) {
    const c = report.county[st];
    if (!c) continue;
    const sr = stageRows.get(st);
    if (sr) {
      const cvCols = inds.map((_, k) => 2 + k);
      layoutStages.push({
        stage: st,
        firstRow: sr.first,
        lastRow: sr.last,
        meanRow: rows.length,
        cvRow: rows.length + 1,
        cvCols,
      });
    }
    rows.push([
      t.stages[st],
      t.mean,
      ...inds.map((i) => num(c.indicators[i.id].mean, i.decimals)),
      t.noVerdict,
    ]);
    const r = rows.length;
    rows.push([
      "",
      t.cv,
      ...inds.map((i, k) => {
        const ci = c.indicators[i.id];
        if (ci.meets === false) failCells.push({ row: r, col: 2 + k });
        return num(ci.cv, 3);
      }),
      // 2017 has no composite: 表Ⅲ fills L8 综合 with "——" (standards.md §3.4).
      c.composite ? num(c.composite.cv, 3) : t.noVerdict,
    ]);
    if (c.composite?.meets === false) failCells.push({ row: r, col: 2 + inds.length });
    rows.push([
      "",
      t.limit,
      ...inds.map((i) => num(c.indicators[i.id].limit, 2)),
      c.composite ? num(c.composite.limit, 2) : t.noVerdict,
    ]);
    rows.push([
      "",
      t.cvVerdict,
      ...inds.map((i) => verdictText(c.indicators[i.id].meets, t)),
      c.composite ? verdictText(c.composite.meets, t) : t.noVerdict,
    ]);
  }

  const excluded = report.schools.filter((s) => s.excluded);
  if (excluded.length) {
    rows.push([]);
    bold([t.excludedTable]);
    bold([t.no, t.school, t.stage, t.students, t.reason]);
    excluded.forEach((s: SchoolResult, i) =>
      rows.push([
        i + 1,
        s.name,
        t.stages[s.stage],
        s.students,
        s.excluded ? excludedLabel(s.excluded, lang, report.policy.teachingPointMinStudents) : "",
      ])
    );
  }

  const columnWidths = [8, 26, 8, 10, ...inds.map(() => 13), 10, 10, 36];
  const layout: ReportSheetLayout = {
    studentsCol: 3,
    nameCol: 1,
    indicatorCols: inds.map((_, k) => 4 + k),
    schoolHeaderRow,
    stages: layoutStages,
    thresholds: inds.map((i) => i.threshold),
    chartTitles: inds.map((ind, k) => {
      const header = String(rows[schoolHeaderRow]?.[4 + k] ?? "");
      const th = ind.threshold;
      if (!th) return header;
      return lang === "en"
        ? `${header} (standard: primary ${th.primary}, junior ${th.junior})`
        : `${header}（标准：小学 ${th.primary}，初中 ${th.junior}）`;
    }),
  };
  return { name: REPORT_SHEET_NAME[lang], rows, boldRows, columnWidths, failCells, layout };
}

function verdictText(m: boolean | null, t: (typeof T)["zh-CN"] | (typeof T)["en"]): string {
  return m === true ? t.pass : m === false ? t.fail : t.incomplete;
}
