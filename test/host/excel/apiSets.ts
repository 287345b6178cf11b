/**
 * The requirement set of every member of the Excel namespace, read from the `[Api set: ExcelApi 1.x]` tags of
 * @types/office-js (the typings Microsoft generates from the same metadata as the docs). Used by the API-surface
 * test and by the Office.js harness's platform profiles. A member with overloads keeps its lowest set.
 */
import * as fs from "fs";
import * as path from "path";

export type ApiSets = Map<string, number>; // "Worksheet.notes" → 18 (ExcelApi 1.18); 99 = online-only / preview
// Functions of the namespace are keyed "Excel.createWorkbook".

let cache: ApiSets | undefined;

export function excelApiSets(): ApiSets {
  if (cache) return cache;
  const file = path.resolve(__dirname, "../../../node_modules/@types/office-js/index.d.ts");
  const lines = fs.readFileSync(file, "utf8").split("\n");
  const out: ApiSets = new Map();
  let inExcel = false;
  let cls: string | null = null;
  let pending: number | null = null;
  for (const line of lines) {
    if (/^declare namespace /.test(line)) {
      inExcel = line.startsWith("declare namespace Excel {");
      cls = null;
      continue;
    }
    if (!inExcel) continue;
    const isDoc = /^\s*(\/\*\*|\*)/.test(line);
    // Classes, and the event-args interfaces (live mode reads WorksheetChangedEventArgs.triggerSource).
    const c = /^ {4}(?:export )?(?:class (\w+)|interface (\w+EventArgs)\b)/.exec(line);
    if (c) {
      cls = c[1] ?? c[2];
      // The tag above the class is the set of its untagged members (a collection's `items`).
      if (pending !== null) out.set(`${cls}.items`, pending);
      pending = null;
      continue;
    }
    const tag = /\[Api set: (\S+) (\d+)\.(\d+)/.exec(line);
    if (tag) {
      if (pending === null) pending = tag[1] === "ExcelApi" ? Number(tag[3]) : 99;
      continue;
    }
    // Functions of the namespace itself (Excel.createWorkbook), keyed "Excel.name".
    const fn = /^ {4}function (\w+)\(/.exec(line);
    if (fn && pending !== null) {
      const key = `Excel.${fn[1]}`;
      out.set(key, Math.min(out.get(key) ?? Infinity, pending));
    }
    if (!isDoc && !/^ {8}\w/.test(line)) pending = null;
    if (/^ {4}\S/.test(line) && !isDoc) cls = null;
    if (!cls) continue;
    const m = /^ {8}(?:readonly )?(\w+)\??[(:<]/.exec(line);
    if (m && pending !== null) {
      const key = `${cls}.${m[1]}`;
      out.set(key, Math.min(out.get(key) ?? Infinity, pending));
      pending = null;
    }
  }
  cache = out;
  return out;
}
