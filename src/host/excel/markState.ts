/**
 * What junheng changed in a workbook, kept IN the workbook (a custom XML part) so that 清除标注 can restore
 * exactly what was there — even after the pane was closed or the file reopened.
 */
export const MARKS_NAMESPACE = "urn:junheng:marks:1";

/** A cell's fill before junheng marked it (from getCellProperties). */
export interface SavedFill {
  color?: string;
  pattern?: string;
  patternColor?: string;
  tintAndShade?: number;
  patternTintAndShade?: number;
}

export interface SavedCell {
  sheet: string;
  cell: string;
  fill: SavedFill;
  /** The user's note before ours: absent = there was none (ours is deleted on clear). */
  note?: string;
}

export interface MarkState {
  version: 1;
  cells: SavedCell[];
  /** The report sheet junheng created (refreshed, never a user's sheet). */
  reportSheet?: string;
}

export function serializeState(state: MarkState): string {
  // JSON inside CDATA; "]]>" cannot occur in JSON text except inside strings, where we escape it.
  const json = JSON.stringify(state).replace(/\]\]>/g, "]]\\u003e");
  return `<junheng xmlns="${MARKS_NAMESPACE}"><![CDATA[${json}]]></junheng>`;
}

export function parseState(xml: string): MarkState | null {
  const m = /<!\[CDATA\[([\s\S]*)\]\]>/.exec(xml);
  if (!m) return null;
  try {
    const s = JSON.parse(m[1]) as MarkState;
    return s && s.version === 1 && Array.isArray(s.cells) ? s : null;
  } catch {
    return null;
  }
}
