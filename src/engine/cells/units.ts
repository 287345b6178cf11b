/**
 * Unit tokens of standards.md §11.3. A unit is a dimension plus a factor to the dimension's base unit
 * (㎡, 元, or a count), so 万元 is { dimension: "money", factor: 10000 }.
 */
export type Dimension = "area" | "money" | "count";

export interface Unit {
  token: string;
  dimension: Dimension;
  factor: number;
}

const UNIT_TABLE: [string[], Dimension, number][] = [
  [["平方米", "㎡", "m²", "m2", "M2", "平米"], "area", 1],
  [["亿元"], "money", 100000000],
  [["万元"], "money", 10000],
  [["千元"], "money", 1000],
  [["元"], "money", 1],
  [["人", "名", "间", "个", "台", "册", "所", "班"], "count", 1],
];

const UNITS = new Map<string, Unit>();
for (const [tokens, dimension, factor] of UNIT_TABLE) {
  for (const token of tokens) UNITS.set(token, { token, dimension, factor });
}

/**
 * Units that look like units but that we refuse to guess (百元, 亩, …): warn, do not convert. 千元 and 亿元
 * are converted (issue 14: bureau finance exports use them; the factor is not in doubt).
 */
const UNKNOWN_UNIT_TOKENS = ["百元", "亩", "公顷", "平方千米", "平方公里", "千册"];

export function lookupUnit(token: string): Unit | undefined {
  return UNITS.get(token.trim());
}

export function isUnknownUnitToken(token: string): boolean {
  return UNKNOWN_UNIT_TOKENS.includes(token.trim());
}

/** Unit tokens, longest first, for stripping a trailing unit from a text number ("1,234㎡"). */
export const UNIT_TOKENS_LONGEST_FIRST: string[] = [...UNITS.keys(), ...UNKNOWN_UNIT_TOKENS].sort(
  (a, b) => b.length - a.length
);
