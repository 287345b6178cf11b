/**
 * A read-only, virtualised view of one sheet: only the rows and columns in the viewport are in the DOM. Marked cells
 * carry the workbook fill colours (red 「未达标」, yellow 「数据问题」) and their note as tooltip; the selected cell
 * is outlined and scrolled into view.
 */
import * as React from "react";
import { mergeClasses } from "@fluentui/react-components";
import type { CellMark } from "../../present/marks";
import type { SheetInput } from "../../engine/workbook";
import { cellAddress, columnLetter } from "../../engine/workbook";
import type { RawCell } from "../../engine/workbook";
import {
  cellBox,
  displayValue,
  frozenWidth,
  HEADER_HEIGHT,
  isFrozenRow,
  mergeAt,
  mergesIn,
  ROW_HEADER_WIDTH,
  ROW_HEIGHT,
  type TableFrame,
  type Window,
} from "./gridModel";
import { useSheetGrid, type GridSelection } from "./useSheetGrid";
import { useSheetGridStyles } from "./useSheetGridStyles";

export interface SheetGridProps {
  sheet: SheetInput;
  marks?: ReadonlyMap<string, CellMark>;
  selection: GridSelection | null;
  onSelect: (cell: string) => void;
  /** Accessible name of the grid (the sheet name). */
  label: string;
  /** The table the engine recognised on this sheet: its header rows and name column stay in view. */
  frame?: TableFrame | null;
}

