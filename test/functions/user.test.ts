/**
 * "Try them as a user would": a clerk's report sheet of JH.* formulas over samples/county-sample.xlsx, evaluated
 * through the functions' implementations, compared with the CLI's JSON report for the same file.
 *
 * The clerk's sheet 「计算」 has one row per school and stage, as 表Ⅱ-2: name, students, the seven indicators
 * (=JH.PERHUNDRED / =JH.PERSTUDENT over the data sheet's cells, 仪器 with "万元"), =JH.SCHOOLCHECK on the row; below each
 * stage =JH.MEAN, =JH.CVWEIGHTED and =JH.CVCHECK per indicator, and =JH.CLASSSIZE over the 最大班额 column.
 *
 * The sample has a 九年一贯制 school (row 18) that the engine splits (standards.md §9). A plain formula over that row
 * would mix both stages, so the clerk gives it one row per stage, taking students from its 小学/初中 columns and
 * apportioning whole-school figures with =JH.SPLITSHARE: facilities (用房, 场馆, 仪器, 多媒体) by weighted students
 * (1 : 1.1, the default), teacher counts by plain student share ("学生数"), as the engine does. The 教学点 (row 17,
 * 35 students < 50) is left out of the stage lists, as the engine excludes it.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli } from "../../src/cli/main";
import type { Report } from "../../src/engine/reportTypes";
import { readXlsx } from "../../src/host/xlsx";
import { isFunctionError } from "../../src/functions/errors";
import { FormulaBook } from "./formulaSheet";
import { QUALITY_IDS } from "../engine/helpers";

const ROOT = path.resolve(__dirname, "..", "..");
const SAMPLE = path.join(ROOT, "samples", "county-sample.xlsx");
const DATA = "学校基本情况";
const Q = `'${DATA}'!`;
const CALC = "计算";
const IDS = QUALITY_IDS;
const IND_COLS = ["C", "D", "E", "F", "G", "H", "I"];

// The CLI's JSON for the same file.
function cliReport(): Report {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "junheng-fn-")), "report.json");
  runCli(["check", SAMPLE, "--json", out], { stdout: () => undefined, stderr: () => undefined });
  return JSON.parse(fs.readFileSync(out, "utf8")) as Report;
}

interface CalcRow {
  row: number;
  stage: "primary" | "junior";
  /** Data-sheet row of the school; split = a stage part of the 九年一贯制 row. */
  source: number;
  split: boolean;
}

/** Builds the clerk's sheet: rows of formulas filled down, then the county lines under each stage. */
function buildBook(): { book: FormulaBook; rows: CalcRow[]; county: Record<string, number> } {
  const book = new FormulaBook();
  const wb = readXlsx(new Uint8Array(fs.readFileSync(SAMPLE)));
  const data = wb.sheets.find((s) => s.name === DATA);
  if (!data) throw new Error("sample sheet missing");
  book.addValues(DATA, data.rows);

  const rows: CalcRow[] = [];
  const put = (r: CalcRow): void => {
    const { row, source: s, split } = r;
    const zh = r.stage === "primary" ? "小学" : "初中";
    const studentsCol = r.stage === "primary" ? "E" : "F";
    // A whole-school figure of the split school → this stage's part.
    const part = (x: string, teacher: boolean): string =>
      split
        ? `JH.SPLITSHARE(${x}, ${Q}E${s}, ${Q}F${s}, "${zh}"${teacher ? ', , "学生数"' : ""})`
        : x;
    book.set(CALC, `A${row}`, `=${Q}B${s}`);
    book.set(CALC, `B${row}`, `=${Q}${studentsCol}${s}`);
    book.set(CALC, `C${row}`, `=JH.PERHUNDRED(${part(`${Q}J${s}`, true)}, B${row})`);
    book.set(CALC, `D${row}`, `=JH.PERHUNDRED(${part(`${Q}K${s}`, true)}, B${row})`);
    book.set(CALC, `E${row}`, `=JH.PERHUNDRED(${part(`SUM(${Q}L${s}:N${s})`, true)}, B${row})`);
    book.set(CALC, `F${row}`, `=JH.PERSTUDENT(${part(`${Q}O${s}`, false)}, B${row}, "㎡")`);
    book.set(CALC, `G${row}`, `=JH.PERSTUDENT(${part(`${Q}P${s}`, false)}, B${row}, "㎡")`);
    book.set(CALC, `H${row}`, `=JH.PERSTUDENT(${part(`${Q}Q${s}`, false)}, B${row}, "万元")`);
    book.set(CALC, `I${row}`, `=JH.PERHUNDRED(${part(`${Q}R${s}`, false)}, B${row})`);
    book.set(CALC, `J${row}`, `=JH.SCHOOLCHECK(C${row}:I${row}, "${zh}")`);
    book.set(CALC, `K${row}`, `=${Q}H${s}`);
    rows.push(r);
  };
  const countyLines = (first: number, last: number, at: number, zh: string): void => {
    IND_COLS.forEach((c, k) => {
      const values = `${c}${first}:${c}${last}`;
      const students = `$B$${first}:$B$${last}`;
      book.set(CALC, `${c}${at}`, `=JH.MEAN(${values}, ${students})`);
      book.set(CALC, `${c}${at + 1}`, `=JH.CVWEIGHTED(${values}, ${students})`);
      book.set(CALC, `${c}${at + 2}`, `=JH.CVCHECK(${values}, ${students}, "${zh}", "L${k + 1}")`);
    });
  };
  const county: Record<string, number> = {};

  // 小学: the 12 小学 of rows 5–16, then the 小学部 of the 九年一贯制 school (row 18), in the engine's row order.
  let row = 2;
  for (let s = 5; s <= 16; s++) put({ row: row++, stage: "primary", source: s, split: false });
  put({ row: row++, stage: "primary", source: 18, split: true });
  county.primary = row + 1;
  countyLines(2, row - 1, row + 1, "小学");
  // Class sizes of the single-stage 小学 (a whole-school 最大班额 of a 一贯制 school needs stage detail).
  book.set(CALC, `K${row + 4}`, `=JH.CLASSSIZE(K2:K${row - 2}, "小学")`);
  county.primaryClass = row + 4;

  // 初中: the 初中部 of row 18 first (the engine lists it at its row), then the 初中 of rows 19–22.
  const first = row + 6;
  row = first;
  put({ row: row++, stage: "junior", source: 18, split: true });
  for (let s = 19; s <= 22; s++) put({ row: row++, stage: "junior", source: s, split: false });
  county.junior = row + 1;
  countyLines(first, row - 1, row + 1, "初中");
  book.set(CALC, `K${row + 4}`, `=JH.CLASSSIZE(K${first + 1}:K${row - 1}, "初中")`);
  county.juniorClass = row + 4;
  return { book, rows, county };
}

