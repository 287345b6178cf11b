/**
 * The cost of a write to a whole-school cell is its kind's unit cost × the share the assessed parts see
 * (src/engine/plan/schoolPlan.ts unitCostOf): for a 十二年一贯制 school the 高中部's share is not bought for the
 * assessment, so an option that writes to such a cell costs less than the full unit cost. Here that share decides
 * which indicator the 小学部 keeps at its 85 % floor (mutant plan-unit-cost-share-ignored).
 */
import { planWorkbook } from "../../../src/engine/plan";
import { DEFAULT_COSTS } from "../../../src/engine/plan/costs";
import { sheet, workbook } from "../helpers";

jest.setTimeout(60000);

// A = 100 小学, B = 100 初中, C = 300 高中: facility shares (§9) A ÷ D and 1.1B ÷ D, D = 100 + 110 + 396 = 606;
// the assessed parts see (100 + 110) ÷ 606 = 0.3465 of a room written to the whole-school cell.
// 网络多媒体教室 per 100 students: 小学 100M ÷ 606, 初中 110M ÷ 606. M = 10: 1.650 < floor 1.955 (小学),
// 1.815 < floor 2.04 (初中). 小学 threshold 2.3 → M ≥ 13.94 → 14; floor 1.955 → M ≥ 11.85 → 12
// (初中 at M = 12: 2.178 ≥ its floor 2.04, at 14: 2.541 ≥ 2.4).
// 高于规定学历教师 (per-stage column, seen whole): 小学 3 per 100 < floor 3.57; threshold 4.2 → 5, floor → 4.
// Every other figure is ample for both parts (e.g. 教学及辅助用房 10,000 ㎡: 10000 ÷ 606 = 16.5 ≥ 4.5, 18.2 ≥ 5.8).
const header = [
  "学校名称",
  "学校类型",
  "小学在校学生数",
  "初中在校学生数",
  "高中在校学生数",
  "高于规定学历教师数(小学)",
  "高于规定学历教师数(初中)",
  "县级及以上骨干教师数",
  "体育专任教师",
  "教学及辅助用房面积(㎡)",
  "体育运动场馆面积(㎡)",
  "教学仪器设备值(元)",
  "网络多媒体教室数(间)",
];
const row = ["城关学校", "十二年一贯制", 100, 100, 300, 3, 10, 50, 50, 10000, 20000, 5000000, 10];

test("the 小学部 keeps its teachers at the floor: 4 rooms at 0.3465 of 50,000 beat 1 more teacher at 60,000", () => {
  // Option 1 (rooms at the floor): +2 rooms, +2 teachers = 2 × 50000 × 210/606 + 2 × 60000 = 154,653.47.
  // Option 2 (teachers at the floor): +4 rooms, +1 teacher = 4 × 50000 × 210/606 + 60000 = 129,306.93: cheaper.
  // (At the full unit cost the rooms would be 200,000 + 60,000 = 260,000 against 220,000: option 1.)
  const costs = { ...DEFAULT_COSTS, qualified_teachers: 60000 };
  const { plan, afterReport } = planWorkbook(workbook(sheet("学校", [header, row])), { costs });
  const primary = plan.schools.find((s) => s.stage === "primary")!;
  expect(primary.exempt).toBe("qualified_teachers_per_100");
  expect(primary.additions.qualified_teachers).toBe(1);
  // The 小学部 sees 4 × 100 ÷ 606 of the 4 rooms written.
  expect(primary.additions.multimedia_rooms).toBeCloseTo(400 / 606, 9);
  expect(plan.total).toBeCloseTo((4 * 50000 * 210) / 606 + 60000, 4);
  expect(afterReport.schools.every((s) => s.status === "pass")).toBe(true);
});
