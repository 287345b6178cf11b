/** The CLI's lines for the whole assessment: figures of compound items as a clerk reads them. */
import { renderAssessment } from "../../src/cli/printAssessment";
import { checkWorkbook } from "../../src/engine/report";
import { SECTION16_HEADER, SECTION16_ROWS, sheet, workbook } from "../engine/helpers";

test("Q9: a failing level is printed as a whole number (2, not 2.0); a 差异率 below 1 keeps 3 decimals", () => {
  const { report } = checkWorkbook(
    workbook(
      sheet("小学", [SECTION16_HEADER, ...SECTION16_ROWS]),
      sheet("县级指标", [
        ["代码", "数值", "单位", "说明"],
        ["Q9.math.level", "II"],
        ["Q9.math.gap", 0.1],
      ])
    )
  );
  const line = renderAssessment(report.assessment!, "zh-CN").find((l) => l.includes("Q9.math"));
  // Level Ⅱ = 2 fails the level ≥ Ⅲ rule, so it shows the standard (3); the gap 0.1 < 0.15 meets and shows none.
  expect(line).toContain("Q9.math.level 2（标准 3）；Q9.math.gap 0.100");
  expect(line).not.toContain("2.0");
});

const blockingLine = (lines: string[], id: string): string | undefined =>
  lines.find((l) => l.startsWith(`  ✗ ${id} `));

test("R-school says how many schools fall short and names them, not 「值 2, 标准 0」", () => {
  // §16: C (3 of 7 met) and D (pe_arts 74.07 % < 85 %) fail; A and B pass; every CV is within 0.50.
  const { report } = checkWorkbook(workbook(sheet("小学", [SECTION16_HEADER, ...SECTION16_ROWS])));
  const zh = renderAssessment(report.assessment!, "zh-CN");
  expect(blockingLine(zh, "R-school")).toBe(
    "  ✗ R-school 每所学校达到6项以上、余项不低于85%：2 所学校（按学段计）未达到（C小学、D小学）"
  );
  expect(blockingLine(zh, "R-cv")).toBeUndefined();
  expect(zh.join("\n")).not.toContain("标准 0");
  const en = renderAssessment(report.assessment!, "en");
  expect(blockingLine(en, "R-school")).toBe(
    "  ✗ R-school Every school meets ≥ 6 of 7, the rest ≥ 85%: 2 schools fall short, counted by stage (C小学, D小学)"
  );
});

test("a stage CV over its limit: the stage by name, 3 decimals and the limit; R-cv counts CVs", () => {
  // Two 小学 of 1,000 pupils, the second with all 20 key teachers: per 100 pupils 0 and 2, weighted mean 1,
  // S = √((1000·1² + 1000·1²) / 2000) = 1, so CV = 1 / 1 = 1.000 > 0.50. Every other column is §16's A row
  // scaled to 1,000 pupils, the same in both schools: those CVs are 0.
  const row = (name: string, key: number) => [name, 1000, 50, key, 4, 4, 4, 5000, 8000, 250, 25];
  const { report } = checkWorkbook(
    workbook(sheet("小学", [SECTION16_HEADER, row("甲小学", 0), row("乙小学", 20)]))
  );
  const zh = renderAssessment(report.assessment!, "zh-CN");
  expect(blockingLine(zh, "R2")).toBe(
    "  ✗ R2 每百名学生拥有县级以上骨干教师数：小学 差异系数 1.000（限值 0.50）"
  );
  expect(blockingLine(zh, "R-cv")).toBe(
    "  ✗ R-cv 所有指标校际差异系数在限值以内：1 项差异系数超出限值"
  );
  const en = renderAssessment(report.assessment!, "en");
  expect(blockingLine(en, "R2")).toBe(
    "  ✗ R2 County-level key teachers per 100 students: primary CV 1.000 (limit 0.50)"
  );
  expect(blockingLine(en, "R-cv")).toBe(
    "  ✗ R-cv Every CV within its limit: 1 CV is over the limit"
  );
});

test("R-school counts parts (§17.2) but names a 九年一贯制 school whose two parts fail once", () => {
  // §16's A小学 passes (7 of 7). 城南学校 (300 小学 + 200 初中 pupils) has none of the seven resources: its 小学部 and
  // 初中部 each meet 0 of 7 and fail, so R-school's value is 2 parts, one school.
  const header = [
    "学校名称",
    "学校类型",
    "小学在校学生数",
    "初中在校学生数",
    ...SECTION16_HEADER.slice(2),
  ];
  const { report } = checkWorkbook(
    workbook(
      sheet("学校", [
        header,
        ["A小学", "小学", 1200, null, ...SECTION16_ROWS[0].slice(2)],
        ["城南学校", "九年一贯制学校", 300, 200, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      ])
    )
  );
  expect(report.assessment!.items.find((i) => i.id === "R-school")!.value).toBe(2);
  expect(blockingLine(renderAssessment(report.assessment!, "zh-CN"), "R-school")).toBe(
    "  ✗ R-school 每所学校达到6项以上、余项不低于85%：2 所学校（按学段计）未达到（城南学校）"
  );
});

test("a failing item's gap is printed in natural units: G7 and G11", () => {
  const { report } = checkWorkbook(
    workbook(
      sheet("小学", [SECTION16_HEADER, ...SECTION16_ROWS]),
      sheet("县级指标", [
        ["代码", "数值", "单位", "说明"],
        // G7: 69 万元 ÷ 120 = 5750 < 6000; 6000 × 120 − 690000 = 30,000 元 short.
        ["G7.special_funds", 69, "万元"],
        ["G7.special_students", 120],
        // G11: 54 × 100 ÷ 600 = 9% < 10; 10% of 600 = 60 → 6 teachers short.
        ["G11.eligible", 600],
        ["G11.rotated", 54],
        ["G11.key_rotated", 12],
      ])
    )
  );
  const zh = renderAssessment(report.assessment!, "zh-CN");
  expect(zh.find((l) => l.includes("✗ G7"))).toContain("，还差 30,000 元");
  expect(zh.find((l) => l.includes("✗ G11"))).toContain("，还差 6 名教师");
  const en = renderAssessment(report.assessment!, "en");
  expect(en.find((l) => l.includes("✗ G11"))).toContain("; short by 6 teachers");
});

test("G13's parts are percentages with 1 decimal, not stage CVs with 3", () => {
  // 小学 4950 × 100 ÷ 5000 = 99% < 100; 初中 2880 × 100 ÷ 3001 = 95.97% ≥ 95.
  const { report } = checkWorkbook(
    workbook(
      sheet("小学", [SECTION16_HEADER, ...SECTION16_ROWS]),
      sheet("县级指标", [
        ["代码", "数值"],
        ["G13.primary_nearby", 4950],
        ["G13.primary_students", 5000],
        ["G13.junior_nearby", 2880],
        ["G13.junior_students", 3001],
      ])
    )
  );
  const line = renderAssessment(report.assessment!, "zh-CN").find((l) => l.includes("✗ G13"));
  // 2880 × 100 ÷ 3001 = 95.97…: 1 decimal → 96.0.
  expect(line).toContain("G13.primary 99（标准 100）；G13.junior 96.0");
  expect(line).not.toContain("99.000");
});
