/**
 * Which rows are schools, standards.md §8 (defaults 5, 9, 10): summary and note rows, placeholders, branch campuses,
 * 教学点, excluded kinds, 民办 and excludePrivate, the stage from the type column.
 */
import { check, flatten, flattenWhere, schoolOf, settingsWith } from "./harness";
import { renderFinding } from "../../../src/present/findingText";
import { checkWorkbook } from "../../../src/engine/report";
import { sheet, workbook } from "../helpers";

describe("summary, note and placeholder rows are not schools (§8.1)", () => {
  const report = check("小学", [
    ["学校名称", "在校生数", "县级及以上骨干教师数"],
    ["甲小学", 1000, 12], // row 2
    ["乙小学", 500, 6], // row 3
    ["小学小计", 1500, 18], // row 4
    ["…", null, null], // row 5
    ["丙小学", 800, 10], // row 6
    ["合计", 2300, 28], // row 7
    ["全县", 2300, 28], // row 8
    ["注：本表不含民办学校", null, null], // row 9
    ["说明：数据截至9月1日", null, null], // row 10
  ]);
  test("only the three schools are assessed", () => {
    expect(report.schools.map((s) => s.name)).toEqual(["甲小学", "乙小学", "丙小学"]);
    expect(report.county.primary!.schools).toBe(3);
    // 1000 + 500 + 800: the 合计 and 全县 rows are not added.
    expect(report.county.primary!.students).toBe(2300);
  });
  test("skipped rows are listed with their reason", () => {
    const skipped = report.tables[0].skippedRows.map((r) => [r.row, r.reason]);
    expect(skipped).toEqual(
      expect.arrayContaining([
        [4, "summary"],
        [5, "placeholder"],
        [7, "summary"],
        [8, "summary"],
        [9, "note"],
      ])
    );
    expect(skipped.map(([row]) => row)).not.toContain(6);
  });
  test("a named school with every figure blank is kept and reported as missing data", () => {
    const r = check("小学", [
      ["学校名称", "在校生数", "县级及以上骨干教师数"],
      ["甲小学", 1000, 12],
      ["空小学", null, null],
    ]);
    expect(r.schools.map((s) => s.name)).toEqual(["甲小学", "空小学"]);
    expect(schoolOf(r, "空小学").status).not.toBe("pass");
    // At the 在校生数 cell (how many findings one blank raises is issue 9's "one finding per cause").
    const unique = [...new Set(flatten(r, ["missing-value"]).map((f) => f.join("|")))];
    expect(unique).toEqual(["小学|B3|missing-value"]);
  });
});

describe("a label alone is a heading or a note; a row with figures is always a school (§8.1)", () => {
  const report = check("小学", [
    ["学校名称", "在校生数", "县级及以上骨干教师数"],
    ["一、小学", null, null], // row 2: a block heading
    ["甲小学", 1000, 12], // row 3
    ["九年一贯制学校", 600, 6], // row 4: reads like a heading, but has figures
    ["制表人：张三", null, null], // row 5: a 制表人 line
  ]);
  test("the row with figures is kept as a school, never dropped as a heading", () => {
    expect(report.schools.map((s) => s.name)).toEqual(["甲小学", "九年一贯制学校"]);
    // 1000 + 600: no school's students are lost.
    expect(report.county.primary!.students).toBe(1600);
  });
  test("the heading and the 制表人 line are skipped rows, not schools", () => {
    const skipped = report.tables[0].skippedRows.map((r) => [r.row, r.reason]);
    expect(skipped).toEqual(
      expect.arrayContaining([
        [2, "section"],
        [5, "note"],
      ])
    );
  });
});

describe("the table ends at a 填表说明 block; a header cell merged into the data spreads nothing (§8.1)", () => {
  const report = checkWorkbook(
    workbook(
      sheet(
        "小学",
        [
          ["学校名称", "乡镇", "在校生数", "县级及以上骨干教师数"],
          ["甲小学", null, 1000, 12], // row 2
          ["乙小学", null, 500, 6], // row 3
          ["填表说明：", null, null, null], // row 4
          ["示例小学", null, 100, 1], // row 5: the template's worked example, not a school
        ],
        ["B1:B3"] // the 乡镇 header merged down over the data rows
      )
    )
  ).report;
  test("the example row under 填表说明 is not a school, and its students are not added", () => {
    expect(report.schools.map((s) => s.name)).toEqual(["甲小学", "乙小学"]);
    expect(report.county.primary!.students).toBe(1500);
  });
  test("the header's 「乡镇」 is nobody's township", () => {
    expect(report.schools.map((s) => s.township ?? null)).toEqual([null, null]);
  });
});

