import { createFocusOutlineStyle, makeStyles, tokens } from "@fluentui/react-components";
/**
 * #RRGGBB of the cell fills, the same as the workbook writers use (MARK_FILL_ARGB in src/host/xlsx/styles.ts:
 * Excel's "Bad" red and "Neutral" yellow). Repeated here so the sidebar does not load the xlsx writer;
 * test/ui/app/marks.test.ts keeps the two equal.
 */
export const MARK_COLOR = {
  standard: "#FFC7CE",
  data: "#FFEB9C",
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
  focusable: createFocusOutlineStyle(),
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
  gap: {
    color: tokens.colorStatusDangerForeground1,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: "nowrap",
  },
  moreButton: {
    alignSelf: "flex-start",
  },
  swatch: {
    display: "inline-block",
    width: "12px",
    height: "12px",
    borderRadius: "2px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    verticalAlign: "-1px",
    marginRight: tokens.spacingHorizontalXS,
  },
  swatchStandard: { backgroundColor: MARK_COLOR.standard },
  swatchData: { backgroundColor: MARK_COLOR.data },
});
