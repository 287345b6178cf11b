/**
 * 「打开申报表」 in Excel: a task pane cannot hand the user a file, so the 申报表 is opened as a NEW workbook in its
 * own window with Excel.createWorkbook(base64) (ExcelApi 1.8), from the same bytes the browser page downloads
 * (writeNewWorkbook of the same spec). The user saves it from that window; the open workbook is not touched.
 *
 * The whole file goes in one request (it cannot be cut), so its base64 is measured first and refused above
 * ONE_REQUEST_LIMIT. Where this Excel has no Excel.createWorkbook — or when the user asks for it after a refusal or
 * a failure — the sheets are inserted into the open workbook instead (「申报表-表Ⅰ」 …) through insertSheet: each
 * a new sheet with the template's layout, cut into syncs within the budget, never over a sheet of that name, and
 * removed exactly by deleting it (docs/decisions.md, 「申报表 in the task pane」).
 * Syncs: opening = 1 (Office.js's own context); inserting = insertSheet's per sheet + 1 (activate the first).
 */
import type {
  InsertSheetOutcome,
  OpenWorkbookOptions,
  OpenWorkbookOutcome,
} from "../../ports/sidebarHost";
import { writeNewWorkbook, type WorkbookSpec } from "../xlsx/newWorkbook";
import { ONE_REQUEST_LIMIT, utf8Bytes } from "./budget";
import type { ExcelRun } from "./excelHost";
import { insertSheet } from "./insertSheet";
import type { ExcelCapabilities } from "./platform";

/** Excel.createWorkbook, injectable so tests can make it fail. */
export type CreateWorkbook = (base64: string) => Promise<void>;

/**
 * Standard base64 (RFC 4648, with padding) of bytes, by the platform's btoa (every browser, the task pane's webview
 * and Node ≥ 16): the bytes go to it as a binary string in slices, since one String.fromCharCode call over a whole
 * workbook would overflow the argument stack.
 */
export function toBase64(bytes: Uint8Array): string {
  const SLICE = 0x8000;
  let binary = "";
  for (let i = 0; i < bytes.length; i += SLICE)
    binary += String.fromCharCode(...bytes.subarray(i, i + SLICE));
  return btoa(binary);
}

export interface OpenWorkbookDeps {
  caps: Pick<ExcelCapabilities, "createWorkbook" | "dataValidation">;
  /** Excel.run for the inserted sheets (junheng's own writes: live mode ignores them). */
  run: ExcelRun;
  createWorkbook: CreateWorkbook;
  /** Test seam: the most one request may carry. */
  limit?: number;
}

/** Office.js errors carry a code ("ApiNotFound", "AccessDenied", …) and a message; anything else its text. */
function errorOf(e: unknown): { code?: string; message: string } {
  const x = e as { code?: unknown; message?: unknown };
  return {
    code: typeof x?.code === "string" ? x.code : undefined,
    message: typeof x?.message === "string" && x.message ? x.message : String(e),
  };
}

export async function openWorkbook(
  spec: WorkbookSpec,
  options: OpenWorkbookOptions,
  deps: OpenWorkbookDeps
): Promise<OpenWorkbookOutcome> {
  if (!options.asSheets && deps.caps.createWorkbook) {
    const base64 = toBase64(writeNewWorkbook(spec));
    const bytes = utf8Bytes(base64);
    const limit = deps.limit ?? ONE_REQUEST_LIMIT;
    if (bytes > limit) return { how: "too-large", bytes, limit };
    try {
      await deps.createWorkbook(base64);
      return { how: "opened", bytes };
    } catch (e) {
      return { how: "failed", ...errorOf(e) };
    }
  }
  const why = options.asSheets ? "asked" : "unsupported";
  const sheets = await deps.run(async (ctx) => {
    const out: InsertSheetOutcome[] = [];
    for (const s of spec.sheets)
      out.push(await insertSheet(ctx, { ...s, name: options.sheetPrefix + s.name }, deps.caps));
    // The first table in view (insertSheet shows each as it goes, so the last would be).
    const first = out.find((o) => o.created) ?? out[0];
    if (first) {
      ctx.workbook.worksheets.getItem(first.name).activate();
      await ctx.sync();
    }
    return out;
  });
  return { how: "inserted", why, sheets };
}
