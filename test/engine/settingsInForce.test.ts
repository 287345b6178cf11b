/**
 * Messages and the report sheet state the settings in force (issue 9): each setting changed through a province
 * profile shows in the finding's parameters, in its rendered message and in the report sheet — never the national
 * figure. Expected numbers are worked out by hand in each test.
 */
import { checkWorkbook } from "../../src/engine/report";
import type { RawCell } from "../../src/engine/workbook";
import type { Finding } from "../../src/engine/reportTypes";
import { renderFinding } from "../../src/present/findingText";
import { buildReportSheet } from "../../src/present/reportSheet";
import { applyProfile } from "../../src/standards/profile";
import { sheet, workbook } from "./helpers";

const profile = (p: object) => applyProfile({ name: "某省", ...p }, "quality-2017");

function run(rows: RawCell[][], p: object = {}) {
  return checkWorkbook(workbook(sheet("学校", rows)), { settings: profile(p) });
}

function only(findings: readonly Finding[], code: Finding["code"]): Finding {
  const fs = findings.filter((f) => f.code === code);
  expect(fs).toHaveLength(1);
  return fs[0];
}

/** Every text cell of the report sheet, joined. */
const sheetText = (r: ReturnType<typeof run>["report"], lang: "zh-CN" | "en" = "zh-CN"): string =>
  buildReportSheet(r, lang)
    .rows.flat()
    .filter((c) => typeof c === "string")
    .join("\n");

describe("split weights (policy.splitWeights)", () => {
  // 100 primary + 100 junior students, 400 ㎡ for the whole school. Weights 1 : 1.5:
  // primary share 100 ÷ (100 + 1.5 × 100) = 0.4 → 160 ㎡ → 1.60 ㎡ per student.
  const rows = [
    ["学校名称", "学校类型", "小学在校学生数", "初中在校学生数", "教学及辅助用房面积(㎡)"],
    ["某九年一贯制学校", "九年一贯制学校", 100, 100, 400],
  ];
  const { report, allFindings } = run(rows, {
    policy: { splitWeights: { primary: 1, junior: 1.5, senior: 2 } },
  });

  test("the split uses them", () => {
    const p = report.schools.find((s) => s.stage === "primary")!;
    expect(p.indicators.teaching_space_per_student.value).toBeCloseTo(1.6, 10);
  });
  test("split-apportioned carries them and its message states them, not 1 : 1.1", () => {
    const f = only(allFindings, "split-apportioned");
    expect(f.code === "split-apportioned" && f.params.weights).toEqual({
      primary: 1,
      junior: 1.5,
      senior: 2,
    });
    const zh = renderFinding(f, "zh-CN");
    expect(zh).toContain("按加权学生数（小学 1 : 初中 1.5）");
    expect(zh).not.toContain("1.1");
    expect(renderFinding(f, "en")).toContain("by weighted students (primary 1 : junior 1.5)");
  });
  test("the report sheet states them", () => {
    expect(sheetText(report)).toContain("小学 : 初中 : 高中 = 1 : 1.5 : 2");
    expect(sheetText(report)).not.toContain("1.32");
    expect(sheetText(report, "en")).toContain("split 1 : 1.5 : 2 (primary : junior : senior)");
  });
});

describe("完全中学 weights (policy.completeSecondarySeniorWeight)", () => {
  // 200 junior + 100 senior students, 1000 ㎡. Weight 1 : 1.5: junior share 200 ÷ (200 + 1.5 × 100) = 4/7
  // → 571.43 ㎡ → 2.857 ㎡ per student.
  const rows = [
    ["学校名称", "学校类型", "初中在校学生数", "高中在校学生数", "教学及辅助用房面积(㎡)"],
    ["某完全中学", "完全中学", 200, 100, 1000],
  ];
  const { report, allFindings } = run(rows, { policy: { completeSecondarySeniorWeight: 1.5 } });

  test("the split uses it", () => {
    expect(report.schools[0].indicators.teaching_space_per_student.value).toBeCloseTo(
      (1000 * 4) / 7 / 200,
      10
    );
  });
  test("the message says 初中 1 : 高中 1.5, not the 1 : 1.1 : 1.32 of a 一贯制 school", () => {
    const f = only(allFindings, "split-apportioned");
    const zh = renderFinding(f, "zh-CN");
    expect(zh).toContain("按加权学生数（初中 1 : 高中 1.5）");
    expect(zh).not.toMatch(/1\.2|1\.32|小学/);
  });
  test("the report sheet states it", () => {
    expect(sheetText(report)).toContain("完全中学按 初中 : 高中 = 1 : 1.5");
  });
});

