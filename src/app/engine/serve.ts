/**
 * What the engine worker does with a request (the worker entry only wires this to its message port, so the
 * same code runs in-process under test and on the page's main thread when no worker can start).
 */
import { checkWorkbook, NoSchoolTableError, type CheckResult } from "../../engine/report";
import type { WorkbookInput } from "../../engine/workbook";
import { readXlsx, XlsxReadError } from "../../host/xlsx";
import type { InflateRaw } from "../../host/xlsx/zip";
import { markedCopy } from "../download";
import { defaultSettings } from "../../standards";
import { OverridesStore } from "../overridesStore";
import type {
  EngineRequest,
  EngineResponse,
  Precheck,
  WireCheckOptions,
  WireError,
} from "./protocol";

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
const SCHOOLS_PER_PART = 250;
const FINDINGS_PER_PART = 1000;

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

/** The slices of a request's answer received so far (EngineResponse "part"). */
export interface Parts {
  schools: unknown[][];
  allFindings: unknown[][];
  /** Rows of a read workbook, by sheet index. */
  rows: Map<number, unknown[][]>;
}

export function noParts(): Parts {
  return { schools: [], allFindings: [], rows: new Map() };
}

/** A read workbook sent in parts, put back together (the inverse of postWorkbook; sparse rows stay sparse). */
export function assembleWorkbook(value: WorkbookInput, parts: Parts): WorkbookInput {
  if (!parts.rows.size) return value;
  return {
    ...value,
    sheets: value.sheets.map((sheet, i) => {
      const slices = parts.rows.get(i);
      if (!slices) return sheet;
      const rows: WorkbookInput["sheets"][number]["rows"] = [];
      let at = 0;
      for (const slice of slices) {
        // Index by index, not flat(): a row the sheet does not have is a hole, and stays one.
        for (let r = 0; r < slice.length; r++)
          if (r in slice) rows[at + r] = slice[r] as (typeof rows)[number];
        at += slice.length;
      }
      rows.length = at;
      return { ...sheet, rows };
    }),
  };
}

/** Puts a result sent in parts back together (the inverse of postResult). */
export function assemble(value: CheckResult, parts: Parts): CheckResult {
  if (!parts.schools.length && !parts.allFindings.length) return value;
  return {
    ...value,
    report: { ...value.report, schools: parts.schools.flat() as CheckResult["report"]["schools"] },
    allFindings: parts.allFindings.flat() as CheckResult["allFindings"],
  };
}

/** The options the pane's first check of `wb` will most likely send (see Precheck). */
function precheckOptions(wb: WorkbookInput, p: Precheck): WireCheckOptions {
  const saved = new Map(Object.entries(p.saved));
  const storage = {
    getItem: (k: string) => saved.get(k) ?? null,
    setItem: () => undefined,
    removeItem: () => undefined,
  } as unknown as Storage;
  return {
    overrides: new OverridesStore(storage).load(wb) ?? {},
    settings: defaultSettings(p.standard),
  };
}

/** Progress at most every 50 ms: a message per 500 schools would still be too chatty for 10,000 rows. */
const PROGRESS_MS = 50;

/**
 * Runs the engine once on a small made-up county (300 schools, the columns of a usual 基本情况 sheet), so that its
 * code is compiled before the first real check: a fresh worker's first check of 10,000 rows is otherwise slowed
 * by compiling. Called when the worker starts, while the clerk is still picking a file.
 */
export function warmUp(): void {
  const header = [
    "学校名称",
    "学段",
    "在校生数(人)",
    "专任教师数",
    "高于规定学历教师数",
    "县级及以上骨干教师数",
    "体育专任教师数",
    "艺术专任教师数",
    "教学及辅助用房面积(㎡)",
    "体育运动场馆面积(㎡)",
    "教学仪器设备值(万元)",
    "网络多媒体教室数(间)",
  ];
  const rows: (string | number)[][] = [header];
  for (let i = 0; i < 300; i++) {
    const n = 200 + ((i * 37) % 1500);
    const primary = i % 2 === 0;
    rows.push([
      `第${i + 1}${primary ? "小学" : "中学"}`,
      primary ? "小学" : "初中",
      n,
      Math.round(n / 15),
      Math.round(n / 20) + (i % 3),
      Math.round(n / 100) + (i % 2),
      Math.round(n / 200) + 1,
      Math.round(n / 250) + (i % 2),
      n * (4 + (i % 3)),
      n * (6 + (i % 4)),
      (n * (1800 + (i % 5) * 400)) / 10000,
      Math.round(n / 50) + (i % 3),
    ]);
  }
  try {
    checkWorkbook({ sheets: [{ name: "学校基本情况", rows, merges: [] }] });
  } catch {
    // A warm-up only.
  }
}

