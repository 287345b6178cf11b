/**
 * Marks in the open workbook — a fill on every problem cell and, where Excel has notes (ExcelApi 1.18), a note
 * with the reason — and their exact removal. docs/office-host.md 「Marks」 states the design and the sync bound.
 *
 *   - Fills are conditional-format rules over RangeAreas (one rule per ≤ 8,192-character address of vertical
 *     runs, markState.fillRuleFormula): above the user's own fill, moved by Excel with inserted and deleted rows,
 *     and removed exactly by deleting the rule — a fill the user set meanwhile is untouched.
 *   - Notes are found again by their exact text (hash in the record), on whatever sheet and row they now are.
 *   - The record is written in its own sync before any cell changes; a re-check first clears, in its own syncs.
 *   - Protected sheets are read, reported and left alone; a cell with a threaded comment gets the fill only.
 *   - Every sync's request stays within budget.ts's REQUEST_BUDGET; the host yields between chunks.
 */
import { CellMark, MARK_COLORS, MarkKind } from "../../present/marks";
import { MarkOutcome, Progress } from "../../ports/sidebarHost";
import { cellRuns, joinAddresses, localAddress } from "./addresses";
import { CALL_OVERHEAD, chunkByBytes, REQUEST_BUDGET, utf8Bytes, yieldToEventLoop } from "./budget";
import {
  FILL_MARKER,
  fillRuleFormula,
  hashText,
  MARKS_NAMESPACE,
  MarkState,
  mergeStates,
  NOTE_SEPARATOR,
  NoteRecord,
  parseState,
  serializeState,
} from "./markState";
import { ExcelCapabilities } from "./platform";

export const FILL_COLORS: Record<MarkKind, string> = {
  standard: MARK_COLORS.standard.fill,
  data: MARK_COLORS.data.fill,
};

type Ctx = Excel.RequestContext;
const noProgress = (): void => undefined;

/** Each sync beyond the first few is a step of work; the UI shows done/total. */
function stepper(onProgress: (p: Progress) => void, total: number) {
  let done = 0;
  onProgress({ phase: "mark", done, total });
  return async (ctx: Ctx): Promise<void> => {
    // The loop's syncs are the chunks of the request budget: their number grows with bytes, not with calls.

    await ctx.sync();
    done++;
    onProgress({ phase: "mark", done: Math.min(done, total), total });
    await yieldToEventLoop();
  };
}

// ———————————————————————————————————————— the record ————————————————————————————————————————

export interface LoadedRecord {
  state: MarkState | null;
  /** Every part in our namespace, readable or not (all are deleted when the record is replaced). */
  parts: Excel.CustomXmlPart[];
}

/** Parts read back per sync: each is ≤ ~0.5 MB of JSON, escaped once more inside the response. */
const PARTS_PER_SYNC = 4;

/** 1 + ⌈parts ÷ 4⌉ syncs: the parts, then their XML. */
export async function loadRecord(context: Ctx): Promise<LoadedRecord> {
  const coll = context.workbook.customXmlParts.getByNamespace(MARKS_NAMESPACE);
  // Only ids are needed, but "items/id" trips the lint rule that then thinks items were not loaded.
  coll.load("items/id");
  await context.sync();
  // eslint-disable-next-line office-addins/load-object-before-read
  const parts = coll.items;
  const states: (MarkState | null)[] = [];
  for (let i = 0; i < parts.length; i += PARTS_PER_SYNC) {
    const xml = parts.slice(i, i + PARTS_PER_SYNC).map((p) => p.getXml());
    // A long record is several parts; a few per sync keep each response within the budget.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    // getXml() returns a ClientResult, which needs no load(): the rule below does not know that.

    for (const x of xml) states.push(parseState(x.value));
  }
  return { state: mergeStates(states), parts };
}

/** Queues the replacement of the record (old parts deleted, new ones added); the caller syncs. */
function queueRecord(context: Ctx, old: Excel.CustomXmlPart[], state: MarkState | null): void {
  for (const p of old) p.delete();
  if (state) for (const xml of serializeState(state)) context.workbook.customXmlParts.add(xml);
}

