/**
 * junheng's record of its marks, kept IN the workbook (custom XML parts, namespace MARKS_NAMESPACE) so that
 * 清除标注 can undo them exactly — even after the pane was closed or the file reopened.
 *
 * What is recorded (version 2):
 *   - fills are conditional-format rules whose formula carries FILL_MARKER: they sit above the user's own
 *     formats, move with inserted and deleted rows, and deleting them leaves every cell's own fill as it was, so
 *     they need no record at all;
 *   - notes are recorded by the hash of the exact text junheng left in the note and, when the cell already had
 *     a note of the user's, that note's text. Found by content, not by address, they are restored wherever rows
 *     moved them and whatever the sheet is now called; a note whose text differs (the user edited it) is left.
 * The record is written in its own sync BEFORE any cell changes, so a failure half-way never leaves marks that
 * the record does not know about. A long record is split over several parts; all parts are read and merged.
 */
export const MARKS_NAMESPACE = "urn:junheng:marks:2";

/** The earlier namespace (version 1, fills restored from saved cell properties): only forgotten, never read. */
export const OLD_MARKS_NAMESPACE = "urn:junheng:marks:1";

/** In every junheng fill rule's formula: a comparison that is TRUE in any language ("junheng:…" = itself). */
export function fillRuleFormula(kind: string): string {
  return `="junheng:${kind}"="junheng:${kind}"`;
}
export const FILL_MARKER = '"junheng:';

/** Between the user's own note text and junheng's, when the cell already had a note. */
export const NOTE_SEPARATOR = "\n\n";

export interface NoteRecord {
  /** hashText(the full content junheng left in the note). */
  h: string;
  /** The user's note before junheng's text was appended; absent = there was none (the note is deleted). */
  p?: string;
}

export interface MarkState {
  version: 2;
  notes: NoteRecord[];
  /** The UTF-8 length of the longest note junheng wrote: sizes the pages when notes are scanned on clear. */
  maxNoteBytes: number;
  /** The report sheet junheng created, by id (survives a rename) and name (for the message). */
  reportSheet?: { id: string; name: string };
}

/** FNV-1a, 53 bits (two 32-bit halves), base 36: collisions among a county's notes are out of reach. */
export function hashText(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return ((h2 & 0x1fffff) * 0x100000000 + h1).toString(36);
}

function wrap(json: string): string {
  // JSON inside CDATA; "]]>" cannot occur in JSON text except inside strings, where we escape it.
  return `<junheng xmlns="${MARKS_NAMESPACE}"><![CDATA[${json.replace(/\]\]>/g, "]]\\u003e")}]]></junheng>`;
}

/**
 * One or more parts of at most `maxNotesPerPart` notes (~0.4 MB each; read back a few per sync): the notes list
 * is split, the rest repeated.
 */
export function serializeState(state: MarkState, maxNotesPerPart = 15_000): string[] {
  const parts: string[] = [];
  for (let i = 0; i === 0 || i < state.notes.length; i += maxNotesPerPart) {
    parts.push(
      wrap(JSON.stringify({ ...state, notes: state.notes.slice(i, i + maxNotesPerPart) }))
    );
  }
  return parts;
}

export function parseState(xml: string): MarkState | null {
  const m = /<!\[CDATA\[([\s\S]*)\]\]>/.exec(xml);
  if (!m) return null;
  try {
    const s = JSON.parse(m[1]) as MarkState;
    return s && s.version === 2 && Array.isArray(s.notes) ? s : null;
  } catch {
    return null;
  }
}

/** Several parts (a long record, or two records left by a crash) are one record. null = none or unreadable. */
export function mergeStates(states: (MarkState | null)[]): MarkState | null {
  const ok = states.filter((s): s is MarkState => !!s);
  if (!ok.length) return null;
  return {
    version: 2,
    notes: ok.flatMap((s) => s.notes),
    maxNoteBytes: Math.max(...ok.map((s) => s.maxNoteBytes)),
    reportSheet: ok.find((s) => s.reportSheet)?.reportSheet,
  };
}
