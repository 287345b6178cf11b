/**
 * The page's engine worker client (src/app/engine/client.ts): the same answers as the engine called directly,
 * values sent to the worker once, a cancel that stops a check mid-way (the worker is terminated and the next
 * request starts a fresh one), errors rebuilt as their classes, and the main-thread fallback when no worker
 * starts (file://).
 */
import * as fs from "fs";
import { checkWorkbook, NoSchoolTableError } from "../../../src/engine/report";
import { readXlsx, XlsxReadError } from "../../../src/host/xlsx";
import { EngineClient } from "../../../src/app/engine/client";
import { CancelledError } from "../../../src/ports/sidebarHost";
import { noTableWorkbook, SAMPLE_PATH } from "../helpers";
import { clientOnFakeWorkers, FakeWorker } from "./fakeWorker";

const bytes = (): Uint8Array => new Uint8Array(fs.readFileSync(SAMPLE_PATH));

test("parse and check in the worker give the engine's own answer; the values travel once", async () => {
  const { client, workers } = clientOnFakeWorkers();
  const wb = await client.parse(bytes());
  expect(wb).toEqual(readXlsx(bytes()));
  const phases: string[] = [];
  const r1 = await client.check(wb, {}, (p) => phases.push(p.phase));
  expect(r1).toEqual(checkWorkbook(readXlsx(bytes()), {}));
  const r2 = await client.check(wb, {});
  expect(r2.report.summary).toEqual(checkWorkbook(wb, {}).report.summary);
  expect(client.where).toBe("worker");
  expect(workers).toHaveLength(1);
  // The worker read the values itself: neither check sent them.
  const checks = workers[0].received.filter((r) => r.kind === "check");
  expect(checks.map((r) => (r.kind === "check" ? r.workbook : "x"))).toEqual([
    undefined,
    undefined,
  ]);
  // The marked copy of the last check names that check: the worker still holds its result.
  const copy = await client.markedCopy(bytes(), r2, "en", [], null);
  expect(copy.byteLength).toBeGreaterThan(0);
  const sent = workers[0].received.find((r) => r.kind === "copy");
  expect(sent?.kind === "copy" && sent.result).toEqual({ check: checks[1].id });
});

test("cancel mid-check terminates the worker; the next check starts a new one and sends the values", async () => {
  const { client, workers } = clientOnFakeWorkers();
  const wb = await client.parse(bytes());
  workers[0].hang = true;
  const token = { cancelled: false };
  const pending = client.check(wb, {}, undefined, token);
  setTimeout(() => (token.cancelled = true), 10);
  await expect(pending).rejects.toBeInstanceOf(CancelledError);
  expect(workers[0].terminated).toBe(true);

  const r = await client.check(wb, {});
  expect(workers).toHaveLength(2);
  const sent = workers[1].received.find((x) => x.kind === "check");
  expect(sent?.kind === "check" && sent.workbook).toEqual(wb);
  expect(r.report.summary.errors).toBe(checkWorkbook(wb).report.summary.errors);
});

test("errors come back as their classes: no school table, not an xlsx", async () => {
  const client = new EngineClient(() => new FakeWorker());
  const e = await client.check(noTableWorkbook(), {}).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(NoSchoolTableError);
  expect((e as NoSchoolTableError).sheets).toEqual(["说明", "Sheet2"]);
  const bad = await client.parse(new Uint8Array([1, 2, 3, 4])).catch((x: unknown) => x);
  expect(bad).toBeInstanceOf(XlsxReadError);
});

test("no worker (file://): the same work on the main thread", async () => {
  const client = new EngineClient(() => null);
  const wb = await client.parse(bytes());
  const r = await client.check(wb, {});
  expect(client.where).toBe("main-thread");
  expect(r).toEqual(checkWorkbook(wb, {}));
});

test("a worker that fails to load: its request runs again on the main thread", async () => {
  const client = new EngineClient(() => {
    const w = new FakeWorker();
    w.postMessage = () => setTimeout(() => w.onerror?.(new Event("error")), 0);
    return w;
  });
  const wb = readXlsx(bytes());
  const r = await client.check(wb, {});
  expect(client.where).toBe("main-thread");
  expect(r.report.summary).toEqual(checkWorkbook(wb).report.summary);
});

