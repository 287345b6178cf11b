/**
 * Node's zlib as the .xlsx reader's inflater: native, about four times faster than the portable one on a
 * county's worksheet. Only for Node entry points (the CLI, scripts): the browser bundle must not import zlib,
 * which is why index.ts does not re-export this.
 */
import { inflateRawSync } from "zlib";
import type { InflateRaw } from "./zip";

// One output chunk of the recorded size: zlib then returns it as is instead of concatenating 16 KB pieces.
export const inflateRawNode: InflateRaw = (data, size) =>
  inflateRawSync(data, { chunkSize: Math.max(64, size) });
