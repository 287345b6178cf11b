import { CheckSettings } from "../../standards";
import { Stage } from "../../standards/types";
import { FindingCollector } from "../findings/collector";
import { formatNumber, roundHalfUp } from "../format";
import { CountyIndicatorResult, CountyStageResult, SchoolResult } from "../reportTypes";
import { meetsMaximum } from "./compare";
import { STAGE_LABEL } from "./schoolIndicators";
import { unweightedCv, weightedCv } from "./weightedCv";

/**
 * County result per stage (standards.md §3.4, §4): the student-weighted CV of every indicator over the
 * included schools; quality-2017 tests each CV against the stage limit (no composite), basic-2012 tests
 * the mean of the 8 CVs.
 */
export function countyStage(
  stage: Stage,
  schools: SchoolResult[],
  settings: CheckSettings,
  findings: FindingCollector
): CountyStageResult | undefined {
  const included = schools.filter((s) => s.stage === stage && !s.excluded);
  if (included.length === 0) return undefined;
  const { standard, policy } = settings;
  const tol = policy.tolerance;
  const limitOf = standard.cv.perIndicatorLimit?.[stage] ?? null;
  const indicators: Record<string, CountyIndicatorResult> = {};
  const stageName = STAGE_LABEL[stage];
  for (const ind of standard.indicators) {
    const values: number[] = [];
    const weights: number[] = [];
    for (const s of included) {
      const r = s.indicators[ind.id];
      if (r && r.value !== null && s.students !== null && s.students > 0) {
        values.push(r.value);
        weights.push(s.students);
      }
    }
    const res: CountyIndicatorResult = {
      mean: null,
      sd: null,
      cv: null,
      limit: limitOf,
      meets: null,
      schools: values.length,
      of: included.length,
    };
    if (values.length > 0) {
      const cv =
        policy.cvMethod === "weighted" ? weightedCv(values, weights) : unweightedCv(values);
      res.mean = cv.mean;
      res.sd = cv.sd;
      res.cv = cv.cv;
      if (limitOf !== null && cv.cv !== null) {
        res.meets = meetsMaximum(cv.cv, limitOf, tol);
        if (meetsMaximum(roundHalfUp(cv.cv, 3), limitOf, tol) !== res.meets) res.borderline = true;
        if (!res.meets) {
          findings.add(
            "cv-over-limit",
            { stage, indicator: ind.id },
            {
              stage: stageName,
              indicator: ind.name,
              cv: formatNumber(cv.cv, 3),
              limit: formatNumber(limitOf, 2),
            }
          );
        }
      }
    }
    if (values.length < included.length) {
      findings.add(
        "cv-incomplete",
        { stage, indicator: ind.id },
        { stage: stageName, indicator: ind.name, k: values.length, n: included.length }
      );
      // An incomplete CV cannot pass: it may change once the missing schools are filled in.
      if (res.meets === true) res.meets = null;
    }
    indicators[ind.id] = res;
  }

  const result: CountyStageResult = {
    schools: included.length,
    students: included.reduce((s, x) => s + (x.students ?? 0), 0),
    schoolsMeeting: included.filter((s) => s.meets === true).length,
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
    if (meets === false) {
      findings.add(
        "cv-over-limit",
        { stage },
        {
          stage: stageName,
          indicator: { "zh-CN": "综合", en: "composite" },
          cv: formatNumber(composite ?? 0, 3),
          limit: formatNumber(limit, 2),
        }
      );
    }
    result.meets = meets;
    return result;
  }
  const cvOk = cvs.some((c) => c.meets === false)
    ? false
    : cvs.every((c) => c.meets === true)
      ? true
      : null;
  const schoolVerdicts = included.map((s) => s.meets);
  const schoolsOk = schoolVerdicts.some((m) => m === false)
    ? false
    : schoolVerdicts.every((m) => m === true)
      ? true
      : null;
  result.meets = cvOk === false || schoolsOk === false ? false : cvOk && schoolsOk ? true : null;
  return result;
}
