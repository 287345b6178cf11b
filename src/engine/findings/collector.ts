import { blocksVerdict } from "./blockers";
import { FINDINGS } from "./catalog";
import type { FindingCode, FindingParamsByCode } from "./params";
import type { Finding } from "../reportTypes";
import type { IndicatorId, Stage } from "../../standards/types";

export type FindingPhase = "tables" | "duplicates" | "schools" | "county";

export interface FindingWhere {
  sheet?: string | null;
  cell?: string | null;
  school?: string | null;
  stage?: Stage | null;
  indicator?: IndicatorId | null;
}

/**
 * Collects findings: plain objects of data (code, place, typed parameters), no message and no closure, so the
 * report survives structuredClone and a JSON round trip. All findings are kept (marks need every cell); the
 * report caps them.
 */
export class FindingCollector {
  /**
   * Findings are listed by phase (table reading, duplicates, schools, county), then in the order they
   * were raised. The engine finishes each school before it reads the next, so phases interleave while it
   * runs; the report's order is still phase by phase.
   */
  phase: FindingPhase = "tables";
  private readonly byPhase: Record<FindingPhase, Finding[]> = {
    tables: [],
    duplicates: [],
    schools: [],
    county: [],
  };
  private joined: Finding[] | undefined;

  /** Every finding, uncapped, phase by phase. */
  get all(): Finding[] {
    this.joined ??= [
      ...this.byPhase.tables,
      ...this.byPhase.duplicates,
      ...this.byPhase.schools,
      ...this.byPhase.county,
    ];
    return this.joined;
  }

  add<C extends FindingCode>(
    code: C,
    where: FindingWhere,
    params: FindingParamsByCode[C]
  ): Finding {
    const spec = FINDINGS[code];
    // One literal, one key order (the JSON's): severity, category, code, place, params.
    const f = {
      severity: spec.severity,
      category: spec.category,
      code,
      sheet: where.sheet ?? null,
      cell: where.cell ?? null,
      school: where.school ?? null,
      stage: where.stage ?? null,
      indicator: where.indicator ?? null,
      params,
    } as Finding;
    this.byPhase[this.phase].push(f);
    this.joined = undefined;
    this.severityCounts[spec.severity]++;
    if (blocksVerdict(code)) this.blockers++;
    return f;
  }

  /** Counted as findings are added: the report's summary needs them, and a county has 100,000 findings. */
  private readonly severityCounts: Record<Finding["severity"], number> = {
    error: 0,
    warning: 0,
    info: 0,
  };
  private blockers = 0;

  /** How many findings keep the verdict from passing (countVerdictBlockers of `all`, counted as they come). */
  get verdictBlockers(): number {
    return this.blockers;
  }

  /** Findings capped per code, in a stable order: errors first, then warnings, then info. */
  capped(perCode: number): { findings: Finding[]; omitted: Record<string, number> } {
    // A code has one severity, so its count does not depend on the other severities: one pass sorts the kept
    // findings into their severity's list (in the order of `all`) without sorting a county's 100,000 findings.
    // The omitted counts are keyed severity by severity, each code where its first omitted finding is, as
    // one pass per severity would key them.
    const counts = new Map<string, number>();
    const kept: Record<Finding["severity"], Finding[]> = { error: [], warning: [], info: [] };
    const over: Record<Finding["severity"], Map<string, number>> = {
      error: new Map(),
      warning: new Map(),
      info: new Map(),
    };
    const all = this.all;
    for (let i = 0; i < all.length; i++) {
      const f = all[i];
      const n = (counts.get(f.code) ?? 0) + 1;
      counts.set(f.code, n);
      if (n <= perCode) kept[f.severity].push(f);
      else {
        const o = over[f.severity];
        o.set(f.code, (o.get(f.code) ?? 0) + 1);
      }
    }
    const omitted: Record<string, number> = {};
    for (const severity of ["error", "warning", "info"] as const)
      for (const [code, n] of over[severity]) omitted[code] = n;
    return { findings: [...kept.error, ...kept.warning, ...kept.info], omitted };
  }

  /** How many findings of each severity. */
  countBySeverity(): Record<Finding["severity"], number> {
    return { ...this.severityCounts };
  }
}