/** Rows per message when a read workbook is sent to the page (see postWorkbook). */
const ROWS_PER_PART = 2500;

/**
 * The read values in parts: the rows of long sheets in slices first, then the workbook with those sheets'
 * rows empty. Taking in 10,000 rows in one message was one main-thread task of 130–200 ms.
 */
export function postWorkbook(
  id: number,
  wb: WorkbookInput,
  post: (r: EngineResponse, transfer?: Transferable[]) => void
): void {
  const long = new Set<number>();
  wb.sheets.forEach((sheet, i) => {
    if (sheet.rows.length <= ROWS_PER_PART) return;
    long.add(i);
    for (let at = 0; at < sheet.rows.length; at += ROWS_PER_PART)
      post({
        id,
        kind: "part",
        list: "rows",
        sheet: i,
        items: sheet.rows.slice(at, at + ROWS_PER_PART),
      });
  });
  const value: WorkbookInput = long.size
    ? { ...wb, sheets: wb.sheets.map((s, i) => (long.has(i) ? { ...s, rows: [] } : s)) }
    : wb;
  post({ id, kind: "ok", value });
}

/**
 * A server over one message channel: keeps the last two workbooks it read or was sent (a check of the same
 * values — a correction, a language switch — sends nothing but the options).
 *
 * `inflate` (the worker passes nativeInflater): an asynchronous step before each read that inflates the
 * archive's XML parts with the browser's own zlib; requests are then served one after another in order.
 */
export function engineServer(
  post: (r: EngineResponse, transfer?: Transferable[]) => void,
  {
    split = true,
    inflate,
  }: {
    /** false on the main thread (nothing to clone, nothing to slice). */
    split?: boolean;
    inflate?: (bytes: Uint8Array) => Promise<InflateRaw | undefined>;
  } = {}
) {
  const held = new Map<number, WorkbookInput>();
  const hold = (id: number, wb: WorkbookInput): void => {
    held.delete(id);
    held.set(id, wb);
    while (held.size > 2) held.delete(held.keys().next().value as number);
  };
  /** The last result, for the marked copy (21 MB of structured data at 10,000 schools: not sent back). */
  let last: { check: number; result: CheckResult } | null = null;
  /** A check made right after a read (EngineRequest "parse" with precheck), by its options as JSON. */
  let early: { wb: number; key: string; result: CheckResult } | null = null;
  const serve = (req: EngineRequest, inflateRaw?: InflateRaw): void => {
    try {
      if (req.kind === "parse") {
        const wb = readXlsx(req.bytes, inflateRaw ? { inflateRaw } : {});
        hold(req.wb, wb);
        if (split) postWorkbook(req.id, wb, post);
        else post({ id: req.id, kind: "ok", value: wb });
        early = null;
        if (req.precheck) {
          const options = precheckOptions(wb, req.precheck);
          try {
            early = {
              wb: req.wb,
              key: JSON.stringify(options),
              result: checkWorkbook(wb, options),
            };
          } catch {
            // No school table, say: the pane's own check reports it.
          }
        }
      } else if (req.kind === "check") {
        if (req.workbook) hold(req.wb, req.workbook);
        const wb = held.get(req.wb);
        if (!wb) throw new Error(`engine worker: workbook ${req.wb} is not held`);
        let lastPost = 0;
        // The check made after the read, when these are its options (the engine is pure: the same result).
        const ready =
          early && early.wb === req.wb && early.key === JSON.stringify(req.options)
            ? early.result
            : null;
        early = null;
        const result =
          ready ??
          checkWorkbook(wb, {
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
  const start = (req: EngineRequest): void => {
    if (req.kind === "parse")
      post({ id: req.id, kind: "progress", phase: "read", done: 0, total: 1 });
  };
  if (!inflate)
    return (req: EngineRequest): void => {
      start(req);
      serve(req);
    };
  let queue: Promise<void> = Promise.resolve();
  return (req: EngineRequest): void => {
    start(req);
    queue = queue.then(async () => {
      const raw =
        req.kind === "parse" ? await inflate(req.bytes).catch(() => undefined) : undefined;
      serve(req, raw);
    });
  };
}
