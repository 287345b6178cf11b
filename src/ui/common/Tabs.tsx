/**
 * A plain tab list: role="tablist" with one button per tab, roving tabindex, ←/→ Home/End to move.
 * Used instead of Fluent's TabList, whose focus manager (tabster "mover") inserts aria-hidden focusable
 * sentinels (<i tabindex="0" aria-hidden="true">) that axe reports as aria-hidden-focus (serious, WCAG 4.1.2).
 */
import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

export interface TabItem<V extends string> {
  value: V;
  label: React.ReactNode;
  /** Extra attributes for tests and styling (e.g. data-sheet-tab). */
  data?: Record<`data-${string}`, string>;
}

const useTabStyles = makeStyles({
  list: {
    display: "flex",
    flexWrap: "nowrap",
    gap: tokens.spacingHorizontalXXS,
  },
  tab: {
    position: "relative",
    display: "inline-flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: "none",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    whiteSpace: "nowrap",
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": {
      outline: `2px solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "-2px",
    },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    "::after": {
      content: '""',
      position: "absolute",
      left: tokens.spacingHorizontalS,
      right: tokens.spacingHorizontalS,
      bottom: 0,
      height: "3px",
      borderRadius: "2px",
      backgroundColor: tokens.colorCompoundBrandStroke,
    },
  },
});

export function Tabs<V extends string>(props: {
  items: readonly TabItem<V>[];
  selected: V;
  onSelect: (value: V) => void;
  label: string;
  className?: string;
}): React.JSX.Element {
  const { items, selected, onSelect } = props;
  const s = useTabStyles();
  const refs = React.useRef<(HTMLButtonElement | null)[]>([]);
  const move = (from: number, key: string): void => {
    const n = items.length;
    const to =
      key === "ArrowRight"
        ? (from + 1) % n
        : key === "ArrowLeft"
          ? (from - 1 + n) % n
          : key === "Home"
            ? 0
            : key === "End"
              ? n - 1
              : -1;
    if (to < 0) return;
    refs.current[to]?.focus();
    onSelect(items[to].value);
  };
  return (
    <div role="tablist" aria-label={props.label} className={mergeClasses(s.list, props.className)}>
      {items.map((it, i) => {
        const on = it.value === selected;
        return (
          <button
            key={it.value}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="tab"
            aria-selected={on}
            tabIndex={on ? 0 : -1}
            className={mergeClasses(s.tab, on && s.selected)}
            onClick={() => onSelect(it.value)}
            onKeyDown={(e) => {
              if (["ArrowRight", "ArrowLeft", "Home", "End"].includes(e.key)) {
                e.preventDefault();
                move(i, e.key);
              }
            }}
            {...it.data}
          >
            {it.label}
          </button>
        );
      })}
    </div>
  );
}
