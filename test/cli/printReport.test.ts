/** The CLI's text report: what a clerk reads on the terminal. */
import { renderText } from "../../src/cli/printReport";
import { checkWorkbook } from "../../src/engine/report";
import { sheet, workbook } from "../engine/helpers";

test("columns the standard needs but the table lacks are named as fields in the reader's language, not as keys", () => {
  // A table without any 高学历 column: qualified_teachers is unmapped.
  const { report } = checkWorkbook(
    workbook(
      sheet("小学", [
        ["学校名称", "在校生数", "县级以上骨干教师数", "体育教师", "音乐教师", "美术教师"],
        ["甲小学", 500, 5, 2, 1, 1],
      ])
    )
  );
  expect(report.tables[0].unmapped).toContain("qualified_teachers");
  const zh = renderText(report, "a.xlsx", "zh-CN");
  const en = renderText(report, "a.xlsx", "en");
  const zhLine = zh.split("\n").find((l) => l.includes("未找到的列"));
  const enLine = en.split("\n").find((l) => l.includes("Columns not found"));
  expect(zhLine).toContain("高于规定学历教师数");
  expect(zhLine).not.toContain("qualified_teachers");
  expect(enLine).not.toContain("qualified_teachers");
});
