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
