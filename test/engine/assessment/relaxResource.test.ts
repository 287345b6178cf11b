/**
 * 规程 relaxations R3 and R5 (standards.md §17.4): the relaxed numerator changes the indicator value itself, and so
 * the county mean and CV; off by default, and the report then names the schools the relaxation would decide.
 * Every expected number is worked out by hand in the comment next to it.
 */
import { checkWorkbook } from "../../../src/engine/report";
import { buildReportSheet } from "../../../src/present/reportSheet";
import { buildDeclaration } from "../../../src/present/declaration/buildDeclaration";
import { matchColumn } from "../../../src/engine/table/matchColumn";
import { applyProfile } from "../../../src/standards/profile";
import type { RawCell } from "../../../src/engine/workbook";
import { sheet, workbook } from "../helpers";

jest.setTimeout(60000);

const PE = "pe_arts_teachers_per_100";
const SPORTS = "sports_space_per_student";

const HEAD = [
  "学校名称",
  "学校类型",
  "在校生数",
  "体育艺术专任教师数",
  "交流轮岗兼职走教体育艺术教师数",
  "是否农村小规模学校",
  "体育运动场馆面积(㎡)",
  "校外租赁体育场馆面积(㎡)",
  "校内改造专用运动场地面积(㎡)",
  "是否中心城区学校",
];
const ROWS: RawCell[][] = [
  // 庚: rural small, 80 students (50 ≤ 80 < 100): own 0 → 0 < 0.9; with 1 visiting 1 × 100 ÷ 80 = 1.25 ≥ 0.9.
  ["庚小学", "小学", 80, 0, 1, "是", 600, null, null, "否"],
  // 辛: a 教学点 of 60 (≥ 50, in the resource list): 1 × 100 ÷ 60 = 1.667 with the relaxation, 0 without.
  ["辛教学点", "教学点", 60, 0, 1, "否", 500, null, null, "否"],
  // 壬: rural small but 120 students (not < 100): 1 × 100 ÷ 120 = 0.833 < 0.9 either way.
  ["壬小学", "小学", 120, 1, 1, "是", 900, null, null, "否"],
  // 癸: 中心城区: 5000 ÷ 1000 = 5.0 < 7.5; with 2000 leased + 1000 converted 8000 ÷ 1000 = 8.0 ≥ 7.5.
  ["癸小学", "小学", 1000, 10, null, "否", 5000, 2000, 1000, "是"],
  // 子: not 中心城区: its 3000 leased do not count, 5.0 either way.
  ["子小学", "小学", 1000, 10, null, "否", 5000, 3000, null, "否"],
];

function run(on: boolean) {
  const settings = on
    ? applyProfile({ policy: { relaxations: "guicheng-2019" } }, "quality-2017")
    : undefined;
  const { report } = checkWorkbook(workbook(sheet("学校", [HEAD, ...ROWS])), { settings });
  const school = (name: string) => report.schools.find((s) => s.name === name)!;
  return { report, school, a: report.assessment! };
}

describe("R3 / R5 columns are read (§17.7) and never taken for the school's own", () => {
  test.each([
    ["交流轮岗兼职走教体育艺术教师数", "pe_arts_exchange_teachers"],
    ["走教体育艺术教师数(人)", "pe_arts_exchange_teachers"],
    ["校外租赁体育场馆面积(㎡)", "leased_sports_space"],
    ["校外租赁场馆面积", "leased_sports_space"],
    ["校内改造专用运动场地面积", "converted_sports_space"],
    ["楼顶地下专用运动场地面积", "converted_sports_space"],
    ["是否中心城区学校", "city_center"],
    ["是否人口密度过高的大城市中心城区学校", "city_center"],
  ])("%s → %s", (header, key) => {
    expect(matchColumn(0, [header])?.key).toBe(key);
  });
  test("a 体育 leaf under 走教 teachers is not a 体育专任教师 column", () => {
    expect(matchColumn(0, ["交流轮岗兼职走教教师", "体育"])?.key).not.toBe("pe_arts_teachers.pe");
  });
});

describe("relaxations off (default)", () => {
  const { school, report, a } = run(false);
  test("values without the relaxation", () => {
    expect(school("庚小学").indicators[PE].value).toBe(0);
    expect(school("辛教学点").indicators[PE].value).toBe(0);
    expect(school("壬小学").indicators[PE].value).toBeCloseTo(100 / 120, 9);
    expect(school("癸小学").indicators[SPORTS].value).toBe(5);
    expect(school("子小学").indicators[SPORTS].value).toBe(5);
  });
  test("county means: PE (0+0+1+10+10) × 100 ÷ 2260 = 0.9292; sports 12000 ÷ 2260 = 5.3097", () => {
    expect(report.county.primary!.indicators[PE].mean).toBeCloseTo(2100 / 2260, 9);
    expect(report.county.primary!.indicators[SPORTS].mean).toBeCloseTo(12000 / 2260, 9);
  });
  test("the report names the schools the relaxation would decide", () => {
    expect(a.settings.relaxations).toBe("none");
    expect(a.relaxations.applied).toEqual([]);
    expect(a.relaxations.wouldPass).toEqual([
      { item: "R3", school: "庚小学", stage: "primary" },
      { item: "R3", school: "辛教学点", stage: "primary" },
      { item: "R5", school: "癸小学", stage: "primary" },
    ]);
  });
});

