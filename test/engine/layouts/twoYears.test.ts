/**
 * Two columns for one field: last year's figures kept beside this year's (docs/decisions.md «Two columns for one
 * field»). The later period's column is read and a column-ambiguous warning names both; a better header match wins
 * without a word.
 */
import { checkWorkbook } from "../../../src/engine/report";
import { renderFinding } from "../../../src/present/findingText";
import { RawCell } from "../../../src/engine/workbook";
import { sheet, workbook } from "../helpers";

/** 学校名称, the two 在校生数 columns, 教学及辅助用房面积: 甲小学 with 800 students one year and 1000 the other. */
function check(first: string, second: string, a: number, b: number) {
  const rows: RawCell[][] = [
    ["学校名称", first, second, "教学及辅助用房面积(㎡)"],
    ["甲小学", a, b, 5000],
  ];
  const { report } = checkWorkbook(workbook(sheet("小学", rows)));
  return {
    students: report.schools[0].students,
    // 5000 ㎡ ÷ students
    space: report.schools[0].indicators.teaching_space_per_student.value,
    column: report.tables[0].columns.students,
    warnings: report.findings.filter((f) => f.code === "column-ambiguous"),
  };
}

test.each([
  ["2024年在校生数", "2025年在校生数", 800, 1000, "C"],
  ["2025年在校生数", "2024年在校生数", 1000, 800, "B"],
  ["上年在校生数", "本年在校生数", 800, 1000, "C"],
  ["本年在校生数", "去年在校生数", 1000, 800, "B"],
  ["2024学年在校生数", "2025学年在校生数", 800, 1000, "C"],
  ["上学期在校生数", "本学期在校生数", 800, 1000, "C"],
  ["实际在校生数", "本年在校生数", 800, 1000, "C"], // 本年 says this year; the other says no period
])("「%s | %s」: this year's column is read, with a warning naming both", (h1, h2, a, b, col) => {
  const r = check(h1, h2, a, b);
  expect(r.students).toBe(1000);
  expect(r.space).toBe(5); // 5000 ÷ 1000
  expect(r.column).toBe(col);
  expect(r.warnings).toHaveLength(1);
  const other = col === "B" ? "C" : "B";
  expect(r.warnings[0]).toMatchObject({
    severity: "warning",
    sheet: "小学",
    cell: `${col}1`,
    params: { field: "students", column: col, others: [other] },
  });
});

test("the message names the column read and the one left aside", () => {
  const r = check("2024年在校生数", "2025年在校生数", 800, 1000);
  expect(renderFinding(r.warnings[0], "zh-CN")).toBe(
    "工作表「小学」有多列都是「在校生数」：使用 C 列「2025年在校生数」，未使用 B 列「2024年在校生数」；如不对，请在「识别结果」中指定"
  );
  expect(renderFinding(r.warnings[0], "en")).toContain(
    'column C "2025年在校生数" is used, column B "2024年在校生数" not'
  );
});

test("two columns the header text cannot tell apart: the first is read, and the warning says so", () => {
  const r = check("在校学生数(人)", "在校学生数(人)", 1000, 800);
  expect(r.students).toBe(1000);
  expect(r.column).toBe("B");
  expect(r.warnings).toHaveLength(1);
});

test("a better header match wins without a warning: 在校生数 over 上年在校生数", () => {
  const r = check("上年在校生数", "在校生数", 800, 1000);
  expect(r.students).toBe(1000);
  expect(r.column).toBe("C");
  expect(r.warnings).toHaveLength(0);
});

test("one column per field: no warning", () => {
  const r = check("在校生数", "专任教师数", 1000, 60);
  expect(r.students).toBe(1000);
  expect(r.warnings).toHaveLength(0);
});
