/**
 * The §17.5 settings where sources disagree, each on a hand-worked case, on and off: G13's pairing (小学/初中 or
 * 城区/镇区) and basis (在校生 or 新生), Q4's base (公用经费预算 or 决算); and G11 with no teacher rotated (§17.3).
 */
import { checkWorkbook } from "../../../src/engine/report";
import { applyProfile } from "../../../src/standards/profile";
import { buildDeclaration } from "../../../src/present/declaration/buildDeclaration";
import type { AssessmentItem } from "../../../src/engine/assessment/types";
import type { RawCell } from "../../../src/engine/workbook";
import { SECTION16_HEADER, SECTION16_ROWS, sheet, workbook } from "../helpers";

jest.setTimeout(60000);

function run(schools: ReturnType<typeof sheet>, county: RawCell[][], policy?: object) {
  const settings = policy ? applyProfile({ policy }, "quality-2017") : undefined;
  const { report } = checkWorkbook(
    workbook(schools, sheet("县级指标", [["代码", "数值"], ...county])),
    { settings }
  );
  const item = (id: string): AssessmentItem => report.assessment!.items.find((i) => i.id === id)!;
  return { report, item };
}
const s16 = () => sheet("小学", [SECTION16_HEADER, ...SECTION16_ROWS]);

const G13_CODES: RawCell[][] = [
  // stage / enrolled: 小学 5000 ÷ 5000 = 100% ≥ 100; 初中 2850 ÷ 3000 = 95% ≥ 95.
  ["G13.primary_nearby", 5000],
  ["G13.primary_students", 5000],
  ["G13.junior_nearby", 2850],
  ["G13.junior_students", 3000],
  // stage / entrants: 小学 490 ÷ 500 = 98% < 100; 初中 300 ÷ 300 = 100% ≥ 95.
  ["G13.primary_entrants_nearby", 490],
  ["G13.primary_entrants", 500],
  ["G13.junior_entrants_nearby", 300],
  ["G13.junior_entrants", 300],
  // area: 城区 3000 ÷ 3000 = 100% ≥ 100; 镇区 1880 ÷ 2000 = 94% < 95.
  ["G13.urban_nearby", 3000],
  ["G13.urban_students", 3000],
  ["G13.town_nearby", 1880],
  ["G13.town_students", 2000],
];

describe("G13 (§17.3, §17.5)", () => {
  test("default (stage, enrolled): 100 and 95 both meet", () => {
    const { item, report } = run(s16(), G13_CODES);
    expect(item("G13")).toMatchObject({ meets: true, status: "computed" });
    expect(item("G13").parts).toEqual([
      { id: "G13.primary", value: 100, threshold: 100, meets: true },
      { id: "G13.junior", value: 95, threshold: 95, meets: true },
    ]);
    expect(report.assessment!.settings).toMatchObject({
      nearbyPairing: "stage",
      nearbyBasis: "enrolled",
    });
  });
  test("nearbyBasis entrants: the 新生 codes, 小学 98% fails", () => {
    const { item } = run(s16(), G13_CODES, { nearbyBasis: "entrants" });
    expect(item("G13")).toMatchObject({ meets: false });
    expect(item("G13").parts).toEqual([
      { id: "G13.primary", value: 98, threshold: 100, meets: false },
      { id: "G13.junior", value: 100, threshold: 95, meets: true },
    ]);
  });
  test("nearbyPairing area: parts G13.urban 100 and G13.town 94 < 95; 表Ⅳ row 15 in that order", () => {
    const { item, report } = run(s16(), G13_CODES, { nearbyPairing: "area" });
    expect(item("G13")).toMatchObject({ meets: false });
    expect(item("G13").parts).toEqual([
      { id: "G13.urban", value: 100, threshold: 100, meets: true },
      { id: "G13.town", value: 94, threshold: 95, meets: false },
    ]);
    const t4 = buildDeclaration(report).sheets.find((x) => x.name === "表Ⅳ")!;
    expect(t4.cells.find((c) => c.ref === "B15")?.value).toBe(
      "城区和镇区公办小学、初中（均不含寄宿制学校）就近划片入学比例分别100.0%、94.0%。"
    );
    expect(t4.cells.find((c) => c.ref === "C15")?.value).toBe("否");
  });
});

describe("Q4 base (§17.5 trainingFundsBase)", () => {
  const head = [
    "学校名称",
    "学校类型",
    "在校生数",
    "公用经费预算(元)",
    "公用经费决算(元)",
    "教师培训经费(元)",
  ];
  const rows: RawCell[][] = [
    // 甲: 5500 ÷ 100000 = 5.5% of the budget ≥ 5; of the final 120000 = 4.58% < 5.
    ["甲小学", "小学", 600, 100000, 120000, 5500],
    // 乙: 9500 ÷ 200000 = 4.75% < 5; of the final 180000 = 5.28% ≥ 5.
    ["乙小学", "小学", 800, 200000, 180000, 9500],
  ];
  const schools = () => sheet("学校", [head, ...rows]);
  test("budget (default): 乙 fails", () => {
    expect(run(schools(), []).item("Q4")).toMatchObject({
      value: 1,
      meets: false,
      schools: ["乙小学"],
    });
  });
  test("final: 甲 fails", () => {
    expect(run(schools(), [], { trainingFundsBase: "final" }).item("Q4")).toMatchObject({
      value: 1,
      meets: false,
      schools: ["甲小学"],
    });
  });
});

test("G11 with no teacher rotated: the rotation share 0% fails, the 骨干 share is null; 50 teachers short", () => {
  const { item } = run(s16(), [
    ["G11.eligible", 500],
    ["G11.rotated", 0],
    ["G11.key_rotated", 0],
  ]);
  expect(item("G11")).toMatchObject({ meets: false, status: "computed" });
  expect(item("G11").parts).toEqual([
    { id: "G11.rotation", value: 0, threshold: 10, meets: false },
    { id: "G11.key", value: null, threshold: 20, meets: null },
  ]);
  // 10% of 500 = 50 to rotate.
  expect(item("G11").gap).toEqual({ value: 50, unit: "teachers" });
});
