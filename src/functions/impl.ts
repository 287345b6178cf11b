/**
 * The implementations of the JH.* functions. Each takes Excel's arguments as they arrive (scalars, or any[][] for
 * ranges), returns a value or an error value (errors.ts), and never throws. Everything that decides a number is the
 * engine's: normalizeCell, weightedCv, meetsMaximum, computeIndicator, judgeResults, the standards' data.
 */
import { meetsMaximum } from "../engine/indicators/compare";
import { weightedCv } from "../engine/indicators/weightedCv";
import { formatNumber } from "../engine/format";
import { failReason } from "../present/findingText";
import { VERDICT_LABEL } from "../present/labels";
import { DEFAULT_SCHOOL_ROW_LIMITS } from "../standards";
import type { IndicatorDefinition, StandardDefinition, Stage } from "../standards/types";
import {
  ArgError,
  cellsOf,
  fail,
  keyOf,
  omitted,
  parseIndicator,
  parsePart,
  parseStage,
  parseStandard,
  parseUnit,
  parseWeights,
  readNumber,
  readPairs,
  requireNumber,
  requireRead,
  requireStudents,
} from "./args";
import { evaluateIndicator, judgeValues, settingsFor } from "./engine";
import { FunctionError, makeError } from "./errors";
import { currentLang, Lang, Localized } from "./lang";
import { splitShare } from "./split";

/** Runs an implementation; argument problems become the error value, in the user's language. */
function guard<T>(body: (lang: Lang) => T): T | FunctionError {
  const lang = currentLang();
  try {
    return body(lang);
  } catch (e) {
    if (e instanceof ArgError) return makeError(e.code, e.text[lang]);
    const detail = e instanceof Error ? e.message : String(e);
    return makeError(
      "#VALUE!",
      lang === "zh-CN" ? `计算出错：${detail}` : `calculation failed: ${detail}`
    );
  }
}

const L = (zh: string, en: string): Localized => ({ "zh-CN": zh, en });

const VALUES = L("指标值区域", "the values range");
const STUDENTS_RANGE = L("在校生数区域", "the students range");

export const VERDICT = VERDICT_LABEL;

/** JH.PERHUNDRED(count, students): count × 100 ÷ students (每百名学生…), multiplied first (standards.md §7). */
export function per100(count: unknown, students: unknown): number | FunctionError {
  return guard(() => {
    const c = requireNumber(count, L("数量", "the count"));
    const p = requireStudents(students);
    return (c * 100) / p;
  });
}

/** JH.PERSTUDENT(amount, students, [unit]): amount in base units ÷ students (生均…). */
export function perStudent(
  amount: unknown,
  students: unknown,
  unit?: unknown
): number | FunctionError {
  return guard(() => {
    const factor = parseUnit(unit);
    const a = requireRead(amount, L("数额", "the amount"));
    const p = requireStudents(students);
    // A unit written in the cell itself ("300万元") wins over the argument, as a cell unit wins over the header.
    return (a.unit ? a.value : a.value * factor) / p;
  });
}

function pairsOrFail(
  values: unknown,
  students: unknown
): { xs: number[]; ws: number[]; incomplete: number } {
  const pairs = readPairs(values, students, [VALUES, STUDENTS_RANGE]);
  if (pairs.xs.length === 0)
    fail(
      "#N/A",
      "没有一行同时有指标值和在校生数（空白、「—」、错误值和 0 人的行不计入）",
      "no row has both a value and students (blanks, dashes, errors and 0 students are left out)"
    );
  return pairs;
}

/** JH.MEAN(values, students): the student-weighted county mean Σ PᵢXᵢ ÷ Σ Pᵢ (全县平均值). */
export function mean(values: unknown, students: unknown): number | FunctionError {
  return guard(() => {
    const { xs, ws } = pairsOrFail(values, students);
    return weightedCv(xs, ws).mean;
  });
}

function cvOf(values: unknown, students: unknown): { cv: number; incomplete: number } {
  const { xs, ws, incomplete } = pairsOrFail(values, students);
  const r = weightedCv(xs, ws);
  if (r.cv === null)
    fail(
      "#N/A",
      "全县平均值为 0，差异系数无法计算（不可评估）",
      "the county mean is 0: the CV cannot be computed (not assessable)"
    );
  return { cv: r.cv, incomplete };
}

/** JH.CVWEIGHTED(values, students): the student-weighted population CV (差异系数, standards.md §5). */
export function cv(values: unknown, students: unknown): number | FunctionError {
  return guard(() => cvOf(values, students).cv);
}

/** JH.STANDARD(indicator, stage, [standard]): the per-school threshold. */
export function standard(
  indicator: unknown,
  stage: unknown,
  std?: unknown
): number | FunctionError {
  return guard(() => {
    const s = parseStandard(std);
    const ind = parseIndicator(indicator, s);
    const st = parseStage(stage);
    const t = ind.threshold?.[st];
    if (t === undefined) noThreshold(s.id);
    return t as number;
  });
}

