/**
 * The edges of the whole assessment's rules (standards.md §17.2–17.3, §17.8): for each, a case on the passing side
 * and one on the failing side, with the arithmetic in the comment. These are the rules a single-rule change could
 * break without any other test noticing (scripts/mutation/mutants.json: as-*).
 */
import { checkWorkbook } from "../../../src/engine/report";
import { verdictOf } from "../../../src/engine/assessment";
import type { AssessmentItem } from "../../../src/engine/assessment/types";
import type { RawCell } from "../../../src/engine/workbook";
import { SECTION16_HEADER, SECTION16_ROWS, sheet, workbook } from "../helpers";

jest.setTimeout(60000);

function county(rows: RawCell[][]) {
  return sheet("县级指标", [["代码", "数值", "单位", "说明"], ...rows]);
}

function items(...sheets: ReturnType<typeof sheet>[]) {
  const { report } = checkWorkbook(workbook(...sheets));
  const a = report.assessment!;
  const byId = (id: string): AssessmentItem => a.items.find((i) => i.id === id)!;
  return { report, a, byId };
}

const FUNDS_HEAD = ["学校名称", "学校类型", "在校生数", "公用经费(元)"];

describe("§17.8 the verdict", () => {
  const item = (id: string, meets: boolean | null) => ({ id, meets }) as AssessmentItem;
  test("every item met → true; one missing → null (never a pass); one failing → false", () => {
    expect(verdictOf([item("G1", true), item("G3", true)])).toEqual({
      verdict: true,
      blocking: [],
      pending: [],
    });
    expect(verdictOf([item("G1", true), item("G3", null)])).toEqual({
      verdict: null,
      blocking: [],
      pending: ["G3"],
    });
    expect(verdictOf([item("G1", false), item("G3", null)])).toEqual({
      verdict: false,
      blocking: ["G1"],
      pending: ["G3"],
    });
  });
});

describe("§17.3 G6: schools under 100 students, 公用经费 ≥ 100 × 定额", () => {
  test("a school of exactly 100 students is not under 100: no school to judge → not-applicable", () => {
    // 100 students, 0 元: it would fail if it were counted (0 < 100 × 650).
    const { byId } = items(
      sheet("学校", [FUNDS_HEAD, ["甲小学", "小学", 100, 0]]),
      county([["G2.base_primary", 650, "元"]])
    );
    expect(byId("G6")).toMatchObject({ meets: true, status: "not-applicable" });
  });
  test("99 students: 65,000 元 = 100 × 650 meets (equal), 64,999 元 fails", () => {
    const { byId } = items(
      sheet("学校", [FUNDS_HEAD, ["乙小学", "小学", 99, 65000], ["丙小学", "小学", 99, 64999]]),
      county([["G2.base_primary", 650, "元"]])
    );
    expect(byId("G6")).toMatchObject({
      value: 1,
      meets: false,
      status: "computed",
      schools: ["丙小学"],
    });
  });
});

describe("§17.3 G7, G8, Q9 from 「县级指标」", () => {
  const schools = () => sheet("学校", [FUNDS_HEAD, ["甲小学", "小学", 600, 300000]]);
  test("G7 with 0 special-education students: not-applicable (no value), not 100 万元 ÷ 0", () => {
    const { byId } = items(
      schools(),
      county([
        ["G7.special_funds", 100, "万元"],
        ["G7.special_students", 0],
      ])
    );
    expect(byId("G7")).toMatchObject({ value: null, meets: true, status: "not-applicable" });
  });
  test("G8: 98,000 ≥ 97,000 but 绩效工资 否 → fails; with 是 it meets", () => {
    const g8 = (pay: string) =>
      items(
        schools(),
        county([
          ["G8.teacher_salary", 98000, "元"],
          ["G8.civil_salary", 97000, "元"],
          ["G8.performance_pay", pay],
        ])
      ).byId("G8");
    expect(g8("否")).toMatchObject({ value: 98000, threshold: 97000, meets: false });
    expect(g8("是")).toMatchObject({ value: 98000, threshold: 97000, meets: true });
  });
  test("Q9: level Ⅱ (2) is below Ⅲ → fails although 差异率 0.10 < 0.15; level Ⅲ (3) meets", () => {
    const q9 = (level: string) =>
      items(
        schools(),
        county([
          ["Q9.math.level", level],
          ["Q9.math.gap", 0.1],
        ])
      ).byId("Q9");
    expect(q9("II").parts).toEqual([
      { id: "Q9.math.level", value: 2, threshold: 3, meets: false },
      { id: "Q9.math.gap", value: 0.1, threshold: 0.15, meets: true },
    ]);
    expect(q9("II").meets).toBe(false);
    expect(q9("III").meets).toBe(true);
  });
});

