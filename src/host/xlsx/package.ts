/**
 * The OPC package layer shared by the reader and the writer: zip access with typed errors, relationships, part
 * names and the workbook's sheet list.
 */
import { attrByLocalName, childElements, decodeXml, nextTag, parseAttrs, rootTag } from "./xml";
import {
  DuplicateEntryError,
  InflateLimitError,
  ZipArchive,
  type Crc32,
  type InflateRaw,
  type ZipEntry,
} from "./zip";

export type XlsxReadErrorCode =
  /** The bytes are not a zip archive at all. */
  | "not-a-zip"
  /** An OLE compound file: a password-protected .xlsx (Excel encrypts into OLE) or a legacy .xls. */
  | "encrypted-or-xls"
  /** A zip archive that is damaged or does not hold a readable workbook. */
  | "corrupt"
  /** A workbook without any worksheet (e.g. only chart sheets). */
  | "empty"
  /** The archive inflates beyond the cap (a zip bomb, or a cap set too low): reading stopped there. */
  | "too-large"
  /** Two entries with one part name: which one is meant cannot be known. */
  | "duplicate-entry"
  /** A cell pointing past the shared-string table: its text is lost. */
  | "bad-shared-string"
  /** A cell or row beyond Excel's grid (XFD1048576). */
  | "out-of-range";

/** Thrown by readXlsx / writeMarkedCopy when the input file cannot be used; `code` says why. */
export class XlsxReadError extends Error {
  readonly code: XlsxReadErrorCode;
  /** "too-large": the cap in bytes; "duplicate-entry": the entry; "bad-shared-string", "out-of-range": the cell. */
  readonly detail?: number | string;
  constructor(code: XlsxReadErrorCode, message: string, detail?: number | string) {
    super(message);
    this.name = "XlsxReadError";
    this.code = code;
    this.detail = detail;
  }
}

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Throws the right XlsxReadError when `bytes` is not a zip archive. */
export function checkSignature(bytes: Uint8Array): void {
  if (bytes.length >= 4 && OLE_SIGNATURE.slice(0, 4).every((b, i) => bytes[i] === b)) {
    throw new XlsxReadError(
      "encrypted-or-xls",
      "the file is an OLE compound document: a password-protected workbook or an old .xls file; save it as an unprotected .xlsx"
    );
  }
  // "PK\3\4" (a local file header) or "PK\5\6" (an empty archive's end record).
  const pk = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (!pk || !((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6))) {
    throw new XlsxReadError("not-a-zip", "the file is not an .xlsx workbook (not a zip archive)");
  }
}

/**
 * The archive's entries, read through its central directory: only the entries asked for are inflated (images,
 * charts and the like cost nothing). Any damage — a missing directory, a truncated entry, a stream that does not
 * inflate — is XlsxReadError("corrupt").
 */
export class PackageArchive {
  private readonly zip: ZipArchive;
  readonly names: EntryNames;

  /** @param maxInflatedBytes cap on the total inflated size (default: defaultInflateCap of the file's size) */
  constructor(
    bytes: Uint8Array,
    inflateRaw?: InflateRaw,
    maxInflatedBytes?: number,
    crc32?: Crc32
  ) {
    this.zip = damagedAsCorrupt(() => new ZipArchive(bytes, inflateRaw, maxInflatedBytes, crc32));
    this.names = new EntryNames(this.zip.names);
  }

  /** Entry names in directory order. */
  get entryNames(): readonly string[] {
    return this.zip.names;
  }

  /** The directory record and the stored (compressed) bytes of an entry, to copy it unchanged. */
  stored(name: string): { entry: ZipEntry; data: Uint8Array } | undefined {
    const entry = this.zip.entry(name);
    const data = damagedAsCorrupt(() => this.zip.stored(name));
    return entry && data ? { entry, data } : undefined;
  }

  /** The bytes of the entry `name` (exact entry name). */
  bytes(name: string): Uint8Array | undefined {
    return damagedAsCorrupt(() => this.zip.read(name));
  }

  /** The decoded text of a part (case-insensitive part name), or undefined when the archive lacks it. */
  text(part: string): string | undefined {
    const n = this.names.find(part);
    const b = n === undefined ? undefined : this.bytes(n);
    return b && decodeXml(b);
  }
}

function damagedAsCorrupt<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof XlsxReadError) throw e;
    if (e instanceof InflateLimitError) throw new XlsxReadError("too-large", e.message, e.limit);
    if (e instanceof DuplicateEntryError)
      throw new XlsxReadError("duplicate-entry", e.message, e.entry);
    throw new XlsxReadError("corrupt", `the .xlsx archive is damaged: ${(e as Error).message}`);
  }
}

/**
 * OPC part names are case-insensitive, and a few writers disagree with their own relationship targets about case.
 * Maps a part name (no leading "/") to the entry name actually in the archive.
 */
