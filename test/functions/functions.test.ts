/**
 * Every JH.* function through its implementation, with expectations worked out by hand from standards.md:
 * §6 (the official 5-school handout), §7 (float trap), §9 (split), §10/§13 (class size), §16 (four 小学).
 */
import {
  classSize,
  cv,
  cvCheck,
  cvLimit,
  gap,
  mean,
  meets,
  per100,
  perStudent,
  schoolCheck,
  split,
  standard,
} from "../../src/functions/impl";
import { col, errorCell, expectError, inLang } from "./helpers";

/** A blank cell, written as each convention passes it (see «blank cells» below). */
const BLANK = Symbol("blank");

// §6: five 小学, books per student X_i = books ÷ P_i.
const P6 = [45, 37, 89, 76, 55];
const BOOKS6 = [279, 137, 935, 160, 402];

// §16: four 小学, per-school inputs. pe_arts = 体 + 音 + 美; 仪器 in 万元.
const S16 = {
  A: { P: 1200, qual: 60, key: 14, pe: 12, space: 6000, sports: 9600, equip: 300, mm: 30 },
  B: { P: 600, qual: 28, key: 6, pe: 6, space: 2900, sports: 4200, equip: 126, mm: 15 },
  C: { P: 300, qual: 14, key: 2, pe: 3, space: 1200, sports: 2700, equip: 57, mm: 6 },
  D: { P: 150, qual: 8, key: 2, pe: 1, space: 800, sports: 1350, equip: 33, mm: 4 },
};
type School = (typeof S16)["A"];
/** The seven values of a §16 school computed with the functions, as a clerk's row of formulas would. */
const row16 = (s: School): unknown[] => [
  per100(s.qual, s.P),
  per100(s.key, s.P),
  per100(s.pe, s.P),
  perStudent(s.space, s.P, "㎡"),
  perStudent(s.sports, s.P),
  perStudent(s.equip, s.P, "万元"),
  per100(s.mm, s.P),
];

describe("JH.PERHUNDRED / JH.PERSTUDENT", () => {
  test("count × 100 ÷ students, multiplied first: 9 teachers for 1,000 students is exactly 0.9", () => {
    expect(per100(9, 1000)).toBe(0.9);
    expect((9 / 1000) * 100).not.toBe(0.9); // the trap the order avoids (0.8999999999999999)
    expect(per100(14, 1200)).toBeCloseTo(1.1667, 4);
  });
  test("万元 × 10000: 300 万元 for 1,200 students is 2,500 元, not 0.25", () => {
    expect(perStudent(300, 1200, "万元")).toBe(2500);
    expect(perStudent(6000, 1200, "㎡")).toBe(5);
    expect(perStudent(6000, 1200)).toBe(5);
    expect(perStudent(6000, 1200, "平方米")).toBe(5);
  });
  test("a unit written in the cell wins and is not applied twice", () => {
    expect(perStudent("300万元", 1200)).toBe(2500);
    expect(perStudent("300万元", 1200, "万元")).toBe(2500);
    expect(perStudent("1,200㎡", "３００")).toBe(4);
  });
  test("text numbers as clerks paste them: 「1,200」「３００」「 60 」", () => {
    expect(per100(" 60 ", "1,200")).toBe(5);
    expect(per100("６", "３００")).toBe(2);
  });
  test("missing data is #N/A (never 0): blank, —, 无, /, an error cell", () => {
    expectError(per100("—", 360), "#N/A", "为空");
    expectError(per100("", 360), "#N/A");
    expectError(per100(null, 360), "#N/A");
    expectError(per100("无", 360), "#N/A");
    expectError(per100("/", 360), "#N/A", "不适用");
    expectError(per100(3, "—"), "#N/A", "在校生数");
    expectError(per100(errorCell("#DIV/0!"), 360), "#VALUE!", "#DIV/0!");
  });
  test("zero students, negatives, text and unknown units are #VALUE! with a message in both languages", () => {
    expectError(per100(3, 0), "#VALUE!", "在校生数为 0");
    inLang("en-US", () => expectError(per100(3, 0), "#VALUE!", "the number of students is 0"));
    expectError(per100(-3, 100), "#VALUE!", "负数");
    expectError(per100("abc", 100), "#VALUE!", "不是数字");
    expectError(perStudent(300, 1200, "百元"), "#VALUE!", "百元");
    inLang("en", () => expectError(perStudent(300, 1200, "斤"), "#VALUE!", 'unknown unit "斤"'));
  });
});