describe("branch campuses (是否计校数 = 0) merge into the parent before any ratio (§8.2, default 10)", () => {
  const report = check("小学", [
    ["学校名称", "学校标识码", "是否计校数", "在校生数", "县级及以上骨干教师数"],
    ["城关小学", "001", 1, 800, 8], // row 2
    ["城关小学(东校区)", "", 0, 200, 4], // row 3: by name without the campus suffix
    ["西街小学", "002", 1, 500, 5], // row 4
    ["文昌分部", "001", 0, 100, 1], // row 5: by 学校标识码 001 (not the preceding 西街)
    ["河口村教学点", "", 0, 60, 1], // row 6: a 教学点 is never merged (rule 3)
  ]);
  test("students and teachers are summed before the ratio", () => {
    // 城关: (8 + 4 + 1) × 100 ÷ (800 + 200 + 100) = 1300 ÷ 1100 (the unmerged 800 alone would give 1.0)
    expect(schoolOf(report, "城关小学")).toMatchObject({ students: 1100, mergedRows: [3, 5] });
    expect(schoolOf(report, "城关小学").indicators.key_teachers_per_100.value).toBeCloseTo(
      1300 / 1100,
      12
    );
    // 西街: 5 × 100 ÷ 500 = 1.0, nothing merged
    expect(schoolOf(report, "西街小学").students).toBe(500);
    expect(schoolOf(report, "西街小学").mergedRows).toBeUndefined();
    expect(report.schools.map((s) => s.name)).toEqual(["城关小学", "西街小学", "河口村教学点"]);
  });
  test("branch-merged (info) at the 是否计校数 cell of each branch", () => {
    expect(flattenWhere(report, ["branch-merged"])).toEqual([
      ["小学", "C3", "branch-merged", "城关小学(东校区)", null, null],
      ["小学", "C5", "branch-merged", "文昌分部", null, null],
    ]);
    const f = report.findings.find((x) => x.code === "branch-merged")!;
    expect(f.severity).toBe("info");
    expect(renderFinding(f, "zh-CN")).toContain("城关小学");
  });
  test("no code and no name match: the nearest preceding counted row", () => {
    const r = check("小学", [
      ["学校名称", "是否计校数", "在校生数", "县级及以上骨干教师数"],
      ["甲小学", 1, 800, 8],
      ["乙小学", 1, 400, 4],
      ["某某分校", 0, 100, 1],
    ]);
    expect(schoolOf(r, "乙小学")).toMatchObject({ students: 500, mergedRows: [4] });
    expect(schoolOf(r, "甲小学").students).toBe(800);
  });
  test("policy mergeBranches off: the branch is a school of its own", () => {
    const r = check(
      "小学",
      [
        ["学校名称", "是否计校数", "在校生数", "县级及以上骨干教师数"],
        ["城关小学", 1, 800, 8],
        ["城关小学(东校区)", 0, 200, 4],
      ],
      { settings: settingsWith({ policy: { mergeBranches: false } }) }
    );
    expect(r.schools.map((s) => s.name)).toEqual(["城关小学", "城关小学(东校区)"]);
    expect(flatten(r, ["branch-merged"])).toEqual([]);
  });
});

