/** @jest-environment jsdom */
/**
 * The browser page with several files opened at once: the roll-up of the counties (issue 13 §5) — a row per file,
 * the plan cost of a workbook, a JSON report without one, a file that cannot be read said so — and the roll-up
 * workbook downloaded.
 */
import "../domShims";
import * as fs from "fs";
import * as React from "react";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { App } from "../../../src/app/App";
import { checkWorkbook } from "../../../src/engine/report";
import { SECTION16_HEADER, SECTION16_ROWS, sheet, workbook } from "../../engine/helpers";
import { SAMPLE_PATH } from "../helpers";

jest.setTimeout(60_000);

test("three files at once: the sample workbook, a JSON report, a broken file; download", async () => {
  const section16 = checkWorkbook(
    workbook(sheet("小学", [SECTION16_HEADER, ...SECTION16_ROWS]))
  ).report;
  const files = [
    new File([new Uint8Array(fs.readFileSync(SAMPLE_PATH))], "甲县.xlsx"),
    new File([JSON.stringify(section16)], "乙县.json"),
    new File([new Uint8Array([1, 2, 3])], "丙县.xlsx"),
  ];
  render(<App />);
  await act(async () => fireEvent.change(screen.getByTestId("file-input"), { target: { files } }));
  await waitFor(() => expect(screen.getByTestId("rollup-failing")).toBeTruthy(), {
    timeout: 50_000,
  });
  expect(screen.getByRole("heading", { name: "汇总：3 个县的文件" })).toBeTruthy();
  const row = (name: string): string[] =>
    Array.from(screen.getByTestId("rollup-table").querySelectorAll(`[data-file='${name}'] td`)).map(
      (td) => td.textContent ?? ""
    );
  // 乙县 = §16: 小学 A and B meet, C and D do not (2/4); no 初中; a JSON report carries no plan, so no cost.
  expect(row("乙县.json")).toEqual(["乙县.json", "不达标 · 2/4", "—", "—", "—"]);
  // 甲县 is a workbook: planned, so it has a cost (a number, with thousands separators).
  expect(row("甲县.xlsx")[4]).toMatch(/^\d{1,3}(,\d{3})*$/);
  expect(row("丙县.xlsx")[1]).toBe(
    "无法检查：无法读取这个文件（应为 .xlsx 工作簿或 .json 报告）。"
  );

  const clicked: string[] = [];
  (URL as unknown as { createObjectURL: () => string }).createObjectURL = () => "blob:x";
  (URL as unknown as { revokeObjectURL: () => void }).revokeObjectURL = () => undefined;
  const spy = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
    this: HTMLAnchorElement
  ) {
    clicked.push(this.download);
  });
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "下载汇总工作簿" })));
  expect(clicked).toEqual(["汇总.xlsx"]);
  spy.mockRestore();
});
