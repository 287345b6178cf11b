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

describe("a block heading right under the header, in the 序号 column left of 学校名称", () => {
  // 「一、初中」 first: 城关中学 and 河口中学 say no stage by their names, only the heading does (found by an
  // independent cross-check: the heading was read as a second header row, both schools were left out).
  const rows = (heading: string) => [
    ["序号", "学校名称", "在校生数", "教学及辅助用房面积(㎡)"],
    [heading, null, null, null],
    [1, "城关中学", 800, 4800],
    [2, "河口中学", 500, 2800],
    ["二、小学", null, null, null],
    [1, "城关小学", 1000, 5000],
  ];

  test.each(["一、初中", "（一）初中", "初中", "初中学校"])(
    "「%s」 opens the data and gives its stage to the rows under it",
    (heading) => {
      const { report } = checkWorkbook(workbook(sheet("学校", rows(heading))));
      expect(report.tables[0].headerRows).toEqual([1]);
      expect(report.tables[0].firstDataRow).toBe(2);
      expect(report.schools.map((s) => [s.name, s.stage])).toEqual([
        ["城关中学", "junior"],
        ["河口中学", "junior"],
        ["城关小学", "primary"],
      ]);
      // 2800 ÷ 500 = 5.6 < 5.8, the junior threshold: judged as a 初中.
      expect(report.schools[1].indicators.teaching_space_per_student).toMatchObject({
        value: 5.6,
        threshold: 5.8,
        meets: false,
      });
      expect(report.findings.filter((f) => f.code === "unknown-stage")).toHaveLength(0);
      expect(report.summary.leftOut).toBe(0);
    }
  );

  test("a sub-header row under a merged group (小学 | 初中 under 在校生数) stays header text", () => {
    const s = sheet("学校", [
      ["学校名称", "在校生数", null, "教学及辅助用房面积(㎡)"],
      [null, "小学", "初中", null],
      ["城关九年一贯制学校", 600, 400, 6000],
    ]);
    s.merges = [
      { top: 0, left: 0, bottom: 1, right: 0 },
      { top: 0, left: 1, bottom: 0, right: 2 },
      { top: 0, left: 3, bottom: 1, right: 3 },
    ];
    const { report } = checkWorkbook(workbook(s));
    expect(report.tables[0].headerRows).toEqual([1, 2]);
    expect(report.tables[0].firstDataRow).toBe(3);
  });

  test("one stage word right of 学校名称 (a lone sub-header) is not a heading", () => {
    const { report } = checkWorkbook(
      workbook(
        sheet("学校", [
          ["学校名称", "在校生数", "教学及辅助用房面积(㎡)"],
          [null, "小学", null],
          ["城关小学", 1000, 5000],
        ])
      )
    );
    expect(report.tables[0].headerRows).toEqual([1, 2]);
  });
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

describe("a 乡镇 heading over its schools (「城关镇」 alone in 学校名称, no figures)", () => {
  const rows = (heading: string) => [
    ["学校名称", "学段", "在校生数", "教学及辅助用房面积(㎡)"],
    ["一、小学", null, null, null],
    [heading, null, null, null],
    ["城关中心小学", null, 1000, 5000],
    ["红旗乡", null, null, null],
    ["红旗小学", null, 800, 4000],
  ];
  test.each(["城关镇", "（一）城关镇", "东城街道", "城关学区", "一、城关镇"])(
    "「%s」 is no school and keeps the stage of 「一、小学」 above it",
    (heading) => {
      const { report } = checkWorkbook(workbook(sheet("学校", rows(heading))));
      expect(report.schools.map((s) => [s.name, s.stage])).toEqual([
        ["城关中心小学", "primary"],
        ["红旗小学", "primary"],
      ]);
      expect(report.findings.filter((f) => f.code === "unknown-stage")).toHaveLength(0);
      expect(report.summary.leftOut).toBe(0);
    }
  );
  test("a school whose name ends in a place word is still a school: 「红旗乡教学点」, 「城关镇中心校」", () => {
    const { report } = checkWorkbook(
      workbook(
        sheet("小学", [
          ["学校名称", "在校生数", "教学及辅助用房面积(㎡)"],
          ["红旗乡教学点", null, null],
          ["城关镇中心校", 800, 4000],
        ])
      )
    );
    expect(report.schools.map((s) => s.name)).toEqual(["红旗乡教学点", "城关镇中心校"]);
  });
});
