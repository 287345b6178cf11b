import { CheckSettings } from "../../standards";
import { Stage } from "../../standards/types";
import { FindingCollector } from "../findings/collector";
import { roundHalfUp } from "../format";
import {
  CountyIndicatorResult,
  CountyStageResult,
  IndicatorResult,
  SchoolResult,
} from "../reportTypes";
import { meetsMaximum } from "./compare";
import { unweightedCv, weightedCv } from "./weightedCv";

/**
 * What a stage's county verdict needs from its schools, gathered while each school is computed: one pass
 * over 100,000 school results afterwards cost more than the CVs themselves (the results are spread over a
 * large heap; docs/performance.md).
 */
export class StageTally {
  schools = 0;
  students = 0;
  meeting = 0;
  anyFails = false;
  /** Per indicator (in the standard's order): values and student weights of the schools that have one. */
  private readonly valueLists: NumberList[];
  private readonly weightLists: NumberList[];

  constructor(indicatorCount: number) {
    this.valueLists = Array.from({ length: indicatorCount }, () => new NumberList());
    this.weightLists = Array.from({ length: indicatorCount }, () => new NumberList());
  }

  /** The values of indicator `i` (in the standard's order), in school order. */
  values(i: number): Float64Array {
    return this.valueLists[i].view();
  }

  /** The student weights of those values. */
  weights(i: number): Float64Array {
    return this.weightLists[i].view();
  }

  /** Adds one school result of this stage that is not excluded; `ordered` = its indicators in the standard's order. */
  add(school: SchoolResult, ordered: readonly IndicatorResult[]): void {
    this.schools++;
    this.students += school.students ?? 0;
    if (school.meets === true) this.meeting++;
    else if (school.meets === false) this.anyFails = true;
    const p = school.students;
    if (p === null || p <= 0) return;
    for (let i = 0; i < this.valueLists.length; i++) {
      const r = ordered[i];
      if (r.value !== null) {
        this.valueLists[i].push(r.value);
        this.weightLists[i].push(p);
      }
    }
  }
}

/**
 * A list of numbers in a Float64Array that doubles when full: 14 lists of 100,000 numbers in a county, which as
 * arrays that grew by push were 40 MB of copies and garbage per check (docs/performance.md).
 */
export class NumberList {
  private data = new Float64Array(64);
  private length = 0;

  push(x: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = x;
  }

  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

/**
 * County result per stage (standards.md §3.4, §4): the student-weighted CV of every indicator over the
 * included schools; quality-2017 tests each CV against the stage limit (no composite), basic-2012 tests
 * the mean of the 8 CVs.
 */
export function countyStage(
  stage: Stage,
  tally: StageTally,
  settings: CheckSettings,
  findings: FindingCollector
): CountyStageResult | undefined {
  if (tally.schools === 0) return undefined;
  const { standard, policy } = settings;
  const tol = policy.tolerance;
  const limitOf = standard.cv.perIndicatorLimit?.[stage] ?? null;
  const indicators: Record<string, CountyIndicatorResult> = {};
  standard.indicators.forEach((ind, i) => {
    const values = tally.values(i);
    const weights = tally.weights(i);
    const res: CountyIndicatorResult = {
      mean: null,
      sd: null,
      cv: null,
      limit: limitOf,
      meets: null,
      schools: values.length,
      of: tally.schools,
    };
    if (values.length > 0) {
      const cv =
        policy.cvMethod === "weighted" ? weightedCv(values, weights) : unweightedCv(values);
      res.mean = cv.mean;
      res.sd = cv.sd;
      res.cv = cv.cv;
      if (cv.cv === null && cv.weight > 0) {
        findings.add(
          "cv-not-assessable",
          { stage, indicator: ind.id },
          { mean: cv.mean, schools: values.length }
        );
      }
      if (limitOf !== null && cv.cv !== null) {
        res.meets = meetsMaximum(cv.cv, limitOf, tol);
        if (meetsMaximum(roundHalfUp(cv.cv, 3), limitOf, tol) !== res.meets) res.borderline = true;
        if (!res.meets) {
          findings.add(
            "cv-over-limit",
            { stage, indicator: ind.id },
            { cv: cv.cv, limit: limitOf }
          );
        }
      }
    }
    if (values.length < tally.schools) {
      findings.add(
        "cv-incomplete",
        { stage, indicator: ind.id },
        { schools: values.length, of: tally.schools }
      );
      // An incomplete CV cannot pass: it may change once the missing schools are filled in.
      if (res.meets === true) res.meets = null;
    }
    indicators[ind.id] = res;
  });

  if (tally.schools === 1) findings.add("cv-one-school", { stage }, { schools: 1 });

  const result: CountyStageResult = {
    schools: tally.schools,
    students: tally.students,
    schoolsMeeting: tally.meeting,
    indicators,
    meets: null,
  };
  const cvs = Object.values(indicators);
  if (standard.cv.compositeLimit) {
    const limit = standard.cv.compositeLimit[stage];
    const all = cvs.every((c) => c.cv !== null && c.schools === c.of);
    const composite = all ? cvs.reduce((s, c) => s + (c.cv ?? 0), 0) / cvs.length : null;
    const meets = composite === null ? null : meetsMaximum(composite, limit, tol);
    result.composite = { cv: composite, limit, meets };
    // As for each CV (§7): the composite shown at 3 decimals would give the other verdict (0.5502 shows as 0.550).
    if (composite !== null && meetsMaximum(roundHalfUp(composite, 3), limit, tol) !== meets)
      result.composite.borderline = true;
    if (meets === false) {
      findings.add("cv-over-limit", { stage }, { cv: composite ?? 0, limit });
    }
    result.meets = meets;
    return result;
  }
  const cvOk = cvs.some((c) => c.meets === false)
    ? false
    : cvs.every((c) => c.meets === true)
      ? true
      : null;
  const schoolsOk = tally.anyFails ? false : tally.meeting === tally.schools ? true : null;
  result.meets = cvOk === false || schoolsOk === false ? false : cvOk && schoolsOk ? true : null;
  return result;
}
