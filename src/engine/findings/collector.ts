import { FINDINGS, FindingCode, fillTemplate } from "./catalog";
import type { Finding, Lang } from "../reportTypes";
import type { Stage } from "../../standards/types";

export type FindingPhase = "tables" | "duplicates" | "schools" | "county";

export type FindingParams = Record<string, string | number | undefined>;

export interface FindingWhere {
  sheet?: string | null;
  cell?: string | null;
  school?: string | null;
  stage?: Stage | null;
  indicator?: string | null;
}

/**
 * Collects findings. Parameters may be given per language (`{ field: { "zh-CN": …, en: … } }`) so one
 * call yields both messages. All findings are kept (marks need every cell); the report caps them.
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

  constructor(private readonly lang: Lang) {}

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

  /**
   * `params` may be a function, called only if the message is ever read: for the findings raised per
   * school and indicator, whose parameters (formatted values, gap texts) would otherwise be built for
   * every one of 100,000 schools though the report keeps 500 per code.
   */
  add(code: FindingCode, where: FindingWhere, params: Params | (() => Params)): Finding {
    const f = new LazyFinding(code, where, params, this.lang);
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

type Params = Record<string, string | number | undefined | Record<Lang, string>>;

/**
 * A finding whose messages are filled in on first use. A large county raises tens of thousands of
 * findings; the report keeps a capped share and marks need only one language, so building both messages
 * for every finding up front was a fifth of the engine's time (docs/performance.md).
 */
class LazyFinding implements Finding {
  readonly severity: Finding["severity"];
  readonly category: Finding["category"];
  readonly sheet: string | null;
  readonly cell: string | null;
  readonly school: string | null;
  readonly stage: Stage | null;
  readonly indicator: string | null;
  private cache: Record<Lang, string> | undefined;

  constructor(
    readonly code: FindingCode,
    where: FindingWhere,
    private readonly params: Params | (() => Params),
    private readonly lang: Lang
  ) {
    const spec = FINDINGS[code];
    this.severity = spec.severity;
    this.category = spec.category;
    this.sheet = where.sheet ?? null;
    this.cell = where.cell ?? null;
    this.school = where.school ?? null;
    this.stage = where.stage ?? null;
    this.indicator = where.indicator ?? null;
  }

  get messages(): Record<Lang, string> {
    if (!this.cache) {
      const spec = FINDINGS[this.code];
      const messages = {} as Record<Lang, string>;
      const params = typeof this.params === "function" ? this.params() : this.params;
      for (const lang of ["zh-CN", "en"] as Lang[]) {
        const flat: FindingParams = {};
        for (const k in params) {
          const v = params[k];
          flat[k] = typeof v === "object" && v !== null ? v[lang] : v;
        }
        messages[lang] = fillTemplate(spec.template[lang], flat);
      }
      this.cache = messages;
    }
    return this.cache;
  }

  get message(): string {
    return this.messages[this.lang];
  }

  /** The plain JSON shape of docs/report-format.md. */
  toJSON(): Finding {
    return {
      severity: this.severity,
      category: this.category,
      code: this.code,
      sheet: this.sheet,
      cell: this.cell,
      school: this.school,
      stage: this.stage,
      indicator: this.indicator,
      message: this.message,
      messages: this.messages,
    };
  }
}
