/**
 * A windowed list with no paging (issue 10, deliver 5): a long list (300 schools, 10,000 findings) scrolls in its
 * own box and only the rows in view, plus a few either side, are in the page. Rows may differ in height (a school
 * card with three indicators is taller than one with one): each rendered row is measured (ResizeObserver) and the
 * rows not yet seen are taken at the average of those that were. Spacers above and below keep the scroll bar true.
 * Short lists (≤ `plainUpTo` rows) render as they are, with no box. No dependency: Fluent UI v9 has no virtual list.
 */
import * as React from "react";
import { useCommonStyles } from "./useCommonStyles";

export interface VirtualListProps<T> {
  items: readonly T[];
  /** Lists this long or shorter render every row, without a scroll box. */
  plainUpTo?: number;
  /** First guess of a row's height in px, before any is measured. */
  estimate?: number;
  /** Rows rendered beyond each edge of the view. */
  overscan?: number;
  /** Names the list for assistive technology (role="list"). */
  label?: string;
  children: (item: T, index: number) => React.ReactNode;
}

/** Index of the last offset ≤ y (offsets ascending, offsets[0] = 0). */
export function rowAt(offsets: ArrayLike<number>, y: number): number {
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid] <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Row offsets (length n + 1) from the heights measured so far, the unmeasured ones at `guess`. */
export function rowOffsets(
  n: number,
  heights: ReadonlyMap<number, number>,
  guess: number
): Float64Array {
  const out = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) out[i + 1] = out[i] + (heights.get(i) ?? guess);
  return out;
}

/** Rows to render for a view of [top, top + height) (jsdom has no layout: height 0 gives the first `min`). */
export function visibleRange(
  offsets: ArrayLike<number>,
  top: number,
  height: number,
  overscan: number,
  min = 20
): [number, number] {
  const n = offsets.length - 1;
  if (n <= 0) return [0, 0];
  const first = Math.max(0, rowAt(offsets, top) - overscan);
  let last = Math.min(n, rowAt(offsets, top + Math.max(0, height)) + 1 + overscan);
  if (last - first < min) last = Math.min(n, first + min);
  return [first, last];
}

export function VirtualList<T>(props: VirtualListProps<T>): React.JSX.Element {
  const { items, children, label } = props;
  const plainUpTo = props.plainUpTo ?? 30;
  const estimate = props.estimate ?? 40;
  const overscan = props.overscan ?? 6;
  const s = useCommonStyles();
  const box = React.useRef<HTMLDivElement | null>(null);
  const [view, setView] = React.useState({ top: 0, height: 0 });
  const heights = React.useRef(new Map<number, number>());
  const [measured, setMeasured] = React.useState(0);
  const observer = React.useRef<ResizeObserver | null>(null);
  const plain = items.length <= plainUpTo;

  // A new list (a filter, a sort): forget the heights, back to the top.
  React.useEffect(() => {
    heights.current = new Map();
    setMeasured((m) => m + 1);
    if (box.current) box.current.scrollTop = 0;
  }, [items]);

  // One observer for the rows in view (made with the first row: refs run before effects).
  const observe = React.useCallback((): ResizeObserver | null => {
    if (observer.current || typeof ResizeObserver !== "function") return observer.current;
    observer.current = new ResizeObserver((entries) => {
      let changed = false;
      for (const e of entries) {
        const el = e.target as HTMLElement;
        const i = Number(el.dataset.index);
        const h = el.offsetHeight;
        if (h > 0 && heights.current.get(i) !== h) {
          heights.current.set(i, h);
          changed = true;
        }
      }
      if (changed) setMeasured((m) => m + 1);
    });
    return observer.current;
  }, []);

  React.useEffect(() => {
    const el = box.current;
    if (el) setView({ top: el.scrollTop, height: el.clientHeight });
    return () => {
      observer.current?.disconnect();
      observer.current = null;
    };
  }, [plain]);

  // React 19 ref cleanup: a row scrolled out of view is no longer observed.
  const measure = React.useCallback(
    (el: HTMLDivElement | null) => {
      const ro = el ? observe() : null;
      if (!el || !ro) return;
      ro.observe(el);
      return () => ro.unobserve(el);
    },
    [observe]
  );

  const offsets = React.useMemo(() => {
    const known = [...heights.current.values()];
    const guess = known.length ? known.reduce((a, b) => a + b, 0) / known.length : estimate;
    return rowOffsets(items.length, heights.current, guess);
    // `measured` changes whenever a height does.
  }, [items, measured, estimate]);

  // Short: the rows as they are (no wrapper, so the section's own layout applies).
  if (plain) return <>{items.map((it, i) => children(it, i))}</>;

  const [first, last] = visibleRange(offsets, view.top, view.height, overscan);
  const total = offsets[items.length];
  return (
    <div
      ref={box}
      role="list"
      aria-label={label}
      className={s.virtualBox}
      data-testid="virtual-list"
      data-rows={items.length}
      onScroll={(e) =>
        setView({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })
      }
    >
      <div
        aria-hidden="true"
        ref={(el) => {
          if (el) el.style.height = `${offsets[first]}px`;
        }}
      />
      {items.slice(first, last).map((it, k) => {
        const i = first + k;
        return (
          <div
            role="listitem"
            aria-posinset={i + 1}
            aria-setsize={items.length}
            key={i}
            data-index={i}
            ref={measure}
          >
            {children(it, i)}
          </div>
        );
      })}
      <div
        aria-hidden="true"
        ref={(el) => {
          if (el) el.style.height = `${Math.max(0, total - offsets[last])}px`;
        }}
      />
    </div>
  );
}
