/** Rows → schools: block headings give the stage, pre-numbered empty rows are not schools, edge rounding. */
import { checkWorkbook } from "../../src/engine/report";
import { roundHalfUp } from "../../src/engine/format";
import { sheet, workbook } from "./helpers";

test("a 「二、初中」 heading settles the stage of 「城关中学」 below it", () => {
  const { report } = checkWorkbook(
    workbook(
      sheet("学校", [
        ["学校名称", "在校生数", "教学及辅助用房面积(㎡)"],
        ["一、小学", null, null],
        ["城关小学", 1000, 5000],
        ["二、初中", null, null],
        ["城关中学", 800, 4800],
      ])
    )
  );
  const s = report.schools.find((x) => x.name === "城关中学")!;
  expect(s.stage).toBe("junior");
  // 4800 ÷ 800 = 6.0 ≥ 5.8 (初中), judged against the junior threshold.
  expect(s.indicators.teaching_space_per_student).toMatchObject({
    value: 6,
    threshold: 5.8,
    meets: true,
  });
  expect(report.findings.filter((f) => f.code === "unknown-stage")).toHaveLength(0);
});

test("pre-numbered empty template rows are not schools and raise nothing", () => {
  const { report } = checkWorkbook(
    workbook(
      sheet("小学", [
        ["序号", "学校名称", "在校生数", "教学及辅助用房面积(㎡)"],
        [1, "城关小学", 1000, 5000],
        [2, null, null, null],
        [3, null, null, null],
      ])
    )
  );
  expect(report.schools.map((s) => s.name)).toEqual(["城关小学"]);
  expect(report.findings.filter((f) => f.code === "unknown-stage")).toHaveLength(0);
});

test("a column missing from the template is one unmapped-field error, not one missing value per school", () => {
  const { report } = checkWorkbook(
    workbook(
      sheet("小学", [
        ["学校名称", "在校生数", "教学及辅助用房面积(㎡)"],
        ["甲小学", 1000, 5000],
        ["乙小学", 800, 4000],
      ])
    )
  );
  expect(report.findings.filter((f) => f.code === "missing-value")).toHaveLength(0);
  // 7 indicators, one of which (L4) has its column: 6 unmapped-field errors.
  expect(report.findings.filter((f) => f.code === "unmapped-field")).toHaveLength(6);
});

test.each([
  [1.005, 2, 1.01],
  [2.675, 2, 2.68],
  [0.0000012345, 7, 0.0000012],
  [1e21, 2, 1e21],
  [-1.005, 2, -1.01],
])("roundHalfUp(%p, %p) = %p", (v, d, expected) => {
  expect(roundHalfUp(v, d)).toBe(expected);
});

test("a cell in a unit we refuse to guess (300百元) is invalid, never read as 300", () => {
  const { report } = checkWorkbook(
    workbook(
      sheet("小学", [
        ["学校名称", "在校生数", "教学仪器设备值(万元)"],
        ["甲小学", 1000, "300百元"],
        ["乙小学", 1000, 250],
      ])
    )
  );
  const a = report.schools.find((s) => s.name === "甲小学")!;
  expect(a.indicators.equipment_value_per_student.value).toBeNull();
  expect(report.findings.find((f) => f.code === "unit-unknown" && f.cell === "C2")).toBeDefined();
  // 250 万元 ÷ 1000 = 2,500 元.
  expect(
    report.schools.find((s) => s.name === "乙小学")!.indicators.equipment_value_per_student.value
  ).toBe(2500);
});
