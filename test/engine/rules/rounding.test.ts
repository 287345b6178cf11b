/**
 * Rounding, display and borderline, standards.md §7 and default 2: compare unrounded, display half up (2 dp for
 * school values, 3 dp for CVs), flag "borderline" when the displayed value would give the other verdict against the
 * threshold or the 85% floor.
 */
import { roundHalfUp } from "../../../src/engine/format";
import { check, flatten, flattenWhere, H7, PRIMARY_OK, withCells } from "./harness";

describe("half up on the decimal Excel shows, not toFixed", () => {
  test.each([
    [1.005, 2, 1.01], // (1.005).toFixed(2) = "1.00"
    [4.195, 2, 4.2],
    [3.5695, 2, 3.57],
    [0.5004, 3, 0.5],
    [0.5005, 3, 0.501],
    [0.5018, 3, 0.502],
    [2.675, 2, 2.68],
    [4.194999, 2, 4.19],
  ])("roundHalfUp(%p, %p) = %p", (v, d, expected) => {
    expect(roundHalfUp(v, d)).toBe(expected);
  });
  test("school values display at 2 dp", () => {
    const r = check("小学", [
      ["学校名称", "在校生数", "每百名学生拥有县级以上骨干教师数"],
      ["甲小学", 1000, 1.005],
    ]);
    expect(r.schools[0].indicators.key_teachers_per_100).toMatchObject({
      display: "1.01",
      value: 1.005,
    });
  });
});

// 小学 with all seven met except L1, given as a precomputed 每百名 column (C).
const H7R = [...H7];
H7R[2] = "每百名学生拥有高于规定学历教师数";

describe("borderline against the threshold (§7: 4.196 displays 4.20 but fails 4.2)", () => {
  const r = check("小学", [
    H7R,
    withCells(PRIMARY_OK, "甲小学", { C: 4.196 }), // row 2: shows 4.20, fails 4.2 → borderline
    withCells(PRIMARY_OK, "乙小学", { C: 4.195 }), // row 3: shows 4.20 (half up), fails → borderline
    withCells(PRIMARY_OK, "丙小学", { C: 4.194 }), // row 4: shows 4.19, fails: display agrees
    withCells(PRIMARY_OK, "丁小学", { C: 4.2 }), // row 5: exactly 4.2: met, shows 4.20
    withCells(PRIMARY_OK, "戊小学", { C: 4.204 }), // row 6: met, shows 4.20: agrees
  ]);
  test("flags", () => {
    const b = (i: number) => r.schools[i].indicators.qualified_teachers_per_100;
    expect([0, 1, 2, 3, 4].map((i) => b(i).borderline ?? false)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(b(0)).toMatchObject({ display: "4.20", meets: false });
    expect(b(1)).toMatchObject({ display: "4.20", meets: false });
  });
  test("a borderline warning at the input cell, besides below-standard", () => {
    expect(flattenWhere(r, ["borderline"])).toEqual([
      ["小学", "C2", "borderline", "甲小学", "primary", "qualified_teachers_per_100"],
      ["小学", "C3", "borderline", "乙小学", "primary", "qualified_teachers_per_100"],
    ]);
    expect(r.findings.find((f) => f.code === "borderline")!.severity).toBe("warning");
    // The unrounded value is in the message, so nobody judges by the display.
    expect(r.findings.find((f) => f.code === "borderline")!.messages.en).toContain("4.196");
  });
  test("4.196 still meets its floor: 6 met + 1 at the floor → pass", () => {
    expect(r.schools[0]).toMatchObject({ status: "pass", atFloor: ["qualified_teachers_per_100"] });
  });
});

describe("borderline against the 85% floor (§7: 3.5695 displays 3.57 but is below the 3.57 floor)", () => {
  const r = check("小学", [
    H7R,
    withCells(PRIMARY_OK, "甲小学", { C: 3.5695 }), // row 2: below the floor, shows 3.57 → borderline, FAIL
    withCells(PRIMARY_OK, "乙小学", { C: 3.57 }), // row 3: exactly the floor: PASS, not borderline
    withCells(PRIMARY_OK, "丙小学", { C: 3.564 }), // row 4: shows 3.56: FAIL, display agrees
  ]);
  test("flags and verdicts", () => {
    const v = (i: number) => r.schools[i].indicators.qualified_teachers_per_100;
    expect(v(0)).toMatchObject({ display: "3.57", meets: false, borderline: true });
    expect(r.schools[0].status).toBe("fail");
    expect(v(1).borderline).toBeUndefined();
    expect(r.schools[1].status).toBe("pass");
    expect(v(2).borderline).toBeUndefined();
    expect(r.schools[2].status).toBe("fail");
  });
  test("borderline and school-fails for 甲 only", () => {
    expect(flatten(r, ["borderline", "school-fails"])).toEqual([
      ["小学", "A2", "school-fails"],
      ["小学", "A4", "school-fails"],
      ["小学", "C2", "borderline"],
    ]);
  });
});
