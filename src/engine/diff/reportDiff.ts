/**
 * What changed between two checks of the same workbook: the problems resolved and the problems new, in total,
 * per school and per indicator — 「已解决 3 项，新增 0 项」 after a clerk fixes K16 and checks again.
 *
 * A problem is a finding of severity error or warning (info notes are not problems). Two findings are the same
 * problem when they have the same code, sheet, school, stage and indicator — not the same cell or message, so a
 * row inserted above (every cell moves) or a value that changes but is still wrong (骨干教师 0.33 → 0.67 < 1) is
 * not counted as one resolved and one new. A finding about no school is told apart by its cell. The comparison
 * is by count: two identical keys before and one after is one resolved.
 */
import type { Finding } from "../reportTypes";

export interface DiffCount {
  resolved: number;
  added: number;
}

export interface DiffGroup extends DiffCount {
  /** School name, or indicator id. */
  key: string;
  /** The stage of the school part (a 一贯制 school has two), null for an indicator or a table finding. */
  stage: Finding["stage"];
}

export interface ReportDiff<F = Finding> extends DiffCount {
  /** Problems that were there before and are gone. */
  resolvedFindings: F[];
  /** Problems that are there now and were not before. */
  addedFindings: F[];
  /** Per school (and stage) with any change, in the order they first appear. */
  bySchool: DiffGroup[];
  /** Per indicator with any change. */
  byIndicator: DiffGroup[];
}

type Problem = Pick<
  Finding,
  "severity" | "code" | "sheet" | "cell" | "school" | "stage" | "indicator"
>;

export function problemKey(f: Problem): string {
  return [
    f.code,
    f.sheet ?? "",
    f.school ?? `@${f.cell ?? ""}`,
    f.stage ?? "",
    f.indicator ?? "",
  ].join("\u0000");
}

function isProblem(f: Problem): boolean {
  return f.severity === "error" || f.severity === "warning";
}

/** The findings of `a` left over once every finding of `b` has cancelled one with the same key. */
function minus<F extends Problem>(a: readonly F[], b: readonly F[]): F[] {
  const left = new Map<string, number>();
  for (const f of b) {
    const k = problemKey(f);
    left.set(k, (left.get(k) ?? 0) + 1);
  }
  const out: F[] = [];
  for (const f of a) {
    const k = problemKey(f);
    const n = left.get(k) ?? 0;
    if (n > 0) left.set(k, n - 1);
    else out.push(f);
  }
  return out;
}

function group<F extends Problem>(
  resolved: readonly F[],
  added: readonly F[],
  keyOf: (f: F) => { key: string; stage: Finding["stage"] } | null
): DiffGroup[] {
  const groups = new Map<string, DiffGroup>();
  const add = (f: F, field: "resolved" | "added"): void => {
    const k = keyOf(f);
    if (!k) return;
    const id = `${k.key}\u0000${k.stage ?? ""}`;
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { key: k.key, stage: k.stage, resolved: 0, added: 0 }));
    g[field]++;
  };
  for (const f of resolved) add(f, "resolved");
  for (const f of added) add(f, "added");
  return [...groups.values()];
}

/** The problems resolved and added from `before` to `after` (both a check's full list of findings). */
export function diffFindings<F extends Problem>(
  before: readonly F[],
  after: readonly F[]
): ReportDiff<F> {
  const b = before.filter(isProblem);
  const a = after.filter(isProblem);
  const resolvedFindings = minus(b, a);
  const addedFindings = minus(a, b);
  return {
    resolved: resolvedFindings.length,
    added: addedFindings.length,
    resolvedFindings,
    addedFindings,
    bySchool: group(resolvedFindings, addedFindings, (f) =>
      f.school ? { key: f.school, stage: f.stage } : null
    ),
    byIndicator: group(resolvedFindings, addedFindings, (f) =>
      f.indicator ? { key: f.indicator, stage: null } : null
    ),
  };
}
