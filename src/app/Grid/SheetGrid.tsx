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
import {
  cellBox,
  displayValue,
  HEADER_HEIGHT,
  mergeAt,
  mergesIn,
  ROW_HEADER_WIDTH,
  ROW_HEIGHT,
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
}

export function SheetGrid(props: SheetGridProps): React.JSX.Element {
  const { sheet, marks, label } = props;
  const s = useSheetGridStyles();
  const g = useSheetGrid(sheet, props.selection, props.onSelect);
  const { layout, window: w, selected } = g;
  const totalWidth = ROW_HEADER_WIDTH + layout.colLefts[layout.colCount];
  const totalHeight = HEADER_HEIGHT + layout.rowCount * ROW_HEIGHT;
  const merges = mergesIn(layout, w);
  const cellId = (addr: string): string => `jh-cell-${addr}`;

  const headers: React.JSX.Element[] = [];
  for (let c = w.c0; c <= w.c1; c++) {
    headers.push(
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
  }

  const rows: React.JSX.Element[] = [];
  for (let r = w.r0; r <= w.r1; r++) {
    const values = sheet.rows[r];
    const cells: React.JSX.Element[] = [];
    for (let c = w.c0; c <= w.c1; c++) {
      const m = mergeAt(merges, r, c);
      if (m && !m.anchor) continue;
      const addr = cellAddress(r, c);
      const v = values?.[c];
      const text = displayValue(v);
      const mark = marks?.get(addr);
      const box = cellBox(layout, r, c, m?.merge);
      const isSelected = selected !== null && selected.row === r && selected.col === c;
      const next = values?.[c + 1];
      // Text runs on over an empty right neighbour, as in Excel.
      const spill =
        typeof v === "string" && !m && (next === null || next === undefined || next === "");
      cells.push(
        <div
          key={c}
          id={cellId(addr)}
          role="gridcell"
          aria-colindex={c + 2}
          aria-selected={isSelected}
          data-cell={addr}
          data-mark={mark?.kind}
          data-selected={isSelected ? "true" : undefined}
          title={mark?.note ? `${addr}: ${mark.note}` : text.length > 12 ? text : undefined}
          className={mergeClasses(
            s.cell,
            typeof v === "number" && s.number,
            m !== null && s.merged,
            m !== null && box.width > 600 && s.mergedWide,
            spill && s.spill,
            mark?.kind === "standard" && s.markStandard,
            mark?.kind === "data" && s.markData,
            mark?.note ? s.noted : undefined,
            isSelected && s.selected
          )}
          style={{ left: ROW_HEADER_WIDTH + box.left, width: box.width, height: box.height }}
          onMouseDown={() => props.onSelect(addr)}
        >
          {text}
        </div>
      );
    }
    rows.push(
      <div
        key={r}
        role="row"
        aria-rowindex={r + 2}
        className={s.row}
        style={{ top: HEADER_HEIGHT + r * ROW_HEIGHT, width: totalWidth }}
      >
        <div
          role="rowheader"
          className={mergeClasses(s.rowHeader, selected?.row === r && s.headerActive)}
        >
          {r + 1}
        </div>
        {cells}
      </div>
    );
  }

  const selectedMerge = selected ? mergeAt(merges, selected.row, selected.col) : null;
  const inView =
    selected !== null &&
    selected.row >= w.r0 &&
    selected.row <= w.r1 &&
    selected.col >= w.c0 &&
    selected.col <= w.c1 &&
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
      onScroll={g.onScroll}
      onKeyDown={g.onKeyDown}
    >
      <div className={s.canvas} style={{ width: totalWidth, height: totalHeight }}>
        <div role="row" aria-rowindex={1} className={s.headerRow} style={{ width: totalWidth }}>
          <div className={s.corner} />
          {headers}
        </div>
        {rows}
      </div>
    </div>
  );
}
