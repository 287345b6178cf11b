/**
 * Data checks: totals (合计/小计 against the rows they cover), duplicate schools, impossible values, precomputed ratio
 * columns and the ×100 scale suspicion (standards.md §11.1, report-format.md's codes).
 */
import { check, checkSheets, flatten, flattenWhere, schoolOf } from "./harness";
import { renderFinding } from "../../../src/present/findingText";

const HEADER = ["学校名称", "在校生数", "县级及以上骨干教师数"];

describe("total-mismatch: a 合计 / 小计 row against the sum of its schools", () => {
  test("a wrong 合计 is flagged at the total's cell, per column", () => {
    const r = check("小学", [
      HEADER,
      ["甲小学", 1000, 12],
      ["乙小学", 500, 6],
      // 1000 + 500 = 1500 ≠ 1600 (C4 flagged); 12 + 6 = 18 = 18 (D4 not)
      ["合计", 1600, 18],
    ]);
    expect(flattenWhere(r, ["total-mismatch"])).toEqual([
      ["小学", "B4", "total-mismatch", null, null, null],
    ]);
    expect(r.findings.find((f) => f.code === "total-mismatch")!.severity).toBe("warning");
  });
  test("a right 合计 raises nothing", () => {
    const r = check("小学", [HEADER, ["甲小学", 1000, 12], ["乙小学", 500, 6], ["合计", 1500, 18]]);
    expect(flatten(r, ["total-mismatch"])).toEqual([]);
  });
  test("小计 covers its block; the grand 合计 covers every school", () => {
    const r = check("学校", [
      ["学校名称", "学段", "在校生数", "县级及以上骨干教师数"],
      ["甲小学", "小学", 1000, 12], // row 2
      ["乙小学", "小学", 500, 6], // row 3
      ["小学小计", "", 1500, 19], // row 4: 12 + 6 = 18 ≠ 19 → D4
      ["甲初中", "初中", 800, 8], // row 5
      ["初中小计", "", 800, 8], // row 6: right
      ["合计", "", 2300, 27], // row 7: 1000 + 500 + 800 = 2300 right; 12 + 6 + 8 = 26 ≠ 27 → D7
    ]);
    expect(flatten(r, ["total-mismatch"])).toEqual([
      ["学校", "D4", "total-mismatch"],
      ["学校", "D7", "total-mismatch"],
    ]);
  });
  test("totals in another unit are converted: 合计 in the same 万元 column", () => {
    const r = check("小学", [
      ["学校名称", "在校生数", "教学仪器设备值(万元)"],
      ["甲小学", 1000, 200],
      ["乙小学", 500, 100.5],
      ["合计", 1500, 300.5],
    ]);
    expect(flatten(r, ["total-mismatch"])).toEqual([]);
  });
});

describe("duplicate-row: a school row entered twice is an error, not a second school", () => {
  // 城关小学 (row 2) again in row 4 with the same 1000 students and 12 骨干 in every column: one school counted
  // twice (primary students 2,500 instead of 1,500), so the workbook must not be 「可以提交」.
  const rows = [
    ["学校名称", "学段", "在校生数", "县级及以上骨干教师数"],
    ["城关小学", "小学", 1000, 12], // row 2
    ["西街小学", "小学", 500, 6], // row 3
    ["城关小学", "小学", 1000, 12], // row 4: typed twice
  ];
  test("an error at the second row's name cell, naming the first; no duplicate-school as well", () => {
    const r = check("学校", rows);
    expect(flattenWhere(r, ["duplicate-row", "duplicate-school"])).toEqual([
      ["学校", "A4", "duplicate-row", "城关小学", "primary", null],
    ]);
    const f = r.findings.find((x) => x.code === "duplicate-row")!;
    expect(f.severity).toBe("error");
    expect(f.params).toEqual({ otherSheet: "学校", otherRow: 2 });
    expect(r.summary.readyToSubmit).toBe(false);
  });
  test("one figure different (1000 → 1001 students): two schools of one name, the warning only", () => {
    const r = check("学校", [...rows.slice(0, 3), ["城关小学", "小学", 1001, 12]]);
    expect(flattenWhere(r, ["duplicate-row", "duplicate-school"])).toEqual([
      ["学校", "A4", "duplicate-school", "城关小学", "primary", null],
    ]);
  });
  test("a text cell counts too: 「/」 against a blank is a different row", () => {
    const r = check("学校", [
      ["学校名称", "学段", "在校生数", "县级及以上骨干教师数", "网络多媒体教室数"],
      ["城关小学", "小学", 1000, 12, "/"],
      ["城关小学", "小学", 1000, 12, null],
    ]);
    expect(flatten(r, ["duplicate-row"])).toEqual([]);
    expect(flatten(r, ["duplicate-school"])).toHaveLength(1);
  });
});

