/**
 * What the running Excel can do, asked once with Office.context.requirements.isSetSupported (never assumed from
 * the manifest, which requires only what junheng cannot work without: docs/office-host.md, 「Platforms」).
 *
 * Targets: Microsoft 365 (Windows, Mac, web) and the volume-licensed Office 2021 LTSC (ExcelApi ≤ 1.14) and
 * Office 2024 LTSC (≤ 1.17) that county offices run. Above the manifest's floor (ExcelApi 1.9, SharedRuntime
 * 1.1) every call is guarded by one of the flags below, with a fallback that still does the job.
 */
import type { HostMode } from "../../ports/sidebarHost";

/** Office.context.requirements.isSetSupported, injectable so tests can play Office 2021, 2024 or 365. */
export type IsSetSupported = (name: string, minVersion?: string) => boolean;

/** The floor declared in manifest.xml <Requirements>: calls at or below it need no guard. */
export const MANIFEST_EXCEL_API = "1.9";

export interface ExcelCapabilities {
  /** worksheet.notes (ExcelApi 1.18): a note with the reason on each marked cell. */
  notes: boolean;
  /** Range.getMergedAreasOrNullObject (ExcelApi 1.13): merged key cells are spread over their rows. */
  merges: boolean;
  /** WorksheetChangedEventArgs.triggerSource (ExcelApi 1.14): live mode tells junheng's own edits apart. */
  addinTrigger: boolean;
  /** Range.dataValidation (ExcelApi 1.8, under the manifest's floor; asked anyway): 「插入县级指标表」's rules. */
  dataValidation: boolean;
  /**
   * Range.rowHidden / columnHidden (ExcelApi 1.2) and Range.getVisibleView (1.3), under the manifest's floor; asked
   * anyway: which rows are hidden, for the hidden-rows-read finding.
   */
  hiddenRows: boolean;
  /** The highest minor version of ExcelApi found, "1.9" … "1.20". */
  excelApi: string;
}

/** The highest 1.x ExcelApi set we probe; later sets add nothing junheng uses. */
const HIGHEST_PROBED_MINOR = 20;

export function detectCapabilities(isSetSupported: IsSetSupported): ExcelCapabilities {
  let minor = 9;
  for (let m = HIGHEST_PROBED_MINOR; m > 9; m--) {
    if (isSetSupported("ExcelApi", `1.${m}`)) {
      minor = m;
      break;
    }
  }
  return {
    notes: isSetSupported("ExcelApi", "1.18"),
    merges: isSetSupported("ExcelApi", "1.13"),
    addinTrigger: isSetSupported("ExcelApi", "1.14"),
    dataValidation: isSetSupported("ExcelApi", "1.8"),
    hiddenRows: isSetSupported("ExcelApi", "1.3"),
    excelApi: `1.${minor}`,
  };
}

export function hostMode(c: ExcelCapabilities): HostMode {
  return {
    marks: c.notes ? "fills-and-notes" : "fills-only",
    excelApi: c.excelApi,
    merges: c.merges,
  };
}

/** The real check; outside Office (tests without a profile) everything is assumed present. */
export function officeIsSetSupported(): IsSetSupported {
  return (name, minVersion) =>
    typeof Office === "undefined" || !Office.context?.requirements
      ? true
      : Office.context.requirements.isSetSupported(name, minVersion);
}
