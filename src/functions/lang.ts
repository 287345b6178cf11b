/**
 * The language of the functions' messages and texts (达标 / Pass). In Excel, register.ts installs a provider that
 * reads Office.context.displayLanguage; tests set their own. Default: zh-CN.
 */
import type { Lang } from "../engine/reportTypes";
import type { Localized } from "../standards/types";

export type { Lang, Localized };

let provider: () => string | null | undefined = () => "zh-CN";

/** Sets where the UI language comes from (a BCP 47 tag such as "zh-CN" or "en-US"). */
export function setLanguageProvider(p: () => string | null | undefined): void {
  provider = p;
}

/** "en…" → English, anything else (or nothing) → Chinese, as the task pane decides. */
export function langOf(tag: string | null | undefined): Lang {
  return tag && tag.toLowerCase().startsWith("en") ? "en" : "zh-CN";
}

export function currentLang(): Lang {
  try {
    return langOf(provider());
  } catch {
    return "zh-CN";
  }
}