test("the marked copy: progress in per cent; a cancel stops it; the next copy has a fresh worker check again", async () => {
  const { client, workers } = clientOnFakeWorkers();
  const wb = await client.parse(bytes());
  const result = await client.check(wb, {});
  workers[0].holdCopies = true;
  const seen: { phase: string; done: number; total: number }[] = [];
  const token = { cancelled: false };
  const pending = client.markedCopy(
    bytes(),
    result,
    "zh-CN",
    [],
    null,
    (p) => {
      seen.push(p);
      // Cancel once the copy is written but before its answer arrives.
      if (p.done === 100) token.cancelled = true;
    },
    token,
    wb
  );
  await expect(pending).rejects.toBeInstanceOf(CancelledError);
  expect(seen.every((p) => p.phase === "mark" && p.total === 100)).toBe(true);
  expect(seen[0].done).toBe(0);
  expect(seen[seen.length - 1].done).toBe(100);
  expect(workers[0].terminated).toBe(true);
  // The worker held the values: the copy named them instead of reading the bytes again.
  const parsed = workers[0].received.find((r) => r.kind === "parse");
  const first = workers[0].received.find((r) => r.kind === "copy");
  expect(first?.kind === "copy" && parsed?.kind === "parse" && first.wb === parsed.wb).toBe(true);

  // The fresh worker holds neither the values nor the result: it is sent the values and checks them again.
  const copy = await client.markedCopy(
    bytes(),
    result,
    "zh-CN",
    [],
    null,
    undefined,
    undefined,
    wb
  );
  expect(workers).toHaveLength(2);
  const again = workers[1].received.find((r) => r.kind === "copy");
  expect(
    again?.kind === "copy" && "recheck" in again.result && again.result.recheck.workbook
  ).toEqual(wb);
  expect(copy).toBeInstanceOf(Uint8Array);
  expect(readXlsx(copy).sheets.map((s) => s.name)).toContain("均衡达标报告");
});

describe("the early check after a read", () => {
  const report =
    require("../../../src/engine/report") as typeof import("../../../src/engine/report");
  const { defaultSettings } =
    require("../../../src/standards") as typeof import("../../../src/standards");
  const { overridesKey } =
    require("../../../src/app/overridesStore") as typeof import("../../../src/app/overridesStore");
  afterEach(() => jest.restoreAllMocks());

  test("the pane's first check with the same options is answered from it; other options check again", async () => {
    const spy = jest.spyOn(report, "checkWorkbook");
    const client = new EngineClient(() => new FakeWorker());
    const wb0 = readXlsx(bytes());
    // A correction saved in this browser for this workbook's header: the early check uses it too.
    const overrides = { 学校基本情况: { stage: "primary" as const } };
    const saved = { [overridesKey(wb0)]: JSON.stringify(overrides), "junheng.other": "x" };
    const wb = await client.parse(bytes(), undefined, undefined, {
      standard: "quality-2017",
      saved,
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(spy).toHaveBeenCalledTimes(1);
    // What the sidebar sends: the saved corrections, then the standard's default settings.
    const r1 = await client.check(wb, { overrides, settings: defaultSettings("quality-2017") });
    expect(spy).toHaveBeenCalledTimes(1);
    expect(r1).toEqual(
      checkWorkbook(readXlsx(bytes()), { overrides, settings: defaultSettings("quality-2017") })
    );
    // Used once: the next check (here without the correction) runs the engine.
    await client.check(wb, { overrides: {}, settings: defaultSettings("quality-2017") });
    expect(spy).toHaveBeenCalledTimes(3); // + the expected value computed above
  });

  test("the warm-up county checks without an error", () => {
    const { warmUp } =
      require("../../../src/app/engine/serve") as typeof import("../../../src/app/engine/serve");
    const spy = jest.spyOn(report, "checkWorkbook");
    warmUp();
    expect(spy).toHaveBeenCalledTimes(1);
    const result = spy.mock.results[0];
    expect(result.type).toBe("return");
    // 300 made-up schools (every other one a 小学), each judged: the engine ran its whole way.
    const r = result.value as ReturnType<typeof checkWorkbook>;
    expect(r.report.schools).toHaveLength(300);
    expect(r.report.schools.filter((s) => s.stage === "primary")).toHaveLength(150);
    expect(r.report.schools.filter((s) => s.status === "incomplete")).toEqual([]);
  });
});
