import { FindingCollector } from "../findings/collector";
import { reportSheetTitles } from "../reportSheet";
import { SheetInput } from "../workbook";

/**
 * A sheet junheng wrote itself (「均衡达标报告」, "Balance report", or a renamed copy): its first filled cell
 * in the top rows is one of the report titles. Recognised by content rather than by tab name, so that a
 * user's own sheet that happens to share the name is still read, and a renamed report sheet is not.
 */
export function isJunhengReportSheet(sheet: SheetInput): boolean {
  const titles = reportSheetTitles();
  for (let r = 0; r < Math.min(3, sheet.rows.length); r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    for (const v of row) {
      if (v === null || v === undefined || v === "") continue;
      return typeof v === "string" && titles.includes(v.trim());
    }
  }
  return false;
}

/**
 * The sheets a check reads (docs/decisions.md, "Which sheets are read"): junheng's own report sheets never;
 * hidden sheets only when the setting says so or the user names them, each one left out with an info
 * finding so that no user data is dropped silently.
 */
export function sheetsToCheck(
  sheets: readonly SheetInput[],
  named: readonly string[] | undefined,
  includeHidden: boolean,
  findings: FindingCollector
): SheetInput[] {
  const out: SheetInput[] = [];
  for (const sheet of sheets) {
    if (named && !named.includes(sheet.name)) continue;
    // Our own output, not the user's data: skipped without a finding, so that a marked copy re-checks
    // to exactly the report of the original.
    if (isJunhengReportSheet(sheet)) continue;
    if (sheet.hidden && !includeHidden && !named) {
      findings.add("hidden-sheet-skipped", { sheet: sheet.name }, { sheet: sheet.name });
      continue;
    }
    out.push(sheet);
  }
  return out;
}
