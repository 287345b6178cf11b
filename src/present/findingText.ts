/**
 * The one renderer of finding messages: zh-CN and en from a finding's typed parameters (src/engine/findings/
 * params.ts). Every rule a message states — a limit, a weight, a share — comes from the parameters, which the
 * engine filled from the settings in force; nothing here knows a national figure.
 */
import { formatAsWritten, formatNumber, formatQuantity, roundHalfUp } from "../engine/format";
import { unrounded } from "./unrounded";
import type {
  FindingCode,
  FindingParamsByCode,
  PartialInputReason,
} from "../engine/findings/params";
import type { Finding, Lang } from "../engine/reportTypes";
import type { Stage } from "../standards/types";
import { COUNTY_CODE_BY_KEY } from "../standards/county-codes-2017";
import {
  excludedLabel,
  fieldName,
  gapText as gapTextOf,
  indicatorDef,
  indicatorName,
  indicatorShort,
  itemName,
  KIND_NAME,
  STAGE_HEADING,
  STAGE_NAME,
} from "./labels";

type Of<C extends FindingCode> = Extract<Finding, { code: C }>;
type Render<C extends FindingCode> = (f: Of<C>, lang: Lang) => string;

const zh = (lang: Lang): boolean => lang === "zh-CN";
const stageName = (s: Stage | null, lang: Lang): string => (s ? STAGE_NAME[s][lang] : "");
/** A stage at the start of a sentence: 小学 / Primary. */
const stageHeading = (s: Stage | null, lang: Lang): string => (s ? STAGE_HEADING[lang][s] : "");
const pct = (share: number): string => formatAsWritten(Math.round(share * 1e6) / 1e4) + "%";
const list = (items: string[], lang: Lang): string => items.join(zh(lang) ? "、" : ", ");

/** The longest cell text quoted in a message; a longer one is cut with "…". */
const QUOTE_MAX = 40;

/**
 * A cell's text as a message quotes it: control characters shown as spaces and cut at QUOTE_MAX characters.
 * A hostile or broken cell (100,000 「&」, a NUL) otherwise became a 100 KB line with a NUL in the terminal;
 * the finding's params keep the text as read.
 */
export function quoted(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, " ");
  const chars = [...clean];
  return chars.length > QUOTE_MAX ? chars.slice(0, QUOTE_MAX).join("") + "…" : clean;
}

/** The gap of a below-standard finding in natural units ("2 名县级以上骨干教师"), or null when unknown. */
export function gapText(
  gap: FindingParamsByCode["below-standard"]["gap"],
  lang: Lang
): string | null {
  return gap === null ? null : gapTextOf(gap.amount, gap.of, lang, formatQuantity);
}

/** Why a school fails (standards.md §3.3), with the rule in force: "仅 5 项达标（需至少 6 项）；…". */
/**
 * An indicator's short English name inside a sentence: "key teachers", "multimedia rooms" — the catalogue writes
 * them capitalised as labels ("Key teachers"); an acronym ("PE/arts teachers") stays as it is.
 */
export function inSentence(name: string, lang: Lang): string {
  return !zh(lang) && /^[A-Z][a-z]/.test(name) ? name[0].toLowerCase() + name.slice(1) : name;
}

export function failReason(p: FindingParamsByCode["school-fails"], lang: Lang): string {
  const bits: string[] = [];
  const floor = pct(p.floorShare);
  if (p.tooFewMet)
    bits.push(
      zh(lang)
        ? `仅 ${p.metCount} 项达标（需至少 ${p.minMet} 项）`
        : `only ${p.metCount} ${p.metCount === 1 ? "indicator" : "indicators"} met (at least ${p.minMet} needed)`
    );
  for (const b of p.belowFloor) {
    // Rounded half up like every share (66.67 %), except where that would show the floor itself: a share below the
    // floor is never written as the floor (84.9998 % is 「84.99%」, not 「85.00%（需 ≥ 85%）」).
    const pctValue = (b.ratio ?? 0) * 100;
    const rounded = roundHalfUp(pctValue, 2);
    const share =
      formatNumber(
        rounded >= p.floorShare * 100 && pctValue < p.floorShare * 100
          ? Math.floor(pctValue * 100) / 100
          : rounded,
        2
      ) + "%";
    // The first part may start the line; later ones follow a semicolon.
    const short =
      bits.length === 0
        ? indicatorShort(b.indicator, lang)
        : inSentence(indicatorShort(b.indicator, lang), lang);
    bits.push(
      zh(lang)
        ? `${short}仅为标准的 ${share}（需 ≥ ${floor}）`
        : `${short} only ${share} of the standard (${floor} needed)`
    );
  }
  return bits.join(zh(lang) ? "；" : "; ");
}

