/**
 * 一贯制 / 完全中学 apportioning, standards.md §9: a stage part's share of a whole-school quantity is its
 * weighted students over all weighted students. Facilities use the weights (1 : 1.1 : 1.32 by default);
 * teacher counts use plain student share (all weights 1). Shared by the engine and JH.SPLITSHARE.
 */
export interface SplitWeights {
  primary: number;
  junior: number;
  senior: number;
}

export const STUDENT_SHARE: SplitWeights = { primary: 1, junior: 1, senior: 1 };

/** null when there are no (weighted) students at all. */
export function splitShare(
  part: "primary" | "junior" | "senior",
  primary: number,
  junior: number,
  senior: number,
  w: SplitWeights
): number | null {
  const den = w.primary * primary + w.junior * junior + w.senior * senior;
  if (!(den > 0)) return null;
  const num =
    part === "primary"
      ? w.primary * primary
      : part === "junior"
        ? w.junior * junior
        : w.senior * senior;
  return num / den;
}
