/** @jest-environment jsdom */
/**
 * 「下载标注副本」 on the page: a progress strip with the per cent written and 「取消」 while the engine worker writes
 * the copy; a cancel downloads nothing and says so; the next copy completes. The worker is a fake one in this
 * process that runs the real engine server (src/app/engine/serve.ts) and holds the copy's final answer until
 * the test lets it go, so the strip can be seen.
 */
import "../domShims";

jest.setTimeout(30_000);
import * as fs from "fs";
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../../src/app/App";
import { SAMPLE_PATH } from "../helpers";
import { FakeWorker } from "./fakeWorker";

const sampleBytes = new Uint8Array(fs.readFileSync(SAMPLE_PATH));

/** The page's Worker: every one started is kept; copies are held unless a test says otherwise. */
class PageWorker extends FakeWorker {
  static all: PageWorker[] = [];
  static holdCopies = true;
  constructor() {
    super();
    PageWorker.all.push(this);
  }
  protected override holdsCopies(): boolean {
    return PageWorker.holdCopies;
  }
}

const saved: string[] = [];
beforeEach(() => {
  PageWorker.all = [];
  PageWorker.holdCopies = true;
  saved.length = 0;
  const g = globalThis as unknown as Record<string, unknown>;
  g.Worker = PageWorker;
  g.fetch = jest.fn(async () => ({
    ok: true,
    status: 200,
    arrayBuffer: async () => sampleBytes.slice().buffer,
  }));
  URL.createObjectURL = jest.fn(() => "blob:copy");
  URL.revokeObjectURL = jest.fn();
  // saveBlob clicks an <a download>: record the file name instead of navigating.
  jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
    this: HTMLAnchorElement
  ) {
    saved.push(this.download);
  });
  localStorage.clear();
});
afterEach(() => {
  jest.restoreAllMocks();
  delete (globalThis as unknown as Record<string, unknown>).Worker;
});

test("下载标注副本 shows its progress and 取消; a cancel saves nothing; the next copy is saved", async () => {
  render(<App />);
  await act(async () => fireEvent.click(screen.getAllByRole("button", { name: "打开示例" })[0]));
  await screen.findByRole("grid", { name: "学校基本情况" });
  const pane = screen.getByTestId("pane");
  await act(async () => fireEvent.click(within(pane).getByRole("button", { name: "开始检查" })));
  await within(pane).findByTestId("county-verdict", {}, { timeout: 15_000 });
  expect(PageWorker.all).toHaveLength(1);

  fireEvent.click(screen.getByTestId("download-copy"));
  // The copy is written (its last progress is 100 %) and its answer held: the strip stays up with 取消.
  const strip = await screen.findByTestId("copy-progress");
  await waitFor(() => expect(strip.textContent).toContain("正在生成标注副本：100%"));
  const bar = within(strip).getByRole("progressbar");
  expect(bar.getAttribute("aria-valuenow")).toBe("1");
  const button = screen.getByTestId("download-copy") as HTMLButtonElement;
  expect(button.disabled).toBe(true);
  expect(button.textContent).toBe("正在生成标注副本…");

  fireEvent.click(within(strip).getByRole("button", { name: "取消" }));
  expect(
    await screen.findByText("已取消生成标注副本，没有下载任何文件。", {}, { timeout: 2_000 })
  ).toBeTruthy();
  expect(screen.queryByTestId("copy-progress")).toBeNull();
  expect(PageWorker.all[0].terminated).toBe(true);
  PageWorker.all[0].release(); // too late: a terminated worker's answer never arrives
  await new Promise((r) => setTimeout(r, 20));
  expect(saved).toEqual([]);

  // Again: a fresh worker checks the values once more and writes the copy; this time it is saved.
  PageWorker.holdCopies = false;
  fireEvent.click(screen.getByTestId("download-copy"));
  await waitFor(() => expect(saved).toEqual(["county-sample-已检查.xlsx"]));
  expect(screen.queryByTestId("copy-progress")).toBeNull();
  expect(PageWorker.all).toHaveLength(2);
  const copy = PageWorker.all[1].received.find((r) => r.kind === "copy");
  expect(copy?.kind === "copy" && "recheck" in copy.result).toBe(true);
});
