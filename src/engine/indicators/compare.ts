/**
 * Comparisons with the relative tolerance of standards.md §7: 9 × 100 ÷ 1000 may come out as
 * 0.8999999999999999 and must still meet 0.9. Values are compared unrounded.
 */
export function meetsMinimum(value: number, threshold: number, tolerance: number): boolean {
  return value >= threshold - tolerance * Math.abs(threshold);
}

export function meetsMaximum(value: number, limit: number, tolerance: number): boolean {
  return value <= limit + tolerance * Math.abs(limit);
}
