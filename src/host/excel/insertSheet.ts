/**
 * A new sheet in the open workbook from a SheetSpec, laid out as the downloaded .xlsx lays it out (the same spec,
 * src/host/xlsx/newWorkbook.ts): values, number formats, merges, bold / font size / fill / wrap / alignment, thin
 * borders, column widths, row heights, frozen header rows, print setup (A4, orientation, one page wide, print area,
 * repeated title rows, margins) and data validation on the value cells. Used by 「插入县级指标表」 and by the
 * 申报表's fallback (its sheets inserted into the open workbook). A sheet of that name that already exists (the
 * reader ignores surrounding spaces, Excel compares names case-insensitively) is never touched: it is shown and the
 * outcome says so; a sheet junheng added is removed exactly by deleting it.
 * Syncs: sheet list (1) + one per budget of value rows (usually 1) + one per budget of formats and rules
 * (usually 1) + 1 (activate). Page layout is ExcelApi 1.9 (the manifest's floor); data validation is ExcelApi 1.8,
 * below the floor, and guarded anyway.
 */
import { cellAddress, parseAddress } from "../../engine/workbook";
import type { InsertSheetOutcome } from "../../ports/sidebarHost";
import type { CellSpec, CellStyle, SheetSpec, ValidationSpec } from "../xlsx/newWorkbook";
import { cellRuns, joinAddresses } from "./addresses";
import { CALL_OVERHEAD, chunkByBytes, utf8Bytes, yieldToEventLoop } from "./budget";
import type { ExcelCapabilities } from "./platform";

/** A sheet name as the 「县级指标」 reader compares it: surrounding spaces ignored, any case (as Excel). */
function sameName(name: string): string {
  return name.replace(/^\s+|\s+$/g, "").toLowerCase();
}

/** "FFD9D9D9" (ARGB of the xlsx writer) → "#D9D9D9". */
function rgb(argb: string): string {
  return `#${argb.length === 8 ? argb.slice(2) : argb}`;
}

/** The formats junheng applies over many cells at once, keyed so equal styles share one RangeAreas call. */
function styleKey(s: CellStyle): string {
  return JSON.stringify([
    s.bold ?? false,
    s.fill ?? "",
    s.wrap ?? false,
    s.vertical ?? "",
    s.horizontal ?? "",
    s.fontSize ?? 0,
  ]);
}

/**
 * Column width in characters (the unit of the spec and of the downloaded .xlsx's `<col width>`) → points, the unit of
 * Office.js's `columnWidth`: Excel draws a width of w characters as w × 7 + 5 pixels (a maximum digit width of 7 px
 * and 5 px of padding) and a pixel is 0.75 pt at 96 dpi. 8.43 characters (Excel's default) → 48 pt.
 */
export function widthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** Page margins of the downloaded .xlsx (newWorkbook.ts: 0.5 in left/right, 0.75 in top/bottom, 0.3 in header/footer), in points. */
export const PRINT_MARGINS = {
  leftMargin: 36,
  rightMargin: 36,
  topMargin: 54,
  bottomMargin: 54,
  headerMargin: 21.6,
  footerMargin: 21.6,
} as const;

/** The four edges of every bordered cell: a run of cells in one column also needs the lines between its rows. */
const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;

const VERTICAL = { top: "Top", center: "Center", bottom: "Bottom" } as const;
const HORIZONTAL = { left: "Left", center: "Center", right: "Right" } as const;

/** The Office.js rule of one validation: a list, or a number at least / between its bounds. */
export function validationRule(v: ValidationSpec): Excel.DataValidationRule {
  if (v.type === "list")
    return { list: { inCellDropDown: true, source: (v.list ?? []).join(",") } };
  const basic: Excel.BasicDataValidation =
    v.max === undefined
      ? { formula1: v.min ?? 0, operator: Excel.DataValidationOperator.greaterThanOrEqualTo }
      : { formula1: v.min ?? 0, formula2: v.max, operator: Excel.DataValidationOperator.between };
  return v.type === "whole" ? { wholeNumber: basic } : { decimal: basic };
}

