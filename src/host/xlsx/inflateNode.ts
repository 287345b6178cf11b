/**
 * Node's zlib as the .xlsx reader's inflater: native, about four times faster than the portable one on a
 * county's worksheet. Only for Node entry points (the CLI, scripts): the browser bundle must not import zlib,
 * which is why index.ts does not re-export this.
 */
import { inflateRawSync } from "zlib";
import type { InflateRaw } from "./zip";

// One output chunk of the recorded size (when plausible): zlib then returns it as is instead of concatenating 16 KB
// pieces. The size is only a hint; maxOutputLength stops zlib as soon as the output passes `limit`, so a lying
// directory cannot make it allocate more than the cap.
export const inflateRawNode: InflateRaw = (data, size, limit) =>
  inflateRawSync(data, {
    chunkSize: Math.min(Math.max(16384, size), 64 * 2 ** 20, Math.max(16384, limit + 1)),
    maxOutputLength: Math.max(1, limit),
  });
