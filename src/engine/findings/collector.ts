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
    return f;
  }

  /** Findings capped per code, in a stable order: errors first, then warnings, then info. */
  capped(perCode: number): { findings: Finding[]; omitted: Record<string, number> } {
    const counts = new Map<string, number>();
    const omitted: Record<string, number> = {};
    const findings: Finding[] = [];
    // One pass per severity keeps the order stable without sorting a county's 100,000 findings.
    for (const severity of ["error", "warning", "info"] as const) {
      for (const f of this.all) {
        if (f.severity !== severity) continue;
        const n = (counts.get(f.code) ?? 0) + 1;
        counts.set(f.code, n);
        if (n <= perCode) findings.push(f);
        else omitted[f.code] = (omitted[f.code] ?? 0) + 1;
      }
    }
    return { findings, omitted };
  }

  /** How many findings of each severity. */
  countBySeverity(): Record<Finding["severity"], number> {
    const counts = { error: 0, warning: 0, info: 0 };
    for (const f of this.all) counts[f.severity]++;
    return counts;
  }
}
