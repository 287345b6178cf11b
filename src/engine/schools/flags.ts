/** 是/否 and year cells of the §17.4 relaxation columns (read as text, never as quantities). */
import type { CellValue } from "../cells/normalize";

/** A 是/否 cell (also 1/0, √/×); undefined when blank or unreadable. */
export function flagOf(v: CellValue | undefined): boolean | undefined {
  if (!v) return undefined;
  if (v.kind === "number") return v.value === 1 ? true : v.value === 0 ? false : undefined;
  if (v.kind === "invalid") {
    const t = v.text.trim();
    if (/^(是|√|Y|yes)$/i.test(t)) return true;
    if (/^(否|×|N|no)$/i.test(t)) return false;
  }
  return undefined;
}

/** 建校年份: a year (2008), a date serial, or text such as 2008年 / 2008-09-01. */
export function yearOf(v: CellValue | undefined): number | undefined {
  if (!v) return undefined;
  if (v.kind === "number") {
    if (v.value >= 1800 && v.value <= 2200) return Math.floor(v.value);
    // An Excel date serial of the 1900 system (1 = 1900-01-01); the readers move a 1904 workbook's dates to it.
    if (v.value > 2200 && v.value < 120000)
      return new Date(Date.UTC(1899, 11, 30) + v.value * 86400000).getUTCFullYear();
    return undefined;
  }
  if (v.kind === "invalid") {
    const m = /^(\d{4})/.exec(v.text.trim());
    return m ? Number(m[1]) : undefined;
  }
  return undefined;
}
