/** Splitting 一贯制 schools, standards.md §9: A = 166, B = 210, books 23226. */
import { checkWorkbook } from "../../src/engine/report";
import { defaultSettings } from "../../src/standards";
import { sheet, workbook } from "./helpers";
import { renderFinding } from "../../src/present/findingText";

const rows = [
  ["学校名称", "学校类型", "小学在校学生数", "初中在校学生数", "图书册数"],
  ["某九年一贯制学校", "九年一贯制学校", 166, 210, 23226],
];

// The published figures are to 1 dp: 23226 × 166 / 397 = 9711.627…, 23226 × 1.1 × 210 / 397 = 13514.37…
test("weights 1 : 1.1 → 9711.6 / 13514.4 books (denominator 166 + 1.1 × 210 = 397)", () => {
  const { report } = checkWorkbook(workbook(sheet("学校", rows)), {
    settings: defaultSettings("basic-2012"),
  });
  const p = report.schools.find((s) => s.stage === "primary")!;
  const j = report.schools.find((s) => s.stage === "junior")!;
  expect(p.split && j.split).toBe(true);
  expect(p.students).toBe(166);
  expect(j.students).toBe(210);
  expect(p.indicators.books_per_student.value! * 166).toBeCloseTo(9711.6, 1);
  expect(j.indicators.books_per_student.value! * 210).toBeCloseTo(13514.4, 1);
  // 58.504 per primary student; the junior part gets 1.1 × that.
  expect(j.indicators.books_per_student.value!).toBeCloseTo(
    1.1 * p.indicators.books_per_student.value!,
    10
  );
  expect(report.findings.some((f) => f.code === "split-apportioned")).toBe(true);
});

test("plain student share → 10254.0 for the primary part (23226 × 166 / 376)", () => {
  const settings = defaultSettings("basic-2012");
  settings.policy.splitMethod = "student-share";
  const { report } = checkWorkbook(workbook(sheet("学校", rows)), { settings });
  const p = report.schools.find((s) => s.stage === "primary")!;
  expect(p.indicators.books_per_student.value! * 166).toBeCloseTo(10254.0, 1);
});

test("per-stage columns are used as they are, never re-split", () => {
  const perStage = [
    ["学校名称", "学校类型", "小学在校学生数", "初中在校学生数", "小学图书册数", "初中图书册数"],
    ["某九年一贯制学校", "九年一贯制学校", 166, 210, 5000, 8000],
  ];
  const { report } = checkWorkbook(workbook(sheet("学校", perStage)), {
    settings: defaultSettings("basic-2012"),
  });
  const p = report.schools.find((s) => s.stage === "primary")!;
  expect(p.indicators.books_per_student.value).toBeCloseTo(5000 / 166, 12);
  expect(
    report.schools.find((s) => s.stage === "junior")!.indicators.books_per_student.value
  ).toBeCloseTo(8000 / 210, 12);
});

test("a stage missing from the per-stage columns is derived from the total", () => {
  const derived = [
    ["学校名称", "学校类型", "在校生数", "小学在校学生数", "图书册数"],
    ["某九年一贯制学校", "九年一贯制学校", 376, 166, 23226],
  ];
  const { report } = checkWorkbook(workbook(sheet("学校", derived)), {
    settings: defaultSettings("basic-2012"),
  });
  expect(report.schools.find((s) => s.stage === "junior")!.students).toBe(210);
});

test("完全中学: only the junior part, share B ÷ (B + 1.2C)", () => {
  const cs = [
    ["学校名称", "学校类型", "初中在校学生数", "高中在校学生数", "图书册数"],
    ["某完全中学", "完全中学", 500, 500, 22000],
  ];
  const { report } = checkWorkbook(workbook(sheet("学校", cs)), {
    settings: defaultSettings("basic-2012"),
  });
  expect(report.schools).toHaveLength(1);
  const j = report.schools[0];
  expect(j.stage).toBe("junior");
  // 22000 × 500 / (500 + 1.2 × 500) = 10000 books → 20 per student.
  expect(j.indicators.books_per_student.value).toBeCloseTo(20, 10);
});

test("教学点 under 50 students is excluded and shown separately; 50 and above is a primary school", () => {
  const tp = [
    ["学校名称", "在校生数", "图书册数"],
    ["甲村教学点", 30, 300],
    ["乙村教学点", 50, 500],
    ["丙小学", 400, 8000],
  ];
  const { report } = checkWorkbook(workbook(sheet("小学", tp)), {
    settings: defaultSettings("basic-2012"),
  });
  const a = report.schools.find((s) => s.name === "甲村教学点")!;
  expect(a.excluded).toBeTruthy();
  expect(a.status).toBe("excluded");
  expect(report.schools.find((s) => s.name === "乙村教学点")!.excluded).toBe(false);
  expect(report.county.primary!.schools).toBe(2);
  expect(report.county.primary!.students).toBe(450);
});

test("branch campus (是否计校数 = 0) merges into its parent before any ratio", () => {
  const br = [
    ["学校名称", "是否计校数", "在校生数", "图书册数"],
    ["城关小学", 1, 800, 16000],
    ["城关小学(东校区)", 0, 200, 1000],
    ["西街小学", 1, 500, 10000],
  ];
  const { report } = checkWorkbook(workbook(sheet("小学", br)), {
    settings: defaultSettings("basic-2012"),
  });
  expect(report.schools).toHaveLength(2);
  const c = report.schools.find((s) => s.name === "城关小学")!;
  expect(c.students).toBe(1000);
  expect(c.indicators.books_per_student.value).toBeCloseTo(17000 / 1000, 12);
  expect(c.mergedRows).toEqual([3]);
});

test("findings about a split school's parts carry their stage", () => {
  // 某校: 100 primary, 100 junior students, 400 ㎡ 教辅用房 split 1 : 1.1 → 190.5 and 209.5 ㎡,
  // i.e. 1.90 ㎡ (< 4.5) and 2.10 ㎡ (< 5.8) per student: both parts miss L4.
  const rows = [
    ["学校名称", "学校类型", "小学在校学生数", "初中在校学生数", "教学及辅助用房面积(㎡)"],
    ["某九年一贯制学校", "九年一贯制学校", 100, 100, 400],
  ];
  const { report } = checkWorkbook(workbook(sheet("学校", rows)));
  const below = report.findings.filter((f) => f.code === "below-standard");
  expect(below.map((f) => f.stage).sort()).toEqual(["junior", "primary"]);
  expect(
    renderFinding(
      below.find((f) => f.stage === "primary")!,
      "zh-CN"
    )
  ).toContain("1.90 ㎡ < 4.5 ㎡（小学）");
  expect(
    renderFinding(
      below.find((f) => f.stage === "junior")!,
      "zh-CN"
    )
  ).toContain("2.10 ㎡ < 5.8 ㎡（初中）");
});