export class EntryNames {
  private readonly byLower = new Map<string, string>();
  constructor(names: Iterable<string>) {
    for (const n of names) this.byLower.set(n.toLowerCase(), n);
  }
  find(part: string): string | undefined {
    return this.byLower.get(part.replace(/^\//, "").toLowerCase());
  }
  has(part: string): boolean {
    return this.find(part) !== undefined;
  }
  add(name: string): void {
    this.byLower.set(name.toLowerCase(), name);
  }
  remove(name: string): void {
    this.byLower.delete(name.toLowerCase());
  }
}

export interface Relationship {
  id: string;
  type: string;
  /** Target as written. */
  target: string;
  external: boolean;
  /** Part name (no leading "/") for internal targets. */
  part?: string;
}

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels"; "" (the package) → "_rels/.rels". */
export function relsPathFor(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function dirOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return slash < 0 ? "" : part.slice(0, slash);
}

/** Resolves a relationship target (relative to the source part's folder, or absolute) to a part name. */
export function resolveTarget(sourcePart: string, target: string): string {
  // Targets are URIs: strip a fragment. (Excel's part names are ASCII, so percent-decoding is not needed.)
  const t = target.replace(/#.*$/, "");
  const segs = t.startsWith("/") ? [] : dirOf(sourcePart).split("/").filter(Boolean);
  for (const s of t.split("/")) {
    if (s === "" || s === ".") continue;
    if (s === "..") segs.pop();
    else segs.push(s);
  }
  return segs.join("/");
}

/** Relative target from a source part to a target part, as Excel writes them ("../comments1.xml"). */
export function relativeTarget(sourcePart: string, targetPart: string): string {
  const from = dirOf(sourcePart).split("/").filter(Boolean);
  const to = targetPart.split("/");
  let k = 0;
  while (k < from.length && k < to.length - 1 && from[k] === to[k]) k++;
  return [...from.slice(k).map(() => ".."), ...to.slice(k)].join("/");
}

/** Parses a .rels part. `sourcePart` is the part the relationships belong to ("" for the package). */
export function parseRels(xml: string, sourcePart: string): Relationship[] {
  const out: Relationship[] = [];
  let i = 0;
  for (;;) {
    const t = nextTag(xml, i);
    if (!t) break;
    i = t.end;
    if (t.kind === "close" || t.name !== "Relationship") continue;
    const a = parseAttrs(xml.slice(t.start, t.end));
    const id = a.get("Id") ?? "";
    const type = a.get("Type") ?? "";
    const target = a.get("Target") ?? "";
    const external = (a.get("TargetMode") ?? "").toLowerCase() === "external";
    out.push({
      id,
      type,
      target,
      external,
      part: external ? undefined : resolveTarget(sourcePart, target),
    });
  }
  return out;
}

/** Last path segment of a relationship type ("…/relationships/worksheet" → "worksheet"); works for Strict too. */
export function relKind(type: string): string {
  return type.slice(type.lastIndexOf("/") + 1);
}

export interface SheetEntry {
  name: string;
  sheetId: number;
  /** Relationship id in workbook.xml.rels. */
  rid: string;
  /** Part name of the sheet, when the relationship resolves. */
  part?: string;
  /** "worksheet", "chartsheet", "dialogsheet", "xlMacrosheet", … (the relationship kind). */
  kind: string;
  /** state="hidden" or "veryHidden" in workbook.xml (a tab the user does not see). */
  hidden: boolean;
}

/** The officeDocument part named in _rels/.rels, defaulting to the conventional name. */
export function workbookPartFromRootRels(rootRelsXml: string | undefined): string {
  if (rootRelsXml) {
    for (const r of parseRels(rootRelsXml, "")) {
      if (relKind(r.type) === "officeDocument" && r.part) return r.part;
    }
  }
  return "xl/workbook.xml";
}

/** The workbook's sheets in tab order, resolved through workbook.xml.rels. */
export function parseWorkbookSheets(workbookXml: string, rels: Relationship[]): SheetEntry[] {
  const root = rootTag(workbookXml);
  if (!root) return [];
  const sheetsEl = childElements(workbookXml, root).find((e) => e.name === "sheets");
  if (!sheetsEl) return [];
  const byId = new Map(rels.map((r) => [r.id, r]));
  const out: SheetEntry[] = [];
  for (const s of childElements(workbookXml, sheetsEl.open)) {
    if (s.name !== "sheet") continue;
    const a = parseAttrs(workbookXml.slice(s.open.start, s.open.end));
    // r:id — the prefix is whatever the writer bound to the relationships namespace.
    const rid = attrByLocalName(a, "id", true) ?? "";
    const rel = byId.get(rid);
    out.push({
      name: a.get("name") ?? "",
      sheetId: Number(a.get("sheetId") ?? 0),
      rid,
      part: rel?.part,
      kind: rel ? relKind(rel.type) : "unknown",
      hidden: /^(hidden|veryHidden)$/i.test(a.get("state") ?? ""),
    });
  }
  return out;
}
