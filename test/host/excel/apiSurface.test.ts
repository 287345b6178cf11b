/**
 * The declared platform matches the code: every Office.js member src/host/excel names is in API_SURFACE with
 * the set the typings give it; manifest.xml's ExcelApi floor covers every unguarded call and every call above
 * the floor is guarded by a capability whose set covers it; docs/office-host.md has a row per entry.
 * If someone adds `ws.notes.add(...)` somewhere without listing it, or lowers a guard, one of these fails.
 */
import * as fs from "fs";
import * as path from "path";
import { API_SURFACE } from "../../../src/host/excel/apiSurface";
import { MANIFEST_EXCEL_API } from "../../../src/host/excel/platform";
import { excelApiSets } from "./apiSets";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const HOST = path.join(ROOT, "src", "host", "excel");
/** The set each capability flag stands for (platform.ts asks isSetSupported for exactly these). */
const GUARD_MINOR = {
  notes: 18,
  merges: 13,
  addinTrigger: 14,
  dataValidation: 8,
  hiddenRows: 3,
} as const;
/** Names that are Excel members too but are used here only as plain JavaScript / Office.js plumbing. */
const PLUMBING = new Set([
  ...["load", "sync", "context", "toJSON", "isNullObject", "value", "length", "sort", "replace"],
  // Our own objects' fields that happen to share a name with an Excel member.
  ...["max", "min", "rows", "sheet", "state", "layout", "pattern", "split", "filter", "find"],
  ...["top", "left", "bottom", "right", "index", "columns"],
  // Date.now; OfficeExtension.EventHandlerResult.remove; context.workbook (RequestContext, no set); Map.set —
  // names event-args interfaces (read since live mode uses WorksheetChangedEventArgs) share.
  ...["now", "remove", "workbook", "set"],
]);

function hostCode(): string {
  return fs
    .readdirSync(HOST)
    .filter((f) => f.endsWith(".ts") && f !== "apiSurface.ts" && f !== "platform.ts")
    .map((f) => fs.readFileSync(path.join(HOST, f), "utf8"))
    .join("\n")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\/\/.*$/gm, "");
}

function manifestFloor(): number {
  const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  const m = /<Set Name="ExcelApi" MinVersion="1\.(\d+)"\/>/.exec(xml);
  expect(m).not.toBeNull();
  return Number(m![1]);
}

test("every entry has the requirement set the typings give it", () => {
  const sets = excelApiSets();
  const wrong = API_SURFACE.filter((a) => sets.get(a.api) !== a.minor).map(
    (a) => `${a.api}: listed 1.${a.minor}, typings ${sets.get(a.api)}`
  );
  expect(wrong).toEqual([]);
});

test("every Excel member the host code names is listed", () => {
  const sets = excelApiSets();
  const excelMembers = new Set([...sets.keys()].map((k) => k.split(".")[1]));
  const listed = new Set(API_SURFACE.map((a) => a.api.split(".")[1]));
  const files = fs
    .readdirSync(HOST)
    .filter((f) => f.endsWith(".ts") && f !== "apiSurface.ts" && f !== "platform.ts");
  const missing = new Set<string>();
  for (const f of files) {
    const code = fs
      .readFileSync(path.join(HOST, f), "utf8")
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/\/\/.*$/gm, "");
    for (const m of code.matchAll(/\.(\w+)\b/g)) {
      const name = m[1];
      if (excelMembers.has(name) && !listed.has(name) && !PLUMBING.has(name))
        missing.add(`${f}: .${name}`);
    }
  }
  expect([...missing]).toEqual([]);
});

test("every entry is still used by the code (no stale rows in the table)", () => {
  const code = hostCode();
  const stale = API_SURFACE.filter(
    (a) => !new RegExp(`[./]${a.api.split(".")[1]}\\b`).test(code)
  ).map((a) => a.api);
  expect(stale).toEqual([]);
});

test("manifest floor = the highest unguarded set; everything above it is guarded by a capability that covers it", () => {
  const floor = manifestFloor();
  expect(`1.${floor}`).toBe(MANIFEST_EXCEL_API);
  const unguarded = API_SURFACE.filter((a) => !a.guard);
  expect(Math.max(...unguarded.map((a) => a.minor))).toBe(floor);
  for (const a of API_SURFACE.filter((x) => x.minor > floor)) {
    expect([a.api, a.guard]).toEqual([a.api, expect.any(String)]);
    expect(a.minor).toBeLessThanOrEqual(GUARD_MINOR[a.guard!]);
  }
  // Office 2021 LTSC (ExcelApi 1.14) must be able to run every unguarded call.
  expect(floor).toBeLessThanOrEqual(14);
});

test("docs/office-host.md has one table row per API, with its set", () => {
  const doc = fs.readFileSync(path.join(ROOT, "docs", "office-host.md"), "utf8");
  const esc = (x: string): string => x.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const missing = API_SURFACE.filter(
    (a) =>
      !new RegExp(`\\|\\s*\`${esc(a.api)}\`\\s*\\|\\s*ExcelApi 1\\.${a.minor}\\s*\\|`).test(doc)
  ).map((a) => a.api);
  expect(missing).toEqual([]);
});
