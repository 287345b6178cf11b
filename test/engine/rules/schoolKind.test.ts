/**
 * What a school is when neither a 学校类型 column nor its name says (standards.md §8.4, §8.6): its per-stage
 * students decide. 小学 + 初中 + 高中 students make a 十二年一贯制 school, 初中 + 高中 a 完全中学, and a name that
 * says 小学 does not hide the 初中 students it reports. Shares are worked out by hand from the weights of §9
 * (1 : 1.1 : 1.32; 完全中学 1 : 1.2).
 */
import { check, codesOf, schoolOf } from "./harness";

const HEADER = [
  "学校名称",
  "小学在校学生数",
  "初中在校学生数",
  "高中在校学生数",
  "教学及辅助用房面积(㎡)",
];

describe("the kind from per-stage students (no 学校类型 column)", () => {
  test("小学 100, 初中 100, 高中 100: a 十二年一贯制 school; 小学部 share 100 ÷ (100 + 110 + 132) = 100 ÷ 342", () => {
    const r = check("学校", [HEADER, ["育才学校", 100, 100, 100, 3420]]);
    const p = schoolOf(r, "育才学校", "primary");
    const j = schoolOf(r, "育才学校", "junior");
    expect([p.type, j.type]).toEqual(["twelve-year", "twelve-year"]);
    expect(p.share).toBeCloseTo(100 / 342, 12);
    expect(j.share).toBeCloseTo(110 / 342, 12);
    // 3420 ㎡ × 100 ÷ 342 = 1000 ㎡ for 100 students: 10 per student.
    expect(p.indicators.teaching_space_per_student.value).toBeCloseTo(10, 9);
  });

  test("初中 100, 高中 100, no 小学: a 完全中学; 初中部 share 100 ÷ (100 + 1.2 × 100) = 100 ÷ 220", () => {
    const r = check("学校", [HEADER, ["育英学校", 0, 100, 100, 2200]]);
    const j = schoolOf(r, "育英学校", "junior");
    expect(j.type).toBe("complete-secondary");
    expect(j.split).toBe(true);
    expect(j.share).toBeCloseTo(100 / 220, 12);
    // 2200 ㎡ × 100 ÷ 220 = 1000 ㎡ for 100 students.
    expect(j.indicators.teaching_space_per_student.value).toBeCloseTo(10, 9);
    expect(r.schools.filter((s) => s.name === "育英学校").map((s) => s.stage)).toEqual(["junior"]);
  });

  test("a name saying 小学 with 初中 students: the students decide (九年一贯制, two parts)", () => {
    const r = check("学校", [HEADER, ["城关小学", 300, 200, 0, 5000]]);
    const parts = r.schools.filter((s) => s.name === "城关小学");
    expect(parts.map((s) => [s.stage, s.type])).toEqual([
      ["primary", "nine-year"],
      ["junior", "nine-year"],
    ]);
    // 300 ÷ (300 + 1.1 × 200) = 300 ÷ 520.
    expect(parts[0].share).toBeCloseTo(300 / 520, 12);
  });

  test("a name saying 小学 with 小学 students only stays a 小学 (not split)", () => {
    const r = check("学校", [HEADER, ["城关小学", 300, 0, 0, 5000]]);
    const p = schoolOf(r, "城关小学", "primary");
    expect([p.type, p.split]).toEqual(["primary", false]);
  });
});

