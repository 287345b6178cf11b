/**
 * A school whose stage cannot be told, merged key cells, a row without a name: nothing is dropped
 * silently, and nothing left out lets the verdict pass (docs/decisions.md, "A school left out").
 */
import { checkWorkbook } from "../../../src/engine/report";
import { sheet, workbook } from "../helpers";
import { HEADER, JUNIOR, PRIMARY, FIGURES_HEADER, named } from "./fixtures";
import { renderFinding } from "../../../src/present/findingText";

const codes = (r: ReturnType<typeof checkWorkbook>): string[] =>
  r.report.findings.map((f) => f.code);

describe("the layout fixtures meet the standard when read right", () => {
  test("小学 and 初中 named by stage: both stages meet, 6 schools, equipment means 2200 / 2700", () => {
    const { report } = checkWorkbook(
      workbook(sheet("学校", [HEADER, ...named(PRIMARY, "小学"), ...named(JUNIOR, "初中")]))
    );
    expect(report.summary.schools).toBe(6);
    expect(report.summary.meets).toBe(true);
    expect(report.summary.readyToSubmit).toBe(true);
    expect(report.summary.leftOut).toBe(0);
    expect(report.county.primary?.indicators.equipment_value_per_student.mean).toBeCloseTo(2200, 6);
    expect(report.county.junior?.indicators.equipment_value_per_student.mean).toBeCloseTo(2700, 6);
  });
});

describe("a school whose stage cannot be told", () => {
  test("is an error that keeps the verdict from passing (meets null, not ready)", () => {
    // 甲乙丙小学 meet on their own; 城关中学 (bare 中学, no type column, no per-stage students) cannot be placed.
    const { report } = checkWorkbook(
      workbook(
        sheet("学校", [
          HEADER,
          ...named(PRIMARY, "小学"),
          ["城关中学", 900, 50, 10, 9, 5000, 9000, 250, 22],
        ])
      )
    );
    const f = report.findings.filter((x) => x.code === "unknown-stage");
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe("error");
    expect(f[0].school).toBe("城关中学");
    expect(f[0].cell).toBe("A5");
    expect(report.summary.schools).toBe(3);
    expect(report.summary.leftOut).toBe(1);
    expect(report.summary.meets).toBeNull();
    expect(report.summary.readyToSubmit).toBe(false);
  });

  test("九年一贯制 with only a whole-school student count is an error, not a drop", () => {
    const { report } = checkWorkbook(
      workbook(
        sheet("学校", [
          ["学校名称", "学校类型", ...FIGURES_HEADER],
          ...named(PRIMARY, "小学").map(([n, ...v]) => [n, "小学", ...v]),
          ["城关九年制学校", "九年一贯制学校", 1500, 80, 18, 15, 8000, 13000, 350, 36],
        ])
      )
    );
    const f = report.findings.filter((x) => x.code === "unknown-stage");
    expect(f.map((x) => x.school)).toEqual(["城关九年制学校"]);
    expect(f[0].severity).toBe("error");
    expect(report.summary.meets).toBeNull();
  });

  test("a 九年一贯制 written as its 小学部 and 初中部 rows: each row is that stage (2012 填报说明)", () => {
    // 学校类型 says 九年一贯制学校 on both rows, the names say which part: 甲校 figures as the 小学部 (1000
    // students, 220 万元) and 丁校 figures as the 初中部 (1000, 270 万元), so the means stay 2200 and 2700 元:
    // 小学 (220 + 176 + 132 + 220) × 10000 ÷ (2400 + 1000) = 2200; 初中 (270 + 216 + 135 + 270) × 10000 ÷ 3300 = 2700.
    const [, ...a] = PRIMARY[0];
    const [, ...d] = JUNIOR[0];
    const { report } = checkWorkbook(
      workbook(
        sheet("学校", [
          ["学校名称", "学校类型", ...FIGURES_HEADER],
          ...named(PRIMARY, "小学").map(([n, ...v]) => [n, "小学", ...v]),
          ...named(JUNIOR, "初中").map(([n, ...v]) => [n, "初中", ...v]),
          ["河口九年一贯制学校（小学部）", "九年一贯制学校", ...a],
          ["河口九年一贯制学校初中部", "九年一贯制学校", ...d],
        ])
      )
    );
    expect(codes({ report, allFindings: [] })).not.toContain("unknown-stage");
    expect(report.schools.filter((s) => s.name.startsWith("河口")).map((s) => s.stage)).toEqual([
      "primary",
      "junior",
    ]);
    expect(report.county.primary?.indicators.equipment_value_per_student.mean).toBeCloseTo(2200, 6);
    expect(report.county.junior?.indicators.equipment_value_per_student.mean).toBeCloseTo(2700, 6);
    expect(report.summary.meets).toBe(true);
  });

  test("一贯制 without 九年/十二年 is a kept school with a stage-assumed warning, not a left-out one", () => {
    const { report } = checkWorkbook(
      workbook(
        sheet("学校", [
          ["学校名称", "学校类型", "小学在校学生数", "初中在校学生数", ...FIGURES_HEADER.slice(1)],
          ...named(PRIMARY, "小学").map(([n, s, ...v]) => [n, "小学", s, null, ...v]),
          ["城关学校", "一贯制学校", 600, 400, 60, 12, 10, 5000, 9000, 250, 25],
        ])
      )
    );
    expect(codes({ report, allFindings: [] })).toContain("stage-assumed");
    expect(codes({ report, allFindings: [] })).not.toContain("unknown-stage");
    expect(report.summary.leftOut).toBe(0);
    // 3 小学 + the 城关学校 小学部 and 初中部
    expect(report.schools.filter((s) => s.name === "城关学校").map((s) => s.stage)).toEqual([
      "primary",
      "junior",
    ]);
  });
});

