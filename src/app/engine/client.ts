/**
 * The page's handle on its engine worker: read, check and write the marked copy off the main thread, with
 * progress, and a cancel that works mid-check (the worker is terminated; the next request starts a fresh one).
 *
 * Where no worker can start — the page opened from file:// (Chromium gives a file:// page an opaque origin and
 * refuses the worker), a browser without workers, a CSP without worker-src — the same code runs on the main
 * thread instead (src/app/engine/serve.ts): correct, but the page is busy while it runs and 取消 only takes
 * effect between steps.
 */
import type { CheckOptions, CheckResult } from "../../engine/report";
import type { Lang } from "../../engine/reportTypes";
import type { CellMark, ReportSheetSpec } from "../../present/marks";
import type { WorkbookInput } from "../../engine/workbook";
import { CancelledError, type CancelToken, type Progress } from "../../ports/sidebarHost";
import type {
  CheckAgain,
  EngineRequest,
  EngineResponse,
  Precheck,
  WireCheckOptions,
} from "./protocol";
import { assemble, assembleWorkbook, engineServer, fromWire, noParts, type Parts } from "./serve";

/** The part of a Worker the client uses (a fake one under test). */
export interface WorkerLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<EngineResponse>) => void) | null;
  onerror: ((e: Event) => void) | null;
}

interface Pending {
  /** Slices of the answer's long lists received so far (EngineResponse "part"). */
  parts: Parts;
  resolve(v: unknown): void;
  reject(e: unknown): void;
  onProgress?: (p: Progress) => void;
  timer?: ReturnType<typeof setInterval>;
}

/** How often a running request looks at its CancelToken (the token is a plain flag). */
const CANCEL_POLL_MS = 40;

const NO_CANCEL: CancelToken = { cancelled: false };

export type EngineWhere = "worker" | "main-thread";

export class EngineClient {
  private worker: WorkerLike | null = null;
  private broken = false;
  private nextId = 1;
  private nextWb = 1;
  private readonly pending = new Map<number, Pending>();
  /** Workbook values → their number in the current worker (forgotten with the worker). */
  private known = new WeakMap<WorkbookInput, number>();
  private ids = new WeakMap<WorkbookInput, number>();
  /** Results the current worker still holds: its last check's, by that request's id. */
  private heldResult: { result: CheckResult; check: number } | null = null;
  /** How each result was made (its values and options): a fresh worker can make it again for a copy. */
  private recipes = new WeakMap<CheckResult, { input: WorkbookInput; options: WireCheckOptions }>();

  /** @param makeWorker null (or a throw) when no worker can start: the main thread does the work. */
  constructor(private readonly makeWorker: () => WorkerLike | null) {}

  /** Where the last request ran (the e2e and docs/performance.md record it). */
  where: EngineWhere = "worker";

  private ensure(): WorkerLike | null {
    if (this.worker || this.broken) return this.worker;
    let w: WorkerLike | null = null;
    try {
      w = this.makeWorker();
    } catch {
      w = null;
    }
    if (!w) {
      this.broken = true;
      return null;
    }
    w.onmessage = (e) => this.receive(e.data);
    // A worker that cannot load (a 404, a CSP refusal) fails its requests here: they run again on the main
    // thread, and so does everything after.
    w.onerror = () => {
      this.broken = true;
      this.drop();
      for (const [id, p] of [...this.pending]) {
        this.pending.delete(id);
        if (p.timer) clearInterval(p.timer);
        p.reject(new WorkerFailed());
      }
    };
    this.worker = w;
    this.known = new WeakMap();
    return w;
  }

  private drop(): void {
    this.worker?.terminate();
    this.worker = null;
    this.heldResult = null;
    this.known = new WeakMap();
  }

  private receive(r: EngineResponse): void {
    const p = this.pending.get(r.id);
    if (!p) return;
    if (r.kind === "progress") {
      p.onProgress?.({ phase: r.phase, done: r.done, total: r.total });
      return;
    }
    if (r.kind === "part") {
      if (r.list === "rows") {
        const slices = p.parts.rows.get(r.sheet) ?? [];
        p.parts.rows.set(r.sheet, slices);
        slices.push(r.items);
      } else p.parts[r.list].push(r.items);
      return;
    }
    this.pending.delete(r.id);
    if (p.timer) clearInterval(p.timer);
    if (r.kind === "ok")
      p.resolve(
        p.parts.rows.size
          ? assembleWorkbook(r.value as WorkbookInput, p.parts)
          : assemble(r.value as CheckResult, p.parts)
      );
    else p.reject(fromWire(r.error));
  }