describe("class-size limits (limits.classSize, largeClassFrom, veryLargeClassFrom)", () => {
  const rows = [
    ["学校名称", "在校生数", "最大班额"],
    ["甲小学", 500, 42],
    ["乙小学", 500, 40],
  ];
  const { allFindings } = run(rows, {
    limits: { classSize: { primary: 40 }, largeClassFrom: 41, veryLargeClassFrom: 50 },
  });

  test("42 > 40 fails; 40 does not (the limit is inclusive)", () => {
    const f = only(allFindings, "class-size");
    expect(f).toMatchObject({ school: "甲小学", cell: "C2" });
    expect(f.code === "class-size" && f.params).toMatchObject({
      value: 42,
      limit: 40,
      band: "large",
    });
  });
  test("the message states the profile's limit and band bounds", () => {
    const f = only(allFindings, "class-size");
    expect(renderFinding(f, "zh-CN")).toBe(
      "「甲小学」最大班额 42 人 > 40 人（小学），属大班额（41–49 人）"
    );
    expect(renderFinding(f, "en")).toBe(
      '"甲小学": largest class 42 > 40 (primary), a large class (41–49)'
    );
  });
  test("a combined school between the two limits names them", () => {
    const combined = [
      ["学校名称", "学校类型", "小学在校学生数", "初中在校学生数", "最大班额"],
      ["某九年一贯制学校", "九年一贯制学校", 100, 100, 47],
    ];
    // Limits 44 (小学) and 48 (初中): 47 is above one and within the other → undetermined.
    const r = run(combined, { limits: { classSize: { primary: 44, junior: 48 } } });
    const f = only(r.allFindings, "class-size-undetermined");
    expect(renderFinding(f, "zh-CN")).toContain("（小学 ≤ 44、初中 ≤ 48）");
    expect(renderFinding(f, "en")).toContain("(primary ≤ 44, junior ≤ 48)");
  });
});

describe("school-size limits (limits.schoolSize, throughTrainSchoolSize)", () => {
  test("a primary school of 1,600 over a limit of 1,500", () => {
    const { allFindings } = run(
      [
        ["学校名称", "在校生数"],
        ["甲小学", 1600],
      ],
      { limits: { schoolSize: { primary: 1500 } } }
    );
    const f = only(allFindings, "school-size");
    expect(f.code === "school-size" && f.params).toEqual({
      value: 1600,
      limit: 1500,
      basis: "stage",
    });
    expect(renderFinding(f, "zh-CN")).toBe("「甲小学」规模 1,600 人 > 1,500 人");
  });
  test("a nine-year school: 义务教育 students 1,200 + 900 = 2,100 over a limit of 2,000", () => {
    const { allFindings } = run(
      [
        ["学校名称", "学校类型", "小学在校学生数", "初中在校学生数"],
        ["某九年一贯制学校", "九年一贯制学校", 1200, 900],
      ],
      { limits: { throughTrainSchoolSize: 2000 } }
    );
    const f = only(allFindings, "school-size");
    expect(f.code === "school-size" && f.params).toEqual({
      value: 2100,
      limit: 2000,
      basis: "compulsory",
    });
    expect(renderFinding(f, "zh-CN")).toBe(
      "「某九年一贯制学校」规模 2,100 人（义务教育阶段） > 2,000 人"
    );
  });
});

/**
 * One 小学 of 1,000 students meeting six indicators, 教学及辅助用房 at 3,915 ㎡ = 3.915 ㎡ per student = 87 % of
 * 4.5 (3.915 ÷ 4.5 = 0.87). Met: 50 qualified (5.0 ≥ 4.2), 10 key (1.0 ≥ 1), 9 PE/arts (0.9 ≥ 0.9), 8,000 ㎡ sports
 * (8.0 ≥ 7.5), 250 万元 (2,500 元 ≥ 2,000), 25 rooms (2.5 ≥ 2.3).
 */
