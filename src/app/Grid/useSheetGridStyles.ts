import { makeStyles, tokens } from "@fluentui/react-components";
import { MARK_COLOR, MARK_GLYPH } from "../../ui/common/useCommonStyles";
import { MARK_COLORS } from "../../present/marks";
import { HEADER_HEIGHT, ROW_HEADER_WIDTH, ROW_HEIGHT } from "./gridModel";

const GRID_LINE = "#E1E1E1";
const HEADER_BG = "#F3F3F3";
/** The edge of the frozen rows and columns (Excel draws a darker line there). */
const FREEZE_LINE = "#9E9E9E";

export const useSheetGridStyles = makeStyles({
  scroller: {
    position: "relative",
    overflow: "auto",
    flexGrow: 1,
    minHeight: 0,
    backgroundColor: "#FFFFFF",
    fontFamily: tokens.fontFamilyBase,
    fontSize: "12px",
    outlineStyle: "none",
    ":focus-visible": {
      boxShadow: `inset 0 0 0 2px ${tokens.colorStrokeFocus2}`,
    },
  },
  canvas: {
    position: "relative",
  },
  headerRow: {
    position: "sticky",
    top: 0,
    zIndex: 3,
    height: `${HEADER_HEIGHT}px`,
    backgroundColor: HEADER_BG,
  },
  /** The corner and the letters of the frozen columns. */
  corner: {
    position: "sticky",
    left: 0,
    zIndex: 4,
    height: `${HEADER_HEIGHT}px`,
    backgroundColor: HEADER_BG,
  },
  cornerBox: {
    position: "absolute",
    left: 0,
    top: 0,
    width: `${ROW_HEADER_WIDTH}px`,
    height: `${HEADER_HEIGHT}px`,
    boxSizing: "border-box",
    backgroundColor: HEADER_BG,
    borderRight: `1px solid #C8C8C8`,
    borderBottom: `1px solid #C8C8C8`,
  },
  /**
   * The frozen rows (the table's header, or the workbook's pane): in flow at their place, they scroll up to the
   * column letters and stay there. `overflow: clip`, not hidden: hidden would make it a scroll container and break
   * the sticky frozen columns inside it.
   */
  frozenRows: {
    position: "sticky",
    top: `${HEADER_HEIGHT}px`,
    zIndex: 3,
    overflow: "clip",
    backgroundColor: "#FFFFFF",
    boxShadow: `0 1px 0 ${FREEZE_LINE}`,
  },
  /** The row number and the frozen columns of one row: they stay at the left while the rest scrolls under them. */
  frozenCols: {
    position: "sticky",
    left: 0,
    zIndex: 2,
    height: `${ROW_HEIGHT}px`,
    boxShadow: `1px 0 0 ${FREEZE_LINE}`,
  },
  frozenCell: {
    backgroundColor: "#FFFFFF",
  },
  colHeader: {
    position: "absolute",
    top: 0,
    height: `${HEADER_HEIGHT}px`,
    boxSizing: "border-box",
    textAlign: "center",
    lineHeight: `${HEADER_HEIGHT - 1}px`,
    color: "#444444",
    backgroundColor: HEADER_BG,
    borderRight: `1px solid ${GRID_LINE}`,
    borderBottom: `1px solid #C8C8C8`,
  },
  headerActive: {
    backgroundColor: "#D2E3F7",
    color: tokens.colorBrandForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
  row: {
    position: "absolute",
    left: 0,
    height: `${ROW_HEIGHT}px`,
  },
  rowHeader: {
    position: "sticky",
    left: 0,
    zIndex: 2,
    display: "inline-block",
    width: `${ROW_HEADER_WIDTH}px`,
    height: `${ROW_HEIGHT}px`,
    boxSizing: "border-box",
    textAlign: "center",
    lineHeight: `${ROW_HEIGHT - 1}px`,
    color: "#444444",
    backgroundColor: HEADER_BG,
    borderRight: `1px solid #C8C8C8`,
    borderBottom: `1px solid ${GRID_LINE}`,
  },
  cell: {
    position: "absolute",
    top: 0,
    boxSizing: "border-box",
    padding: "0 4px",
    lineHeight: `${ROW_HEIGHT - 1}px`,
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
    borderRight: `1px solid ${GRID_LINE}`,
    borderBottom: `1px solid ${GRID_LINE}`,
    color: "#1F1F1F",
    cursor: "cell",
  },
  number: { textAlign: "right" },
  merged: {
    zIndex: 1,
    backgroundColor: "#FFFFFF",
    textAlign: "center",
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    whiteSpace: "normal",
    lineHeight: "1.3",
  },
  /** A merge wider than a screen (a title row): text from the left, or it is centred out of sight. */
  mergedWide: {
    justifyContent: "flex-start",
    textAlign: "left",
  },
  spill: {
    overflow: "visible",
    textOverflow: "clip",
    zIndex: 1,
  },
  // Colour is never the only signal (the two fills are 1.23 : 1 apart and merge under deuteranopia): a missed
  // standard carries a ✗ at the cell's left, a data problem a ? and a hatch pattern (MARK_GLYPH).
  markStandard: {
    backgroundColor: MARK_COLOR.standard,
    paddingLeft: "14px",
    "::before": {
      content: `"${MARK_GLYPH.standard}"`,
      position: "absolute",
      left: "2px",
      top: "50%",
      transform: "translateY(-50%)",
      fontSize: "10px",
      fontWeight: 700,
      color: MARK_COLORS.standard.text,
    },
  },
  markData: {
    backgroundColor: MARK_COLOR.data,
    backgroundImage:
      "repeating-linear-gradient(135deg, transparent 0 5px, rgba(156, 87, 0, 0.22) 5px 7px)",
    paddingLeft: "14px",
    "::before": {
      content: `"${MARK_GLYPH.data}"`,
      position: "absolute",
      left: "3px",
      top: "50%",
      transform: "translateY(-50%)",
      fontSize: "10px",
      fontWeight: 700,
      color: MARK_COLORS.data.text,
    },
  },
  noted: {
    "::after": {
      content: '""',
      position: "absolute",
      top: 0,
      right: 0,
      borderTop: "6px solid #C0392B",
      borderLeft: "6px solid transparent",
    },
  },
  selected: {
    zIndex: 1,
    outline: `2px solid ${tokens.colorBrandStroke1}`,
    outlineOffset: "-2px",
  },
});