describe("relaxations on (policy.relaxations = guicheng-2019)", () => {
  const { school, report, a } = run(true);
  test("relaxed values: 1.25, 1.667, 8.0; 壬 and 子 unchanged", () => {
    expect(school("庚小学").indicators[PE].value).toBeCloseTo(1.25, 9);
    expect(school("庚小学").indicators[PE].meets).toBe(true);
    expect(school("辛教学点").indicators[PE].value).toBeCloseTo(100 / 60, 9);
    expect(school("壬小学").indicators[PE].value).toBeCloseTo(100 / 120, 9);
    expect(school("壬小学").indicators[PE].meets).toBe(false);
    expect(school("癸小学").indicators[SPORTS].value).toBe(8);
    expect(school("癸小学").indicators[SPORTS].meets).toBe(true);
    expect(school("子小学").indicators[SPORTS].value).toBe(5);
  });
  test("county means move with them: 23 × 100 ÷ 2260 = 1.0177; 15000 ÷ 2260 = 6.6372", () => {
    expect(report.county.primary!.indicators[PE].mean).toBeCloseTo(2300 / 2260, 9);
    expect(report.county.primary!.indicators[SPORTS].mean).toBeCloseTo(15000 / 2260, 9);
  });
  test("the setting is named and the schools it decided are listed", () => {
    expect(a.settings.relaxations).toBe("guicheng-2019");
    expect(a.relaxations.wouldPass).toEqual([]);
    expect(a.relaxations.applied).toEqual([
      { item: "R3", school: "庚小学", stage: "primary" },
      { item: "R3", school: "辛教学点", stage: "primary" },
      { item: "R5", school: "癸小学", stage: "primary" },
    ]);
  });
});

describe("the report sheet names the relaxation (§17.4)", () => {
  const text = (on: boolean) =>
    buildReportSheet(run(on).report, "zh-CN")
      .rows.flat()
      .filter((v): v is string => typeof v === "string");
  test("on: the setting and the schools it decided", () => {
    const row = text(true).find((t) => t.startsWith("已按《规程》放宽"));
    expect(row).toContain("policy.relaxations = guicheng-2019");
    expect(row).toContain("R3 庚小学、R3 辛教学点、R5 癸小学");
  });
  test("off: who would meet with it", () => {
    const row = text(false).find((t) => t.startsWith("按《规程》放宽后可达标"));
    expect(row).toContain("R3 庚小学、R3 辛教学点、R5 癸小学");
  });
});

describe("the 申报表 names what the relaxation decided (§17.4: named in every report that uses it)", () => {
  const remarks = (on: boolean) => {
    const t22 = buildDeclaration(run(on).report).sheets.find((s) => s.name === "表Ⅱ-2")!;
    // 表Ⅱ-2 rows from 4 in table order: 庚, 辛, 壬, 癸, 子 (all 小学); O = 备注.
    return [4, 5, 6, 7, 8].map((r) => String(t22.cells.find((c) => c.ref === `O${r}`)?.value));
  };
  test("on: 庚 and 辛 met L9 (R3) and 癸 met L11 (R5) under the relaxation; 壬 and 子 are not named", () => {
    const o = remarks(true);
    expect(o[0]).toMatch(/；按《规程》放宽：L9$/);
    expect(o[1]).toMatch(/；按《规程》放宽：L9$/);
    expect(o[2]).not.toContain("规程");
    expect(o[3]).toMatch(/；按《规程》放宽：L11$/);
    expect(o[4]).not.toContain("规程");
  });
  test("off: nothing is named", () => {
    for (const o of remarks(false)) expect(o).not.toContain("规程");
  });
});

test("表Ⅳ G3 and G4 name the schools a relaxation passed", () => {
  // 丁: 2300 > 2000, built 2008 → 2400; 戊: rooms 80 / 70 ㎡ < 96 / 90, built 2015 → 73 / 67; both pass relaxed.
  const head = [
    "学校名称",
    "学校类型",
    "在校生数",
    "班级数",
    "建校年份",
    "音乐教室间数",
    "音乐教室面积(㎡)",
    "美术教室间数",
    "美术教室面积(㎡)",
  ];
  const rows: RawCell[][] = [
    ["丁小学", "小学", 2300, 40, 2008, 4, 400, 4, 400],
    ["戊小学", "小学", 500, 12, 2015, 1, 80, 1, 70],
  ];
  const settings = applyProfile({ policy: { relaxations: "guicheng-2019" } }, "quality-2017");
  const { report } = checkWorkbook(workbook(sheet("学校", [head, ...rows])), { settings });
  const t4 = buildDeclaration(report).sheets.find((s) => s.name === "表Ⅳ")!;
  const b = (ref: string) => t4.cells.find((c) => c.ref === ref)?.value;
  expect(b("B5")).toBe("全部达标（按《规程》放宽认定：戊小学）");
  expect(b("B6")).toBe(
    "超过2000人的小学0所，初中0所，超过2500人的一贯制学校0所（按《规程》放宽认定：丁小学）"
  );
});
