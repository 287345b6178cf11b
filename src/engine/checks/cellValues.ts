import type { CheckDeclaration, CheckSink } from "./types";

/**
 * Cell values a school's figures cannot be read from (standards.md §11): text such as 「约三百」, an error value,
 * a negative, a fraction in a count column, a unit that cannot be converted, a cell unit that contradicts the
 * header's. Each bad cell is reported once, however many indicators read it, and the value is left out (never
 * summed, never guessed).
 *
 * The run is `QuantityReader.read` (src/engine/schools/quantities.ts): the test of a cell is the reader's hot path
 * (every cell of every school, docs/performance.md), so it stays in the loop; the reader raises through a
 * `CellValueSink`, which takes these codes only.
 */
export const CELL_VALUES = {
  id: "cell-values",
  codes: [
    "not-a-number",
    "error-value",
    "negative-value",
    "fractional-count",
    "unit-unknown",
    "unit-conflict",
  ],
  file: "schools/quantities.ts",
  rule: "a figure is a non-negative number (a whole one for counts) in a unit that can be converted",
} as const satisfies CheckDeclaration;

export type CellValueSink = CheckSink<(typeof CELL_VALUES.codes)[number]>;
