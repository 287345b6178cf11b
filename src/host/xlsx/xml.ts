/**
 * Small, allocation-light XML helpers for OOXML parts.
 *
 * Why not a DOM or SAX parser: the reader must scan ~10 MB of cell XML in well under a second, and the writer must
 * edit parts *in place* (string splices) so that every byte it does not need to change survives. Both need
 * positions in the original text, which DOM parsers do not give. OOXML parts are machine-written and well-formed, so
 * a scanner that understands tags, quoted attributes, comments, CDATA and processing instructions is enough.
 */

/** One tag found by {@link nextTag}. Positions are indexes into the scanned string. */
export interface Tag {
  /** Local name (namespace prefix removed). */
  name: string;
  /** Name as written, with its prefix ("x:c"). */
  qname: string;
  /** Index of "<". */
  start: number;
  /** Index just after ">". */
  end: number;
  kind: "open" | "close" | "empty";
}

/**
 * Index of the ">" closing the tag that starts at `lt`, skipping quoted attribute values (XML allows a raw ">" in
 * them, e.g. a data validation prompt). Returns -1 when the tag is not closed.
 */
export function tagClose(xml: string, lt: number): number {
  const n = xml.length;
  for (let i = lt + 1; i < n; i++) {
    const ch = xml.charCodeAt(i);
    if (ch === 62 /* > */) return i;
    if (ch === 34 /* " */ || ch === 39 /* ' */) {
      const q = xml.indexOf(ch === 34 ? '"' : "'", i + 1);
      if (q < 0) return -1;
      i = q;
    }
  }
  return -1;
}

/**
 * The next element tag at or after `from` (before `limit`), skipping comments, CDATA, processing instructions and
 * DOCTYPE. Text content is skipped implicitly: it cannot contain a raw "<".
 */
export function nextTag(xml: string, from: number, limit = xml.length): Tag | null {
  let i = from;
  for (;;) {
    i = xml.indexOf("<", i);
    if (i < 0 || i >= limit) return null;
    const c1 = xml.charCodeAt(i + 1);
    if (c1 === 33 /* ! */) {
      if (xml.startsWith("<!--", i)) {
        const e = xml.indexOf("-->", i + 4);
        if (e < 0) return null;
        i = e + 3;
      } else if (xml.startsWith("<![CDATA[", i)) {
        const e = xml.indexOf("]]>", i + 9);
        if (e < 0) return null;
        i = e + 3;
      } else {
        const e = tagClose(xml, i);
        if (e < 0) return null;
        i = e + 1;
      }
      continue;
    }
    if (c1 === 63 /* ? */) {
      const e = xml.indexOf("?>", i + 2);
      if (e < 0) return null;
      i = e + 2;
      continue;
    }
    const close = c1 === 47; /* / */
    const nameStart = close ? i + 2 : i + 1;
    let j = nameStart;
    for (; j < xml.length; j++) {
      const ch = xml.charCodeAt(j);
      // whitespace, "/", ">"
      if (ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 47 || ch === 62) break;
    }
    const qname = xml.slice(nameStart, j);
    const gt = tagClose(xml, j - 1);
    if (gt < 0) return null;
    const colon = qname.indexOf(":");
    const name = colon >= 0 ? qname.slice(colon + 1) : qname;
    const kind = close ? "close" : xml.charCodeAt(gt - 1) === 47 ? "empty" : "open";
    return { name, qname, start: i, end: gt + 1, kind };
  }
}

/** The root element's open tag (first element of the document). */
export function rootTag(xml: string): Tag | null {
  return nextTag(xml, 0);
}

/** Namespace prefix of the root element including its colon ("x:"), or "" when it uses a default namespace. */
export function rootPrefix(xml: string): string {
  const t = rootTag(xml);
  if (!t) return "";
  const colon = t.qname.indexOf(":");
  return colon >= 0 ? t.qname.slice(0, colon + 1) : "";
}

/** Attributes of a tag as written (qualified names → decoded values). */
export function tagAttrs(xml: string, tag: Tag): Map<string, string> {
  return parseAttrs(xml.slice(tag.start, tag.end));
}

