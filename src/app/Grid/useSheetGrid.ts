/**
 * State of the virtualised grid: the scroll position and viewport size (only the rows and columns they show are
 * rendered), scrolling to the selected cell, and keyboard movement.
 */
import * as React from "react";
import type { SheetInput } from "../../engine/workbook";
import { cellAddress, parseAddress } from "../../engine/workbook";
import {
  buildLayout,
  freezeFor,
  scrollToShow,
  visibleWindow,
  ROW_HEIGHT,
  HEADER_HEIGHT,
  type Freeze,
  type GridLayout,
  type TableFrame,
  type Window,
} from "./gridModel";

export interface GridSelection {
  cell: string;
  seq: number;
}

export interface SheetGridState {
  layout: GridLayout;
  window: Window;
  scrollerRef: React.RefObject<HTMLDivElement | null>;
  onScroll: () => void;
  onKeyDown: (e: React.KeyboardEvent) => void;
  selected: { row: number; col: number } | null;
  /** The rows and columns kept in view (gridModel.freezeFor). */
  freeze: Freeze;
}

/** Viewport used before the first layout (and in jsdom, which has none). */
const FALLBACK = { width: 900, height: 600 };

export function useSheetGrid(
  sheet: SheetInput,
  selection: GridSelection | null,
  onSelect: (cell: string) => void,
  frame: TableFrame | null = null
): SheetGridState {
  const layout = React.useMemo(() => buildLayout(sheet), [sheet]);
  const scrollerRef = React.useRef<HTMLDivElement | null>(null);
  const [scroll, setScroll] = React.useState({ top: 0, left: 0 });
  const [size, setSize] = React.useState(FALLBACK);

  React.useLayoutEffect(() => {
    const el = scrollerRef.current;
    if (!el) return;
    const measure = (): void => {
      if (el.clientWidth > 0 && el.clientHeight > 0)
        setSize({ width: el.clientWidth, height: el.clientHeight });
    };
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const onScroll = React.useCallback((): void => {
    const el = scrollerRef.current;
    if (el) setScroll({ top: el.scrollTop, left: el.scrollLeft });
  }, []);

  const frameKey = frame ? `${frame.headerRows.join(",")}|${frame.nameCol}` : "";
  const freeze = React.useMemo(
    () => freezeFor(layout, sheet.frozenPane, frame, size.width, size.height),
    // frame is compared by value: a re-check gives a new object for the same table
    [layout, sheet.frozenPane, frameKey, size.width, size.height]
  );

  const selected = React.useMemo(() => {
    if (!selection) return null;
    try {
      return parseAddress(selection.cell);
    } catch {
      return null;
    }
  }, [selection]);

  // Scroll the selected cell into view whenever a selection is made (seq changes), even the same cell again.
  const seq = selection?.seq;
  React.useLayoutEffect(() => {
    const el = scrollerRef.current;
    if (!el || !selected) return;
    const width = el.clientWidth || size.width;
    const height = el.clientHeight || size.height;
    const next = scrollToShow(
      layout,
      selected.row,
      selected.col,
      { top: el.scrollTop, left: el.scrollLeft },
      width,
      height,
      freeze
    );
    el.scrollTop = next.top;
    el.scrollLeft = next.left;
    setScroll({ top: el.scrollTop || next.top, left: el.scrollLeft || next.left });
    // Deliberately not in the deps: scroll only when a new selection is made
  }, [seq, layout]);

  const onKeyDown = React.useCallback(
    (e: React.KeyboardEvent): void => {
      const cur = selected ?? { row: 0, col: 0 };
      const page = Math.max(
        1,
        Math.floor((size.height - HEADER_HEIGHT) / ROW_HEIGHT) - freeze.rows - 1
      );
      let { row, col } = cur;
      switch (e.key) {
        case "ArrowDown":
          row++;
          break;
        case "ArrowUp":
          row--;
          break;
        case "ArrowRight":
          col++;
          break;
        case "ArrowLeft":
          col--;
          break;
        case "PageDown":
          row += page;
          break;
        case "PageUp":
          row -= page;
          break;
        case "Home":
          col = 0;
          if (e.ctrlKey || e.metaKey) row = 0;
          break;
        case "End":
          col = Math.max(0, (sheet.rows[row]?.length ?? 1) - 1);
          if (e.ctrlKey || e.metaKey) row = Math.max(0, sheet.rows.length - 1);
          break;
        default:
          return;
      }
      e.preventDefault();
      row = Math.min(Math.max(0, row), layout.rowCount - 1);
      col = Math.min(Math.max(0, col), layout.colCount - 1);
      onSelect(cellAddress(row, col));
    },
    [selected, size.height, sheet, layout, onSelect, freeze.rows]
  );

  const window = visibleWindow(layout, scroll.top, scroll.left, size.width, size.height);
  return { layout, window, scrollerRef, onScroll, onKeyDown, selected, freeze };
}