describe("§17.2 count items: undecided schools make the item null, never met", () => {
  test("G4: 乙 has no 在校生数, so its size is unknown: no value, meets null (missing); with 乙 filled, 0 over, meets", () => {
    const head = ["学校名称", "学校类型", "在校生数"];
    const open = items(sheet("学校", [head, ["甲小学", "小学", 600], ["乙小学", "小学", null]]));
    // §17.8: none over so far is not none over: a missing item has no value.
    expect(open.byId("G4")).toMatchObject({ value: null, meets: null, status: "missing" });
    const full = items(sheet("学校", [head, ["甲小学", "小学", 600], ["乙小学", "小学", 700]]));
    expect(full.byId("G4")).toMatchObject({ value: 0, meets: true, status: "computed" });
  });
  test("R-school: §16's A and B pass → 0 failing, met; A without 高于规定学历 is INCOMPLETE → no value, null", () => {
    const [A, B] = SECTION16_ROWS;
    const both = items(sheet("小学", [SECTION16_HEADER, A, B]));
    expect(both.byId("R-school")).toMatchObject({ value: 0, meets: true });
    // A: 6 of 7 met and the 7th (L1) missing → INCOMPLETE (§3.3), not a failure.
    const blank = [A[0], A[1], null, ...A.slice(3)];
    const open = items(sheet("小学", [SECTION16_HEADER, blank, B]));
    expect(open.report.schools.map((s) => s.status)).toEqual(["incomplete", "pass"]);
    expect(open.byId("R-school")).toMatchObject({ value: null, meets: null, status: "missing" });
  });
});

describe("decisions.md, a school left out: no verdict until it is fixed", () => {
  test("a row with figures but no school name: name-missing, left out, summary.meets null, not ready", () => {
    const [A, B] = SECTION16_ROWS;
    const ok = checkWorkbook(workbook(sheet("小学", [SECTION16_HEADER, A, B]))).report;
    expect(ok.summary).toMatchObject({ meets: true, leftOut: 0 });
    const r = checkWorkbook(
      workbook(sheet("小学", [SECTION16_HEADER, A, B, [null, ...B.slice(1)]]))
    ).report;
    expect(r.findings.filter((f) => f.code === "name-missing").map((f) => f.cell)).toEqual(["A4"]);
    expect(r.summary).toMatchObject({ meets: null, leftOut: 1, readyToSubmit: false });
  });
});

describe("§17.3 G9: a county count wins over the school sum", () => {
  test("G9.trained 110 and G9.teachers 121 from 「县级指标」 win over the schools' 118 and 120: 110 × 100 ÷ 121", () => {
    const head = ["学校名称", "学校类型", "在校生数", "专任教师数", "完成360学时培训教师数"];
    const { byId, report } = items(
      sheet("学校", [head, ["甲小学", "小学", 600, 60, 59], ["乙小学", "小学", 600, 60, 59]]),
      county([
        ["G9.trained", 110, "人"],
        ["G9.teachers", 121, "人"],
      ])
    );
    // 110 × 100 ÷ 121 = 90.909…; the school sums would give 118 × 100 ÷ 121 = 97.52.
    expect(byId("G9").value).toBeCloseTo((110 * 100) / 121, 9);
    expect(byId("G9").meets).toBe(false);
    // Both differences are said: trained 110 vs 118, teachers 121 vs 120.
    expect(
      report.findings
        .filter((f) => f.code === "county-school-mismatch")
        .map((f) => (f.params as { code: string }).code)
    ).toEqual(["G9.trained", "G9.teachers"]);
  });
});
