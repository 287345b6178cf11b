/**
 * registerFunctions() in a runtime with CustomFunctions and Office (faked here): every registry id is associated
 * with its implementation, the UI language comes from Office.context.displayLanguage, and errors become
 * CustomFunctions.Error objects.
 */
import { registerFunctions } from "../../src/functions/register";
import { FUNCTIONS } from "../../src/functions/registry";
import { per100, schoolCheck } from "../../src/functions/impl";
import { PlainFunctionError } from "../../src/functions/errors";
import { setLanguageProvider } from "../../src/functions/lang";

class FakeCfError {
  constructor(
    public code: string,
    public message?: string
  ) {}
}

const g = globalThis as unknown as Record<string, unknown>;
const associated = new Map<string, unknown>();

beforeAll(() => {
  g.CustomFunctions = {
    associate: (id: string, fn: unknown) => associated.set(id, fn),
    Error: FakeCfError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  };
  g.Office = { context: { displayLanguage: "en-US" } };
  registerFunctions();
});

afterAll(() => {
  delete g.CustomFunctions;
  delete g.Office;
  setLanguageProvider(() => "zh-CN");
});

test("every registry function is associated under its id", () => {
  expect([...associated.keys()]).toEqual(FUNCTIONS.map((f) => f.id));
  for (const f of FUNCTIONS) expect(associated.get(f.id)).toBe(f.impl);
});

test("errors are CustomFunctions.Error with the code and a message in Excel's UI language", () => {
  const e = per100(3, 0);
  expect(e).toBeInstanceOf(FakeCfError);
  expect(e).not.toBeInstanceOf(PlainFunctionError);
  expect(e).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("is 0") });
  expect(per100("—", 10)).toMatchObject({ code: "#N/A" });
});

test("texts follow Office.context.displayLanguage", () => {
  const row = [[5, 1.2, 1, 5, 8, 2500, 2.5]];
  expect(schoolCheck(row, "小学")).toBe("Pass");
  (g.Office as { context: { displayLanguage: string } }).context.displayLanguage = "zh-CN";
  expect(schoolCheck(row, "小学")).toBe("达标");
});
