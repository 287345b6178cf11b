/**
 * Cell normalisation, standards.md §11.4 (and §2 default 8, §15 mistake 8: a blank is never 0), plus the
 * display rules of standards.md §7 (roundHalfUp = Excel ROUND, not toFixed).
 */
import { CellValue, normalizeCell, toHalfWidth } from "../../src/engine/cells/normalize";
import { isUnknownUnitToken, lookupUnit } from "../../src/engine/cells/units";
import { displayOf, formatNumber, formatRounded, roundHalfUp } from "../../src/engine/format";
import { RawCell } from "../../src/engine/workbook";

const NBSP = "\u00a0";
const IDEO = "\u3000";

describe("missing markers are empty, never 0 (§11.4)", () => {
  const cases: [string, RawCell][] = [
    ['""', ""],
    ["null", null],
    ["undefined", undefined],
    ["spaces only", `  ${NBSP}${IDEO} `],
    ["em dash —", "—"],
    ["double em dash ——", "——"],
    ["hyphen -", "-"],
    ["full-width hyphen －", "－"],
    ["en dash –", "–"],
    ["run of hyphens ---", "---"],
    ["minus sign − (U+2212) alone", "\u2212"],
    ["无", "无"],
    ["N/A", "N/A"],
    ["n/a", "n/a"],
    ["padded 无", `${IDEO}无${NBSP}`],
  ];
  test.each(cases)("%s → empty", (_label, raw) => {
    const v = normalizeCell(raw);
    expect(v.kind).toBe("empty");
    expect(v).not.toHaveProperty("value");
  });
});

describe('"/" is not applicable', () => {
  test.each<[string, RawCell]>([
    ["/", "/"],
    ["full-width ／", "／"],
    ["padded", ` / `],
  ])("%s → not-applicable", (_l, raw) => {
    expect(normalizeCell(raw)).toEqual({ kind: "not-applicable" });
  });
});

describe("Excel error values are invalid (error-value), not numbers and not blanks", () => {
  const errors = [
    "#DIV/0!",
    "#N/A",
    "#VALUE!",
    "#REF!",
    "#NAME?",
    "#NUM!",
    "#NULL!",
    "#SPILL!",
    "#CALC!",
  ];
  test.each(errors)("%s", (e) => {
    expect(normalizeCell(e)).toEqual({ kind: "invalid", reason: "error-value", text: e });
  });
  test("lower-case and padded error text is still an error value", () => {
    expect(normalizeCell(" #div/0! ")).toMatchObject({ kind: "invalid", reason: "error-value" });
  });
});

type NumberCase = [string, RawCell, number, { dimension: string; factor: number } | undefined];

describe("numbers, numeric text and trailing units", () => {
  const cases: NumberCase[] = [
    ["number 12.5", 12.5, 12.5, undefined],
    ['text "12.5"', "12.5", 12.5, undefined],
    ["number 0 stays 0", 0, 0, undefined],
    ['text "0" stays 0', "0", 0, undefined],
    ['"1,234㎡" → 1234 ㎡', "1,234㎡", 1234, { dimension: "area", factor: 1 }],
    ['"1,234 平方米"', "1,234 平方米", 1234, { dimension: "area", factor: 1 }],
    ['"56m2"', "56m2", 56, { dimension: "area", factor: 1 }],
    ['full-width digits "３００"', "３００", 300, undefined],
    ['full-width thousands "１，２３４"', "１，２３４", 1234, undefined],
    ['NBSP-padded " 12 "', `${NBSP}12${NBSP}`, 12, undefined],
    ['U+3000-padded "　12　"', `${IDEO}12${IDEO}`, 12, undefined],
    ['"300万元" → 300 × 10000', "300万元", 300, { dimension: "money", factor: 10000 }],
    ['"2500元"', "2500元", 2500, { dimension: "money", factor: 1 }],
    ['"45人"', "45人", 45, { dimension: "count", factor: 1 }],
    ['full-width dot "1．5" → 1.5', "1．5", 1.5, undefined],
    // Negativity is judged later (QuantityReader → negative-value), not here.
    ['full-width minus "－5" → -5', "－5", -5, undefined],
    ['ASCII "-5"', "-5", -5, undefined],
    ['minus sign "−5" (U+2212) → -5', "\u22125", -5, undefined],
    ['"1,234,567"', "1,234,567", 1234567, undefined],
    ['"1,234.5万元"', "1,234.5万元", 1234.5, { dimension: "money", factor: 10000 }],
    ['"¥1,200"', "¥1,200", 1200, undefined],
  ];
  test.each(cases)("%s", (_label, raw, value, unit) => {
    const v = normalizeCell(raw);
    expect(v.kind).toBe("number");
    if (v.kind !== "number") return;
    expect(v.value).toBe(value);
    if (unit) expect(v.unit).toMatchObject(unit);
    else expect(v.unit).toBeUndefined();
    expect(v.unknownUnit).toBeUndefined();
  });

  test("0 is a number, not a blank", () => {
    expect(normalizeCell(0)).toEqual({ kind: "number", value: 0 });
    expect(normalizeCell("0")).toEqual({ kind: "number", value: 0 });
  });
});

