/**
 * Splitting 一贯制 and 完全中学, standards.md §9 and default 4: one part per stage, whole-school facilities apportioned
 * by weighted students (1 : 1.1 : 1.32; 完全中学 1 : 1.2), whole-school teachers by plain student share, per-stage
 * columns used as they are. (The §9 books example under basic-2012 is in test/engine/split.test.ts.)
 */
import { check, flatten, flattenWhere, schoolOf, settingsWith } from "./harness";

describe("九年一贯制 under quality-2017: A = 166, B = 210, 23226 ㎡ 教辅用房 (§9's numbers)", () => {
  const report = check("学校", [
    ["学校名称", "学校类型", "小学在校学生数", "初中在校学生数", "教学及辅助用房面积(㎡)"],
    ["某九年一贯制学校", "九年一贯制学校", 166, 210, 23226],
  ]);
  const p = schoolOf(report, "某九年一贯制学校", "primary");
  const j = schoolOf(report, "某九年一贯制学校", "junior");
  test("two parts with their own students", () => {
    expect(p).toMatchObject({ split: true, students: 166 });
    expect(j).toMatchObject({ split: true, students: 210 });
  });
  test("shares 166 ÷ 397 and 231 ÷ 397 (397 = 166 + 1.1 × 210)", () => {
    expect(p.share).toBeCloseTo(166 / 397, 12);
    expect(j.share).toBeCloseTo(231 / 397, 12);
  });
  test("9711.6 ㎡ and 13514.4 ㎡; 58.504 and 64.354 per student", () => {
    const pv = p.indicators.teaching_space_per_student.value!;
    const jv = j.indicators.teaching_space_per_student.value!;
    expect(pv * 166).toBeCloseTo(9711.6, 1);
    expect(jv * 210).toBeCloseTo(13514.4, 1);
    expect(pv).toBeCloseTo(58.504, 3);
    expect(jv).toBeCloseTo(64.354, 3);
  });
  test("each part against its own stage's threshold", () => {
    expect(p.indicators.teaching_space_per_student.threshold).toBe(4.5);
    expect(j.indicators.teaching_space_per_student.threshold).toBe(5.8);
  });
  test("one split-apportioned warning for the school, no cell", () => {
    expect(flattenWhere(report, ["split-apportioned"])).toEqual([
      ["学校", null, "split-apportioned", "某九年一贯制学校", null, null],
    ]);
    expect(report.findings.find((f) => f.code === "split-apportioned")!.severity).toBe("warning");
  });
  test("policy splitMethod student-share: 23226 × 166 ÷ 376 = 10254.0 ㎡", () => {
    const r = check(
      "学校",
      [
        ["学校名称", "学校类型", "小学在校学生数", "初中在校学生数", "教学及辅助用房面积(㎡)"],
        ["某九年一贯制学校", "九年一贯制学校", 166, 210, 23226],
      ],
      { settings: settingsWith({ policy: { splitMethod: "student-share" } }) }
    );
    const v = schoolOf(r, "某九年一贯制学校", "primary").indicators.teaching_space_per_student
      .value!;
    expect(v * 166).toBeCloseTo(10254.0, 1);
  });
});

describe("十二年一贯制: A ÷ (A + 1.1B + 1.32C); the 高中部 is dropped", () => {
  // A = B = C = 100, 3420 ㎡: denominator 100 + 110 + 132 = 342 → 小学部 1000 ㎡ (10 per student), 初中部 1100 ㎡ (11).
  const report = check("学校", [
    [
      "学校名称",
      "学校类型",
      "小学在校学生数",
      "初中在校学生数",
      "高中在校学生数",
      "教学及辅助用房面积(㎡)",
    ],
    ["某十二年一贯制学校", "十二年一贯制学校", 100, 100, 100, 3420],
  ]);
  test("10 and 11 ㎡ per student, two parts only", () => {
    expect(report.schools.map((s) => s.stage)).toEqual(["primary", "junior"]);
    expect(
      schoolOf(report, "某十二年一贯制学校", "primary").indicators.teaching_space_per_student.value
    ).toBeCloseTo(10, 10);
    expect(
      schoolOf(report, "某十二年一贯制学校", "junior").indicators.teaching_space_per_student.value
    ).toBeCloseTo(11, 10);
  });
});

