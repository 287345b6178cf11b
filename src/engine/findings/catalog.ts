/**
 * Every finding the engine can raise: a stable kebab-case code, a severity, a category (which fill a
 * marked cell gets) and a title in both languages. Codes are part of the report format: they may be added,
 * never renamed (docs/report-format.md). Each code's typed parameters are declared in ./params.ts; its
 * message is rendered from them by src/present/findingText.ts.
 */
import type { FindingCode } from "./params";

export type { FindingCode };
export type Severity = "error" | "warning" | "info";
/** "data" findings get the data-problem fill; "standard" findings the missed-standard fill. */
export type FindingCategory = "data" | "standard" | "table";

export interface FindingSpec {
  severity: Severity;
  category: FindingCategory;
  title: { "zh-CN": string; en: string };
  /**
   * The finding means part of the workbook was not assessed (a school left out, values that could not be
   * read): the verdict cannot pass while it stands (`summary.meets` null, docs/decisions.md).
   */
  blocksVerdict?: true;
}

export const FINDINGS: { readonly [C in FindingCode]: FindingSpec } = {
  "missing-value": {
    severity: "error",
    category: "data",
    title: { "zh-CN": "缺少数据", en: "Missing value" },
  },
  "not-a-number": {
    severity: "error",
    category: "data",
    title: { "zh-CN": "不是数字", en: "Not a number" },
  },
  "error-value": {
    severity: "error",
    category: "data",
    title: { "zh-CN": "公式错误值", en: "Formula error" },
  },
  "negative-value": {
    severity: "error",
    category: "data",
    title: { "zh-CN": "负数", en: "Negative value" },
  },
  "fractional-count": {
    severity: "warning",
    category: "data",
    title: { "zh-CN": "人数或间数不是整数", en: "Fractional count" },
  },
  "unit-inferred": {
    severity: "warning",
    category: "table",
    title: { "zh-CN": "单位为推断", en: "Unit inferred" },
  },
  "unit-unknown": {
    severity: "error",
    category: "table",
    title: { "zh-CN": "无法识别的单位", en: "Unknown unit" },
  },
  "unit-conflict": {
    severity: "warning",
    category: "data",
    title: { "zh-CN": "单元格单位与表头不同", en: "Cell unit differs from header" },
  },
  "impossible-value": {
    severity: "error",
    category: "data",
    title: { "zh-CN": "数据矛盾", en: "Impossible value" },
  },
  "duplicate-school": {
    severity: "warning",
    category: "data",
    title: { "zh-CN": "学校重复", en: "Duplicate school" },
  },
  "duplicate-row": {
    severity: "error",
    category: "data",
    title: { "zh-CN": "重复录入的行", en: "Row entered twice" },
  },
  "total-mismatch": {
    severity: "warning",
    category: "data",
    title: { "zh-CN": "合计与明细不符", en: "Total does not match" },
  },
  "unmapped-field": {
    severity: "error",
    category: "table",
    title: { "zh-CN": "缺少必需的列", en: "Required column not found" },
  },
  "column-ambiguous": {
    severity: "warning",
    category: "table",
    title: { "zh-CN": "同一项有多列", en: "Several columns for one field" },
  },
  "unknown-stage": {
    severity: "error",
    category: "data",
    title: { "zh-CN": "学段不明", en: "Unknown stage" },
    blocksVerdict: true,
  },
  "stage-assumed": {
    severity: "warning",
    category: "data",
    title: { "zh-CN": "学段为推定", en: "Stage assumed" },
  },
  "name-missing": {
    severity: "error",
    category: "data",
    title: { "zh-CN": "缺少学校名称", en: "School name missing" },
    blocksVerdict: true,
  },
  "formula-uncached": {
    severity: "error",
    category: "data",
    title: { "zh-CN": "公式没有计算结果", en: "Formulas without results" },
    blocksVerdict: true,
  },
  "table-unreadable": {
    severity: "error",
    category: "table",
    title: { "zh-CN": "表格无法识别", en: "Table not readable" },
    blocksVerdict: true,
  },
  "hidden-sheet-skipped": {
    severity: "info",
    category: "table",
    title: { "zh-CN": "隐藏的工作表未检查", en: "Hidden sheet skipped" },
  },
  "hidden-rows-read": {
    severity: "info",
    category: "table",
    title: { "zh-CN": "隐藏的行已计入", en: "Hidden rows read" },
  },
  "hidden-columns-read": {
    severity: "warning",
    category: "table",
    title: { "zh-CN": "隐藏的列已计入", en: "Hidden columns read" },
  },
  "split-apportioned": {
    severity: "warning",
    category: "data",
    title: { "zh-CN": "一贯制学校按比例拆分", en: "Combined school apportioned" },
  },
  "branch-merged": {
    severity: "info",
    category: "data",
    title: { "zh-CN": "分校区并入本部", en: "Branch merged" },
  },
  "school-excluded": {
    severity: "info",
    category: "data",
    title: { "zh-CN": "不纳入评估", en: "Excluded" },
  },
  // §6: "0 students → school skipped with a warning" (a closed school's row of zeros, or a stage left blank).
  "school-no-students": {
    severity: "warning",
    category: "data",
    title: { "zh-CN": "在校生数为 0", en: "No students" },
  },
  "precomputed-mismatch": {
    severity: "warning",
    category: "data",
    title: { "zh-CN": "表中比值与重算不符", en: "Precomputed ratio differs" },
  },
  "ratio-scale-suspect": {
    severity: "warning",
    category: "table",
    title: { "zh-CN": "每百名比值可能未乘100", en: "Per-100 ratio may lack ×100" },
  },
  "value-scale-suspect": {
    severity: "warning",
    category: "data",
    title: { "zh-CN": "数值量级可疑", en: "Value out of scale" },
  },
  "bachelor-for-primary": {
    severity: "warning",
    category: "table",
    title: { "zh-CN": "小学学历口径", en: "Primary degree basis" },
  },
  "below-standard": {
    severity: "warning",
    category: "standard",
    title: { "zh-CN": "指标未达标", en: "Below standard" },
  },
  "school-fails": {
    severity: "error",
    category: "standard",
    title: { "zh-CN": "学校未达标", en: "School does not meet the standard" },
  },
  "school-incomplete": {
    severity: "warning",
    category: "standard",
    title: { "zh-CN": "学校数据不全", en: "School data incomplete" },
  },
  "cv-over-limit": {
    severity: "error",
    category: "standard",
    title: { "zh-CN": "差异系数超标", en: "CV over limit" },
  },
  "cv-incomplete": {
    severity: "warning",
    category: "standard",
    title: { "zh-CN": "差异系数数据不全", en: "CV computed on part of the schools" },
  },
  "cv-one-school": {
    severity: "warning",
    category: "standard",
    title: { "zh-CN": "只有一所学校", en: "Only one school" },
  },
  "cv-not-assessable": {
    severity: "warning",
    category: "standard",
    title: { "zh-CN": "差异系数无法计算", en: "CV cannot be computed" },
  },
  borderline: {
    severity: "warning",
    category: "standard",
    title: { "zh-CN": "临界值", en: "Borderline" },
  },
  "class-size": {
    severity: "error",
    category: "standard",
    title: { "zh-CN": "班额超标", en: "Class too large" },
  },
  "class-size-undetermined": {
    severity: "warning",
    category: "standard",
    title: { "zh-CN": "班额无法判定", en: "Class size not determinable" },
  },
  "school-size": {
    severity: "error",
    category: "standard",
    title: { "zh-CN": "学校规模超标", en: "School too large" },
  },
  "music-art-rooms": {
    severity: "error",
    category: "standard",
    title: { "zh-CN": "音乐美术专用教室不足", en: "Too few music/art rooms" },
  },
  // 「县级指标」 and the whole assessment (standards.md §17.6, §17.8).
  "county-no-header": {
    severity: "error",
    category: "table",
    title: { "zh-CN": "县级指标表无表头", en: "County sheet has no header" },
  },
  "county-unknown-code": {
    severity: "warning",
    category: "data",
    title: { "zh-CN": "未知的县级指标代码", en: "Unknown county code" },
  },
  "county-duplicate-code": {
    severity: "error",
    category: "data",
    title: { "zh-CN": "县级指标代码重复", en: "County code given twice" },
  },
  "county-bad-value": {
    severity: "error",
    category: "data",
    title: { "zh-CN": "县级指标数值无效", en: "Invalid county value" },
  },
  "county-bad-unit": {
    severity: "error",
    category: "data",
    title: { "zh-CN": "县级指标单位无法换算", en: "County unit cannot be converted" },
  },
  "county-school-mismatch": {
    severity: "warning",
    category: "data",
    title: { "zh-CN": "县级数与学校表不一致", en: "County figure differs from the school table" },
  },
  "county-rate-differs": {
    severity: "warning",
    category: "data",
    title: {
      "zh-CN": "直接填写的比例与计算值不一致",
      en: "Entered rate differs from the computed one",
    },
  },
  "county-sheet-ignored": {
    severity: "warning",
    category: "table",
    title: { "zh-CN": "工作簿中的县级指标表未使用", en: "County sheet in the workbook ignored" },
  },
  "assessment-partial-input": {
    severity: "warning",
    category: "data",
    title: { "zh-CN": "评估项目输入不全", en: "Assessment item partly entered" },
  },
  "assessment-item-fails": {
    severity: "warning",
    category: "standard",
    title: { "zh-CN": "评估项目未达标", en: "Assessment item not met" },
  },
  "no-table": {
    severity: "info",
    category: "table",
    title: { "zh-CN": "工作表中没有学校表", en: "No school table in sheet" },
  },
};
