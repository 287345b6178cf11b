/**
 * Layout rules end to end through the CLI on generated workbooks: a marked copy re-checks to the same
 * report as the original, hidden sheets and --include-hidden, formulas without results, a school left out.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { runCli } from "../../src/cli/main";
import { Report } from "../../src/engine/reportTypes";
import { HEADER, JUNIOR, PRIMARY, named } from "../engine/layouts/fixtures";

// exceljs writes the workbooks: slow on a loaded machine, never a measure of junheng.
jest.setTimeout(30_000);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "junheng-layouts-"));

function run(args: string[]): { code: number; out: string; err: string } {
  let out = "";
  let err = "";
  const code = runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

function jsonOf(file: string, extra: string[] = []): { code: number; report: Report } {
  const j = path.join(tmp, `${path.basename(file)}.${Math.random().toString(36).slice(2)}.json`);
  const r = run(["check", file, "--json", j, ...extra]);
  return { code: r.code, report: JSON.parse(fs.readFileSync(j, "utf8")) as Report };
}

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("a marked copy re-checks to the same report as the original", () => {
  test("check X --out Y, check Y --out Z, check Z: one report, identical JSON", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("学校");
    // 庚小学: 1000 students, 150 万元 → 1500 元 per student < 2000 (marks a cell and fails the school).
    [
      HEADER,
      ...named(PRIMARY, "小学"),
      ["庚小学", 1000, 50, 12, 10, 5000, 8000, 150, 25],
      ...named(JUNIOR, "初中"),
    ].forEach((r) => ws.addRow(r));
    const x = path.join(tmp, "x.xlsx");
    const y = path.join(tmp, "y.xlsx");
    const z = path.join(tmp, "z.xlsx");
    await wb.xlsx.writeFile(x);

    const first = jsonOf(x, ["--out", y]);
    expect(first.code).toBe(1);
    expect(first.report.summary.schools).toBe(7);
    expect(fs.existsSync(y)).toBe(true);
    const second = jsonOf(y, ["--out", z]);
    const third = jsonOf(z);
    expect(second.code).toBe(1);
    expect(second.report).toEqual(first.report);
    expect(third.report).toEqual(first.report);
  });
});

/** Every sheet's name, and each cell's note text and fill colour, as exceljs (an independent reader) sees them. */
async function marksOf(file: string): Promise<{
  sheets: string[];
  cells: Record<string, { note: string | null; fill: string | null }>;
}> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const cells: Record<string, { note: string | null; fill: string | null }> = {};
  wb.eachSheet((ws) =>
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (c) => {
        const n = c.note as string | { texts?: { text: string }[] } | undefined;
        const note =
          n === undefined
            ? null
            : typeof n === "string"
              ? n
              : (n.texts ?? []).map((t) => t.text).join("");
        const f = c.fill as { type?: string; fgColor?: { argb?: string } } | undefined;
        const fill = f?.type === "pattern" && f.fgColor?.argb ? f.fgColor.argb : null;
        if (note !== null || fill !== null) cells[`${ws.name}!${c.address}`] = { note, fill };
      })
    )
  );
  return { sheets: wb.worksheets.map((w) => w.name), cells };
}