function noThreshold(id: string): never {
  return fail(
    "#N/A",
    `${id} 没有全国统一的分校标准，只评差异系数（按省定办学标准另行判断）`,
    `${id} has no national per-school threshold; only the CVs are assessed (schools follow provincial standards)`
  );
}

/** The arguments JH.MEETS and JH.GAP share: a standard, one of its indicators that has thresholds, a stage. */
function thresholdIndicator(
  indicator: unknown,
  stage: unknown,
  std: unknown
): { s: StandardDefinition; ind: IndicatorDefinition; st: Stage } {
  const s = parseStandard(std);
  const ind = parseIndicator(indicator, s);
  const st = parseStage(stage);
  if (!ind.threshold) noThreshold(s.id);
  return { s, ind, st };
}

/** JH.CVLIMIT(stage, [standard]): 0.50 / 0.45 (quality-2017, each CV) or 0.65 / 0.55 (basic-2012, composite). */
export function cvLimit(stage: unknown, std?: unknown): number | FunctionError {
  return guard(() => {
    const s = parseStandard(std);
    const st = parseStage(stage);
    const limit = s.cv.perIndicatorLimit?.[st] ?? s.cv.compositeLimit?.[st];
    if (limit === undefined) fail("#N/A", `${s.id} 没有差异系数限值`, `${s.id} has no CV limit`);
    return limit as number;
  });
}

/** JH.MEETS(indicator, stage, value, [standard]): TRUE when value ≥ threshold (unrounded, 1e-9 relative). */
export function meets(
  indicator: unknown,
  stage: unknown,
  value: unknown,
  std?: unknown
): boolean | FunctionError {
  return guard((lang) => {
    const { s, ind, st } = thresholdIndicator(indicator, stage, std);
    const v = requireNumber(value, L("指标值", "the value"));
    const r = evaluateIndicator(ind, st, v, null, settingsFor(s), lang);
    return r.meets === true;
  });
}

/** JH.GAP(indicator, stage, value, students, [standard]): how much more of the numerator is needed; 0 when met. */
export function gap(
  indicator: unknown,
  stage: unknown,
  value: unknown,
  students: unknown,
  std?: unknown
): number | FunctionError {
  return guard((lang) => {
    const { s, ind, st } = thresholdIndicator(indicator, stage, std);
    const v = requireNumber(value, L("指标值", "the value"));
    const p = requireStudents(students);
    const r = evaluateIndicator(ind, st, v, p, settingsFor(s), lang);
    return r.gap ?? 0;
  });
}

/**
 * JH.SCHOOLCHECK(values, stage, [standard], [detail]): the per-school rule of standards.md §3.3 on the seven values
 * in standard order → 达标 / 不达标 / 数据不全 (Pass / Fail / Incomplete); with detail, the reason too.
 */
export function schoolCheck(
  values: unknown,
  stage: unknown,
  std?: unknown,
  detail?: unknown
): string | FunctionError {
  return guard((lang) => {
    const s = parseStandard(std);
    const st = parseStage(stage);
    if (!s.perSchool) noThreshold(s.id);
    const cells = cellsOf(values);
    const n = s.indicators.length;
    if (cells.values.length !== n)
      fail(
        "#VALUE!",
        `应选 ${n} 个指标值（按 ${s.indicators.map((i) => i.code).join("–")} 顺序），实际为 ${cells.rows} 行 × ${cells.cols} 列`,
        `select the ${n} indicator values (in ${s.indicators[0].code}–${s.indicators[n - 1].code} order); got ${cells.rows} × ${cells.cols}`
      );
    const vals = cells.values.map((c) => {
      const r = readNumber(c);
      return r.ok ? r.value : null;
    });
    const settings = settingsFor(s);
    const j = judgeValues(vals, st, settings, lang);
    const t = VERDICT[lang];
    const word = j.status === "pass" ? t.pass : j.status === "fail" ? t.fail : t.incomplete;
    if (!wantDetail(detail)) return word;
    const short = (id: string): string => s.indicators.find((i) => i.id === id)?.short[lang] ?? id;
    const sep = lang === "zh-CN" ? "；" : "; ";
    if (j.status === "fail" && j.failure)
      return `${word}${lang === "zh-CN" ? "：" : ": "}${failReason(j.failure, lang)}`;
    if (j.status === "incomplete") {
      const list = j.missing.map(short).join(lang === "zh-CN" ? "、" : ", ");
      return lang === "zh-CN" ? `${word}：缺 ${list}` : `${word}: missing ${list}`;
    }
    const bits = [lang === "zh-CN" ? `${j.metCount} 项达标` : `${j.metCount} met`];
    if (j.atFloor.length)
      bits.push(
        lang === "zh-CN"
          ? `${j.atFloor.map(short).join("、")} 达到85%`
          : `${j.atFloor.map(short).join(", ")} at 85%`
      );
    return `${word}${lang === "zh-CN" ? "（" : " ("}${bits.join(sep)}${lang === "zh-CN" ? "）" : ")"}`;
  });
}

