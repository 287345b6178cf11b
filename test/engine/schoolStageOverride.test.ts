/**
 * A 学段 per school (SheetOverrides.schoolStages): a sheet that mixes 小学 and 初中 with no 学段 column, where a
 * name such as 「城关中学」 does not tell the stage, can be settled school by school — and the per-school choice
 * beats the sheet's stage.
 */
import type { CheckOverrides } from "../../src/engine/overrides";
import { checkWorkbook } from "../../src/engine/report";
import { SECTION16_HEADER, sheet, workbook } from "./helpers";

// Four schools; 城关中学 has no per-stage student column to tell it by, and 中学 alone does not name a stage.
const ROWS = [
  ["A小学", 1200, 60, 14, 4, 4, 4, 6000, 9600, 300, 30],
  ["B小学", 600, 28, 6, 2, 2, 2, 2900, 4200, 126, 15],
  ["城关中学", 900, 60, 12, 4, 3, 3, 5400, 9000, 300, 20],
  ["D小学", 150, 8, 2, 1, 0, 0, 800, 1350, 33, 4],
];

function check(overrides?: CheckOverrides) {
  return checkWorkbook(workbook(sheet("学校", [SECTION16_HEADER, ...ROWS])), {
    overrides,
  }).report;
}

test("without a choice, 城关中学 is not assessed and an unknown-stage finding names it", () => {
  const r = check();
  expect(r.schools.map((s) => s.name)).not.toContain("城关中学");
  const f = r.findings.find((x) => x.code === "unknown-stage");
  expect(f?.school).toBe("城关中学");
  expect(f?.cell).toBe("A4"); // header row 1, then A小学 2, B小学 3, 城关中学 4
});

test("a per-school stage brings the school in, in that stage", () => {
  const r = check({ 学校: { schoolStages: { 城关中学: "junior" } } });
  const s = r.schools.find((x) => x.name === "城关中学");
  expect(s?.stage).toBe("junior");
  expect(r.findings.some((x) => x.code === "unknown-stage")).toBe(false);
  // The other schools keep what their names say.
  expect(r.schools.find((x) => x.name === "A小学")?.stage).toBe("primary");
});

test("the per-school stage beats the sheet's stage", () => {
  const r = check({ 学校: { stage: "primary", schoolStages: { 城关中学: "junior" } } });
  expect(r.schools.find((x) => x.name === "城关中学")?.stage).toBe("junior");
  expect(r.schools.find((x) => x.name === "B小学")?.stage).toBe("primary");
});