describe("JH.MEAN / JH.CVWEIGHTED on the official handout (§6)", () => {
  const X = col(...BOOKS6.map((b, i) => b / P6[i]));
  const P = col(...P6);
  test("MEAN = 1913 / 302 (the county ratio of totals)", () => {
    expect(mean(X, P)).toBeCloseTo(1913 / 302, 12);
  });
  test("CV = 0.5153 (weighted population), not 0.4888 (unweighted) nor 0.5465 (÷ n − 1)", () => {
    const r = cv(X, P) as number;
    expect(r).toBeCloseTo(0.5153, 4);
    expect(r).not.toBeCloseTo(0.4888, 3);
    expect(r).not.toBeCloseTo(0.5465, 3);
  });
  test("values as the clerk's JH.PERSTUDENT column give the same CV", () => {
    const per = col(...BOOKS6.map((b, i) => perStudent(b, P6[i])));
    expect(cv(per, P)).toBeCloseTo(0.5153, 4);
  });
  test("a row range and a column range of the same size pair up", () => {
    expect(cv([BOOKS6.map((b, i) => b / P6[i])], [P6])).toBeCloseTo(0.5153, 4);
  });
});

describe("ranges as users have them", () => {
  const clean = cv(col(1, 2, 3), col(100, 200, 300)) as number;
  test("blank rows at the end of a selection are ignored", () => {
    expect(cv(col(1, 2, 3, "", null), col(100, 200, 300, "", null))).toBe(clean);
  });
  test("text numbers and full-width digits are numbers", () => {
    // "2,00" does not group by three: not a number (a decimal comma?), so that row is left out, never read as 200.
    expect(cv(col(1, 2, 3), col(100, "2,00", 300))).toBe(cv(col(1, 3), col(100, 300)));
    expect(cv(col("1", "２", " 3 "), col("100", "200", "３００"))).toBe(clean);
    expect(mean(col(1, 2), col("1,200", "１２００"))).toBe(1.5);
  });
  test("pairs with a missing value are left out: —, /, 无, #N/A cells, a student-less row, 0 students", () => {
    const v = col(1, 2, 3, "—", 9, 9, errorCell("#N/A"), 9, 9, "#DIV/0!");
    const p = col(100, 200, 300, 50, "—", "/", 70, 0, "无", 70);
    expect(cv(v, p)).toBe(clean);
    expect(mean(v, p)).toBe(mean(col(1, 2, 3), col(100, 200, 300)));
  });
  test("nothing to compute → #N/A with a message", () => {
    expectError(cv(col("—", ""), col(100, 200)), "#N/A", "没有一行");
    inLang("en-GB", () => expectError(mean(col("—"), col(1)), "#N/A", "no row has both"));
  });
  test("a county mean of 0 → #N/A (not assessable)", () => {
    expectError(cv(col(0, 0), col(10, 20)), "#N/A", "全县平均值为 0");
  });
  test("mismatched range sizes → #VALUE! naming both sizes, in both languages", () => {
    expectError(cv(col(1, 2, 3), col(1, 2)), "#VALUE!", "3 行 × 1 列", "2 行 × 1 列", "大小不同");
    inLang("en-US", () =>
      expectError(mean(col(1, 2, 3), col(1, 2)), "#VALUE!", "(3 × 1)", "(2 × 1)", "differ in size")
    );
  });
});

describe("§16: county results through the functions", () => {
  const schools = Object.values(S16);
  const P = col(...schools.map((s) => s.P));
  const columnOf = (k: number): unknown[][] => col(...schools.map((s) => row16(s)[k]));
  const expected = [
    [4.888889, 0.040656],
    [1.066667, 0.169251],
    [0.977778, 0.085038],
    [4.844444, 0.072674],
    [7.933333, 0.085698],
    [2293.333333, 0.101286],
    [2.444444, 0.073293],
  ];
  test.each(expected.map((e, k) => [k + 1, ...e]))("L%i: X̄ = %f, CV = %f", (k, m, c) => {
    expect(mean(columnOf(k - 1), P)).toBeCloseTo(m, 6);
    expect(cv(columnOf(k - 1), P)).toBeCloseTo(c, 6);
    expect(cvCheck(columnOf(k - 1), P, "小学")).toBe(true);
  });
});

