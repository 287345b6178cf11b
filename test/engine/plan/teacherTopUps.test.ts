/**
 * The teachers a plan adds are 专任教师 too: applying a plan never leaves a school with more 高于规定学历 teachers
 * than teachers (impossible-value), the 专任教师 cell follows (found by applying plans to the data).
 */
import { planWorkbook } from "../../../src/engine/plan";
import { checkWorkbook } from "../../../src/engine/report";
import { sheet, workbook } from "../helpers";
import { buildPlanWorkbook } from "../../../src/present/plan/planSheets";

// 甲小学 meets everything; 乙小学 (223 students, 8 专任教师, all 8 qualified) is 3.587 per 100 qualified (< 4.2) and
// 3.139 ㎡ teaching space (< 3.825, the 85 % floor of 4.5): the plan adds ⌈4.2 × 2.23⌉ − 8 = 2 qualified teachers and
// ⌈3.825 × 223⌉ − 700 = 153 ㎡ (teaching space left at its floor).
const header = [
  "学校名称",
  "在校生数",
  "专任教师数",
  "高于规定学历教师数",
  "县级及以上骨干教师数",
  "体育艺术专任教师数",
  "教学及辅助用房面积(㎡)",
  "体育运动场馆面积(㎡)",
  "教学仪器设备值(元)",
  "网络多媒体教室数(间)",
];
const rows = [
  ["甲小学", 1000, 70, 60, 15, 10, 5000, 8000, 2500000, 25],
  ["乙小学", 223, 8, 8, 3, 3, 700, 2000, 600000, 6],
];

test("乙小学's 2 new qualified teachers raise its 专任教师 8 → 10; the applied copy has no impossible-value", () => {
  const input = workbook(sheet("小学", [header, ...rows]));
  const { plan, applied, afterReport } = planWorkbook(input);
  const yi = plan.schools.find((s) => s.name === "乙小学")!;
  expect(yi.additions.qualified_teachers).toBe(2);
  expect(yi.teachers).toBe(2);
  // The copy holds 10 专任教师 and 10 qualified teachers in 乙小学's row (row 3: index 2).
  expect(applied.sheets[0].rows[2].slice(2, 4)).toEqual([10, 10]);
  expect(afterReport.findings.some((f) => f.code === "impossible-value")).toBe(false);
  const again = checkWorkbook(applied).report;
  expect(again.findings.some((f) => f.code === "impossible-value")).toBe(false);
  expect(again.schools.find((s) => s.name === "乙小学")?.status).toBe("pass");
  // 甲小学 gets nothing, and no 专任教师 either.
  expect(plan.schools.some((s) => s.name === "甲小学")).toBe(false);
});

test("a school with room to spare (10 专任教师, 8 qualified) keeps its 专任教师: 8 + 2 = 10 ≤ 10", () => {
  const roomy = rows.map((r) => (r[0] === "乙小学" ? ["乙小学", 223, 10, ...r.slice(3)] : r));
  const { plan, applied } = planWorkbook(workbook(sheet("小学", [header, ...roomy])));
  const yi = plan.schools.find((s) => s.name === "乙小学")!;
  expect(yi.additions.qualified_teachers).toBe(2);
  expect(yi.teachers).toBeUndefined();
  expect(applied.sheets[0].rows[2].slice(2, 4)).toEqual([10, 10]);
});

test("without a 专任教师 column there is nothing to raise", () => {
  const noTeachers = [
    header.filter((_, i) => i !== 2),
    ...rows.map((r) => r.filter((_, i) => i !== 2)),
  ];
  const { plan } = planWorkbook(workbook(sheet("小学", noTeachers)));
  expect(plan.schools.find((s) => s.name === "乙小学")?.teachers).toBeUndefined();
});

test("PLAN.xlsx: a 专任教师 column after the seven kinds, then the cost (its number format follows it)", () => {
  const { plan } = planWorkbook(workbook(sheet("小学", [header, ...rows])));
  const spec = buildPlanWorkbook(plan, "zh-CN");
  const cell = (ref: string) => spec.sheets[0].cells.find((c) => c.ref === ref);
  // A 学校, B 学段, C 工作表, D 行, E–K the seven kinds, L 专任教师, M the cost.
  expect(cell("L1")?.value).toBe("专任教师（人，随上述教师）");
  expect(cell("L2")?.value).toBe(2); // 乙小学, the only school planned
  expect(cell("M1")?.value).toBe("费用（元）");
  // 2 teachers × 100,000 元 + 153 ㎡ × 3,000 元 (the default unit costs) = 659,000 元.
  expect(cell("M2")?.value).toBe(2 * 100_000 + 153 * 3_000);
  expect(cell("M2")?.style).toMatchObject({ numFmt: "#,##0" });
  expect(cell("L2")?.style).not.toHaveProperty("numFmt");
});
