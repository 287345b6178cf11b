/**
 * The 「均衡达标报告」 sheet in the open workbook: values in one call, number formats in one call, native
 * formulas for the county means and CVs (so the table stays live and works where junheng is not installed),
 * and one chart per indicator. Never overwrites a user's sheet of that name: junheng's own sheet (remembered
 * in its custom XML part) is refreshed; a user's sheet makes us pick 「均衡达标报告 (2)」.
 * Round trips: 2 (names + state, then everything else).
 */
import { cellAddress, columnLetter } from "../../engine/workbook";
import { numberFormatFor, ReportSheetSpec } from "../../engine/marks";
import { MarkState, serializeState } from "./markState";
import { FILL_COLORS, loadState } from "./marks";

/** SUMPRODUCT forms of standards.md §5 over the report's own per-school table; blanks (missing) are left out. */
export function weightedMeanFormula(p: string, x: string): string {
  return `SUMPRODUCT((${x}<>"")*${p}*${x})/SUMPRODUCT((${x}<>"")*${p})`;
}

export function weightedCvFormula(p: string, x: string): string {
  const mean = weightedMeanFormula(p, x);
  return `=SQRT(SUMPRODUCT((${x}<>"")*${p}*(${x}-${mean})^2)/SUMPRODUCT((${x}<>"")*${p}))/(${mean})`;
}

export function pickSheetName(
  wanted: string,
  existing: string[],
  ours: string | undefined
): string {
  if (ours === wanted || !existing.includes(wanted)) return wanted;
  for (let i = 2; ; i++) {
    const name = `${wanted} (${i})`.slice(0, 31);
    if (!existing.includes(name) || name === ours) return name;
  }
}

export async function writeReportSheet(
  context: Excel.RequestContext,
  spec: ReportSheetSpec
): Promise<string> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const { state, part } = await loadState(context);
  const names = sheets.items.map((s) => s.name);
  const ours =
    state?.reportSheet && names.includes(state.reportSheet) ? state.reportSheet : undefined;
  const name = pickSheetName(spec.name, names, ours);

  context.application.suspendScreenUpdatingUntilNextSync();
  if (ours === name) sheets.getItem(name).delete();
  const ws = sheets.add(name);
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
  const all = ws.getRangeByIndexes(0, 0, values.length, width);
  all.numberFormat = formats;
  all.values = values;

  // Live formulas for the county table (表Ⅲ): same numbers as the engine, recomputed by Excel.
  const layout = spec.layout;
  if (layout) {
    for (const st of layout.stages) {
      const p = `$${columnLetter(layout.studentsCol)}$${st.firstRow + 1}:$${columnLetter(layout.studentsCol)}$${st.lastRow + 1}`;
      layout.indicatorCols.forEach((col, k) => {
        const x = `$${columnLetter(col)}$${st.firstRow + 1}:$${columnLetter(col)}$${st.lastRow + 1}`;
        ws.getRange(cellAddress(st.meanRow, st.cvCols[k])).formulas = [
          [`=${weightedMeanFormula(p, x)}`],
        ];
        ws.getRange(cellAddress(st.cvRow, st.cvCols[k])).formulas = [[weightedCvFormula(p, x)]];
      });
    }
  }
  for (const r of spec.boldRows) ws.getRangeByIndexes(r, 0, 1, width).format.font.bold = true;
  for (const c of spec.failCells)
    ws.getRange(cellAddress(c.row, c.col)).format.fill.color = FILL_COLORS.standard;
  spec.columnWidths.forEach((w, c) => {
    // Excel measures column width in points here; one CJK character is about 2 × 7 points wide.
    ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = w * 7.5;
  });

  // One chart per indicator: each school's value, titled with the threshold it is judged against.
  if (layout && layout.stages.length) {
    const first = Math.min(...layout.stages.map((s) => s.firstRow));
    const last = Math.max(...layout.stages.map((s) => s.lastRow));
    const top = values.length + 2;
    layout.indicatorCols.forEach((col, k) => {
      const header = String(spec.rows[layout.schoolHeaderRow]?.[col] ?? "");
      const t = layout.thresholds[k];
      const names = ws.getRangeByIndexes(first, layout.nameCol, last - first + 1, 1);
      const data = ws.getRangeByIndexes(first, col, last - first + 1, 1);
      const chart = ws.charts.add("ColumnClustered", names, "Columns");
      chart.series.getItemAt(0).setValues(data);
      chart.title.text = t ? `${header}（标准：小学 ${t.primary}，初中 ${t.junior}）` : header;
      chart.legend.visible = false;
      chart.setPosition(cellAddress(top + k * 18, 1), cellAddress(top + k * 18 + 16, 9));
    });
  }

  const next: MarkState = { version: 1, cells: state?.cells ?? [], reportSheet: name };
  if (state) part.delete();
  context.workbook.customXmlParts.add(serializeState(next));
  ws.activate();
  await context.sync();
  return name;
}
