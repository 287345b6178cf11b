/**
 * A plan written back (applyPlan, the what-if path) for a 九年一贯制 with whole-school cells, and the plan's
 * 乡镇 totals: the rules of src/engine/plan/whatIf.ts and index.ts a single change could break unnoticed.
 */
import { checkWorkbook } from "../../../src/engine/report";
import {
  applyPlan,
  planPartKey,
  planWorkbook,
  planWrites,
  withAmounts,
} from "../../../src/engine/plan";
import { planCvs } from "../../../src/engine/plan/cvPlan";
import type { PartModel } from "../../../src/engine/plan/model";
import { sheet, workbook } from "../helpers";
import { NINE_YEAR_HEADER } from "./helpers";

jest.setTimeout(60000);

test("a 九年一贯制's plan written back: each part's addition a is one whole-school write a ÷ share, once", () => {
  // 400 小学 + 300 初中; facility shares 400 ÷ 730 and 330 ÷ 730 (§9): a part that gains a sees a ÷ share written,
  // and the two parts' writes to one cell are the same write (the larger), not a sum.
  const row = ["城关九年一贯制学校", "九年一贯制学校", 400, 300, 30, 4, 5, 3000, 5000, 1200000, 14];
  const input = workbook(sheet("学校", [NINE_YEAR_HEADER, row]));
  const { plan, cells, afterReport } = planWorkbook(input);
  const again = checkWorkbook(applyPlan(input, plan, cells)).report;
  for (const s of afterReport.schools) {
    const t = again.schools.find((x) => x.stage === s.stage)!;
    expect(t.status).toBe(s.status);
    for (const [id, r] of Object.entries(s.indicators))
      expect(t.indicators[id].value).toBeCloseTo(r.value!, 6);
  }
});

test("乡镇 totals add up their schools: C (180,000) and D (100,000) both in 城关镇 → 2 schools, 280,000", () => {
  // §16 with a 乡镇 column; C's and D's plans are worked out in test/engine/plan/schoolPlan.test.ts
  // (C: +1 骨干, +30,000 元, +1 多媒体 = 180,000; D: +1 体艺 = 100,000).
  const header = [
    "学校名称",
    "乡镇",
    "在校生数",
    "高于规定学历教师数",
    "县级及以上骨干教师数",
    "体育、艺术专任教师数",
    "教学及辅助用房面积(㎡)",
    "体育运动场馆面积(㎡)",
    "教学仪器设备值(万元)",
    "网络多媒体教室数(间)",
  ];
  const rows = [
    ["A小学", "城关镇", 1200, 60, 14, 12, 6000, 9600, 300, 30],
    ["B小学", "河口乡", 600, 28, 6, 6, 2900, 4200, 126, 15],
    ["C小学", "城关镇", 300, 14, 2, 3, 1200, 2700, 57, 6],
    ["D小学", "城关镇", 150, 8, 2, 1, 800, 1350, 33, 4],
  ];
  const { plan } = planWorkbook(workbook(sheet("小学", [header, ...rows])));
  expect(plan.townships).toEqual([{ name: "城关镇", schools: 2, cost: 280000 }]);
});

describe("what-if on the plan itself (src/engine/plan/whatIf.ts)", () => {
  test("an edited amount is used: C's 骨干 +1 → +2 makes C 2 × 100,000 + 30,000 + 50,000 = 280,000", () => {
    // §16 as in test/cli/plan.test.ts; C's plan is +1 骨干, +30,000 元, +1 多媒体 = 180,000, D's +1 体艺 = 100,000.
    const header = [
      "学校名称",
      "在校生数",
      "高于规定学历教师数",
      "县级及以上骨干教师数",
      "体育、艺术专任教师数",
      "教学及辅助用房面积(㎡)",
      "体育运动场馆面积(㎡)",
      "教学仪器设备值(万元)",
      "网络多媒体教室数(间)",
    ];
    const rows = [
      ["A小学", 1200, 60, 14, 12, 6000, 9600, 300, 30],
      ["B小学", 600, 28, 6, 6, 2900, 4200, 126, 15],
      ["C小学", 300, 14, 2, 3, 1200, 2700, 57, 6],
      ["D小学", 150, 8, 2, 1, 800, 1350, 33, 4],
    ];
    const { plan } = planWorkbook(workbook(sheet("小学", [header, ...rows])));
    const c = plan.schools.find((s) => s.name === "C小学")!;
    const edited = withAmounts(plan, { [planPartKey(c)]: { key_teachers: 2 } }, plan.costs);
    expect(edited.schools.find((s) => s.name === "C小学")!.cost).toBe(280000);
    // 280,000 + D's 100,000.
    expect(edited.total).toBe(380000);
  });
  test("a transfer is −1 at the giver's cell and +1 at the receiver's", () => {
    const cells = {
      "小学|2|primary": { key_teachers: { sheet: "小学", cell: "D3", rawPerBase: 1, coef: 1 } },
      "小学|3|primary": { key_teachers: { sheet: "小学", cell: "D4", rawPerBase: 1, coef: 1 } },
    };
    const writes = planWrites(
      {
        schools: [],
        transfers: [
          {
            kind: "key_teachers",
            from: "甲小学",
            fromStage: "primary",
            fromSheet: "小学",
            fromRow: 2,
            to: "乙小学",
            toStage: "primary",
            toSheet: "小学",
            toRow: 3,
            count: 1,
          },
        ],
      },
      cells
    );
    expect(writes.map((w) => [w.cell, w.base])).toEqual([
      ["D3", -1],
      ["D4", 1],
    ]);
  });
});

test("cvPlan: teachers move only between one-for-one cells, never from a 一贯制 part that sees a share", () => {
  // One indicator (骨干 per 100, threshold 1, floor 0.85), 100 students each: X 10 (a part seeing 0.5 of its
  // whole-school cell), Y 1, Z 2. CV = 0.82 > 0.50. X could give most, but a teacher moved from X's cell would
  // take only 0.5 from X: X is not a transfer party, so the CV is brought down by additions.
  const part = (key: string, n: number, coef: number): PartModel => ({
    key,
    recordKey: key,
    name: key,
    stage: "primary",
    sheet: "小学",
    row: 0,
    students: 100,
    status: "pass",
    inds: [
      {
        id: "key_teachers_per_100",
        kind: "key_teachers",
        scale: 100,
        value: n,
        numerator: n,
        threshold: 1,
        floor: 0.85,
        target: `小学!${key}`,
        coef,
      },
    ],
  });
  const X = part("X", 10, 0.5);
  const res = planCvs([X, part("Y", 1, 1), part("Z", 2, 1)], { primary: 0.5 }, 1, 1e-9);
  expect(res.transfers.filter((t) => t.from === X || t.to === X)).toEqual([]);
});
