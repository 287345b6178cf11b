/**
 * The one place that builds the error value a function returns. In Excel it is a CustomFunctions.Error (the cell
 * shows #VALUE! or #N/A and the message in the error menu); elsewhere (jest, Node) a plain object of the same shape,
 * so the implementations run and can be tested without Office.
 *
 * Only #VALUE! and #N/A carry a custom message in Excel, so those are the two codes used:
 *   #VALUE!  the arguments are wrong (unknown indicator, ranges of different sizes, 0 students, …);
 *   #N/A     the data is missing (a blank or "—" where a number is needed): nothing to compute yet.
 */
export type FunctionErrorCode = "#VALUE!" | "#N/A";

export interface FunctionError {
  code: string;
  message?: string;
}

/** Stand-in for CustomFunctions.Error outside Excel. */
export class PlainFunctionError implements FunctionError {
  constructor(
    readonly code: FunctionErrorCode,
    readonly message: string
  ) {}
}

export function makeError(code: FunctionErrorCode, message: string): FunctionError {
  if (typeof CustomFunctions !== "undefined" && typeof CustomFunctions.Error === "function") {
    const ec =
      code === "#N/A"
        ? CustomFunctions.ErrorCode.notAvailable
        : CustomFunctions.ErrorCode.invalidValue;
    return new CustomFunctions.Error(ec, message);
  }
  return new PlainFunctionError(code, message);
}

/** An error value, ours or Excel's (CustomFunctions.Error objects arrive inside ranges of type any). */
export function isFunctionError(v: unknown): v is FunctionError {
  return (
    typeof v === "object" &&
    v !== null &&
    typeof (v as { code?: unknown }).code === "string" &&
    (v as { code: string }).code.startsWith("#")
  );
}
