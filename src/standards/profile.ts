import { CheckSettings, defaultSettings, isStandardId } from "./index";
import { PolicyOptions, Stage, StandardDefinition } from "./types";

/**
 * A province profile (JSON) tightens or adjusts a standard, e.g. 皖教督〔2018〕8号 (standards.md §1).
 *
 * {
 *   "name": "安徽省",
 *   "standard": "quality-2017",                       // optional, the base standard
 *   "indicators": { "teaching_space_per_student": { "threshold": { "primary": 5 }, "floor": { "primary": 4.25 } } },
 *   "cvLimit": { "primary": 0.5, "junior": 0.45 },      // per-indicator limit (2017) or composite limit (2012)
 *   "policy": { "teachingPointMinStudents": 50, ... },
 *   "limits": { "classSize": { "primary": 45 } }
 * }
 *
 * Validation is strict: an unknown key or a wrong type is an error, because a silently ignored typo would
 * make a county pass or fail on the wrong threshold.
 */
export class ProfileError extends Error {
  constructor(public readonly detail: { "zh-CN": string; en: string }) {
    super(detail.en);
    this.name = "ProfileError";
  }
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function fail(zh: string, en: string): never {
  throw new ProfileError({ "zh-CN": zh, en });
}

function isObject(v: Json | undefined): v is { [k: string]: Json } {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function checkKeys(obj: { [k: string]: Json }, allowed: string[], where: string): void {
  for (const k of Object.keys(obj)) {
    if (!allowed.includes(k))
      fail(`配置文件中 ${where} 含未知的键「${k}」`, `unknown key "${k}" in ${where}`);
  }
}

function positiveNumber(v: Json | undefined, where: string): number {
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0) {
    fail(`配置文件中 ${where} 应为非负数`, `${where} must be a non-negative number`);
  }
  return v;
}

function stageNumbers(v: Json | undefined, where: string): Partial<Record<Stage, number>> {
  if (!isObject(v))
    fail(
      `配置文件中 ${where} 应为 {"primary": 数, "junior": 数}`,
      `${where} must be {"primary": n, "junior": n}`
    );
  checkKeys(v, ["primary", "junior"], where);
  const out: Partial<Record<Stage, number>> = {};
  for (const s of ["primary", "junior"] as Stage[]) {
    if (v[s] !== undefined) out[s] = positiveNumber(v[s], `${where}.${s}`);
  }
  return out;
}

export function parseProfile(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    return fail(
      `配置文件不是有效的 JSON：${(e as Error).message}`,
      `profile is not valid JSON: ${(e as Error).message}`
    );
  }
}

