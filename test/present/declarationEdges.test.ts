/**
 * 申报表 cells a single-rule change could break unnoticed (standards.md §17.10; scripts/mutation/mutants.json
 * decl-*, as-basics-*, as-ownership-*): the spec of buildDeclaration, read cell by cell. Every expected figure is
 * worked out by hand beside it.
 */
import { buildDeclaration, BELOW_FILL } from "../../src/present/declaration/buildDeclaration";
import { checkWorkbook } from "../../src/engine/report";
import type { RawCell } from "../../src/engine/workbook";
import { sheet, workbook } from "../engine/helpers";

jest.setTimeout(60000);

function declare(...sheets: ReturnType<typeof sheet>[]) {
  const { report } = checkWorkbook(workbook(...sheets));
  const spec = buildDeclaration(report);
  const cell = (name: string, ref: string) =>
    spec.sheets.find((s) => s.name === name)!.cells.find((c) => c.ref === ref);
  const value = (name: string, ref: string) => cell(name, ref)?.value ?? null;
  return { report, spec, cell, value };
}

function county(rows: RawCell[][]) {
  return sheet("县级指标", [["代码", "数值", "单位", "说明"], ...rows]);
}

describe("表Ⅰ L9–L16 from the school rows", () => {
  const head = ["学校名称", "学校类型", "小学在校学生数", "初中在校学生数", "高中在校学生数"];
  test("a 九年一贯制 is one school (L10 1), a 十二年一贯制 is L13, a 教学点 of exactly 50 is 50人及以上 (L16)", () => {
    const { value } = declare(
      sheet("学校", [
        head,
        ["甲学校", "九年一贯制", 600, 300, null],
        ["乙学校", "十二年一贯制", 500, 400, 300],
        ["丙教学点", "教学点", 50, null, null],
        ["丁教学点", "教学点", 20, null, null],
      ])
    );
    expect(value("表Ⅰ", "J6")).toBe(1); // L10 九年一贯制
    expect(value("表Ⅰ", "L6")).toBe(0); // L12 完全中学
    expect(value("表Ⅰ", "M6")).toBe(1); // L13 十二年一贯制
    expect(value("表Ⅰ", "O6")).toBe(2); // L15 教学点 计
    expect(value("表Ⅰ", "P6")).toBe(1); // L16 其中 50人及以上: 丙 (50 ≥ 50), not 丁 (20)
  });
  test("L14: the county's T1.special_schools 3 wins over the one 特殊教育学校 row", () => {
    const { value } = declare(
      sheet("学校", [
        ["学校名称", "学校类型", "在校生数"],
        ["甲小学", "小学", 600],
        ["启智学校", "特殊教育学校", 100],
      ]),
      county([["T1.special_schools", 3]])
    );
    expect(value("表Ⅰ", "N6")).toBe(3);
  });
  test("L17/L18: a 九年一贯制's whole-school 班级数 cannot be given to a stage: both blank", () => {
    const { value } = declare(
      sheet("学校", [
        ["学校名称", "学校类型", "小学在校学生数", "初中在校学生数", "班级数"],
        ["甲学校", "九年一贯制", 600, 300, 20],
      ])
    );
    expect(value("表Ⅰ", "Q6")).toBeNull();
    expect(value("表Ⅰ", "R6")).toBeNull();
  });
});

/** Columns for the seven §3.1 indicators (小学: 4.2, 1, 0.9, 4.5, 7.5, 2000, 2.3; floors 3.57 … 1700, 1.955). */
const IND_HEAD = [
  "学校名称",
  "学校类型",
  "举办者类型",
  "在校生数",
  "高于规定学历教师数",
  "县级及以上骨干教师数",
  "体育专任教师",
  "教学及辅助用房面积(㎡)",
  "体育运动场馆面积(㎡)",
  "教学仪器设备值(元)",
  "网络多媒体教室数(间)",
];
// 100 students each: per 100 = the count; per student = ÷ 100.
// 甲: 5, 1, 1, 5, 8, 2500, 3 → all 7 met. 乙: 生均设备 170,000 ÷ 100 = 1700 = the floor exactly (6 met + 1 at 85%).
// 丙: 多媒体 blank → 6 met, 1 missing → INCOMPLETE. 丁教学点 60 students (≥ 50, listed): 3/60×100 = 5, 1.67, 1.67,
// 300/60 = 5, 480/60 = 8, 150,000/60 = 2500, 2/60×100 = 3.33 → met.
const IND_ROWS: RawCell[][] = [
  ["甲小学", "小学", "县教育局", 100, 5, 1, 1, 500, 800, 250000, 3],
  ["乙小学", "小学", "民办", 100, 5, 1, 1, 500, 800, 170000, 3],
  ["丙小学", "小学", "县卫生健康委员会", 100, 5, 1, 1, 500, 800, 250000, null],
  ["丁教学点", "教学点", null, 60, 3, 1, 1, 300, 480, 150000, 2],
];

