/**
 * The CLI end to end on real .xlsx files: exit codes 0/1/2, the JSON report, and the --out copy re-opened
 * and compared cell by cell with the input (including a chart and data validation).
 */
import { execFileSync, spawnSync } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { runCli } from "../../src/cli/main";
import { Report } from "../../src/engine/reportTypes";
import type { JsonReport } from "../../src/present/reportJson";
import { addChart, CHART_PARTS } from "./chart";

const ROOT = path.resolve(__dirname, "..", "..");
const SAMPLE = path.join(ROOT, "samples", "county-sample.xlsx");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "junheng-cli-"));

function run(args: string[]): { code: number; out: string; err: string } {
  let out = "";
  let err = "";
  const code = runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

async function writeWorkbook(
  file: string,
  rows: (string | number | null)[][],
  build?: (ws: ExcelJS.Worksheet) => void
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("小学");
  rows.forEach((r) => ws.addRow(r));
  build?.(ws);
  await wb.xlsx.writeFile(file);
}

const HEADER = [
  "学校名称",
  "在校生数",
  "高于规定学历教师数",
  "县级及以上骨干教师数",
  "体育、艺术专任教师数",
  "教学及辅助用房面积(㎡)",
  "体育运动场馆面积(㎡)",
  "教学仪器设备值(万元)",
  "网络多媒体教室数(间)",
];

describe("exit status", () => {
  test("1 on the bundled sample (schools and a CV fall short)", () => {
    const r = run(["check", SAMPLE]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("小学");
    expect(r.out).toContain("不达标");
    expect(r.err).toBe("");
  });

  test("0 when every school and every CV meets the standard", async () => {
    const file = path.join(tmp, "ok.xlsx");
    // Three schools well above every 小学 threshold, values within ±10% of each other (CVs ≈ 0.05).
    await writeWorkbook(file, [
      HEADER,
      ["甲小学", 1000, 50, 12, 10, 5000, 8000, 220, 25],
      ["乙小学", 800, 42, 10, 8, 4200, 6800, 176, 20],
      ["丙小学", 600, 30, 7, 6, 3000, 4800, 132, 15],
    ]);
    const r = run(["check", file]);
    expect(r.out).toContain("可以提交");
    expect(r.code).toBe(0);
  });

  test.each([
    ["no arguments", [], /用法/],
    ["unknown option", ["check", SAMPLE, "--frobnicate"], /未知选项/],
    ["bad standard", ["check", SAMPLE, "--standard", "2020"], /quality-2017/],
    ["missing file", ["check", "does-not-exist.xlsx"], /找不到文件/],
    ["English errors", ["check", "does-not-exist.xlsx", "--lang", "en"], /file not found/],
  ])("2 on %s", (_label, args, message) => {
    const r = run(args as string[]);
    expect(r.code).toBe(2);
    expect(r.err + r.out).toMatch(message as RegExp);
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
  });

  test("2 on a file that is not an .xlsx, an encrypted/old .xls file, and a workbook without a school table", async () => {
    const text = path.join(tmp, "notes.xlsx");
    fs.writeFileSync(text, "学校名称,在校生数\n");
    expect(run(["check", text]).err).toMatch(/不是 \.xlsx/);
    const ole = path.join(tmp, "old.xls.xlsx");
    fs.writeFileSync(
      ole,
      Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.alloc(600),
      ])
    );
    const r2 = run(["check", ole]);
    expect(r2.code).toBe(2);
    expect(r2.err).toMatch(/加密|xls/);
    const empty = path.join(tmp, "empty.xlsx");
    await writeWorkbook(empty, [["会议纪要"], ["今天天气不错"]]);
    const r3 = run(["check", empty]);
    expect(r3.code).toBe(2);
    expect(r3.err).toMatch(/没有找到学校名单/);
  });

  test("2 on a bad profile, with the reason", () => {
    const bad = path.join(tmp, "bad-profile.json");
    fs.writeFileSync(
      bad,
      JSON.stringify({ indicators: { no_such_indicator: { threshold: { primary: 1 } } } })
    );
    const r = run(["check", SAMPLE, "--profile", bad]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no_such_indicator/);
    fs.writeFileSync(bad, "{ not json");
    expect(run(["check", SAMPLE, "--profile", bad]).err).toMatch(/JSON/);
  });

  test("--out may not overwrite the input", () => {
    const r = run(["check", SAMPLE, "--out", SAMPLE]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/不能覆盖原文件/);
  });

  test("the installed bin prints one line and no stack trace (real process, real exit code)", () => {
    const bin = path.join(ROOT, "bin", "junheng.js");
    if (!fs.existsSync(path.join(ROOT, "dist", "node", "cli", "main.js")))
      execFileSync("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: ROOT });
    const res = spawnSync(process.execPath, [bin, "check", "nope.xlsx"], { encoding: "utf8" });
    expect(res.status).toBe(2);
    expect(res.stderr.trim().split("\n")).toHaveLength(1);
    const ok = spawnSync(process.execPath, [bin, "check", SAMPLE], { encoding: "utf8" });
    expect(ok.status).toBe(1);
  });
});

describe("options", () => {
  test("--json - writes only the JSON to stdout; --lang en and --sheet restrict and translate", () => {
    const r = run(["check", SAMPLE, "--json", "-", "--lang", "en", "--sheet", "学校基本情况"]);
    const report = JSON.parse(r.out) as JsonReport;
    expect(report.lang).toBe("en");
    expect(report.tables.map((t) => t.sheet)).toEqual(["学校基本情况"]);
    expect(report.findings.find((f) => f.code === "school-fails")!.message).toMatch(
      /does not meet the standard/
    );
  });
  test("the English summary gives each failing school its reason, per-100 counts without a unit", () => {
    const r = run(["check", SAMPLE, "--lang", "en"]);
    // 西关小学: 6 × 100 ÷ 800 = 0.75 key teachers per 100, 75% of the threshold 1 (85% needed).
    expect(r.out).toContain(
      "西关小学 (Primary, 学校基本情况!row 9): Key teachers only 75.00% of the standard (85% needed)"
    );
    expect(r.out).toContain("0.75 < 1 (primary); short by 2 key teachers");
  });
  test("--sheet with an unknown name is exit 2", () => {
    const r = run(["check", SAMPLE, "--sheet", "初中"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/没有名为「初中」的工作表/);
  });
  test("--standard basic-2012 reports the composite and no per-school verdicts", () => {
    const r = run(["check", SAMPLE, "--standard", "basic-2012", "--json", "-"]);
    const report = JSON.parse(r.out) as Report;
    expect(report.standard.id).toBe("basic-2012");
    expect(report.county.primary!.composite).toBeDefined();
    expect(report.schools.every((s) => s.status === "no-verdict" || s.status === "excluded")).toBe(
      true
    );
  });
});

describe("JSON report of the sample", () => {
  const jsonFile = path.join(tmp, "sample.json");
  let report: Report;
  beforeAll(() => {
    run(["check", SAMPLE, "--json", jsonFile]);
    report = JSON.parse(fs.readFileSync(jsonFile, "utf8")) as Report;
  });

  test("has the documented top-level shape", () => {
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining([
        "standard",
        "policy",
        "tables",
        "schools",
        "county",
        "findings",
        "summary",
      ])
    );
    expect(report.standard.id).toBe("quality-2017");
    expect(report.tables[0]).toMatchObject({
      sheet: "学校基本情况",
      headerRows: [3, 4],
      firstDataRow: 5,
    });
    expect(report.tables[0].columns).toMatchObject({
      name: "B",
      type: "C",
      students: "D",
      "students@primary": "E",
      "students@junior": "F",
      equipment_value: "Q",
    });
  });

  test("a failing school's indicator: 西关小学 骨干 6 × 100 ÷ 800 = 0.75, cell K9, 2 more teachers", () => {
    const s = report.schools.find((x) => x.name === "西关小学")!;
    expect(s.indicators.key_teachers_per_100).toMatchObject({
      value: 0.75,
      threshold: 1,
      meets: false,
      gap: 2,
      cell: "K9",
    });
    expect(s.meets).toBe(false);
  });

  test("text numbers are read: 新区小学 '1,200' students, '２６０' 万元 → 2,600,000 ÷ 1200 元", () => {
    const s = report.schools.find((x) => x.name === "新区小学")!;
    expect(s.students).toBe(1200);
    expect(s.indicators.equipment_value_per_student.value).toBeCloseTo(2600000 / 1200, 9);
  });

  test("the 九年一贯制 school appears once per stage, split", () => {
    const parts = report.schools.filter((x) => x.name === "河口镇九年一贯制学校");
    expect(parts.map((p) => p.stage).sort()).toEqual(["junior", "primary"]);
    expect(parts.every((p) => p.split)).toBe(true);
    // 教辅用房 5200 ㎡ × 500 / (500 + 1.1 × 400) for the 小学部.
    const p = parts.find((x) => x.stage === "primary")!;
    expect(p.indicators.teaching_space_per_student.value! * 500).toBeCloseTo((5200 * 500) / 940, 6);
  });

  test("the 教学点 under 50 students and the 合计 row are not schools", () => {
    expect(report.schools.find((x) => x.name === "北山村教学点")!.excluded).toBeTruthy();
    expect(report.schools.some((x) => x.name === "合计")).toBe(false);
  });

  test("the primary 骨干教师 CV, recomputed here from the sheet's raw figures, fails 0.50", () => {
    // (students, key teachers) of the assessed 小学 with a key count; the 一贯制 小学部 gets 12 × 500/900.
    const rows: [number, number][] = [
      [2400, 80],
      [1800, 30],
      [1500, 25],
      [900, 9],
      [800, 6],
      [600, 6],
      [300, 1],
      [250, 1],
      [180, 0],
      [1200, 18],
      [420, 5],
      [500, (12 * 500) / 900],
    ];
    const P = rows.reduce((s, r) => s + r[0], 0);
    const X = rows.map(([p, k]) => (k * 100) / p);
    const mean = rows.reduce((s, [p], i) => s + p * X[i], 0) / P;
    const sd = Math.sqrt(rows.reduce((s, [p], i) => s + p * (X[i] - mean) ** 2, 0) / P);
    const c = report.county.primary!.indicators.key_teachers_per_100;
    expect(c.cv).toBeCloseTo(sd / mean, 10);
    expect(c.meets).toBe(false);
    expect(report.summary.meets).toBe(false);
  });
});

describe("--out writes a marked copy and leaves everything else alone", () => {
  const input = path.join(tmp, "with-chart.xlsx");
  const output = path.join(tmp, "with-chart.checked.xlsx");
  let inputHash = "";
  beforeAll(() => {
    fs.writeFileSync(input, addChart(new Uint8Array(fs.readFileSync(SAMPLE))));
    inputHash = crypto.createHash("sha256").update(fs.readFileSync(input)).digest("hex");
    const r = run(["check", input, "--out", output]);
    expect(r.code).toBe(1);
  });

  test("the input file is never written", () => {
    expect(crypto.createHash("sha256").update(fs.readFileSync(input)).digest("hex")).toBe(
      inputHash
    );
  });

  test("chart parts survive byte for byte and stay referenced", () => {
    const a = unzipSync(new Uint8Array(fs.readFileSync(input)));
    const b = unzipSync(new Uint8Array(fs.readFileSync(output)));
    for (const p of CHART_PARTS) expect(Buffer.from(b[p]).equals(Buffer.from(a[p]))).toBe(true);
    expect(Buffer.from(b["xl/worksheets/_rels/sheet1.xml.rels"]).toString()).toContain(
      "../drawings/drawing1.xml"
    );
    expect(Buffer.from(b["xl/worksheets/sheet1.xml"]).toString()).toContain(
      '<drawing r:id="rIdChart9"/>'
    );
  });

  test("every cell's value, formula and style is unchanged except the fill of marked cells", async () => {
    const a = new ExcelJS.Workbook();
    await a.xlsx.readFile(input);
    const b = new ExcelJS.Workbook();
    await b.xlsx.readFile(output);
    const wa = a.getWorksheet("学校基本情况")!;
    const wb = b.getWorksheet("学校基本情况")!;
    const marked = new Map<string, string>();
    let compared = 0;
    for (let r = 1; r <= Math.max(wa.rowCount, wb.rowCount); r++) {
      for (let c = 1; c <= 19; c++) {
        const ca = wa.getCell(r, c);
        const cb = wb.getCell(r, c);
        expect(cb.value).toEqual(ca.value);
        expect(cb.numFmt).toEqual(ca.numFmt);
        expect(cb.font).toEqual(ca.font);
        expect(cb.border).toEqual(ca.border);
        expect(cb.alignment).toEqual(ca.alignment);
        expect(cb.dataValidation).toEqual(ca.dataValidation);
        if (cb.note) marked.set(cb.address, (cb.fill as ExcelJS.FillPattern).fgColor?.argb ?? "");
        else expect(cb.fill).toEqual(ca.fill);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(400);
    // Merged ranges, widths, frozen panes, defined names.
    expect(wb.model.merges.sort()).toEqual(wa.model.merges.sort());
    for (let c = 1; c <= 19; c++) expect(wb.getColumn(c).width).toEqual(wa.getColumn(c).width);
    expect(wb.views).toEqual(wa.views);
    expect(b.definedNames.model).toEqual(a.definedNames.model);
    // A missed standard (K9, 西关小学 骨干) and a data problem (K16, 柳林小学 "—") get two distinct fills.
    expect(marked.get("K9")).toBeTruthy();
    expect(marked.get("K16")).toBeTruthy();
    expect(marked.get("K9")).not.toEqual(marked.get("K16"));
  });

  test("notes say why and by how much; the report sheet holds both tables", async () => {
    const b = new ExcelJS.Workbook();
    await b.xlsx.readFile(output);
    const note = b.getWorksheet("学校基本情况")!.getCell("Q11").note;
    const text = typeof note === "string" ? note : (note?.texts ?? []).map((t) => t.text).join("");
    // 李家庄小学: 48 万元 ÷ 300 = 1,600 元 < 2,000; 2,000 × 300 − 480,000 = ¥120,000.
    expect(text).toContain("1,600.00 元 < 2,000 元（小学），还差 ¥120,000");
    const rs = b.getWorksheet("均衡达标报告")!;
    const all: string[] = [];
    rs.eachRow((row) =>
      row.eachCell((c) => all.push(String(c.value && typeof c.value === "object" ? "" : c.value)))
    );
    expect(all).toEqual(expect.arrayContaining(["西关小学", "全县平均值", "差异系数", "——"]));
  });
});
