/**
 * Where the browser page keeps a user's mapping corrections: localStorage, keyed by a hash of the workbook's
 * header rows, so the next file made from the same template gets the same corrections without clicks
 * (docs/ui.md, "Corrections in the browser"). In Excel they are saved in the workbook itself instead.
 *
 * The header rows are found without the engine: for each sheet, the rows above the first row holding three or
 * more numbers (at most 30), keeping only rows with at least three text cells — so a title row ("XX县2024年…"),
 * a 填报单位 / 统计时间 line, a unit note or the data itself does not change the key, while a renamed or moved
 * column does.
 */
import type { CheckOverrides } from "../engine/overrides";
import type { RawCell, WorkbookInput } from "../engine/workbook";

const PREFIX = "junheng.overrides.v1.";
const MAX_HEADER_ROWS = 30;

/** cyrb53: a fast 53-bit string hash; collisions between templates are not a concern at this size. */
export function hash53(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

function isNumber(v: RawCell): boolean {
  return typeof v === "number";
}

function isText(v: RawCell): v is string {
  return typeof v === "string" && v.trim() !== "";
}

/** The header signature of a workbook: sheet names and their header rows' text. */
export function headerSignature(wb: WorkbookInput): string {
  const parts: string[] = [];
  for (const sheet of wb.sheets) {
    const lines: string[] = [sheet.name];
    for (let r = 0; r < Math.min(sheet.rows.length, MAX_HEADER_ROWS); r++) {
      const row = sheet.rows[r] ?? [];
      if (row.filter(isNumber).length >= 3) break;
      const texts = row.map((v) => (isText(v) ? v.trim() : ""));
      if (texts.filter(Boolean).length >= 3) lines.push(texts.join("\t").replace(/\t+$/, ""));
    }
    parts.push(lines.join("\n"));
  }
  return parts.join("\n\f\n");
}

export function overridesKey(wb: WorkbookInput): string {
  return PREFIX + hash53(headerSignature(wb));
}

/** localStorage, or null where it is unavailable (storage disabled, opaque origin). */
/** Every saved correction in `storage` (key → JSON text), for the engine worker, which has no localStorage. */
export function savedOverrides(storage: Storage | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (!storage) return out;
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(PREFIX)) out[key] = storage.getItem(key) ?? "";
    }
  } catch {
    // Storage that refuses to be read: the worker's early check then runs without corrections (and misses).
  }
  return out;
}

export function browserStorage(): Storage | null {
  try {
    const s = globalThis.localStorage;
    const probe = PREFIX + "probe";
    s.setItem(probe, "1");
    s.removeItem(probe);
    return s;
  } catch {
    return null;
  }
}

export class OverridesStore {
  constructor(private readonly storage: Storage | null) {}

  load(wb: WorkbookInput): CheckOverrides | null {
    if (!this.storage) return null;
    try {
      const text = this.storage.getItem(overridesKey(wb));
      if (!text) return null;
      const parsed: unknown = JSON.parse(text);
      return parsed && typeof parsed === "object" ? (parsed as CheckOverrides) : null;
    } catch {
      return null;
    }
  }

  save(wb: WorkbookInput, overrides: CheckOverrides): void {
    if (!this.storage) return;
    const key = overridesKey(wb);
    if (Object.keys(overrides).length === 0) this.storage.removeItem(key);
    else this.storage.setItem(key, JSON.stringify(overrides));
  }
}
