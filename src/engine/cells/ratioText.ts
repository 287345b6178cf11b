import { toHalfWidth } from "./normalize";

/**
 * A 师生比 written as a ratio, 「1:18.5」 (or 「1：18.5」, 「18.5:1」): teachers per student, 1 ÷ 18.5 (standards.md §4).
 * A teacher ratio is below 1 whichever way round it is written, so the smaller side is divided by the larger.
 * undefined for any other text.
 */
export function teacherRatioOf(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*[:∶]\s*(\d+(?:\.\d+)?)\s*$/.exec(toHalfWidth(text));
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = Number(m[2]);
  if (!(a > 0 && b > 0)) return undefined;
  return Math.min(a, b) / Math.max(a, b);
}
