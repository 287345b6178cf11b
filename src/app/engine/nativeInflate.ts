/**
 * The browser's own raw-DEFLATE (DecompressionStream "deflate-raw", native zlib) for reading an .xlsx in the
 * engine worker: the XML parts are inflated ahead, asynchronously, and readXlsx is handed an inflater that
 * returns them. fflate's JavaScript inflater took most of the read of a 10,000-row file (docs/performance.md).
 *
 * The caps stay readXlsx's: the parts inflated ahead are counted against them as they are read, and the
 * inflating ahead stops at the same total cap (a zip bomb is then inflated — and refused — by the portable
 * inflater, as before). Anything the browser cannot inflate (no DecompressionStream, a damaged stream) is left
 * to the portable inflater, which reports it as it always has.
 */
import {
  defaultInflateCap,
  inflateRawPortable,
  ZipArchive,
  type InflateRaw,
} from "../../host/xlsx/zip";
import { concatChunks } from "../../host/xlsx/zipWrite";

/** The parts readXlsx reads are XML; media (images, embedded objects) are never read and not inflated. */
const TEXT_PART = /\.(xml|rels)$/i;

/** Inflates one stream natively; null when its output passes `limit` (the caller's cap). */
async function inflateNative(data: Uint8Array, limit: number): Promise<Uint8Array | null> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream("deflate-raw"));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let n = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    n += value.length;
    if (n > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return concatChunks(chunks);
}

/**
 * An inflater for readXlsx(bytes) with the archive's XML parts inflated ahead by the browser; undefined where
 * the browser has no DecompressionStream or the archive's directory cannot be read (readXlsx then reports it).
 */
export async function nativeInflater(bytes: Uint8Array): Promise<InflateRaw | undefined> {
  if (typeof DecompressionStream !== "function" || typeof Blob !== "function") return undefined;
  let zip: ZipArchive;
  try {
    zip = new ZipArchive(bytes);
  } catch {
    return undefined;
  }
  // By where the entry's stored data starts in `bytes` (each entry's is distinct), with its length.
  const ready = new Map<number, { length: number; out: Uint8Array }>();
  let budget = defaultInflateCap(bytes.length);
  for (const name of zip.names) {
    const e = zip.entry(name);
    if (!e || e.method !== 8 || e.flags & 1 || !TEXT_PART.test(name)) continue;
    let data: Uint8Array | undefined;
    try {
      data = zip.stored(name);
      if (!data) continue;
      const out = await inflateNative(data, budget);
      if (!out) break; // over the cap: the portable inflater refuses it with readXlsx's own error
      budget -= out.length;
      ready.set(data.byteOffset, { length: data.length, out });
    } catch {
      // A stream the browser cannot inflate: the portable inflater reads (or rejects) it.
    }
  }
  return (data, size, limit) => {
    const hit = ready.get(data.byteOffset);
    if (hit && hit.length === data.length && hit.out.length <= limit) return hit.out;
    return inflateRawPortable(data, size, limit);
  };
}
