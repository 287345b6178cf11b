/**
 * What a file is, from its bytes (the extension is only a tie-breaker: web systems save HTML as ".xls", and .et is an
 * .xls). Decides which reader gets the file: junheng's own .xlsx reader, or the legacy adapter over @e965/xlsx.
 */
import { ZipArchive } from "../xlsx/zip";

export type SpreadsheetFormat =
  /** Office Open XML (.xlsx, .xlsm): junheng's own reader. */
  | "xlsx"
  /** BIFF in an OLE compound file (.xls from Excel 97–2003, WPS .et). */
  | "xls"
  /** A password-protected OOXML workbook (Excel encrypts into an OLE file with an EncryptedPackage stream). */
  | "encrypted"
  /** Excel binary workbook (a zip holding xl/workbook.bin). */
  | "xlsb"
  /** OpenDocument spreadsheet (LibreOffice, WPS can save it). */
  | "ods"
  /** An HTML table (what many web systems download as ".xls"). */
  | "html"
  /** XML Spreadsheet 2003 (SpreadsheetML, also often named ".xls"). */
  | "xml2003"
  /** Delimited text. */
  | "csv"
  /** A zip that is neither OOXML nor ODF (a .docx, a folder of files, …). */
  | "other-zip"
  /** Nothing junheng reads (a PDF, an image, binary noise). */
  | "unknown";

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** "EncryptedPackage" as the UTF-16LE name of an OLE directory entry. */
const ENCRYPTED_PACKAGE = (() => {
  const s = "EncryptedPackage";
  const b = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) b[2 * i] = s.charCodeAt(i);
  return b;
})();

function contains(hay: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0];
  outer: for (
    let i = hay.indexOf(first);
    i >= 0 && i + needle.length <= hay.length;
    i = hay.indexOf(first, i + 1)
  ) {
    for (let k = 1; k < needle.length; k++) if (hay[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

/** The first bytes as Latin-1 text, lower-cased (enough to find ASCII markup). */
function head(bytes: Uint8Array, n: number): string {
  let s = "";
  for (let i = 0; i < Math.min(n, bytes.length); i++) s += String.fromCharCode(bytes[i]);
  return s.toLowerCase();
}

/** True when the bytes look like text (no NUL in the first 4 KB, after a UTF-16 BOM check). */
function looksLikeText(bytes: Uint8Array): boolean {
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  )
    return true;
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return false;
  return true;
}

export function sniffFormat(bytes: Uint8Array, fileName = ""): SpreadsheetFormat {
  const ext = fileName.toLowerCase().replace(/^.*(\.[^./\\]+)$/, "$1");
  if (bytes.length >= 8 && OLE.every((b, i) => bytes[i] === b))
    return contains(bytes.subarray(0, Math.min(bytes.length, 1 << 20)), ENCRYPTED_PACKAGE)
      ? "encrypted"
      : "xls";
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b) {
    let names: readonly string[];
    try {
      names = new ZipArchive(bytes).names; // the directory only: nothing is inflated
    } catch {
      return "xlsx"; // a damaged zip: the .xlsx reader says so in its words
    }
    const lower = new Set(names.map((n) => n.toLowerCase()));
    if (lower.has("xl/workbook.bin")) return "xlsb";
    if (lower.has("content.xml") && (lower.has("mimetype") || lower.has("meta-inf/manifest.xml")))
      return "ods";
    if (lower.has("[content_types].xml") || lower.has("_rels/.rels")) return "xlsx";
    return names.length === 0 ? "xlsx" : "other-zip";
  }
  if (!looksLikeText(bytes)) return "unknown";
  const h = head(bytes, 4096)
    .replace(/^\ufeff|^\xef\xbb\xbf/, "")
    .trimStart();
  if (h.includes("urn:schemas-microsoft-com:office:spreadsheet") && h.includes("<workbook"))
    return "xml2003";
  if (/<(html|table|!doctype html)[\s>]/.test(h)) return "html";
  if (h.startsWith("<?xml") || h.startsWith("<")) return ext === ".csv" ? "csv" : "unknown";
  return "csv";
}

/**
 * Text of a CSV or HTML file: a BOM wins; then strict UTF-8; then an HTML <meta charset>; then GB18030 (a superset of
 * GBK and GB2312, what Excel and WPS in a Chinese locale save as "CSV"). Node 20 and browsers have the decoder.
 */
export function decodeTextFile(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    /* not UTF-8 */
  }
  const meta = /<meta[^>]+charset\s*=\s*["']?([a-z0-9_-]+)/.exec(head(bytes, 4096));
  if (meta) {
    try {
      return { text: new TextDecoder(meta[1]).decode(bytes), encoding: meta[1] };
    } catch {
      /* unknown label */
    }
  }
  return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030" };
}
