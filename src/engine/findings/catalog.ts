/**
 * Every finding the engine can raise: a stable kebab-case code, a severity, a category (which fill a
 * marked cell gets) and message templates in both languages. Codes are part of the report format:
 * they may be added, never renamed (docs/report-format.md).
 *
 * Templates use {placeholders}; values are formatted by the caller (numbers already localised).
 */
export type Severity = "error" | "warning" | "info";
/** "data" findings get the data-problem fill; "standard" findings the missed-standard fill. */
export type FindingCategory = "data" | "standard" | "table";

export interface FindingSpec {
  severity: Severity;
  category: FindingCategory;
  title: { "zh-CN": string; en: string };
  template: { "zh-CN": string; en: string };
  /**
   * The finding means part of the workbook was not assessed (a school left out, values that could not be
   * read): the verdict cannot pass while it stands (`summary.meets` null, docs/decisions.md).
   */
  blocksVerdict?: true;
}

export const FINDINGS = {
  "missing-value": {
    severity: "error",
    category: "data",
    title: { "zh-CN": "缺少数据", en: "Missing value" },
    template: {
      "zh-CN": "「{field}」未填写{marker}，{indicator}无法计算",
      en: '"{field}" is empty{marker}; {indicator} cannot be computed',
    },
  },
  "not-a-number": {
    severity: "error",
    category: "data",
    title: { "zh-CN": "不是数字", en: "Not a number" },
    template: {
      "zh-CN": "「{field}」的值「{text}」不是数字",
      en: '"{field}" holds "{text}", which is not a number',
    },
  },
  "error-value": {
    severity: "error",
    category: "data",
    title: { "zh-CN": "公式错误值", en: "Formula error" },
    template: {
      "zh-CN": "「{field}」是错误值 {text}，按缺失处理",
      en: '"{field}" is the error value {text}; treated as missing',
    },
  },
  "negative-value": {
    severity: "error",
    category: "data",
    title: { "zh-CN": "负数", en: "Negative value" },
    template: { "zh-CN": "「{field}」为负数 {value}", en: '"{field}" is negative ({value})' },
  },
  "fractional-count": {
    severity: "warning",
    category: "data",
    title: { "zh-CN": "人数或间数不是整数", en: "Fractional count" },
    template: {
      "zh-CN": "「{field}」为 {value}，应为整数",
      en: '"{field}" is {value}; a whole number was expected',
    },
  },
  "unit-inferred": {
    severity: "warning",
    category: "table",
    title: { "zh-CN": "单位为推断", en: "Unit inferred" },
    template: {
      "zh-CN": "「{field}」列未注明单位，按数值大小推断为「{unit}」（生均中位数 {median}）",
      en: 'Column "{field}" has no unit; inferred "{unit}" from its magnitude (median per student {median})',
    },
  },
  "unit-unknown": {
    severity: "error",
    category: "table",
    title: { "zh-CN": "无法识别的单位", en: "Unknown unit" },
    template: {
      "zh-CN": "「{field}」的单位「{unit}」无法换算，请改为{expected}",
      en: '"{field}" is in "{unit}", which cannot be converted; use {expected}',
    },
  },
  "unit-conflict": {
    severity: "warning",
    category: "data",
    title: { "zh-CN": "单元格单位与表头不同", en: "Cell unit differs from header" },
    template: {
      "zh-CN": "「{field}」单元格写明「{cellUnit}」，与表头「{headerUnit}」不同，按单元格单位计算",
      en: '"{field}" says "{cellUnit}" but the header says "{headerUnit}"; the cell\'s unit is used',
    },
  },
  "implausible-value": {
    severity: "warning",
    category: "data",
    title: { "zh-CN": "数值可疑", en: "Implausible value" },
    template: {
      "zh-CN": "{indicator} 为 {value}，超出常见范围，请核对「{field}」的单位和数值",
      en: '{indicator} is {value}, outside the usual range; check the unit and value of "{field}"',
    },
  },
  "impossible-value": {
    severity: "error",
    category: "data",
    title: { "zh-CN": "数据矛盾", en: "Impossible value" },
    template: { "zh-CN": "{detail}", en: "{detail}" },
  },
  "duplicate-school": {
    severity: "warning",
    category: "data",
    title: { "zh-CN": "学校重复", en: "Duplicate school" },
    template: {
      "zh-CN": "「{school}」在第 {other} 行已出现",
      en: '"{school}" already appears in row {other}',
    },
  },
  "total-mismatch": {
    severity: "warning",
    category: "data",
    title: { "zh-CN": "合计与明细不符", en: "Total does not match" },
    template: {
      "zh-CN": "「{label}」行的「{field}」为 {total}，而各校之和为 {sum}",
      en: '"{label}" row: "{field}" is {total} but the schools add up to {sum}',
    },
  },
  "unmapped-field": {
    severity: "error",
    category: "table",
    title: { "zh-CN": "缺少必需的列", en: "Required column not found" },
    template: {
      "zh-CN": "工作表「{sheet}」中找不到「{field}」列，{indicator}无法计算",
      en: 'Sheet "{sheet}" has no "{field}" column; {indicator} cannot be computed',
    },
  },
  "unknown-stage": {
    severity: "error",
    category: "data",
    title: { "zh-CN": "学段不明", en: "Unknown stage" },
    template: {
      "zh-CN": "无法判断「{school}」的学段（{detail}），该校未纳入计算，请填写学段或学校类型",
      en: 'Cannot tell the stage of "{school}" ({detail}); the school is left out: fill in its stage or school type',
    },
    blocksVerdict: true,
  },
  "stage-assumed": {
    severity: "warning",
    category: "data",
    title: { "zh-CN": "学段为推定", en: "Stage assumed" },
    template: {
      "zh-CN": "「{school}」：{detail}",
      en: '"{school}": {detail}',
    },
  },
  "name-missing": {
    severity: "error",
    category: "data",
    title: { "zh-CN": "缺少学校名称", en: "School name missing" },
    template: {
      "zh-CN": "工作表「{sheet}」第 {row} 行有数据但没有学校名称，该行未纳入计算",
      en: 'Sheet "{sheet}" row {row} has figures but no school name; the row is left out',
    },
    blocksVerdict: true,
  },
  "formula-uncached": {
    severity: "error",
    category: "data",
    title: { "zh-CN": "公式没有计算结果", en: "Formulas without results" },
    template: {
      "zh-CN":
        "工作表「{sheet}」有 {count} 个公式没有计算结果（如 {cell}）：请在 Excel 或 WPS 中打开并保存后再检查",
      en: 'Sheet "{sheet}" has {count} formulas without a computed result (e.g. {cell}): open and save it in Excel or WPS, then check again',
    },
    blocksVerdict: true,
  },
  "table-unreadable": {
    severity: "error",
    category: "table",
    title: { "zh-CN": "表格无法识别", en: "Table not readable" },
    template: {
      "zh-CN":
        "工作表「{sheet}」第 {row} 行又出现表头，但其下的表格无法识别（缺少学校名称或数据），该部分未纳入计算",
      en: 'Sheet "{sheet}" has another header at row {row}, but the table under it cannot be read (no school names or figures); it is left out',
    },
    blocksVerdict: true,
  },
  "hidden-sheet-skipped": {
    severity: "info",
    category: "table",
    title: { "zh-CN": "隐藏的工作表未检查", en: "Hidden sheet skipped" },
    template: {
      "zh-CN":
        "工作表「{sheet}」是隐藏的，未检查（如需检查，请使用 --include-hidden 或设置 includeHiddenSheets）",
      en: 'Sheet "{sheet}" is hidden and was not checked (use --include-hidden or the includeHiddenSheets setting to check it)',
    },
  },
  "split-apportioned": {
    severity: "warning",
    category: "data",
    title: { "zh-CN": "一贯制学校按比例拆分", en: "Combined school apportioned" },
    template: {
      "zh-CN": "「{school}」为{type}，无分学段数据的列已拆分：{detail}",
      en: '"{school}" is a {type}; columns without per-stage figures were apportioned: {detail}',
    },
  },
  "branch-merged": {
    severity: "info",
    category: "data",
    title: { "zh-CN": "分校区并入本部", en: "Branch merged" },
    template: {
      "zh-CN": "「{school}」（不计校数）并入「{parent}」",
      en: '"{school}" (not counted as a school) merged into "{parent}"',
    },
  },
  "school-excluded": {
    severity: "info",
    category: "data",
    title: { "zh-CN": "不纳入评估", en: "Excluded" },
    template: {
      "zh-CN": "「{school}」不纳入评估：{reason}",
      en: '"{school}" is excluded: {reason}',
    },
  },
  "precomputed-mismatch": {
    severity: "warning",
    category: "data",
    title: { "zh-CN": "表中比值与重算不符", en: "Precomputed ratio differs" },
    template: {
      "zh-CN": "表中{indicator}为 {given}，按原始数据重算为 {computed}",
      en: "The sheet gives {indicator} = {given}; recomputed from the raw figures: {computed}",
    },
  },
  "ratio-scale-suspect": {
    severity: "warning",
    category: "table",
    title: { "zh-CN": "每百名比值可能未乘100", en: "Per-100 ratio may lack ×100" },
    template: {
      "zh-CN": "「{field}」列中位数为 {median}，可能未乘以 100",
      en: 'Column "{field}" has median {median}; it may lack the ×100',
    },
  },
  "below-standard": {
    severity: "warning",
    category: "standard",
    title: { "zh-CN": "指标未达标", en: "Below standard" },
    template: {
      "zh-CN": "{indicator} {value}{unit} < {threshold}{unit}（{stage}），还差 {gap}",
      en: "{indicator} {value}{unit} < {threshold}{unit} ({stage}); short by {gap}",
    },
  },
  "school-fails": {
    severity: "error",
    category: "standard",
    title: { "zh-CN": "学校未达标", en: "School does not meet the standard" },
    template: {
      "zh-CN": "「{school}」（{stage}）未达标：{reason}",
      en: '"{school}" ({stage}) does not meet the standard: {reason}',
    },
  },
  "school-incomplete": {
    severity: "warning",
    category: "standard",
    title: { "zh-CN": "学校数据不全", en: "School data incomplete" },
    template: {
      "zh-CN": "「{school}」（{stage}）数据不全，无法判定：缺 {missing}",
      en: '"{school}" ({stage}) cannot be judged: missing {missing}',
    },
  },
  "cv-over-limit": {
    severity: "error",
    category: "standard",
    title: { "zh-CN": "差异系数超标", en: "CV over limit" },
    template: {
      "zh-CN": "{stage}{indicator}差异系数 {cv} > {limit}",
      en: "{stage} {indicator}: CV {cv} > {limit}",
    },
  },
  "cv-incomplete": {
    severity: "warning",
    category: "standard",
    title: { "zh-CN": "差异系数数据不全", en: "CV computed on part of the schools" },
    template: {
      "zh-CN": "{stage}{indicator}差异系数只用了 {k}/{n} 所学校的数据",
      en: "{stage} {indicator}: CV uses {k} of {n} schools",
    },
  },
  borderline: {
    severity: "warning",
    category: "standard",
    title: { "zh-CN": "临界值", en: "Borderline" },
    template: {
      "zh-CN": "{indicator} 显示为 {shown}，但未舍入值 {value} {verdict}，请勿按显示值判断",
      en: "{indicator} shows {shown} but the unrounded {value} {verdict}; do not judge by the displayed value",
    },
  },
  "class-size": {
    severity: "error",
    category: "standard",
    title: { "zh-CN": "班额超标", en: "Class too large" },
    template: {
      "zh-CN": "「{school}」最大班额 {value} 人 > {limit} 人（{stage}）{band}",
      en: '"{school}": largest class {value} > {limit} ({stage}){band}',
    },
  },
  "class-size-undetermined": {
    severity: "warning",
    category: "standard",
    title: { "zh-CN": "班额无法判定", en: "Class size not determinable" },
    template: { "zh-CN": "「{school}」{detail}", en: '"{school}": {detail}' },
  },
  "school-size": {
    severity: "error",
    category: "standard",
    title: { "zh-CN": "学校规模超标", en: "School too large" },
    template: {
      "zh-CN": "「{school}」规模 {value} 人 > {limit} 人",
      en: '"{school}" has {value} students > {limit}',
    },
  },
  "music-art-rooms": {
    severity: "error",
    category: "standard",
    title: { "zh-CN": "音乐美术专用教室不足", en: "Too few music/art rooms" },
    template: { "zh-CN": "「{school}」{detail}", en: '"{school}": {detail}' },
  },
  // 「县级指标」 and the whole assessment (standards.md §17.6, §17.8).
  "county-no-header": {
    severity: "error",
    category: "table",
    title: { "zh-CN": "县级指标表无表头", en: "County sheet has no header" },
    template: {
      "zh-CN": "工作表「{sheet}」中没有含「代码」和「数值」的表头行，县级指标未读取",
      en: 'Sheet "{sheet}" has no header row with 代码 and 数值; the county data were not read',
    },
  },
  "county-unknown-code": {
    severity: "warning",
    category: "data",
    title: { "zh-CN": "未知的县级指标代码", en: "Unknown county code" },
    template: {
      "zh-CN": "代码「{code}」不是县级指标代码，该行未使用",
      en: 'Code "{code}" is not a county data code; the row was not used',
    },
  },
  "county-duplicate-code": {
    severity: "error",
    category: "data",
    title: { "zh-CN": "县级指标代码重复", en: "County code given twice" },
    template: {
      "zh-CN": "代码「{code}」出现在 {cells} 两行，两行都未使用",
      en: 'Code "{code}" appears in {cells}; neither row was used',
    },
  },
  "county-bad-value": {
    severity: "error",
    category: "data",
    title: { "zh-CN": "县级指标数值无效", en: "Invalid county value" },
    template: {
      "zh-CN": "「{code}」的数值「{text}」无效：应为{expected}",
      en: '"{code}" holds "{text}", which is invalid: expected {expected}',
    },
  },
  "county-bad-unit": {
    severity: "error",
    category: "data",
    title: { "zh-CN": "县级指标单位无法换算", en: "County unit cannot be converted" },
    template: {
      "zh-CN": "「{code}」的单位「{unit}」无法换算，请填 元 或 万元",
      en: '"{code}" is in "{unit}", which cannot be converted; use 元 or 万元',
    },
  },
  "county-school-mismatch": {
    severity: "warning",
    category: "data",
    title: { "zh-CN": "县级数与学校表不一致", en: "County figure differs from the school table" },
    template: {
      "zh-CN": "{what}：县级指标「{code}」为 {county}，学校表合计为 {schools}{used}",
      en: '{what}: county code "{code}" is {county}, the school table gives {schools}{used}',
    },
  },
  "county-rate-differs": {
    severity: "warning",
    category: "data",
    title: {
      "zh-CN": "直接填写的比例与计算值不一致",
      en: "Entered rate differs from the computed one",
    },
    template: {
      "zh-CN": "「{code}」填写为 {entered}%，按人数计算为 {computed}%，采用计算值",
      en: '"{code}" is entered as {entered}%, the counts give {computed}%; the computed value is used',
    },
  },
  "county-sheet-ignored": {
    severity: "warning",
    category: "table",
    title: { "zh-CN": "工作簿中的县级指标表未使用", en: "County sheet in the workbook ignored" },
    template: {
      "zh-CN": "已指定 --county {file}，被检查工作簿中的「县级指标」表未使用",
      en: "The 「县级指标」 sheet of the checked workbook was ignored: --county {file} was given",
    },
  },
  "assessment-partial-input": {
    severity: "warning",
    category: "data",
    title: { "zh-CN": "评估项目输入不全", en: "Assessment item partly entered" },
    template: {
      "zh-CN": "{item}：{detail}",
      en: "{item}: {detail}",
    },
  },
  "assessment-item-fails": {
    severity: "warning",
    category: "standard",
    title: { "zh-CN": "评估项目未达标", en: "Assessment item not met" },
    template: {
      "zh-CN": "{id} {item}未达标{detail}",
      en: "{id} {item} is not met{detail}",
    },
  },
  "no-table": {
    severity: "info",
    category: "table",
    title: { "zh-CN": "工作表中没有学校表", en: "No school table in sheet" },
    template: {
      "zh-CN": "工作表「{sheet}」中没有找到学校名单，已跳过",
      en: 'No school table found in sheet "{sheet}"; skipped',
    },
  },
} satisfies Record<string, FindingSpec>;

export type FindingCode = keyof typeof FINDINGS;

export function fillTemplate(
  template: string,
  params: Record<string, string | number | undefined>
): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    return v === undefined ? "" : String(v);
  });
}