describe("duplicate-school: the same name twice in one stage", () => {
  const r = check("学校", [
    ["学校名称", "学段", "在校生数", "县级及以上骨干教师数"],
    ["城关小学", "小学", 1000, 12], // row 2
    ["西街小学", "小学", 500, 6], // row 3
    ["城关 小学", "小学", 1100, 12], // row 4: the same name once spaces are folded (other figures)
    ["实验学校", "小学", 600, 6], // row 5
    ["实验学校", "初中", 600, 6], // row 6: same name, other stage: not a duplicate
  ]);
  test("flagged at the second row's name cell", () => {
    expect(flattenWhere(r, ["duplicate-school"])).toEqual([
      ["学校", "A4", "duplicate-school", "城关 小学", "primary", null],
    ]);
    const f = r.findings.find((x) => x.code === "duplicate-school")!;
    expect(f.severity).toBe("warning");
    // It names the first occurrence (row 2).
    expect(renderFinding(f, "en")).toContain("2");
  });
  test("among 3,000 schools, only the repeated names (the name table grows past its first size)", () => {
    // 3,000 different names 第1小学 … 第3000小学 (rows 2 … 3001), then 第7小学 again (row 3002) and 第2999小学
    // again (row 3003), each with one figure changed: two duplicates, naming rows 8 and 3000.
    const rows: (string | number)[][] = [["学校名称", "学段", "在校生数", "县级及以上骨干教师数"]];
    for (let i = 1; i <= 3000; i++) rows.push([`第${i}小学`, "小学", 500, 5]);
    rows.push(["第7小学", "小学", 501, 5], ["第2999小学", "小学", 500, 6]);
    const big = check("学校", rows);
    expect(flattenWhere(big, ["duplicate-school"])).toEqual([
      ["学校", "A3002", "duplicate-school", "第7小学", "primary", null],
      ["学校", "A3003", "duplicate-school", "第2999小学", "primary", null],
    ]);
    const params = big.findings.filter((x) => x.code === "duplicate-school").map((x) => x.params);
    expect(params).toEqual([
      { otherSheet: "学校", otherRow: 8 },
      { otherSheet: "学校", otherRow: 3000 },
    ]);
  });
  test("the parts of one combined school are not duplicates of each other", () => {
    const x = check("学校", [
      ["学校名称", "学校类型", "小学在校学生数", "初中在校学生数"],
      ["城南学校", "九年一贯制学校", 600, 400],
    ]);
    expect(flatten(x, ["duplicate-school"])).toEqual([]);
  });
  test("across sheets of the same stage", () => {
    const x = checkSheets([
      ["小学", [HEADER, ["城关小学", 1000, 12]]],
      ["小学2", [HEADER, ["城关小学", 1000, 12]]],
    ]);
    expect(flatten(x, ["duplicate-school"])).toEqual([["小学2", "A2", "duplicate-school"]]);
  });
});

