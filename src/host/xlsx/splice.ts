/**
 * Edits to a string expressed as splices on the ORIGINAL text, applied in one pass. Editing this way keeps every
 * byte outside the edited ranges exactly as the original writer produced it.
 */
export interface Splice {
  /** Start of the replaced range in the original text. */
  start: number;
  /** End (exclusive); equal to `start` for a pure insertion. */
  end: number;
  text: string;
  /** Tie-break for several insertions at the same position (ascending). */
  order?: number;
}

/** Applies non-overlapping splices. Insertions at a position go before a replacement starting there. */
export function applySplices(text: string, splices: Splice[]): string {
  if (splices.length === 0) return text;
  const sorted = splices
    .map((s, i) => ({ s, i }))
    .sort(
      (a, b) =>
        a.s.start - b.s.start ||
        (a.s.end === a.s.start ? 0 : 1) - (b.s.end === b.s.start ? 0 : 1) ||
        (a.s.order ?? 0) - (b.s.order ?? 0) ||
        a.i - b.i
    );
  let out = "";
  let last = 0;
  for (const { s } of sorted) {
    if (s.start < last) throw new Error(`overlapping edits at ${s.start}`);
    out += text.slice(last, s.start) + s.text;
    last = s.end;
  }
  return out + text.slice(last);
}
