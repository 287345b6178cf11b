import { CellMark, strongerMark } from "./marks";
import { Finding, Lang } from "../engine/reportTypes";
import { renderFinding } from "./findingText";

/**
 * Cell marks from findings: one mark per cell, the note listing every finding on it. A cell with both a
 * data problem and a missed standard gets the data fill: the data must be fixed before the verdict counts.
 */
export function buildMarks(findings: readonly Finding[], lang: Lang): CellMark[] {
  const byCell = new Map<string, CellMark & { notes: string[] }>();
  for (const f of findings) {
    if (!f.sheet || !f.cell || f.severity === "info") continue;
    const key = `${f.sheet}\u0000${f.cell}`;
    const kind = f.category === "data" ? "data" : "standard";
    const text = renderFinding(f, lang);
    const cur = byCell.get(key);
    if (!cur) {
      byCell.set(key, { sheet: f.sheet, cell: f.cell, kind, note: "", notes: [text] });
      continue;
    }
    cur.kind = strongerMark(cur.kind, kind);
    if (!cur.notes.includes(text)) cur.notes.push(text);
  }
  return [...byCell.values()].map(({ notes, ...m }) => ({ ...m, note: notes.join("\n") }));
}