/** 「忘记标注记录」: drops the record (every part, readable or not) without touching a cell. */
export async function forgetRecord(context: Ctx): Promise<void> {
  const { parts } = await loadRecord(context);
  queueRecord(context, parts, null);
  await context.sync();
}

// ———————————————————————————————————————— sheets ————————————————————————————————————————

interface SheetInfo {
  name: string;
  protected: boolean;
}

async function loadSheets(context: Ctx): Promise<SheetInfo[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/protection/protected");
  await context.sync();
  return sheets.items.map((s) => ({ name: s.name, protected: s.protection.protected }));
}

// ———————————————————————————————————————— clear ————————————————————————————————————————

interface FoundNote {
  sheet: string;
  address: string;
  record: NoteRecord;
}

/**
 * Finds junheng's fill rules and notes on every sheet and undoes them, except on protected sheets (reported).
 * Syncs: record (2) + scan (2) + note pages + note locations + removal chunks; see docs/office-host.md.
 */
export async function clearMarks(
  context: Ctx,
  caps: ExcelCapabilities,
  onProgress: (p: Progress) => void = noProgress
): Promise<MarkOutcome> {
  const record = await loadRecord(context);
  const sheets = await loadSheets(context);
  const outcome: MarkOutcome = {
    marked: 0,
    protectedSheets: [],
    commentCells: [],
    changedNotes: 0,
  };

  // Scan 1: every sheet's conditional formats (ours are custom rules with the marker) and note count.
  const proxies = new Map(sheets.map((s) => [s.name, context.workbook.worksheets.getItem(s.name)]));
  const wantNotes = caps.notes && !!record.state?.notes.length;
  // Conditional formats of the whole sheet (a Range from a method lives for one sync only, so the rules are
  // fetched again by id in the next sync rather than reused).
  const rulesOf = (name: string): Excel.ConditionalFormatCollection =>
    proxies.get(name)!.getRange().conditionalFormats;
  const scans = sheets.map((s) => {
    const cfs = rulesOf(s.name);
    cfs.load("items/type,items/id");
    const count = wantNotes ? proxies.get(s.name)!.notes.getCount() : undefined;
    return { sheet: s, cfs, count };
  });
  await context.sync();
  const rules = scans.flatMap(({ sheet, cfs }) =>
    cfs.items
      .filter((cf) => cf.type === "Custom")
      .map((cf) => {
        const id = cf.id;
        const rule = rulesOf(sheet.name).getItem(id).custom.rule;
        rule.load("formula");
        return { sheet, id, rule };
      })
  );
  if (rules.length) await context.sync();
  const ours = rules.filter((r) => r.rule.formula.includes(FILL_MARKER));

  // Scan 2 (notes): pages sized so that a page of junheng-sized notes fits the budget; matched by hash.
  const found: FoundNote[] = [];
  if (wantNotes && record.state) {
    const expected = new Map<string, NoteRecord[]>();
    for (const n of record.state.notes) expected.set(n.h, [...(expected.get(n.h) ?? []), n]);
    // Each note by its absolute index with its text and where it is now, in chunks within the budget both
    // ways (request ~ one call per note; response ~ junheng's longest note). Nothing is changed until all are
    // read, so the indexes stay put.
    const perChunk = Math.max(
      50,
      Math.min(
        Math.floor(REQUEST_BUDGET / CALL_OVERHEAD),
        Math.floor(REQUEST_BUDGET / (record.state.maxNoteBytes + 120))
      )
    );
    const todo: { sheet: string; index: number }[] = [];
    for (const { sheet, count } of scans) {
      // ClientResult<number>.value needs no load().

      const n = count?.value ?? 0;
      for (let i = 0; i < n; i++) todo.push({ sheet: sheet.name, index: i });
    }
    for (let k = 0; k < todo.length; k += perChunk) {
      const chunk = todo.slice(k, k + perChunk).map((t) => {
        const note = proxies.get(t.sheet)!.notes.getItemAt(t.index);
        note.load("content");
        const where = note.getLocation();
        where.load("address");
        return { sheet: t.sheet, note, where };
      });
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      for (const c of chunk) {
        const rec = expected.get(hashText(c.note.content))?.shift();
        if (rec)
          found.push({ sheet: c.sheet, address: localAddress(c.where.address), record: rec });
      }
      await yieldToEventLoop();
    }
    outcome.changedNotes = record.state.notes.length - found.length;
  }

  // Removal, in chunks: rules first (one call each), then notes (restore the user's text, or delete ours).
  const isProtected = new Map(sheets.map((s) => [s.name, s.protected]));
  const keep: NoteRecord[] = [];
  const touched = new Set<string>();
  const work: { cost: number; run: () => void }[] = [];
  for (const r of ours) {
    touched.add(r.sheet.name);
    if (r.sheet.protected) continue;
    work.push({ cost: CALL_OVERHEAD, run: () => rulesOf(r.sheet.name).getItem(r.id).delete() });
  }
  for (const f of found) {
    touched.add(f.sheet);
    if (isProtected.get(f.sheet)) {
      keep.push(f.record);
      continue;
    }
    const prior = f.record.p;
    work.push({
      cost: CALL_OVERHEAD + (prior === undefined ? 0 : utf8Bytes(prior)),
      run: () => {
        const note = proxies.get(f.sheet)!.notes.getItem(f.address);
        if (prior === undefined) note.delete();
        else note.content = prior;
      },
    });
  }
  outcome.protectedSheets = sheets
    .filter((s) => s.protected && touched.has(s.name))
    .map((s) => s.name);
  const chunks = chunkByBytes(work, (w) => w.cost);
  const step = stepper(onProgress, chunks.length + 1);
  for (const chunk of chunks) {
    context.application.suspendScreenUpdatingUntilNextSync();
    for (const w of chunk) w.run();
    await step(context);
  }
  // The record goes last: until here a failure leaves it, and 清除标注 can run again.
  const report = record.state?.reportSheet;
  const left: MarkState | null =
    keep.length || report
      ? {
          version: 2,
          notes: keep,
          maxNoteBytes: record.state?.maxNoteBytes ?? 0,
          reportSheet: report,
        }
      : null;
  queueRecord(context, record.parts, left);
  await step(context);
  return outcome;
}

