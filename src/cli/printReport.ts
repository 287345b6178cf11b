import { STAGE_HEADING, fieldName } from "../present/labels";
import { unrounded } from "../present/unrounded";
import { formatNumber } from "../engine/format";
import { FindingIndex } from "../engine/findings/lookup";
import { FINDINGS, type FindingSpec } from "../engine/findings/catalog";
import { failReason, incompleteReason, renderFinding } from "../present/findingText";
import { Lang, Report } from "../engine/reportTypes";
import { withLabels } from "../present/reportJson";
import { STAGES } from "../standards/types";
import { renderAssessment } from "./printAssessment";

/**
 * A borderline CV's unrounded value beside the rounded one (standards.md §7: 0.550 shown, 0.5502 judged), so the line
 * never reads 「0.550（≤ 0.55）✗」 without saying why.
 */
function exactly(cv: number, borderline: boolean | undefined, lang: Lang): string {
  if (!borderline) return "";
  const v = unrounded(cv);
  return lang === "zh-CN" ? `（实为 ${v}）` : ` (exactly ${v})`;
}

/** "1 row", "2 rows": English counts (Chinese needs no plural). */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

const L = {
  "zh-CN": {
    standard: "评估标准：",
    paren: (x: string) => `（${x}）`,
    sheet: (s: string, h: string, d: number, n: number, skipped: number, cols: string) =>
      `工作表「${s}」${cols ? `${cols} 列` : ""}：表头第 ${h} 行，数据自第 ${d} 行起，识别 ${n} 列，跳过 ${skipped} 行（合计、说明等）`,
    unmapped: (f: string[]) => `  未找到的列：${f.join("、")}`,
    stage: STAGE_HEADING["zh-CN"],
    stageLine: (st: string, n: number, p: string, v: string, unknown: number) =>
      `【${st}】${n} 所学校，在校生 ${p} 人${unknown ? `（${unknown} 所学校的在校生数未知，未计入）` : ""} —— ${v}`,
    cvHead: (lim: string) => `  差异系数（每项 ≤ ${lim}）：`,
    composite: (cv: string, lim: string, ok: string) => `  综合差异系数 ${cv}（≤ ${lim}）${ok}`,
    schoolsLine: (m: number, n: number) => `  学校：${m}/${n} 所达标`,
    pass: "达标",
    fail: "不达标",
    incomplete: "数据不全，无法判定",
    leftOut: "有学校未纳入，无法判定",
    failing: "未达标的学校：",
    school: (m: string, n: string, st: string, sheet: string, row: number, reason: string) =>
      `  ${m} ${n}（${st}，${sheet}!第 ${row} 行）${reason ? "：" + reason : ""}`,
    more: (n: number) => `  …… 另有 ${n} 项`,
    rowChecks: "班额、学校规模、音美教室（政府保障程度）：",
    data: "数据问题：",
    counts: (e: number, w: number) => `错误 ${e} 项，警告 ${w} 项`,
    verdictOk: "结论：可以提交（无错误）",
    // Two kinds, never one "needs changes" count: a data error is fixed, a result below the standard is reported
    // or rectified — never "fixed" by changing numbers (docs/decisions.md, "Submission check: data first").
    verdictFix: (data: number, below: number) =>
      `结论：暂不能提交：${[data ? `数据错误 ${data} 项（须先改正）` : "", below ? `未达标 ${below} 项（如实上报或整改）` : ""].filter(Boolean).join("，")}`,
    overall: (v: string) => `县域资源配置：${v}`,
  },
  en: {
    standard: "Standard: ",
    paren: (x: string) => ` (${x})`,
    sheet: (s: string, h: string, d: number, n: number, skipped: number, cols: string) =>
      `Sheet "${s}"${cols ? ` columns ${cols}` : ""}: header ${h.includes("–") ? "rows" : "row"} ${h}, data from row ${d}, ${count(n, "column")} recognised, ${count(skipped, "row")} skipped (totals, notes)`,
    unmapped: (f: string[]) => `  Columns not found: ${f.join(", ")}`,
    stage: STAGE_HEADING.en,
    stageLine: (st: string, n: number, p: string, v: string, unknown: number) =>
      `[${st}] ${count(n, "school")}, ${p} students${unknown ? ` (${count(unknown, "school")} with an unknown student count not included)` : ""} — ${v}`,
    cvHead: (lim: string) => `  CVs (each ≤ ${lim}):`,
    composite: (cv: string, lim: string, ok: string) => `  Composite CV ${cv} (≤ ${lim}) ${ok}`,
    schoolsLine: (m: number, n: number) => `  Schools: ${m}/${n} meet the standard`,
    pass: "meets",
    fail: "does not meet",
    incomplete: "incomplete, cannot be judged",
    leftOut: "a school is left out, cannot be judged",
    failing: "Schools that do not meet the standard:",
    school: (m: string, n: string, st: string, sheet: string, row: number, reason: string) =>
      `  ${m} ${n} (${st}, ${sheet}!row ${row})${reason ? ": " + reason : ""}`,
    more: (n: number) => `  … and ${n} more`,
    rowChecks: "Class size, school size, music/art rooms (government provision):",
    data: "Data problems:",
    counts: (e: number, w: number) => `${count(e, "error")}, ${count(w, "warning")}`,
    verdictOk: "Verdict: ready to submit (no errors)",
    verdictFix: (data: number, below: number) =>
      `Verdict: not ready to submit: ${[data ? `${data} data error${data === 1 ? "" : "s"} (fix first)` : "", below ? `${below} result${below === 1 ? "" : "s"} below the standard (report or rectify)` : ""].filter(Boolean).join(", ")}`,
    overall: (v: string) => `County resource indicators: ${v}`,
  },
};

