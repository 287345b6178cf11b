/**
 * Which of two equally good columns holds this year's figures: 「2024年在校生数 | 2025年在校生数」, 「上年在校生数 |
 * 本年在校生数」. A table that keeps last year's figures beside this year's gives two columns the same field, and the
 * header text says nothing more about either; the first of them was read, silently, whichever year it was
 * (docs/decisions.md «Two columns for one field»).
 */

/** 本年, 今年, 当年, 本学年, 本学期, 本期, 现有: this period. */
const THIS_PERIOD = /本年|今年|当年|本学年|本学期|本期|现有/;
/** 上年, 去年, 上学年, 上学期, 上一年, 前一年, 上期, 原有: an earlier period. */
const EARLIER_PERIOD = /上一?年|去年|上一?学年|上学期|前一年|上期|原有/;
/** A year written in the header: 2025年, 2025学年, 2025-2026学年, (2025). */
const YEAR = /(?:19|20)\d{2}(?=\s*(?:年|学年|[-—–~至/]|\)|）|$))/g;

/**
 * The period a header path names, as a rank: an earlier period 0, none 1, this period 2; with the latest year it
 * writes (0 when none) to order two columns of the same rank.
 */
export function periodOf(path: readonly string[]): { rank: number; year: number } {
  const text = path.join(" ");
  const years = [...text.matchAll(YEAR)].map((m) => Number(m[0]));
  const year = years.length ? Math.max(...years) : 0;
  const rank = THIS_PERIOD.test(text) ? 2 : EARLIER_PERIOD.test(text) ? 0 : 1;
  return { rank, year };
}

/** Positive when the column of path `a` is the later period's, negative when `b`'s, 0 when neither says. */
export function comparePeriods(a: readonly string[], b: readonly string[]): number {
  const pa = periodOf(a);
  const pb = periodOf(b);
  return pa.rank - pb.rank || pa.year - pb.year;
}
