import * as React from "react";
import { Button, mergeClasses } from "@fluentui/react-components";
import type { Strings } from "../i18n";
import type { CellRef } from "../reportView";
import { useCommonStyles } from "./useCommonStyles";

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

/** Renders the first `limit` items and a 「再显示 N 项」 button for the rest (long lists stay fast). */
export function CappedList<T>(props: {
  items: readonly T[];
  limit?: number;
  t: Strings;
  children: (item: T, index: number) => React.ReactNode;
}): React.JSX.Element {
  const { items, t } = props;
  const [limit, setLimit] = React.useState(props.limit ?? 30);
  const s = useCommonStyles();
  const rest = items.length - limit;
  return (
    <>
      {items.slice(0, limit).map((it, i) => props.children(it, i))}
      {rest > 0 && (
        <Button
          appearance="subtle"
          size="small"
          className={s.moreButton}
          onClick={() => setLimit(limit + 100)}
        >
          {t.showMore(rest)}
        </Button>
      )}
    </>
  );
}
