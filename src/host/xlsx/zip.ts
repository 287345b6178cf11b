/**
 * Read-only access to a zip archive: the central directory is read once, and only the entries asked for are
 * inflated, by a raw-DEFLATE inflater the caller may choose. In a browser that is fflate's; the CLI passes
 * Node's zlib, which inflates a county's 4 MB worksheet about four times faster (docs/performance.md).
 *
 * Nothing the directory says about sizes is trusted (a zip bomb lies): every entry is inflated against a running
 * cap on the archive's total inflated size, so memory stays bounded whatever the directory claims.
 */
import { Inflate } from "fflate";

/**
 * Inflates raw DEFLATE data (no zlib header). `size` is the uncompressed size the directory records — a hint
 * only; `limit` is the most output allowed: past it the inflater throws InflateLimitError (or any RangeError).
 */
export type InflateRaw = (data: Uint8Array, size: number, limit: number) => Uint8Array;

/** A CRC-32 of zip (the portable one is crc32 below; Node entry points pass zlib's native one, inflateNode.ts). */
export type Crc32 = (data: Uint8Array) => number;

/** Thrown for any archive this reader cannot use; the package layer turns it into an XlsxReadError. */
export class ZipFormatError extends Error {}

/** The archive inflates to more than the cap allows (a zip bomb, or a cap set too low). */
export class InflateLimitError extends ZipFormatError {
  constructor(readonly limit: number) {
    super(`the archive inflates to more than ${limit} bytes`);
  }
}

/** Two entries of one name (compared as OPC part names, case-insensitively): which one is meant is unknowable. */
export class DuplicateEntryError extends ZipFormatError {
  constructor(readonly entry: string) {
    super(`the archive holds two entries named ${entry}`);
  }
}

/** fflate's inflater, streamed so that a lying `size` costs nothing and `limit` is enforced as output arrives. */
export const inflateRawPortable: InflateRaw = (data, size, limit) => {
  let out = new Uint8Array(Math.min(Math.max(size, 1024), limit));
  let n = 0;
  const inflater = new Inflate((chunk) => {
    if (n + chunk.length > limit) throw new InflateLimitError(limit);
    if (n + chunk.length > out.length) {
      const grown = new Uint8Array(Math.min(limit, Math.max(out.length * 2, n + chunk.length)));
      grown.set(out.subarray(0, n));
      out = grown;
    }
    out.set(chunk, n);
    n += chunk.length;
  });
  const STEP = 1 << 16;
  for (let at = 0; at < data.length; at += STEP)
    inflater.push(data.subarray(at, Math.min(data.length, at + STEP)), at + STEP >= data.length);
  if (data.length === 0) inflater.push(data, true);
  return n === out.length ? out : out.slice(0, n);
};

/** CRC-32 tables for slicing by 8 (about 1 ms per MB in V8, a quarter of the byte-at-a-time loop). */
const CRC_TABLES = (() => {
  const t: Uint32Array[] = [new Uint32Array(256)];
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[0][n] = c >>> 0;
  }
  for (let k = 1; k < 8; k++) {
    t[k] = new Uint32Array(256);
    for (let n = 0; n < 256; n++) t[k][n] = (t[k - 1][n] >>> 8) ^ t[0][t[k - 1][n] & 0xff];
  }
  return t;
})();