describe("units we refuse to guess", () => {
  test('"300百元" keeps the number and flags 百元 as an unknown unit (no factor applied)', () => {
    const v = normalizeCell("300百元");
    expect(v).toEqual({ kind: "number", value: 300, unknownUnit: "百元" });
  });
  test('"12亩" → unknown unit 亩', () => {
    expect(normalizeCell("12亩")).toEqual({ kind: "number", value: 12, unknownUnit: "亩" });
  });
  test("百元 is an unknown-unit token, not a unit; 千元 and 亿元 are units (issue 14)", () => {
    expect(lookupUnit("百元")).toBeUndefined();
    expect(isUnknownUnitToken("百元")).toBe(true);
    expect(lookupUnit("万元")).toEqual({ token: "万元", dimension: "money", factor: 10000 });
    expect(lookupUnit("千元")).toEqual({ token: "千元", dimension: "money", factor: 1000 });
    expect(lookupUnit("亿元")).toEqual({ token: "亿元", dimension: "money", factor: 1e8 });
    expect(normalizeCell("300千元")).toMatchObject({
      kind: "number",
      value: 300,
      unit: { factor: 1000 },
    });
  });
});

describe("invalid values", () => {
  const cases: [string, RawCell, CellValue][] = [
    ['"abc"', "abc", { kind: "invalid", reason: "not-a-number", text: "abc" }],
    ["true", true, { kind: "invalid", reason: "not-a-number", text: "TRUE" }],
    ["false", false, { kind: "invalid", reason: "not-a-number", text: "FALSE" }],
    ["NaN", Number.NaN, { kind: "invalid", reason: "not-a-number", text: "NaN" }],
    ['bare unit "万元"', "万元", { kind: "invalid", reason: "not-a-number", text: "万元" }],
    ['bare unit "千元"', "千元", { kind: "invalid", reason: "not-a-number", text: "千元" }],
    ['"12 abc"', "12 abc", { kind: "invalid", reason: "not-a-number", text: "12 abc" }],
    // A comma that does not group by three is not a thousands separator: "12,5" must not silently become 125.
    ['"12,5"', "12,5", { kind: "invalid", reason: "not-a-number", text: "12,5" }],
    ['"1,2,3"', "1,2,3", { kind: "invalid", reason: "not-a-number", text: "1,2,3" }],
    [
      '"1，5" (full-width comma)',
      "1，5",
      { kind: "invalid", reason: "not-a-number", text: "1，5" },
    ],
  ];
  test.each(cases)("%s", (_l, raw, expected) => {
    expect(normalizeCell(raw)).toEqual(expected);
  });
});

describe("toHalfWidth", () => {
  test("full-width digits and ．，－ become ASCII; U+3000 becomes a space", () => {
    expect(toHalfWidth("１２３．４５，－（）")).toBe("123.45,-()");
    expect(toHalfWidth(`a${IDEO}b`)).toBe("a b");
  });
});

