/**
 * .xlsx file adapter: a fast value reader (readXlsx) and a writer of marked copies (writeMarkedCopy).
 * Pure TypeScript over Uint8Array (fflate for zip), so it runs in Node and in browsers alike.
 */
export { readXlsx, type ReadXlsxOptions } from "./read";
export { writeMarkedCopy, type MarkedCopy } from "./write";
export { XlsxReadError, type XlsxReadErrorCode } from "./package";
export { MARK_FILL_ARGB } from "./styles";
export { NOTE_AUTHOR } from "./notes";