describe("表Ⅱ-1 and 表Ⅱ-2 from four 小学", () => {
  const d = () => declare(sheet("学校", [IND_HEAD, ...IND_ROWS]));
  test("表Ⅱ-1: L12 is met by 甲, 丙, 丁 (3 of 4 = 75.0%); L13 by 甲, 乙, 丁 (丙's is missing, not met)", () => {
    const { value } = d();
    expect(value("表Ⅱ-1", "H4")).toBe(3); // L6 = 生均教学仪器设备值
    expect(value("表Ⅱ-1", "H5")).toBe(75);
    expect(value("表Ⅱ-1", "I4")).toBe(3); // L7 = 多媒体
    expect(value("表Ⅱ-1", "J4")).toBe(3); // L8: 甲, 乙 (6 + 85%), 丁 pass; 丙 incomplete
  });
  test("表Ⅱ-2: L14 is 1 for passing 乙 and empty for incomplete 丙; 乙's L12 at its floor is dark", () => {
    const { value, cell } = d();
    // Rows from 4 in table order: 甲 4, 乙 5, 丙 6, 丁 7.
    expect(value("表Ⅱ-2", "N5")).toBe(1);
    expect(value("表Ⅱ-2", "N6")).toBeNull();
    expect(cell("表Ⅱ-2", "L5")?.style?.fill).toBe(BELOW_FILL);
    expect(cell("表Ⅱ-2", "L4")?.style?.fill).toBeUndefined();
  });
  test("备注: 乙's 1700 = the 85% floor is 「达到85%」; 丙's blank is 「缺数据」", () => {
    const { value } = d();
    expect(value("表Ⅱ-2", "O5")).toBe("达标：L7、L8、L9、L10、L11、L13；达到85%：L12");
    expect(value("表Ⅱ-2", "O6")).toBe("达标：L7、L8、L9、L10、L11、L12；缺数据：L13");
  });
  test("L3 举办者类型: 县教育局 7, 民办 10, 县卫生健康委员会 (县级其他部门) 8; the note counts 1 教学点 ≥ 50", () => {
    const { value } = d();
    expect([value("表Ⅱ-2", "C4"), value("表Ⅱ-2", "C5"), value("表Ⅱ-2", "C6")]).toEqual([7, 10, 8]);
    expect(String(value("表Ⅱ-2", "A8"))).toContain(
      "小学学校总数4所（其中：一贯制学校的小学部有0所，50人及以上教学点有1个）"
    );
  });
});

describe("表Ⅱ-2 names of split parts; 表Ⅲ rounding", () => {
  test("a 九年一贯制's parts are 「（小学部）」 in the 小学 rows and 「（初中部）」 in the 初中 rows", () => {
    const { value } = declare(
      sheet("学校", [
        ["学校名称", "学校类型", "小学在校学生数", "初中在校学生数", "高于规定学历教师数"],
        ["甲学校", "九年一贯制", 600, 300, 40],
      ])
    );
    expect(value("表Ⅱ-2", "B4")).toBe("甲学校（小学部）");
    expect(value("表Ⅱ-2", "B5")).toBe("甲学校（初中部）");
  });
  test("表Ⅲ: L1 of 5 and 6 per 100 (100 students each): mean 5.5, CV 0.5 ÷ 5.5 = 0.0909… → 0.091 (3 dp)", () => {
    // X̄ = (500 + 600) ÷ 200 = 5.5; S = √((100 × 0.25 + 100 × 0.25) ÷ 200) = 0.5.
    const { value } = declare(
      sheet("学校", [
        ["学校名称", "学校类型", "在校生数", "高于规定学历教师数"],
        ["甲小学", "小学", 100, 5],
        ["乙小学", "小学", 100, 6],
      ])
    );
    expect(value("表Ⅲ", "C4")).toBe(5.5);
    expect(value("表Ⅲ", "C5")).toBe(0.091);
  });
});

describe("表Ⅳ, 表Ⅴ, 表Ⅵ sentences and shares", () => {
  const d = () =>
    declare(
      sheet("学校", [
        ["学校名称", "学校类型", "在校生数"],
        ["甲小学", "小学", 600],
      ]),
      county([
        ["G7.special_funds", 290, "万元"],
        ["G7.special_students", 500],
        ["G14.quota_total", 200],
        ["G14.quota_allocated", 100],
        ["G14.quota_rural", 60],
        ["Q2.disabled_children", 100],
        ["Q2.disabled_enrolled", 96],
        ["Q2.special_school_enrolled", 24],
        ["Q9.math.level", "Ⅲ"],
        ["Q9.math.gap", 0.145],
        ["S1.surveys", 1000],
        ["S1.valid", 980],
        ["S1.satisfied", 900],
        ["S1.visits", 50],
        ["S1.visit_satisfied", 40],
      ])
    );
  test("G7: 2,900,000 元 = 290 万元; G14: 60 of 100 allocated places = 60.0% (not of the 200 total)", () => {
    const { value } = d();
    expect(value("表Ⅳ", "B9")).toBe(
      "特殊教育学校公用经费为290万元，特殊教育学生数为500人，特殊教育学校生均公用经费为5800元"
    );
    expect(String(value("表Ⅳ", "B16"))).toContain(
      "其中分配农村学校的名额60人，占分配名额总数的60.0%"
    );
  });
  test("Q2: 24 of the 96 enrolled = 25.0%; Q9 差异率 0.145 half up to 0.15 (toFixed would give 0.14)", () => {
    const { value } = d();
    expect(String(value("表Ⅴ", "B5"))).toContain("其中，在特殊教育学校就读24人，占比25.0%。");
    expect(String(value("表Ⅴ", "B12"))).toContain("数学Ⅲ级、校际差异率0.15");
  });
  test("表Ⅵ: L4 = 900 × 100 ÷ 980 = 91.8%, L7 = 40 × 100 ÷ 50 = 80.0%", () => {
    const { value } = d();
    expect(value("表Ⅵ", "E6")).toBe(91.8);
    expect(value("表Ⅵ", "H6")).toBe(80);
  });
});