describe("roundHalfUp is Excel ROUND (§7)", () => {
  const cases: [number, number, number][] = [
    // (1.005).toFixed(2) is "1.00"; Excel ROUND(1.005, 2) = 1.01.
    [1.005, 2, 1.01],
    // 4.196 displays 4.20 (and would then look like it meets 4.2: the borderline case of §7).
    [4.196, 2, 4.2],
    // A CV of 0.5004 shows 0.500 at 3 dp.
    [0.5004, 3, 0.5],
    [0.5018, 3, 0.502],
    [0.5049, 3, 0.505],
    // 鸠江 L2: 0.501787 → 0.502.
    [0.501787, 3, 0.502],
    [2.675, 2, 2.68],
    [1.5, 0, 2],
    [2.5, 0, 3],
    // Half away from zero, like Excel.
    [-1.005, 2, -1.01],
    [0, 2, 0],
  ];
  test.each(cases)("roundHalfUp(%f, %i) = %f", (v, d, expected) => {
    expect(roundHalfUp(v, d)).toBe(expected);
  });
});

describe("formatNumber", () => {
  const cases: [number, number, string][] = [
    [1234567.891, 2, "1,234,567.89"],
    [1.005, 2, "1.01"],
    [4.196, 2, "4.20"],
    [0.5004, 3, "0.500"],
    [2293.333333, 2, "2,293.33"],
    [999.995, 2, "1,000.00"],
    [-1234.5, 0, "-1,235"],
    // Groups with leading zeros keep them: 1 | 002 | 003, and 1 | 000 | 000 | 000.
    [1002003.25, 1, "1,002,003.3"],
    [1e9, 0, "1,000,000,000"],
    [1000.05, 1, "1,000.1"],
    // A negative value that rounds to zero shows as 0, not "-0.00".
    [-0.001, 2, "0.00"],
    [0, 3, "0.000"],
  ];
  test.each(cases)("formatNumber(%f, %i) = %s", (v, d, expected) => {
    expect(formatNumber(v, d)).toBe(expected);
  });

  test("the integer fast path writes exactly what toFixed writes, on both sides of its 1e15 limit", () => {
    // The oracle: toFixed of the half-up rounded value, with thousands separators and no "-0".
    const oracle = (v: number, d: number): string => {
      const r = roundHalfUp(v, d);
      const fixed = Math.abs(r).toFixed(d);
      const dot = d > 0 ? fixed.length - d - 1 : fixed.length;
      const int = fixed.slice(0, dot).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
      return (r < 0 ? "-" : "") + int + fixed.slice(dot);
    };
    // A fixed pseudo-random walk over magnitudes 1e-6 … 1e13, ties (x.xx5) and the fast path's edge.
    let seed = 12345;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const values = [999999999999.995, 9999999999999.5, 99999999999999.9, 1e15, 1e13 + 0.005];
    for (let i = 0; i < 5000; i++) {
      const magnitude = 10 ** (Math.floor(next() * 20) - 6);
      const v = (next() - 0.3) * magnitude;
      values.push(v, Math.round(v * 1000) / 1000 + 0.0005);
    }
    for (const v of values)
      for (let d = 0; d <= 4; d++)
        expect(`${v}@${d}: ${formatNumber(v, d)}`).toBe(`${v}@${d}: ${oracle(v, d)}`);
  });

  test("displayOf (cached by the rounded integer) writes what formatRounded writes, inside and outside its cache", () => {
    // 5,000 values per number of decimals, from 0 to 10^7: below and above the 65,536 integers the cache keeps.
    let seed = 777;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const got: string[] = [];
    const want: string[] = [];
    for (let d = 0; d <= 3; d++) {
      const values = [0, -0, 0.005, 1.005, 655.35, 655.36, 999.995, -4.2, 2 ** 31, 1e14 + 0.5];
      for (let i = 0; i < 5000; i++) values.push((next() - 0.05) * 10 ** (next() * 7));
      for (const v of values) {
        const r = roundHalfUp(v, d);
        // Twice: the first call may fill the cache, the second reads it.
        got.push(`${r}@${d}: ${displayOf(r, d)} ${displayOf(r, d)}`);
        want.push(`${r}@${d}: ${formatRounded(r, d)} ${formatRounded(r, d)}`);
      }
    }
    expect(got).toEqual(want);
  });
});
