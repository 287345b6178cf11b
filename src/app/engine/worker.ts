/**
 * The engine worker (webpack entry "engine-worker" → dist/web/engine-worker.js): reads the workbook, checks it
 * and writes the marked copy off the page's main thread, so the page stays responsive and 取消 works mid-check.
 */
import { nativeInflater } from "./nativeInflate";
import { engineServer, warmUp } from "./serve";
import type { EngineRequest } from "./protocol";

interface WorkerScope {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<EngineRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const serve = engineServer((r, transfer) => scope.postMessage(r, transfer ?? []), {
  inflate: nativeInflater,
});
scope.onmessage = (e) => serve(e.data);
// Compile the engine while the clerk picks a file (a request that arrives meanwhile waits ~60 ms for it).
setTimeout(warmUp, 0);