export function SheetGrid(props: SheetGridProps): React.JSX.Element {
  const { sheet, marks, label } = props;
  const s = useSheetGridStyles();
  const g = useSheetGrid(sheet, props.selection, props.onSelect, props.frame ?? null);
  const { layout, window: w, selected, freeze } = g;
  const totalWidth = ROW_HEADER_WIDTH + layout.colLefts[layout.colCount];
  const totalHeight = HEADER_HEIGHT + layout.rowCount * ROW_HEIGHT;
  const fw = frozenWidth(layout, freeze);
  const bandEnd = freeze.top + freeze.rows;
  // The frozen rows are always drawn, wherever the window is; merges among them too.
  const drawn: Window = freeze.rows
    ? { ...w, r0: Math.min(w.r0, freeze.top), r1: Math.max(w.r1, bandEnd - 1), c0: 0 }
    : freeze.cols
      ? { ...w, c0: 0 }
      : w;
  const merges = mergesIn(layout, drawn);
  const cellId = (addr: string): string => `jh-cell-${addr}`;

  const colHeader = (c: number): React.JSX.Element => (
    <div
      key={c}
      role="columnheader"
      aria-colindex={c + 2}
      className={mergeClasses(s.colHeader, selected?.col === c && s.headerActive)}
      style={{
        left: ROW_HEADER_WIDTH + layout.colLefts[c],
        width: layout.colLefts[c + 1] - layout.colLefts[c],
      }}
    >
      {columnLetter(c)}
    </div>
  );
  const headers: React.JSX.Element[] = [];
  for (let c = Math.max(w.c0, freeze.cols); c <= w.c1; c++) headers.push(colHeader(c));
  const frozenHeaders: React.JSX.Element[] = [];
  for (let c = 0; c < freeze.cols; c++) frozenHeaders.push(colHeader(c));

  /** One cell; in the frozen columns it is opaque and a merge reaching past them is clipped at their edge. */
  const cell = (
    r: number,
    c: number,
    values: RawCell[] | undefined,
    inFrozenCols: boolean
  ): React.JSX.Element | null => {
    const m = mergeAt(merges, r, c);
    if (m && !m.anchor) return null;
    const addr = cellAddress(r, c);
    const v = values?.[c];
    const text = displayValue(v);
    const mark = marks?.get(addr);
    const box = cellBox(layout, r, c, m?.merge);
    const isSelected = selected !== null && selected.row === r && selected.col === c;
    const next = values?.[c + 1];
    // Text runs on over an empty right neighbour, as in Excel (not out of the frozen columns).
    const spill =
      typeof v === "string" &&
      !m &&
      (next === null || next === undefined || next === "") &&
      !(inFrozenCols && c === freeze.cols - 1);
    const past = inFrozenCols ? box.left + box.width - fw : 0;
    const style: React.CSSProperties = {
      left: ROW_HEADER_WIDTH + box.left,
      width: box.width,
      height: box.height,
    };
    if (past > 0) style.clipPath = `inset(0 ${past}px 0 0)`;
    return (
      <div
        key={c}
        // A merge crossing the frozen edge is drawn twice (frozen part, scrolling part): one id and name.
        id={inFrozenCols || !(m && m.merge.left < freeze.cols) ? cellId(addr) : undefined}
        role="gridcell"
        aria-hidden={!inFrozenCols && m !== null && m.merge.left < freeze.cols ? true : undefined}
        aria-colindex={c + 2}
        aria-selected={isSelected}
        data-cell={addr}
        data-frozen={inFrozenCols ? "true" : undefined}
        data-mark={mark?.kind}
        data-selected={isSelected ? "true" : undefined}
        title={mark?.note ? `${addr}: ${mark.note}` : text.length > 12 ? text : undefined}
        className={mergeClasses(
          s.cell,
          inFrozenCols && s.frozenCell,
          typeof v === "number" && s.number,
          m !== null && s.merged,
          m !== null && box.width > 600 && s.mergedWide,
          spill && s.spill,
          mark?.kind === "standard" && s.markStandard,
          mark?.kind === "data" && s.markData,
          mark?.note ? s.noted : undefined,
          isSelected && s.selected
        )}
        style={style}
        onMouseDown={() => props.onSelect(addr)}
      >
        {text}
      </div>
    );
  };

  const row = (r: number, top: number): React.JSX.Element => {
    const values = sheet.rows[r];
    const cells: React.JSX.Element[] = [];
    for (let c = drawn.c0; c <= w.c1; c++) {
      if (c < freeze.cols) {
        // Of a merge in the frozen columns, the part that reaches past them also scrolls (under them).
        const m = mergeAt(merges, r, c);
        if (!(m && m.anchor && m.merge.right >= freeze.cols)) continue;
      } else if (c < w.c0) continue;
      const el = cell(r, c, values, false);
      if (el) cells.push(el);
    }
    const frozen: React.JSX.Element[] = [];
    for (let c = 0; c < freeze.cols; c++) {
      const el = cell(r, c, values, true);
      if (el) frozen.push(el);
    }
    const rowHeader = (
      <div
        role="rowheader"
        className={mergeClasses(s.rowHeader, selected?.row === r && s.headerActive)}
      >
        {r + 1}
      </div>
    );
    return (
      <div
        key={r}
        role="row"
        aria-rowindex={r + 2}
        className={s.row}
        style={{ top, width: totalWidth }}
      >
        {freeze.cols ? (
          <div className={s.frozenCols} style={{ width: ROW_HEADER_WIDTH + fw }}>
            {rowHeader}
            {frozen}
          </div>
        ) : (
          rowHeader
        )}
        {cells}
      </div>
    );
  };

  const band: React.JSX.Element[] = [];
  for (let r = freeze.top; r < bandEnd; r++) band.push(row(r, (r - freeze.top) * ROW_HEIGHT));
  const rows: React.JSX.Element[] = [];
  for (let r = w.r0; r <= w.r1; r++) {
    if (freeze.rows && isFrozenRow(freeze, r)) continue;
    rows.push(row(r, HEADER_HEIGHT + r * ROW_HEIGHT));
  }

  const selectedMerge = selected ? mergeAt(merges, selected.row, selected.col) : null;
  const inView =
    selected !== null &&
    (isFrozenRow(freeze, selected.row) || (selected.row >= w.r0 && selected.row <= w.r1)) &&
    (selected.col < freeze.cols || (selected.col >= w.c0 && selected.col <= w.c1)) &&
    (!selectedMerge || selectedMerge.anchor);
  const activeId = selected && inView ? cellId(cellAddress(selected.row, selected.col)) : undefined;

  return (
    <div
      ref={g.scrollerRef}
      className={s.scroller}
      role="grid"
      aria-label={label}
      aria-readonly="true"
      aria-rowcount={layout.rowCount + 1}
      aria-colcount={layout.colCount + 1}
      aria-activedescendant={activeId}
      tabIndex={0}
      data-sheet={sheet.name}
      data-rows-rendered={w.r1 - w.r0 + 1}
      data-frozen-rows={freeze.rows ? `${freeze.top + 1}-${bandEnd}` : undefined}
      data-frozen-cols={freeze.cols || undefined}
      onScroll={g.onScroll}
      onKeyDown={g.onKeyDown}
    >
      <div className={s.canvas} style={{ width: totalWidth, height: totalHeight }}>
        <div role="row" aria-rowindex={1} className={s.headerRow} style={{ width: totalWidth }}>
          <div className={s.corner} style={{ width: ROW_HEADER_WIDTH + fw }}>
            <div className={s.cornerBox} />
            {frozenHeaders}
          </div>
          {headers}
        </div>
        {freeze.rows > 0 && (
          <>
            {freeze.top > 0 && <div style={{ height: freeze.top * ROW_HEIGHT }} />}
            <div
              className={s.frozenRows}
              style={{ height: freeze.rows * ROW_HEIGHT, width: totalWidth }}
              data-testid="grid-frozen-rows"
            >
              {band}
            </div>
          </>
        )}
        {rows}
      </div>
    </div>
  );
}