describe("JH.STANDARD / JH.CVLIMIT", () => {
  test("thresholds by code, Chinese name, short name, id, English name; 小学/初中/primary/junior", () => {
    expect(standard("L1", "小学")).toBe(4.2);
    expect(standard("l1", "初中")).toBe(5.3);
    expect(standard("生均教学及辅助用房面积", "初中")).toBe(5.8);
    expect(standard("骨干教师", "primary")).toBe(1);
    expect(standard("equipment_value_per_student", "junior")).toBe(2500);
    expect(standard("每百名学生拥有体育、艺术（美术、音乐）专任教师数", "小学")).toBe(0.9);
    expect(standard("Multimedia rooms", "初中部")).toBe(2.4);
    expect(standard("L5", " 小学 ", "quality-2017")).toBe(7.5);
  });
  test("basic-2012 has no national per-school threshold → #N/A saying so", () => {
    expectError(standard(5, "小学", "basic-2012"), "#N/A", "没有全国统一的分校标准");
  });
  test("unknown indicator / stage / standard → #VALUE! listing what is accepted, in both languages", () => {
    expectError(standard("XYZ", "小学"), "#VALUE!", "「XYZ」", "L2 骨干教师");
    inLang("en-US", () =>
      expectError(standard("XYZ", "小学"), "#VALUE!", '"XYZ"', "L2 Key teachers")
    );
    expectError(standard("L8", "小学"), "#VALUE!", "不属于 quality-2017");
    expectError(standard(3, "小学"), "#VALUE!", "L1–L7");
    expectError(standard("L1", "高中"), "#VALUE!", "小学 或 初中");
    inLang("en", () => expectError(standard("L1", "senior"), "#VALUE!", "unknown stage"));
    expectError(standard("L1", "小学", "2020"), "#VALUE!", "quality-2017");
  });
  test("CV limits: 0.50 / 0.45 per indicator (2017), 0.65 / 0.55 composite (2012)", () => {
    expect(cvLimit("小学")).toBe(0.5);
    expect(cvLimit("初中")).toBe(0.45);
    expect(cvLimit("primary", "basic-2012")).toBe(0.65);
    expect(cvLimit("junior", "2012")).toBe(0.55);
    expect(cvLimit("初中", "优质均衡")).toBe(0.45);
  });
  test("the 2012 表2 order 1–8 (or L1–L8) picks the 2012 indicator", () => {
    // With basic-2012 there is no threshold, so the error names the standard — but the indicator resolved.
    expectError(standard(8, "小学", "basic-2012"), "#N/A", "basic-2012");
    expectError(standard(9, "小学", "basic-2012"), "#VALUE!", "8 中级职称");
    expectError(
      cvCheck(col(1), col(1), "小学", "L4", "basic-2012"),
      "#N/A",
      "8 项差异系数的平均值"
    );
    expectError(cvCheck(col(1), col(1), "小学", "生均图书册数"), "#VALUE!", "不属于 quality-2017");
  });
});

describe("JH.MEETS", () => {
  test("float trap: 9 ÷ 1000 × 100 = 0.8999999999999999 still meets 0.9 (§7)", () => {
    const trap = (9 / 1000) * 100;
    expect(trap).toBeLessThan(0.9);
    expect(meets("L3", "小学", trap)).toBe(true);
    expect(meets("L3", "小学", per100(9, 1000))).toBe(true);
    expect(meets("L3", "小学", 0.89)).toBe(false);
  });
  test("unrounded: 4.196 displays 4.20 but fails 4.2; exactly the threshold meets", () => {
    expect(meets("L1", "小学", 4.196)).toBe(false);
    expect(meets("L1", "小学", 4.2)).toBe(true);
    expect(meets("L2", "小学", per100(6, 600))).toBe(true); // §16 B: exactly 1
  });
  test("stage thresholds differ: 5.0 ㎡ meets 小学 4.5, not 初中 5.8", () => {
    expect(meets("L4", "小学", 5)).toBe(true);
    expect(meets("L4", "初中", 5)).toBe(false);
  });
  test("a missing value is #N/A, not FALSE", () => {
    expectError(meets("L2", "小学", "—"), "#N/A");
  });
});

