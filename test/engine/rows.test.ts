/**
 * Which rows are schools, standards.md §8.1: summary, note, placeholder and empty rows are not.
 */
import { RowKind, classifyRow, isGrandTotal } from "../../src/engine/table/classifyRow";

describe("classifyRow", () => {
  const cases: [string | undefined, RowKind][] = [
    // Schools.
    ["城关第一小学", "school"],
    ["实验学校", "school"],
    ["城南九年一贯制学校", "school"],
    ["河口村教学点", "school"],
    ["县第一中学（初中部）", "school"],
    // Summary rows: equal, start or end with 合计/总计/小计; start with 全县/全区/全市/平均/区县均值.
    ["合计", "summary"],
    ["合 计", "summary"],
    ["总计", "summary"],
    ["小学小计", "summary"],
    ["初中合计", "summary"],
    ["合计（小学）", "summary"],
    ["全县", "summary"],
    ["全县合计", "summary"],
    ["全区平均", "summary"],
    // 汇总: the total row of an Excel table (zh-CN); 平均 / 均值 after the place name.
    ["汇总", "summary"],
    ["小学汇总", "summary"],
    ["县平均", "summary"],
    ["本县均值", "summary"],
    // An Excel table's total row made in an English Excel.
    ["Total", "summary"],
    ["Grand Total", "summary"],
    ["全市", "summary"],
    ["平均", "summary"],
    ["平均值", "summary"],
    ["区县均值", "summary"],
    // Notes.
    ["填表说明", "notes-start"],
    ["填表说明：", "notes-start"],
    ["说明：本表由学校填报", "notes-start"],
    ["注：本表不含民办学校", "note"],
    ["注:面积单位为平方米", "note"],
    ["其中：城区学校", "note"],
    ["1．本表数据截至2023年9月1日，由各校填报。", "note"],
    ["2、教学仪器设备值按账面原值填写。", "note"],
    // Short numbered note lines are notes too: a school name does not carry sentence punctuation.
    ["2．不含教学点。", "note"],
    ["3.单位：万元", "note"],
    ["1.城关小学", "school"],
    // Block headings inside the data (表Ⅱ-2: 小学 1…n, then 初中 1…n) are not schools.
    ["小学", "section"],
    ["初中", "section"],
    ["一、小学", "section"],
    ["二、初中", "section"],
    ["（一）九年一贯制学校", "section"],
    ["小学部分", "section"],
    ["教学点", "section"],
    ["城关小学教学点", "school"],
    ["初中部", "school"],
    // Every word of the summary and note lists, each with a first (or, for the endings, a last) character no
    // other word has at that end: classifyRow skips the lists for a label whose two ends match none of them.
    ["总计（初中）", "summary"],
    ["镇小计", "summary"],
    ["城关镇汇总", "summary"],
    ["东城平均值", "summary"],
    ["西城平均数", "summary"],
    ["全旗", "summary"],
    ["县均值", "summary"],
    ["subtotal", "summary"],
    ["SUM", "summary"],
    ["Average", "summary"],
    ["mean", "summary"],
    ["说明", "notes-start"],
    ["备注", "notes-start"],
    ["备注：见附表", "notes-start"],
    ["注1 面积含租用", "note"],
    ["注释", "note"],
    // Placeholders and empties.
    ["…", "placeholder"],
    ["……", "placeholder"],
    ["...", "placeholder"],
    ["", "empty"],
    ["　", "empty"],
    [undefined, "empty"],
  ];
  test.each(cases)("%j → %s", (label, kind) => {
    expect(classifyRow(label)).toBe(kind);
  });
});

describe("isGrandTotal", () => {
  test.each<[string, boolean]>([
    ["合计", true],
    ["全县", true],
    ["总计", true],
    ["汇总", true],
    ["小学汇总", false],
    ["Total", true],
    ["小学小计", false],
    ["初中合计", false],
  ])("%s → %s", (label, expected) => {
    expect(isGrandTotal(label)).toBe(expected);
  });
});
