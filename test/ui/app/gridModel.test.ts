/** Geometry of the virtualised grid: what a viewport renders, merges, scrolling to a cell. */
import {
  buildLayout,
  cellBox,
  displayValue,
  freezeFor,
  HEADER_HEIGHT,
  NO_FREEZE,
  mergeAt,
  ROW_HEADER_WIDTH,
  ROW_HEIGHT,
  scrollToShow,
  visibleWindow,
} from "../../../src/app/Grid/gridModel";
import type { RawCell } from "../../../src/engine/workbook";
import { sheet } from "../../engine/helpers";

function bigSheet(rows: number, cols: number): ReturnType<typeof sheet> {
  const data: RawCell[][] = [];
  for (let r = 0; r < rows; r++) data.push(Array.from({ length: cols }, (_, c) => r * cols + c));
  return sheet("big", data);
}

test("a 10,000-row sheet: only the rows and columns in the viewport (plus overscan)", () => {
  const layout = buildLayout(bigSheet(10_000, 60));
  expect(layout.rowCount).toBe(10_005);
  const w = visibleWindow(layout, 120_000, 0, 1000, 600);
  const rowsInView = Math.ceil((600 - HEADER_HEIGHT) / ROW_HEIGHT);
  expect(w.r0).toBe(120_000 / ROW_HEIGHT - 4);
  expect(w.r1 - w.r0 + 1).toBeLessThanOrEqual(rowsInView + 9);
  expect(w.c0).toBe(0);
  expect(w.c1).toBeLessThan(30);
});

test("a merged title reaching into the view is drawn from its top-left cell", () => {
  const s = sheet("t", [["县 2025 年 学校情况"], []], ["A1:T1"]);
  for (let r = 2; r < 200; r++) s.rows.push(Array.from({ length: 20 }, (_, c) => c));
  const layout = buildLayout(s);
  const w = visibleWindow(layout, 0, 500, 300, 400);
  expect(w.c0).toBe(0);
  expect(visibleWindow(layout, 200, 500, 300, 400).c0).toBeGreaterThan(0);
  expect(mergeAt(layout.merges, 0, 2)).toEqual({ merge: layout.merges[0], anchor: false });
  expect(mergeAt(layout.merges, 0, 0)?.anchor).toBe(true);
  const box = cellBox(layout, 0, 0, layout.merges[0]);
  expect(box.width).toBe(layout.colLefts[20] - layout.colLefts[0]);
});

test("the merged title does not widen column A; CJK text counts double", () => {
  const s = sheet(
    "t",
    [["一个很长很长很长很长很长很长的标题"], ["城关第一小学附属分校", "x"]],
    ["A1:B1"]
  );
  const layout = buildLayout(s);
  const a = layout.colLefts[1] - layout.colLefts[0];
  const b = layout.colLefts[2] - layout.colLefts[1];
  expect(a).toBeLessThan(180); // the 17-character title alone would need more than 200 px
  expect(a).toBeGreaterThan(b);
});

test("scrollToShow centres a cell that is out of view and leaves a visible one alone", () => {
  const layout = buildLayout(bigSheet(1000, 40));
  const far = scrollToShow(layout, 500, 30, { top: 0, left: 0 }, 800, 600);
  expect(far.top).toBeGreaterThan(0);
  expect(far.left).toBeGreaterThan(0);
  const box = cellBox(layout, 500, 30);
  expect(box.top).toBeGreaterThanOrEqual(far.top);
  expect(box.top + ROW_HEIGHT).toBeLessThanOrEqual(far.top + 600 - HEADER_HEIGHT);
  expect(box.left).toBeGreaterThanOrEqual(far.left);
  expect(box.left + box.width).toBeLessThanOrEqual(far.left + 800 - ROW_HEADER_WIDTH);
  expect(scrollToShow(layout, 2, 1, { top: 0, left: 0 }, 800, 600)).toEqual({ top: 0, left: 0 });
});

test("cell text as Excel's General format shows it", () => {
  expect(displayValue(2234.0199999999995)).toBe("2234.02");
  expect(displayValue(2400)).toBe("2400");
  expect(displayValue(true)).toBe("TRUE");
  expect(displayValue(null)).toBe("");
  expect(displayValue("—")).toBe("—");
});

describe("frozen rows and columns", () => {
  // 300 rows, 20 columns of numbers: every column is 64 px wide (MIN_COL + 20), so colLefts[c] = 64 c.
  const layout = buildLayout(bigSheet(300, 20));
  const frame = { headerRows: [3, 4], nameCol: 2 };

  test("from the table: its header rows (3–4 → 0-based 2, two rows) and the columns up to the name (A–C)", () => {
    expect(freezeFor(layout, undefined, frame, 1200, 800)).toEqual({ top: 2, rows: 2, cols: 3 });
    expect(freezeFor(layout, undefined, { headerRows: [1], nameCol: null }, 1200, 800)).toEqual({
      top: 0,
      rows: 1,
      cols: 0,
    });
    expect(freezeFor(layout, undefined, null, 1200, 800)).toEqual(NO_FREEZE);
  });

  test("the workbook's own pane wins: its rows from the top and its columns", () => {
    expect(freezeFor(layout, { rows: 1, cols: 1 }, frame, 1200, 800)).toEqual({
      top: 0,
      rows: 1,
      cols: 1,
    });
  });

  test("a part that would take more than 60 % of the viewport is not frozen", () => {
    // 3 columns = 192 px; a 320 px grid leaves 272 px beside the row numbers, 60 % of it is 163 px.
    expect(freezeFor(layout, undefined, frame, 320, 800)).toEqual({ top: 2, rows: 2, cols: 0 });
    // 2 rows = 48 px; a 100 px grid has 76 px of rows, 60 % of it is 45.6 px.
    expect(freezeFor(layout, undefined, frame, 1200, 100)).toEqual({ top: 0, rows: 0, cols: 3 });
  });

  test("scrollToShow keeps a cell out from under the frozen band and columns", () => {
    const f = { top: 2, rows: 2, cols: 3 };
    // 800 × 600: 576 px of rows below the letters, 48 px of them under the band → 528 px free;
    // 752 px of columns beside the row numbers, 192 px frozen → 560 px free.
    // Row 200 (top 4800) centred in the free part: 4800 − 48 − (528 − 24) / 2 = 4500.
    // Column 15 (left 960, 64 wide) centred: 960 − 192 − (560 − 64) / 2 = 520.
    expect(scrollToShow(layout, 200, 15, { top: 0, left: 0 }, 800, 600, f)).toEqual({
      top: 4500,
      left: 520,
    });
    // Scrolled to 4500 / 520: row 200 is at 300 px in the body, the band covers 0–48: no move.
    expect(scrollToShow(layout, 200, 15, { top: 4500, left: 520 }, 800, 600, f)).toEqual({
      top: 4500,
      left: 520,
    });
    // Row 22 (top 528) with the view at 500: the stuck band covers 500–548 → hidden; centred again:
    // 528 − 48 − 252 = 228 → clamped to 228.
    expect(scrollToShow(layout, 22, 15, { top: 500, left: 520 }, 800, 600, f).top).toBe(228);
    // Column 4 (left 256) with the view at 520: behind the frozen columns → brought out.
    expect(scrollToShow(layout, 200, 4, { top: 4500, left: 520 }, 800, 600, f).left).toBe(0);
    // A frozen cell (header row 3, name column C) never scrolls.
    expect(scrollToShow(layout, 3, 2, { top: 4500, left: 520 }, 800, 600, f)).toEqual({
      top: 4500,
      left: 520,
    });
  });
});
