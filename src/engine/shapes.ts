/**
 * Object shapes the engine makes hundreds of thousands of (a county of 100,000 schools has 700,000 indicator
 * results): how V8 stores their number fields decides how much the garbage collector has to copy.
 *
 * A field whose first value is a number that is not a small integer gets a "double" representation, and then every
 * object of that shape holds each such number in a box of its own (16 bytes and one more object to copy), even a
 * number that many objects share, such as a threshold. A field that first holds null is kept tagged instead, and
 * stores the reference. docs/performance.md (the sixth pass) has the measurements.
 */

/**
 * Runs `make` (which returns one object literal, its fields null) often enough that the literal's own template
 * in V8 is built from these calls. V8 gives a function its feedback (where a literal's template lives) only after
 * several calls, and a literal made before that has a shape of its own: one call at load was not enough, and the
 * results' numbers were boxed again (measured with --trace-generalization and a heap snapshot).
 */
export function primeShape(make: () => unknown): void {
  for (let i = 0; i < PRIMING_CALLS; i++) make();
}

/** Well past V8's default (feedback after 8 calls, or a bytecode budget). */
const PRIMING_CALLS = 64;

/** null where a maker's parameter type has none: for primeShape's calls only. */
export const NULL_FOR_PRIMING = null as unknown as never;
