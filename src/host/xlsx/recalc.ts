/**
 * Formula results a program wrote as placeholders.
 *
 * A workbook part with `<calcPr fullCalcOnLoad="1"/>` asks the spreadsheet to recalculate every formula when it opens
 * the file: its producer did not compute them. XlsxWriter (and pandas through it), OpenXLSX and others then store 0 as
 * every formula's cached result, so reading that 0 would give a school 0 students or 0 teachers, a number misread. A
 * workbook Excel or WPS saved again has computed results and no such flag. With the flag, a formula whose stored
 * result is 0 is read as a formula without a result (the engine's formula-uncached: open and save the file first); a
 * non-zero result was written on purpose and is read.
 * docs/decisions.md, «Formulas a program never calculated».
 */
import { nextTag, tagAttrs } from "./xml";

/** `<calcPr fullCalcOnLoad="1"/>` (or "true") in the workbook part. */
export function workbookRecalculatesOnLoad(workbookXml: string): boolean {
  for (let t = nextTag(workbookXml, 0); t; t = nextTag(workbookXml, t.end)) {
    if (t.name === "calcPr" && t.kind !== "close") {
      const v = (tagAttrs(workbookXml, t).get("fullCalcOnLoad") ?? "").trim();
      return v === "1" || v === "true";
    }
  }
  return false;
}
