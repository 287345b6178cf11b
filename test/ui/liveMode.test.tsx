/** @jest-environment jsdom */
/**
 * Live mode in the pane (issue 10, deliver 4): with the switch on, an edit reported by the host checks the
 * workbook again and, when junheng's marks are on the sheet, marks the new findings instead of the old ones.
 * Off, edits do nothing; the browser page (no watchEdits) shows no switch.
 */
import "./domShims";
import * as React from "react";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { Sidebar } from "../../src/ui/Sidebar";
import { FakeHost, missingValueWorkbook, passingWorkbook } from "./helpers";

class WatchingHost extends FakeHost {
  listener: (() => void) | null = null;
  stopped = 0;
  async watchEdits(onChange: () => void): Promise<() => Promise<void>> {
    this.calls.push("watchEdits");
    this.listener = onChange;
    return async () => {
      this.stopped++;
      this.listener = null;
    };
  }
}

async function checked(host: FakeHost): Promise<void> {
  render(<Sidebar host={host} />);
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "开始检查" })));
  await screen.findByTestId("county-verdict", {}, { timeout: 10_000 });
}

test("an edit re-checks and re-marks: the fixed cell loses its mark", async () => {
  const host = new WatchingHost(missingValueWorkbook());
  await checked(host);
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "标注问题单元格" })));
  expect(host.marks?.some((m) => m.cell === "D3")).toBe(true);

  await act(async () => fireEvent.click(screen.getByTestId("live-mode")));
  expect(host.listener).not.toBeNull();
  host.workbook = passingWorkbook(); // the clerk fills D3
  const reads = host.calls.filter((c) => c === "readWorkbook").length;
  await act(async () => host.listener!());
  // The re-check and the re-marking run asynchronously: wait for them (a loaded machine is slow, never a measure).
  await waitFor(() => expect(host.calls.filter((c) => c === "applyMarks")).toHaveLength(2), {
    timeout: 10_000,
  });
  expect(host.calls.filter((c) => c === "readWorkbook").length).toBe(reads + 1);
  expect(host.marks?.some((m) => m.cell === "D3")).toBe(false);

  // Off again: the watcher is stopped and edits start nothing.
  await act(async () => fireEvent.click(screen.getByTestId("live-mode")));
  expect(host.stopped).toBe(1);
  expect(host.listener).toBeNull();
});

test("without marks on the sheet, an edit re-checks only; no switch where the host cannot watch", async () => {
  const host = new WatchingHost(missingValueWorkbook());
  await checked(host);
  await act(async () => fireEvent.click(screen.getByTestId("live-mode")));
  await act(async () => host.listener!());
  await waitFor(() => expect(host.calls.filter((c) => c === "readWorkbook")).toHaveLength(2), {
    timeout: 10_000,
  });
  await screen.findByTestId("county-verdict", {}, { timeout: 10_000 });
  expect(host.calls).not.toContain("applyMarks");
});

test("the browser page's host (no watchEdits) shows no live switch", async () => {
  await checked(new FakeHost(missingValueWorkbook()));
  expect(screen.queryByTestId("live-mode")).toBeNull();
});
