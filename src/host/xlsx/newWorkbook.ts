/**
 * Writes a NEW .xlsx from a plain, serialisable spec (no workbook library at run time: the XML is written here and
 * zipped with fflate's zipSync, so it runs in Node and in the browser alike). Used for the national 申报表
 * (standards.md §17.10), the 「县级指标」 template (§17.6) and the 达标测算 plan.
 *
 * The spec is data only (no functions, no classes) so that it can cross a Web Worker boundary and be compared in
 * tests. Styles are deduplicated: every distinct (number format, font, fill, border, alignment) gets one <xf>.
 */
import { zipSync, type Zippable } from "fflate";
import { columnLetter } from "../../engine/workbook";
import { escapeAttr, escapeText } from "./xml";

/** A cell's value: a number, text or boolean; null/undefined writes a styled empty cell. */
export type CellValue = number | string | boolean | null | undefined;

export interface CellStyle {
  /** Number format code, e.g. "0.00", "0.0", "0"; absent = General. */
  numFmt?: string;
  bold?: boolean;
  /** Font size in points (default 11). */
  fontSize?: number;
  /** Solid fill colour as ARGB, e.g. "FF808080". */
  fill?: string;
  /** Thin border on all four sides. */
  border?: boolean;
  wrap?: boolean;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "center" | "bottom";
}

export interface CellSpec {
  /** A1 reference, e.g. "C4". */
  ref: string;
  value?: CellValue;
  style?: CellStyle;
}

/** A list validation (dropdown) or a decimal/whole-number range on a cell range. */
export interface ValidationSpec {
  /** Range, e.g. "C2:C40" (several ranges separated by spaces). */
  range: string;
  type: "list" | "decimal" | "whole";
  /** For "list": the allowed values (written inline, so no comma inside a value). */
  list?: string[];
  /** For "decimal"/"whole": lower bound (≥). */
  min?: number;
  /** For "decimal"/"whole": upper bound (≤); absent = no upper bound. */
  max?: number;
  /** Shown when a wrong value is typed. */
  error?: string;
  /** "stop" (default) refuses the value; "warning" lets the user keep it (a number cell that takes "/"). */
  errorStyle?: "stop" | "warning";
  /** Input prompt. */
  prompt?: string;
  allowBlank?: boolean;
}

export interface PrintSpec {
  /** Print area, e.g. "A1:X7". */
  area?: string;
  /** Rows repeated at the top of each page, 1-based inclusive, e.g. [1, 3]. */
  titleRows?: [number, number];
  /** Default true: the 申报表 are wide. */
  landscape?: boolean;
  /** Fit all columns on one page width (height free). Default true. */
  fitToWidth?: boolean;
}

export interface SheetSpec {
  name: string;
  cells: CellSpec[];
  /** Merged ranges, e.g. ["A1:X1"]. */
  merges?: string[];
  /** Column widths in characters, by 0-based column index; missing entries keep the default. */
  columnWidths?: (number | undefined)[];
  /** Row heights in points, by 1-based row number. */
  rowHeights?: Record<number, number>;
  print?: PrintSpec;
  validations?: ValidationSpec[];
  /** Freeze panes below this many rows (e.g. 1 keeps the header visible). */
  freezeRows?: number;
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
  /** docProps creator; default "junheng". */
  creator?: string;
}

/** Thrown for a spec that cannot be written (bad reference, duplicate or invalid sheet name). */
export class WorkbookSpecError extends Error {}

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Built-in number format ids (ECMA-376 §18.8.30); other codes get ids from 164. */
const BUILTIN_NUMFMT: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
};

// ---------------------------------------------------------------------------------------------------------------
// References

