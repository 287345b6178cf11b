/**
 * A 九年一贯制 school with whole-school figures (standards.md §9): a planned addition is one whole-school amount,
 * which each stage part sees by its share — facilities by weighted students (1 : 1.1), teachers by student share.
 */
import { planWorkbook } from "../../../src/engine/plan";
import { sheet, workbook } from "../helpers";
import { KINDS, NINE_YEAR_HEADER } from "./helpers";

const header = NINE_YEAR_HEADER;
// 400 primary + 300 junior students. Facility shares: 400 / (400 + 1.1 × 300) = 400 / 730 and 330 / 730;
// teacher shares 400 / 700 and 300 / 700.
const row = ["城关九年一贯制学校", "九年一贯制学校", 400, 300, 30, 4, 5, 3000, 5000, 1200000, 14];
const input = workbook(sheet("学校", [header, row]));
const { plan, beforeReport, afterReport } = planWorkbook(input);

const part = (r: typeof beforeReport, stage: string) => r.schools.find((s) => s.stage === stage)!;

test("both parts failed before and pass after the one plan", () => {
  expect(part(beforeReport, "primary").status).toBe("fail");
  expect(part(beforeReport, "junior").status).toBe("fail");
  expect(part(afterReport, "primary").status).toBe("pass");
  expect(part(afterReport, "junior").status).toBe("pass");
});

test("the re-run sees exactly the planned part values", () => {
  const ids = beforeReport.indicators.map((i) => i.id);
  const scale = [100, 100, 100, 1, 1, 1, 100];
  for (const e of plan.schools) {
    const b = part(beforeReport, e.stage);
    const a = part(afterReport, e.stage);
    ids.forEach((id, k) => {
      const P = b.students!;
      const before = (b.indicators[id].value! * P) / scale[k];
      const after = (a.indicators[id].value! * P) / scale[k];
      expect(after).toBeCloseTo(before + (e.additions[KINDS[k]] ?? 0), 6);
    });
  }
});

test("a whole-school write: facility part additions are W × 400/730 and W × 330/730 of one whole W", () => {
  const p = plan.schools.find((s) => s.stage === "primary")!;
  const j = plan.schools.find((s) => s.stage === "junior")!;
  for (const k of [
    "teaching_space",
    "sports_space",
    "equipment_value",
    "multimedia_rooms",
  ] as const) {
    const wp = (p.additions[k] ?? 0) / (400 / 730);
    const wj = (j.additions[k] ?? 0) / (330 / 730);
    expect(wp).toBeCloseTo(wj, 6);
    expect(Math.abs(wp - Math.round(wp))).toBeLessThan(1e-6);
  }
  for (const k of ["qualified_teachers", "key_teachers", "pe_arts_teachers"] as const) {
    const wp = (p.additions[k] ?? 0) / (400 / 700);
    const wj = (j.additions[k] ?? 0) / (300 / 700);
    expect(wp).toBeCloseTo(wj, 6);
    expect(Math.abs(wp - Math.round(wp))).toBeLessThan(1e-6);
  }
  // Each part's cost is its additions × unit costs; the two add up to the whole-school amounts' cost.
  for (const e of [p, j])
    expect(e.cost).toBeCloseTo(
      KINDS.reduce((x, k) => x + (e.additions[k] ?? 0) * plan.costs[k], 0),
      6
    );
  expect(plan.total).toBeCloseTo(p.cost + j.cost, 6);
});