describe("JH.GAP (§16 school C)", () => {
  const C = S16.C;
  test("key teachers: needs 1 × 300 ÷ 100 = 3, has 2 → 1", () => {
    expect(gap("L2", "小学", per100(C.key, C.P), C.P)).toBe(1);
  });
  test("teaching space: 4.5 × 300 = 1,350 ㎡, has 1,200 → 150 ㎡", () => {
    expect(gap("生均教学及辅助用房面积", "小学", perStudent(C.space, C.P), C.P)).toBe(150);
  });
  test("equipment: 2,000 × 300 = 600,000 元, has 570,000 → 30,000 元", () => {
    expect(gap("L6", "小学", perStudent(C.equip, C.P, "万元"), C.P)).toBe(30000);
  });
  test("multimedia: 2.3 × 300 ÷ 100 = 6.9 rooms, has 6 → 1 (rounded up)", () => {
    expect(gap("L7", "小学", per100(C.mm, C.P), C.P)).toBe(1);
  });
  test("met → 0; a fractional shortfall of a teacher rounds up to 1", () => {
    expect(gap("L2", "小学", per100(14, 1200), 1200)).toBe(0);
    expect(gap("L1", "小学", per100(41, 1000), 1000)).toBe(1); // needs 42
  });
  test("0 students → #VALUE!", () => {
    expectError(gap("L2", "小学", 0.5, 0), "#VALUE!", "为 0");
  });
});

describe("JH.SCHOOLCHECK (§16, §3.3)", () => {
  const r = (s: School): unknown[][] => [row16(s)];
  test("A 达标 (7 met), B 达标 (6 met, sports 93%), C 不达标 (3 met), D 不达标 (pe_arts 74% < 85%)", () => {
    expect(schoolCheck(r(S16.A), "小学")).toBe("达标");
    expect(schoolCheck(r(S16.B), "小学")).toBe("达标");
    expect(schoolCheck(r(S16.C), "小学")).toBe("不达标");
    expect(schoolCheck(r(S16.D), "小学")).toBe("不达标");
  });
  test("English text when Excel's UI is English", () => {
    inLang("en-US", () => {
      expect(schoolCheck(r(S16.A), "primary")).toBe("Pass");
      expect(schoolCheck(r(S16.C), "primary")).toBe("Fail");
    });
  });
  test("a blank: 数据不全 when the school could still pass, 不达标 when it fails regardless", () => {
    const a = row16(S16.A);
    a[1] = "—";
    expect(schoolCheck([a], "小学")).toBe("数据不全");
    inLang("en", () => expect(schoolCheck([a], "小学")).toBe("Incomplete"));
    const c = row16(S16.C);
    c[0] = "";
    expect(schoolCheck([c], "小学")).toBe("不达标");
    // D with its failing pe_arts blank could pass (6 met + the blank) → incomplete, never a pass.
    const d = row16(S16.D);
    d[2] = errorCell("#N/A");
    expect(schoolCheck([d], "小学")).toBe("数据不全");
  });
  test("a column of seven works as well as a row", () => {
    expect(schoolCheck(col(...row16(S16.B)), "小学")).toBe("达标");
  });
  test("detail: the reason, as 表Ⅱ-2 备注 has it", () => {
    expect(schoolCheck(r(S16.B), "小学", null, true)).toBe("达标（6 项达标；体育场馆 达到85%）");
    expect(schoolCheck(r(S16.C), "小学", null, true)).toBe(
      "不达标：仅 3 项达标（需至少 6 项）；骨干教师仅为标准的 66.67%（需 ≥ 85%）"
    );
    expect(schoolCheck(r(S16.D), "小学", null, true)).toBe(
      "不达标：体艺教师仅为标准的 74.07%（需 ≥ 85%）"
    );
    inLang("en", () =>
      expect(schoolCheck(r(S16.C), "primary", null, true)).toMatch(
        /^Fail: only 3 indicators met \(at least 6 needed\); key teachers only 66\.67% of the standard/
      )
    );
  });
  test("not seven values → #VALUE!; basic-2012 → #N/A (no per-school rule)", () => {
    expectError(schoolCheck([[1, 2, 3]], "小学"), "#VALUE!", "应选 7 个指标值", "1 行 × 3 列");
    expectError(
      schoolCheck([row16(S16.A).concat([1])], "小学", "basic-2012"),
      "#N/A",
      "basic-2012"
    );
  });
});