describe("impossible-value: more qualified/key/PE-arts teachers than teachers; 0 students with resources", () => {
  const r = check("小学", [
    [
      "学校名称",
      "在校生数",
      "专任教师数",
      "高于规定学历教师数",
      "县级及以上骨干教师数",
      "体育、艺术专任教师数",
      "教学及辅助用房面积(㎡)",
    ],
    ["甲小学", 1000, 50, 51, 12, 10, 5000], // row 2: 51 qualified > 50 teachers → D2
    ["乙小学", 1000, 50, 50, 51, 10, 5000], // row 3: 51 key > 50 → E3 (50 = 50 qualified is fine)
    ["丙小学", 1000, 50, 45, 12, 51, 5000], // row 4: 51 PE/arts > 50 → F4
    ["丁小学", 0, 5, 4, 1, 1, 300], // row 5: 0 students but teachers and rooms → B5
    ["戊小学", 1000, 50, 50, 50, 50, 5000], // row 6: all equal to 专任教师: possible
  ]);
  test("one impossible-value error per contradiction, at the offending cell", () => {
    expect(flattenWhere(r, ["impossible-value"])).toEqual([
      ["小学", "B5", "impossible-value", "丁小学", "primary", null],
      ["小学", "D2", "impossible-value", "甲小学", "primary", null],
      ["小学", "E3", "impossible-value", "乙小学", "primary", null],
      ["小学", "F4", "impossible-value", "丙小学", "primary", null],
    ]);
    expect(r.findings.find((f) => f.code === "impossible-value")!.severity).toBe("error");
  });
  test("0 students: no indicator value (no division by zero)", () => {
    const d = schoolOf(r, "丁小学");
    expect(d.indicators.key_teachers_per_100.value).toBeNull();
    expect(d.status).not.toBe("pass");
  });
  test("0 students: the one error is the 在校生数 cell, not a 「未填写」 on each filled cell (one finding per cause)", () => {
    // Before, 丁小学's four filled cells C5…G5 were each reported missing-value (「未填写」) besides B5's error.
    const own = r.findings.filter((f) => f.school === "丁小学");
    expect(own.filter((f) => f.severity === "error").map((f) => [f.cell, f.code])).toEqual([
      ["B5", "impossible-value"],
    ]);
    expect(own.filter((f) => f.code === "missing-value")).toEqual([]);
    // Each indicator that needs students points at the students cell.
    expect(schoolOf(r, "丁小学").indicators.key_teachers_per_100.cell).toBe("B5");
  });
});

describe("precomputed ratio columns (生均… / 每百名…, §11.1)", () => {
  test("used as the value when the raw quantity is absent", () => {
    const r = check("小学", [
      ["学校名称", "在校生数", "每百名学生拥有县级以上骨干教师数", "生均教学及辅助用房面积(㎡)"],
      ["甲小学", 1000, 1.2, 5.1],
    ]);
    const s = r.schools[0].indicators;
    expect(s.key_teachers_per_100).toMatchObject({ value: 1.2, fromRatioColumn: true, cell: "C2" });
    expect(s.teaching_space_per_student).toMatchObject({ value: 5.1, fromRatioColumn: true });
  });
  test("with the raw quantity present it is recomputed, and a difference beyond display precision is flagged", () => {
    const r = check("小学", [
      ["学校名称", "在校生数", "县级及以上骨干教师数", "每百名学生拥有县级以上骨干教师数"],
      ["甲小学", 1000, 12, 1.2], // row 2: 12 × 100 ÷ 1000 = 1.2 agrees
      ["乙小学", 1000, 12, 1.204], // row 3: 1.204 − 1.2 = 0.004 ≤ 0.005 (half of 0.01): agrees at 2 dp
      ["丙小学", 1000, 12, 1.5], // row 4: 1.5 ≠ 1.2 → flagged at the ratio cell D4
    ]);
    expect(schoolOf(r, "丙小学").indicators.key_teachers_per_100.value).toBeCloseTo(1.2, 12);
    expect(schoolOf(r, "丙小学").indicators.key_teachers_per_100.fromRatioColumn).toBeUndefined();
    expect(flattenWhere(r, ["precomputed-mismatch"])).toEqual([
      ["小学", "D4", "precomputed-mismatch", "丙小学", "primary", "key_teachers_per_100"],
    ]);
  });
  test("a 每百名 column with median < 0.1 probably lacks the ×100: ratio-scale-suspect, not rescaled", () => {
    const r = check("小学", [
      ["学校名称", "在校生数", "每百名学生拥有县级以上骨干教师数"],
      ["甲小学", 1000, 0.012],
      ["乙小学", 1000, 0.011],
      ["丙小学", 1000, 0.013],
    ]);
    expect(flattenWhere(r, ["ratio-scale-suspect"])).toEqual([
      ["小学", null, "ratio-scale-suspect", null, null, null],
    ]);
    expect(r.findings.find((f) => f.code === "ratio-scale-suspect")!.severity).toBe("warning");
    expect(schoolOf(r, "甲小学").indicators.key_teachers_per_100.value).toBe(0.012);
  });
  test("a median of 0.1 or more is not suspect", () => {
    const r = check("小学", [
      ["学校名称", "在校生数", "每百名学生拥有县级以上骨干教师数"],
      ["甲小学", 1000, 0.05],
      ["乙小学", 1000, 0.1],
      ["丙小学", 1000, 1.2],
    ]);
    expect(flatten(r, ["ratio-scale-suspect"])).toEqual([]);
  });
});
