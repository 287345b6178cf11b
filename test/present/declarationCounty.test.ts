/**
 * A whole county worked by hand (standards.md §17): 9 schools (小学, 教学点 under and over 50, 初中, a 九年一贯制
 * with its stages in 合计 | 小学 | 初中 sub-columns, a 特殊教育学校 row) and a filled 「县级指标」 in its own file,
 * checked by the CLI with --county, --json and --declaration. The JSON items and every sentence of 表Ⅳ / 表Ⅴ, 表Ⅰ,
 * 表Ⅱ-1 and 表Ⅱ-2 are compared with figures worked out in the comments.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { runCli } from "../../src/cli/main";
import type { AssessmentItem } from "../../src/engine/assessment/types";
import type { Report } from "../../src/engine/reportTypes";

jest.setTimeout(60000);

// [top header, sub header]: a sub header sits under a merged group; none → merged over both rows.
const COLS: [string, string?][] = [
  ["学校名称"],
  ["学校类型"],
  ["举办者"],
  ["在校生数（人）", "合计"],
  ["在校生数（人）", "小学"],
  ["在校生数（人）", "初中"],
  ["年级数"],
  ["班级数（个）", "合计"],
  ["班级数（个）", "小学"],
  ["班级数（个）", "初中"],
  ["最大班额"],
  ["教职工数（人）", "合计"],
  ["教职工数（人）", "小学"],
  ["教职工数（人）", "初中"],
  ["专任教师数（人）", "合计"],
  ["专任教师数（人）", "小学"],
  ["专任教师数（人）", "初中"],
  ["高于规定学历教师数"],
  ["县级以上骨干教师数"],
  ["体育艺术专任教师数"],
  ["教学及辅助用房面积（㎡）"],
  ["体育运动场馆面积（㎡）"],
  ["教学仪器设备值（万元）"],
  ["网络多媒体教室数（间）"],
  ["音乐教室间数"],
  ["音乐教室面积（㎡）"],
  ["美术教室间数"],
  ["美术教室面积（㎡）"],
  ["公用经费（元）"],
  ["教师培训经费（元）"],
  ["持证专任教师数"],
  ["完成360学时培训教师数"],
  ["建校年份"],
  ["随迁子女数"],
  ["是否农村小规模学校"],
  ["班额分布（个）", "25人及以下"],
  ["班额分布（个）", "36-40人"],
  ["班额分布（个）", "41-45人"],
  ["班额分布（个）", "46-50人"],
  ["班额分布（个）", "51-55人"],
];
type Cell = string | number | null;
// prettier-ignore
const SCHOOLS: Cell[][] = [
  // 城东: 1000 pupils, all 7 met (5.0, 1.2, 1.0, 5.0, 8.0, 2500, 2.5); 4 classes of 46–50 over 45.
  ["城东小学", "小学", "县级教育部门", 1000, null, null, 6, 22, null, null, 48, 60, null, null, 55, null, null, 50, 12, 10, 5000, 8000, 250, 25, 2, 200, 2, 184, 800000, 50000, 55, 55, 2012, 0, "否", 0, 0, 18, 4, 0],
  // 城西: 2100 > 2000 (built 2008); key 15 → 0.71 < 0.85 (85% of 1); teaching 4.4 ≥ 3.825; 42 classes need 4 art
  // rooms, has 3; training 60000 ÷ 1500000 = 4% < 5.
  ["城西小学", "小学", null, 2100, null, null, 6, 42, null, null, 45, 120, null, null, 110, null, null, 100, 15, 20, 9240, 16800, 441, 50, 4, 400, 3, 300, 1500000, 60000, 108, 100, 2008, 100, "否", 0, 0, 42, 0, 0],
  // 实验 (民办 → 10): teaching 2200 ÷ 500 = 4.4 only at 85%: 6 met, passes.
  ["实验小学", "小学", "民办", 500, null, null, 6, 12, null, null, 40, 30, null, null, 28, null, null, 25, 5, 5, 2200, 4000, 110, 12, 1, 96, 1, 90, 400000, 20000, 28, 27, 2015, 0, "否", 0, 12, 0, 0, 0],
  // 李村: 80 < 100 pupils, 50000 元 < 100 × 650; rooms of 60 ㎡ < 96 / 90 (rural small, largest class 18 < 30 → 54).
  ["李村小学", "小学", "公办", 80, null, null, 6, 6, null, null, 18, 10, null, null, 9, null, null, 6, 1, 1, 400, 800, 20, 2, 1, 60, 1, 60, 50000, 3000, 9, 9, 1998, 0, "是", 6, 0, 0, 0, 0],
  // 北山: 教学点 of 30 < 50, not in the resource list; 70000 ≥ 65000.
  ["北山教学点", "教学点", "公办", 30, null, null, 3, 3, null, null, 12, 3, null, null, 3, null, null, 2, 0, 0, 150, 300, 5, 1, 0, 0, 0, 0, 70000, 3500, 3, 2, 1990, 0, "是", 3, 0, 0, 0, 0],
  // 南坡: 教学点 of 60 ≥ 50, a 小学 of the list; all met.
  ["南坡教学点", "教学点", "公办", 60, null, null, 3, 3, null, null, 22, 4, null, null, 4, null, null, 3, 1, 1, 300, 480, 15, 2, 1, 100, 1, 100, 70000, 4000, 4, 4, 1995, 0, "是", 3, 0, 0, 0, 0],
  // 城关: 初中 1500, all met; 4 classes of 51–55 over 50.
  ["城关中学", "初中", "公办", 1500, null, null, 3, 30, null, null, 55, 130, null, null, 120, null, null, 90, 18, 15, 9000, 16500, 450, 39, 3, 300, 3, 270, 1800000, 100000, 118, 115, 2005, 0, "否", 0, 0, 0, 26, 4],
  // 河口: 九年一贯制 600 + 400; teachers by student share (0.6 / 0.4), facilities by 600 : 440 — 体艺 8 → 4.8 and 3.2
  // → 0.8 per 100 in both parts (≥ 0.765); 教辅 5200 → 3000 / 2200 → 5.0 and 5.5 (< 5.8, ≥ 4.93): 小学部 passes
  // (6 met), 初中部 fails (5 met).
  ["河口九年一贯制学校", "九年一贯制学校", "公办", 1000, 600, 400, 9, 24, 14, 10, 40, 80, 48, 32, 75, 45, 30, 60, 10, 8, 5200, 10400, 260, 26, 2, 200, 2, 180, 900000, 45000, 75, 70, 2011, 0, "否", 0, 24, 0, 0, 0],
  // 第二中学 (县级其他部门 → 8): 2050 > 2000, 随迁子女 1100 ÷ 2050 = 53.7% > 50; all met.
  ["第二中学", "初中", "县级其他部门", 2050, null, null, 3, 40, null, null, 50, 160, null, null, 150, null, null, 120, 25, 20, 12300, 22550, 615, 50, 4, 400, 4, 360, 2000000, 100000, 150, 150, 2012, 1100, "否", 0, 0, 0, 40, 0],
  // Excluded (特殊教育学校): counted only for 表Ⅰ L14.
  ["县特殊教育学校", "特殊教育学校", "公办", 120, null, null, 9, 12, null, null, 10, 40, null, null, 30, null, null, 30, 3, 3, 3000, 2000, 100, 6, 1, 100, 1, 100, 720000, 30000, 30, 30, 2000, 0, "否", 12, 0, 0, 0, 0],
];

const COUNTY: [string, Cell, string?, string?][] = [
  ["T1.population", 52.345],
  ["T1.agri_population", 30.125],
  ["T1.towns", 12],
  ["T1.villages", 210],
  ["T1.gdp_per_capita", 45678.5],
  ["T1.revenue_per_capita", 3210.4],
  ["T1.farmer_income", 15000],
  ["T1.urban_income", 32000],
  ["T1.special_schools", 1],
  ["G1.met", "是", undefined, "布局规划经县政府批准（2021）"],
  ["G2.met", "是"],
  ["G2.base_primary", 650],
  ["G2.base_junior", 850],
  ["G7.special_funds", 69, "万元"],
  ["G7.special_students", 120],
  ["G8.teacher_salary", 98500],
  ["G8.civil_salary", 98000],
  ["G8.performance_pay", "是"],
  ["G10.met", "是"],
  ["G11.eligible", 800],
  ["G11.rotated", 96],
  ["G11.key_rotated", 18],
  ["G12.teachers", 560],
  ["G13.primary_nearby", 4950],
  ["G13.primary_students", 5000],
  ["G13.junior_nearby", 2880],
  ["G13.junior_students", 3000],
  ["G14.quota_total", 1000],
  ["G14.quota_allocated", 550],
  ["G14.quota_rural", 330],
  ["G14.rural_tilt", "是"],
  ["G15.eligible", 2000],
  ["G15.public", 1500],
  ["G15.purchased", 180],
  ["G15.left_behind_care", "是"],
  ["Q1.graduates", 900],
  ["Q1.entrants", 920],
  ["Q1.transfer_in", 15],
  ["Q1.transfer_out", 10],
  ["Q1.deaths", 2],
  ["Q2.disabled_children", 200],
  ["Q2.disabled_enrolled", 196],
  ["Q2.special_school_enrolled", 98],
  ["Q3.met", "是"],
  ["Q5.met", "是"],
  ["Q6.met", "是"],
  ["Q7.met", "是"],
  ["Q8.met", "否", undefined, "部分学校作业量偏多"],
  ["Q9.chinese.level", "Ⅲ"],
  ["Q9.chinese.gap", 0.12],
  ["Q9.math.level", "Ⅳ级"],
  ["Q9.math.gap", 0.151],
  ["Q9.science.level", 2],
  ["Q9.science.gap", 0.1],
  ["S1.surveys", 1200],
  ["S1.valid", 1150],
  ["S1.satisfied", 1012],
  ["S1.visits", 300],
  ["S1.visit_satisfied", 250],
  ["S1.parent_surveys", 600],
  ["S1.parent_valid", 580],
  ["S1.parent_satisfied", 522],
  ["S1.parent_visits", 100],
  ["S1.parent_visit_satisfied", 90],
  ["V1.exam_admission", "否"],
  ["V2.school_choice", "否"],
  ["V3.key_schools", "否"],
  ["V4.unfilled_posts", "否"],
  ["V5.major_incident", "否"],
  ["V6.fraud", "否"],
];

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "junheng-county-"));
let report: Report;
let wb: ExcelJS.Workbook;
let code: number;

beforeAll(async () => {
  const src = new ExcelJS.Workbook();
  const ws = src.addWorksheet("学校");
  COLS.forEach(([top, sub], i) => {
    ws.getCell(1, i + 1).value = top;
    if (sub) ws.getCell(2, i + 1).value = sub;
    else ws.mergeCells(1, i + 1, 2, i + 1);
  });
  for (let i = 0; i < COLS.length;) {
    let j = i;
    while (COLS[i][1] && j + 1 < COLS.length && COLS[j + 1][1] && COLS[j + 1][0] === COLS[i][0])
      j++;
    if (j > i) ws.mergeCells(1, i + 1, 1, j + 1);
    i = j + 1;
  }
  SCHOOLS.forEach((row) => ws.addRow(row));
  await src.xlsx.writeFile(path.join(tmp, "schools.xlsx"));
  const cw = new ExcelJS.Workbook();
  const cs = cw.addWorksheet("县级指标");
  cs.addRow(["代码", "指标", "数值", "单位", "说明"]);
  for (const [c, v, unit, note] of COUNTY) cs.addRow([c, null, v, unit ?? null, note ?? null]);
  await cw.xlsx.writeFile(path.join(tmp, "county.xlsx"));
  code = runCli(
    [
      "check",
      path.join(tmp, "schools.xlsx"),
      "--county",
      path.join(tmp, "county.xlsx"),
      "--json",
      path.join(tmp, "report.json"),
      "--declaration",
      path.join(tmp, "申报表.xlsx"),
    ],
    { stdout: () => undefined, stderr: () => undefined }
  );
  report = JSON.parse(fs.readFileSync(path.join(tmp, "report.json"), "utf8")) as Report;
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(tmp, "申报表.xlsx"));
});

const item = (id: string): AssessmentItem => report.assessment!.items.find((i) => i.id === id)!;
const cell = (sheet: string, ref: string) => wb.getWorksheet(sheet)!.getCell(ref).value;

describe("the JSON items", () => {
  test("G3: 城西 (3 art rooms for 42 classes) and 李村 (60 ㎡ rooms) → 2 schools", () => {
    expect(item("G3")).toMatchObject({ value: 2, threshold: 0, meets: false });
    expect(item("G3").schools).toEqual(["城西小学", "李村小学"]);
  });
  test("G4: 城西 2100 (小学) and 第二中学 2050 (初中) → 2; both would pass with the relaxations", () => {
    expect(item("G4")).toMatchObject({ value: 2, meets: false, schools: ["城西小学", "第二中学"] });
    expect(report.assessment!.relaxations.wouldPass).toEqual([
      { item: "G3", school: "李村小学", stage: "primary" },
      { item: "G4", school: "城西小学", stage: "primary" },
      { item: "G4", school: "第二中学", stage: "junior" },
    ]);
  });
  test("G5: 小学 4 (城东 46–50) + 初中 4 (城关 51–55) = 8 classes", () => {
    expect(item("G5")).toMatchObject({ value: 8, meets: false });
  });
  test("G6: 李村 80, 北山 30, 南坡 60 < 100; 李村's 50000 < 65000 → 1 school", () => {
    expect(item("G6")).toMatchObject({ value: 1, meets: false, schools: ["李村小学"] });
  });
  test("G7: 690000 ÷ 120 = 5750 < 6000; 6000 × 120 − 690000 = 30000 元 short", () => {
    expect(item("G7")).toMatchObject({ value: 5750, threshold: 6000, meets: false });
    // 69 万元 in 「县级指标」 is the input 690000 in 元 (§17.8), cell C15 (header row 1, the 14th code).
    expect(item("G7").inputs?.[0]).toEqual({
      code: "G7.special_funds",
      value: 690000,
      unit: "元",
      source: "county",
      cell: "C15",
    });
    expect(item("G7").gap).toEqual({ value: 30000, unit: "yuan" });
  });
  test("G9: 532 of 554 teachers (the 特殊教育学校 not counted, 教学点 counted) = 96.03%; 22 short", () => {
    // trained 55 + 100 + 27 + 9 + 2 + 4 + 115 + 70 + 150 = 532; teachers 55 + 110 + 28 + 9 + 3 + 4 + 120 + 75 + 150.
    expect(item("G9").value).toBeCloseTo((532 * 100) / 554, 9);
    expect(item("G9").gap).toEqual({ value: 22, unit: "teachers" });
  });
  test("G12: the county's 560 teachers win over the rows' 554: 550 × 100 ÷ 560 = 98.21%; 10 short", () => {
    expect(item("G12").value).toBeCloseTo((550 * 100) / 560, 9);
    expect(item("G12").gap).toEqual({ value: 10, unit: "teachers" });
    expect(report.findings.find((f) => f.code === "county-school-mismatch")?.params).toEqual({
      code: "G12.teachers",
      county: 560,
      schools: 554,
    });
  });
  test("G11: 96 ÷ 800 = 12% meets, 18 ÷ 96 = 18.75% < 20: 2 骨干 short", () => {
    expect(item("G11").parts).toEqual([
      { id: "G11.rotation", value: 12, threshold: 10, meets: true },
      { id: "G11.key", value: 18.75, threshold: 20, meets: false },
    ]);
    expect(item("G11").gap).toEqual({ value: 2, unit: "teachers" });
  });
  test("G15: (1500 + 180) ÷ 2000 = 84% < 85: 20 pupils short", () => {
    expect(item("G15")).toMatchObject({ value: 84, threshold: 85, meets: false });
    expect(item("G15").gap).toEqual({ value: 20, unit: "students" });
  });
  test("Q1 retained: (900 − 15 + 10) × 100 ÷ (920 − 2) = 97.49%", () => {
    expect(item("Q1").value).toBeCloseTo(89500 / 918, 9);
    expect(item("Q1").meets).toBe(true);
  });
  test("Q4: 城西 4% → 1 school; Q8 否 fails; the verdict and the exit status", () => {
    expect(item("Q4")).toMatchObject({ value: 1, meets: false, schools: ["城西小学"] });
    expect(item("Q8")).toMatchObject({
      meets: false,
      status: "entered",
      note: "部分学校作业量偏多",
    });
    expect(report.assessment).toMatchObject({
      verdict: false,
      blocking: [
        "R-school",
        "G3",
        "G4",
        "G5",
        "G6",
        "G7",
        "G9",
        "G11",
        "G12",
        "G13",
        "G15",
        "Q4",
        "Q8",
        "Q9",
        "S1",
      ],
      pending: [],
    });
    expect(code).toBe(1);
  });
});

describe("表Ⅰ", () => {
  test("county figures rounded (52.345 → 52.35, 45678.5 → 45679) and school counts", () => {
    const row = ["A", "B", "C", "D", "E", "F", "G", "H"].map((c) => cell("表Ⅰ", `${c}6`));
    expect(row).toEqual([52.35, 30.13, 12, 210, 45679, 3210, 15000, 32000]);
    // L9 小学 4 (教学点 not counted), L10 九年一贯制 1, L11 初中 2, L12 0, L13 0, L14 1, L15 2 教学点, L16 1 (南坡 60).
    const counts = ["I", "J", "K", "L", "M", "N", "O", "P"].map((c) => cell("表Ⅰ", `${c}6`));
    expect(counts).toEqual([4, 1, 2, 0, 0, 1, 2, 1]);
  });
  test("classes, pupils and staff by stage: 小学 includes 教学点 and the 小学部", () => {
    // L17 22 + 42 + 12 + 6 + 3 + 3 + 14 = 102; L18 30 + 10 + 40 = 80; L19 1000 + 2100 + 500 + 80 + 30 + 60 + 600 =
    // 4370; L20 1500 + 400 + 2050 = 3950; L21 60 + 120 + 30 + 10 + 3 + 4 + 48 = 275; L22 55 + 110 + 28 + 9 + 3 + 4 +
    // 45 = 254; L23 130 + 32 + 160 = 322; L24 120 + 30 + 150 = 300.
    const row = ["Q", "R", "S", "T", "U", "V", "W", "X"].map((c) => cell("表Ⅰ", `${c}6`));
    expect(row).toEqual([102, 80, 4370, 3950, 275, 254, 322, 300]);
  });
});

describe("表Ⅱ-1", () => {
  test("小学: 6 schools; L2 5, L3 5, L4 4 met, L8 5 pass; 初中: 3, L3 2, L4 2, L8 2", () => {
    // 小学 list: 城东, 城西, 实验, 李村, 南坡, 河口（小学部）. 城西 misses L2 and L4, 实验 L4, 河口 L3.
    const p = ["C", "D", "E", "F", "G", "H", "I", "J"].map((c) => cell("表Ⅱ-1", `${c}4`));
    expect(p).toEqual([6, 5, 5, 4, 6, 6, 6, 5]);
    // 5 of 6 = 83.3%, 4 of 6 = 66.7%.
    const share = ["C", "D", "E", "F", "J"].map((c) => cell("表Ⅱ-1", `${c}5`));
    expect(share).toEqual([100, 83.3, 83.3, 66.7, 83.3]);
    const j = ["C", "D", "E", "F", "G", "H", "I", "J"].map((c) => cell("表Ⅱ-1", `${c}6`));
    expect(j).toEqual([3, 3, 2, 2, 3, 3, 3, 2]);
  });
});

describe("表Ⅱ-2", () => {
  test("rows: the 小学 parts then the 初中 parts, each numbered from 1; split names; 举办者 codes", () => {
    const rows = [4, 5, 6, 7, 8, 9, 10, 11, 12].map((r) => [
      cell("表Ⅱ-2", `A${r}`),
      cell("表Ⅱ-2", `B${r}`),
      cell("表Ⅱ-2", `C${r}`),
      cell("表Ⅱ-2", `D${r}`),
      cell("表Ⅱ-2", `F${r}`),
    ]);
    expect(rows).toEqual([
      [1, "城东小学", 7, 1000, 22],
      [2, "城西小学", 7, 2100, 42],
      [3, "实验小学", 10, 500, 12],
      [4, "李村小学", 7, 80, 6],
      [5, "南坡教学点", 7, 60, 3],
      [6, "河口九年一贯制学校（小学部）", 7, 600, 14],
      [1, "城关中学", 7, 1500, 30],
      [2, "河口九年一贯制学校（初中部）", 7, 400, 10],
      [3, "第二中学", 8, 2050, 40],
    ]);
  });
  test("values 2 dp, the failing cells shaded, L14 and the 备注", () => {
    // 城西: L8 15 × 100 ÷ 2100 = 0.714 → 0.71, L10 9240 ÷ 2100 = 4.40, both below → shaded; not passing.
    expect(cell("表Ⅱ-2", "H5")).toBe(0.71);
    expect(wb.getWorksheet("表Ⅱ-2")!.getCell("H5").fill).toMatchObject({
      fgColor: { argb: "FF808080" },
    });
    expect(cell("表Ⅱ-2", "N5")).toBeNull();
    expect(cell("表Ⅱ-2", "O5")).toBe("达标：L7、L9、L11、L12、L13；达到85%：L10；未达85%：L8");
    // 河口（初中部）: 0.8 < 0.9 and 5.5 < 5.8, both ≥ 85%: fails with two at 85%.
    expect(cell("表Ⅱ-2", "O11")).toBe("达标：L7、L8、L11、L12、L13；达到85%：L9、L10");
    expect(cell("表Ⅱ-2", "N9")).toBe(1);
  });
  test("the footnote: 小学 6 (一贯制 1, 50人及以上教学点 1), 初中 3 (一贯制 1, 完全中学 0)", () => {
    expect(String(cell("表Ⅱ-2", "A13"))).toContain(
      "小学学校总数6所（其中：一贯制学校的小学部有1所，50人及以上教学点有1个），初中学校总数3所（其中：一贯制学校的初中部1所，完全中学的初中部0所）"
    );
  });
});

describe("表Ⅳ sentences and 是否达标", () => {
  test.each([
    [3, "布局规划经县政府批准（2021）", "是"],
    [5, "未达标学校：城西小学、李村小学", "否"],
    [6, "超过2000人的小学1所，初中1所，超过2500人的一贯制学校0所", "否"],
    [7, "超过45人的小学班级4个，超过50人的初中班级4个", "否"],
    // 80 + 30 + 60 = 170 pupils; 50000 + 70000 + 70000 = 190000 元.
    [8, "不足100人的规模较小学校学生数170人，公用经费190000元。", "否"],
    [
      9,
      "特殊教育学校公用经费为69万元，特殊教育学生数为120人，特殊教育学校生均公用经费为5750元",
      "否",
    ],
    [10, "全县义务教育学校教师年平均工资收入为98500元，当地公务员年平均工资收入98000元", "是"],
    [11, "完成360学时培训的教师532人，全县教师554人，教师培训完成率96.0%", "否"],
    [
      13,
      "全县符合交流轮岗条件教师总数800名，上一年度交流轮岗教师96名，交流轮岗教师占符合交流轮岗条件教师总数的比例12.0%；交流轮岗的骨干教师18名，占交流轮岗教师总数的比例18.8%",
      "否",
    ],
    [14, "全县在岗专任教师560人，其中持有教师资格证的专任教师550人，占比98.2%", "否"],
    // 4950 ÷ 5000 = 99.0%, 2880 ÷ 3000 = 96.0%.
    [15, "城区和镇区公办小学、初中（均不含寄宿制学校）就近划片入学比例分别99.0%、96.0%。", "否"],
    // 550 ÷ 1000 = 55.0%; 330 ÷ 550 = 60.0%.
    [
      16,
      "全县优质高中招生名额总数1000人，分配名额550人，占比55.0%。其中分配农村学校的名额330人，占分配名额总数的60.0%",
      "是",
    ],
    [
      17,
      "全县符合条件的随迁子女数2000人，在公办学校就读1500人，在政府购买服务的民办学校就读180人，合计1680人，占比84.0%",
      "否",
    ],
  ])("row %i", (r, b, c) => {
    expect(cell("表Ⅳ", `B${r}`)).toBe(b);
    expect(cell("表Ⅳ", `C${r}`)).toBe(c);
  });
});

describe("表Ⅴ sentences and 是否达标", () => {
  test.each([
    [
      4,
      "全县初中毕业班学生数为900人，三年前该年级入学学生数为920人，毕业年级三年转入学生数为15人，死亡学生数为2人，转出学生数为10人，全县初中三年巩固率为97.5%",
      "是",
    ],
    // 196 ÷ 200 = 98.0%; 98 ÷ 196 = 50.0% (a share of those enrolled).
    [
      5,
      "全县残疾儿童少年为200人，入学196人，入学率为98.0%。其中，在特殊教育学校就读98人，占比50.0%。",
      "是",
    ],
    [7, "未达到5%的学校：城西小学", "否"],
    [11, "部分学校作业量偏多", "否"],
    // 0.151 shows as 0.15 (2 dp) but fails (< 0.15 is strict on the unrounded value).
    [
      12,
      "语文Ⅲ级、校际差异率0.12；数学Ⅳ级、校际差异率0.15；科学Ⅱ级、校际差异率0.10；体育＿＿级、校际差异率＿＿；艺术＿＿级、校际差异率＿＿；德育＿＿级、校际差异率＿＿。",
      "否",
    ],
  ])("row %i", (r, b, c) => {
    expect(cell("表Ⅴ", `B${r}`)).toBe(b);
    expect(cell("表Ⅴ", `C${r}`)).toBe(c);
  });
});

test("表Ⅵ: 1012 ÷ 1150 = 88.0%, 250 ÷ 300 = 83.3%; parents 522 ÷ 580 = 90.0%, 90 ÷ 100 = 90.0%", () => {
  const row = (r: number) =>
    ["B", "C", "D", "E", "F", "G", "H"].map((c) => cell("表Ⅵ", `${c}${r}`));
  expect(row(6)).toEqual([1200, 1150, 1012, 88, 300, 250, 83.3]);
  expect(row(7)).toEqual([600, 580, 522, 90, 100, 90, 90]);
});