describe("--out on a marked copy replaces junheng's report sheet and notes instead of stacking them", () => {
  test("original → copy1 → copy2: the same report each time; copy2 has one report sheet and copy1's marks", async () => {
    const build = async (file: string, userNote?: string): Promise<void> => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("学校");
      [
        HEADER,
        ...named(PRIMARY, "小学"),
        ["庚小学", 1000, 50, 12, 10, 5000, 8000, 150, 25],
        ...named(JUNIOR, "初中"),
      ].forEach((r) => ws.addRow(r));
      if (userNote) ws.getCell(userNote).note = "去年已核实";
      await wb.xlsx.writeFile(file);
    };
    const x = path.join(tmp, "orig.xlsx");
    await build(x);
    // The cell junheng marks (庚小学's 仪器: 150 万元 ÷ 1000 = 1500 元 < 2000) gets a note of the user's own.
    const cell = jsonOf(x).report.findings.find((f) => f.sheet === "学校" && f.cell)!.cell!;
    await build(x, cell);
    const copy1 = path.join(tmp, "copy1.xlsx");
    const copy2 = path.join(tmp, "copy2.xlsx");
    const original = jsonOf(x, ["--out", copy1]);
    const again = jsonOf(copy1, ["--out", copy2]);
    expect(again.code).toBe(original.code);
    expect(again.report).toEqual(original.report);
    expect(jsonOf(copy2).report).toEqual(original.report);

    const m1 = await marksOf(copy1);
    const m2 = await marksOf(copy2);
    expect(m1.sheets).toEqual(["学校", "均衡达标报告"]);
    expect(m2.sheets).toEqual(["学校", "均衡达标报告"]);
    // Same marks, same notes: the user's note first and junheng's paragraph once, not twice.
    const marked = Object.keys(m1.cells).filter((k) => k.startsWith("学校!"));
    expect(marked.length).toBeGreaterThan(0);
    expect(Object.fromEntries(marked.map((k) => [k, m2.cells[k]]))).toEqual(
      Object.fromEntries(marked.map((k) => [k, m1.cells[k]]))
    );
    const own = m2.cells[`学校!${cell}`].note!;
    expect(own.startsWith("去年已核实\n\n")).toBe(true);
    expect(own.split("\n\n")).toHaveLength(2);
    // And the report sheet's content is the report's, as in copy1 (not an empty or stale sheet).
    expect(Object.keys(m2.cells).filter((k) => !k.startsWith("学校!"))).toEqual(
      Object.keys(m1.cells).filter((k) => !k.startsWith("学校!"))
    );
  });
});

describe("hidden sheets through the CLI", () => {
  test("skipped by default (exit 0), read with --include-hidden", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("小学");
    [HEADER, ...named(PRIMARY, "小学")].forEach((r) => ws.addRow(r));
    const old = wb.addWorksheet("去年");
    old.state = "hidden";
    // Last year: the same schools with no 骨干 teachers (key teachers 0 < 1: every school misses one).
    [HEADER, ...named(PRIMARY, "小学").map((r) => r.map((v, i) => (i === 3 ? 0 : v)))].forEach(
      (r) => old.addRow(r)
    );
    const file = path.join(tmp, "hidden.xlsx");
    await wb.xlsx.writeFile(file);
    const plain = jsonOf(file);
    expect(plain.code).toBe(0);
    expect(plain.report.summary.schools).toBe(3);
    expect(plain.report.findings.map((f) => f.code)).toContain("hidden-sheet-skipped");
    const all = jsonOf(file, ["--include-hidden"]);
    expect(all.report.summary.schools).toBe(6);
    expect(all.report.policy.includeHiddenSheets).toBe(true);
    expect(all.code).toBe(1);
  });
});

describe("hidden rows through the CLI", () => {
  test("a row the clerk hid is still a school; one info line says so (exit 0)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("小学");
    [HEADER, ...named(PRIMARY, "小学")].forEach((r) => ws.addRow(r));
    ws.getRow(3).hidden = true; // 乙小学
    const file = path.join(tmp, "hidden-rows.xlsx");
    await wb.xlsx.writeFile(file);
    const { code, report } = jsonOf(file);
    expect(code).toBe(0);
    expect(report.summary.schools).toBe(3);
    expect(report.findings.filter((f) => f.code === "hidden-rows-read")).toMatchObject([
      { sheet: "小学", cell: "A3", params: { count: 1, rows: [3] } },
    ]);
    expect(run(["check", file]).out).toContain("第 3 行");
  });
});

describe("hidden columns through the CLI", () => {
  test("a hidden 在校生数 column is still read; one warning at its header says so (exit 0)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("小学");
    [HEADER, ...named(PRIMARY, "小学")].forEach((r) => ws.addRow(r));
    ws.getColumn(2).hidden = true; // B: 在校生数
    const file = path.join(tmp, "hidden-cols.xlsx");
    await wb.xlsx.writeFile(file);
    const { code, report } = jsonOf(file);
    expect(code).toBe(0);
    expect(report.summary.schools).toBe(3);
    expect(report.summary.meets).toBe(true);
    expect(
      report.findings
        .filter((f) => f.code === "hidden-columns-read")
        .map((f) => [f.sheet, f.cell, f.code, f.severity])
    ).toEqual([["小学", "B1", "hidden-columns-read", "warning"]]);
    expect(run(["check", file]).out).toContain("B 列「在校生数」");
  });
});