describe("JH.CVCHECK", () => {
  // Two schools of equal size with values 1 and 3: X̄ = 2, S = 1, CV = 0.5 exactly.
  const v = col(1, 3);
  const p = col(100, 100);
  test("≤ is inclusive: CV 0.50 passes 小学 (0.50) and fails 初中 (0.45)", () => {
    expect(cv(v, p)).toBe(0.5);
    expect(cvCheck(v, p, "小学")).toBe(true);
    expect(cvCheck(v, p, "初中")).toBe(false);
  });
  test("the official example's 0.5153 fails 0.50", () => {
    expect(cvCheck(col(...BOOKS6.map((b, i) => b / P6[i])), col(...P6), "小学", "L2")).toBe(false);
  });
  test("a school without data: 数据不全 instead of TRUE; still FALSE when it fails anyway", () => {
    expect(cvCheck(col(1, 3, 2), col(100, 100, "—"), "小学")).toBe("数据不全");
    inLang("en", () =>
      expect(cvCheck(col(1, 3, 2), col(100, 100, "—"), "小学")).toBe("Incomplete")
    );
    expect(cvCheck(col(1, 3, 2), col(100, 100, "—"), "初中")).toBe(false);
  });
});

describe("JH.SPLITSHARE (§9)", () => {
  test("A = 166, B = 210, 23,226 books: 小学部 9,711.6, 初中部 13,514.4 (denominator 166 + 1.1 × 210 = 397)", () => {
    const a = split(23226, 166, 210, "primary") as number;
    const b = split(23226, 166, 210, "junior") as number;
    expect(a).toBeCloseTo(9711.6, 1);
    expect(b).toBeCloseTo(13514.4, 1);
    expect(a).toBeCloseTo((23226 * 166) / 397, 9);
    expect(a + b).toBeCloseTo(23226, 9);
    expect(b / 210).toBeCloseTo((1.1 * a) / 166, 9); // a junior student gets 1.1 × a primary student's share
    expect(split(23226, 166, 210, "小学")).toBe(a);
  });
  test("plain student share (as for teacher counts): 166 ÷ 376 → 10,254.0", () => {
    expect(split(23226, 166, 210, "小学", null, "学生数")).toBeCloseTo(10254.0, 1);
    expect(split(23226, 166, 210, "小学", null, [[1, 1]])).toBeCloseTo(10254.0, 1);
  });
  test("十二年一贯制 1 : 1.1 : 1.32; 完全中学 (no 小学部) B ÷ (B + 1.2C)", () => {
    // 1,000 × 1.1 × 100 ÷ (100 + 110 + 66) = 110,000 ÷ 276
    expect(split(1000, 100, 100, "初中", 50)).toBeCloseTo(110000 / 276, 9);
    expect(split(1000, 0, 100, "初中", 50)).toBeCloseTo((1000 * 100) / (100 + 1.2 * 50), 9);
  });
  test("errors: all stages 0, an unknown part, unknown weights", () => {
    expectError(split(100, 0, 0, "小学"), "#VALUE!", "均为 0");
    expectError(split(100, 1, 1, "幼儿园"), "#VALUE!", "小学、初中 或 高中");
    expectError(split(100, 1, 1, "小学", null, "abc"), "#VALUE!", "权重");
    inLang("en", () =>
      expectError(split(100, 1, 1, "小学", null, "abc"), "#VALUE!", "unknown weights")
    );
  });
});

describe("JH.CLASSSIZE (§10, §13)", () => {
  const sizes = col(44, 46, 45, 51, 58, 70, "—", "", 66, 56, 65);
  test("over the stage limit: 小学 > 45, 初中 > 50", () => {
    expect(classSize(sizes, "小学")).toBe(7); // 46 51 58 70 66 56 65
    expect(classSize(sizes, "初中")).toBe(6); // 51 58 70 66 56 65
  });
  test("大班额 56–65 and 超大班额 ≥ 66", () => {
    expect(classSize(sizes, "小学", "大班额")).toBe(3); // 58 56 65
    expect(classSize(sizes, "初中", "超大班额")).toBe(2); // 70 66
    expect(classSize(sizes, "junior", "very-large")).toBe(2);
  });
  test("no numbers → #N/A; unknown band → #VALUE!", () => {
    expectError(classSize(col("—", ""), "小学"), "#N/A", "班额");
    expectError(classSize(sizes, "小学", "偏大"), "#VALUE!", "大班额");
  });
});

/**
 * Blank cells under both conventions (docs/functions.md «Blank cells»): Excel on the web and current desktop builds
 * pass a blank cell as null (or ""), older desktop builds as 0 (office-js issues 1951, 4702, 5262). Every case runs
 * under both; where the answers must differ, neither may be a pass the data does not support.
 */