/** The indicators a school cannot be judged on: "生均体育场馆面积、每百名学生…". */
export function incompleteReason(p: FindingParamsByCode["school-incomplete"], lang: Lang): string {
  return list(
    p.missing.map((id) => inSentence(indicatorShort(id, lang), lang)),
    lang
  );
}

/** The weights in force for a split school, stage by stage: "小学 1 : 初中 1.1" (完全中学 "初中 1 : 高中 1.2"). */
function weightsText(p: FindingParamsByCode["split-apportioned"], lang: Lang): string {
  const stages: (Stage | "senior")[] =
    p.kind === "nine-year"
      ? ["primary", "junior"]
      : p.kind === "complete-secondary"
        ? ["junior", "senior"]
        : ["primary", "junior", "senior"];
  return stages.map((s) => `${STAGE_NAME[s][lang]} ${formatAsWritten(p.weights[s])}`).join(" : ");
}

const RENDER: { [C in FindingCode]: Render<C> } = {
  "missing-value": (f, l) => {
    const ids = f.params.indicators;
    const ind =
      ids.length === 1
        ? indicatorName(ids[0], l)
        : list(
            ids.map((id) => indicatorShort(id, l)),
            l
          );
    if (f.params.reason === "not-applicable")
      return zh(l)
        ? `「${f.params.header}」标为不适用，${ind}无法计算`
        : `"${f.params.header}" is marked not applicable; ${ind} cannot be computed`;
    return zh(l)
      ? `「${f.params.header}」未填写，${ind}无法计算`
      : `"${f.params.header}" is empty; ${ind} cannot be computed`;
  },
  "not-a-number": (f, l) =>
    zh(l)
      ? `「${f.params.header}」的值「${quoted(f.params.text)}」不是数字`
      : `"${f.params.header}" holds "${quoted(f.params.text)}", which is not a number`,
  "error-value": (f, l) =>
    zh(l)
      ? `「${f.params.header}」是错误值 ${quoted(f.params.text)}，按缺失处理`
      : `"${f.params.header}" is the error value ${quoted(f.params.text)}; treated as missing`,
  "negative-value": (f, l) =>
    zh(l)
      ? `「${f.params.header}」为负数 ${f.params.value}`
      : `"${f.params.header}" is negative (${f.params.value})`,
  "fractional-count": (f, l) =>
    zh(l)
      ? `「${f.params.header}」为 ${f.params.value}，应为整数`
      : `"${f.params.header}" is ${f.params.value}; a whole number was expected`,
  "unit-inferred": (f, l) => {
    const median = formatNumber(f.params.medianPerStudent, 2);
    return zh(l)
      ? `「${f.params.header}」列未注明单位，按数值大小推断为「${f.params.unit}」（生均中位数 ${median}）`
      : `Column "${f.params.header}" has no unit; inferred "${f.params.unit}" from its magnitude (median per student ${median})`;
  },
  "unit-unknown": (f, l) => {
    const expected =
      f.params.dimension === "money"
        ? zh(l)
          ? "元、千元、万元或亿元"
          : "元, 千元, 万元 or 亿元"
        : f.params.dimension === "area"
          ? zh(l)
            ? "平方米"
            : "m²"
          : zh(l)
            ? "表头所注单位"
            : "the header's unit";
    return zh(l)
      ? `「${f.params.header}」的单位「${f.params.unit}」无法换算，请改为${expected}`
      : `"${f.params.header}" is in "${f.params.unit}", which cannot be converted; use ${expected}`;
  },
  "unit-conflict": (f, l) =>
    zh(l)
      ? `「${f.params.header}」单元格写明「${f.params.cellUnit}」，与表头「${f.params.headerUnit}」不同，按单元格单位计算`
      : `"${f.params.header}" says "${f.params.cellUnit}" but the header says "${f.params.headerUnit}"; the cell's unit is used`,
  "impossible-value": (f, l) => {
    const p = f.params;
    const school = f.school ?? "";
    if (p.reason === "resources-without-students")
      return zh(l)
        ? `「${school}」在校生数为 0，但填有教师或校舍数据`
        : `"${school}" has 0 students but teachers or facilities`;
    const field = SUBSET_NAME[p.field ?? ""] ?? { "zh-CN": p.field ?? "", en: p.field ?? "" };
    const v = formatQuantity(p.value ?? 0);
    const t = formatQuantity(p.teachers ?? 0);
    return zh(l)
      ? `「${school}」${field["zh-CN"]} ${v} 人多于专任教师 ${t} 人`
      : `"${school}": ${v} ${field.en} > ${t} teachers`;
  },
  "duplicate-school": (f, l) =>
    zh(l)
      ? `「${f.school ?? ""}」在 ${f.params.otherSheet}!第 ${f.params.otherRow} 行已出现`
      : `"${f.school ?? ""}" already appears in row ${f.params.otherSheet}!${f.params.otherRow}`,
  "duplicate-row": (f, l) =>
    zh(l)
      ? `「${f.school ?? ""}」与 ${f.params.otherSheet}!第 ${f.params.otherRow} 行完全相同（重复录入），该校被计算了两次：请删除其中一行`
      : `"${f.school ?? ""}" is the same, figure for figure, as row ${f.params.otherSheet}!${f.params.otherRow} (entered twice) and is counted twice: delete one of the rows`,
  "total-mismatch": (f, l) => {
    const total = formatQuantity(f.params.total);
    const sum = formatQuantity(f.params.sum);
    return zh(l)
      ? `「${f.params.label}」行的「${f.params.header}」为 ${total}，而各校之和为 ${sum}`
      : `"${f.params.label}" row: "${f.params.header}" is ${total} but the schools add up to ${sum}`;
  },
  "column-ambiguous": (f, l) => {
    const p = f.params;
    const field = fieldName(p.field, l);
    const others = p.others.map((c, i) =>
      zh(l)
        ? `${c} 列「${quoted(p.otherHeaders[i] ?? "")}」`
        : `column ${c} "${quoted(p.otherHeaders[i] ?? "")}"`
    );
    return zh(l)
      ? `工作表「${f.sheet ?? ""}」有多列都是「${field}」：使用 ${p.column} 列「${quoted(p.header)}」，未使用 ${others.join("、")}；如不对，请在「识别结果」中指定`
      : `Sheet "${f.sheet ?? ""}" has several columns for "${field}": column ${p.column} "${quoted(p.header)}" is used, ${others.join(", ")} not; if that is wrong, choose the column under Recognised columns`;
  },
  "unmapped-field": (f, l) => {
    const field = fieldName(f.params.field, l);
    const inds =
      f.params.indicators === "all"
        ? zh(l)
          ? "所有指标"
          : "every indicator"
        : list(
            f.params.indicators.map((id) => indicatorName(id, l)),
            l
          );
    return zh(l)
      ? `工作表「${f.sheet ?? ""}」中找不到「${field}」列，${inds}无法计算`
      : `Sheet "${f.sheet ?? ""}" has no "${field}" column; ${inds} cannot be computed`;
  },
  "unknown-stage": (f, l) => {
    const school = f.school ?? "";
    switch (f.params.reason) {
      case "through-train-unspecified":
        return zh(l)
          ? `「${school}」：「一贯制」未写明九年或十二年，按九年一贯制处理`
          : `"${school}": "一贯制" without 九年/十二年; treated as 九年一贯制`;
      case "secondary-ambiguous":
        return zh(l)
          ? `无法判断「${school}」的学段（名称为「中学」，无法区分初中与高中），该校未纳入计算，请填写学段或学校类型`
          : `Cannot tell the stage of "${school}" (named "中学": junior or senior cannot be told apart); the school is left out: fill in its stage or school type`;
      case "no-evidence":
        return zh(l)
          ? `无法判断「${school}」的学段（无学段列、无分学段学生数，名称也无法判断），该校未纳入计算，请填写学段或学校类型`
          : `Cannot tell the stage of "${school}" (no stage column, no per-stage students, and the name does not tell); the school is left out: fill in its stage or school type`;
      case "no-stage-students": {
        const kind = KIND_NAME[f.params.kind ?? "nine-year"][l];
        return zh(l)
          ? `无法判断「${school}」的学段（${kind}缺少分学段在校生数，无法拆分），该校未纳入计算，请填写分学段在校生数`
          : `Cannot tell the stage of "${school}" (${kind} without per-stage student counts cannot be split); the school is left out: fill in its students per stage`;
      }
    }
  },
  "stage-assumed": (f, l) => {
    const school = f.school ?? "";
    switch (f.params.reason) {
      case "through-train-unspecified":
        return zh(l)
          ? `「${school}」：「一贯制」未写明九年或十二年，按九年一贯制处理`
          : `"${school}": "一贯制" without 九年/十二年; treated as 九年一贯制`;
      default:
        return zh(l)
          ? `「${school}」：学段为推定，请核对学段或学校类型`
          : `"${school}": the stage is assumed; check its stage or school type`;
    }
  },
  "name-missing": (f, l) =>
    zh(l)
      ? `工作表「${f.sheet ?? ""}」第 ${f.params.row} 行有数据但没有学校名称，该行未纳入计算`
      : `Sheet "${f.sheet ?? ""}" row ${f.params.row} has figures but no school name; the row is left out`,
  "formula-uncached": (f, l) =>
    zh(l)
      ? `工作表「${f.sheet ?? ""}」有 ${f.params.count} 个公式没有计算结果（如 ${f.params.first}）：请在 Excel 或 WPS 中打开并保存后再检查`
      : `Sheet "${f.sheet ?? ""}" has ${f.params.count} formulas without a computed result (e.g. ${f.params.first}): open and save it in Excel or WPS, then check again`,
  "table-unreadable": (f, l) =>
    zh(l)
      ? `工作表「${f.sheet ?? ""}」第 ${f.params.row} 行又出现表头，但其下的表格无法识别（缺少学校名称或数据），该部分未纳入计算`
      : `Sheet "${f.sheet ?? ""}" has another header at row ${f.params.row}, but the table under it cannot be read (no school names or figures); it is left out`,
  "hidden-sheet-skipped": (f, l) =>
    zh(l)
      ? `工作表「${f.sheet ?? ""}」是隐藏的，未检查（如需检查，请使用 --include-hidden 或设置 includeHiddenSheets）`
      : `Sheet "${f.sheet ?? ""}" is hidden and was not checked (use --include-hidden or the includeHiddenSheets setting to check it)`,
  "hidden-rows-read": (f, l) => {
    const shown =
      f.params.rows.join(zh(l) ? "、" : ", ") + (f.params.count > f.params.rows.length ? "…" : "");
    return zh(l)
      ? `工作表「${f.sheet ?? ""}」有 ${f.params.count} 行学校是隐藏的（第 ${shown} 行），已照常计入检查；如果它们不该计入，请删除这些行，不要只隐藏`
      : `Sheet "${f.sheet ?? ""}" has ${f.params.count} hidden school ${f.params.count === 1 ? "row" : "rows"} (${f.params.count === 1 ? "row" : "rows"} ${shown}); ${f.params.count === 1 ? "it was" : "they were"} checked like the others — delete rows that must not count, hiding them is not enough`;
  },
  "hidden-columns-read": (f, l) => {
    const p = f.params;
    const more = p.count > p.columns.length ? "…" : "";
    const one = p.count === 1;
    const named = p.columns.map((c, i) => {
      const h = p.headers[i] ? quoted(p.headers[i]) : "";
      return zh(l) ? `${c} 列${h ? `「${h}」` : ""}` : `column ${c}${h ? ` "${h}"` : ""}`;
    });
    return zh(l)
      ? `工作表「${f.sheet ?? ""}」中表格读取的 ${p.count} 列是隐藏的（${list(named, l)}${more}），已照常计入检查；请取消隐藏并核对${one ? "该列" : "这些列"}的数据，如果${one ? "它" : "它们"}不该计入，请删除${one ? "该列" : "这些列"}，不要只隐藏`
      : `Sheet "${f.sheet ?? ""}" has ${p.count} hidden ${one ? "column" : "columns"} the table reads (${list(named, l)}${more}); ${one ? "it was" : "they were"} checked like the others — unhide ${one ? "it" : "them"} and check the figures, and delete columns that must not count, hiding them is not enough`;
  },
  "split-apportioned": (f, l) => {
    const p = f.params;
    const bits: string[] = [];
    if (p.teacherColumns.length)
      bits.push(
        zh(l)
          ? `教师数（${list(p.teacherColumns, l)}）按学生数比例`
          : `teacher counts (${list(p.teacherColumns, l)}) by student share`
      );
    if (p.facilityColumns.length) {
      const by =
        p.method === "weights"
          ? zh(l)
            ? `按加权学生数（${weightsText(p, l)}）`
            : `by weighted students (${weightsText(p, l)})`
          : zh(l)
            ? "按学生数比例"
            : "by student share";
      bits.push(`${list(p.facilityColumns, l)} ${by}`);
    }
    const detail = bits.join(zh(l) ? "；" : "; ");
    return zh(l)
      ? `「${f.school ?? ""}」为${KIND_NAME[p.kind][l]}，无分学段数据的列已拆分：${detail}`
      : `"${f.school ?? ""}" is a ${KIND_NAME[p.kind][l]}; columns without per-stage figures were apportioned: ${detail}`;
  },
  "branch-merged": (f, l) =>
    zh(l)
      ? `「${f.school ?? ""}」（不计校数）并入「${f.params.parent}」`
      : `"${f.school ?? ""}" (not counted as a school) merged into "${f.params.parent}"`,
  "school-no-students": (f, l) =>
    zh(l)
      ? `「${f.school ?? ""}」在校生数为 0，已跳过，不计入差异系数和学校达标统计`
      : `"${f.school ?? ""}" has 0 students: skipped, left out of the CVs and the school count`,
  "school-excluded": (f, l) => {
    const reason = excludedLabel(f.params.reason, l, f.params.minStudents);
    return zh(l)
      ? `「${f.school ?? ""}」不纳入评估：${reason}`
      : `"${f.school ?? ""}" is excluded: ${reason}`;
  },
  "precomputed-mismatch": (f, l) => {
    const d = indicatorDef(f.indicator ?? "")?.decimals ?? 2;
    const ind = indicatorName(f.indicator, l);
    const given = formatNumber(f.params.given, d);
    const computed = formatNumber(f.params.computed, d);
    return zh(l)
      ? `表中${ind}为 ${given}，按原始数据重算为 ${computed}`
      : `The sheet gives ${ind} = ${given}; recomputed from the raw figures: ${computed}`;
  },
  "bachelor-for-primary": (f, l) =>
    zh(l)
      ? `「${f.params.header}」用作 ${f.params.schools} 所小学的高于规定学历教师数；小学应计专科及以上学历，本科及以上不含专科，这些学校的数值可能偏低。请补充专科及以上（或分学历）的列`
      : `"${f.params.header}" is used as the above-required-degree teachers of ${f.params.schools} primary ${f.params.schools === 1 ? "school" : "schools"}; for primary the standard counts associate degrees and above, so their values may be too low. Add an associate-and-above (or by-degree) column`,
  "ratio-scale-suspect": (f, l) => {
    const median = formatNumber(f.params.median, 4);
    return zh(l)
      ? `「${f.params.header}」列中位数为 ${median}，可能未乘以 100`
      : `Column "${f.params.header}" has median ${median}; it may lack the ×100`;
  },
  "value-scale-suspect": (f, l) => {
    const p = f.params;
    const name = indicatorName(f.indicator, l);
    // The indicator's own unit (㎡ / 元, m² / CNY), as below-standard writes it.
    const unit = indicatorDef(f.indicator ?? "")?.unit[l] ?? "";
    const v = `${formatNumber(p.value, 2)} ${unit}`;
    if (p.reason === "area-out-of-range") {
      const range = `${formatAsWritten(p.low)}–${formatAsWritten(p.high)} ${unit}`;
      return zh(l)
        ? `${name} ${v}，不在常见范围 ${range} 内：请核对面积的单位与在校生数`
        : `${name} ${v}, outside the usual ${range}: check the area's unit and the students`;
    }
    const median = `${formatNumber(p.median, 2)} ${unit}`;
    if (p.factor < 1) {
      const times = formatNumber(Math.round(1 / p.factor), 0);
      return zh(l)
        ? `${name} ${v}，仅为本学段各校中位数 ${median} 的 1/${times}：该校是否按「万元」或「千元」填写？请核对`
        : `${name} ${v}, 1/${times} of the stage's median ${median}: was it entered in 万元 or 千元? Please check`;
    }
    const times = formatNumber(Math.round(p.factor), 0);
    return zh(l)
      ? `${name} ${v}，是本学段各校中位数 ${median} 的 ${times} 倍：该校是否按「元」填写而表头为「万元」？请核对`
      : `${name} ${v}, ${times} times the stage's median ${median}: was it entered in 元 under a 万元 header? Please check`;
  },
  "below-standard": (f, l) => {
    const ind = indicatorDef(f.indicator ?? "");
    const name = indicatorName(f.indicator, l);
    // Per-student areas and amounts read with their unit (4.00 ㎡ < 4.5 ㎡); per-100 counts read bare (0.75 < 1).
    const perStudent = !!ind && ind.scale === 1 && (ind.unit.en === "m²" || ind.unit.en === "CNY");
    const unit = perStudent && ind ? " " + ind.unit[l] : "";
    const value = formatNumber(f.params.value, ind?.decimals ?? 2);
    const threshold = formatAsWritten(f.params.threshold);
    const gap = gapText(f.params.gap, l) ?? "—";
    const stage = stageName(f.stage, l);
    return zh(l)
      ? `${name} ${value}${unit} < ${threshold}${unit}（${stage}），还差 ${gap}`
      : `${name} ${value}${unit} < ${threshold}${unit} (${stage}); short by ${gap}`;
  },
  "school-fails": (f, l) =>
    zh(l)
      ? `「${f.school ?? ""}」（${stageName(f.stage, l)}）未达标：${failReason(f.params, l)}`
      : `"${f.school ?? ""}" (${stageName(f.stage, l)}) does not meet the standard: ${failReason(f.params, l)}`,
  "school-incomplete": (f, l) =>
    zh(l)
      ? `「${f.school ?? ""}」（${stageName(f.stage, l)}）数据不全，无法判定：缺 ${incompleteReason(f.params, l)}`
      : `"${f.school ?? ""}" (${stageName(f.stage, l)}) cannot be judged: missing ${incompleteReason(f.params, l)}`,
  "cv-over-limit": (f, l) => {
    const ind = f.indicator ? indicatorName(f.indicator, l) : zh(l) ? "综合" : "Composite";
    // A CV just over its limit that rounds onto it (0.5502 → 0.550) is written unrounded: 「0.550 > 0.55」 reads false.
    const shown = formatNumber(f.params.cv, 3);
    const cv = Number(shown) > f.params.limit ? shown : unrounded(f.params.cv);
    const limit = formatNumber(f.params.limit, 2);
    // English: the indicator's name leads (it is capitalised as a name), the stage follows in brackets, as in
    // below-standard — not "primary County-level or higher …".
    return zh(l)
      ? `${stageName(f.stage, l)}${ind}差异系数 ${cv} > ${limit}`
      : `${ind} (${stageName(f.stage, l)}): CV ${cv} > ${limit}`;
  },
  "cv-incomplete": (f, l) => {
    const ind = indicatorName(f.indicator, l);
    return zh(l)
      ? `${stageName(f.stage, l)}${ind}差异系数只用了 ${f.params.schools}/${f.params.of} 所学校的数据`
      : `${ind} (${stageName(f.stage, l)}): CV uses ${f.params.schools} of ${f.params.of} schools`;
  },
  "cv-one-school": (f, l) =>
    zh(l)
      ? `${stageName(f.stage, l)}只有 ${f.params.schools} 所学校参评：差异系数按定义为 0，不反映校际差异`
      : `${stageHeading(f.stage, l)}: only ${f.params.schools} school assessed — its CVs are 0 by definition and compare nothing`,
  "cv-not-assessable": (f, l) => {
    const ind = indicatorName(f.indicator, l);
    return zh(l)
      ? `${stageName(f.stage, l)}${ind}全县平均值为 ${formatNumber(f.params.mean, 2)}，差异系数无法计算（无法判定）`
      : `${ind} (${stageName(f.stage, l)}): the county mean is ${formatNumber(f.params.mean, 2)}, so the CV cannot be computed (no verdict)`;
  },
  borderline: (f, l) => {
    const ind = indicatorName(f.indicator, l);
    const verdict = f.params.meets
      ? zh(l)
        ? "达标"
        : "meets the standard"
      : zh(l)
        ? "未达标"
        : "does not meet it";
    // 12 significant digits: enough to see how far from the border it is, without the float noise of a sum
    // (1699.996, not 1699.9959999999999).
    const value = unrounded(f.params.value, 12);
    return zh(l)
      ? `${ind} 显示为 ${f.params.shown}，但未舍入值 ${value} ${verdict}，请勿按显示值判断`
      : `${ind} shows ${f.params.shown} but the unrounded ${value} ${verdict}; do not judge by the displayed value`;
  },
  "class-size": (f, l) => {
    const p = f.params;
    const school = f.school ?? "";
    const stage = stageName(f.stage, l);
    if (p.basis === "average")
      return zh(l)
        ? `「${school}」平均班额 ${p.value} 人 > ${p.limit} 人（${stage}），最大班额必然超标`
        : `"${school}": average class ${p.value} > ${p.limit} (${stage}), so the largest class exceeds it too`;
    const band =
      p.band === "very-large"
        ? zh(l)
          ? `，属超大班额（≥ ${p.veryLargeFrom} 人）`
          : `, a very large class (≥ ${p.veryLargeFrom})`
        : p.band === "large"
          ? zh(l)
            ? `，属大班额（${p.largeFrom}–${p.veryLargeFrom - 1} 人）`
            : `, a large class (${p.largeFrom}–${p.veryLargeFrom - 1})`
          : "";
    return zh(l)
      ? `「${school}」最大班额 ${p.value} 人 > ${p.limit} 人（${stage}）${band}`
      : `"${school}": largest class ${p.value} > ${p.limit} (${stage})${band}`;
  },
  "class-size-undetermined": (f, l) => {
    const { value, limits } = f.params;
    return zh(l)
      ? `「${f.school ?? ""}」最大班额 ${value} 人，需分学段数据才能判断（小学 ≤ ${limits.primary}、初中 ≤ ${limits.junior}）`
      : `"${f.school ?? ""}": largest class ${value}: needs per-stage figures (primary ≤ ${limits.primary}, junior ≤ ${limits.junior})`;
  },
  "school-size": (f, l) => {
    const p = f.params;
    const v = formatQuantity(p.value);
    const limit = formatQuantity(p.limit);
    const basis =
      p.basis === "compulsory" ? (zh(l) ? "（义务教育阶段）" : " (compulsory stages)") : "";
    return zh(l)
      ? `「${f.school ?? ""}」规模 ${v} 人${basis} > ${limit} 人`
      : `"${f.school ?? ""}" has ${v} students${basis} > ${limit}`;
  },
  "music-art-rooms": (f, l) => {
    const p = f.params;
    const room =
      p.room === "music" ? { "zh-CN": "音乐", en: "music" } : { "zh-CN": "美术", en: "art" };
    const school = f.school ?? "";
    if (p.areaPerRoom !== undefined && p.minArea !== undefined) {
      const per = p.areaPerRoom.toFixed(1);
      return zh(l)
        ? `「${school}」${room["zh-CN"]}教室平均每间 ${per} ㎡ < ${p.minArea} ㎡（按总面积 ÷ 间数）`
        : `"${school}": ${room.en} rooms average ${per} m² < ${p.minArea} m² (total ÷ rooms)`;
    }
    if (p.roomsOfAtLeast !== undefined)
      return zh(l)
        ? `「${school}」单间面积 ≥ ${p.roomsOfAtLeast} ㎡ 的${room["zh-CN"]}专用教室 ${p.rooms} 间，${p.classes} 个班需 ${p.required} 间（每 ${p.classesPerRoom} 个班 1 间）`
        : `"${school}": ${p.rooms} ${room.en} rooms of ≥ ${p.roomsOfAtLeast} m² each; ${p.classes} classes need ${p.required} (1 per ${p.classesPerRoom} classes)`;
    return zh(l)
      ? `「${school}」${room["zh-CN"]}专用教室 ${p.rooms} 间，${p.classes} 个班需 ${p.required} 间（每 ${p.classesPerRoom} 个班 1 间）`
      : `"${school}": ${p.rooms} ${room.en} rooms; ${p.classes} classes need ${p.required} (1 per ${p.classesPerRoom} classes)`;
  },
  "county-no-header": (f, l) =>
    zh(l)
      ? `工作表「${f.sheet ?? ""}」中没有含「代码」和「数值」的表头行，县级指标未读取`
      : `Sheet "${f.sheet ?? ""}" has no header row with 代码 and 数值; the county data were not read`,
  "county-unknown-code": (f, l) =>
    zh(l)
      ? `代码「${f.params.code}」不是县级指标代码，该行未使用`
      : `Code "${f.params.code}" is not a county data code; the row was not used`,
  "county-duplicate-code": (f, l) =>
    zh(l)
      ? `代码「${f.params.code}」出现在 ${f.params.cells.join("、")} 两行，两行都未使用`
      : `Code "${f.params.code}" appears in ${f.params.cells.join(", ")}; neither row was used`,
  "county-bad-value": (f, l) => {
    const p = f.params;
    if (p.expected === "part" && p.of !== undefined && p.limit !== undefined) {
      const limit = formatQuantity(p.limit);
      return zh(l)
        ? `「${p.code}」的数值「${quoted(p.text)}」无效：最多为 ${limit}（不能超过「${p.of}」），该项按未填处理`
        : `"${p.code}" holds "${quoted(p.text)}", which is invalid: it can be at most ${limit} (it cannot exceed "${p.of}"); the item is treated as not filled in`;
    }
    const expected = COUNTY_EXPECTED[f.params.expected][l];
    return zh(l)
      ? `「${f.params.code}」的数值「${quoted(f.params.text)}」无效：应为${expected}`
      : `"${f.params.code}" holds "${quoted(f.params.text)}", which is invalid: expected ${expected}`;
  },
  "county-bad-unit": (f, l) =>
    zh(l)
      ? `「${f.params.code}」的单位「${f.params.unit}」无法换算，请填 元 或 万元`
      : `"${f.params.code}" is in "${f.params.unit}", which cannot be converted; use 元 or 万元`,
  "county-school-mismatch": (f, l) => {
    const p = f.params;
    const what = COUNTY_CODE_BY_KEY.get(p.code.toLowerCase())?.label[l] ?? p.code;
    const county = formatQuantity(p.county);
    const schools = formatQuantity(p.schools);
    return zh(l)
      ? `${what}：县级指标「${p.code}」为 ${county}，学校表合计为 ${schools}，采用县级数`
      : `${what}: county code "${p.code}" is ${county}, the school table gives ${schools}; the county figure is used`;
  },
  "county-rate-differs": (f, l) => {
    const p = f.params;
    const computed = p.computed.toFixed(1);
    return zh(l)
      ? `「${p.code}」填写为 ${p.entered}%，按人数计算为 ${computed}%，采用计算值`
      : `"${p.code}" is entered as ${p.entered}%, the counts give ${computed}%; the computed value is used`;
  },
  "county-sheet-ignored": (f, l) =>
    zh(l)
      ? `已指定 --county ${f.params.file}，被检查工作簿中的「县级指标」表未使用`
      : `The 「县级指标」 sheet of the checked workbook was ignored: --county ${f.params.file} was given`,
  "assessment-partial-input": (f, l) =>
    `${itemName(f.params.item, l)}${zh(l) ? "：" : ": "}${partialInputText(f.params, f.school, l)}`,
  "assessment-item-fails": (f, l) => {
    const p = f.params;
    const name = itemName(p.item, l);
    const schools = p.schools.length ? (zh(l) ? "：" : ": ") + list(p.schools, l) : "";
    return zh(l) ? `${p.item} ${name}未达标${schools}` : `${p.item} ${name} is not met${schools}`;
  },
  "no-table": (f, l) =>
    zh(l)
      ? `工作表「${f.sheet ?? ""}」中没有找到学校名单，已跳过`
      : `No school table found in sheet "${f.sheet ?? ""}"; skipped`,
};

