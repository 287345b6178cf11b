/**
 * Live mode (issue 10, deliver 4): after the user edits the workbook, call back — debounced — so the pane can
 * check again and update the marks. One handler on WorksheetCollection.onChanged (ExcelApi 1.9, the manifest's
 * floor), registered in one sync and removed in one. The re-check itself is the ordinary one (read + check +
 * mark): it re-reads the whole workbook, a few syncs for a county (docs/office-host.md), so "the changed rows"
 * are not tracked separately.
 *
 * junheng's own writes (marks, the report sheet, saved corrections) must not start another check: on ExcelApi
 * 1.14 the event says so (triggerSource "ThisLocalAddin"); below it, the host tells us when it writes, and events
 * that arrive while it does or within QUIET_MS after are ignored.
 */
import type { ExcelRun } from "./excelHost";
import type { ExcelCapabilities } from "./platform";

/** Edits closer together than this are one re-check (typing a column of figures). */
export const LIVE_DEBOUNCE_MS = 1500;
/** Events this long after junheng's own write are its own (they are delivered after the sync returns). */
export const QUIET_MS = 1000;

/** Tells the watcher when the host itself writes to the workbook. */
export interface OwnWrites {
  /** Runs `work` as junheng's own write: events during it and QUIET_MS after are not the user's. */
  wrap<T>(work: () => Promise<T>): Promise<T>;
  /** True while junheng writes or within QUIET_MS after. */
  readonly active: boolean;
}

export function ownWrites(now: () => number = () => Date.now()): OwnWrites {
  let running = 0;
  let quietUntil = 0;
  return {
    async wrap<T>(work: () => Promise<T>): Promise<T> {
      running++;
      try {
        return await work();
      } finally {
        running--;
        quietUntil = now() + QUIET_MS;
      }
    },
    get active(): boolean {
      return running > 0 || now() < quietUntil;
    },
  };
}

export async function watchEdits(
  run: ExcelRun,
  caps: Pick<ExcelCapabilities, "addinTrigger">,
  own: OwnWrites,
  onChange: () => void,
  debounceMs: number = LIVE_DEBOUNCE_MS
): Promise<() => Promise<void>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const handler = async (e: Excel.WorksheetChangedEventArgs): Promise<void> => {
    if (stopped || own.active) return;
    if (caps.addinTrigger && e.triggerSource === "ThisLocalAddin") return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (!stopped) onChange();
    }, debounceMs);
  };
  const registered = await run(async (ctx) => {
    const r = ctx.workbook.worksheets.onChanged.add(handler);
    await ctx.sync();
    return r;
  });
  return async () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
    registered.remove();
    await registered.context.sync();
  };
}