function wantDetail(v: unknown): boolean {
  if (omitted(v)) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  const k = keyOf(v);
  return k === "true" || k === "是" || k === "详细" || k === "detail";
}

/**
 * JH.CVCHECK(values, students, stage, [indicator], [standard]): the CV against the stage's limit → TRUE / FALSE,
 * or 数据不全 (Incomplete) when it would pass but some rows lack data (the engine's "k of n" rule: an incomplete CV
 * cannot pass).
 */
export function cvCheck(
  values: unknown,
  students: unknown,
  stage: unknown,
  indicator?: unknown,
  std?: unknown
): boolean | string | FunctionError {
  return guard((lang) => {
    const s = parseStandard(std);
    const st = parseStage(stage);
    if (!omitted(indicator)) parseIndicator(indicator, s);
    const limit = s.cv.perIndicatorLimit?.[st];
    if (limit === undefined) {
      const comp = s.cv.compositeLimit?.[st];
      const shown = comp === undefined ? "" : formatNumber(comp, 2);
      fail(
        "#N/A",
        `${s.id} 检验的是 8 项差异系数的平均值（综合 ≤ ${shown}），不是单项：请用 AVERAGE(JH.CVWEIGHTED(…), …) <= JH.CVLIMIT(学段, "${s.id}")`,
        `${s.id} tests the mean of the 8 CVs (composite ≤ ${shown}), not one CV: use AVERAGE(JH.CVWEIGHTED(…), …) <= JH.CVLIMIT(stage, "${s.id}")`
      );
    }
    const r = cvOf(values, students);
    const ok = meetsMaximum(r.cv, limit as number, settingsFor(s).policy.tolerance);
    if (ok && r.incomplete > 0) return VERDICT[lang].incomplete;
    return ok;
  });
}

/**
 * JH.SPLITSHARE(amount, primaryStudents, juniorStudents, part, [seniorStudents], [weights]): a stage part's share of a
 * whole-school quantity of a 一贯制 school (standards.md §9).
 */
export function split(
  amount: unknown,
  primaryStudents: unknown,
  juniorStudents: unknown,
  part: unknown,
  seniorStudents?: unknown,
  weights?: unknown
): number | FunctionError {
  return guard(() => {
    const p = parsePart(part);
    const w = parseWeights(weights);
    const a = requireNumber(amount, L("数额", "the amount"));
    const A = requireNumber(primaryStudents, L("小学在校生数", "primary students"));
    const B = requireNumber(juniorStudents, L("初中在校生数", "junior students"));
    const C = omitted(seniorStudents)
      ? 0
      : requireNumber(seniorStudents, L("高中在校生数", "senior students"));
    const share = splitShare(p, A, B, C, w);
    if (share === null)
      fail(
        "#VALUE!",
        "各学段在校生数均为 0，无法拆分",
        "all stages have 0 students: nothing to split by"
      );
    return a * (share as number);
  });
}

type Band = "over" | "large" | "very-large";

const BAND_WORDS: Record<string, Band> = {
  超标: "over",
  超限: "over",
  over: "over",
  大班额: "large",
  large: "large",
  超大班额: "very-large",
  "very-large": "very-large",
  verylarge: "very-large",
};

/**
 * JH.CLASSSIZE(sizes, stage, [band]): how many classes are over the stage's limit (> 45 小学, > 50 初中), or with
 * band 大班额 (56–65) / 超大班额 (≥ 66), how many fall in that band (standards.md §10, §13).
 */
export function classSize(sizes: unknown, stage: unknown, band?: unknown): number | FunctionError {
  return guard(() => {
    const st: Stage = parseStage(stage);
    let b: Band = "over";
    if (!omitted(band)) {
      const found = BAND_WORDS[keyOf(band)];
      if (!found)
        fail(
          "#VALUE!",
          `班额档「${String(band)}」无法识别：请填 超标（默认）、大班额 或 超大班额`,
          `unknown band "${String(band)}": use over (default), large (大班额) or very-large (超大班额)`
        );
      b = found;
    }
    const lim = DEFAULT_SCHOOL_ROW_LIMITS;
    let seen = 0;
    let count = 0;
    for (const c of cellsOf(sizes).values) {
      const r = readNumber(c);
      if (!r.ok) continue;
      seen++;
      const v = r.value;
      if (
        b === "over"
          ? v > lim.classSize[st]
          : b === "large"
            ? v >= lim.largeClassFrom && v < lim.veryLargeClassFrom
            : v >= lim.veryLargeClassFrom
      )
        count++;
    }
    if (seen === 0) fail("#N/A", "区域中没有班额数字", "the range holds no class sizes");
    return count;
  });
}
