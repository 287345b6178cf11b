/** Test helpers: build input workbooks (exceljs or by hand), open packages, compare parts. */
import ExcelJS from "exceljs";
import { strToU8, strFromU8, unzipSync, zipSync } from "fflate";
import { SaxesParser } from "saxes";

/** Worksheet members exceljs has at runtime but not in its typings. */
export interface WorksheetExtras {
  dataValidations: {
    add(ref: string, v: ExcelJS.DataValidation): void;
    model: Record<string, unknown>;
  };
  conditionalFormattings: unknown[];
}

export function extras(ws: ExcelJS.Worksheet): WorksheetExtras {
  return ws as unknown as WorksheetExtras;
}

export async function toBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

export async function openWithExcelJs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // exceljs' typings want a Node Buffer.
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

export function unzip(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

export function partText(bytes: Uint8Array, name: string): string {
  const f = unzipSync(bytes, { filter: (x) => x.name === name })[name];
  if (!f) throw new Error(`no part ${name}`);
  return strFromU8(f);
}

/** Re-zips a package with some parts replaced / added (string values are UTF-8 encoded) or removed (null). */
export function editPackage(
  bytes: Uint8Array,
  edits: Record<string, string | Uint8Array | null>
): Uint8Array {
  const files: Record<string, Uint8Array> = unzipSync(bytes);
  for (const [k, v] of Object.entries(edits)) {
    if (v === null) delete files[k];
    else files[k] = typeof v === "string" ? strToU8(v) : v;
  }
  return zipSync(files);
}

/** Throws if `xml` is not well-formed (namespace-aware). */
export function assertWellFormed(xml: string, label = "xml"): void {
  const p = new SaxesParser({ xmlns: true });
  p.on("error", (e) => {
    throw new Error(`${label}: ${e.message}`);
  });
  p.write(xml).close();
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface HandSheet {
  name: string;
  /** Full worksheet XML. */
  xml: string;
}

/**
 * A minimal hand-written package (no exceljs), for XML shapes exceljs never writes: namespace prefixes, cells
 * without r, phonetic runs, inline strings, t="d"…
 */
export function handPackage(opts: {
  sheets: HandSheet[];
  sharedStrings?: string;
  styles?: string | null;
  chartsheets?: string[];
  extra?: Record<string, string>;
  /** Attributes of a <workbookPr/> before <sheets> ('date1904="1"'). */
  workbookPr?: string;
  /** Attributes of a <calcPr/> after <sheets> ('fullCalcOnLoad="1"'). */
  calcPr?: string;
}): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const overrides: string[] = [];
  const wbRels: string[] = [];
  const sheetEls: string[] = [];
  let n = 0;
  opts.sheets.forEach((s, i) => {
    n++;
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(s.xml);
    overrides.push(
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
    );
    wbRels.push(
      `<Relationship Id="rId${n}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
    );
    sheetEls.push(`<sheet name="${s.name}" sheetId="${n}" r:id="rId${n}"/>`);
  });
  (opts.chartsheets ?? []).forEach((name, i) => {
    n++;
    files[`xl/chartsheets/sheet${i + 1}.xml`] = strToU8(
      `<?xml version="1.0"?><chartsheet xmlns="${MAIN}"/>`
    );
    overrides.push(
      `<Override PartName="/xl/chartsheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"/>`
    );
    wbRels.push(
      `<Relationship Id="rId${n}" Type="${REL}/chartsheet" Target="chartsheets/sheet${i + 1}.xml"/>`
    );
    sheetEls.push(`<sheet name="${name}" sheetId="${n}" r:id="rId${n}"/>`);
  });
  if (opts.sharedStrings !== undefined) {
    n++;
    files["xl/sharedStrings.xml"] = strToU8(opts.sharedStrings);
    overrides.push(
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    );
    wbRels.push(
      `<Relationship Id="rId${n}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`
    );
  }
  if (opts.styles !== null) {
    n++;
    files["xl/styles.xml"] = strToU8(
      opts.styles ??
        `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
          '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
          '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
          '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>'
    );
    overrides.push(
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    );
    wbRels.push(`<Relationship Id="rId${n}" Type="${REL}/styles" Target="styles.xml"/>`);
  }
  files["[Content_Types].xml"] = strToU8(
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      overrides.join("") +
      "</Types>"
  );
  files["_rels/.rels"] = strToU8(
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
  );
  files["xl/workbook.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}">` +
      (opts.workbookPr !== undefined ? `<workbookPr ${opts.workbookPr}/>` : "") +
      `<sheets>${sheetEls.join("")}</sheets>` +
      (opts.calcPr !== undefined ? `<calcPr ${opts.calcPr}/>` : "") +
      "</workbook>"
  );
  files["xl/_rels/workbook.xml.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${wbRels.join("")}</Relationships>`
  );
  for (const [k, v] of Object.entries(opts.extra ?? {})) files[k] = strToU8(v);
  return zipSync(files);
}

export const NS = { MAIN, REL };

/** Worksheet XML around some sheetData content. */
export function sheetXml(sheetData: string, after = "", prefix = ""): string {
  const p = prefix ? `${prefix}:` : "";
  const decl = prefix ? `xmlns:${prefix}="${MAIN}"` : `xmlns="${MAIN}"`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><${p}worksheet ${decl} xmlns:r="${REL}"><${p}sheetData>${sheetData}</${p}sheetData>${after}</${p}worksheet>`;
}
