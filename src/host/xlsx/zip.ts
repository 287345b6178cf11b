/**
 * Read-only access to a zip archive: the central directory is read once, and only the entries asked for are
 * inflated, by a raw-DEFLATE inflater the caller may choose. In a browser that is fflate's; the CLI passes
 * Node's zlib, which inflates a county's 4 MB worksheet about four times faster (docs/performance.md).
 */
import { inflateSync } from "fflate";

/** Inflates raw DEFLATE data (no zlib header); `size` is the uncompressed size the directory records. */
export type InflateRaw = (data: Uint8Array, size: number) => Uint8Array;

/** fflate's inflater: pure JavaScript, so it runs wherever the reader runs. */
export const inflateRawPortable: InflateRaw = (data, size) =>
  inflateSync(data, { out: new Uint8Array(size) });

interface ZipEntry {
  flags: number;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** Thrown for any archive this reader cannot use; the package layer turns it into an XlsxReadError. */
export class ZipFormatError extends Error {}

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

  constructor(
    private readonly bytes: Uint8Array,
    private readonly inflate: InflateRaw = inflateRawPortable
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.readDirectory();
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The uncompressed bytes of an entry, or undefined when the archive has none of that name. */
  read(name: string): Uint8Array | undefined {
    const e = this.entries.get(name);
    if (!e) return undefined;
    if (e.flags & 1) throw new ZipFormatError(`entry ${name} is encrypted`);
    const at = e.localOffset;
    if (this.u32(at) !== LOCAL) throw new ZipFormatError(`entry ${name} has no local header`);
    const start = at + 30 + this.u16(at + 26) + this.u16(at + 28);
    const end = start + e.compressedSize;
    if (end > this.bytes.length) throw new ZipFormatError(`entry ${name} is truncated`);
    const data = this.bytes.subarray(start, end);
    if (e.method === 0) return data.slice();
    if (e.method !== 8)
      throw new ZipFormatError(`entry ${name} uses compression method ${e.method}`);
    try {
      return this.inflate(data, e.size);
    } catch (err) {
      throw new ZipFormatError(`entry ${name} does not inflate: ${(err as Error).message}`);
    }
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
    for (let i = 0; i < count; i++) {
      if (this.u32(at) !== CENTRAL) throw new ZipFormatError("damaged central directory");
      const flags = this.u16(at + 8);
      const nameLen = this.u16(at + 28);
      const extraLen = this.u16(at + 30);
      const commentLen = this.u16(at + 32);
      const nameEnd = at + 46 + nameLen;
      if (nameEnd > len) throw new ZipFormatError("damaged central directory");
      const entry: ZipEntry = {
        flags,
        method: this.u16(at + 10),
        compressedSize: this.u32(at + 20),
        size: this.u32(at + 24),
        localOffset: this.u32(at + 42),
      };
      if (entry.size === MAX32 || entry.compressedSize === MAX32 || entry.localOffset === MAX32)
        this.readZip64Extra(entry, nameEnd, nameEnd + extraLen);
      const name = decodeName(this.bytes.subarray(at + 46, nameEnd), (flags & 0x800) !== 0);
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
