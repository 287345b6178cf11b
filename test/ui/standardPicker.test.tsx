/** @jest-environment jsdom */
/**
 * The pane does what the CLI's --standard and --profile do: choose 2012 基本均衡 instead of 2017, or load a
 * province profile file; a bad file is refused with a one-line reason in the pane's language.
 */
import "./domShims";
import * as React from "react";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import type { CheckResult } from "../../src/engine/report";
import { Sidebar } from "../../src/ui/Sidebar";
import { FakeHost, passingWorkbook } from "./helpers";

jest.setTimeout(30_000);

function setup(): CheckResult[] {
  const results: CheckResult[] = [];
  render(<Sidebar host={new FakeHost(passingWorkbook())} onResult={(r) => results.push(r)} />);
  return results;
}

async function check(results: CheckResult[]): Promise<void> {
  const before = results.length;
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "开始检查" })));
  await waitFor(() => expect(results.length).toBeGreaterThan(before));
}

test("2017 by default; 2012 基本均衡 when chosen", async () => {
  const results = setup();
  fireEvent.click(screen.getByRole("button", { name: "2012 基本均衡" }));
  await check(results);
  expect(results.at(-1)?.report.standard.id).toBe("basic-2012");
});

test("a province profile file is applied and named; the standard buttons step aside", async () => {
  const results = setup();
  const file = new File(
    [JSON.stringify({ name: "某省细则", standard: "quality-2017", cvLimit: { primary: 0.4 } })],
    "province.json",
    { type: "application/json" }
  );
  await act(async () =>
    fireEvent.change(screen.getByTestId("profile-input"), { target: { files: [file] } })
  );
  await waitFor(() =>
    expect(screen.getByTestId("profile-name").textContent).toBe(
      "正在使用配置「某省细则」（2017 优质均衡）"
    )
  );
  await check(results);
  expect(results.at(-1)?.report.standard.profile).toBe("某省细则");
});

test("a file that is not JSON is refused with its name and why", async () => {
  setup();
  const bad = new File(["{ not json"], "bad.json", { type: "application/json" });
  await act(async () =>
    fireEvent.change(screen.getByTestId("profile-input"), { target: { files: [bad] } })
  );
  expect(
    await screen.findByText(/无法使用配置文件「bad\.json」：配置文件不是有效的 JSON/)
  ).toBeTruthy();
  expect(screen.queryByTestId("profile-name")).toBeNull();
});

test("the pane states the profile's floor share, not the national 85 %", async () => {
  const results = setup();
  const file = new File(
    [JSON.stringify({ name: "某省细则", perSchool: { minMet: 6, floorShare: 0.9 } })],
    "province.json",
    { type: "application/json" }
  );
  await act(async () =>
    fireEvent.change(screen.getByTestId("profile-input"), { target: { files: [file] } })
  );
  await waitFor(() => expect(screen.getByTestId("profile-name")).toBeTruthy());
  await check(results);
  expect(results.at(-1)?.report.standard.perSchool?.floorShare).toBe(0.9);
  // The results screen renders in a transition after the result arrives.
  await screen.findByTestId("county-verdict");
  const text = document.body.textContent ?? "";
  // 0.9 of the standard, written as the pane writes shares: "90%".
  expect(text).toContain("该项低于标准，但达到标准的 90%");
  expect(text).not.toContain("85%");
});
