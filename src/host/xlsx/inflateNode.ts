/**
 * Node's zlib as the .xlsx reader's inflater: native, about four times faster than the portable one on a
 * county's worksheet. Only for Node entry points (the CLI, scripts): the browser bundle must not import zlib,
 * which is why index.ts does not re-export this.
 */
import { inflateRawSync } from "zlib";
import type { InflateRaw } from "./zip";

export const inflateRawNode: InflateRaw = (data) => inflateRawSync(data);