/** Characters an attribute name cannot contain: whitespace, "=", "/", "<", ">". */
function isAttrNameChar(c: number): boolean {
  return !(c <= 32 || c === 61 || c === 47 || c === 60 || c === 62);
}

/**
 * Attributes of an open tag given as a string ("<c r="A1" s="2">"). A hand-written scan, linear in the tag's length
 * whatever it holds: a regular expression backtracks quadratically over a long run of name characters with no "="
 * (an 80 KB one took 95 s).
 */
export function parseAttrs(openTag: string): Map<string, string> {
  const out = new Map<string, string>();
  const n = openTag.length;
  // Skip the element name so "<x:c" is not read as an attribute.
  let i = 0;
  for (let c = openTag.charCodeAt(i); i < n && c > 32 && c !== 47 && c !== 62;)
    c = openTag.charCodeAt(++i);
  while (i < n) {
    if (!isAttrNameChar(openTag.charCodeAt(i))) {
      i++;
      continue;
    }
    const nameStart = i;
    while (i < n && isAttrNameChar(openTag.charCodeAt(i))) i++;
    const nameEnd = i;
    let j = i;
    while (j < n && openTag.charCodeAt(j) <= 32) j++;
    if (openTag.charCodeAt(j) !== 61 /* = */) continue;
    j++;
    while (j < n && openTag.charCodeAt(j) <= 32) j++;
    const q = openTag.charCodeAt(j);
    if (q !== 34 && q !== 39) continue;
    const close = openTag.indexOf(q === 34 ? '"' : "'", j + 1);
    if (close < 0) continue;
    out.set(openTag.slice(nameStart, nameEnd), decodeEntities(openTag.slice(j + 1, close)));
    i = close + 1;
  }
  return out;
}

/** Value of an attribute by local name, ignoring its prefix (for r:id / x:id and the like). */
export function attrByLocalName(
  attrs: Map<string, string>,
  local: string,
  prefixed: boolean
): string | undefined {
  for (const [k, v] of attrs) {
    const colon = k.indexOf(":");
    if (prefixed ? colon >= 0 && k.slice(colon + 1) === local : k === local) return v;
  }
  return undefined;
}

/**
 * Returns `openTag` with attribute `name` set to `value` (replaced in place when present, else appended before the
 * closing "/>" or ">"). Only the attribute changes; everything else in the tag is kept as written.
 */
export function setAttr(openTag: string, name: string, value: string): string {
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const re = new RegExp(`(\\s${esc}\\s*=\\s*)("[^"]*"|'[^']*')`);
  const v = escapeAttr(value);
  if (re.test(openTag)) return openTag.replace(re, (_m, pre: string) => `${pre}"${v}"`);
  const selfClosing = openTag.endsWith("/>");
  const cut = openTag.length - (selfClosing ? 2 : 1);
  let head = openTag.slice(0, cut);
  // Keep "<c r="A1" />" tidy: insert before trailing whitespace.
  const trimmed = head.replace(/\s+$/, "");
  const tail = head.slice(trimmed.length);
  head = trimmed;
  return `${head} ${name}="${v}"${tail}${selfClosing ? "/>" : ">"}`;
}

/**
 * Position just after the element that starts with `open` (its matching close tag, or the tag itself when empty).
 * Depth-aware for same-named nested elements. Returns -1 when unclosed.
 */
export function elementEnd(xml: string, open: Tag): number {
  if (open.kind === "empty") return open.end;
  let depth = 1;
  let i = open.end;
  for (;;) {
    const t = nextTag(xml, i);
    if (!t) return -1;
    if (t.qname === open.qname) {
      if (t.kind === "open") depth++;
      else if (t.kind === "close") {
        depth--;
        if (depth === 0) return t.end;
      }
    }
    i = t.end;
  }
}

/** A child element of some element: its open tag and the range of the whole element. */
export interface Element {
  name: string;
  qname: string;
  /** Index of "<" of the open tag. */
  start: number;
  /** Index just after the element (after its close tag). */
  end: number;
  /** The open tag. */
  open: Tag;
}