export async function insertSheet(
  context: Excel.RequestContext,
  spec: SheetSpec,
  caps: Pick<ExcelCapabilities, "dataValidation">
): Promise<InsertSheetOutcome> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const wanted = sameName(spec.name);
  const same = sheets.items.find((s) => sameName(s.name) === wanted);
  if (same) {
    same.activate();
    await context.sync();
    return { name: same.name, created: false, validation: false };
  }
  const ws = sheets.add(spec.name);

  // The grid of values (blank = ""), written in row blocks within the request budget.
  let rows = 0;
  let cols = 0;
  const placed: { row: number; col: number; c: CellSpec }[] = [];
  for (const c of spec.cells) {
    const p = parseAddress(c.ref);
    placed.push({ row: p.row, col: p.col, c });
    rows = Math.max(rows, p.row + 1);
    cols = Math.max(cols, p.col + 1);
  }
  const values: (string | number | boolean)[][] = Array.from({ length: rows }, () =>
    Array.from({ length: cols }, () => "")
  );
  const formats: string[][] = Array.from({ length: rows }, () =>
    Array.from({ length: cols }, () => "General")
  );
  const styled = new Map<string, { style: CellStyle; cells: string[] }>();
  const bordered: string[] = [];
  for (const { row, col, c } of placed) {
    const { value, style: st } = c;
    if (value !== null && value !== undefined) values[row][col] = value;
    if (!st) continue;
    if (st.numFmt) formats[row][col] = st.numFmt;
    if (st.border) bordered.push(cellAddress(row, col));
    const key = styleKey(st);
    if (key === styleKey({})) continue;
    const group = styled.get(key) ?? { style: st, cells: [] };
    group.cells.push(cellAddress(row, col));
    styled.set(key, group);
  }
  const rowCost = (r: number): number =>
    values[r].reduce<number>((s, x) => s + (typeof x === "string" ? utf8Bytes(x) : 12) + 3, 0) +
    formats[r].reduce((s, x) => s + x.length + 3, 0);
  if (rows > 0 && cols > 0) {
    for (const block of chunkByBytes(
      values.map((_, r) => r),
      rowCost
    )) {
      const r0 = block[0];
      const range = ws.getRangeByIndexes(r0, 0, block.length, cols);
      range.numberFormat = formats.slice(r0, r0 + block.length);
      range.values = values.slice(r0, r0 + block.length);
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      await yieldToEventLoop();
    }
  }

  // Merges first (a merged area takes the format of its first cell), then formats over RangeAreas (one call per
  // ≤ 8,192-character address), borders, widths, heights, frozen rows, print setup and validation rules, as a list
  // of calls sent in chunks within the budget.
  const work: { cost: number; run: () => void }[] = [];
  for (const m of spec.merges ?? []) {
    work.push({ cost: CALL_OVERHEAD * 2 + m.length, run: () => ws.getRange(m).merge(false) });
  }
  for (const { style: st, cells } of styled.values()) {
    for (const a of joinAddresses(cellRuns(cells))) {
      work.push({
        cost: CALL_OVERHEAD * 6 + a.length,
        run: () => {
          const f = ws.getRanges(a).format;
          if (st.bold) f.font.bold = true;
          if (st.fontSize) f.font.size = st.fontSize;
          if (st.fill) f.fill.color = rgb(st.fill);
          if (st.wrap) f.wrapText = true;
          if (st.vertical) f.verticalAlignment = VERTICAL[st.vertical];
          if (st.horizontal) f.horizontalAlignment = HORIZONTAL[st.horizontal];
        },
      });
    }
  }
  // Thin borders as the .xlsx writes them (all four sides of each bordered cell): runs of one cell get their four
  // edges, longer runs the lines between their rows too. Both are RangeAreas calls, never one per cell.
  const runs = cellRuns(bordered);
  const single = runs.filter((r) => !r.includes(":"));
  const long = runs.filter((r) => r.includes(":"));
  for (const [list, inside] of [
    [single, false],
    [long, true],
  ] as const) {
    for (const a of joinAddresses(list)) {
      work.push({
        cost: CALL_OVERHEAD * 12 + a.length,
        run: () => {
          const borders = ws.getRanges(a).format.borders;
          for (const e of inside ? [...EDGES, "InsideHorizontal" as const] : EDGES)
            borders.getItem(e).style = "Continuous";
        },
      });
    }
  }
  (spec.columnWidths ?? []).forEach((w, c) => {
    if (w === undefined) return;
    work.push({
      cost: CALL_OVERHEAD,
      run: () => (ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = widthPoints(w)),
    });
  });
  // Row heights, rows of one height together ("1:1,3:4").
  const byHeight = new Map<number, number[]>();
  for (const [r, h] of Object.entries(spec.rowHeights ?? {}))
    byHeight.set(h, [...(byHeight.get(h) ?? []), Number(r)]);
  for (const [h, list] of byHeight) {
    const rowRuns = cellRuns(list.map((r) => `A${r}`)).map((x) => x.replace(/A/g, ""));
    for (const a of joinAddresses(rowRuns.map((x) => (x.includes(":") ? x : `${x}:${x}`)))) {
      work.push({
        cost: CALL_OVERHEAD * 2 + a.length,
        run: () => (ws.getRanges(a).format.rowHeight = h),
      });
    }
  }
  if (spec.print) {
    const p = spec.print;
    work.push({
      cost: CALL_OVERHEAD * 12,
      run: () => {
        const pl = ws.pageLayout;
        pl.orientation = p.landscape === false ? "Portrait" : "Landscape";
        pl.paperSize = "A4";
        pl.centerHorizontally = true;
        pl.leftMargin = PRINT_MARGINS.leftMargin;
        pl.rightMargin = PRINT_MARGINS.rightMargin;
        pl.topMargin = PRINT_MARGINS.topMargin;
        pl.bottomMargin = PRINT_MARGINS.bottomMargin;
        pl.headerMargin = PRINT_MARGINS.headerMargin;
        pl.footerMargin = PRINT_MARGINS.footerMargin;
        // One page wide, as many down as needed (the .xlsx's fitToWidth="1" fitToHeight="0").
        if (p.fitToWidth !== false) pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
        if (p.area) pl.setPrintArea(p.area);
        if (p.titleRows) pl.setPrintTitleRows(`$${p.titleRows[0]}:$${p.titleRows[1]}`);
      },
    });
  }
  if (spec.freezeRows) {
    const n = spec.freezeRows;
    work.push({ cost: CALL_OVERHEAD, run: () => ws.freezePanes.freezeRows(n) });
  }
  const validation = caps.dataValidation && (spec.validations?.length ?? 0) > 0;
  if (validation) {
    for (const v of spec.validations ?? []) {
      const rule = validationRule(v);
      const { error: message = "" } = v;
      const alert: Excel.DataValidationErrorAlert = {
        message,
        showAlert: true,
        style:
          v.errorStyle === "warning"
            ? Excel.DataValidationAlertStyle.warning
            : Excel.DataValidationAlertStyle.stop,
        title: spec.name,
      };
      // One rule per run of consecutive cells: a range of rows, never one call per cell.
      for (const run of cellRuns(v.range.split(/\s+/).filter(Boolean))) {
        work.push({
          cost:
            CALL_OVERHEAD * 3 +
            run.length +
            utf8Bytes(JSON.stringify(rule)) +
            utf8Bytes(alert.message),
          run: () => {
            const dv = ws.getRange(run).dataValidation;
            dv.rule = rule;
            dv.errorAlert = alert;
          },
        });
      }
    }
  }
  for (const chunk of chunkByBytes(work, (w) => w.cost)) {
    context.application.suspendScreenUpdatingUntilNextSync();
    for (const w of chunk) w.run();
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    await yieldToEventLoop();
  }
  ws.activate();
  ws.load("name");
  await context.sync();
  return { name: ws.name, created: true, validation };
}
