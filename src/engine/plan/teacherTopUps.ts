/**
 * The 专任教师 a plan must raise: a 高学历, 骨干 or 体艺 teacher the plan adds is a new 专任教师 too, and one it moves
 * leaves the giver's 专任教师 for the receiver's. Without it, applying the plan made schools with more 高学历
 * teachers than teachers, an impossible-value error (checks/impossibleValues.ts), and a plan said 「全部达标」 of a
 * workbook that could not be submitted (found by applying plans to the data).
 *
 * Per school part with a 专任教师 cell of its own (a split 一贯制 part shares its whole-school figure and is not checked
 * against it): the teachers moved in or out change 专任教师 alike, and then 专任教师 rises only as far as the largest
 * teacher count the plan leaves (a 骨干 designation or a degree earned is no new teacher; the plan does not guess
 * which additions are hires).
 */
import type { Report } from "../reportTypes";
import type { WorkbookInput } from "../workbook";
import { TEACHER_KINDS } from "./costs";
import { cellBase, type CountyModel } from "./model";

export interface TeacherTopUp {
  sheet: string;
  /** A1 address of the part's 专任教师 cell. */
  cell: string;
  /** Teachers to add to it (negative: fewer, at a giver). */
  count: number;
}

export function teacherTopUps(
  input: WorkbookInput,
  report: Report,
  model: CountyModel,
  writes: readonly Map<string, number>[]
): Map<string, TeacherTopUp> {
  const out = new Map<string, TeacherTopUp>();
  const split = new Set(report.schools.filter((s) => s.split).map((s) => `${s.sheet}|${s.row}`));
  const [std, cv, move] = writes;
  for (const p of model.parts) {
    if (split.has(p.recordKey)) continue;
    const letter = teachersColumnOf(report, p.sheet, p.row);
    if (!letter) continue;
    // Teachers moved in or out (each moved teacher is a 专任教师 at both ends), and the largest teacher count after
    // the whole plan.
    let moved = 0;
    let most: number | null = null;
    for (const m of p.inds) {
      if (!TEACHER_KINDS.includes(m.kind) || !m.target) continue;
      const t = model.targets.get(m.target);
      if (!t || t.start === null) continue;
      const mv = move.get(m.target) ?? 0;
      const w = (std.get(m.target) ?? 0) + (cv.get(m.target) ?? 0) + mv;
      if (w === 0) continue;
      moved += mv;
      most = Math.max(most ?? 0, t.start + w);
    }
    if (most === null) continue;
    const cell = `${letter}${p.row}`;
    const before = cellBase(input, { sheet: p.sheet, cell, rawPerBase: 1 });
    if (before === null) continue;
    // 专任教师 follows the moves, then rises only as far as the largest teacher count needs.
    const count = moved + Math.max(0, most - (before + moved));
    if (count !== 0) out.set(p.key, { sheet: p.sheet, cell, count });
  }
  return out;
}

/** The 专任教师 column letter of the table holding `row` on `sheet` (the last table starting at or above it). */
function teachersColumnOf(report: Report, sheet: string, row: number): string | undefined {
  let best: Report["tables"][number] | undefined;
  for (const t of report.tables)
    if (t.sheet === sheet && t.firstDataRow <= row && (!best || t.firstDataRow > best.firstDataRow))
      best = t;
  return best?.columns.teachers;
}
