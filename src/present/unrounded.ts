/**
 * A value written without the display rounding, so that one on the edge of its limit reads as what was judged
 * (standards.md §7): 0.5004 beside the limit 0.50, not 0.500. `digits` significant digits, float noise dropped.
 */
export function unrounded(value: number, digits = 6): string {
  return String(Number(value.toPrecision(digits)));
}
