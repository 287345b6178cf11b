/**
 * junheng's record in a marked copy (docs/xlsx-writer.md 「A marked copy marked again」): which style indexes in
 * xl/styles.xml are junheng's clones of a cell's style, and which index each was cloned from. With it, a marked
 * copy marked again gives every cell what marking the original would give: a cell no longer marked gets its
 * original style back, a cell still marked is marked from its original style, and no clone is cloned again.
 *
 * It is a custom XML data part (customXml/itemN.xml with its itemProps part and a relationship from the workbook),
 * the kind of part Excel and LibreOffice keep when they save a workbook and otherwise ignore. Its namespace is not
 * the Excel pane's (src/host/excel/markState.ts), so neither reads the other's record.
 */
import type { MarkKind } from "../../present/marks";
import type { CloneEntry } from "./styles";
import { childElements, escapeAttr, parseAttrs, rootTag } from "./xml";

export const XLSX_MARKS_NAMESPACE = "urn:junheng:xlsx-marks:1";

/** The datastore item id of the record part (one per package; a fixed id keeps the writer deterministic). */
export const RECORD_ITEM_ID = "{6A756E68-656E-4A48-9D2E-786C73780001}";

export const CUSTOM_XML_REL =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml";
export const CUSTOM_XML_PROPS_REL =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps";
export const CUSTOM_XML_PROPS_CT =
  "application/vnd.openxmlformats-officedocument.customXmlProperties+xml";

export interface MarkRecord {
  /** Number of <xf> in cellXfs when the copy was written. */
  cellXfs: number;
  clones: CloneEntry[];
}

const KINDS: readonly MarkKind[] = ["standard", "data"];

/** Is this custom XML part junheng's record? (Cheap: the namespace must appear in the root tag.) */
export function isRecordXml(xml: string): boolean {
  const root = rootTag(xml);
  return (
    !!root &&
    root.name === "marks" &&
    parseAttrs(xml.slice(root.start, root.end)).get("xmlns") === XLSX_MARKS_NAMESPACE
  );
}

/** The record in a part's text; null when the part is not a readable record. */
export function parseRecord(xml: string): MarkRecord | null {
  if (!isRecordXml(xml)) return null;
  const root = rootTag(xml)!;
  const cellXfs = Number(parseAttrs(xml.slice(root.start, root.end)).get("cellXfs"));
  const clones: CloneEntry[] = [];
  for (const c of childElements(xml, root)) {
    if (c.name !== "clone") continue;
    const a = parseAttrs(xml.slice(c.open.start, c.open.end));
    const kind = a.get("kind") as MarkKind;
    const clone = Number(a.get("xf"));
    const original = Number(a.get("original"));
    if (!KINDS.includes(kind) || !Number.isInteger(clone) || !Number.isInteger(original))
      return null;
    clones.push({ clone, original, kind });
  }
  return { cellXfs: Number.isInteger(cellXfs) ? cellXfs : 0, clones };
}

export function recordXml(r: MarkRecord): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<marks xmlns="${XLSX_MARKS_NAMESPACE}" cellXfs="${r.cellXfs}">` +
    r.clones
      .map((c) => `<clone xf="${c.clone}" original="${c.original}" kind="${escapeAttr(c.kind)}"/>`)
      .join("") +
    "</marks>"
  );
}

export function recordPropsXml(): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' +
    `<ds:datastoreItem ds:itemID="${RECORD_ITEM_ID}" ` +
    'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">' +
    `<ds:schemaRefs><ds:schemaRef ds:uri="${XLSX_MARKS_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`
  );
}

export function recordRelsXml(propsTarget: string, type = CUSTOM_XML_PROPS_REL): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    `<Relationship Id="rId1" Type="${escapeAttr(type)}" Target="${escapeAttr(propsTarget)}"/>` +
    "</Relationships>"
  );
}

/** Custom XML item parts of a package (customXml/item1.xml, …; not their itemProps). */
export function isCustomXmlItem(name: string): boolean {
  return /^\/?customXml\/item\d*\.xml$/i.test(name);
}
