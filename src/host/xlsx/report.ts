/**
 * The report worksheet of the marked copy. Strings are inline (t="inlineStr") so the shared string table — and every
 * existing cell's index into it — stays untouched.
 */
import {
  numberFormatFor,
  type FormattedNumber,
  type ReportCellValue,
  type ReportSheetSpec,
} from "../../present/marks";
import { cellAddress } from "../../engine/workbook";
import type { StylesEditor } from "./styles";
import { escapeAttr, escapeText } from "./xml";

/** Excel's maximum column width, in characters. */
const MAX_WIDTH = 255;

function isFormatted(v: ReportCellValue): v is FormattedNumber {
  return typeof v === "object" && v !== null;
}

function numberCell(ref: string, s: number, n: number): string {
  const sa = s ? ` s="${s}"` : "";
  // NaN/Infinity have no spreadsheet value; show Excel's own error for them rather than writing invalid XML.
  if (!Number.isFinite(n)) return `<c r="${ref}"${sa} t="e"><v>#NUM!</v></c>`;
  return `<c r="${ref}"${sa}><v>${String(n)}</v></c>`;
}

/** The worksheet XML of the report. Styles (bold, number formats, fail fill) are added to `styles`. */
export function buildReportSheetXml(
  spec: ReportSheetSpec,
  styles: StylesEditor,
  mainNs: string,
  relNs: string
): string {
  const bold = new Set(spec.boldRows);
  const fail = new Set(spec.failCells.map((c) => `${c.row},${c.col}`));
  let maxRow = -1;
  let maxCol = -1;
  const rowsXml: string[] = [];
  spec.rows.forEach((row, r) => {
    const cells: string[] = [];
    row.forEach((v, c) => {
      const before = cells.length;
      const numFmt = isFormatted(v) ? numberFormatFor(v.decimals) : undefined;
      const s = styles.reportXf({
        bold: bold.has(r),
        numFmt,
        fill: fail.has(`${r},${c}`) ? "standard" : undefined,
      });
      const ref = cellAddress(r, c);
      if (v === null || v === undefined) {
        if (s) cells.push(`<c r="${ref}" s="${s}"/>`);
      } else if (typeof v === "string") {
        cells.push(
          `<c r="${ref}"${s ? ` s="${s}"` : ""} t="inlineStr"><is><t xml:space="preserve">${escapeText(v)}</t></is></c>`
        );
      } else if (typeof v === "number") {
        cells.push(numberCell(ref, s, v));
      } else {
        cells.push(numberCell(ref, s, v.value));
      }
      if (cells.length > before) maxCol = Math.max(maxCol, c);
    });
    if (cells.length) {
      maxRow = r;
      rowsXml.push(`<row r="${r + 1}">${cells.join("")}</row>`);
    }
  });
  // Fail cells beyond the rows' values still get their fill.
  for (const f of spec.failCells) {
    if (spec.rows[f.row]?.[f.col] === undefined) {
      // A fill on a cell the rows do not reach: add an empty styled cell in its own row entry below.
      const s = styles.reportXf({ bold: bold.has(f.row), fill: "standard" });
      const i = rowsXml.findIndex((x) => Number(/^<row r="(\d+)"/.exec(x)?.[1]) - 1 >= f.row);
      const cell = `<c r="${cellAddress(f.row, f.col)}" s="${s}"/>`;
      const existing = i >= 0 && Number(/^<row r="(\d+)"/.exec(rowsXml[i])?.[1]) - 1 === f.row;
      if (existing) rowsXml[i] = insertCellSorted(rowsXml[i], cell, f.col);
      else rowsXml.splice(i < 0 ? rowsXml.length : i, 0, `<row r="${f.row + 1}">${cell}</row>`);
      maxRow = Math.max(maxRow, f.row);
      maxCol = Math.max(maxCol, f.col);
    }
  }

  const cols = spec.columnWidths
    .map((w, c) =>
      w > 0 && Number.isFinite(w)
        ? `<col min="${c + 1}" max="${c + 1}" width="${Math.min(MAX_WIDTH, w)}" customWidth="1"/>`
        : ""
    )
    .join("");
  const dim = maxRow < 0 ? "A1" : `A1:${cellAddress(maxRow, Math.max(0, maxCol))}`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<worksheet xmlns="${escapeAttr(mainNs)}" xmlns:r="${escapeAttr(relNs)}">` +
    `<dimension ref="${dim}"/>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : "") +
    (rowsXml.length ? `<sheetData>${rowsXml.join("")}</sheetData>` : "<sheetData/>") +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    "</worksheet>"
  );
}

/** Inserts a cell into a generated row in column order (generated rows only hold r="A1"-style cells). */
function insertCellSorted(rowXml: string, cell: string, col: number): string {
  const re = /<c r="([A-Z]+)\d+"/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(rowXml))) {
    let c = 0;
    for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
    if (c - 1 > col) return rowXml.slice(0, m.index) + cell + rowXml.slice(m.index);
  }
  return rowXml.replace(/<\/row>$/, `${cell}</row>`);
}