describe("教学点: < 50 students excluded and shown separately, ≥ 50 a normal 小学 (§8.3, default 5)", () => {
  const report = check("小学", [
    ["学校名称", "在校生数", "县级及以上骨干教师数"],
    ["甲村教学点", 49, 1], // row 2: excluded
    ["乙村教学点", 50, 1], // row 3: included
    ["丙小学", 900, 9], // row 4
  ]);
  test("49 excluded, 50 included", () => {
    expect(schoolOf(report, "甲村教学点")).toMatchObject({
      status: "excluded",
      meets: null,
      stage: "primary",
    });
    expect(schoolOf(report, "甲村教学点").excluded).toBeTruthy();
    expect(schoolOf(report, "乙村教学点")).toMatchObject({
      excluded: false,
      type: "teaching-point",
    });
    expect(report.county.primary).toMatchObject({ schools: 2, students: 950 });
    // Excluded schools are not in the CV: 乙 1 × 100 ÷ 50 = 2, 丙 1: X̄ = (1 + 9) × 100 ÷ 950.
    expect(report.county.primary!.indicators.key_teachers_per_100.mean).toBeCloseTo(1000 / 950, 12);
    expect(report.summary.schools).toBe(2);
  });
  test("school-excluded (info) at the name cell, and no other finding about it", () => {
    expect(flattenWhere(report, ["school-excluded"])).toEqual([
      ["小学", "A2", "school-excluded", "甲村教学点", "primary", null],
    ]);
    expect(report.findings.filter((f) => f.school === "甲村教学点").map((f) => f.code)).toEqual([
      "school-excluded",
    ]);
  });
  test("the threshold is a setting: teachingPointMinStudents 60 excludes the 50-student point", () => {
    const r = check(
      "小学",
      [
        ["学校名称", "在校生数", "县级及以上骨干教师数"],
        ["乙村教学点", 50, 1],
        ["丙小学", 900, 9],
      ],
      { settings: settingsWith({ policy: { teachingPointMinStudents: 60 } }) }
    );
    expect(schoolOf(r, "乙村教学点").status).toBe("excluded");
  });
});

describe("special-education, vocational and senior-only schools are excluded (§8.4)", () => {
  const report = check("学校", [
    ["学校名称", "在校生数", "县级及以上骨干教师数"],
    ["县特殊教育学校", 120, 2], // row 2
    ["县职业中学", 900, 9], // row 3
    ["县第一高级中学", 2000, 20], // row 4
    ["城关小学", 900, 9], // row 5
  ]);
  test("one school-excluded each, at the name cell; only 城关小学 assessed", () => {
    expect(flatten(report, ["school-excluded"])).toEqual([
      ["学校", "A2", "school-excluded"],
      ["学校", "A3", "school-excluded"],
      ["学校", "A4", "school-excluded"],
    ]);
    expect(report.summary.schools).toBe(1);
    expect(report.county.primary!.schools).toBe(1);
    expect(report.county.junior).toBeUndefined();
  });
});

describe("民办 schools: included by default, excluded with excludePrivate (§8.5)", () => {
  const rows = [
    ["学校名称", "举办者类型", "在校生数", "县级及以上骨干教师数"],
    ["育才小学", "民办", 600, 6], // row 2
    ["城关小学", "县级教育部门", 900, 9], // row 3
  ];
  test("default: both assessed", () => {
    const r = check("小学", rows);
    expect(r.schools.map((s) => [s.name, s.excluded])).toEqual([
      ["育才小学", false],
      ["城关小学", false],
    ]);
    expect(r.county.primary!.schools).toBe(2);
    expect(r.policy.excludePrivate).toBe(false);
  });
  test("excludePrivate: the 民办 school is excluded, reported, and out of the CV", () => {
    const r = check("小学", rows, { settings: settingsWith({ policy: { excludePrivate: true } }) });
    expect(schoolOf(r, "育才小学")).toMatchObject({ status: "excluded", meets: null });
    expect(r.county.primary).toMatchObject({ schools: 1, students: 900 });
    expect(flattenWhere(r, ["school-excluded"])).toEqual([
      ["小学", "A2", "school-excluded", "育才小学", "primary", null],
    ]);
    expect(r.policy.excludePrivate).toBe(true);
  });
});

