/**
 * A worker in this process for the page's engine tests: it answers on a later tick through the real engine server
 * (src/app/engine/serve.ts). `hang` drops checks (a check that never ends, for cancel); `holdCopies` answers a
 * marked copy's progress but holds its final answer until `release`, so a test can see the copy under way.
 */
import type { WorkerLike } from "../../../src/app/engine/client";
import { EngineClient } from "../../../src/app/engine/client";
import type { EngineRequest, EngineResponse } from "../../../src/app/engine/protocol";
import { engineServer } from "../../../src/app/engine/serve";

export class FakeWorker implements WorkerLike {
  onmessage: ((e: MessageEvent<EngineResponse>) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  received: EngineRequest[] = [];
  terminated = false;
  hang = false;
  holdCopies = false;
  private held: EngineResponse[] = [];
  private current: EngineRequest | null = null;
  private serve = engineServer((r) => {
    if (this.holdsCopies() && r.kind !== "progress" && this.current?.kind === "copy") {
      this.held.push(r);
      return;
    }
    this.deliver(r);
  });
  /** Whether a copy's final answer is held now (a subclass may decide it elsewhere). */
  protected holdsCopies(): boolean {
    return this.holdCopies;
  }
  private deliver(r: EngineResponse): void {
    setTimeout(() => {
      if (!this.terminated) this.onmessage?.({ data: r } as MessageEvent<EngineResponse>);
    }, 0);
  }
  release(): void {
    for (const r of this.held.splice(0)) this.deliver(r);
  }
  postMessage(message: unknown): void {
    const req = message as EngineRequest;
    this.received.push(req);
    if (this.hang && req.kind === "check") return;
    setTimeout(() => {
      this.current = req;
      this.serve(req);
    }, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

/** An engine client on fake workers, with every worker it started (a cancel starts a fresh one). */
export function clientOnFakeWorkers(): { client: EngineClient; workers: FakeWorker[] } {
  const workers: FakeWorker[] = [];
  const client = new EngineClient(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w;
  });
  return { client, workers };
}
