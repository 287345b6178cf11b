/** @jest-environment jsdom */
/**
 * 重新检查 says what changed since the last check: the clerk fills 二小's empty 骨干教师 (D3) and checks again; the
 * pane says how many problems were resolved and that none are new, and names 二小. A re-check of an unchanged
 * workbook resolves nothing and adds nothing.
 */
import "./domShims";
import * as React from "react";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { diffFindings } from "../../src/engine/diff/reportDiff";
import { checkWorkbook } from "../../src/engine/report";
import { Sidebar } from "../../src/ui/Sidebar";
import { FakeHost, missingValueWorkbook, passingWorkbook } from "./helpers";

test("after a fix, 重新检查 shows 已解决 N 项，新增 0 项 and the school", async () => {
  const host = new FakeHost(missingValueWorkbook());
  render(<Sidebar host={host} />);
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "开始检查" })));
  await screen.findByTestId("county-verdict");
  expect(screen.queryByTestId("recheck-diff")).toBeNull(); // a first check has nothing to compare with

  host.workbook = passingWorkbook(); // D3 filled in and saved
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "重新检查" })));
  const diff = await screen.findByTestId("recheck-diff");
  // N is every problem the empty cell caused; it includes the missing value at D3 itself.
  const d = diffFindings(
    checkWorkbook(missingValueWorkbook()).allFindings,
    checkWorkbook(passingWorkbook()).allFindings
  );
  expect(d.resolvedFindings.some((f) => f.code === "missing-value" && f.cell === "D3")).toBe(true);
  expect(d.added).toBe(0);
  expect(diff.textContent).toContain(`与上次检查相比：已解决 ${d.resolved} 项，新增 0 项`);
  expect(within(diff).getByText(/^二小：已解决 \d+ 项，新增 0 项$/)).toBeTruthy();

  await act(async () => fireEvent.click(screen.getByRole("button", { name: "重新检查" })));
  expect((await screen.findByTestId("recheck-diff")).textContent).toContain(
    "与上次检查相比：已解决 0 项，新增 0 项"
  );
});
