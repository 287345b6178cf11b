/**
 * What a front end writes back into a workbook: cell marks (fill + note) and a report sheet, and the one place
 * their colours are defined. Built from a report by src/present (buildMarks / buildReportSheet); applied by the
 * host adapters (src/host/xlsx for files, src/host/excel for Office.js) and drawn by the UI. Plain data,
 * JSON-serialisable.
 */

/** "standard" = the cell's value makes a school miss a standard; "data" = the cell has a data problem. */
export type MarkKind = "standard" | "data";

/**
 * The fill of a cell with both a data problem and a missed standard: the data fill, because the data must be
 * fixed before the verdict on it counts. The one rule for every writer (buildMarks, the xlsx package writer).
 */
export function strongerMark(a: MarkKind, b: MarkKind): MarkKind {
  return a === "data" || b === "data" ? "data" : "standard";
}

/**
 * The colours of a mark: Excel's "Bad" red for a missed standard and "Neutral" yellow for a data problem, with the
 * text colour drawn on them (the sidebar's legend and the browser grid). #RRGGBB; markFillArgb for xlsx styles.
 */
export const MARK_COLORS: Readonly<Record<MarkKind, { fill: string; text: string }>> = {
  standard: { fill: "#FFC7CE", text: "#9C0006" },
  data: { fill: "#FFEB9C", text: "#7A4A00" },
};

/** The fill as an xlsx ARGB ("FFFFC7CE"). */
export function markFillArgb(kind: MarkKind): string {
  return "FF" + MARK_COLORS[kind].fill.slice(1).toUpperCase();
}

export interface CellMark {
  sheet: string;
  /** A1 address, no sheet prefix. */
  cell: string;
  kind: MarkKind;
  /** Text of the cell note: why and by how much. Several findings on one cell are joined with newlines. */
  note: string;
}

/** A number shown with a fixed number of decimals (Excel number format "0.00" / "0.000"). */
export interface FormattedNumber {
  value: number;
  decimals: number;
}

/** Excel number format for a number of decimals: "0", "0.00", "0.000" (clamped to Excel's 30). */
export function numberFormatFor(decimals: number): string {
  const d = Math.max(0, Math.min(30, Math.floor(decimals)));
  return d === 0 ? "0" : `0.${"0".repeat(d)}`;
}

export type ReportCellValue = string | number | null | FormattedNumber;

export interface ReportSheetSpec {
  /** Sheet name, e.g. 「均衡达标报告」. The writer picks another name if a user sheet already has it. */
  name: string;
  rows: ReportCellValue[][];
  /** 0-based row indexes to set in bold (titles, table headers). */
  boldRows: number[];
  /** Column widths in characters, by 0-based column. */
  columnWidths: number[];
  /** Cells (0-based) that should carry the "standard" fill, e.g. a failing CV. */
  failCells: { row: number; col: number }[];
  /**
   * Where the tables are, so a live host (Excel) can write native formulas for the county means and CVs and
   * charts per indicator. Writers of static files may ignore it. All 0-based.
   */
  layout?: ReportSheetLayout;
}

export interface ReportSheetLayout {
  /** Column of the students count and of the school name in the per-school table. */
  studentsCol: number;
  nameCol: number;
  /** Column of each indicator, in standard order. */
  indicatorCols: number[];
  /** Header row of the per-school table. */
  schoolHeaderRow: number;
  /** Per stage: the rows of its schools (contiguous) and the rows of its county mean and CV. */
  stages: {
    stage: "primary" | "junior";
    firstRow: number;
    lastRow: number;
    meanRow: number;
    cvRow: number;
    cvCols: number[];
  }[];
  /** Per indicator: the threshold per stage, for chart titles. */
  thresholds: (Record<"primary" | "junior", number> | null)[];
  /** Per indicator: the chart title in the report's language (the header and, when judged, the thresholds). */
  chartTitles?: string[];
}