describe("merged key cells spread to every row they cover", () => {
  test("a merged 学段 column: each school gets its block's stage (6 schools, both stages meet)", () => {
    // Row 1 header; 学段 A2:A4 = 小学, A5:A7 = 初中; names carry no stage word.
    const rows = [
      ["学段", ...HEADER],
      ["小学", ...PRIMARY[0]],
      [null, ...PRIMARY[1]],
      [null, ...PRIMARY[2]],
      ["初中", ...JUNIOR[0]],
      [null, ...JUNIOR[1]],
      [null, ...JUNIOR[2]],
    ];
    const { report } = checkWorkbook(workbook(sheet("学校", rows, ["A2:A4", "A5:A7"])));
    expect(report.schools.map((s) => [s.name, s.stage])).toEqual([
      ["甲校", "primary"],
      ["乙校", "primary"],
      ["丙校", "primary"],
      ["丁校", "junior"],
      ["戊校", "junior"],
      ["己校", "junior"],
    ]);
    expect(codes({ report, allFindings: [] })).not.toContain("unknown-stage");
    expect(report.summary.meets).toBe(true);
  });

  test("乡镇 and 学校类型 both merged (乡镇 over mixed stages, 类型 over each block)", () => {
    const rows = [
      ["乡镇", "学校类型", ...HEADER],
      ["城关镇", "小学", ...PRIMARY[0]],
      [null, null, ...PRIMARY[1]],
      [null, "初中", ...JUNIOR[0]],
      ["河口镇", "小学", ...PRIMARY[2]],
      [null, "初中", ...JUNIOR[1]],
      [null, null, ...JUNIOR[2]],
    ];
    const { report } = checkWorkbook(
      workbook(sheet("学校", rows, ["A2:A4", "A5:A7", "B2:B3", "B6:B7"]))
    );
    expect(report.schools.map((s) => s.stage)).toEqual([
      "primary",
      "primary",
      "junior",
      "primary",
      "junior",
      "junior",
    ]);
    expect(report.summary.schools).toBe(6);
    expect(report.summary.meets).toBe(true);
  });
});

describe("a row with figures but no school name", () => {
  test("is an error finding, never a school named after its 序号", () => {
    const rows = [
      ["序号", ...HEADER],
      [1, ...named(PRIMARY, "小学")[0]],
      [2, ...named(PRIMARY, "小学")[1]],
      [3, null, ...PRIMARY[2].slice(1)],
    ];
    const { report } = checkWorkbook(workbook(sheet("学校", rows)));
    expect(report.schools.map((s) => s.name)).toEqual(["甲小学", "乙小学"]);
    const f = report.findings.filter((x) => x.code === "name-missing");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "error", sheet: "学校", cell: "B4" });
    expect(renderFinding(f[0], "zh-CN")).toContain("第 4 行");
    expect(report.summary.meets).toBeNull();
    expect(report.summary.readyToSubmit).toBe(false);
    expect(report.tables[0].skippedRows).toContainEqual({ row: 4, label: "3", reason: "nameless" });
  });

  test("pre-numbered empty template rows stay empty (no finding)", () => {
    const rows = [["序号", ...HEADER], [1, ...named(PRIMARY, "小学")[0]], [2], [3]];
    const { report } = checkWorkbook(workbook(sheet("学校", rows)));
    expect(codes({ report, allFindings: [] })).not.toContain("name-missing");
    expect(report.summary.leftOut).toBe(0);
  });
});
