/**
 * The §17.4 relaxation columns are read as 是/否 flags and 建校年份 years (src/engine/schools/flags.ts): what a
 * bureau types there — 是/否, 1/0, √/×, Y/N; a year, 2008年, 2008-09-01 or a cell formatted as a date.
 */
import { normalizeCell } from "../../src/engine/cells/normalize";
import { flagOf, yearOf } from "../../src/engine/schools/flags";

describe("flagOf: a 是/否 cell", () => {
  test.each([
    ["是", true],
    ["√", true],
    ["Y", true],
    ["yes", true],
    ["否", false],
    ["×", false],
    ["N", false],
    ["no", false],
    [1, true],
    [0, false],
  ])("%p → %p", (raw, want) => expect(flagOf(normalizeCell(raw))).toBe(want));

  test("blank, 2 and other text say nothing", () => {
    expect(flagOf(normalizeCell(null))).toBeUndefined();
    expect(flagOf(normalizeCell(2))).toBeUndefined();
    expect(flagOf(normalizeCell("不清楚"))).toBeUndefined();
  });
});

describe("yearOf: a 建校年份 cell", () => {
  test("a plain year, and text starting with one", () => {
    expect(yearOf(normalizeCell(2008))).toBe(2008);
    expect(yearOf(normalizeCell("2008年"))).toBe(2008);
    expect(yearOf(normalizeCell("2008-09-01"))).toBe(2008);
  });
  test("a date serial: 40000 is 2009-07-06, 39692 is 2008-09-01 (days since 1899-12-30)", () => {
    // 1899-12-30 + 40000 days: 2009-07-06; 39692 = 40000 − 308 → 2008-09-01.
    expect(yearOf(normalizeCell(40000))).toBe(2009);
    expect(yearOf(normalizeCell(39692))).toBe(2008);
  });
  test("a number that is neither a year nor a date serial says nothing", () => {
    expect(yearOf(normalizeCell(150))).toBeUndefined();
    expect(yearOf(normalizeCell(null))).toBeUndefined();
  });
});