/**
 * Direct children of the element whose open tag is `parent` (or of the whole document's root when `parent` is the
 * root tag). `fastSkip` names elements whose content is skipped with a plain search for their close tag (used for
 * <sheetData>, which holds almost all of a worksheet and cannot nest).
 */
export function childElements(
  xml: string,
  parent: Tag,
  fastSkip: ReadonlySet<string> = new Set()
): Element[] {
  const out: Element[] = [];
  if (parent.kind === "empty") return out;
  let i = parent.end;
  for (;;) {
    const t = nextTag(xml, i);
    if (!t) break;
    if (t.kind === "close") break; // the parent's close tag
    let end: number;
    if (t.kind === "empty") end = t.end;
    else if (fastSkip.has(t.name)) {
      const c = xml.indexOf(`</${t.qname}>`, t.end);
      end = c < 0 ? -1 : c + t.qname.length + 3;
    } else end = elementEnd(xml, t);
    if (end < 0) break;
    out.push({ name: t.name, qname: t.qname, start: t.start, end, open: t });
    i = end;
  }
  return out;
}

/** Index of the parent's close tag, given its children (or its open tag end when it has none). */
export function closeTagStart(xml: string, parent: Tag, children: Element[]): number {
  const from = children.length ? children[children.length - 1].end : parent.end;
  const t = nextTag(xml, from);
  return t && t.kind === "close" ? t.start : -1;
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decodes XML entities (&amp; &lt; &gt; &quot; &apos; &#NN; &#xHH;). Fast path when there is no "&". */
export function decodeEntities(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (m, body: string) => {
    if (body.charCodeAt(0) === 35 /* # */) {
      const code =
        body[1] === "x" || body[1] === "X"
          ? parseInt(body.slice(2), 16)
          : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return NAMED[body] ?? m;
  });
}

/**
 * Decodes the OOXML "_xHHHH_" escape (ST_Xstring), which Excel uses for characters XML 1.0 cannot carry (e.g.
 * _x000D_ for a carriage return). "_x005F_" escapes a literal underscore that precedes such a sequence.
 */
export function decodeXstring(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) =>
    String.fromCharCode(parseInt(hex, 16))
  );
}

/** Text content of an XML text node in an OOXML string: entities, line ends, then _xHHHH_. CDATA is honoured. */
export function decodeText(raw: string): string {
  if (raw.indexOf("<![CDATA[") >= 0) {
    // Never written by Excel, but legal: CDATA content is literal (no entity decoding). One pass with indexOf, so
    // 200,000 unterminated "<![CDATA[" cost one scan (a lazy regular expression rescanned to the end from each).
    let out = "";
    let i = 0;
    for (;;) {
      const s = raw.indexOf("<![CDATA[", i);
      if (s < 0) return out + decodePlain(raw.slice(i));
      out += decodePlain(raw.slice(i, s));
      const e = raw.indexOf("]]>", s + 9);
      if (e < 0) return out + raw.slice(s + 9); // unterminated: the rest is its content
      out += raw.slice(s + 9, e);
      i = e + 3;
    }
  }
  return decodePlain(raw);
}

function decodePlain(raw: string): string {
  let s = decodeEntities(raw);
  // XML parsers normalise CR LF / lone CR to LF; literal CRs are written as _x000D_ by Excel.
  if (s.indexOf("\r") >= 0) s = s.replace(/\r\n?/g, "\n");
  return decodeXstring(s);
}

