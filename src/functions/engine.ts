/**
 * The bridge to the engine's per-school code. A function's arguments become the engine's own input — a school
 * part whose value comes from a 生均/每百名 column — so MEETS, GAP and SCHOOLCHECK run computeIndicator and
 * judgeResults unchanged (the same tolerance, the same 85% floors, the same gap rounding, the same missing-value
 * rule) instead of a second copy of them.
 */
import { FindingCollector } from "../engine/findings/collector";
import {
  computeIndicator,
  judgeResults,
  type SchoolVerdict,
} from "../engine/indicators/schoolIndicators";
import type { IndicatorResult, Lang } from "../engine/reportTypes";
import type { SchoolPart } from "../engine/schools/buildParts";
import type { Quantity } from "../engine/schools/quantities";
import { CheckSettings, defaultSettings } from "../standards";
import type {
  IndicatorDefinition,
  Stage,
  StandardDefinition,
  StandardId,
} from "../standards/types";

const SETTINGS = new Map<StandardId, CheckSettings>();

/** The engine's default settings for a standard (cached: the functions never change them). */
export function settingsFor(std: StandardDefinition): CheckSettings {
  let s = SETTINGS.get(std.id);
  if (!s) {
    s = defaultSettings(std.id);
    SETTINGS.set(std.id, s);
  }
  return s;
}

const quantity = (value: number | null): Quantity =>
  value === null
    ? { value: null, cell: null, problem: "missing", field: "" }
    : { value, cell: null, field: "" };

/** A school part of one stage whose indicator values are given (as from precomputed ratio columns). */
function partOf(
  stage: Stage,
  values: Map<string, number | null>,
  students: number | null
): SchoolPart {
  const ratios: SchoolPart["ratios"] = {};
  for (const [id, v] of values) ratios[id] = quantity(v);
  return {
    record: { name: "", sheet: "", rows: [] },
    stage,
    kind: stage,
    split: false,
    share: 1,
    students: quantity(students),
    compulsoryStudents: null,
    totalStudentsCell: null,
    numerators: {},
    ratios,
    facts: {},
  };
}

/** One indicator of one school: the engine's IndicatorResult (meets, ratio, gap, borderline). */
export function evaluateIndicator(
  ind: IndicatorDefinition,
  stage: Stage,
  value: number | null,
  students: number | null,
  settings: CheckSettings,
  _lang: Lang
): IndicatorResult {
  const part = partOf(stage, new Map([[ind.id, value]]), students);
  return computeIndicator(part, ind, settings, new FindingCollector());
}

/** The per-school rule (standards.md §3.3) on a row of values in standard order (null = missing). */
export function judgeValues(
  values: (number | null)[],
  stage: Stage,
  settings: CheckSettings,
  _lang: Lang
): SchoolVerdict & { results: Record<string, IndicatorResult> } {
  const inds = settings.standard.indicators;
  const part = partOf(stage, new Map(inds.map((ind, i) => [ind.id, values[i]])), null);
  const findings = new FindingCollector();
  const ordered = inds.map((ind) => computeIndicator(part, ind, settings, findings));
  const results = Object.fromEntries(inds.map((ind, i) => [ind.id, ordered[i]]));
  return { ...judgeResults(ordered, settings), results };
}