describe('blank cells arriving as null / "" and as 0', () => {
  const asNull = (...v: unknown[]): unknown[][] => col(...v.map((x) => (x === BLANK ? null : x)));
  const asEmpty = (...v: unknown[]): unknown[][] => col(...v.map((x) => (x === BLANK ? "" : x)));
  const asZero = (...v: unknown[]): unknown[][] => col(...v.map((x) => (x === BLANK ? 0 : x)));
  const conventions = [
    ["null", asNull],
    ['""', asEmpty],
    ["0", asZero],
  ] as const;
  // Three schools 1, 2, 3 with 100, 200, 300 students: X̄ = 1400 ÷ 600 = 7/3, E[X²] = 3600 ÷ 600 = 6,
  // S² = 6 − 49/9 = 5/9, CV = √(5/9) ÷ (7/3) = √5 ÷ 7 = 0.3194 (passes 小学 0.50).
  const CLEAN = Math.sqrt(5) / 7;

  test.each(conventions)(
    "blank as %s: spare blank rows at the end of a selection change nothing (CV √5 ÷ 7, CVCHECK TRUE)",
    (_, c) => {
      const v = c(1, 2, 3, BLANK, BLANK);
      const p = c(100, 200, 300, BLANK, BLANK);
      expect(cv(v, p)).toBeCloseTo(CLEAN, 12);
      expect(mean(v, p)).toBeCloseTo(7 / 3, 12);
      expect(cvCheck(v, p, "小学")).toBe(true);
    }
  );

  test.each(conventions)(
    "blank as %s: a school with a value but blank students is left out and the CV is 数据不全",
    (_, c) => {
      const v = c(1, 2, 3, 9);
      const p = c(100, 200, 300, BLANK);
      expect(cv(v, p)).toBeCloseTo(CLEAN, 12);
      expect(cvCheck(v, p, "小学")).toBe("数据不全");
    }
  );

  test("a blank value next to 400 students: left out (数据不全) as null, counted as 0 (FALSE) as 0 — never TRUE", () => {
    // As null or "": the fourth school is left out → CV √5 ÷ 7 on 3 of 4 schools → 数据不全.
    for (const c of [asNull, asEmpty]) {
      expect(cv(c(1, 2, 3, BLANK), c(100, 200, 300, 400))).toBeCloseTo(CLEAN, 12);
      expect(cvCheck(c(1, 2, 3, BLANK), c(100, 200, 300, 400), "小学")).toBe("数据不全");
    }
    // As 0: X = 1, 2, 3, 0 with P = 100, 200, 300, 400 → X̄ = 1400 ÷ 1000 = 1.4, E[X²] = 3600 ÷ 1000 = 3.6,
    // S² = 3.6 − 1.96 = 1.64, CV = √1.64 ÷ 1.4 = 0.9147 > 0.50 → FALSE.
    const v = asZero(1, 2, 3, BLANK);
    const p = asZero(100, 200, 300, 400);
    expect(cv(v, p)).toBeCloseTo(Math.sqrt(1.64) / 1.4, 12);
    expect(cvCheck(v, p, "小学")).toBe(false);
  });

  test("JH.PERHUNDRED / JH.PERSTUDENT of a blank: #N/A as null; as 0 a count of 0 is 0 and 0 students #VALUE!", () => {
    expectError(per100(null, 300), "#N/A");
    expectError(per100("", 300), "#N/A");
    expect(per100(0, 300)).toBe(0);
    expectError(per100(3, null), "#N/A");
    expectError(per100(3, 0), "#VALUE!", "在校生数为 0");
    expectError(perStudent(1200, 0, "㎡"), "#VALUE!", "在校生数为 0");
  });

  test("JH.SCHOOLCHECK with a blank value: 数据不全 as null, 不达标 as 0 — never 达标", () => {
    // §16 A (7 met) with 骨干教师 blank; §16 D with its failing 体艺教师 (74%) blank.
    for (const [s, k] of [
      [S16.A, 1],
      [S16.D, 2],
    ] as const) {
      const withNull = row16(s);
      withNull[k] = null;
      const withZero = row16(s);
      withZero[k] = 0;
      expect(schoolCheck([withNull], "小学")).toBe("数据不全");
      expect(schoolCheck([withZero], "小学")).toBe("不达标");
    }
  });

  test.each(conventions)("JH.CLASSSIZE: blank as %s is no class", (_, c) => {
    expect(classSize(c(48, BLANK, 46, 44), "小学")).toBe(2); // 48 and 46 > 45
  });
});
