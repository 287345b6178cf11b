/**
 * Display rules, standards.md §7: round half up on the decimal value Excel shows (Excel's ROUND), not
 * toFixed — (1.005).toFixed(2) is "1.00" where Excel shows 1.01.
 */
export function roundHalfUp(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const sign = value < 0 ? -1 : 1;
  const abs = Math.abs(value);
  // Beyond 15 significant digits there are no decimals left to round.
  if (abs >= 1e15) return value;
  // Work on the 15 significant digits Excel displays, then shift with exponent notation so 1.005 → 100.5.
  // toPrecision may print an exponent (1e-7, 1e21): shift that exponent instead of appending a second one.
  const [mantissa, exp] = abs.toPrecision(15).split("e");
  const e = Number(exp ?? 0);
  const shifted = Math.round(Number(`${mantissa}e${e + decimals}`));
  return sign * Number(`${shifted}e-${decimals}`);
}

/** "1,234.50": fixed decimals, half-up, thousands separators. */
export function formatNumber(value: number, decimals: number): string {
  const r = roundHalfUp(value, decimals);
  const [int, frac] = Math.abs(r).toFixed(decimals).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return (r < 0 ? "-" : "") + grouped + (frac ? "." + frac : "");
}

/** Shortest natural display of a count or amount: 3, 1,240, 12.5. */
export function formatQuantity(value: number): string {
  const isInt = Math.abs(value - Math.round(value)) < 1e-9;
  return formatNumber(value, isInt ? 0 : 2);
}
