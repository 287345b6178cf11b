import { FINDINGS, FindingCode, fillTemplate } from "./catalog";
import type { Finding, Lang } from "../reportTypes";

export type FindingParams = Record<string, string | number | undefined>;

export interface FindingWhere {
  sheet?: string | null;
  cell?: string | null;
  school?: string | null;
  indicator?: string | null;
}

/**
 * Collects findings. Parameters may be given per language (`{ field: { "zh-CN": …, en: … } }`) so one
 * call yields both messages. All findings are kept (marks need every cell); the report caps them.
 */
export class FindingCollector {
  readonly all: Finding[] = [];
  constructor(private readonly lang: Lang) {}

  add(
    code: FindingCode,
    where: FindingWhere,
    params: Record<string, string | number | undefined | Record<Lang, string>>
  ): Finding {
    const spec = FINDINGS[code];
    const messages = {} as Record<Lang, string>;
    for (const lang of ["zh-CN", "en"] as Lang[]) {
      const flat: FindingParams = {};
      for (const [k, v] of Object.entries(params))
        flat[k] = typeof v === "object" && v !== null ? v[lang] : v;
      messages[lang] = fillTemplate(spec.template[lang], flat);
    }
    const f: Finding = {
      severity: spec.severity,
      category: spec.category,
      code,
      sheet: where.sheet ?? null,
      cell: where.cell ?? null,
      school: where.school ?? null,
      indicator: where.indicator ?? null,
      message: messages[this.lang],
      messages,
    };
    this.all.push(f);
    return f;
  }

  /** Findings capped per code, in a stable order: errors first, then warnings, then info. */
  capped(perCode: number): { findings: Finding[]; omitted: Record<string, number> } {
    const counts = new Map<string, number>();
    const omitted: Record<string, number> = {};
    const rank = { error: 0, warning: 1, info: 2 } as const;
    const sorted = this.all
      .map((f, i) => ({ f, i }))
      .sort((a, b) => rank[a.f.severity] - rank[b.f.severity] || a.i - b.i)
      .map((x) => x.f);
    const findings: Finding[] = [];
    for (const f of sorted) {
      const n = (counts.get(f.code) ?? 0) + 1;
      counts.set(f.code, n);
      if (n <= perCode) findings.push(f);
      else omitted[f.code] = (omitted[f.code] ?? 0) + 1;
    }
    return { findings, omitted };
  }
}
