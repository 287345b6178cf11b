/**
 * Associates every JH.* implementation with its id, in the shared runtime (called at module top level by src/taskpane/index.tsx). The only
 * Office-specific code of the functions besides errors.ts: the UI language for messages and 达标/Pass texts.
 */
import { FUNCTIONS } from "./registry";
import { setLanguageProvider } from "./lang";

export function registerFunctions(): void {
  setLanguageProvider(() =>
    typeof Office !== "undefined" ? (Office.context?.displayLanguage ?? null) : null
  );
  for (const f of FUNCTIONS)
    CustomFunctions.associate(f.id, f.impl as (...args: unknown[]) => unknown);
}
