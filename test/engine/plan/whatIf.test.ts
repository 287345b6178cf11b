/**
 * What-if: a plan written back with applyPlan (the path the sidebar takes when a planned figure is edited) gives
 * the same re-check as the planner's own `after`; an edited figure changes the verdict as the rule says.
 */
import { checkWorkbook } from "../../../src/engine/report";
import {
  applyDataEdits,
  applyPlan,
  dataCellsOf,
  planWorkbook,
  whatIf,
} from "../../../src/engine/plan";
import { SECTION16_HEADER, SECTION16_ROWS, sheet, workbook } from "../helpers";

const input = workbook(sheet("小学", [SECTION16_HEADER, ...SECTION16_ROWS]));
const result = planWorkbook(input);

test("applyPlan(plan) re-checks exactly like the planner's after", () => {
  const again = checkWorkbook(applyPlan(input, result.plan, result.cells)).report;
  expect(again.summary.schoolsMeeting).toBe(4);
  again.schools.forEach((s, i) => {
    for (const [id, r] of Object.entries(s.indicators))
      expect(r.value).toBe(result.afterReport.schools[i].indicators[id].value);
  });
});

test("an edited plan: C without its multimedia room fails again (用房 and 多媒体 both unmet)", () => {
  // C with +1 骨干 and +30,000 元 but no room: 多媒体 6 × 100 / 300 = 2.00 < 2.3 and 用房 4.00 < 4.5 → 5 of 7.
  const edited = {
    ...result.plan,
    schools: result.plan.schools.map((s) =>
      s.name === "C小学" ? { ...s, additions: { ...s.additions, multimedia_rooms: 0 } } : s
    ),
  };
  const r = checkWorkbook(applyPlan(input, edited, result.cells)).report;
  const c = r.schools.find((s) => s.name === "C小学")!;
  expect(c.status).toBe("fail");
  expect(c.metCount).toBe(5);
  expect(r.schools.find((s) => s.name === "D小学")!.status).toBe("pass");
});

test("the cells map survives structuredClone (it crosses to a Web Worker)", () => {
  expect(structuredClone(result.cells)).toEqual(result.cells);
  expect(structuredClone(result.plan)).toEqual(result.plan);
});

describe("what-if on a school's data (the 达标测算 view's 改数据)", () => {
  test("the cells of D小学 with their values in the column's own unit", () => {
    const cells = dataCellsOf(input, result.cells, "小学|5|primary");
    // Row 5 is D: 骨干 2 in column D, 仪器 33 万元 in column J (1 元 = 0.0001 万元).
    expect(cells.find((c) => c.kind === "key_teachers")).toEqual({
      kind: "key_teachers",
      sheet: "小学",
      cell: "D5",
      value: 2,
      rawPerBase: 1,
    });
    const eq = cells.find((c) => c.kind === "equipment_value")!;
    expect([eq.cell, eq.value]).toEqual(["J5", 33]);
    expect(eq.rawPerBase).toBeCloseTo(1e-4, 12);
  });

  test("D with 1 骨干 instead of 2 fails even with the plan; the 骨干 CV is re-computed", () => {
    const r = whatIf(input, result.plan, result.cells, [{ sheet: "小学", cell: "D5", value: 1 }]);
    // D: 骨干 1 × 100 / 150 = 0.667 < floor 0.85, and 体艺 1 → 0.667 < 0.765 before the plan; the plan's +1 体艺
    // fixes only the second.
    const d = (rep: typeof r.after) => rep.schools.find((s) => s.name === "D小学")!;
    expect(d(r.before).status).toBe("fail");
    expect(d(r.after).status).toBe("fail");
    expect(r.after.schools.filter((s) => s.status === "pass")).toHaveLength(3);
    // 骨干 after the plan: A 14/1200, B 6/600, C 2+1 = 3/300, D 1/150; X̄ = 24 × 100 / 2250 = 1.066667;
    // Σ P(X − X̄)² = 1200 × 0.1² + 600 × 0.066667² + 300 × 0.066667² + 150 × 0.4² = 12 + 2.6667 + 1.3333 + 24 = 40,
    // S = √(40 / 2250) = 0.133333, CV = 0.125.
    expect(r.after.county.primary!.indicators.key_teachers_per_100.cv).toBeCloseTo(0.125, 9);
    // The caller's input is unchanged.
    expect(input.sheets[0].rows[4][3]).toBe(2);
  });

  test("no edits: the same as the plan's own after", () => {
    const r = whatIf(input, result.plan, result.cells, []);
    expect(r.after.summary.schoolsMeeting).toBe(4);
    expect(applyDataEdits(input, [])).toBe(input);
  });
});
