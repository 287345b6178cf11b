/**
 * The workbook's date system, and which cells hold dates, so that every reader hands the engine 1900-system serials.
 *
 * A workbook saved with 「使用 1904 日期系统」 (old Mac Excel, some exporters) stores serial 0 for 1904-01-01, which is
 * serial 1462 in the 1900 system (1900-01-01 is 1, and Excel counts a 29 February 1900 that never was). The engine
 * reads serials as 1900-system ones (flags.ts `yearOf`), so a 建校年份 typed as a date in such a workbook would read
 * four years early. Only a number shown as a date moves: a plain number (在校生数, 面积) is never a date.
 */
import { nextTag, parseAttrs, tagAttrs } from "./xml";

/** Days from the 1904 system's day 0 (1904-01-01) to the same day in the 1900 system. */
export const DATE1904_OFFSET = 1462;

/** `<workbookPr date1904="1"/>` (or "true") in the workbook part. */
export function workbookUses1904(workbookXml: string): boolean {
  for (let t = nextTag(workbookXml, 0); t; t = nextTag(workbookXml, t.end)) {
    if (t.name === "sheets" || t.name === "sheet") return false; // workbookPr comes before <sheets>
    if (t.name === "workbookPr" && t.kind !== "close") {
      const v = (tagAttrs(workbookXml, t).get("date1904") ?? "").trim();
      return v === "1" || v === "true";
    }
  }
  return false;
}

/**
 * Built-in number formats that show a date (ECMA-376 Part 1, §18.8.30): 14–17 and 22 everywhere, and in the
 * zh-CN / zh-TW lists 27–31, 36, 50–54, 57, 58 (yyyy"年"m"月" and the like). 18–21, 45–47 and, in Chinese,
 * 32–35, 55, 56 (h"时"mm"分", 上午/下午…) show a time of day only: a fraction of a day, the same in both systems.
 */
const BUILTIN_DATE_FORMATS: ReadonlySet<number> = new Set([
  14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58,
]);

/**
 * A number format code shows a date (a year, month or day), not a time of day alone and not a plain number. Only
 * the first section counts (a serial is positive). Quoted text, escaped characters, padding and bracketed parts
 * ([Red], [$-804], [DBNum1], conditions) are no part of it, except an elapsed time ([h], [mm], [ss]), which is a time.
 */
export function formatShowsDate(code: string): boolean {
  let s = "";
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === ";") break;
    if (ch === '"') {
      const e = code.indexOf('"', i + 1);
      if (e < 0) break;
      i = e;
    } else if (ch === "\\" || ch === "_" || ch === "*") {
      i++;
    } else if (ch === "[") {
      const e = code.indexOf("]", i + 1);
      if (e < 0) break;
      if (/^(?:h+|m+|s+)$/i.test(code.slice(i + 1, e))) s += "h";
      i = e;
    } else s += ch;
  }
  const t = s
    .toLowerCase()
    .replace(/general/g, "")
    .replace(/am\/pm|a\/p/g, "")
    .replace(/e[+-]/g, ""); // scientific notation, 0.00E+00
  if (/[ydegb]/.test(t)) return true; // y, d; e / g / b: era and Buddhist years
  // m alone is a month ("mmm", "m月"); next to h or s it is minutes.
  return t.includes("m") && !/[hs]/.test(t);
}

/**
 * Indexes into <cellXfs> (a cell's `s`) whose number format shows a date. A custom <numFmt> overrides a built-in one
 * of the same id; an id with neither is General.
 */
export function dateStyleIndexes(stylesXml: string): Set<number> {
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let section = "";
  for (let t = nextTag(stylesXml, 0); t; t = nextTag(stylesXml, t.end)) {
    if (t.name === "numFmts" || t.name === "cellXfs") {
      if (t.kind === "open") section = t.name;
      else if (t.kind === "close") section = "";
      continue;
    }
    if (t.kind === "close" || !section) continue;
    if (section === "numFmts" && t.name === "numFmt") {
      const a = parseAttrs(stylesXml.slice(t.start, t.end));
      const id = Number(a.get("numFmtId"));
      if (Number.isInteger(id)) custom.set(id, a.get("formatCode") ?? "");
    } else if (section === "cellXfs" && t.name === "xf") {
      const id = Number(tagAttrs(stylesXml, t).get("numFmtId") ?? 0);
      xfFormats.push(Number.isInteger(id) ? id : 0);
    }
  }
  const out = new Set<number>();
  xfFormats.forEach((id, i) => {
    const code = custom.get(id);
    if (code !== undefined ? formatShowsDate(code) : BUILTIN_DATE_FORMATS.has(id)) out.add(i);
  });
  return out;
}
