/**
 * 差异系数, standards.md §5: the student-weighted population coefficient of variation.
 *
 *   X̄ = Σ P_i·X_i / P          (the county ratio of totals)
 *   S  = sqrt( Σ P_i·(X_i − X̄)² / P )   divide by P, not P − 1
 *   CV = S / X̄
 *
 * The unweighted forms (÷ n, or ÷ n − 1) are the most common mistake of existing systems (§15.1); they
 * are offered only behind the "unweighted" policy and labelled non-standard.
 */
export interface CvResult {
  mean: number;
  sd: number;
  /** null when the mean is 0 ("not assessable"). */
  cv: number | null;
  n: number;
  weight: number;
}

export function weightedCv(values: ArrayLike<number>, weights: ArrayLike<number>): CvResult {
  if (values.length !== weights.length) throw new RangeError("values and weights differ in length");
  let p = 0;
  let px = 0;
  for (let i = 0; i < values.length; i++) {
    p += weights[i];
    px += weights[i] * values[i];
  }
  if (p <= 0) return { mean: NaN, sd: NaN, cv: null, n: values.length, weight: p };
  const mean = px / p;
  let ss = 0;
  for (let i = 0; i < values.length; i++) {
    const d = values[i] - mean;
    ss += weights[i] * d * d;
  }
  const sd = Math.sqrt(ss / p);
  return { mean, sd, cv: mean === 0 ? null : sd / mean, n: values.length, weight: p };
}

/** Plain population CV over schools (÷ n). Non-standard: for comparison with other systems only. */
export function unweightedCv(values: ArrayLike<number>): CvResult {
  return weightedCv(values, new Float64Array(values.length).fill(1));
}