describe("完全中学: the 初中部 only, B ÷ (B + 1.2C)", () => {
  // B = C = 500, 22000 ㎡: 22000 × 500 ÷ (500 + 600) = 10000 ㎡ → 20 per student (1.32 would give 19.0).
  const rows = [
    ["学校名称", "学校类型", "初中在校学生数", "高中在校学生数", "教学及辅助用房面积(㎡)"],
    ["某完全中学", "完全中学", 500, 500, 22000],
  ];
  test("20 ㎡ per student", () => {
    const r = check("学校", rows);
    expect(r.schools).toHaveLength(1);
    expect(r.schools[0]).toMatchObject({ stage: "junior", students: 500, split: true });
    expect(r.schools[0].indicators.teaching_space_per_student.value).toBeCloseTo(20, 10);
  });
  test("the weight is a setting: completeSecondarySeniorWeight 1.5 → 22000 × 500 ÷ 1250 ÷ 500 = 17.6", () => {
    const r = check("学校", rows, {
      settings: settingsWith({ policy: { completeSecondarySeniorWeight: 1.5 } }),
    });
    expect(r.schools[0].indicators.teaching_space_per_student.value).toBeCloseTo(17.6, 10);
  });
});

describe("whole-school teacher counts are apportioned by plain student share", () => {
  // A = 300, B = 200, 10 key teachers: 小学部 10 × 300 ÷ 500 = 6 → 6 × 100 ÷ 300 = 2.0; 初中部 4 → 2.0.
  // (By the 1 : 1.1 weights the 小学部 would get 10 × 300 ÷ 520 = 5.77 → 1.923.)
  const report = check("学校", [
    ["学校名称", "学校类型", "小学在校学生数", "初中在校学生数", "县级及以上骨干教师数"],
    ["城南学校", "九年一贯制学校", 300, 200, 10],
  ]);
  test("2.0 and 2.0 per 100", () => {
    expect(
      schoolOf(report, "城南学校", "primary").indicators.key_teachers_per_100.value
    ).toBeCloseTo(2, 10);
    expect(
      schoolOf(report, "城南学校", "junior").indicators.key_teachers_per_100.value
    ).toBeCloseTo(2, 10);
  });
});

describe("per-stage columns win and are never re-split", () => {
  const report = check("学校", [
    [
      "学校名称",
      "学校类型",
      "小学在校学生数",
      "初中在校学生数",
      "小学教学及辅助用房面积(㎡)",
      "初中教学及辅助用房面积(㎡)",
      "小学县级及以上骨干教师数",
      "初中县级及以上骨干教师数",
    ],
    // 1500 ÷ 300 = 5.0, 1200 ÷ 200 = 6.0; 骨干 3 × 100 ÷ 300 = 1.0, 4 × 100 ÷ 200 = 2.0
    ["城南学校", "九年一贯制学校", 300, 200, 1500, 1200, 3, 4],
  ]);
  test("values from the stage's own columns", () => {
    const p = schoolOf(report, "城南学校", "primary").indicators;
    const j = schoolOf(report, "城南学校", "junior").indicators;
    expect(p.teaching_space_per_student.value).toBe(5);
    expect(j.teaching_space_per_student.value).toBe(6);
    expect(p.key_teachers_per_100.value).toBe(1);
    expect(j.key_teachers_per_100.value).toBe(2);
  });
  test("nothing apportioned, so no split-apportioned", () => {
    expect(flatten(report, ["split-apportioned"])).toEqual([]);
  });
  test("a 九年一贯制 row in a sheet named 初中 is that stage's part: not split (docs/decisions.md)", () => {
    const r = check("初中", [
      ["学校名称", "学校类型", "在校生数", "教学及辅助用房面积(㎡)"],
      ["城南学校", "九年一贯制学校", 200, 1200],
    ]);
    expect(r.schools).toHaveLength(1);
    expect(r.schools[0]).toMatchObject({ stage: "junior", split: false, students: 200 });
    expect(r.schools[0].indicators.teaching_space_per_student.value).toBe(6);
  });
  test("a 九年一贯制 without per-stage students cannot be split: unknown-stage, left out", () => {
    const r = check("学校", [
      ["学校名称", "学校类型", "在校生数", "教学及辅助用房面积(㎡)"],
      ["城南学校", "九年一贯制学校", 500, 3000],
      ["城关小学", "小学", 500, 3000],
    ]);
    expect(r.schools.map((s) => s.name)).toEqual(["城关小学"]);
    expect(flattenWhere(r, ["unknown-stage"])).toEqual([
      ["学校", "A2", "unknown-stage", "城南学校", null, null],
    ]);
  });
});
