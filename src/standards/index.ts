import { BASIC_2012 } from "./basic-2012";
import { DEFAULT_POLICY, DEFAULT_SCHOOL_ROW_LIMITS } from "./defaults";
import { QUALITY_2017 } from "./quality-2017";
import { PolicyOptions, SchoolRowLimits, StandardDefinition, StandardId } from "./types";

export * from "./types";
export { BASIC_2012, QUALITY_2017, DEFAULT_POLICY, DEFAULT_SCHOOL_ROW_LIMITS };

export const STANDARDS: Record<StandardId, StandardDefinition> = {
  "quality-2017": QUALITY_2017,
  "basic-2012": BASIC_2012,
};

export function isStandardId(s: string): s is StandardId {
  return s === "quality-2017" || s === "basic-2012";
}

/** Everything a check runs with: the standard (possibly overridden by a province profile) and the options. */
export interface CheckSettings {
  standard: StandardDefinition;
  policy: PolicyOptions;
  limits: SchoolRowLimits;
  /** Name of the province profile applied, if any. */
  profile?: string;
}

export function defaultSettings(id: StandardId = "quality-2017"): CheckSettings {
  return {
    standard: STANDARDS[id],
    policy: { ...DEFAULT_POLICY, splitWeights: { ...DEFAULT_POLICY.splitWeights } },
    limits: structuredCloneLimits(DEFAULT_SCHOOL_ROW_LIMITS),
  };
}

function structuredCloneLimits(l: SchoolRowLimits): SchoolRowLimits {
  return JSON.parse(JSON.stringify(l)) as SchoolRowLimits;
}
