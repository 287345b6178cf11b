/**
 * The 「均衡达标报告」 sheet in the open workbook, refreshed IN PLACE: junheng's own sheet (found by its id in the
 * record, so a rename does not lose it) is cleared and rewritten, never deleted and re-added, so a user's
 * formulas that point at it keep working. A user's sheet of that name is never touched: we pick
 * 「均衡达标报告 (2)」 (names compared case-insensitively, like Excel). Values and number formats go in row
 * blocks within the request budget; the county means and CVs are native formulas (live, and readable where
 * junheng is not installed); one chart per indicator over the numeric column, the school names as categories,
 * titled in the report's language.
 * Syncs: record (1 + parts) + sheets and old charts (1) + one per budget of rows + one per budget of formats
 * (usually 1) + 1 (charts) + 1 per budget of record.
 */
import { cellAddress, columnLetter } from "../../engine/workbook";
import { numberFormatFor, ReportSheetSpec } from "../../present/marks";
import { CALL_OVERHEAD, chunkByBytes, utf8Bytes, yieldToEventLoop } from "./budget";
import { MarkState, serializeState } from "./markState";
import { cellRuns, joinAddresses } from "./addresses";
import { FILL_COLORS, loadRecord } from "./marks";

/** SUMPRODUCT forms of standards.md §5 over the report's own per-school table; blanks (missing) are left out. */
export function weightedMeanFormula(p: string, x: string): string {
  return `SUMPRODUCT((${x}<>"")*${p}*${x})/SUMPRODUCT((${x}<>"")*${p})`;
}

export function weightedCvFormula(p: string, x: string): string {
  const mean = weightedMeanFormula(p, x);
  return `=SQRT(SUMPRODUCT((${x}<>"")*${p}*(${x}-${mean})^2)/SUMPRODUCT((${x}<>"")*${p}))/(${mean})`;
}

/** Excel sheet names are case-insensitive: 「Report」 and 「report」 are the same sheet. */
export function pickSheetName(
  wanted: string,
  existing: string[],
  ours: string | undefined
): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const free = (n: string): boolean =>
    (ours !== undefined && n.toLowerCase() === ours.toLowerCase()) || !taken.has(n.toLowerCase());
  if (free(wanted))
    return ours !== undefined && wanted.toLowerCase() === ours.toLowerCase() ? ours : wanted;
  for (let i = 2; ; i++) {
    const name = `${wanted} (${i})`.slice(0, 31);
    if (free(name)) return name;
  }
}

