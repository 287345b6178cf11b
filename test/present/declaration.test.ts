/**
 * The national 申报表 (standards.md §17.10) written by `junheng check --declaration`, re-opened with exceljs and
 * compared with hand-worked figures of §16 and of a filled 「县级指标」.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { runCli } from "../../src/cli/main";
import type { Report } from "../../src/engine/reportTypes";
import type { RawCell } from "../../src/engine/workbook";
import { SECTION16_HEADER, SECTION16_ROWS } from "../engine/helpers";

// exceljs and the CLI on a shared, loaded machine: room beyond jest's 5 s default (no timing is asserted).
jest.setTimeout(60000);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "junheng-decl-"));
export const DECL_TMP = tmp;

function run(args: string[]): { code: number; out: string; err: string } {
  let out = "";
  let err = "";
  const code = runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

/** A filled 「县级指标」; every expected figure below is worked out from these rows. */
export const COUNTY_ROWS: (string | number | null)[][] = [
  ["县级指标"],
  ["代码", "指标", "数值", "单位", "说明"],
  ["T1.population", "人口总数", 52.345, "万人", null],
  ["T1.towns", "乡镇数", 12, "个", null],
  ["T1.gdp_per_capita", "人均GDP", 68543.5, "元", null],
  ["G1.met", "规划布局", "是", null, "已编制中小学布局规划"],
  ["G7.special_funds", "特教公用经费", 290, "万元", null],
  ["G7.special_students", "特教学生", 500, "人", null],
  ["G9.trained", "培训", 1190, "人", null],
  ["G9.teachers", "专任教师", 1200, "人", null],
  ["G11.eligible", "", 600, null, null],
  ["G11.rotated", "", 80, null, null],
  ["G11.key_rotated", "", 18, null, null],
  ["Q1.graduates", "", 950, null, null],
  ["Q1.entrants", "", 1000, null, null],
  ["Q1.transfer_in", "", 20, null, null],
  ["Q1.transfer_out", "", 30, null, null],
  ["Q1.deaths", "", 2, null, null],
  ["Q9.chinese.level", "", "Ⅲ级", null, null],
  ["Q9.chinese.gap", "", 0.12, null, null],
  ["Q9.math.level", "", 2, null, null],
  ["Q9.math.gap", "", 0.1, null, null],
  ["S1.surveys", "", 1000, null, null],
  ["S1.valid", "", 980, null, null],
  ["S1.satisfied", "", 900, null, null],
  ["S1.visits", "", 50, null, null],
  ["S1.visit_satisfied", "", 40, null, null],
  ["S1.parent_valid", "", 400, null, null],
  ["S1.parent_satisfied", "", 390, null, null],
  ["V1.exam_admission", "", "否", null, null],
];

async function writeBook(file: string, sheets: Record<string, RawCell[][]>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((r) => ws.addRow(r));
  }
  await wb.xlsx.writeFile(file);
}

const SCHOOLS = path.join(tmp, "schools.xlsx");
const COUNTY = path.join(tmp, "county.xlsx");
const OUT = path.join(tmp, "申报表.xlsx");
const JSON_OUT = path.join(tmp, "report.json");
let wb: ExcelJS.Workbook;
let report: Report;
let result: { code: number; out: string; err: string };

beforeAll(async () => {
  await writeBook(SCHOOLS, { 小学: [SECTION16_HEADER, ...SECTION16_ROWS] });
  await writeBook(COUNTY, { 县级指标: COUNTY_ROWS });
  result = run(["check", SCHOOLS, "--county", COUNTY, "--declaration", OUT, "--json", JSON_OUT]);
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(OUT);
  report = JSON.parse(fs.readFileSync(JSON_OUT, "utf8")) as Report;
});

