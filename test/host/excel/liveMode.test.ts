/**
 * Live mode (issue 10, deliver 4) against the counting fake: the host calls back once the user has stopped editing
 * (debounced), never for junheng's own writes — by the event's triggerSource on ExcelApi 1.14+, by a quiet time
 * after each own write below it — and stops when asked, removing its handler.
 */
import { createExcelHost } from "../../../src/host/excel/excelHost";
import { LIVE_DEBOUNCE_MS, QUIET_MS } from "../../../src/host/excel/watch";
import { createFakeExcel, FakeSheet, FakeWorkbook, PROFILES, profileSupports } from "./fakeExcel";

function setup(maxMinor: number) {
  const wb = new FakeWorkbook([FakeSheet.fromRows("小学", [["学校名称", "在校生数"]])]);
  const fake = createFakeExcel(wb, { maxMinor });
  const host = createExcelHost(fake.run, profileSupports(maxMinor));
  const calls: number[] = [];
  return { fake, host, calls, onChange: () => calls.push(Date.now()) };
}

beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
afterEach(() => jest.useRealTimers());

describe("live mode", () => {
  test("one call after a burst of edits, LIVE_DEBOUNCE_MS after the last one", async () => {
    const { fake, host, calls, onChange } = setup(PROFILES.m365);
    const stop = await host.watchEdits!(onChange);
    expect(fake.changeHandlers()).toBe(1);
    for (let i = 0; i < 5; i++) {
      await fake.emitChanged({ triggerSource: "Unknown" });
      jest.advanceTimersByTime(LIVE_DEBOUNCE_MS / 2);
    }
    expect(calls).toHaveLength(0);
    jest.advanceTimersByTime(LIVE_DEBOUNCE_MS / 2);
    expect(calls).toHaveLength(1);
    await stop();
  });

  test("Microsoft 365 / LTSC 2021 (ExcelApi ≥ 1.14): an event this add-in caused starts no check", async () => {
    for (const profile of [PROFILES.m365, PROFILES.ltsc2021]) {
      const { fake, host, calls, onChange } = setup(profile);
      const stop = await host.watchEdits!(onChange);
      await fake.emitChanged({ triggerSource: "ThisLocalAddin" });
      jest.advanceTimersByTime(LIVE_DEBOUNCE_MS * 2);
      expect(calls).toHaveLength(0);
      await fake.emitChanged({ triggerSource: "Unknown" });
      jest.advanceTimersByTime(LIVE_DEBOUNCE_MS);
      expect(calls).toHaveLength(1);
      await stop();
    }
  });

  test("below ExcelApi 1.14 (no triggerSource): events during junheng's own write and QUIET_MS after are ignored", async () => {
    const { fake, host, calls, onChange } = setup(13);
    const stop = await host.watchEdits!(onChange);
    // Saving corrections is one of junheng's writes; Excel reports it after the sync returns.
    await host.saveOverrides({ 小学: { stage: "primary" } });
    await fake.emitChanged();
    jest.advanceTimersByTime(QUIET_MS / 2);
    await fake.emitChanged();
    jest.advanceTimersByTime(LIVE_DEBOUNCE_MS * 2);
    expect(calls).toHaveLength(0);
    // A user's edit once the quiet time is over does count.
    await fake.emitChanged();
    jest.advanceTimersByTime(LIVE_DEBOUNCE_MS);
    expect(calls).toHaveLength(1);
    await stop();
  });

  test("stop: the handler is removed and a pending call is dropped", async () => {
    const { fake, host, calls, onChange } = setup(PROFILES.m365);
    const stop = await host.watchEdits!(onChange);
    await fake.emitChanged({ triggerSource: "Unknown" });
    await stop();
    expect(fake.changeHandlers()).toBe(0);
    jest.advanceTimersByTime(LIVE_DEBOUNCE_MS * 2);
    await fake.emitChanged({ triggerSource: "Unknown" });
    jest.advanceTimersByTime(LIVE_DEBOUNCE_MS * 2);
    expect(calls).toHaveLength(0);
  });
});
