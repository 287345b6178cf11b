/**
 * junheng plan end to end on real .xlsx files: the JSON contract, PLAN.xlsx, costs, 乡镇 totals, exit codes,
 * and the input never written over.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { runCli } from "../../src/cli/main";
import { Plan } from "../../src/engine/plan";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "junheng-plan-"));

function run(args: string[]): { code: number; out: string; err: string } {
  let out = "";
  let err = "";
  const code = runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

async function writeWorkbook(file: string, rows: (string | number | null)[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("小学");
  rows.forEach((r) => ws.addRow(r));
  await wb.xlsx.writeFile(file);
}

// standards.md §16 with a 乡镇 column: A, B pass; C (城关镇) and D (河口乡) fail.
const HEADER = [
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
const ROWS = [
  ["A小学", "城关镇", 1200, 60, 14, 12, 6000, 9600, 300, 30],
  ["B小学", "城关镇", 600, 28, 6, 6, 2900, 4200, 126, 15],
  ["C小学", "城关镇", 300, 14, 2, 3, 1200, 2700, 57, 6],
  ["D小学", "河口乡", 150, 8, 2, 1, 800, 1350, 33, 4],
];
const FILE = path.join(tmp, "county.xlsx");

beforeAll(async () => {
  await writeWorkbook(FILE, [HEADER, ...ROWS]);
});

test("the JSON contract: costs, schools, transfers, total, after (exit 0: everything meets after)", () => {
  const json = path.join(tmp, "plan.json");
  const before = fs.readFileSync(FILE);
  const r = run(["plan", FILE, "--json", json]);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  const plan = JSON.parse(fs.readFileSync(json, "utf8")) as Plan;
  expect(Object.keys(plan.costs).sort()).toEqual([
    "equipment_value",
    "key_teachers",
    "multimedia_rooms",
    "pe_arts_teachers",
    "qualified_teachers",
    "sports_space",
    "teaching_space",
  ]);
  // C: +1 骨干, +30,000 元, +1 多媒体 = 180,000; D: +1 体艺 = 100,000 (worked out in test/engine/plan/schoolPlan.test.ts).
  expect(plan.schools.map((s) => [s.name, s.stage, s.sheet, s.row, s.cost])).toEqual([
    ["C小学", "primary", "小学", 4, 180000],
    ["D小学", "primary", "小学", 5, 100000],
  ]);
  expect(plan.schools[0].additions).toEqual({
    key_teachers: 1,
    equipment_value: 30000,
    multimedia_rooms: 1,
  });
  expect(plan.transfers).toEqual([]);
  expect(plan.total).toBe(280000);
  expect(plan.after.schools).toBe(4);
  expect(plan.after.schoolsMeeting).toBe(4);
  expect(typeof plan.after.county.primary!.indicators.key_teachers_per_100.cv).toBe("number");
  // Per 乡镇: 城关镇 180,000 (C), 河口乡 100,000 (D).
  expect(plan.townships).toEqual([
    { name: "城关镇", schools: 1, cost: 180000 },
    { name: "河口乡", schools: 1, cost: 100000 },
  ]);
  expect(r.out).toContain("全县合计：280,000 元");
  expect(r.out).toContain("城关镇：1 所，180,000 元");
  // The input is untouched.
  expect(fs.readFileSync(FILE).equals(before)).toBe(true);
});

test("--costs replaces the defaults it names: 骨干 at 0 makes C's plan 80,000", () => {
  const costs = path.join(tmp, "costs.json");
  fs.writeFileSync(costs, JSON.stringify({ key_teachers: 0 }));
  const r = run(["plan", FILE, "--costs", costs, "--json", "-"]);
  const plan = JSON.parse(r.out) as Plan;
  expect(plan.costs.key_teachers).toBe(0);
  expect(plan.costs.teaching_space).toBe(3000);
  // C: 骨干 +1 at 0 + 30,000 元 + 1 room at 50,000 = 80,000.
  expect(plan.schools[0].cost).toBe(80000);
});

test("--out writes PLAN.xlsx with the plan, transfers, CVs and costs sheets", async () => {
  const out = path.join(tmp, "PLAN.xlsx");
  const r = run(["plan", FILE, "--out", out, "--lang", "en"]);
  expect(r.code).toBe(0);
  expect(r.out).toContain("County total: CNY 280,000");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["Plan", "Transfers", "CVs", "Unit costs"]);
  const ws = wb.getWorksheet("Plan")!;
  expect(ws.getCell("A2").value).toBe("C小学");
  expect(ws.getCell("E1").value).toBe("Township");
  // Columns F–L are the seven kinds; M is the cost: 180,000 for C, 280,000 on the total row.
  expect(ws.getCell("M2").value).toBe(180000);
  expect(ws.getCell("M4").value).toBe(280000);
});

test("exit 2 with one line: the output would overwrite the input, a bad costs file, a missing file", () => {
  const same = run(["plan", FILE, "--out", FILE]);
  expect(same.code).toBe(2);
  expect(same.err.trim().split("\n")).toHaveLength(1);
  const bad = path.join(tmp, "bad.json");
  fs.writeFileSync(bad, JSON.stringify({ teaching_spaces: 3000 }));
  const r = run(["plan", FILE, "--costs", bad]);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/^junheng: 单价文件有误：单价文件中的未知项 “teaching_spaces”/);
  const missing = run(["plan", path.join(tmp, "nope.xlsx"), "--lang", "en"]);
  expect(missing.code).toBe(2);
  expect(missing.err).toMatch(/^junheng: file not found/);
});

test("exit 2 before writing: --json at the --costs file, --json and --out at one file", () => {
  // Before: the plan's JSON replaced the costs file it was read from, and --out then replaced --json's file.
  const costs = path.join(tmp, "costs.json");
  fs.writeFileSync(costs, "{}");
  const r = run(["plan", FILE, "--costs", costs, "--json", costs]);
  expect(r.code).toBe(2);
  expect(r.err).toBe("junheng: 输出文件不能覆盖原文件，请为 --out / --json 指定另一个文件名\n");
  expect(fs.readFileSync(costs, "utf8")).toBe("{}");
  const both = path.join(tmp, "both.out");
  const b = run(["plan", FILE, "--json", both, "--out", both, "--lang", "en"]);
  expect(b.code).toBe(2);
  expect(b.err).toBe("junheng: --json and --out must not name the same file\n");
  expect(fs.existsSync(both)).toBe(false);
});
