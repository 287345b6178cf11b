/**
 * What the engine worker does with a request (the worker entry only wires this to its message port, so the
 * same code runs in-process under test and on the page's main thread when no worker can start).
 */
import { checkWorkbook, NoSchoolTableError, type CheckResult } from "../../engine/report";
import type { WorkbookInput } from "../../engine/workbook";
import { readXlsx, XlsxReadError } from "../../host/xlsx";
import { markedCopy } from "../download";
import type { EngineRequest, EngineResponse, WireError } from "./protocol";

export function toWire(e: unknown): WireError {
  if (e instanceof NoSchoolTableError)
    return {
      name: e.name,
      message: e.message,
      sheets: e.sheets,
      uncachedFormulaSheets: e.uncachedFormulaSheets,
    };
  if (e instanceof XlsxReadError)
    return { name: e.name, message: e.message, code: e.code, detail: e.detail };
  if (e instanceof Error) return { name: e.name, message: e.message };
  return { name: "Error", message: String(e) };
}

export function fromWire(w: WireError): Error {
  if (w.name === "NoSchoolTableError")
    return new NoSchoolTableError(w.sheets ?? [], w.uncachedFormulaSheets ?? []);
  if (w.name === "XlsxReadError")
    return new XlsxReadError(w.code as XlsxReadError["code"], w.message, w.detail);
  const e = new Error(w.message);
  e.name = w.name;
  return e;
}

/** Schools (≈ 2 KB of structured data each) and findings per message; see EngineResponse "part". */
const SCHOOLS_PER_PART = 500;
const FINDINGS_PER_PART = 2000;

/** The result in parts: the long lists in slices first, then the rest with the lists empty. */
function postResult(
  id: number,
  result: CheckResult,
  post: (r: EngineResponse, transfer?: Transferable[]) => void
): void {
  const { schools } = result.report;
  for (let i = 0; i < schools.length; i += SCHOOLS_PER_PART)
    post({ id, kind: "part", list: "schools", items: schools.slice(i, i + SCHOOLS_PER_PART) });
  for (let i = 0; i < result.allFindings.length; i += FINDINGS_PER_PART)
    post({
      id,
      kind: "part",
      list: "allFindings",
      items: result.allFindings.slice(i, i + FINDINGS_PER_PART),
    });
  post({
    id,
    kind: "ok",
    value: { ...result, report: { ...result.report, schools: [] }, allFindings: [] },
  });
}

/** Puts a result sent in parts back together (the inverse of postResult). */
export function assemble(
  value: CheckResult,
  parts: { schools: unknown[][]; allFindings: unknown[][] }
): CheckResult {
  if (!parts.schools.length && !parts.allFindings.length) return value;
  return {
    ...value,
    report: { ...value.report, schools: parts.schools.flat() as CheckResult["report"]["schools"] },
    allFindings: parts.allFindings.flat() as CheckResult["allFindings"],
  };
}

/** Progress at most every 50 ms: a message per 500 schools would still be too chatty for 10,000 rows. */
const PROGRESS_MS = 50;

/**
 * A server over one message channel: keeps the last two workbooks it read or was sent (a check of the same
 * values — a correction, a language switch — sends nothing but the options).
 */
export function engineServer(
  post: (r: EngineResponse, transfer?: Transferable[]) => void,
  /** split: false on the main thread (nothing to clone, nothing to slice). */
  { split = true }: { split?: boolean } = {}
) {
  const held = new Map<number, WorkbookInput>();
  const hold = (id: number, wb: WorkbookInput): void => {
    held.delete(id);
    held.set(id, wb);
    while (held.size > 2) held.delete(held.keys().next().value as number);
  };
  /** The last result, for the marked copy (21 MB of structured data at 10,000 schools: not sent back). */
  let last: { check: number; result: CheckResult } | null = null;
  return (req: EngineRequest): void => {
    try {
      if (req.kind === "parse") {
        post({ id: req.id, kind: "progress", phase: "read", done: 0, total: 1 });
        const wb = readXlsx(req.bytes);
        hold(req.wb, wb);
        post({ id: req.id, kind: "ok", value: wb });
      } else if (req.kind === "check") {
        if (req.workbook) hold(req.wb, req.workbook);
        const wb = held.get(req.wb);
        if (!wb) throw new Error(`engine worker: workbook ${req.wb} is not held`);
        let lastPost = 0;
        const result = checkWorkbook(wb, {
          ...req.options,
          onProgress: (_stage, done, total) => {
            const now = Date.now();
            if (now - lastPost < PROGRESS_MS) return;
            lastPost = now;
            post({ id: req.id, kind: "progress", phase: "check", done, total });
          },
        });
        last = { check: req.id, result };
        if (split) postResult(req.id, result, post);
        else post({ id: req.id, kind: "ok", value: result });
      } else {
        // Progress in per cent of the copy (src/app/download.ts markedCopy's shares), at most every 50 ms.
        let lastPost = 0;
        const mark = (fraction: number, always = false): void => {
          const now = Date.now();
          if (!always && now - lastPost < PROGRESS_MS) return;
          lastPost = now;
          post({
            id: req.id,
            kind: "progress",
            phase: "mark",
            done: Math.round(fraction * 100),
            total: 100,
          });
        };
        mark(0, true);
        const given = req.result;
        let result: CheckResult | null;
        if ("check" in given) result = last?.check === given.check ? last.result : null;
        else if ("recheck" in given) {
          const again = given.recheck;
          if (again.workbook) hold(again.wb, again.workbook);
          const wb = held.get(again.wb);
          if (!wb) throw new Error(`engine worker: workbook ${again.wb} is not held`);
          result = checkWorkbook(wb, again.options);
        } else result = given;
        if (!result) throw new Error("engine worker: that check's result is no longer held");
        const workbook = req.wb !== undefined ? held.get(req.wb) : undefined;
        const bytes = markedCopy(req.bytes, result, req.lang, req.marks, req.spec, workbook, mark);
        mark(1, true);
        post({ id: req.id, kind: "ok", value: bytes }, [bytes.buffer]);
      }
    } catch (e) {
      post({ id: req.id, kind: "error", error: toWire(e) });
    }
  };
}
