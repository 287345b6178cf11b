/**
 * Highlights and notes in the open workbook, and their exact removal.
 *
 * apply: 1 sync to read the previous state of every cell to be marked (fill via getCellProperties, existing
 *        note, our saved state), 1 sync to write fills (RangeAreas per kind, addresses < 8,192 chars), notes
 *        and the saved state. clear: 1 sync to read the saved state, 1 sync to restore. Independent of rows.
 */
import { CellMark } from "../../engine/marks";
import { Progress } from "../../ports/sidebarHost";
import { ExcelCapabilities } from "./platform";
import { cellRuns, joinAddresses } from "./addresses";
import {
  MARKS_NAMESPACE,
  MarkState,
  SavedCell,
  SavedFill,
  parseState,
  serializeState,
} from "./markState";

export const FILL_COLORS: Record<CellMark["kind"], string> = {
  standard: "#FFC7CE",
  data: "#FFEB9C",
};

const FILL_PROPS = {
  format: {
    fill: {
      color: true,
      pattern: true,
      patternColor: true,
      tintAndShade: true,
      patternTintAndShade: true,
    },
  },
};

async function loadState(
  context: Excel.RequestContext
): Promise<{ state: MarkState | null; part: Excel.CustomXmlPart }> {
  const part = context.workbook.customXmlParts
    .getByNamespace(MARKS_NAMESPACE)
    .getOnlyItemOrNullObject();
  const xml = part.getXml();
  await context.sync();
  // getXml() returns a ClientResult, which needs no load(): the rule below does not know that.
  // eslint-disable-next-line office-addins/load-object-before-read
  return { state: part.isNullObject ? null : parseState(xml.value), part };
}

/** Restores the cells in `state` (queued; the caller syncs). */
function queueRestore(context: Excel.RequestContext, state: MarkState, notes: boolean): void {
  const sheets = context.workbook.worksheets;
  for (const c of state.cells) {
    const ws = sheets.getItemOrNullObject(c.sheet);
    const range = ws.getRange(c.cell);
    if (!c.fill.pattern || c.fill.pattern === "None") range.format.fill.clear();
    else range.setCellProperties([[{ format: { fill: c.fill as Excel.CellPropertiesFill } }]]);
    if (!notes) continue;
    const note = ws.notes.getItemOrNullObject(c.cell);
    if (c.note === undefined) note.delete();
    else note.content = c.note;
  }
}

export async function applyMarks(
  context: Excel.RequestContext,
  marks: CellMark[],
  onProgress: (p: Progress) => void,
  caps: ExcelCapabilities
): Promise<void> {
  onProgress({ phase: "mark", done: 0, total: marks.length });
  // A re-check replaces the previous marks instead of stacking on them.
  const previous = await loadState(context);
  if (previous.state) {
    queueRestore(context, previous.state, caps.notes);
    previous.part.delete();
  }
  const sheets = context.workbook.worksheets;
  const before = marks.map((m) => {
    const ws = sheets.getItem(m.sheet);
    const props = ws.getRange(m.cell).getCellProperties(FILL_PROPS);
    // Notes are ExcelApi 1.18 (not in Office 2021/2024 LTSC): without them, fills only.
    const note = caps.notes ? ws.notes.getItemOrNullObject(m.cell) : undefined;
    note?.load("content");
    return { m, props, note };
  });
  await context.sync();

  context.application.suspendScreenUpdatingUntilNextSync();
  const saved: SavedCell[] = before.map(({ m, props, note }) => {
    const fill = (props.value[0]?.[0]?.format?.fill ?? {}) as SavedFill;
    const cell: SavedCell = { sheet: m.sheet, cell: m.cell, fill };
    if (note && !note.isNullObject) cell.note = note.content;
    return cell;
  });
  const bySheet = new Map<string, Map<CellMark["kind"], string[]>>();
  for (const m of marks) {
    const kinds = bySheet.get(m.sheet) ?? new Map<CellMark["kind"], string[]>();
    kinds.set(m.kind, [...(kinds.get(m.kind) ?? []), m.cell]);
    bySheet.set(m.sheet, kinds);
  }
  for (const [sheet, kinds] of bySheet) {
    const ws = sheets.getItem(sheet);
    for (const [kind, cells] of kinds) {
      for (const address of joinAddresses(cellRuns(cells)))
        ws.getRanges(address).format.fill.color = FILL_COLORS[kind];
    }
  }
  before.forEach(({ m, note }, i) => {
    if (!note) return;
    const ws = sheets.getItem(m.sheet);
    const prior = saved[i].note;
    if (prior === undefined) ws.notes.add(m.cell, m.note);
    else note.content = `${prior}\n\n${m.note}`;
  });
  const state: MarkState = { version: 1, cells: saved, reportSheet: previous.state?.reportSheet };
  context.workbook.customXmlParts.add(serializeState(state));
  await context.sync();
  onProgress({ phase: "mark", done: marks.length, total: marks.length });
}

export async function clearMarks(
  context: Excel.RequestContext,
  caps: ExcelCapabilities
): Promise<void> {
  const { state, part } = await loadState(context);
  if (!state) return;
  context.application.suspendScreenUpdatingUntilNextSync();
  queueRestore(context, state, caps.notes);
  part.delete();
  if (state.reportSheet) {
    // Keep remembering our report sheet so the next report refreshes it instead of making a copy.
    context.workbook.customXmlParts.add(
      serializeState({ version: 1, cells: [], reportSheet: state.reportSheet })
    );
  }
  await context.sync();
}

export { loadState };