describe("a name that says 特教, 职业 or 教学点 beats a 学校类型 that names a kind (§8 rules 3–4)", () => {
  const r = check("学校", [
    ["学校名称", "学校类型", "在校生数", "教学及辅助用房面积(㎡)"],
    ["县特殊教育学校", "小学", 100, 1000], // row 2
    ["东风职业中学", "初中", 300, 3000], // row 3
    ["王庄教学点", "小学", 30, 300], // row 4: < 50 students
    ["李庄教学点", "小学", 60, 600], // row 5: ≥ 50 students
    ["城关中学", "小学", 500, 5000], // row 6: an ambiguous name, the type decides
  ]);

  test("the 特殊教育 and 职业 schools are excluded at their name cell, whatever the type says", () => {
    const excluded = r.findings
      .filter((f) => f.code === "school-excluded")
      .map((f) => [f.cell, f.school, (f.params as { reason: string }).reason]);
    expect(excluded).toEqual(
      expect.arrayContaining([
        ["A2", "县特殊教育学校", "special-education"],
        ["A3", "东风职业中学", "vocational"],
      ])
    );
    const names = r.schools.map((s) => s.name);
    expect(names).not.toContain("县特殊教育学校");
    expect(names).not.toContain("东风职业中学");
  });

  test("a 小学-typed row named …教学点 is a 教学点: under 50 students excluded, 50 or more assessed", () => {
    const small = schoolOf(r, "王庄教学点");
    expect([small.type, small.status, small.excluded]).toEqual([
      "teaching-point",
      "excluded",
      "small-teaching-point",
    ]);
    const big = schoolOf(r, "李庄教学点");
    expect([big.type, big.stage, big.excluded]).toEqual(["teaching-point", "primary", false]);
  });

  test("城关中学 typed 小学 is a 小学 (the type settles an ambiguous name)", () => {
    const s = schoolOf(r, "城关中学");
    expect([s.type, s.stage, s.excluded]).toEqual(["primary", "primary", false]);
    expect(codesOf(r)).not.toContain("unknown-stage");
  });
});

describe("a 学校类型 column and a 学段 column together: a 九年一贯制 school's part rows (§9)", () => {
  // 学校类型 says the school, 学段 the part each row holds: each row is used as given, never re-split and never an
  // unknown-stage for want of per-stage students (found by the independent cross-check).
  const header = ["学校名称", "学校类型", "学段", "在校生数", "教学及辅助用房面积(㎡)"];
  const rows = [
    ["丙九年一贯制学校", "九年一贯制学校", "小学部", 600, 3000],
    ["丙九年一贯制学校", "九年一贯制学校", "初中部", 400, 2400],
    ["丁完全中学", "完全中学", "初中", 500, 3000],
    ["丁完全中学", "完全中学", "高中部", 700, 4200],
  ];
  test.each([
    ["学校类型 left of 学段", header, rows],
    [
      "学段 and 类型 (an equal match: 学段 read as the type)",
      ["学校名称", "学段", "类型", ...header.slice(3)],
      rows.map((r) => [r[0], r[2], r[1], ...r.slice(3)]),
    ],
    [
      "学段 left of 学校类型",
      [header[0], header[2], header[1], ...header.slice(3)],
      rows.map((r) => [r[0], r[2], r[1], ...r.slice(3)]),
    ],
  ])("%s: each row is its part, the 高中部 row left out", (_, h, data) => {
    const r = check("学校", [h, ...data]);
    expect(r.schools.filter((s) => !s.excluded).map((s) => [s.name, s.stage, s.students])).toEqual([
      ["丙九年一贯制学校", "primary", 600],
      ["丙九年一贯制学校", "junior", 400],
      ["丁完全中学", "junior", 500],
    ]);
    // 3000 ÷ 600 = 5.0 ㎡ (小学), 2400 ÷ 400 = 6.0 ㎡ (初中): each row's own figures, not apportioned.
    expect(
      schoolOf(r, "丙九年一贯制学校", "primary").indicators.teaching_space_per_student.value
    ).toBe(5);
    expect(
      schoolOf(r, "丙九年一贯制学校", "junior").indicators.teaching_space_per_student.value
    ).toBe(6);
    expect(codesOf(r)).not.toContain("unknown-stage");
    expect(codesOf(r)).not.toContain("split-apportioned");
    // Both columns are read: no column-ambiguous warning about one left aside.
    expect(codesOf(r)).not.toContain("column-ambiguous");
  });
});
