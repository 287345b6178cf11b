/** The CLI's lines for the whole assessment: figures of compound items as a clerk reads them. */
import { renderAssessment } from "../../src/cli/printAssessment";
import { checkWorkbook } from "../../src/engine/report";
import { SECTION16_HEADER, SECTION16_ROWS, sheet, workbook } from "../engine/helpers";

test("Q9: a failing level is printed as a whole number (2, not 2.0); a 差异率 below 1 keeps 3 decimals", () => {
  const { report } = checkWorkbook(
    workbook(
      sheet("小学", [SECTION16_HEADER, ...SECTION16_ROWS]),
      sheet("县级指标", [
        ["代码", "数值", "单位", "说明"],
        ["Q9.math.level", "II"],
        ["Q9.math.gap", 0.1],
      ])
    )
  );
  const line = renderAssessment(report.assessment!, "zh-CN").find((l) => l.includes("Q9.math"));
  expect(line).toContain("Q9.math.level 2;");
  expect(line).toContain("Q9.math.gap 0.100");
  expect(line).not.toContain("2.0");
});

test("a failing item's gap is printed in natural units: G7 and G11", () => {
  const { report } = checkWorkbook(
    workbook(
      sheet("小学", [SECTION16_HEADER, ...SECTION16_ROWS]),
      sheet("县级指标", [
        ["代码", "数值", "单位", "说明"],
        // G7: 69 万元 ÷ 120 = 5750 < 6000; 6000 × 120 − 690000 = 30,000 元 short.
        ["G7.special_funds", 69, "万元"],
        ["G7.special_students", 120],
        // G11: 54 × 100 ÷ 600 = 9% < 10; 10% of 600 = 60 → 6 teachers short.
        ["G11.eligible", 600],
        ["G11.rotated", 54],
        ["G11.key_rotated", 12],
      ])
    )
  );
  const zh = renderAssessment(report.assessment!, "zh-CN");
  expect(zh.find((l) => l.includes("✗ G7"))).toContain("，还差 30,000 元");
  expect(zh.find((l) => l.includes("✗ G11"))).toContain("，还差 6 名教师");
  const en = renderAssessment(report.assessment!, "en");
  expect(en.find((l) => l.includes("✗ G11"))).toContain("; short by 6 teachers");
});