describe("the stage from the type column (§8.6)", () => {
  const report = check("学校", [
    ["学校名称", "学校类型", "在校生数", "小学在校学生数", "初中在校学生数", "高中在校学生数"],
    ["一校", "小学", 500, null, null, null],
    ["二校", "完全小学", 500, null, null, null],
    ["三校", "中心小学", 500, null, null, null],
    ["四校", "村小", 500, null, null, null],
    ["五校", "初中", 500, null, null, null],
    ["六校", "初级中学", 500, null, null, null],
    ["七校", "九年一贯制学校", 500, 300, 200, null],
    ["八校", "完全中学", 500, null, 200, 300],
    ["九校", "十二年一贯制学校", 600, 300, 200, 100],
  ]);
  const stages = (name: string) =>
    report.schools.filter((s) => s.name === name).map((s) => s.stage);
  test.each([
    ["一校", ["primary"]],
    ["二校", ["primary"]],
    ["三校", ["primary"]],
    ["四校", ["primary"]],
    ["五校", ["junior"]],
    ["六校", ["junior"]],
    ["七校", ["primary", "junior"]],
    ["八校", ["junior"]],
    ["九校", ["primary", "junior"]],
  ])("%s → %j", (name, expected) => {
    expect(stages(name)).toEqual(expected);
  });
  test("no stage warning for any of them", () => {
    expect(flatten(report, ["unknown-stage"])).toEqual([]);
  });
  test("「一贯制」 alone: split as 九年一贯制, with a stage-assumed warning (issue 14)", () => {
    const r = check("学校", [
      ["学校名称", "学校类型", "小学在校学生数", "初中在校学生数"],
      ["十校", "一贯制", 300, 200],
    ]);
    expect(r.schools.map((s) => s.stage)).toEqual(["primary", "junior"]);
    expect(flatten(r, ["unknown-stage", "stage-assumed"])).toEqual([
      ["学校", "A2", "stage-assumed"],
    ]);
  });
  test("a bare 「中学」 is ambiguous: unknown-stage error at the name, left out, no verdict (issue 14)", () => {
    const r = check("学校", [
      ["学校名称", "在校生数", "县级及以上骨干教师数"],
      ["城关中学", 800, 8],
      ["城关小学", 800, 8],
    ]);
    expect(r.schools.map((s) => s.name)).toEqual(["城关小学"]);
    expect(flattenWhere(r, ["unknown-stage"])).toEqual([
      ["学校", "A2", "unknown-stage", "城关中学", null, null],
    ]);
    const unknown = r.findings.find((f) => f.code === "unknown-stage")!;
    expect(unknown.severity).toBe("error");
    // Why: 「…中学」 is 初中 or 高中 (not "no evidence"), so the message can say which column would settle it.
    expect(unknown.params).toEqual({ reason: "secondary-ambiguous" });
    expect(r.summary.meets).toBeNull();
    expect(r.summary.leftOut).toBe(1);
  });
  test("no type column: the per-stage student columns decide", () => {
    const r = check("学校", [
      ["学校名称", "小学在校学生数", "初中在校学生数"],
      ["甲校", 300, null],
      ["乙校", null, 300],
      ["丙校", 300, 200],
    ]);
    expect(r.schools.map((s) => [s.name, s.stage])).toEqual([
      ["甲校", "primary"],
      ["乙校", "junior"],
      ["丙校", "primary"],
      ["丙校", "junior"],
    ]);
  });
  test("a sheet named for a stage gives the stage", () => {
    const r = check("初中", [
      ["学校名称", "在校生数", "县级及以上骨干教师数"],
      ["城关学校", 800, 8],
    ]);
    expect(r.schools[0].stage).toBe("junior");
    expect(r.tables[0].stage).toBe("junior");
  });
});

describe("a school with 0 students and nothing else is skipped with a warning, not judged (§6 edge cases)", () => {
  // (0 students with teachers or rooms stays an impossible-value error: test/engine/rules/dataChecks.test.ts.)
  // §6: "0 students → school skipped with a warning". Before, 闭校小学's seven filled cells (all 0) were each
  // reported 「未填写」 (missing-value errors on cells that are filled), the school was incomplete, and every CV
  // read "2 of 3", so the county could never be judged.
  // 甲: 9 骨干 × 100 ÷ 900 = 1.0; 乙: 6 × 100 ÷ 500 = 1.2; X̄ = 15 × 100 ÷ 1400 = 1.0714…
  const r = check("小学", [
    ["学校名称", "在校生数", "县级及以上骨干教师数"],
    ["甲小学", 900, 9], // row 2
    ["乙小学", 500, 6], // row 3
    ["闭校小学", 0, 0], // row 4
  ]);
  test("excluded (no-students) at its name cell; no missing-value; the CV is over the other 2 of 2", () => {
    expect(schoolOf(r, "闭校小学")).toMatchObject({ status: "excluded", excluded: "no-students" });
    // (甲 and 乙 are incomplete for the columns this small table lacks; only 闭校小学's own findings matter.)
    const own = r.findings.filter((f) => f.school === "闭校小学" || f.cell?.endsWith("4"));
    expect(flatten(own)).toEqual([["小学", "A4", "school-no-students"]]);
    expect(r.findings.find((f) => f.code === "school-no-students")?.severity).toBe("warning");
    const cv = r.county.primary!.indicators.key_teachers_per_100;
    expect(cv).toMatchObject({ schools: 2, of: 2 });
    expect(cv.mean).toBeCloseTo(1500 / 1400, 12);
    expect(r.county.primary!.schools).toBe(2);
  });
});