  /** Runs one request in the worker, or (no worker) on this thread after a frame for the progress bar. */
  private request<T>(
    build: (id: number, w: WorkerLike | null) => { req: EngineRequest; transfer?: Transferable[] },
    onProgress: ((p: Progress) => void) | undefined,
    cancel: CancelToken
  ): Promise<T> {
    if (cancel.cancelled) return Promise.reject(new CancelledError());
    const w = this.ensure();
    const id = this.nextId++;
    if (!w) {
      this.where = "main-thread";
      return new Promise<T>((resolve, reject) => {
        const { req } = build(id, null);
        setTimeout(() => {
          if (cancel.cancelled) return reject(new CancelledError());
          let out: EngineResponse | undefined;
          const serve = engineServer(
            (r) => {
              if (r.kind === "progress")
                onProgress?.({ phase: r.phase, done: r.done, total: r.total });
              else out = r;
            },
            { split: false }
          );
          serve(req);
          if (cancel.cancelled) reject(new CancelledError());
          else if (out?.kind === "ok") resolve(out.value as T);
          else if (out?.kind === "error") reject(fromWire(out.error));
        }, 0);
      });
    }
    this.where = "worker";
    return new Promise<T>((resolve, reject) => {
      const p: Pending = {
        parts: noParts(),
        resolve: resolve as (v: unknown) => void,
        reject,
        onProgress,
      };
      p.timer = setInterval(() => {
        if (!cancel.cancelled) return;
        // Cancel mid-check: the worker is stopped where it is; the next request starts a fresh one.
        clearInterval(p.timer);
        this.pending.delete(id);
        this.drop();
        for (const [other, q] of [...this.pending]) {
          this.pending.delete(other);
          if (q.timer) clearInterval(q.timer);
          q.reject(new CancelledError());
        }
        reject(new CancelledError());
      }, CANCEL_POLL_MS);
      this.pending.set(id, p);
      const { req, transfer } = build(id, w);
      w.postMessage(req, transfer ?? []);
    }).catch((e: unknown) => {
      // The worker would not load: the same request on this thread (and every later one).
      if (e instanceof WorkerFailed) return this.request<T>(build, onProgress, cancel);
      throw e;
    });
  }

  private wbId(wb: WorkbookInput): number {
    let id = this.ids.get(wb);
    if (id === undefined) this.ids.set(wb, (id = this.nextWb++));
    return id;
  }

  /** Starts the worker now (its script loads and compiles while the clerk picks a file). */
  warm(): void {
    this.ensure();
  }

  /**
   * Reads an .xlsx (the bytes are copied, the caller keeps its own). `precheck`: the worker checks the values
   * right after reading them, with the options the pane's first check will most likely use (Precheck).
   */
  parse(
    bytes: Uint8Array,
    onProgress?: (p: Progress) => void,
    cancel = NO_CANCEL,
    precheck?: Precheck
  ) {
    const wb = this.nextWb++;
    return this.request<WorkbookInput>(
      (id, w) => ({
        req: {
          id,
          kind: "parse",
          wb,
          bytes: bytes.slice(),
          // On the main thread an early check would only delay the page.
          ...(w && precheck ? { precheck } : {}),
        },
      }),
      onProgress,
      cancel
    ).then((workbook) => {
      this.ids.set(workbook, wb);
      if (this.worker) this.known.set(workbook, wb);
      return workbook;
    });
  }

  /** checkWorkbook, off the main thread; values the worker already holds are not sent again. */
  check(
    input: WorkbookInput,
    options: CheckOptions,
    onProgress?: (p: Progress) => void,
    cancel = NO_CANCEL
  ): Promise<CheckResult> {
    const { onProgress: _drop, ...wire } = options;
    const wb = this.wbId(input);
    let checkId = 0;
    return this.request<CheckResult>(
      (id, w) => {
        checkId = id;
        const held = w !== null && this.known.get(input) === wb;
        if (w) this.known.set(input, wb);
        return {
          req: {
            id,
            kind: "check",
            wb,
            workbook: held ? undefined : input,
            options: wire as WireCheckOptions,
          },
        };
      },
      onProgress,
      cancel
    ).then((result) => {
      if (this.worker) this.heldResult = { result, check: checkId };
      this.recipes.set(result, { input, options: wire as WireCheckOptions });
      return result;
    });
  }

  /** A result for a copy request: the worker's own, or the check to run again there, or (last resort) itself. */
  private resultFor(
    result: CheckResult
  ): CheckResult | { check: number } | { recheck: CheckAgain } {
    if (this.heldResult?.result === result) return { check: this.heldResult.check };
    const recipe = this.recipes.get(result);
    if (!recipe) return result;
    const wb = this.wbId(recipe.input);
    const held = this.known.get(recipe.input) === wb;
    this.known.set(recipe.input, wb);
    return {
      recheck: { wb, workbook: held ? undefined : recipe.input, options: recipe.options },
    };
  }

  /**
   * The marked copy (src/app/download.ts markedCopy), off the main thread, with its progress in per cent.
   * `workbook`: the values read from `bytes`, when the worker may hold them. A cancel terminates the worker;
   * a later copy of the same result has the fresh worker check the values again instead of cloning the result.
   */
  markedCopy(
    bytes: Uint8Array,
    result: CheckResult,
    lang: Lang,
    marks: readonly CellMark[],
    spec: ReportSheetSpec | null,
    onProgress?: (p: Progress) => void,
    cancel = NO_CANCEL,
    workbook?: WorkbookInput
  ): Promise<Uint8Array> {
    return this.request<Uint8Array>(
      (id, w) => {
        const wb = workbook && w ? this.ids.get(workbook) : undefined;
        return {
          req: {
            id,
            kind: "copy",
            bytes: bytes.slice(),
            wb: wb !== undefined && workbook && this.known.get(workbook) === wb ? wb : undefined,
            // The worker's own copy of this result when it still has it: 21 MB not cloned again.
            result: w ? this.resultFor(result) : result,
            lang,
            marks: [...marks],
            spec,
          },
        };
      },
      onProgress,
      cancel
    );
  }
}

class WorkerFailed extends Error {
  constructor() {
    super("the engine worker failed to start");
    this.name = "WorkerFailed";
  }
}

/** The page's worker (dist/web/engine-worker.js, next to app.html and taskpane.html); null where none starts. */
export function pageWorker(): WorkerLike | null {
  if (typeof Worker !== "function") return null;
  if (typeof location !== "undefined" && location.protocol === "file:") return null;
  return new Worker("engine-worker.js") as unknown as WorkerLike;
}