// ———————————————————————————————————————— apply ————————————————————————————————————————

interface PlannedNote {
  sheet: string;
  cell: string;
  content: string;
  /** The user's note at that cell before marking, when there is one (kept in front of ours). */
  prior?: string;
}

/** The user's notes and threaded comments on the sheets to be marked: 2 syncs, any number of marks. */
async function loadNotesAndComments(
  context: Ctx,
  sheetNames: string[]
): Promise<{ notes: Map<string, string>; comments: Set<string> }> {
  const per = sheetNames.map((name) => {
    const ws = context.workbook.worksheets.getItem(name);
    // notes and comments are navigation properties (collections), not values: they need no load() of ws.
    // eslint-disable-next-line office-addins/load-object-before-read, office-addins/call-sync-before-read
    const notes = ws.notes;
    notes.load("items/content");
    // eslint-disable-next-line office-addins/load-object-before-read, office-addins/call-sync-before-read
    const comments = ws.comments;
    comments.load("items/id");
    return { name, notes, comments };
  });
  await context.sync();
  const located = per.flatMap(({ name, notes, comments }) => [
    ...notes.items.map((note) => {
      const r = note.getLocation();
      r.load("address");
      return { name, r, isNote: true, content: note.content };
    }),
    ...comments.items.map((c) => {
      const r = c.getLocation();
      r.load("address");
      return { name, r, isNote: false, content: "" };
    }),
  ]);
  if (located.length) await context.sync();
  const notes = new Map<string, string>();
  const comments = new Set<string>();
  for (const l of located) {
    const key = `${l.name}!${localAddress(l.r.address)}`;
    if (l.isNote) notes.set(key, l.content);
    else comments.add(key);
  }
  return { notes, comments };
}