export async function writeReportSheet(
  context: Excel.RequestContext,
  spec: ReportSheetSpec
): Promise<string> {
  const record = await loadRecord(context);
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/id");
  await context.sync();
  const mine = record.state?.reportSheet;
  const existing = mine ? sheets.items.find((s) => s.id === mine.id) : undefined;

  let ws: Excel.Worksheet;
  let name: string;
  if (existing) {
    // Refreshed in place: same worksheet object, so references to it (='均衡达标报告'!B5) survive.
    ws = existing;
    name = existing.name;
    ws.charts.load("items");
    ws.getRange().clear();
    await context.sync();
    for (const c of ws.charts.items) c.delete();
  } else {
    name = pickSheetName(
      spec.name,
      sheets.items.map((s) => s.name),
      undefined
    );
    ws = sheets.add(name);
    ws.load("id");
  }

  const width = Math.max(1, ...spec.rows.map((r) => r.length));
  const values: (string | number)[][] = [];
  const formats: string[][] = [];
  for (const row of spec.rows) {
    const v: (string | number)[] = [];
    const f: string[] = [];
    for (let c = 0; c < width; c++) {
      const cell = row[c];
      if (cell === null || cell === undefined) {
        v.push("");
        f.push("General");
      } else if (typeof cell === "object") {
        v.push(cell.value);
        f.push(numberFormatFor(cell.decimals));
      } else {
        v.push(cell);
        f.push(typeof cell === "string" ? "@" : "General");
      }
    }
    values.push(v);
    formats.push(f);
  }
  // Row blocks within the request budget (a 10,000-school report is ~9 MB of CJK text in one call).
  const rowCost = (r: number): number =>
    values[r].reduce<number>((s, x) => s + (typeof x === "string" ? utf8Bytes(x) : 12) + 3, 0) +
    formats[r].reduce((s, x) => s + x.length + 3, 0);
  const blocks = chunkByBytes(
    values.map((_, r) => r),
    rowCost
  );
  for (const rows of blocks) {
    const r0 = rows[0];
    const block = ws.getRangeByIndexes(r0, 0, rows.length, width);
    block.numberFormat = formats.slice(r0, r0 + rows.length);
    block.values = values.slice(r0, r0 + rows.length);
    // Each block is its own request: their number grows with the report's bytes only.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    await yieldToEventLoop();
  }

  // Formulas, bold rows, fail fills and widths as a list of calls, sent in chunks within the budget; fail cells
  // and bold rows go as RangeAreas (one call per ≤ 8,192-character address), never one call per cell.
  const work: { cost: number; run: () => void }[] = [];
  const layout = spec.layout;
  if (layout) {
    // Live formulas for the county table (表Ⅲ): same numbers as the engine, recomputed by Excel.
    for (const st of layout.stages) {
      const p = `$${columnLetter(layout.studentsCol)}$${st.firstRow + 1}:$${columnLetter(layout.studentsCol)}$${st.lastRow + 1}`;
      layout.indicatorCols.forEach((col, k) => {
        const x = `$${columnLetter(col)}$${st.firstRow + 1}:$${columnLetter(col)}$${st.lastRow + 1}`;
        const mean = `=${weightedMeanFormula(p, x)}`;
        const cv = weightedCvFormula(p, x);
        work.push({
          cost: 2 * CALL_OVERHEAD + mean.length + cv.length,
          run: () => {
            ws.getRange(cellAddress(st.meanRow, st.cvCols[k])).formulas = [[mean]];
            ws.getRange(cellAddress(st.cvRow, st.cvCols[k])).formulas = [[cv]];
          },
        });
      });
    }
  }
  const last = columnLetter(width - 1);
  const boldRuns = joinAddresses(spec.boldRows.map((r) => `A${r + 1}:${last}${r + 1}`));
  for (const a of boldRuns)
    work.push({
      cost: CALL_OVERHEAD + a.length,
      run: () => (ws.getRanges(a).format.font.bold = true),
    });
  const failRuns = joinAddresses(cellRuns(spec.failCells.map((c) => cellAddress(c.row, c.col))));
  for (const a of failRuns)
    work.push({
      cost: CALL_OVERHEAD + a.length,
      run: () => (ws.getRanges(a).format.fill.color = FILL_COLORS.standard),
    });
  spec.columnWidths.forEach((w, c) =>
    work.push({
      cost: CALL_OVERHEAD,
      // Excel measures column width in points here; one CJK character is about 2 × 7 points wide.
      run: () => (ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = w * 7.5),
    })
  );
  for (const chunk of chunkByBytes(work, (w) => w.cost)) {
    context.application.suspendScreenUpdatingUntilNextSync();
    for (const w of chunk) w.run();
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    await yieldToEventLoop();
  }

  // One chart per indicator, made from the numeric column (Excel then makes the values the series) with the
  // school names set as the categories — never from the text column.
  if (layout && layout.stages.length) {
    const first = Math.min(...layout.stages.map((s) => s.firstRow));
    const last = Math.max(...layout.stages.map((s) => s.lastRow));
    const top = values.length + 2;
    const names = ws.getRangeByIndexes(first, layout.nameCol, last - first + 1, 1);
    layout.indicatorCols.forEach((col, k) => {
      const data = ws.getRangeByIndexes(first, col, last - first + 1, 1);
      const chart = ws.charts.add(
        Excel.ChartType.columnClustered,
        data,
        Excel.ChartSeriesBy.columns
      );
      chart.series.getItemAt(0).setXAxisValues(names);
      chart.title.text =
        layout.chartTitles?.[k] ?? String(spec.rows[layout.schoolHeaderRow]?.[col] ?? "");
      chart.legend.visible = false;
      chart.setPosition(cellAddress(top + k * 18, 1), cellAddress(top + k * 18 + 16, 9));
    });
  }
  ws.activate();
  await context.sync();

  // Remember the sheet by id; the marks part of the record is kept as it was.
  const next: MarkState = {
    version: 2,
    notes: record.state?.notes ?? [],
    maxNoteBytes: record.state?.maxNoteBytes ?? 0,
    reportSheet: { id: ws.id, name },
  };
  const parts = serializeState(next);
  for (const p of record.parts) p.delete();
  for (const chunk of chunkByBytes(parts, (x) => utf8Bytes(x) + CALL_OVERHEAD)) {
    for (const xml of chunk) context.workbook.customXmlParts.add(xml);
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
  }
  return name;
}