/** What a 「县级指标」 value should be (county-bad-value). */
const COUNTY_EXPECTED = {
  judgement: { "zh-CN": "是 或 否", en: "是 or 否 (yes / no)" },
  level: { "zh-CN": "Ⅰ–Ⅳ 级", en: "a level Ⅰ–Ⅳ" },
  number: { "zh-CN": "不小于 0 的数", en: "a number ≥ 0" },
  rate: { "zh-CN": "0–100 之间的百分数", en: "a percentage from 0 to 100" },
  gap: { "zh-CN": "0–1 之间的差异率（如 0.12）", en: "a gap rate from 0 to 1 (e.g. 0.12)" },
  part: { "zh-CN": "不大于其总数的数", en: "a number no larger than its total" },
};

/** Why an item was judged on part of its inputs (assessment-partial-input), from its reason code. */
function partialInputText(p: PartialInputReason, school: string | null, l: Lang): string {
  switch (p.reason) {
    case "condition-not-entered": {
      const label = COUNTY_CODE_BY_KEY.get(p.code.toLowerCase())?.label[l];
      const on = p.judgedOn === "salaries";
      return zh(l)
        ? `未填「${p.code}」${label ? `（${label}）` : ""}，仅按${on ? "工资比较" : "比例"}判断`
        : `${p.code}${label ? ` (${label})` : ""} not entered: judged on the ${on ? "salaries" : "share"} alone`;
    }
    case "bands-mismatch":
      return zh(l)
        ? `「${school ?? ""}」班额分段合计 ${p.bands} 个班，与班级数 ${p.classes} 不一致`
        : `"${school ?? ""}": class-size bands add up to ${p.bands}, but it has ${p.classes} classes`;
    case "largest-class-only":
      return zh(l)
        ? `${p.schools} 所学校只有最大班额，超标班级数按每校 1 个计（下限）`
        : p.schools === 1
          ? "1 school gives only its largest class: it counts as 1 class over the limit (a lower bound)"
          : `${p.schools} schools give only their largest class: each counts as 1 class over the limit (a lower bound)`;
    case "average-room-area":
      return zh(l)
        ? `${p.schools} 所学校只有音乐、美术教室的总面积，按总面积 ÷ 间数作为每间面积判断`
        : p.schools === 1
          ? "1 school gives only the total area of its music / art rooms: total ÷ rooms stands for each room"
          : `${p.schools} schools give only the total area of their music / art rooms: total ÷ rooms stands for each room`;
  }
}