/** The CRC-32 of zip (ISO 3309, reflected, polynomial 0xEDB88320). */
export function crc32(data: Uint8Array): number {
  const [t0, t1, t2, t3, t4, t5, t6, t7] = CRC_TABLES;
  let c = 0xffffffff;
  let i = 0;
  for (const n8 = data.length - 7; i < n8; i += 8) {
    const a = c ^ (data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24));
    c =
      t7[a & 0xff] ^
      t6[(a >>> 8) & 0xff] ^
      t5[(a >>> 16) & 0xff] ^
      t4[a >>> 24] ^
      t3[data[i + 4]] ^
      t2[data[i + 5]] ^
      t1[data[i + 6]] ^
      t0[data[i + 7]];
  }
  for (; i < data.length; i++) c = t0[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** One part may not inflate beyond what a JavaScript string can hold once decoded (V8: 2^29 − 24 characters). */
export const MAX_ENTRY_BYTES = 500 * 2 ** 20;

/** Default cap on an archive's total inflated size: 50 × the file, at least 100 MiB, at most 1 GiB. */
export function defaultInflateCap(fileSize: number): number {
  return Math.min(2 ** 30, Math.max(100 * 2 ** 20, 50 * fileSize));
}

export interface ZipEntry {
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  /** The name as stored (bytes), so a copy writes it back exactly. */
  rawName: Uint8Array;
  /** DOS time and date as stored. */
  time: number;
  date: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;

export class ZipArchive {
  /** Entry names in directory order. */
  readonly names: string[] = [];
  private readonly entries = new Map<string, ZipEntry>();
  private readonly view: DataView;
  /** Bytes inflated so far, against `cap`. */
  private inflated = 0;
  readonly cap: number;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly inflate: InflateRaw = inflateRawPortable,
    cap?: number,
    private readonly crc: Crc32 = crc32
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.cap = cap ?? defaultInflateCap(bytes.length);
    this.readDirectory();
  }

  /** The directory record of an entry (sizes as claimed, not verified). */
  entry(name: string): ZipEntry | undefined {
    return this.entries.get(name);
  }

  /** The stored (still compressed) bytes of an entry, for copying it into another archive unchanged. */
  stored(name: string): Uint8Array | undefined {
    const e = this.entries.get(name);
    return e && this.storedData(name, e);
  }

  private storedData(name: string, e: ZipEntry): Uint8Array {
    const at = e.localOffset;
    if (this.u32(at) !== LOCAL) throw new ZipFormatError(`entry ${name} has no local header`);
    const start = at + 30 + this.u16(at + 26) + this.u16(at + 28);
    const end = start + e.compressedSize;
    if (end > this.bytes.length) throw new ZipFormatError(`entry ${name} is truncated`);
    return this.bytes.subarray(start, end);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The uncompressed bytes of an entry, or undefined when the archive has none of that name. */
  read(name: string): Uint8Array | undefined {
    const e = this.entries.get(name);
    if (!e) return undefined;
    if (e.flags & 1) throw new ZipFormatError(`entry ${name} is encrypted`);
    const data = this.storedData(name, e);
    const remaining = this.cap - this.inflated;
    const limit = Math.min(remaining, MAX_ENTRY_BYTES);
    // The limit that stops this entry, as the user would read it: the part cap when it is the tighter one.
    const hit = remaining > MAX_ENTRY_BYTES ? MAX_ENTRY_BYTES : this.cap;
    let out: Uint8Array;
    if (e.method === 0) {
      if (data.length > limit) throw new InflateLimitError(hit);
      out = data.slice();
    } else if (e.method !== 8) {
      throw new ZipFormatError(`entry ${name} uses compression method ${e.method}`);
    } else {
      try {
        out = this.inflate(data, Math.min(e.size, limit), limit);
      } catch (err) {
        // zlib's maxOutputLength throws a RangeError (ERR_BUFFER_TOO_LARGE); compared by name, since an error from
        // Node's internals may come from another realm (a test's vm context) than this module's RangeError.
        if (err instanceof InflateLimitError || (err as Error).name === "RangeError")
          throw new InflateLimitError(hit);
        throw new ZipFormatError(`entry ${name} does not inflate: ${(err as Error).message}`);
      }
      if (out.length > limit) throw new InflateLimitError(hit);
    }
    // A damaged entry can still inflate (a stored one always does) to well-formed XML with another digit in it:
    // only the CRC tells. The directory's CRC is the true one even when the entry has a data descriptor.
    if (this.crc(out) !== e.crc) throw new ZipFormatError(`entry ${name} fails its CRC check`);
    this.inflated += out.length;
    return out;
  }

  private u16(at: number): number {
    if (at < 0 || at + 2 > this.bytes.length) throw new ZipFormatError("unexpected end of archive");
    return this.view.getUint16(at, true);
  }

  private u32(at: number): number {
    if (at < 0 || at + 4 > this.bytes.length) throw new ZipFormatError("unexpected end of archive");
    return this.view.getUint32(at, true);
  }

  private u64(at: number): number {
    const v = this.u32(at) + this.u32(at + 4) * 2 ** 32;
    if (!Number.isSafeInteger(v)) throw new ZipFormatError("zip64 field out of range");
    return v;
  }

  private readDirectory(): void {
    const len = this.bytes.length;
    // The end record is the last 22 bytes plus a comment of at most 65,535.
    let eocd = -1;
    for (let at = len - 22; at >= Math.max(0, len - 22 - MAX16); at--) {
      if (this.view.getUint32(at, true) === EOCD) {
        eocd = at;
        break;
      }
    }
    if (eocd < 0) throw new ZipFormatError("no end of central directory record");
    let count = this.u16(eocd + 10);
    let offset = this.u32(eocd + 16);
    if (count === MAX16 || offset === MAX32) {
      const loc = eocd - 20;
      if (loc < 0 || this.u32(loc) !== ZIP64_LOCATOR)
        throw new ZipFormatError("zip64 locator missing");
      const rec = this.u64(loc + 8);
      if (this.u32(rec) !== ZIP64_EOCD) throw new ZipFormatError("zip64 end record missing");
      count = this.u64(rec + 32);
      offset = this.u64(rec + 48);
    }
    let at = offset;
    const lowerNames = new Set<string>();
    // Each directory record takes at least 46 bytes: a count beyond that is a lie, not a reason to loop.
    if (count > len / 46) throw new ZipFormatError("damaged central directory");
    for (let i = 0; i < count; i++) {
      if (this.u32(at) !== CENTRAL) throw new ZipFormatError("damaged central directory");
      const flags = this.u16(at + 8);
      const nameLen = this.u16(at + 28);
      const extraLen = this.u16(at + 30);
      const commentLen = this.u16(at + 32);
      const nameEnd = at + 46 + nameLen;
      if (nameEnd > len) throw new ZipFormatError("damaged central directory");
      const rawName = this.bytes.subarray(at + 46, nameEnd);
      const entry: ZipEntry = {
        flags,
        method: this.u16(at + 10),
        time: this.u16(at + 12),
        date: this.u16(at + 14),
        crc: this.u32(at + 16),
        compressedSize: this.u32(at + 20),
        size: this.u32(at + 24),
        localOffset: this.u32(at + 42),
        rawName,
      };
      if (entry.size === MAX32 || entry.compressedSize === MAX32 || entry.localOffset === MAX32)
        this.readZip64Extra(entry, nameEnd, nameEnd + extraLen);
      const name = decodeName(rawName, (flags & 0x800) !== 0);
      // Part names are case-insensitive (OPC); folder entries ("xl/") carry no data and may repeat harmlessly.
      const key = name.toLowerCase();
      if (!name.endsWith("/")) {
        if (lowerNames.has(key)) throw new DuplicateEntryError(name);
        lowerNames.add(key);
      }
      if (!this.entries.has(name)) this.names.push(name);
      this.entries.set(name, entry);
      at = nameEnd + extraLen + commentLen;
    }
  }

  /** The zip64 extended-information field holds, in this order, only the values the directory maxed out. */
  private readZip64Extra(entry: ZipEntry, from: number, to: number): void {
    for (let at = from; at + 4 <= to;) {
      const id = this.u16(at);
      const size = this.u16(at + 2);
      if (id === 1) {
        let p = at + 4;
        if (entry.size === MAX32) {
          entry.size = this.u64(p);
          p += 8;
        }
        if (entry.compressedSize === MAX32) {
          entry.compressedSize = this.u64(p);
          p += 8;
        }
        if (entry.localOffset === MAX32) entry.localOffset = this.u64(p);
        return;
      }
      at += 4 + size;
    }
    throw new ZipFormatError("zip64 sizes missing");
  }
}

/** Entry names are UTF-8 when flagged (bit 11), else taken byte for byte, as fflate does. */
function decodeName(b: Uint8Array, utf8: boolean): string {
  if (utf8) return new TextDecoder().decode(b);
  let s = "";
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]);
  return s;
}
