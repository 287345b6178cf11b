/**
 * What-if: a plan written back with applyPlan (the path the sidebar takes when a planned figure is edited) gives
 * the same re-check as the planner's own `after`; an edited figure changes the verdict as the rule says.
 */
import { checkWorkbook } from "../../../src/engine/report";
import { applyPlan, planWorkbook } from "../../../src/engine/plan";
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
