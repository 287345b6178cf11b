/**
 * The one answer to 「可以申报吗？」 (standards.md §17.8, issue 12 Deliver 4) on every surface the CLI writes: the
 * summary on stdout, the JSON, the report sheet of --out, and the exit status (with 「县级指标」, exit 0 needs the
 * verdict true). A county that meets all 40 items, then the same county with one item failing and one not filled in.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { runCli } from "../../src/cli/main";
import type { Report } from "../../src/engine/reportTypes";
import type { RawCell } from "../../src/engine/workbook";
import {
  PASSING_COUNTY_ROWS,
  PASSING_SCHOOL_HEAD,
  PASSING_SCHOOL_ROWS,
  countyWith,
} from "../engine/assessment/passingCounty";

jest.setTimeout(60000);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "junheng-verdict-"));

async function writeBook(file: string, sheets: Record<string, RawCell[][]>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((r) => ws.addRow(r));
  }
  await wb.xlsx.writeFile(file);
}

interface Run {
  code: number;
  out: string;
  report: Report;
  sheetText: string;
}

async function check(name: string, county: RawCell[][]): Promise<Run> {
  const file = path.join(tmp, `${name}.xlsx`);
  const json = path.join(tmp, `${name}.json`);
  const annotated = path.join(tmp, `${name}-out.xlsx`);
  await writeBook(file, { 学校: [PASSING_SCHOOL_HEAD, ...PASSING_SCHOOL_ROWS], 县级指标: county });
  let out = "";
  const code = runCli(["check", file, "--json", json, "--out", annotated], {
    stdout: (s) => (out += s),
    stderr: () => undefined,
  });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(annotated);
  const lines: string[] = [];
  wb.getWorksheet("均衡达标报告")!.eachRow((row) =>
    lines.push(
      (row.values as unknown[])
        .filter((v) => v !== null && v !== undefined)
        .map(String)
        .join(" ")
    )
  );
  return {
    code,
    out,
    report: JSON.parse(fs.readFileSync(json, "utf8")) as Report,
    sheetText: lines.join("\n"),
  };
}

describe("every item met", () => {
  let run: Run;
  beforeAll(async () => {
    run = await check("passing", PASSING_COUNTY_ROWS);
  });
  test("JSON: verdict true, nothing blocking or pending, 40 items all met", () => {
    const a = run.report.assessment!;
    // file null = the sheet of the checked workbook (docs/report-format.md).
    expect(a.county).toEqual({ file: null, sheet: "县级指标" });
    expect(a.items).toHaveLength(40);
    expect(a.items.filter((i) => i.meets !== true).map((i) => i.id)).toEqual([]);
    expect(a).toMatchObject({ verdict: true, blocking: [], pending: [] });
    // G6 has no school under 100 students: not-applicable, meets true, no value.
    expect(a.items.find((i) => i.id === "G6")).toMatchObject({
      value: null,
      meets: true,
      status: "not-applicable",
    });
    // G7 6000 = 6000 and G15 85 = 85: equal meets.
    expect(a.items.find((i) => i.id === "G7")).toMatchObject({ value: 6000, meets: true });
    expect(a.items.find((i) => i.id === "G15")).toMatchObject({ value: 85, meets: true });
  });
  test("the summary and the report sheet say 可以申报; exit 0", () => {
    expect(run.out).toContain("可以申报吗？ 可以申报\n");
    expect(run.sheetText).toMatch(/可以申报吗？ 可以申报(\n|$)/);
    expect(run.code).toBe(0);
  });
});

describe("one item failing, one not filled in", () => {
  let run: Run;
  beforeAll(async () => {
    // G8: 绩效工资 否 fails the item whatever the salaries; V6 left out → 未填.
    const rows = countyWith("G8.performance_pay", "否").filter((r) => r[0] !== "V6.fraud");
    run = await check("failing", rows);
  });
  test("JSON: verdict false, blocking G8, pending V6", () => {
    expect(run.report.assessment).toMatchObject({
      verdict: false,
      blocking: ["G8"],
      pending: ["V6"],
    });
  });
  test("暂不具备申报条件：1 项，未填 1 项 in the summary and the report sheet; exit 1", () => {
    expect(run.out).toContain("可以申报吗？ 暂不具备申报条件：1 项，未填 1 项");
    expect(run.sheetText).toContain("暂不具备申报条件：1 项，未填 1 项");
    expect(run.sheetText).toContain("G8");
    expect(run.code).toBe(1);
  });
});

test("nothing failing but one item not filled in: verdict null, 「未填 1 项」, exit 1", async () => {
  const run = await check("pending", countyWith("Q8.met"));
  expect(run.report.assessment).toMatchObject({ verdict: null, blocking: [], pending: ["Q8"] });
  expect(run.out).toContain("可以申报吗？ 暂不具备申报条件：未填 1 项");
  expect(run.code).toBe(1);
});
