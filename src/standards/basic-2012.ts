import { IndicatorDefinition, IndicatorId, StandardDefinition } from "./types";
import { QUALITY_2017 } from "./quality-2017";

/**
 * 《县域义务教育均衡发展督导评估暂行办法》 教督〔2012〕3号 (standards.md §4).
 * No national per-school thresholds: values are shown without a verdict. County test: the composite
 * (mean of the 8 CVs) ≤ 0.65 primary / ≤ 0.55 junior (widely cited, official text not seen).
 */
const SOURCE = "教督〔2012〕3号 表2";

function shared(id: IndicatorId, code: string): IndicatorDefinition {
  const base = QUALITY_2017.indicators.find((i) => i.id === id);
  if (!base) throw new Error(`unknown indicator ${id}`);
  const { threshold: _t, floor: _f, ...rest } = base;
  return { ...rest, code, source: SOURCE };
}

function ratio(
  id: IndicatorId,
  code: string,
  zh: string,
  en: string,
  short: [string, string],
  numerator: IndicatorDefinition["numerator"],
  gapUnit: [string, string],
  unit: [string, string],
  scale: number,
  decimals: number
): IndicatorDefinition {
  return {
    id,
    code,
    name: { "zh-CN": zh, en },
    short: { "zh-CN": short[0], en: short[1] },
    unit: { "zh-CN": unit[0], en: unit[1] },
    numerator,
    gapUnit: { "zh-CN": gapUnit[0], en: gapUnit[1] },
    scale,
    integerGap: true,
    decimals,
    comparison: ">=",
    source: SOURCE,
  };
}

export const BASIC_2012: StandardDefinition = {
  id: "basic-2012",
  name: {
    "zh-CN": "县域义务教育均衡发展督导评估暂行办法（2012）",
    en: "Basic balanced development (2012)",
  },
  document: "教督〔2012〕3号",
  indicators: [
    shared("teaching_space_per_student", "1"),
    shared("sports_space_per_student", "2"),
    shared("equipment_value_per_student", "3"),
    ratio(
      "computers_per_100",
      "4",
      "每百名学生拥有计算机台数",
      "Computers per 100 students",
      ["计算机", "Computers"],
      "computers",
      ["台计算机", "computers"],
      ["台", "units"],
      100,
      2
    ),
    ratio(
      "books_per_student",
      "5",
      "生均图书册数",
      "Library books per student",
      ["图书", "Books"],
      "books",
      ["册图书", "books"],
      ["册", "books"],
      1,
      2
    ),
    // Teacher ratios display to 3 dp as in 表2 (the only exception to 2 dp).
    ratio(
      "teachers_per_student",
      "6",
      "师生比",
      "Teacher–student ratio",
      ["师生比", "Teacher ratio"],
      "teachers",
      ["名专任教师", "teachers"],
      ["", ""],
      1,
      3
    ),
    ratio(
      "qualified_teachers_per_student",
      "7",
      "生均高于规定学历教师数",
      "Teachers above required qualification per student",
      ["高学历", "Qualified"],
      "qualified_teachers",
      ["名高于规定学历教师", "qualified teachers"],
      ["", ""],
      1,
      3
    ),
    ratio(
      "senior_title_teachers_per_student",
      "8",
      "生均中级及以上专业技术职务教师数",
      "Teachers with intermediate or higher titles per student",
      ["中级职称", "Titled"],
      "senior_title_teachers",
      ["名中级及以上职称教师", "titled teachers"],
      ["", ""],
      1,
      3
    ),
  ],
  cv: { compositeLimit: { primary: 0.65, junior: 0.55 }, source: "省级实施办法（国家原文未见）" },
  schoolChecks: [],
};
