import * as React from "react";
import { mergeClasses } from "@fluentui/react-components";
import type { Strings } from "../i18n";
import type { CellRef } from "../reportView";
import { useCommonStyles } from "./useCommonStyles";
import { VirtualList } from "./VirtualList";

export type Glyph = "fail" | "warn" | "pass" | "info" | "none";

const GLYPH_TEXT: Record<Glyph, string> = { fail: "✗", warn: "!", pass: "✓", info: "i", none: "" };

export function StatusGlyph({
  kind,
  className,
}: {
  kind: Glyph;
  className?: string;
}): React.JSX.Element {
  const s = useCommonStyles();
  return (
    <span
      aria-hidden="true"
      className={mergeClasses(
        s.glyph,
        kind === "fail" && s.fail,
        kind === "warn" && s.warn,
        kind === "pass" && s.pass,
        kind === "info" && s.info,
        className
      )}
    >
      {GLYPH_TEXT[kind]}
    </span>
  );
}

export function glyphForSeverity(sev: "error" | "warning" | "info"): Glyph {
  return sev === "error" ? "fail" : sev === "warning" ? "warn" : "info";
}

export interface FindingRowProps {
  glyph: Glyph;
  /** Written as data-severity so 「先改…」 can move focus to the first data error. */
  severity?: "error" | "warning" | "info";
  at: CellRef | null;
  onSelect: (ref: CellRef) => void;
  t: Strings;
  children: React.ReactNode;
}

/** One finding: a button that selects its cell when it has one, plain text otherwise. */
export function FindingRow({
  glyph,
  at,
  onSelect,
  t,
  children,
  severity,
}: FindingRowProps): React.JSX.Element {
  const s = useCommonStyles();
  const body = (
    <>
      <StatusGlyph kind={glyph} />
      <span className={s.rowText}>{children}</span>
      {at && <span className={s.cellRef}>{at.cell}</span>}
    </>
  );
  // tabIndex -1: not a tab stop, but focus can be moved here (「先改…」) and is then drawn.
  if (!at)
    return (
      <div className={mergeClasses(s.row, s.focusable)} tabIndex={-1} data-severity={severity}>
        {body}
      </div>
    );
  return (
    <button
      type="button"
      data-severity={severity}
      className={mergeClasses(s.row, s.clickable, s.focusable)}
      title={t.goTo(`${at.sheet}!${at.cell}`)}
      data-sheet={at.sheet}
      data-cell={at.cell}
      onClick={() => onSelect(at)}
    >
      {body}
    </button>
  );
}

/**
 * A list of any length with no paging: up to `limit` rows as they are, longer lists windowed in their own scroll
 * box (VirtualList: only the rows in view are in the page). `t` is kept for the callers' sake.
 */
export function CappedList<T>(props: {
  items: readonly T[];
  limit?: number;
  t: Strings;
  children: (item: T, index: number) => React.ReactNode;
}): React.JSX.Element {
  return (
    <VirtualList items={props.items} plainUpTo={props.limit ?? 30}>
      {props.children}
    </VirtualList>
  );
}