/** "C4" → { col: 2, row: 4 } (col 0-based, row 1-based). */
export function parseRef(ref: string): { col: number; row: number } {
  const m = /^\$?([A-Z]{1,3})\$?([1-9][0-9]{0,6})$/.exec(ref.trim().toUpperCase());
  if (!m) throw new WorkbookSpecError(`bad cell reference: ${ref}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col: col - 1, row: Number(m[2]) };
}

/** 0-based column index → letters ("A", "AA"): the engine's helper, re-exported for spec builders. */
export const columnLetters = columnLetter;

function absoluteRange(range: string): string {
  return range
    .split(":")
    .map((r) => {
      const { col, row } = parseRef(r);
      return `$${columnLetters(col)}$${row}`;
    })
    .join(":");
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

// ---------------------------------------------------------------------------------------------------------------
// Styles

class StyleTable {
  readonly numFmts: string[] = [];
  readonly fonts: string[] = [
    '<font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>',
  ];
  readonly fills: string[] = [
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  ];
  readonly borders: string[] = ["<border><left/><right/><top/><bottom/><diagonal/></border>"];
  readonly xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly xfIndex = new Map<string, number>([["", 0]]);
  private readonly numFmtIds = new Map<string, number>();

  index(style: CellStyle | undefined): number {
    if (!style) return 0;
    const key = JSON.stringify([
      style.numFmt ?? "",
      !!style.bold,
      style.fontSize ?? 11,
      style.fill ?? "",
      !!style.border,
      !!style.wrap,
      style.horizontal ?? "",
      style.vertical ?? "",
    ]);
    if (key === JSON.stringify(["", false, 11, "", false, false, "", ""])) return 0;
    const known = this.xfIndex.get(key);
    if (known !== undefined) return known;

    const numFmtId = this.numFmtId(style.numFmt);
    const fontId = this.intern(
      this.fonts,
      `<font>${style.bold ? "<b/>" : ""}<sz val="${style.fontSize ?? 11}"/><name val="宋体"/><family val="3"/><charset val="134"/></font>`
    );
    const fillId = style.fill
      ? this.intern(
          this.fills,
          `<fill><patternFill patternType="solid"><fgColor rgb="${escapeAttr(argb(style.fill))}"/><bgColor indexed="64"/></patternFill></fill>`
        )
      : 0;
    const borderId = style.border
      ? this.intern(
          this.borders,
          '<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right>' +
            '<top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border>'
        )
      : 0;
    const align =
      style.wrap || style.horizontal || style.vertical
        ? `<alignment${style.horizontal ? ` horizontal="${style.horizontal}"` : ""}${
            style.vertical ? ` vertical="${style.vertical}"` : ""
          }${style.wrap ? ' wrapText="1"' : ""}/>`
        : "";
    const attrs =
      `numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"` +
      (numFmtId ? ' applyNumberFormat="1"' : "") +
      (fontId ? ' applyFont="1"' : "") +
      (fillId ? ' applyFill="1"' : "") +
      (borderId ? ' applyBorder="1"' : "") +
      (align ? ' applyAlignment="1"' : "");
    const id = this.xfs.length;
    this.xfs.push(align ? `<xf ${attrs}>${align}</xf>` : `<xf ${attrs}/>`);
    this.xfIndex.set(key, id);
    return id;
  }

  private numFmtId(code: string | undefined): number {
    if (!code || code === "General") return 0;
    const builtin = BUILTIN_NUMFMT[code];
    if (builtin !== undefined) return builtin;
    const known = this.numFmtIds.get(code);
    if (known !== undefined) return known;
    const id = 164 + this.numFmts.length;
    this.numFmts.push(`<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    this.numFmtIds.set(code, id);
    return id;
  }

  private intern(list: string[], xml: string): number {
    const at = list.indexOf(xml);
    if (at >= 0) return at;
    list.push(xml);
    return list.length - 1;
  }

  xml(): string {
    const section = (name: string, items: string[]) =>
      `<${name} count="${items.length}">${items.join("")}</${name}>`;
    return (
      XML_HEAD +
      `<styleSheet xmlns="${MAIN_NS}">` +
      (this.numFmts.length ? section("numFmts", this.numFmts) : "") +
      section("fonts", this.fonts) +
      section("fills", this.fills) +
      section("borders", this.borders) +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      section("cellXfs", this.xfs) +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      "</styleSheet>"
    );
  }
}

function argb(colour: string): string {
  const c = colour.replace(/^#/, "").toUpperCase();
  if (/^[0-9A-F]{6}$/.test(c)) return "FF" + c;
  if (/^[0-9A-F]{8}$/.test(c)) return c;
  throw new WorkbookSpecError(`bad colour: ${colour}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Shared strings

class SharedStrings {
  readonly list: string[] = [];
  private readonly ids = new Map<string, number>();
  count = 0;

  id(s: string): number {
    this.count++;
    const known = this.ids.get(s);
    if (known !== undefined) return known;
    this.list.push(s);
    this.ids.set(s, this.list.length - 1);
    return this.list.length - 1;
  }

  xml(): string {
    const items = this.list.map((s) => {
      const space = /^\s|\s$|\n/.test(s) ? ' xml:space="preserve"' : "";
      return `<si><t${space}>${escapeText(s)}</t></si>`;
    });
    return (
      XML_HEAD +
      `<sst xmlns="${MAIN_NS}" count="${this.count}" uniqueCount="${this.list.length}">${items.join("")}</sst>`
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Worksheet

function numberText(n: number): string {
  if (!Number.isFinite(n)) throw new WorkbookSpecError(`not a finite number: ${n}`);
  // Shortest round-trip form; JavaScript's exponent form ("1e-7") is valid xsd:double.
  return String(n);
}

function sheetXml(sheet: SheetSpec, styles: StyleTable, strings: SharedStrings): string {
  // Cells grouped by row, each row's cells in column order; a later spec of the same cell wins.
  const rows = new Map<number, Map<number, CellSpec>>();
  let maxCol = 0;
  let maxRow = 1;
  for (const cell of sheet.cells) {
    const { col, row } = parseRef(cell.ref);
    let r = rows.get(row);
    if (!r) rows.set(row, (r = new Map()));
    r.set(col, cell);
    maxCol = Math.max(maxCol, col);
    maxRow = Math.max(maxRow, row);
  }
  for (const m of sheet.merges ?? []) {
    for (const end of m.split(":")) {
      const { col, row } = parseRef(end);
      maxCol = Math.max(maxCol, col);
      maxRow = Math.max(maxRow, row);
    }
  }

  const out: string[] = [];
  out.push(XML_HEAD, `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`);
  const fit = sheet.print ? sheet.print.fitToWidth !== false : false;
  if (fit) out.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  out.push(`<dimension ref="A1:${columnLetters(maxCol)}${maxRow}"/>`);
  if (sheet.freezeRows && sheet.freezeRows > 0) {
    const top = `A${sheet.freezeRows + 1}`;
    out.push(
      `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${sheet.freezeRows}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/>` +
        `<selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/></sheetView></sheetViews>`
    );
  } else {
    out.push('<sheetViews><sheetView workbookViewId="0"/></sheetViews>');
  }
  out.push('<sheetFormatPr defaultRowHeight="14.25"/>');

  const widths = sheet.columnWidths ?? [];
  const cols: string[] = [];
  widths.forEach((w, i) => {
    if (w !== undefined && w > 0)
      cols.push(`<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`);
  });
  if (cols.length) out.push(`<cols>${cols.join("")}</cols>`);

  out.push("<sheetData>");
  const heights = sheet.rowHeights ?? {};
  const rowNumbers = new Set<number>([...rows.keys(), ...Object.keys(heights).map(Number)]);
  for (const rn of [...rowNumbers].sort((a, b) => a - b)) {
    const h = heights[rn];
    const rowCells = rows.get(rn);
    const cellXml: string[] = [];
    if (rowCells) {
      for (const col of [...rowCells.keys()].sort((a, b) => a - b)) {
        cellXml.push(cellToXml(`${columnLetters(col)}${rn}`, rowCells.get(col)!, styles, strings));
      }
    }
    const hAttr = h ? ` ht="${h}" customHeight="1"` : "";
    out.push(`<row r="${rn}"${hAttr}>${cellXml.join("")}</row>`);
  }
  out.push("</sheetData>");

  const merges = sheet.merges ?? [];
  if (merges.length) {
    out.push(`<mergeCells count="${merges.length}">`);
    for (const m of merges) {
      const [a, b] = m.split(":");
      if (!b) throw new WorkbookSpecError(`bad merge range: ${m}`);
      parseRef(a);
      parseRef(b);
      out.push(`<mergeCell ref="${m.toUpperCase()}"/>`);
    }
    out.push("</mergeCells>");
  }

  const validations = sheet.validations ?? [];
  if (validations.length) {
    out.push(`<dataValidations count="${validations.length}">`);
    for (const v of validations) out.push(validationXml(v));
    out.push("</dataValidations>");
  }

  if (sheet.print) {
    out.push('<printOptions horizontalCentered="1"/>');
    out.push(
      '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
    );
    const orientation = sheet.print.landscape === false ? "portrait" : "landscape";
    // paperSize 9 = A4. fitToHeight 0 = as many pages down as needed.
    out.push(
      `<pageSetup paperSize="9" orientation="${orientation}"${fit ? ' fitToWidth="1" fitToHeight="0"' : ""}/>`
    );
  } else {
    out.push(
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
    );
  }
  out.push("</worksheet>");
  return out.join("");
}

function cellToXml(
  ref: string,
  cell: CellSpec,
  styles: StyleTable,
  strings: SharedStrings
): string {
  const s = styles.index(cell.style);
  const sAttr = s ? ` s="${s}"` : "";
  const v = cell.value;
  if (v === null || v === undefined || v === "") return `<c r="${ref}"${sAttr}/>`;
  if (typeof v === "number") return `<c r="${ref}"${sAttr}><v>${numberText(v)}</v></c>`;
  if (typeof v === "boolean") return `<c r="${ref}"${sAttr} t="b"><v>${v ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${sAttr} t="s"><v>${strings.id(v)}</v></c>`;
}

function validationXml(v: ValidationSpec): string {
  const attrs: string[] = [`type="${v.type}"`];
  if (v.type !== "list")
    attrs.push(v.max === undefined ? 'operator="greaterThanOrEqual"' : 'operator="between"');
  attrs.push(`allowBlank="${v.allowBlank === false ? 0 : 1}"`);
  if (v.type === "list") attrs.push('showDropDown="0"');
  attrs.push('showInputMessage="1"', 'showErrorMessage="1"');
  if (v.errorStyle === "warning") attrs.push('errorStyle="warning"');
  if (v.error) attrs.push('errorTitle="junheng"', `error="${escapeAttr(v.error)}"`);
  if (v.prompt) attrs.push(`prompt="${escapeAttr(v.prompt)}"`);
  attrs.push(`sqref="${escapeAttr(v.range.toUpperCase())}"`);
  let formulas: string;
  if (v.type === "list") {
    const items = v.list ?? [];
    if (items.some((i) => i.includes(",") || i.includes('"')))
      throw new WorkbookSpecError("list validation values may not contain a comma or a quote");
    formulas = `<formula1>${escapeText(`"${items.join(",")}"`)}</formula1>`;
  } else {
    formulas = `<formula1>${numberText(v.min ?? 0)}</formula1>`;
    if (v.max !== undefined) formulas += `<formula2>${numberText(v.max)}</formula2>`;
  }
  return `<dataValidation ${attrs.join(" ")}>${formulas}</dataValidation>`;
}

// ---------------------------------------------------------------------------------------------------------------
// Package

/** Excel's sheet-name rules: 1–31 characters, none of : \ / ? * [ ], not starting or ending with an apostrophe. */
function checkSheetNames(sheets: SheetSpec[]): void {
  if (!sheets.length) throw new WorkbookSpecError("a workbook needs at least one sheet");
  const seen = new Set<string>();
  for (const s of sheets) {
    if (!s.name || s.name.length > 31 || /[:\\/?*[\]]/.test(s.name) || /^'|'$/.test(s.name))
      throw new WorkbookSpecError(`invalid sheet name: ${s.name}`);
    const key = s.name.toLowerCase();
    if (seen.has(key)) throw new WorkbookSpecError(`duplicate sheet name: ${s.name}`);
    seen.add(key);
  }
}

function workbookXml(sheets: SheetSpec[]): string {
  const sheetEls = sheets
    .map((s, i) => `<sheet name="${escapeAttr(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join("");
  const names: string[] = [];
  sheets.forEach((s, i) => {
    if (s.print?.area)
      names.push(
        `<definedName name="_xlnm.Print_Area" localSheetId="${i}">${escapeText(
          `${quoteSheet(s.name)}!${absoluteRange(s.print.area)}`
        )}</definedName>`
      );
    if (s.print?.titleRows) {
      const [a, b] = s.print.titleRows;
      names.push(
        `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeText(
          `${quoteSheet(s.name)}!$${a}:$${b}`
        )}</definedName>`
      );
    }
  });
  return (
    XML_HEAD +
    `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews>' +
    `<sheets>${sheetEls}</sheets>` +
    (names.length ? `<definedNames>${names.join("")}</definedNames>` : "") +
    '<calcPr calcId="191029"/>' +
    "</workbook>"
  );
}

/** Writes the workbook; the result is a complete .xlsx package. */
export function writeNewWorkbook(spec: WorkbookSpec): Uint8Array {
  checkSheetNames(spec.sheets);
  const styles = new StyleTable();
  const strings = new SharedStrings();
  const enc = new TextEncoder();
  const files: Zippable = {};
  const n = spec.sheets.length;

  const sheetParts = spec.sheets.map((s) => sheetXml(s, styles, strings));

  const overrides = [
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
    ...sheetParts.map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
    ),
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>',
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>',
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>',
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>',
  ];
  files["[Content_Types].xml"] = enc.encode(
    XML_HEAD +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      overrides.join("") +
      "</Types>"
  );
  files["_rels/.rels"] = enc.encode(
    XML_HEAD +
      `<Relationships xmlns="${PKG_REL_NS}">` +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
      '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>' +
      "</Relationships>"
  );
  const creator = escapeText(spec.creator ?? "junheng");
  files["docProps/core.xml"] = enc.encode(
    XML_HEAD +
      '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
      'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      `<dc:creator>${creator}</dc:creator></cp:coreProperties>`
  );
  files["docProps/app.xml"] = enc.encode(
    XML_HEAD +
      '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">' +
      "<Application>junheng</Application></Properties>"
  );
  files["xl/workbook.xml"] = enc.encode(workbookXml(spec.sheets));
  files["xl/_rels/workbook.xml.rels"] = enc.encode(
    XML_HEAD +
      `<Relationships xmlns="${PKG_REL_NS}">` +
      sheetParts
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
        )
        .join("") +
      `<Relationship Id="rId${n + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId${n + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` +
      "</Relationships>"
  );
  sheetParts.forEach((xml, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = enc.encode(xml)));
  files["xl/styles.xml"] = enc.encode(styles.xml());
  files["xl/sharedStrings.xml"] = enc.encode(strings.xml());
  return zipSync(files, { level: 6 });
}