const report = cliReport();
const { book, rows, county } = buildBook();
const close = (a: unknown, b: number): void => {
  expect(typeof a).toBe("number");
  expect(Math.abs((a as number) - b)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b)));
};
const engineSchool = (r: CalcRow) =>
  report.schools.find((s) => s.row === r.source && s.stage === r.stage && !s.excluded)!;

describe("a clerk's JH.* sheet over samples/county-sample.xlsx vs the CLI's JSON", () => {
  test("the same schools, in the same order, per stage", () => {
    for (const stage of ["primary", "junior"] as const) {
      const mine = rows.filter((r) => r.stage === stage).map((r) => book.get(CALC, `A${r.row}`));
      const cli = report.schools.filter((s) => s.stage === stage && !s.excluded).map((s) => s.name);
      expect(mine).toEqual(cli);
    }
    expect(rows.filter((r) => r.stage === "primary")).toHaveLength(13);
    expect(report.county.primary!.schools).toBe(13);
    expect(report.county.junior!.schools).toBe(5);
  });

  test("every school's seven values (incl. the split 九年一贯制 parts); a blank stays missing, never 0", () => {
    let compared = 0;
    for (const r of rows) {
      const s = engineSchool(r);
      IDS.forEach((id, k) => {
        const mine = book.get(CALC, `${IND_COLS[k]}${r.row}`);
        const theirs = s.indicators[id].value;
        if (theirs === null) {
          // 柳林小学's 骨干教师 is "—": the formula gives #N/A with a message, the engine reports it missing.
          expect(isFunctionError(mine)).toBe(true);
          expect((mine as { code: string }).code).toBe("#N/A");
        } else {
          close(mine, theirs);
          compared++;
        }
      });
    }
    expect(compared).toBe(18 * 7 - 1);
  });

  test("JH.SCHOOLCHECK on each row = the engine's verdict (达标 / 不达标 / 数据不全)", () => {
    const word = { pass: "达标", fail: "不达标", incomplete: "数据不全" } as Record<string, string>;
    const verdicts = rows.map((r) => [book.get(CALC, `J${r.row}`), word[engineSchool(r).status]]);
    for (const [mine, theirs] of verdicts) expect(mine).toBe(theirs);
    expect(verdicts.map((v) => v[0])).toContain("数据不全"); // 柳林小学
    expect(verdicts.filter((v) => v[0] === "不达标")).toHaveLength(5);
  });

  test.each(["primary", "junior"] as const)(
    "%s: JH.MEAN and JH.CVWEIGHTED = the CLI's 全县平均值 and 差异系数",
    (stage) => {
      const at = county[stage];
      IDS.forEach((id, k) => {
        const c = report.county[stage]!.indicators[id];
        close(book.get(CALC, `${IND_COLS[k]}${at}`), c.mean!);
        close(book.get(CALC, `${IND_COLS[k]}${at + 1}`), c.cv!);
      });
    }
  );

  test.each(["primary", "junior"] as const)(
    "%s: JH.CVCHECK = the CLI's verdict on each CV",
    (stage) => {
      const at = county[stage];
      IDS.forEach((id, k) => {
        const m = report.county[stage]!.indicators[id].meets;
        expect(book.get(CALC, `${IND_COLS[k]}${at + 2}`)).toBe(m === null ? "数据不全" : m);
      });
      // The sample's planted failure: 小学 骨干教师 CV 0.543 > 0.50 (on 12 of 13 schools).
      if (stage === "primary") expect(book.get(CALC, `D${at + 2}`)).toBe(false);
    }
  );

  test("JH.CLASSSIZE = the number of schools the CLI fails on 班额", () => {
    for (const [stage, at] of [
      ["primary", county.primaryClass],
      ["junior", county.juniorClass],
    ] as const) {
      const cli = report.schools.filter(
        (s) => s.stage === stage && !s.split && s.checks?.class_size?.meets === false
      ).length;
      expect(book.get(CALC, `K${at}`)).toBe(cli);
    }
    expect(book.get(CALC, `K${county.primaryClass}`)).toBe(3); // 48, 46, 50 > 45
  });
});