export async function applyMarks(
  context: Ctx,
  marks: CellMark[],
  onProgress: (p: Progress) => void,
  caps: ExcelCapabilities
): Promise<MarkOutcome> {
  // A re-check replaces the previous marks instead of stacking on them: cleared first, in their own syncs.
  const previous = await clearMarks(context, caps);
  const record = await loadRecord(context);
  const sheets = await loadSheets(context);
  const outcome: MarkOutcome = {
    marked: 0,
    protectedSheets: [],
    commentCells: [],
    changedNotes: previous.changedNotes,
  };
  const isProtected = new Map(sheets.map((s) => [s.name.toLowerCase(), s.protected]));
  const usable = marks.filter((m) => !isProtected.get(m.sheet.toLowerCase()));
  outcome.protectedSheets = [
    ...new Set(marks.filter((m) => isProtected.get(m.sheet.toLowerCase())).map((m) => m.sheet)),
  ];
  outcome.marked = usable.length;

  // Notes: the user's notes stay in front of ours; cells with a threaded comment cannot have a note.
  const planned: PlannedNote[] = [];
  if (caps.notes && usable.length) {
    const names = [...new Set(usable.map((m) => m.sheet))];
    const { notes, comments } = await loadNotesAndComments(context, names);
    for (const m of usable) {
      const key = `${m.sheet}!${m.cell}`;
      if (comments.has(key)) {
        outcome.commentCells.push({ sheet: m.sheet, cell: m.cell });
        continue;
      }
      const prior = notes.get(key);
      planned.push(
        prior !== undefined
          ? { sheet: m.sheet, cell: m.cell, content: `${prior}${NOTE_SEPARATOR}${m.note}`, prior }
          : { sheet: m.sheet, cell: m.cell, content: m.note }
      );
    }
  }

  // The record first, in its own sync(s): from here on every mark made is one the record knows.
  const state: MarkState = {
    version: 2,
    notes: planned.map((p) =>
      p.prior === undefined ? { h: hashText(p.content) } : { h: hashText(p.content), p: p.prior }
    ),
    maxNoteBytes: Math.max(0, ...planned.map((p) => utf8Bytes(p.content))),
    reportSheet: record.state?.reportSheet,
  };
  const parts = serializeState(state);
  for (const p of record.parts) p.delete();
  for (const chunk of chunkByBytes(parts, (x) => utf8Bytes(x) + CALL_OVERHEAD)) {
    for (const xml of chunk) context.workbook.customXmlParts.add(xml);
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
  }

  // Fills: one conditional-format rule per address of vertical runs (≤ 8,192 characters), per sheet and kind.
  const fills: { sheet: string; kind: MarkKind; address: string }[] = [];
  const bySheet = new Map<string, Map<MarkKind, string[]>>();
  for (const m of usable) {
    const kinds = bySheet.get(m.sheet) ?? new Map<MarkKind, string[]>();
    const list = kinds.get(m.kind) ?? [];
    list.push(m.cell);
    kinds.set(m.kind, list);
    bySheet.set(m.sheet, kinds);
  }
  for (const [sheet, kinds] of bySheet)
    for (const [kind, cells] of kinds)
      for (const address of joinAddresses(cellRuns(cells))) fills.push({ sheet, kind, address });

  const fillChunks = chunkByBytes(fills, (f) => utf8Bytes(f.address) + 4 * CALL_OVERHEAD);
  const noteChunks = chunkByBytes(planned, (p) => utf8Bytes(p.content) + CALL_OVERHEAD);
  const step = stepper(onProgress, fillChunks.length + noteChunks.length);
  for (const chunk of fillChunks) {
    const proxies = new Map<string, Excel.Worksheet>();
    context.application.suspendScreenUpdatingUntilNextSync();
    for (const f of chunk) {
      let ws = proxies.get(f.sheet);
      if (!ws) proxies.set(f.sheet, (ws = context.workbook.worksheets.getItem(f.sheet)));
      const cf = ws.getRanges(f.address).conditionalFormats.add(Excel.ConditionalFormatType.custom);
      cf.custom.rule.formula = fillRuleFormula(f.kind);
      cf.custom.format.fill.color = FILL_COLORS[f.kind];
    }
    await step(context);
  }
  for (const chunk of noteChunks) {
    const proxies = new Map<string, Excel.Worksheet>();
    for (const p of chunk) {
      let ws = proxies.get(p.sheet);
      if (!ws) proxies.set(p.sheet, (ws = context.workbook.worksheets.getItem(p.sheet)));
      // By address, never by a loaded item: adding notes shifts the items' indexes.
      if (p.prior !== undefined) ws.notes.getItem(p.cell).content = p.content;
      else ws.notes.add(p.cell, p.content);
    }
    await step(context);
  }
  return outcome;
}
