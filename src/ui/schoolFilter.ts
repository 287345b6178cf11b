/**
 * Finding one school among 300: search by name, keep one stage, one 乡镇 (when the report names them), one status, the schools below one indicator, and
 * order by row (as in the workbook) or by gap (the worst first: the lowest value ÷ threshold among the school's
 * failing indicators, read from the report). Arranges what the report says; judges nothing.
 */
import type { Report } from "../engine/reportTypes";
import type { Stage } from "../standards/types";
import type { SchoolGroup } from "./reportView";

export interface SchoolFilter {
  query: string;
  stage: Stage | "all";
  /**
   * A 乡镇 as the report names it (SchoolResult.township), or null for every 乡镇. Not the "all" the other
   * filters use: a 乡镇 is the user's own text and could be spelled "all".
   */
  township: string | null;
  status: SchoolGroup["status"] | "all";
  /** An indicator id, or "all". */
  indicator: string;
  sort: "row" | "gap";
}

export const NO_FILTER: SchoolFilter = {
  query: "",
  stage: "all",
  township: null,
  status: "all",
  indicator: "all",
  sort: "row",
};

/** The lowest ratio (value ÷ threshold) among the school part's indicators below the threshold; 1 when none. */
function worstRatio(g: SchoolGroup, byPlace: Map<string, Report["schools"][number]>): number {
  const s = byPlace.get(`${g.sheet}|${g.row}|${g.stage}`);
  let worst = 1;
  for (const it of g.items) {
    const r = s?.indicators[it.indicatorId]?.ratio;
    if (typeof r === "number" && r < worst) worst = r;
  }
  return worst;
}

/** The report's 乡镇 in the order they first appear (empty when its tables have no 乡镇 column). */
export function townshipsOf(report: Report): string[] {
  const seen = new Set<string>();
  for (const s of report.schools) if (s.township) seen.add(s.township);
  return [...seen];
}

export function filterSchools(
  groups: readonly SchoolGroup[],
  report: Report,
  f: SchoolFilter
): SchoolGroup[] {
  const q = f.query.trim().toLowerCase();
  let town: Map<string, string | undefined> | undefined;
  if (f.township !== null)
    town = new Map(report.schools.map((x) => [`${x.sheet}|${x.row}|${x.stage}`, x.township]));
  const out = groups.filter(
    (g) =>
      (!q || g.name.toLowerCase().includes(q)) &&
      (f.stage === "all" || g.stage === f.stage) &&
      (!town || town.get(`${g.sheet}|${g.row}|${g.stage}`) === f.township) &&
      (f.status === "all" || g.status === f.status) &&
      (f.indicator === "all" || g.items.some((it) => it.indicatorId === f.indicator))
  );
  if (f.sort === "gap") {
    // One lookup per group (a find over 10,000 schools for each of 3,000 groups took a visible moment).
    const byPlace = new Map<string, Report["schools"][number]>();
    for (const x of report.schools) {
      const k = `${x.sheet}|${x.row}|${x.stage}`;
      if (!byPlace.has(k)) byPlace.set(k, x); // the first, as a find would
    }
    const worst = new Map(out.map((g) => [g.key, worstRatio(g, byPlace)]));
    // Stable: equal gaps keep the workbook's order.
    out.sort((a, b) => (worst.get(a.key) ?? 1) - (worst.get(b.key) ?? 1));
  }
  return out;
}
