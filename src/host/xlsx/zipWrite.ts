/**
 * A small zip writer for the marked copy: entries that did not change are copied as stored (still compressed, with
 * their directory's CRC and sizes), so a part the copy does not touch is never inflated — an unused 1.5 GB part costs
 * a memory copy, not an inflate. Changed and new entries are deflated here. Output is a list of chunks, written in
 * order (no single buffer of the whole archive is needed).
 */
import { Deflate, deflateSync } from "fflate";
import { crc32, type ZipEntry } from "./zip";

export { crc32 };

const MAX32 = 0xffffffff;
const encoder = new TextEncoder();

interface Record32 {
  nameBytes: Uint8Array;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

/** DOS time and date of now (local time, as zip tools write it). */
function dosNow(): { time: number; date: number } {
  const d = new Date();
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** Input per piece when a large entry is deflated with progress: a 4 MB sheet reports about eight times. */
const PIECE = 512 * 1024;

/** Raw DEFLATE at level 6; an entry larger than a piece goes through fflate's stream, a piece at a time. */
function deflate(data: Uint8Array, onBytes?: (done: number) => void): Uint8Array {
  if (!onBytes || data.length <= PIECE) {
    const out = deflateSync(data, { level: 6 });
    onBytes?.(data.length);
    return out;
  }
  const parts: Uint8Array[] = [];
  const stream = new Deflate({ level: 6 }, (chunk) => parts.push(chunk));
  for (let at = 0; at < data.length; at += PIECE) {
    const end = Math.min(data.length, at + PIECE);
    stream.push(data.subarray(at, end), end === data.length);
    onBytes(end);
  }
  return concatChunks(parts);
}

export class ZipWriter {
  private readonly chunks: Uint8Array[] = [];
  private readonly records: Record32[] = [];
  private offset = 0;
  private readonly now = dosNow();

  /** Copies an entry of another archive unchanged: `data` is its stored (compressed) bytes. */
  addStored(entry: ZipEntry, data: Uint8Array): void {
    // Sizes go into the local header, so a data descriptor (bit 3) is not needed; keep UTF-8 and deflate options.
    this.push(
      {
        nameBytes: entry.rawName,
        flags: entry.flags & 0x0806,
        method: entry.method,
        time: entry.time,
        date: entry.date,
        crc: entry.crc,
        compressedSize: data.length,
        size: entry.size,
        offset: this.offset,
      },
      data
    );
  }

  /**
   * Adds an entry from its uncompressed bytes: deflated, or stored when `store` (already-compressed media).
   * `onBytes` hears how many input bytes are done as a large entry is deflated (progress of a marked copy).
   */
  addData(name: string, data: Uint8Array, store = false, onBytes?: (done: number) => void): void {
    const packed = store ? data : deflate(data, onBytes);
    const useStored = store || packed.length >= data.length;
    const ascii = /^[\x20-\x7e]*$/.test(name);
    this.push(
      {
        nameBytes: encoder.encode(name),
        flags: ascii ? 0 : 0x0800,
        method: useStored ? 0 : 8,
        time: this.now.time,
        date: this.now.date,
        crc: crc32(data),
        compressedSize: useStored ? data.length : packed.length,
        size: data.length,
        offset: this.offset,
      },
      useStored ? data : packed
    );
  }

  private push(r: Record32, data: Uint8Array): void {
    if (r.size > MAX32 || r.compressedSize > MAX32 || r.offset > MAX32)
      throw new RangeError("the copy would need zip64, which this writer does not write");
    const h = new Uint8Array(30 + r.nameBytes.length);
    const v = new DataView(h.buffer);
    v.setUint32(0, 0x04034b50, true);
    v.setUint16(4, 20, true);
    v.setUint16(6, r.flags, true);
    v.setUint16(8, r.method, true);
    v.setUint16(10, r.time, true);
    v.setUint16(12, r.date, true);
    v.setUint32(14, r.crc, true);
    v.setUint32(18, r.compressedSize, true);
    v.setUint32(22, r.size, true);
    v.setUint16(26, r.nameBytes.length, true);
    v.setUint16(28, 0, true);
    h.set(r.nameBytes, 30);
    this.chunks.push(h, data);
    this.offset += h.length + data.length;
    this.records.push(r);
  }

  /** The archive's chunks: local entries, then the central directory and its end record. */
  finish(): Uint8Array[] {
    if (this.records.length > 0xffff)
      throw new RangeError("the copy would need zip64, which this writer does not write");
    const start = this.offset;
    let size = 0;
    for (const r of this.records) {
      const c = new Uint8Array(46 + r.nameBytes.length);
      const v = new DataView(c.buffer);
      v.setUint32(0, 0x02014b50, true);
      v.setUint16(4, 20, true);
      v.setUint16(6, 20, true);
      v.setUint16(8, r.flags, true);
      v.setUint16(10, r.method, true);
      v.setUint16(12, r.time, true);
      v.setUint16(14, r.date, true);
      v.setUint32(16, r.crc, true);
      v.setUint32(20, r.compressedSize, true);
      v.setUint32(24, r.size, true);
      v.setUint16(28, r.nameBytes.length, true);
      v.setUint32(42, r.offset, true);
      c.set(r.nameBytes, 46);
      this.chunks.push(c);
      size += c.length;
    }
    if (start + size > MAX32)
      throw new RangeError("the copy would need zip64, which this writer does not write");
    const e = new Uint8Array(22);
    const v = new DataView(e.buffer);
    v.setUint32(0, 0x06054b50, true);
    v.setUint16(8, this.records.length, true);
    v.setUint16(10, this.records.length, true);
    v.setUint32(12, size, true);
    v.setUint32(16, start, true);
    this.chunks.push(e);
    return this.chunks;
  }
}

/** Joins chunks into one array. */
export function concatChunks(chunks: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const c of chunks) n += c.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * Whether a directory's sizes for a deflated or stored entry are possible at all: deflate never shrinks data by more
 * than about 1032:1 nor grows it by more than a few bytes per 16 KB block. An impossible record (a sheet "of size 0"
 * with 40 KB of data) is not copied as is: the writer inflates it and writes true sizes.
 */
export function plausibleSizes(entry: ZipEntry, stored: number): boolean {
  if (entry.method === 0) return entry.size === stored;
  if (entry.method !== 8) return true;
  if (entry.size === 0) return stored <= 8;
  return stored <= entry.size * 1.01 + 64 && entry.size <= stored * 1100 + 1024;
}