/** Applies a parsed profile over the defaults of its standard (or of `fallback`). */
export function applyProfile(
  profileJson: unknown,
  fallback: CheckSettings["standard"]["id"]
): CheckSettings {
  const p = profileJson as Json;
  if (!isObject(p)) fail("配置文件应为 JSON 对象", "profile must be a JSON object");
  checkKeys(
    p,
    ["name", "standard", "indicators", "cvLimit", "policy", "limits", "description"],
    "profile"
  );
  let id = fallback;
  if (p.standard !== undefined) {
    if (typeof p.standard !== "string" || !isStandardId(p.standard)) {
      fail(
        `配置文件中 standard 应为 quality-2017 或 basic-2012`,
        `profile.standard must be quality-2017 or basic-2012`
      );
    }
    id = p.standard;
  }
  const settings = defaultSettings(id);
  const std: StandardDefinition = JSON.parse(
    JSON.stringify(settings.standard)
  ) as StandardDefinition;
  if (p.name !== undefined && typeof p.name !== "string")
    fail("配置文件中 name 应为文字", "profile.name must be a string");
  settings.profile = typeof p.name === "string" ? p.name : "profile";

  if (p.indicators !== undefined) {
    if (!isObject(p.indicators))
      fail("配置文件中 indicators 应为对象", "profile.indicators must be an object");
    for (const [indId, over] of Object.entries(p.indicators)) {
      const ind = std.indicators.find((i) => i.id === indId);
      if (!ind)
        fail(
          `配置文件中的指标「${indId}」不存在于 ${id}`,
          `indicator "${indId}" does not exist in ${id}`
        );
      if (!isObject(over))
        fail(`配置文件中 indicators.${indId} 应为对象`, `indicators.${indId} must be an object`);
      checkKeys(over, ["threshold", "floor"], `indicators.${indId}`);
      if (over.threshold !== undefined) {
        const t = stageNumbers(over.threshold, `indicators.${indId}.threshold`);
        const base = ind.threshold ?? { primary: NaN, junior: NaN };
        ind.threshold = { ...base, ...t };
        // A threshold given without a floor keeps the 85% rule exact (floor = 0.85 × threshold, rounded to
        // 10 decimals to stay off the 3.8249999999999997 float trap).
        if (over.floor === undefined) {
          const share = std.perSchool?.floorShare ?? 0.85;
          ind.floor = {
            primary: Number((ind.threshold.primary * share).toFixed(10)),
            junior: Number((ind.threshold.junior * share).toFixed(10)),
          };
        }
      }
      if (over.floor !== undefined) {
        const f = stageNumbers(over.floor, `indicators.${indId}.floor`);
        const base = ind.floor ?? { primary: NaN, junior: NaN };
        ind.floor = { ...base, ...f };
      }
    }
  }
  if (p.cvLimit !== undefined) {
    const lim = stageNumbers(p.cvLimit, "cvLimit");
    if (std.cv.perIndicatorLimit)
      std.cv.perIndicatorLimit = { ...std.cv.perIndicatorLimit, ...lim };
    if (std.cv.compositeLimit) std.cv.compositeLimit = { ...std.cv.compositeLimit, ...lim };
  }
  if (p.policy !== undefined) {
    if (!isObject(p.policy)) fail("配置文件中 policy 应为对象", "profile.policy must be an object");
    const pol = settings.policy as unknown as Record<string, Json>;
    for (const [k, v] of Object.entries(p.policy)) {
      if (!(k in pol)) fail(`配置文件中 policy 含未知的键「${k}」`, `unknown key "${k}" in policy`);
      const cur = pol[k];
      if (isObject(cur)) {
        if (!isObject(v)) fail(`配置文件中 policy.${k} 应为对象`, `policy.${k} must be an object`);
        checkKeys(v, Object.keys(cur), `policy.${k}`);
        for (const [kk, vv] of Object.entries(v)) cur[kk] = positiveNumber(vv, `policy.${k}.${kk}`);
      } else if (typeof cur !== typeof v) {
        fail(
          `配置文件中 policy.${k} 的类型应为 ${typeof cur}`,
          `policy.${k} must be a ${typeof cur}`
        );
      } else {
        pol[k] = v;
      }
    }
    validatePolicy(settings.policy);
  }
  if (p.limits !== undefined) {
    if (!isObject(p.limits)) fail("配置文件中 limits 应为对象", "profile.limits must be an object");
    const lim = settings.limits as unknown as Record<string, Json>;
    for (const [k, v] of Object.entries(p.limits)) {
      if (!(k in lim)) fail(`配置文件中 limits 含未知的键「${k}」`, `unknown key "${k}" in limits`);
      if (k === "fundingBase") {
        // null by default: a province that sets it gives both stages (standards.md §17.5).
        const base = stageNumbers(v, "limits.fundingBase");
        if (base.primary === undefined || base.junior === undefined)
          fail(
            "配置文件中 limits.fundingBase 应同时给出 primary 和 junior",
            "limits.fundingBase needs both primary and junior"
          );
        lim[k] = base as { [k: string]: Json };
      } else if (isObject(lim[k]))
        lim[k] = { ...(lim[k] as { [k: string]: Json }), ...stageNumbers(v, `limits.${k}`) };
      else lim[k] = positiveNumber(v, `limits.${k}`);
    }
  }
  settings.standard = std;
  return settings;
}

/** The string settings of §17.5 and their allowed values. */
const POLICY_CHOICES: Partial<Record<keyof PolicyOptions, string[]>> = {
  relaxations: ["none", "guicheng-2019"],
  consolidationFormula: ["retained", "cohort", "plain"],
  nearbyBasis: ["enrolled", "entrants"],
  nearbyPairing: ["stage", "area"],
  trainingFundsBase: ["budget", "final"],
};

function validatePolicy(p: PolicyOptions): void {
  for (const [k, allowed] of Object.entries(POLICY_CHOICES)) {
    const v = (p as unknown as Record<string, unknown>)[k];
    if (!allowed.includes(v as string))
      fail(
        `policy.${k} 应为 ${allowed.join(" 或 ")}`,
        `policy.${k} must be ${allowed.join(" or ")}`
      );
  }
  if (p.cvMethod !== "weighted" && p.cvMethod !== "unweighted") {
    fail(
      "policy.cvMethod 应为 weighted 或 unweighted",
      "policy.cvMethod must be weighted or unweighted"
    );
  }
  if (p.splitMethod !== "weights" && p.splitMethod !== "student-share") {
    fail(
      "policy.splitMethod 应为 weights 或 student-share",
      "policy.splitMethod must be weights or student-share"
    );
  }
}
