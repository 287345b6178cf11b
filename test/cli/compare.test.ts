/** junheng compare on real files: two workbooks, a JSON report as last year, COMPARE.xlsx, and exit 2. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { run, writeSheet } from "./run";
import type { Comparison } from "../../src/engine/compare";
import { SECTION16_HEADER, SECTION16_ROWS } from "../engine/helpers";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "junheng-compare-"));
const LAST = path.join(tmp, "2023.xlsx");
const THIS = path.join(tmp, "2024.xlsx");

const write = writeSheet;

beforeAll(async () => {
  await write(LAST, [SECTION16_HEADER, ...(SECTION16_ROWS as (string | number)[][])]);
  // This year: D closed, E (300 students, 3 骨干) opened (test/engine/compare.test.ts works the figures).
  const E = ["E小学", 300, 15, 3, 1, 1, 1, 1500, 2400, 60, 7];
  await write(THIS, [
    SECTION16_HEADER,
    ...(SECTION16_ROWS.slice(0, 3) as (string | number)[][]),
    E,
  ]);
});

test("two workbooks: added, closed, the 骨干 CV change, the monitoring table", () => {
  const r = run(["compare", LAST, THIS, "--json", "-"]);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  const c = JSON.parse(r.out) as Comparison;
  expect(c.added).toEqual([{ name: "E小学", stage: "primary" }]);
  expect(c.closed).toEqual([{ name: "D小学", stage: "primary" }]);
  const key = c.stages[0].indicators.find((i) => i.id === "key_teachers_per_100")!;
  expect(key.change.cv).toBeCloseTo(0.154919 - 0.169251, 5);
  expect(c.monitoring.this.find((m) => m.indicator === "key_teachers_per_100")!.cv).toBe(
    "0.154919"
  );
});

test("last year as a JSON report of check --json; the summary text; COMPARE.xlsx", async () => {
  const json = path.join(tmp, "2023.json");
  expect(run(["check", LAST, "--json", json]).code).toBe(1);
  const out = path.join(tmp, "compare.xlsx");
  const r = run(["compare", json, THIS, "--out", out]);
  expect(r.code).toBe(0);
  expect(r.out).toContain("与上年比较：2023.json → 2024.xlsx");
  expect(r.out).toContain("新增学校： E小学（小学）");
  expect(r.out).toContain("骨干教师  1.041667  0.161374  0.154919");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  expect(wb.worksheets.map((w) => w.name)).toEqual([
    "与上年比较",
    "监测表",
    "学校变化",
    "新增与撤并",
  ]);
  const mon = wb.getWorksheet("监测表")!;
  // Row 3 = 骨干教师 (row 2 is 高学历): 全县平均值 1.041667.
  expect(mon.getCell("B3").value).toBe("骨干教师");
  expect(mon.getCell("C3").value).toBe(1.041667);
});

test("exit 2 with one line: one file only, or an output over an input", () => {
  const one = run(["compare", LAST]);
  expect(one.code).toBe(2);
  expect(one.err.trim().split("\n")).toHaveLength(1);
  const over = run(["compare", LAST, THIS, "--out", LAST]);
  expect(over.code).toBe(2);
});
