/**
 * The plan's unit costs (docs/decisions.md, "Unit costs") and how a plan is written back into the input
 * (src/engine/plan/apply.ts): the defaults as decided, a costs file refused when it cannot be right, and additions
 * written in the cell's own unit.
 */
import { applyWrites } from "../../../src/engine/plan/apply";
import { CostsError, DEFAULT_COSTS, parseCosts } from "../../../src/engine/plan/costs";
import type { WorkbookInput } from "../../../src/engine/workbook";

describe("unit costs", () => {
  test("the defaults of docs/decisions.md: 100,000 per teacher, 3,000 / 300 per ㎡, 1 per 元, 50,000 per room", () => {
    expect(parseCosts({})).toEqual({
      qualified_teachers: 100000,
      key_teachers: 100000,
      pe_arts_teachers: 100000,
      teaching_space: 3000,
      sports_space: 300,
      equipment_value: 1,
      multimedia_rooms: 50000,
    });
    expect(parseCosts({})).toEqual(DEFAULT_COSTS);
  });
  test("a kind given replaces its default only", () => {
    expect(parseCosts({ sports_space: 800 })).toEqual({ ...DEFAULT_COSTS, sports_space: 800 });
  });
  test.each([[{ teaching_space: -1 }], [{ teaching_space: "3000" }], [{ roof: 5 }], [[1]]])(
    "refuses %j",
    (value) => expect(() => parseCosts(value)).toThrow(CostsError)
  );
});

describe("applyWrites", () => {
  const input = (cell: unknown): WorkbookInput =>
    ({
      sheets: [
        {
          name: "学校",
          rows: [
            ["学校名称", "仪器"],
            ["甲小学", cell],
          ],
        },
      ],
    }) as WorkbookInput;
  const at = (wb: WorkbookInput) => wb.sheets[0].rows[1][1];

  test("a 万元 column gets 元 ÷ 10000: 57 万元 + 20,000 元 = 59 万元", () => {
    const out = applyWrites(input(57), [
      { sheet: "学校", cell: "B2", rawPerBase: 1 / 10000, base: 20000 },
    ]);
    expect(at(out)).toBeCloseTo(59, 9);
  });
  test("a text number with its own unit in a 元 column: 「3万元」 + 1,000 元 = 31,000 元", () => {
    const out = applyWrites(input("3万元"), [
      { sheet: "学校", cell: "B2", rawPerBase: 1, base: 1000 },
    ]);
    expect(at(out)).toBeCloseTo(31000, 9);
  });
  test("two writes to one cell add up; the caller's input is left as it was", () => {
    const wb = input(10);
    const out = applyWrites(wb, [
      { sheet: "学校", cell: "B2", rawPerBase: 1, base: 2 },
      { sheet: "学校", cell: "B2", rawPerBase: 1, base: 3 },
    ]);
    expect(at(out)).toBe(15);
    expect(at(wb)).toBe(10);
  });
});
