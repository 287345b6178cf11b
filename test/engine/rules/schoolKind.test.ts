/**
 * What a school is when neither a 学校类型 column nor its name says (standards.md §8.4, §8.6): its per-stage
 * students decide. 小学 + 初中 + 高中 students make a 十二年一贯制 school, 初中 + 高中 a 完全中学, and a name that
 * says 小学 does not hide the 初中 students it reports. Shares are worked out by hand from the weights of §9
 * (1 : 1.1 : 1.32; 完全中学 1 : 1.2).
 */
import { check, schoolOf } from "./harness";

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
