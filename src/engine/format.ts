/**
 * Display rules, standards.md §7: round half up on the decimal value Excel shows (Excel's ROUND), not
 * toFixed — (1.005).toFixed(2) is "1.00" where Excel shows 1.01.
 */
const POW10 = [1, 10, 100, 1000, 1e4, 1e5, 1e6, 1e7, 1e8];

export function roundHalfUp(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const sign = value < 0 ? -1 : 1;
  const abs = Math.abs(value);
  // Beyond 15 significant digits there are no decimals left to round.
  if (abs >= 1e15) return value;
  // Fast path (this runs for every displayed value): away from a tie, Math.round of the scaled value is
  // exact. Only values within 1e-6 of a .5 tie take the exact decimal path below.
  const pow = POW10[decimals];
  if (pow !== undefined) {
    const scaled = abs * pow;
    if (scaled < 1e15) {
      const frac = scaled - Math.floor(scaled);
      if (Math.abs(frac - 0.5) > 1e-6) return (sign * Math.round(scaled)) / pow;
    }
  }
  // Work on the 15 significant digits Excel displays, then shift with exponent notation so 1.005 → 100.5.
  // toPrecision may print an exponent (1e-7, 1e21): shift that exponent instead of appending a second one.
  const [mantissa, exp] = abs.toPrecision(15).split("e");
  const e = Number(exp ?? 0);
  const shifted = Math.round(Number(`${mantissa}e${e + decimals}`));
  return sign * Number(`${shifted}e-${decimals}`);
}

const ZEROS = ["", "0", "00", "000", "0000", "00000", "000000", "0000000", "00000000"];

function groupThousands(int: string): string {
  return int.length > 3 ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ",") : int;
}

const GROUP_PAD = ["00", "0", ""];

/**
 * groupThousands(String(n)) for an integer 0 ≤ n < 1e15, by arithmetic instead of a regular expression: a county's
 * 100,000 元-per-student values (「2,847.20」) all pass here.
 */
function groupedInteger(n: number): string {
  if (n < 1000) return String(n);
  let out = "";
  while (n >= 1000) {
    const group = n % 1000;
    n = (n - group) / 1000;
    out = `,${GROUP_PAD[group < 10 ? 0 : group < 100 ? 1 : 2]}${group}${out}`;
  }
  return `${n}${out}`;
}

/** "1,234.50": fixed decimals, half-up, thousands separators. */
export function formatNumber(value: number, decimals: number): string {
  return formatRounded(roundHalfUp(value, decimals), decimals);
}

/** formatNumber of a value already rounded with roundHalfUp(…, decimals) (callers that need both). */
export function formatRounded(r: number, decimals: number): string {
  const abs = Math.abs(r);
  const pow = POW10[decimals];
  // Fast path (every displayed value of a large county goes through here): r is already rounded to
  // `decimals`, so below 1e15 units of the last decimal its digits are exactly those of the integer
  // round(|r| × 10^decimals); integer arithmetic gives the same text as toFixed at a third of the cost.
  if (pow !== undefined && abs * pow < 1e15) {
    const k = Math.round(abs * pow);
    const frac = k % pow;
    let text = groupedInteger((k - frac) / pow);
    if (decimals > 0) {
      const f = String(frac);
      text = `${text}.${ZEROS[decimals - f.length]}${f}`;
    }
    return r < 0 ? "-" + text : text;
  }
  const fixed = abs.toFixed(decimals);
  const dot = decimals > 0 ? fixed.length - decimals - 1 : fixed.length;
  return (r < 0 ? "-" : "") + groupThousands(fixed.slice(0, dot)) + fixed.slice(dot);
}

/**
 * formatRounded through a cache per number of decimals: the schools of a county share most of their displayed
 * values (a few thousand distinct 「4.21」 among 700,000 results), and one string per value instead of one per
 * result is less to build and less for the garbage collector to copy. formatRounded's text depends only on
 * k = round(|r| × 10^decimals) (its fast path), so a small k indexes an array (below 655.36 at two decimals); a
 * larger one, such as 元 per student, is formatted each time. The text is the same.
 */
const DISPLAY_CACHE: (string | undefined)[][] = [];
const DISPLAY_SLOTS = 65536;

export function displayOf(r: number, decimals: number): string {
  const pow = POW10[decimals];
  if (pow === undefined || !(r >= 0)) return formatRounded(r, decimals);
  const k = Math.round(r * pow);
  if (k >= DISPLAY_SLOTS) return formatRounded(r, decimals);
  const cache = (DISPLAY_CACHE[decimals] ??= new Array<string | undefined>(DISPLAY_SLOTS));
  let text = cache[k];
  if (text === undefined) cache[k] = text = formatRounded(r, decimals);
  return text;
}

/** Shortest natural display of a count or amount: 3, 1,240, 12.5. */
export function formatQuantity(value: number): string {
  const isInt = Math.abs(value - Math.round(value)) < 1e-9;
  return formatNumber(value, isInt ? 0 : 2);
}

/** A threshold as the standard writes it: 4.2, 1, 2,000 (its own decimals, at most 4). */
export function formatAsWritten(value: number): string {
  const text = String(value);
  const dot = text.indexOf(".");
  return formatNumber(value, dot < 0 ? 0 : Math.min(4, text.length - dot - 1));
}
