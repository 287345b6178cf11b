/** @jest-environment jsdom */
/**
 * Switching the pane's language re-renders the report already held: the report is language-neutral (ids and codes,
 * docs/decisions.md "A language-neutral report"), so the check is not run again and nothing is read again.
 */
import "./domShims";
import * as React from "react";
import { act, fireEvent, render, screen } from "@testing-library/react";
import type { CheckResult } from "../../src/engine/report";
import { Sidebar } from "../../src/ui/Sidebar";
import { FakeHost, sampleWorkbook } from "./helpers";

test("zh-CN → en: the same result object, shown in English; no second check or read", async () => {
  const host = new FakeHost(sampleWorkbook());
  const results: CheckResult[] = [];
  const onResult = (r: CheckResult): void => void results.push(r);
  const view = render(<Sidebar host={host} lang="zh-CN" onResult={onResult} />);
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "开始检查" })));
  const xiguan = (): HTMLElement | null =>
    document.querySelector<HTMLElement>("[data-school='西关小学']");
  // A loaded machine may take more than findBy's default 1 s to finish the check (no timing is asserted).
  const verdict = await screen.findByTestId("county-verdict", {}, { timeout: 20_000 });
  expect(verdict.textContent).toContain("不达标");
  // 西关小学: 6 key teachers for 800 students = 0.75 per 100 < 1, so 8 are needed: short by 2.
  expect(xiguan()?.textContent).toContain("还差 2 名县级以上骨干教师");
  expect(results).toHaveLength(1);

  view.rerender(<Sidebar host={host} lang="en" onResult={onResult} />);
  expect(screen.getByTestId("county-verdict").textContent).toContain(
    "County resource indicators: Does not meet"
  );
  expect(xiguan()?.textContent).toContain("short by 2 key teachers");
  expect(results).toHaveLength(1);
  expect(host.calls.filter((c) => c === "readWorkbook")).toHaveLength(1);
});