/** Teacher counts that cannot exceed the school's 专任教师 (impossible-value). */
const SUBSET_NAME: Record<string, { "zh-CN": string; en: string }> = {
  qualified_teachers: { "zh-CN": "高于规定学历教师", en: "qualified teachers" },
  key_teachers: { "zh-CN": "骨干教师", en: "key teachers" },
  pe_arts_teachers: { "zh-CN": "体育、艺术专任教师", en: "PE/arts teachers" },
};

/** A finding's message in `lang`, from its parameters and the settings they carry. */
export function renderFinding(f: Finding, lang: Lang): string {
  return (RENDER[f.code] as Render<FindingCode>)(f as never, lang);
}

/** Both messages of a finding. */
export function renderMessages(f: Finding): Record<Lang, string> {
  return { "zh-CN": renderFinding(f, "zh-CN"), en: renderFinding(f, "en") };
}

/** Whether a finding's message already names its school (the sidebar then does not prefix it). */
export function namesSchool(code: FindingCode): boolean {
  return SCHOOL_NAMED.has(code);
}

const SCHOOL_NAMED = new Set<FindingCode>([
  "impossible-value",
  "duplicate-school",
  "duplicate-row",
  "unknown-stage",
  "stage-assumed",
  "split-apportioned",
  "branch-merged",
  "school-excluded",
  "school-no-students",
  "school-fails",
  "school-incomplete",
  "class-size",
  "class-size-undetermined",
  "school-size",
  "music-art-rooms",
]);