/** Escapes text for element content, including the _xHHHH_ escape for characters XML 1.0 forbids. */
export function escapeText(s: string): string {
  let out = s.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1");
  out = out.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  // Control characters other than tab/LF/CR are not allowed in XML 1.0 → _xHHHH_.
  out = out.replace(
    // eslint-disable-next-line no-control-regex
    /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g,
    (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`
  );
  // A CR would be normalised away by a reader; Excel writes it escaped.
  return out.replace(/\r/g, "_x000D_");
}

/** Escapes an attribute value (double-quoted). */
export function escapeAttr(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;")
    .replace(/\t/g, "&#9;");
}

const utf8 = new TextDecoder("utf-8");
// ignoreBOM keeps a leading BOM in the string so that re-encoding an edited part reproduces it.
const utf8KeepBom = new TextDecoder("utf-8", { ignoreBOM: true });
const encoder = new TextEncoder();

/** How a part's text was encoded, so an edited part is written back the same way. */
export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be";

function sniff(bytes: Uint8Array): TextEncoding {
  if (bytes.length >= 2) {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  }
  return "utf-8";
}

/**
 * The encoding an XML declaration names when it is not UTF-8 ("GB2312", "GBK", "GB18030", "ISO-8859-1", …) and the
 * platform can decode it; undefined otherwise. Some Chinese tools write OOXML parts in GB2312, which Excel rejects but
 * LibreOffice reads; a bureau cannot tell, so they are read too.
 */
function declaredLegacyEncoding(bytes: Uint8Array): string | undefined {
  // Only ASCII matters in a declaration; it sits in the first bytes.
  let head = "";
  for (let i = 0; i < Math.min(bytes.length, 200); i++) head += String.fromCharCode(bytes[i]);
  const m = /^(?:\uFEFF|\xEF\xBB\xBF)?<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(
    head
  );
  if (!m) return undefined;
  const label = m[1].toLowerCase();
  if (label === "utf-8" || label === "utf8" || label.startsWith("utf-16")) return undefined;
  try {
    new TextDecoder(label);
    return label;
  } catch {
    return undefined;
  }
}

/** Decodes a part for reading (BOM dropped). OOXML parts are UTF-8; UTF-16 is allowed by OPC and handled. */
export function decodeXml(bytes: Uint8Array): string {
  const enc = sniff(bytes);
  if (enc !== "utf-8") return new TextDecoder(enc).decode(bytes);
  const legacy = declaredLegacyEncoding(bytes);
  return legacy ? new TextDecoder(legacy).decode(bytes) : utf8.decode(bytes);
}

/**
 * Decodes a part for editing: keeps the BOM (if any) in the string and reports the encoding. A part declared in a
 * legacy encoding is decoded from it and its declaration rewritten to UTF-8, the encoding it is written back in.
 */
export function decodeForEdit(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const encoding = sniff(bytes);
  if (encoding === "utf-8") {
    const legacy = declaredLegacyEncoding(bytes);
    if (legacy) {
      const text = new TextDecoder(legacy).decode(bytes);
      return {
        text: text.replace(/^(\uFEFF?<\?xml[^>]*?\sencoding\s*=\s*["'])[A-Za-z0-9._-]+/, "$1UTF-8"),
        encoding,
      };
    }
  }
  const text =
    encoding === "utf-8"
      ? utf8KeepBom.decode(bytes)
      : new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
  return { text, encoding };
}

/** Encodes text written by {@link decodeForEdit} back with the same encoding (TextEncoder only does UTF-8). */
export function encodeText(text: string, encoding: TextEncoding = "utf-8"): Uint8Array {
  if (encoding === "utf-8") return encoder.encode(text);
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (encoding === "utf-16le") {
      out[2 * i] = c & 0xff;
      out[2 * i + 1] = c >> 8;
    } else {
      out[2 * i] = c >> 8;
      out[2 * i + 1] = c & 0xff;
    }
  }
  return out;
}

/**
 * `xml.indexOf(needle, from)` for a scan that only moves forward, remembering the last answer: when the needle is
 * missing from a stretch (a cell with no <v>, a <t> never closed), each later search would otherwise rescan the
 * rest of the part, and 200,000 such cells cost the square of the part's length.
 */
export class ForwardFinder {
  private from = -1;
  private found = -1;
  constructor(
    private readonly xml: string,
    private readonly needle: string
  ) {}

  /** The character code at `at` of the text searched. */
  charAfter(at: number): number {
    return this.xml.charCodeAt(at);
  }

  /** First index ≥ `from` of the needle, or -1. */
  next(from: number): number {
    if (this.from >= 0 && from >= this.from && (this.found < 0 || this.found >= from))
      return this.found;
    this.from = from;
    this.found = this.xml.indexOf(this.needle, from);
    return this.found;
  }
}
