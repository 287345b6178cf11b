import { makeStyles, tokens } from "@fluentui/react-components";
import { MARK_COLORS } from "../../present/marks";
/** #RRGGBB of the cell fills, the same as the workbook writers use (MARK_COLORS in src/present/marks.ts). */
export const MARK_COLOR = {
  standard: MARK_COLORS.standard.fill,
  data: MARK_COLORS.data.fill,
};

/** The sign drawn in a marked cell besides its fill (grid) and in the legend: colour is never the only signal. */
export const MARK_GLYPH = {
  standard: "✗",
  data: "?",
};

/** Pieces used by every screen: clickable finding rows, status glyphs, section headings, count badges. */
export const useCommonStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  sectionTitle: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
  row: {
    // Positioned, so anything absolutely placed in a row (a ring, a badge) is placed on the row: Fluent's
    // ::after focus ring used to be drawn around a page-sized ancestor and no ring was visible (WCAG 2.4.7).
    position: "relative",
    display: "flex",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalS,
    width: "100%",
    boxSizing: "border-box",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    border: "none",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    textAlign: "left",
  },
  clickable: {
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":active": { backgroundColor: tokens.colorNeutralBackground1Pressed },
  },
  // Drawn on every focus, also when focus is moved from script (「先改…」, a finished check) after a click:
  // the ring then shows which finding was last followed.
  focusable: {
    ":focus": {
      outline: `2px solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "-2px",
    },
  },
  rowText: {
    flexGrow: 1,
    minWidth: 0,
    overflowWrap: "anywhere",
  },
  cellRef: {
    flexShrink: 0,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorBrandForeground1,
    textDecorationLine: "underline",
    paddingTop: "1px",
  },
  glyph: {
    flexShrink: 0,
    width: "1.1em",
    textAlign: "center",
    fontWeight: tokens.fontWeightBold,
  },
  fail: { color: tokens.colorStatusDangerForeground1 },
  warn: { color: tokens.colorStatusWarningForeground2 },
  pass: { color: tokens.colorStatusSuccessForeground1 },
  info: { color: tokens.colorNeutralForeground3 },
  secondary: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  strong: { fontWeight: tokens.fontWeightSemibold },
  /** A line of a note that starts with a status glyph (the ✗ / ! legend): the note's size, glyph aligned. */
  noteLine: {
    display: "flex",
    alignItems: "baseline",
    gap: tokens.spacingHorizontalXS,
  },
  note: {
    margin: 0,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  gap: {
    color: tokens.colorStatusDangerForeground1,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: "nowrap",
  },
  plainList: {
    margin: `${tokens.spacingVerticalXS} 0`,
    paddingLeft: tokens.spacingHorizontalL,
  },
  moreButton: {
    alignSelf: "flex-start",
  },
  /** A long list's own scroll box (VirtualList): tall enough to work in, short enough to see what follows. */
  virtualBox: {
    maxHeight: "min(32rem, 70vh)",
    overflowY: "auto",
    overscrollBehavior: "contain",
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  swatch: {
    display: "inline-flex",
    alignItems: "center",
    justifyContent: "center",
    width: "14px",
    height: "14px",
    fontSize: "10px",
    fontWeight: tokens.fontWeightBold,
    lineHeight: "14px",
    borderRadius: "2px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    verticalAlign: "-1px",
    marginRight: tokens.spacingHorizontalXS,
  },
  swatchStandard: { backgroundColor: MARK_COLOR.standard, color: MARK_COLORS.standard.text },
  swatchData: {
    backgroundColor: MARK_COLOR.data,
    color: MARK_COLORS.data.text,
    backgroundImage:
      "repeating-linear-gradient(135deg, transparent 0 5px, rgba(156, 87, 0, 0.22) 5px 7px)",
  },
});