const cell = (sheet: string, ref: string) => wb.getWorksheet(sheet)!.getCell(ref);
const fillOf = (sheet: string, ref: string): string | undefined =>
  (cell(sheet, ref).fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb;

test("seven sheets named exactly, in order (U+2160–U+2165, ASCII hyphen)", () => {
  expect(wb.worksheets.map((w) => w.name)).toEqual([
    "\u8868\u2160",
    "\u8868\u2161-1",
    "\u8868\u2161-2",
    "\u8868\u2162",
    "\u8868\u2163",
    "\u8868\u2164",
    "\u8868\u2165",
  ]);
  expect(result.out).toContain("申报表");
  // The county sheet was read: exit 1 because the verdict is not 「可以申报」 (R-school, G7, G9 … fail).
  expect(result.code).toBe(1);
  expect(report.assessment?.county).toEqual({ file: "county.xlsx", sheet: "县级指标" });
});

describe("表Ⅱ-1 (§16: 4, 3, 3, 3, 3, 3, 3; L8 2 of 4)", () => {
  test("counts and shares", () => {
    const counts = ["C", "D", "E", "F", "G", "H", "I", "J"].map(
      (c) => cell("表Ⅱ-1", `${c}4`).value
    );
    expect(counts).toEqual([4, 3, 3, 3, 3, 3, 3, 2]);
    // 3 × 100 ÷ 4 = 75.0; 2 × 100 ÷ 4 = 50.0
    const shares = ["C", "D", "J"].map((c) => cell("表Ⅱ-1", `${c}5`).value);
    expect(shares).toEqual([100, 75, 50]);
    expect(cell("表Ⅱ-1", "J5").numFmt).toBe("0.0");
    expect(cell("表Ⅱ-1", "C4").numFmt).toBe("0");
    // No 初中: blank.
    expect(cell("表Ⅱ-1", "C6").value).toBeNull();
    expect(cell("表Ⅱ-1", "C3").value).toBe("L1");
    expect(cell("表Ⅱ-1", "J3").value).toBe("L8");
    expect(cell("表Ⅱ-1", "A5").isMerged).toBe(true);
  });
});

describe("表Ⅱ-2", () => {
  test("rows in table order with values rounded to 2 dp and 0.00", () => {
    expect(cell("表Ⅱ-2", "A4").value).toBe(1);
    expect(cell("表Ⅱ-2", "B4").value).toBe("A小学");
    expect(cell("表Ⅱ-2", "B7").value).toBe("D小学");
    // No 举办者 column: code 7. D students 150.
    expect(cell("表Ⅱ-2", "C4").value).toBe(7);
    expect(cell("表Ⅱ-2", "D7").value).toBe(150);
    // B key 6 × 100 ÷ 600 = 1.00; B qualified 28 × 100 ÷ 600 = 4.6666… → 4.67
    expect(cell("表Ⅱ-2", "H5").value).toBe(1);
    expect(cell("表Ⅱ-2", "G5").value).toBe(4.67);
    expect(cell("表Ⅱ-2", "G5").numFmt).toBe("0.00");
    // C equipment 57 × 10000 ÷ 300 = 1900.00
    expect(cell("表Ⅱ-2", "L6").value).toBe(1900);
  });

  test("cells below their threshold are dark, also in a passing school; others have no fill", () => {
    // B sports 7.00 < 7.5 (B passes).
    expect(fillOf("表Ⅱ-2", "K5")).toBe("FF808080");
    // C key 0.67 < 1, teaching 4.00 < 4.5, equipment 1900 < 2000, multimedia 2.00 < 2.3.
    for (const ref of ["H6", "J6", "L6", "M6"]) expect(fillOf("表Ⅱ-2", ref)).toBe("FF808080");
    // D pe_arts 0.67 < 0.9.
    expect(fillOf("表Ⅱ-2", "I7")).toBe("FF808080");
    // B key exactly 1 = threshold: met, no fill.
    expect(fillOf("表Ⅱ-2", "H5")).toBeUndefined();
    expect(fillOf("表Ⅱ-2", "G4")).toBeUndefined();
  });

  test("L14 is the number 1 for a passing school and empty otherwise", () => {
    expect(cell("表Ⅱ-2", "N4").value).toBe(1);
    expect(cell("表Ⅱ-2", "N5").value).toBe(1);
    expect(cell("表Ⅱ-2", "N6").value).toBeNull();
    expect(cell("表Ⅱ-2", "N7").value).toBeNull();
  });

  test("备注 names the met codes, those at 85% and those below, in L order", () => {
    expect(cell("表Ⅱ-2", "O4").value).toBe("达标：L7、L8、L9、L10、L11、L12、L13");
    // B sports 7 ÷ 7.5 = 93.3% ≥ 85%.
    expect(cell("表Ⅱ-2", "O5").value).toBe("达标：L7、L8、L9、L10、L12、L13；达到85%：L11");
    // C: key 66.7% < 85%; teaching 88.9%, equipment 95%, multimedia 87.0% ≥ 85%.
    expect(cell("表Ⅱ-2", "O6").value).toBe(
      "达标：L7、L9、L11；达到85%：L10、L12、L13；未达85%：L8"
    );
    // D: pe_arts 0.6667 ÷ 0.9 = 74.1%.
    expect(cell("表Ⅱ-2", "O7").value).toBe("达标：L7、L8、L10、L11、L12、L13；未达85%：L9");
  });

  test("a 备注 of two printed lines gets a row tall enough for both", () => {
    // Column O is 44 wide, a CJK character 2 and L7 / 85% 1 each, about 42 to a line.
    // A: 9 CJK + 15 others = 33 → 1 line → 30 pt (the floor).
    expect(wb.getWorksheet("表Ⅱ-2")!.getRow(4).height).toBe(30);
    // C: 15 CJK (30) + 24 others = 54 → 2 lines → 14 × 2 + 6 = 34 pt.
    expect(wb.getWorksheet("表Ⅱ-2")!.getRow(6).height).toBe(34);
  });

  test("the footnote counts the schools listed", () => {
    const note = String(cell("表Ⅱ-2", "A8").value);
    expect(note).toContain(
      "小学学校总数4所（其中：一贯制学校的小学部有0所，50人及以上教学点有0个）"
    );
    expect(note).toContain("初中学校总数0所（其中：一贯制学校的初中部0所，完全中学的初中部0所）");
    expect(note).toContain("民办为10。3.L7-L13数值均保留两位小数。");
    expect(cell("表Ⅱ-2", "O8").isMerged).toBe(true);
  });
});

describe("表Ⅲ (§16 county results)", () => {
  test("全县平均值 2 dp, 差异系数 3 dp, L8 ——", () => {
    const means = ["C", "D", "E", "F", "G", "H", "I"].map((c) => cell("表Ⅲ", `${c}4`).value);
    expect(means).toEqual([4.89, 1.07, 0.98, 4.84, 7.93, 2293.33, 2.44]);
    const cvs = ["C", "D", "E", "F", "G", "H", "I"].map((c) => cell("表Ⅲ", `${c}5`).value);
    expect(cvs).toEqual([0.041, 0.169, 0.085, 0.073, 0.086, 0.101, 0.073]);
    expect(cell("表Ⅲ", "C4").numFmt).toBe("0.00");
    expect(cell("表Ⅲ", "C5").numFmt).toBe("0.000");
    expect(cell("表Ⅲ", "J4").value).toBe("——");
    expect(cell("表Ⅲ", "J5").value).toBe("——");
    expect(cell("表Ⅲ", "C6").value).toBeNull();
    expect(cell("表Ⅲ", "A8").value).toBe("注：全县平均值保留两位小数，差异系数保留三位小数。");
  });
});

describe("表Ⅳ", () => {
  test("G7: 290 万元 ÷ 500 人 = 5800 元 < 6000: 否", () => {
    expect(cell("表Ⅳ", "A9").value).toBe("7.特殊教育学校生均公用经费不低于6000元");
    expect(cell("表Ⅳ", "B9").value).toBe(
      "特殊教育学校公用经费为290万元，特殊教育学生数为500人，特殊教育学校生均公用经费为5800元"
    );
    expect(cell("表Ⅳ", "C9").value).toBe("否");
  });
  test("G9: 1190 × 100 ÷ 1200 = 99.17 → 99.2%: 否", () => {
    expect(cell("表Ⅳ", "B11").value).toBe(
      "完成360学时培训的教师1190人，全县教师1200人，教师培训完成率99.2%"
    );
    expect(cell("表Ⅳ", "C11").value).toBe("否");
  });
  test("G11: 80 ÷ 600 = 13.3%, 18 ÷ 80 = 22.5%: 是", () => {
    expect(cell("表Ⅳ", "B13").value).toBe(
      "全县符合交流轮岗条件教师总数600名，上一年度交流轮岗教师80名，交流轮岗教师占符合交流轮岗条件教师总数的比例13.3%；交流轮岗的骨干教师18名，占交流轮岗教师总数的比例22.5%"
    );
    expect(cell("表Ⅳ", "C13").value).toBe("是");
  });
  test("G1 takes its 说明; missing items stay blank or ＿＿", () => {
    expect(cell("表Ⅳ", "B3").value).toBe("已编制中小学布局规划");
    expect(cell("表Ⅳ", "C3").value).toBe("是");
    expect(cell("表Ⅳ", "C4").value).toBeNull();
    expect(cell("表Ⅳ", "B10").value).toBe(
      "全县义务教育学校教师年平均工资收入为＿＿元，当地公务员年平均工资收入＿＿元"
    );
    expect(cell("表Ⅳ", "A18").value).toBe("注：表中所有比例数值保留一位小数，其余保留整数。");
    expect(fillOf("表Ⅳ", "C9")).toBeUndefined();
  });
});

describe("表Ⅴ", () => {
  test("Q1 retained: (950 − 20 + 30) × 100 ÷ (1000 − 2) = 96.19 → 96.2%", () => {
    expect(cell("表Ⅴ", "B4").value).toBe(
      "全县初中毕业班学生数为950人，三年前该年级入学学生数为1000人，毕业年级三年转入学生数为20人，死亡学生数为2人，转出学生数为30人，全县初中三年巩固率为96.2%"
    );
    expect(cell("表Ⅴ", "C4").value).toBe("是");
  });
  test("Q9: 语文 Ⅲ 0.12 meets, 数学 Ⅱ fails; subjects not monitored ＿＿", () => {
    expect(cell("表Ⅴ", "B12").value).toBe(
      "语文Ⅲ级、校际差异率0.12；数学Ⅱ级、校际差异率0.10；科学＿＿级、校际差异率＿＿；体育＿＿级、校际差异率＿＿；艺术＿＿级、校际差异率＿＿；德育＿＿级、校际差异率＿＿。"
    );
    expect(cell("表Ⅴ", "C12").value).toBe("否");
    expect(cell("表Ⅴ", "A2").isMerged).toBe(true);
  });
});

describe("表Ⅵ", () => {
  test("900 ÷ 980 = 91.8%; 40 ÷ 50 = 80.0%; parents 390 ÷ 400 = 97.5%", () => {
    expect(["B6", "C6", "D6", "E6", "F6", "G6", "H6"].map((r) => cell("表Ⅵ", r).value)).toEqual([
      1000, 980, 900, 91.8, 50, 40, 80,
    ]);
    expect(cell("表Ⅵ", "E6").numFmt).toBe("0.0");
    expect(cell("表Ⅵ", "E7").value).toBe(97.5);
    expect(cell("表Ⅵ", "B7").value).toBeNull();
    expect(cell("表Ⅵ", "A7").value).toBe("其中：家长");
  });
});

describe("表Ⅰ", () => {
  test("county figures (2 dp / integers) and school counts", () => {
    expect(cell("表Ⅰ", "A6").value).toBe(52.35);
    expect(cell("表Ⅰ", "A6").numFmt).toBe("0.00");
    expect(cell("表Ⅰ", "C6").value).toBe(12);
    // 68543.5 → 68544 (half up)
    expect(cell("表Ⅰ", "E6").value).toBe(68544);
    expect(cell("表Ⅰ", "I6").value).toBe(4);
    expect(cell("表Ⅰ", "K6").value).toBe(0);
    // 在校学生数 小学 1200 + 600 + 300 + 150 = 2250
    expect(cell("表Ⅰ", "S6").value).toBe(2250);
    expect(cell("表Ⅰ", "A5").value).toBe("L1");
    expect(cell("表Ⅰ", "X5").value).toBe("L24");
  });
});

describe("print setup", () => {
  test("A4 landscape, fit to width, print titles", () => {
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup.paperSize).toBe(9);
      expect(ws.pageSetup.orientation).toBe("landscape");
      expect(ws.pageSetup.fitToWidth).toBe(1);
    }
  });
});

describe("refusals (exit 2, one line)", () => {
  test("basic-2012", () => {
    const r = run([
      "check",
      SCHOOLS,
      "--standard",
      "basic-2012",
      "--declaration",
      path.join(tmp, "x.xlsx"),
    ]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(fs.existsSync(path.join(tmp, "x.xlsx"))).toBe(false);
  });
  test("over the input", () => {
    const r = run(["check", SCHOOLS, "--declaration", SCHOOLS]);
    expect(r.code).toBe(2);
  });
  test("--county missing file or without the sheet", () => {
    expect(run(["check", SCHOOLS, "--county", path.join(tmp, "nope.xlsx")]).code).toBe(2);
    const r = run(["check", SCHOOLS, "--county", SCHOOLS]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("县级指标");
    expect(r.err.trim().split("\n")).toHaveLength(1);
  });
});
