import { isFunctionError, FunctionError } from "../../src/functions/errors";
import { setLanguageProvider } from "../../src/functions/lang";

/** Runs `fn` with the functions' UI language set to `tag` (as Office.context.displayLanguage would report it). */
export function inLang<T>(tag: string, fn: () => T): T {
  setLanguageProvider(() => tag);
  try {
    return fn();
  } finally {
    setLanguageProvider(() => "zh-CN");
  }
}

/** Asserts an error value (not a thrown exception) with the code and a message containing every `parts`. */
export function expectError(
  v: unknown,
  code: "#VALUE!" | "#N/A",
  ...parts: string[]
): FunctionError {
  expect(isFunctionError(v)).toBe(true);
  const e = v as FunctionError;
  expect(e.code).toBe(code);
  expect(typeof e.message).toBe("string");
  for (const p of parts) expect(e.message).toContain(p);
  return e;
}

/** A column range as Excel passes it: any[][] with one value per row. */
export const col = (...values: unknown[]): unknown[][] => values.map((v) => [v]);

/** An error cell inside a range, as Excel passes it to a parameter of type any (a CustomFunctions.Error). */
export const errorCell = (code: string): { code: string } => ({ code });
