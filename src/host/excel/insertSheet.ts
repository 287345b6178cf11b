/**
 * 「插入县级指标表」: a new sheet in the open workbook from a SheetSpec (src/present/countyTemplate lays it out):
 * values, number formats, bold / fill / wrap / alignment, column widths, frozen header rows and data validation
 * on the value cells. A sheet of that name that already exists (the reader ignores surrounding spaces, Excel
 * compares names case-insensitively) is never touched: it is shown and the outcome says so.
 * Syncs: sheet list (1) + one per budget of value rows (usually 1) + one per budget of formats and rules
 * (usually 1) + 1 (activate). Data validation is ExcelApi 1.8, below the manifest's floor, and guarded anyway.
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
  ]);
}

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
  for (const { row, col, c } of placed) {
    const { value, style: st } = c;
    if (value !== null && value !== undefined) values[row][col] = value;
    if (!st) continue;
    if (st.numFmt) formats[row][col] = st.numFmt;
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

  // Formats over RangeAreas (one call per ≤ 8,192-character address), widths, frozen rows and validation rules,
  // as a list of calls sent in chunks within the budget.
  const work: { cost: number; run: () => void }[] = [];
  for (const { style: st, cells } of styled.values()) {
    for (const a of joinAddresses(cellRuns(cells))) {
      work.push({
        cost: CALL_OVERHEAD * 5 + a.length,
        run: () => {
          const f = ws.getRanges(a).format;
          if (st.bold) f.font.bold = true;
          if (st.fill) f.fill.color = rgb(st.fill);
          if (st.wrap) f.wrapText = true;
          if (st.vertical) f.verticalAlignment = VERTICAL[st.vertical];
          if (st.horizontal) f.horizontalAlignment = HORIZONTAL[st.horizontal];
        },
      });
    }
  }
  (spec.columnWidths ?? []).forEach((w, c) => {
    if (w === undefined) return;
    work.push({
      cost: CALL_OVERHEAD,
      // As the report sheet: one CJK character is about 2 × 7 points wide.
      run: () => (ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = w * 7.5),
    });
  });
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