/**
 * A stage's verdict as the CLI shows it: "left-out" instead of true while a school was left out of the check
 * (summary.leftOut: its stage unknown, no name, formulas without results). The stage's own verdict is over the
 * schools that were read, and the one left out could belong to either stage and move every CV: a stage shown
 * as 达标 under a county verdict 「无法判定」 read as a pass in the many-file roll-up.
 */
export function shownStageMeets(
  report: Report,
  stage: "primary" | "junior"
): boolean | null | "left-out" | undefined {
  const m = report.county[stage]?.meets;
  return m === true && report.summary.leftOut > 0 ? "left-out" : m;
}

const MAX_SCHOOLS = 30;
const MAX_FINDINGS = 12;

/** The readable summary the CLI prints: county verdict per stage with each CV, failing schools with gaps, data problems. */
export function renderText(report: Report, file: string, lang: Lang): string {
  const t = L[lang];
  const out: string[] = [];
  // Names in the language printed: the report holds ids only.
  const { indicators, standard } = withLabels(report, lang);
  const verdict = (m: boolean | null | "left-out" | undefined): string =>
    m === true ? t.pass : m === false ? t.fail : m === "left-out" ? t.leftOut : t.incomplete;
  const mark = (m: boolean | null): string => (m === true ? "✓" : m === false ? "✗" : "?");
  out.push(`junheng ${report.tool.version} — ${file}`);
  out.push(
    `${t.standard}${standard.name}${t.paren(report.standard.document)}${report.standard.profile ? " + " + report.standard.profile : ""}`
  );
  for (const tb of report.tables) {
    const h =
      tb.headerRows.length > 1
        ? `${tb.headerRows[0]}–${tb.headerRows[tb.headerRows.length - 1]}`
        : String(tb.headerRows[0] ?? "");
    // Tables side by side on one sheet are told apart by their columns.
    const beside = report.tables.filter(
      (x) => x.sheet === tb.sheet && x.headerRows[0] === tb.headerRows[0]
    );
    const cols = beside.length > 1 ? columnSpan(Object.values(tb.columns)) : "";
    out.push(
      t.sheet(
        tb.sheet,
        h,
        tb.firstDataRow,
        Object.keys(tb.columns).length,
        tb.skippedRows.length,
        cols
      )
    );
    // Field names in the reader's language: the keys ("students") mean nothing to a clerk.
    if (tb.unmapped.length) out.push(t.unmapped(tb.unmapped.map((k) => fieldName(k, lang))));
  }
  out.push("");
  for (const st of STAGES) {
    const c = report.county[st];
    if (!c) continue;
    out.push(
      t.stageLine(
        t.stage[st],
        c.schools,
        formatNumber(c.students, 0),
        verdict(shownStageMeets(report, st)),
        // The stage's students are the sum of the counts known: say how many schools it leaves out, never a bare
        // 「在校生 0 人」 for a table whose 在校生数 are formulas without results.
        report.schools.filter((s) => s.stage === st && s.excluded === false && s.students === null)
          .length
      )
    );
    const lim = Object.values(c.indicators)[0]?.limit;
    if (lim !== null && lim !== undefined) out.push(t.cvHead(formatNumber(lim, 2)));
    for (const ind of indicators) {
      const ci = c.indicators[ind.id];
      const cv =
        ci.cv === null ? "—" : formatNumber(ci.cv, 3) + exactly(ci.cv, ci.borderline, lang);
      const mean = ci.mean === null ? "—" : formatNumber(ci.mean, ind.decimals);
      const part = ci.schools < ci.of ? ` (${ci.schools}/${ci.of})` : "";
      out.push(
        `    ${mark(ci.meets)} ${ind.code.padEnd(3)} ${ind.short.padEnd(lang === "zh-CN" ? 6 : 18, lang === "zh-CN" ? "　" : " ")} CV ${cv.padStart(6)}   ${lang === "zh-CN" ? "全县平均" : "mean"} ${mean}${part}`
      );
    }
    if (c.composite)
      out.push(
        t.composite(
          c.composite.cv === null
            ? "—"
            : formatNumber(c.composite.cv, 3) +
                exactly(c.composite.cv, c.composite.borderline, lang),
          formatNumber(c.composite.limit, 2),
          mark(c.composite.meets)
        )
      );
    if (report.standard.id === "quality-2017") out.push(t.schoolsLine(c.schoolsMeeting, c.schools));
    out.push("");
  }

  const failing = report.schools.filter((s) => s.status === "fail" || s.status === "incomplete");
  if (failing.length) {
    out.push(t.failing);
    const index = new FindingIndex(report.findings);
    for (const s of failing.slice(0, MAX_SCHOOLS)) {
      const f = index.find(s, s.status === "fail" ? "school-fails" : "school-incomplete");
      const reason =
        f?.code === "school-fails"
          ? failReason(f.params, lang)
          : f?.code === "school-incomplete"
            ? (lang === "zh-CN" ? "缺 " : "missing ") + incompleteReason(f.params, lang)
            : "";
      out.push(
        t.school(s.status === "fail" ? "✗" : "?", s.name, t.stage[s.stage], s.sheet, s.row, reason)
      );
      for (const ind of report.indicators) {
        const r = s.indicators[ind.id];
        if (r.meets !== false) continue;
        const b = index.find(s, "below-standard", ind.id);
        if (b) out.push(`      · ${renderFinding(b, lang)}${r.cell ? `  [${r.cell}]` : ""}`);
      }
    }
    if (failing.length > MAX_SCHOOLS) out.push(t.more(failing.length - MAX_SCHOOLS));
    out.push("");
  }

  const rowChecks = report.findings.filter((f) =>
    ["class-size", "class-size-undetermined", "school-size", "music-art-rooms"].includes(f.code)
  );
  if (rowChecks.length) {
    out.push(t.rowChecks);
    for (const f of rowChecks.slice(0, MAX_FINDINGS))
      out.push(
        `  ${f.severity === "error" ? "✗" : "?"} ${renderFinding(f, lang)}${f.cell ? `  [${f.cell}]` : ""}`
      );
    if (rowChecks.length > MAX_FINDINGS) out.push(t.more(rowChecks.length - MAX_FINDINGS));
    out.push("");
  }

  const problems = report.findings.filter(
    (f) => f.category !== "standard" && f.severity !== "info"
  );
  if (problems.length) {
    out.push(
      `${t.data} ${t.counts(problems.filter((f) => f.severity === "error").length, problems.filter((f) => f.severity === "warning").length)}`
    );
    for (const f of problems.slice(0, MAX_FINDINGS)) {
      out.push(
        `  ${f.severity === "error" ? "✗" : "!"} ${f.sheet && f.cell ? `[${f.sheet}!${f.cell}] ` : f.sheet ? `[${f.sheet}] ` : ""}${renderFinding(f, lang)}`
      );
    }
    if (problems.length > MAX_FINDINGS) out.push(t.more(problems.length - MAX_FINDINGS));
    out.push("");
  }
  // What was read and what was not (a hidden sheet skipped, hidden rows counted, a 教学点 or 特殊教育学校
  // excluded by rule, a branch merged into its parent: standards.md §2): one line each, so that nothing is
  // left out or counted without the user being told.
  const reading = report.findings.filter((f) => f.severity === "info");
  if (reading.length) {
    for (const f of reading.slice(0, MAX_FINDINGS))
      out.push(`ℹ ${f.sheet && f.cell ? `[${f.sheet}!${f.cell}] ` : ""}${renderFinding(f, lang)}`);
    if (reading.length > MAX_FINDINGS) out.push(t.more(reading.length - MAX_FINDINGS));
    out.push("");
  }
  out.push(t.overall(verdict(report.summary.meets)));
  if (report.summary.errors === 0) out.push(t.verdictOk);
  else {
    const data = dataErrorCount(report);
    out.push(t.verdictFix(data, Math.max(0, report.summary.errors - data)));
  }
  if (report.assessment) out.push("", ...renderAssessment(report.assessment, lang));
  return out.join("\n") + "\n";
}

/** Errors in the data or the table (not results below the standard), the ones capped out of the list included. */
function dataErrorCount(report: Report): number {
  let n = 0;
  for (const f of report.findings) if (f.severity === "error" && f.category !== "standard") n++;
  for (const [code, omitted] of Object.entries(report.findingsOmitted)) {
    const spec = (FINDINGS as Record<string, FindingSpec | undefined>)[code];
    if (spec && spec.severity === "error" && spec.category !== "standard") n += omitted;
  }
  return n;
}

/** "A–I" for the columns a table uses. */
function columnSpan(letters: string[]): string {
  const index = (l: string): number => [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const sorted = [...letters].sort((a, b) => index(a) - index(b));
  return sorted.length ? `${sorted[0]}–${sorted[sorted.length - 1]}` : "";
}
