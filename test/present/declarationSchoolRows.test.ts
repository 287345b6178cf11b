/**
 * 申报表 cells that come from school rows (standards.md §17.7, §17.10): Q1 from the 初中 rows when the Q1.* codes
 * are absent (and the cross-check when both exist), 表Ⅰ L14–L24, and blanks where the data say nothing (never an
 * invented 0). Re-opened with exceljs; every expected figure is worked out by hand next to it.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { runCli } from "../../src/cli/main";
import { checkWorkbook } from "../../src/engine/report";
import { buildDeclaration } from "../../src/present/declaration/buildDeclaration";
import type { Report } from "../../src/engine/reportTypes";
import type { RawCell } from "../../src/engine/workbook";
import { sheet, workbook } from "../engine/helpers";

jest.setTimeout(60000);

const HEAD = [
  "学校名称",
  "学校类型",
  "在校生数",
  "班级数",
  "教职工数",
  "专任教师数",
  "毕业生数",
  "毕业年级初一时在校学生数",
  "毕业年级三年转入学生数",
  "毕业年级三年转出学生数",
  "毕业年级三年死亡学生数",
];
const ROWS: RawCell[][] = [
  ["一中", "初中", 900, 18, 80, 70, 300, 310, 5, 12, 1],
  ["二中", "初中", 600, 12, 55, 48, 190, 200, 3, 4, 0],
  ["城关小学", "小学", 1000, 20, 70, 60, null, null, null, null, null],
  ["红星教学点", "教学点", 30, 2, 3, 3, null, null, null, null, null],
  ["启智学校", "特殊教育学校", 100, 10, 40, 30, null, null, null, null, null],
];

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "junheng-decl-rows-"));
const SCHOOLS = path.join(tmp, "schools.xlsx");
const OUT = path.join(tmp, "申报表.xlsx");
const JSON_OUT = path.join(tmp, "report.json");
let wb: ExcelJS.Workbook;
let report: Report;

beforeAll(async () => {
  const src = new ExcelJS.Workbook();
  const ws = src.addWorksheet("学校");
  [HEAD, ...ROWS].forEach((r) => ws.addRow(r));
  await src.xlsx.writeFile(SCHOOLS);
  runCli(["check", SCHOOLS, "--declaration", OUT, "--json", JSON_OUT], {
    stdout: () => undefined,
    stderr: () => undefined,
  });
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(OUT);
  report = JSON.parse(fs.readFileSync(JSON_OUT, "utf8")) as Report;
});

const cell = (sheetName: string, ref: string) => wb.getWorksheet(sheetName)!.getCell(ref);
const q1 = () => report.assessment!.items.find((i) => i.id === "Q1")!;

describe("Q1 from the 初中 rows (no 「县级指标」)", () => {
  // G = 300 + 190 = 490, N = 310 + 200 = 510, I = 8, O = 16, D = 1:
  // retained (490 − 8 + 16) × 100 ÷ (510 − 1) = 49800 ÷ 509 = 97.8389… ≥ 95.
  test("the item: computed from schools, 97.84 ≥ 95", () => {
    expect(q1().status).toBe("computed");
    expect(q1().value).toBeCloseTo(49800 / 509, 9);
    expect(q1().meets).toBe(true);
    expect(q1().inputs).toEqual(
      expect.arrayContaining([
        { code: "Q1.graduates", value: 490, unit: "人", source: "schools" },
        { code: "Q1.entrants", value: 510, unit: "人", source: "schools" },
        { code: "Q1.deaths", value: 1, unit: "人", source: "schools" },
      ])
    );
  });
  test("表Ⅴ row 4 fills the five numbers and 97.8%", () => {
    expect(cell("表Ⅴ", "B4").value).toBe(
      "全县初中毕业班学生数为490人，三年前该年级入学学生数为510人，毕业年级三年转入学生数为8人，" +
        "死亡学生数为1人，转出学生数为16人，全县初中三年巩固率为97.8%"
    );
    expect(cell("表Ⅴ", "C4").value).toBe("是");
  });
});

describe("表Ⅰ from the school rows", () => {
  test("school counts, L14 from the 特殊教育学校 row, 教学点", () => {
    expect(cell("表Ⅰ", "I6").value).toBe(1); // L9 小学: 城关
    expect(cell("表Ⅰ", "K6").value).toBe(2); // L11 初中: 一中, 二中
    expect(cell("表Ⅰ", "N6").value).toBe(1); // L14: 启智学校 (no T1.special_schools)
    expect(cell("表Ⅰ", "O6").value).toBe(1); // L15: 红星
    expect(cell("表Ⅰ", "P6").value).toBe(0); // L16: 30 < 50
  });
  test("classes, students and 教职工 per stage (小学 includes the 教学点)", () => {
    expect(cell("表Ⅰ", "Q6").value).toBe(22); // 20 + 2
    expect(cell("表Ⅰ", "R6").value).toBe(30); // 18 + 12
    expect(cell("表Ⅰ", "S6").value).toBe(1030);
    expect(cell("表Ⅰ", "T6").value).toBe(1500);
    expect(cell("表Ⅰ", "U6").value).toBe(73); // L21 70 + 3
    expect(cell("表Ⅰ", "V6").value).toBe(63); // L22 60 + 3
    expect(cell("表Ⅰ", "W6").value).toBe(135); // L23 80 + 55
    expect(cell("表Ⅰ", "X6").value).toBe(118); // L24 70 + 48
  });
  test("county figures without 「县级指标」 stay blank, never 0", () => {
    for (const ref of ["A6", "B6", "C6", "D6", "E6", "F6", "G6", "H6"])
      expect(cell("表Ⅰ", ref).value).toBeNull();
  });
});

describe("blanks, not zeros", () => {
  const run = (rows: RawCell[][], county?: RawCell[][]) => {
    const sheets = [sheet("学校", [HEAD.slice(0, 6), ...rows.map((r) => r.slice(0, 6))])];
    if (county) sheets.push(sheet("县级指标", county));
    return checkWorkbook(workbook(...sheets)).report.assessment!;
  };
  test("L14 without the code and without a 特殊教育学校 row is null", () => {
    expect(run(ROWS.slice(0, 4)).basics.specialSchools).toBeNull();
  });
  test("L14 from T1.special_schools wins", () => {
    const a = run(ROWS.slice(0, 4), [
      ["代码", "数值"],
      ["T1.special_schools", 2],
    ]);
    expect(a.basics.specialSchools).toBe(2);
  });
  test("L16 is null when a 教学点 has no 在校生数", () => {
    const a = run([...ROWS.slice(0, 3), ["红星教学点", "教学点", null, 2, 3, 3]]);
    expect(a.basics.teachingPoints).toEqual({ all: 1, atLeast50: null });
  });
  test("G6 without a 公用经费 column: missing, no value, and no 0 元 total (表Ⅳ shows ＿＿)", () => {
    // 红星教学点 has 30 < 100 students, and the table has no 公用经费.
    const g6 = run(ROWS.slice(0, 4)).items.find((i) => i.id === "G6")!;
    expect(g6).toMatchObject({ value: null, meets: null, status: "missing" });
    expect(g6.inputs?.find((i) => i.code === "G6.funds")?.value).toBeNull();
    expect(g6.inputs?.find((i) => i.code === "G6.students")?.value).toBe(30);
  });
  test("表Ⅳ row 6 leaves the unknown 公用经费 as ＿＿", () => {
    expect(cell("表Ⅳ", "B8").value).toBe("不足100人的规模较小学校学生数30人，公用经费＿＿元。");
  });
  test("G15: 合计 needs both 公办 and 购买服务 (a blank is not 0): missing", () => {
    const a = run(ROWS.slice(0, 4), [
      ["代码", "数值"],
      ["G15.eligible", 1000],
      ["G15.public", 900],
    ]);
    expect(a.items.find((i) => i.id === "G15")).toMatchObject({ status: "missing", meets: null });
  });
});

describe("Q1 cross-check: the county code wins and a difference is a warning", () => {
  const { report: r } = checkWorkbook(
    workbook(
      sheet("学校", [HEAD, ...ROWS]),
      sheet("县级指标", [
        ["代码", "数值"],
        ["Q1.graduates", 500],
      ])
    )
  );
  test("G from the county (500), the other four from the rows: (500 − 8 + 16) × 100 ÷ 509", () => {
    const it = r.assessment!.items.find((i) => i.id === "Q1")!;
    expect(it.value).toBeCloseTo(50800 / 509, 9);
    expect(it.inputs!.find((i) => i.code === "Q1.graduates")).toMatchObject({
      value: 500,
      source: "county",
    });
  });
  test("county-school-mismatch names Q1.graduates: 500 vs 490", () => {
    const f = r.findings.find(
      (x) => x.code === "county-school-mismatch" && x.params.code === "Q1.graduates"
    );
    expect(f?.params).toMatchObject({ county: 500, schools: 490 });
  });
});

describe("ready to print (§17.10): print areas over the written rows, title rows repeated, a title row of its own", () => {
  test.each([
    // 表Ⅱ-2: header rows 1–3, 城关 (row 4; 红星 has 30 < 50 and is not listed), 一中 and 二中 (rows 5–6),
    // the footnote on row 7.
    ["表Ⅰ", "A1:X7", "1:5"],
    ["表Ⅱ-1", "A1:J7", "1:3"],
    ["表Ⅱ-2", "A1:O7", "1:3"],
    ["表Ⅲ", "A1:J8", "1:3"],
    ["表Ⅳ", "A1:C18", "1:2"],
    ["表Ⅴ", "A1:C13", "1:3"],
    ["表Ⅵ", "A1:H7", "1:5"],
  ])("%s prints %s with rows %s on every page", (name, area, titles) => {
    const ws = wb.getWorksheet(name)!;
    expect(ws.pageSetup.printArea).toBe(area);
    expect(ws.pageSetup.printTitlesRow).toBe(titles);
    expect(ws.getRow(1).height).toBe(30);
  });
});

describe("G5 undecided: 表Ⅳ row 7 leaves both counts as ＿＿ (0 classes found so far is not 0 classes)", () => {
  // 甲 has band counts, all within 45; 乙 has neither bands nor 最大班额: G5 cannot be decided (missing).
  const head1 = ["学校名称", "学校类型", "在校生数", "班级数", "班额分布(个)", null];
  const head2 = [null, null, null, null, "41-45人", "46-50人"];
  const rows: RawCell[][] = [
    ["甲小学", "小学", 600, 12, 12, 0],
    ["乙小学", "小学", 400, 10, null, null],
  ];
  const merges = ["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:F1"];
  const { report: r } = checkWorkbook(workbook(sheet("学校", [head1, head2, ...rows], merges)));
  test("the item is missing with no value", () => {
    expect(r.assessment!.items.find((i) => i.id === "G5")).toMatchObject({
      value: null,
      meets: null,
      status: "missing",
    });
  });
  test("the sentence has blanks, not 0", () => {
    const t4 = buildDeclaration(r).sheets.find((s) => s.name === "表Ⅳ")!;
    expect(t4.cells.find((c) => c.ref === "B7")?.value).toBe(
      "超过45人的小学班级＿＿个，超过50人的初中班级＿＿个"
    );
  });
});

describe("cross-checks of 「县级指标」 with the school table (表Ⅰ L14, L15, L19, L20)", () => {
  // The rows: 1 特殊教育学校 (启智), 1 教学点 (红星), 小学 1000 + 30 = 1030 pupils, 初中 900 + 600 = 1500.
  const county = (rows: RawCell[][]) =>
    checkWorkbook(
      workbook(sheet("学校", [HEAD, ...ROWS]), sheet("县级指标", [["代码", "数值"], ...rows]))
    ).report;
  const mismatches = (r: Report) =>
    r.findings.filter((f) => f.code === "county-school-mismatch").map((f) => f.params);
  test("the same figures both ways: no warning", () => {
    const r = county([
      ["T1.special_schools", 1],
      ["T1.teaching_points", 1],
      ["T1.primary_students", 1030],
      ["T1.junior_students", 1500],
    ]);
    expect(mismatches(r)).toEqual([]);
    expect(r.assessment!.basics).toMatchObject({
      specialSchools: 1,
      teachingPoints: { all: 1 },
      students: { primary: 1030, junior: 1500 },
    });
  });
  test("different figures: the county's statistics fill 表Ⅰ, each difference a warning", () => {
    const r = county([
      ["T1.special_schools", 2],
      ["T1.teaching_points", 3],
      ["T1.primary_students", 1080],
      ["T1.junior_students", 1500],
    ]);
    expect(mismatches(r)).toEqual([
      { code: "T1.special_schools", county: 2, schools: 1 },
      { code: "T1.teaching_points", county: 3, schools: 1 },
      { code: "T1.primary_students", county: 1080, schools: 1030 },
    ]);
    expect(r.assessment!.basics).toMatchObject({
      specialSchools: 2,
      teachingPoints: { all: 3 },
      students: { primary: 1080, junior: 1500 },
    });
  });
  test("a table without 特殊教育学校 rows says nothing about them: T1.special_schools without a warning", () => {
    const r = checkWorkbook(
      workbook(
        sheet("学校", [HEAD, ...ROWS.slice(0, 4)]),
        sheet("县级指标", [
          ["代码", "数值"],
          ["T1.special_schools", 2],
        ])
      )
    ).report;
    expect(mismatches(r)).toEqual([]);
    expect(r.assessment!.basics.specialSchools).toBe(2);
  });
});