const AT_87 = [
  [
    "学校名称",
    "在校生数",
    "高于规定学历教师数",
    "县级及以上骨干教师数",
    "体育专任教师",
    "教学及辅助用房面积(㎡)",
    "体育运动场馆面积(㎡)",
    "教学仪器设备值(万元)",
    "网络多媒体教室数(间)",
  ],
  ["甲小学", 1000, 50, 10, 9, 3915, 8000, 250, 25],
];

describe("the floor share (perSchool.floorShare)", () => {
  test("at 85 % (default) the school passes at the floor; the report sheet says 85%", () => {
    const { report } = run(AT_87);
    expect(report.schools[0].status).toBe("pass");
    expect(report.schools[0].atFloor).toEqual(["teaching_space_per_student"]);
    expect(sheetText(report)).toContain("达到85%");
  });
  test("at 90 % it fails, and the reason states 90 %", () => {
    const { report, allFindings } = run(AT_87, { perSchool: { floorShare: 0.9 } });
    expect(report.schools[0].status).toBe("fail");
    const f = only(allFindings, "school-fails");
    expect(f.code === "school-fails" && f.params).toEqual({
      metCount: 6,
      minMet: 6,
      floorShare: 0.9,
      tooFewMet: false,
      belowFloor: [{ indicator: "teaching_space_per_student", ratio: expect.closeTo(0.87, 10) }],
    });
    expect(renderFinding(f, "zh-CN")).toMatch(/仅为标准的 87\.00%（需 ≥ 90%）$/);
    expect(renderFinding(f, "en")).toMatch(/only 87\.00% of the standard \(90% needed\)$/);
  });
  test("at 80 % the report sheet says 80%, not 85%", () => {
    const { report } = run(AT_87, { perSchool: { floorShare: 0.8 } });
    expect(report.standard.perSchool).toEqual({ minMet: 6, floorShare: 0.8 });
    expect(sheetText(report)).toContain("达到80%");
    expect(sheetText(report)).not.toContain("85%");
  });
  test("minMet 7: six met is too few, and the reason says so", () => {
    const { allFindings } = run(AT_87, { perSchool: { minMet: 7 } });
    expect(renderFinding(only(allFindings, "school-fails"), "zh-CN")).toContain(
      "仅 6 项达标（需至少 7 项）"
    );
  });
});

describe("thresholds (indicators.<id>.threshold, cvLimit)", () => {
  test("below-standard states the profile's threshold and the gap against it", () => {
    // Threshold 5 ㎡: 5 × 1,000 − 3,915 = 1,085 ㎡ short.
    const { allFindings } = run(AT_87, {
      indicators: { teaching_space_per_student: { threshold: { primary: 5 } } },
    });
    const f = only(allFindings, "below-standard");
    expect(f.code === "below-standard" && f.params).toEqual({
      value: 3.915,
      threshold: 5,
      gap: { amount: expect.closeTo(1085, 6), of: "teaching_space" },
    });
    expect(renderFinding(f, "zh-CN")).toBe(
      "生均教学及辅助用房面积 3.92 ㎡ < 5 ㎡（小学），还差 1,085 ㎡"
    );
  });
  test("cv-over-limit states the profile's CV limit", () => {
    // Two schools with 2 and 6 ㎡ per student (equal weights): mean 4, SD 2, CV 0.5 > 0.45.
    const rows = [
      ["学校名称", "在校生数", "教学及辅助用房面积(㎡)"],
      ["甲小学", 100, 200],
      ["乙小学", 100, 600],
    ];
    const { allFindings } = run(rows, { cvLimit: { primary: 0.45 } });
    const f = allFindings.find(
      (x) => x.code === "cv-over-limit" && x.indicator === "teaching_space_per_student"
    )!;
    expect(f.code === "cv-over-limit" && f.params).toEqual({ cv: 0.5, limit: 0.45 });
    expect(renderFinding(f, "zh-CN")).toBe("小学生均教学及辅助用房面积差异系数 0.500 > 0.45");
  });
});
