/**
 * Runs src/host/excel against Microsoft's own Office.js client library (@microsoft/office-js,
 * excel-web-16.00.debug.js) in jsdom: Office.js builds and serialises every request and enforces its own
 * load/sync rules (PropertyNotLoaded, InvalidObjectPath, InvalidRequestContext); ExcelServer answers each
 * context.sync() from a WorkbookModel and records the UTF-8 bytes of every request and response.
 *
 * The npm build (1.1.110) lacks the ExcelApi 1.18 notes API, so `Worksheet.notes` is a stand-in built from
 * Office.js's own CommentCollection class under the path name "Notes": the same kind of requests (Add, GetItem,
 * GetItemAt, GetCount, Content, Delete, GetLocation) that the real NoteCollection sends.
 *
 * Use in a test file with `@jest-environment jsdom`.
 */
import * as fs from "fs";
import * as path from "path";
import type { ExcelRun } from "../../../../src/host/excel/excelHost";
import { ExcelServer, RequestBody } from "./server";
import { WorkbookModel } from "./model";

const DIST = path.resolve(__dirname, "../../../../node_modules/@microsoft/office-js/dist");

/** The ceiling of each platform profile, in ExcelApi minor versions. */
export const PROFILE = { ltsc2021: 14, ltsc2024: 17, m365: 99 } as const;

type OfficeJsGlobal = typeof globalThis & {
  Excel: typeof Excel & { RequestContext: new (url: unknown) => Excel.RequestContext };
  OfficeExtension: {
    ClientRequestContext: { defaultRequestUrlAndHeaders: unknown };
    BatchApiHelper: {
      createPropertyObject: (
        t: unknown,
        parent: unknown,
        name: string,
        isCollection: boolean,
        flags: number
      ) => unknown;
    };
  };
};

let loaded = false;
let ceiling = 99;

export function loadOfficeJs(): void {
  if (loaded) return;
  const code = fs.readFileSync(path.join(DIST, "excel-web-16.00.debug.js"), "utf8");
  // Microsoft's script is meant to run as a classic <script> in the page's global scope: indirect eval does that.
  // eslint-disable-next-line no-eval
  (0, eval)(code);
  const g = globalThis as OfficeJsGlobal;
  // Office.context.requirements as a profile answers it (Office.js consults it too, for its own checks).
  (window as unknown as { Office: unknown }).Office = {
    context: {
      requirements: {
        isSetSupported: (name: string, v?: string) =>
          name !== "ExcelApi" || Number((v ?? "1.1").split(".")[1]) <= ceiling,
      },
    },
  };
  const proto = g.Excel.Worksheet.prototype as unknown as Record<string, unknown>;
  if (!Object.getOwnPropertyDescriptor(proto, "notes"))
    Object.defineProperty(proto, "notes", {
      get(this: { m_notesStandIn?: unknown }) {
        if (!this.m_notesStandIn)
          this.m_notesStandIn = g.OfficeExtension.BatchApiHelper.createPropertyObject(
            g.Excel.CommentCollection,
            this,
            "Notes",
            true,
            4
          );
        return this.m_notesStandIn;
      },
    });
  loaded = true;
}

export interface Harness {
  run: ExcelRun;
  server: ExcelServer;
  /** isSetSupported as the profile answers it. */
  isSetSupported: (name: string, v?: string) => boolean;
}

export function createHarness(wb: WorkbookModel, maxMinor: number = PROFILE.m365): Harness {
  loadOfficeJs();
  const g = globalThis as OfficeJsGlobal;
  const server = new ExcelServer(wb, maxMinor);
  const executor = {
    executeAsync(_custom: unknown, _flags: unknown, msg: { Body: RequestBody }) {
      ceiling = maxMinor;
      const requestBytes = Buffer.byteLength(JSON.stringify(msg.Body), "utf8");
      const body = server.execute(msg.Body);
      const responseBytes = Buffer.byteLength(JSON.stringify(body), "utf8");
      server.stats.push({ requestBytes, responseBytes, actions: msg.Body.Actions.length });
      return Promise.resolve({ ErrorCode: "", HttpStatusCode: 200, Headers: {}, Body: body });
    },
  };
  const resolver = {
    _resolveRequestUrlAndHeaderInfo: () =>
      Promise.resolve({ url: "https://excel.invalid", headers: {} }),
    _createRequestExecutorOrNull: () => executor,
  };
  const run: ExcelRun = async (batch) => {
    ceiling = maxMinor;
    const ctx = new g.Excel.RequestContext(resolver);
    return batch(ctx);
  };
  // Office.js's own functions that make their own context (Excel.createWorkbook) reach this harness's server too:
  // a context made without a URL takes the default one (the latest harness's; tests in a file run one at a time).
  g.OfficeExtension.ClientRequestContext.defaultRequestUrlAndHeaders = resolver;
  ceiling = maxMinor;
  const isSetSupported = (name: string, v?: string): boolean =>
    name !== "ExcelApi" || Number((v ?? "1.1").split(".")[1]) <= maxMinor;
  return { run, server, isSetSupported };
}

export const MB4 = 4 * 1024 * 1024;

/** The largest request and response of the syncs recorded since `from`. */
export function peak(
  server: ExcelServer,
  from = 0
): { request: number; response: number; syncs: number } {
  const s = server.stats.slice(from);
  return {
    request: Math.max(0, ...s.map((x) => x.requestBytes)),
    response: Math.max(0, ...s.map((x) => x.responseBytes)),
    syncs: s.length,
  };
}
