/** junheng rollup: a city's counties — a row per file, plan costs, the indicators failing most often, city.xlsx. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { run, writeSheet } from "./run";
import type { FailingIndicator, RollupRow } from "../../src/engine/rollup";
import { SECTION16_HEADER, SECTION16_ROWS } from "../engine/helpers";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "junheng-rollup-"));
const dir = path.join(tmp, "city");

const write = writeSheet;

// A passing county: four schools comfortably above every threshold, equal per student (every CV 0).
const good = (name: string, p: number): (string | number)[] => {
  const k = p / 1000;
  return [name, p, 60 * k, 15 * k, 4 * k, 3 * k, 3 * k, 5000 * k, 8000 * k, 250 * k, 25 * k];
};

beforeAll(async () => {
  fs.mkdirSync(dir);
  const s16 = [SECTION16_HEADER, ...(SECTION16_ROWS as (string | number)[][])];
  await write(path.join(dir, "甲县.xlsx"), s16);
  await write(path.join(dir, "乙县.xlsx"), s16);
  await write(path.join(dir, "丙县.xlsx"), [
    SECTION16_HEADER,
    good("一小", 1000),
    good("二小", 2000),
  ]);
  fs.writeFileSync(path.join(dir, "丁县.xlsx"), "not a workbook");
});

test("a row per county, plan costs, and what fails most often", () => {
  const r = run(["rollup", dir, "--json", "-"]);
  expect(r.code).toBe(1);
  const { counties, failing } = JSON.parse(r.out) as {
    counties: RollupRow[];
    failing: FailingIndicator[];
  };
  // Files sorted by path: 丁, 丙, 乙, 甲 (code points 4E01, 4E19, 4E59, 7532).
  expect(counties.map((c) => path.basename(c.file))).toEqual([
    "丁县.xlsx",
    "丙县.xlsx",
    "乙县.xlsx",
    "甲县.xlsx",
  ]);
  expect(counties[0].error).toBeTruthy();
  expect(counties[1]).toMatchObject({ meets: true, planCost: 0 });
  // §16: C and D fail (2 of 4 meet); the plan costs 280,000 (C 180,000 + D 100,000).
  expect(counties[3].stages.primary).toMatchObject({ meets: false, schools: 4, schoolsMeeting: 2 });
  expect(counties[3].planCost).toBe(280000);
  expect(counties[3].stages.primary!.cvs.key_teachers_per_100).toBeCloseTo(0.169251, 6);
  // Below the threshold in §16: 骨干 C; 体艺 D; 用房 C; 场馆 B; 仪器 C; 多媒体 C — one school each per county, so 2
  // over the two §16 counties; 高学历 none. No CV over its limit.
  const ids = failing.map((f) => f.indicator);
  expect(ids).toEqual([
    "key_teachers_per_100",
    "pe_arts_teachers_per_100",
    "teaching_space_per_student",
    "sports_space_per_student",
    "equipment_value_per_student",
    "multimedia_rooms_per_100",
  ]);
  expect(failing.every((f) => f.schoolsBelow === 2 && f.countiesOverLimit === 0)).toBe(true);
});

test("--out city.xlsx: the counties sheet and the failing sheet", async () => {
  const out = path.join(tmp, "city.xlsx");
  const r = run(["rollup", dir, "--out", out, "--no-plan"]);
  expect(r.code).toBe(1);
  expect(r.out).toContain("甲县.xlsx：小学 不达标 2/4");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["各县汇总", "最常不达标的指标"]);
  const ws = wb.getWorksheet("各县汇总")!;
  expect(ws.getCell("A5").value).toBe("甲县.xlsx");
  expect(ws.getCell("B5").value).toBe("不达标");
  expect(ws.getCell("C5").value).toBe("2/4");
});

test("exit 2 with nothing to roll up", () => {
  const r = run(["rollup"]);
  expect(r.code).toBe(2);
  expect(r.err.trim().split("\n")).toHaveLength(1);
});
