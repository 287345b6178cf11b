/**
 * .xlsx file adapter: a fast value reader (readXlsx), a writer of marked copies (writeMarkedCopy) and a writer of
 * new workbooks from a plain spec (writeNewWorkbook).
 * Pure TypeScript over Uint8Array (fflate for zip), so it runs in Node and in browsers alike.
 */
export { readXlsx, type ReadXlsxOptions } from "./read";
export { writeMarkedCopy, type MarkedCopy } from "./write";
export { XlsxReadError, type XlsxReadErrorCode } from "./package";
export { MARK_FILL_ARGB } from "./styles";
export { NOTE_AUTHOR } from "./notes";
export {
  writeNewWorkbook,
  WorkbookSpecError,
  type WorkbookSpec,
  type SheetSpec,
  type CellSpec,
  type CellStyle,
  type CellValue,
  type PrintSpec,
  type ValidationSpec,
} from "./newWorkbook";