describe("formulas without cached results", () => {
  test("one finding for the sheet, exit 1; a sheet of nothing but such formulas: exit 2, one line", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("学校");
    [HEADER, ...named(PRIMARY, "小学")].forEach((r) => ws.addRow(r));
    // 体育运动场馆面积 (G) as formulas of 教学及辅助用房 (F) × 1.6, never calculated.
    for (const r of [2, 3, 4])
      ws.getCell(`G${r}`).value = { formula: `F${r}*1.6` } as ExcelJS.CellFormulaValue;
    const file = path.join(tmp, "formulas.xlsx");
    await wb.xlsx.writeFile(file);
    const { code, report } = jsonOf(file);
    expect(code).toBe(1);
    expect(report.findings.filter((f) => f.code === "formula-uncached")).toHaveLength(1);
    expect(report.findings.filter((f) => f.code === "missing-value")).toHaveLength(0);
    expect(report.summary.meets).toBeNull();

    const wb2 = new ExcelJS.Workbook();
    const ws2 = wb2.addWorksheet("学校");
    ws2.addRow(HEADER);
    for (let r = 2; r <= 4; r++) {
      ws2.getCell(`A${r}`).value = `${r}号小学`;
      for (const c of "BCDEFGHI")
        ws2.getCell(`${c}${r}`).value = { formula: `${r}*100` } as ExcelJS.CellFormulaValue;
    }
    const file2 = path.join(tmp, "formulas-only.xlsx");
    await wb2.xlsx.writeFile(file2);
    const r2 = run(["check", file2]);
    expect(r2.code).toBe(2);
    expect(r2.err).toBe(
      `junheng: ${file2} 中的公式没有计算结果：请在 Excel 或 WPS 中打开并保存后再检查\n`
    );
  });
});

describe("a school left out", () => {
  test("a school without 在校生数: the stage line says the students shown leave it out", async () => {
    // 甲 1000 + 乙 800 = 1,800 students known; 丙小学's 在校生数 is blank, so the sum is not the stage's students.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("学校");
    const rows = named(PRIMARY, "小学");
    rows[2] = [rows[2][0], null, ...rows[2].slice(2)];
    [HEADER, ...rows].forEach((r) => ws.addRow(r));
    const file = path.join(tmp, "no-students.xlsx");
    await wb.xlsx.writeFile(file);
    expect(run(["check", file]).out).toContain(
      "【小学】3 所学校，在校生 1,800 人（1 所学校的在校生数未知，未计入）"
    );
    expect(run(["check", file, "--lang", "en"]).out).toContain(
      "[Primary] 3 schools, 1,800 students (1 school with an unknown student count not included)"
    );
  });

  test("unknown stage: exit 1 and no overall verdict, though every other school meets", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("学校");
    [HEADER, ...named(PRIMARY, "小学"), ["城关中学", 900, 50, 10, 9, 5000, 9000, 250, 22]].forEach(
      (r) => ws.addRow(r)
    );
    const file = path.join(tmp, "unknown.xlsx");
    await wb.xlsx.writeFile(file);
    const { code, report } = jsonOf(file);
    expect(code).toBe(1);
    expect(report.summary.meets).toBeNull();
    expect(report.summary.readyToSubmit).toBe(false);
    // The 小学 stage meets over the three schools read, but 城关中学 could be either stage: the CLI never shows
    // the stage as 达标 beside a county verdict it cannot give — not in the summary, not in the roll-up.
    expect(report.county.primary?.meets).toBe(true);
    const text = run(["check", file]).out;
    expect(text).toContain("【小学】3 所学校，在校生 2,400 人 —— 有学校未纳入，无法判定");
    expect(text).toContain("县域资源配置：数据不全，无法判定");
    expect(run(["check", file, "--lang", "en"]).out).toContain(
      "[Primary] 3 schools, 2,400 students — a school is left out, cannot be judged"
    );
    const copy = path.join(tmp, "unknown2.xlsx");
    fs.copyFileSync(file, copy);
    const many = run(["check", file, copy]);
    expect(many.code).toBe(1);
    expect(many.out).toContain(`✗ ${file}：小学 无法判定；错误 1 项`);
    expect(many.out).toMatch(/unknown\.xlsx\s+无法判定\s+—\s+0\/7\s+3\/3\s+1\n/);
  });
});
