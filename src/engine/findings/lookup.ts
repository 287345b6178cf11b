import type { Finding, SchoolResult } from "../reportTypes";

/**
 * Findings by (code, sheet, school, stage, indicator), built in one pass so that grouping 10,000 schools
 * stays linear. Shared by the CLI summary and the sidebar, which both show each school part with its reason
 * and its gaps; the stage tells the two parts of a 一贯制 school apart.
 */
export class FindingIndex {
  private readonly map = new Map<string, Finding>();

  constructor(findings: readonly Finding[]) {
    for (const f of findings) {
      if (!f.school) continue;
      const k = FindingIndex.key(f.code, f.sheet, f.school, f.stage, f.indicator);
      if (!this.map.has(k)) this.map.set(k, f);
    }
  }

  private static key(
    code: string,
    sheet: string | null,
    school: string,
    stage: string | null,
    indicator: string | null
  ): string {
    return [code, sheet ?? "", school, stage ?? "", indicator ?? ""].join("\u0000");
  }

  /** The finding `code` of one school part (and indicator), if the report kept one. */
  find(
    s: Pick<SchoolResult, "sheet" | "name" | "stage">,
    code: string,
    indicator?: string
  ): Finding | undefined {
    return this.map.get(FindingIndex.key(code, s.sheet, s.name, s.stage, indicator ?? null));
  }
}
