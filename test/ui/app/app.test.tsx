/** @jest-environment jsdom */
/**
 * The browser page in jsdom: open the sample (fetch from the same origin), check it with the sidebar, see the
 * marks in the grid, and follow a finding to its cell. The real-browser run is test/e2e/app.e2e.test.ts.
 */
import "../domShims";

// Rendering the whole pane over real workbooks takes seconds on a loaded machine; the default 5 s is not a
// statement about speed (speed is measured in docs/performance.md).
jest.setTimeout(30_000);
import * as fs from "fs";
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../../src/app/App";
import { SheetGrid } from "../../../src/app/Grid/SheetGrid";
import type { RawCell } from "../../../src/engine/workbook";
import { SAMPLE_PATH } from "../helpers";

const sampleBytes = new Uint8Array(fs.readFileSync(SAMPLE_PATH));
const fetched: string[] = [];

beforeEach(() => {
  fetched.length = 0;
  (globalThis as { fetch?: unknown }).fetch = jest.fn(async (url: string) => {
    fetched.push(url);
    return { ok: true, status: 200, arrayBuffer: async () => sampleBytes.slice().buffer };
  });
  localStorage.clear();
});

test("open the sample, check, mark, and follow a finding to its cell", async () => {
  render(<App />);
  expect(screen.getByText("把 .xlsx 文件拖到这里")).toBeTruthy();
  await act(async () => fireEvent.click(screen.getAllByRole("button", { name: "打开示例" })[0]));
  const grid = await screen.findByRole("grid", { name: "学校基本情况" });
  expect(fetched).toEqual(["samples/county-sample.xlsx"]);
  expect(within(grid).getByText("西关小学")).toBeTruthy();
  expect(screen.getByTestId("file-name").textContent).toBe("county-sample.xlsx");

  const pane = screen.getByTestId("pane");
  await act(async () => fireEvent.click(within(pane).getByRole("button", { name: "开始检查" })));
  expect(
    (await within(pane).findByTestId("county-verdict", {}, { timeout: 15_000 })).textContent
  ).toContain("不达标");

  fireEvent.click(within(pane).getByRole("button", { name: "标注问题单元格" }));
  // H5 (城关第一小学's class of 48) is in the first screenful of jsdom's fallback viewport.
  await waitFor(() =>
    expect(grid.querySelector("[data-cell='H5']")?.getAttribute("data-mark")).toBe("standard")
  );
  expect(screen.getByRole("tab", { name: /学校基本情况/ }).textContent).toContain("29");
  // K9 is further right: following the finding brings it into the rendered window.
  const xiguan = pane.querySelector<HTMLElement>("[data-school='西关小学']") as HTMLElement;
  fireEvent.click(within(xiguan).getByRole("button", { name: /还差 2 名/ }));
  await waitFor(() =>
    expect(grid.querySelector("[data-cell='K9']")?.getAttribute("data-selected")).toBe("true")
  );
  const k9 = grid.querySelector("[data-cell='K9']") as HTMLElement;
  expect(k9.getAttribute("data-mark")).toBe("standard");
  expect(k9.getAttribute("title")).toContain("还差 2 名县级以上骨干教师");

  // 李家庄初级中学 · 多媒体教室 → R22.
  const card = pane.querySelector<HTMLElement>("[data-school='李家庄初级中学']") as HTMLElement;
  fireEvent.click(within(card).getByRole("button", { name: /多媒体教室/ }));
  await waitFor(() =>
    expect(grid.querySelector("[data-cell='R22']")?.getAttribute("data-selected")).toBe("true")
  );
  expect(screen.getByTestId("status").textContent).toContain("R22");
  // The status bar names the school of the selected row (row 22 of the sample).
  expect(screen.getByTestId("status-school").textContent).toBe("李家庄初级中学");
  expect(screen.getByTestId("status").textContent).toContain("还差 1 间网络多媒体教室");

  // The downloads are enabled once there is a result.
  expect((screen.getByRole("button", { name: "下载标注副本" }) as HTMLButtonElement).disabled).toBe(
    false
  );
});

test("generating the report sheet adds its tab to the grid", async () => {
  render(<App />);
  await act(async () => fireEvent.click(screen.getAllByRole("button", { name: "打开示例" })[0]));
  const pane = await screen.findByTestId("pane");
  await act(async () => fireEvent.click(within(pane).getByRole("button", { name: "开始检查" })));
  await within(pane).findByTestId("county-verdict", {}, { timeout: 15_000 });
  fireEvent.click(within(pane).getByRole("button", { name: "生成报告工作表" }));
  const tab = await screen.findByRole("tab", { name: /均衡达标报告（将写入副本）/ });
  fireEvent.click(tab);
  const grid = await screen.findByRole("grid", { name: /均衡达标报告/ });
  expect(within(grid).getByText("县域义务教育均衡发展 资源配置达标情况")).toBeTruthy();
});

test("drag and drop an .xlsx onto the page opens it", async () => {
  const { container } = render(<App />);
  const root = container.querySelector("[lang]") as HTMLElement;
  const file = new File([sampleBytes], "某县学校数据.xlsx");
  const dataTransfer = { files: [file], types: ["Files"], dropEffect: "none" };
  fireEvent.dragEnter(root, { dataTransfer });
  expect(screen.getByText("松开鼠标即可打开")).toBeTruthy();
  await act(async () => {
    fireEvent.drop(root, { dataTransfer });
  });
  expect(await screen.findByRole("grid", { name: "学校基本情况" })).toBeTruthy();
  expect(screen.getByTestId("file-name").textContent).toBe("某县学校数据.xlsx");
  expect(screen.queryByText("松开鼠标即可打开")).toBeNull();
});

test("a file that is not .xlsx is refused with a clear message", async () => {
  render(<App />);
  const input = screen.getByTestId("file-input");
  const file = new File([new Uint8Array([1, 2, 3])], "学校.xls");
  await act(async () => fireEvent.change(input, { target: { files: [file] } }));
  expect(await screen.findByText(/无法读取「学校.xls」：请选择 .xlsx 文件/)).toBeTruthy();
});

test("the grid renders only the rows in view of a 10,000-row sheet", () => {
  const rows: RawCell[][] = [];
  for (let r = 0; r < 10_000; r++) rows.push([`学校${r}`, r, r * 2]);
  render(
    <FluentProvider theme={webLightTheme}>
      <SheetGrid
        sheet={{ name: "大表", rows }}
        selection={null}
        onSelect={() => undefined}
        label="大表"
      />
    </FluentProvider>
  );
  const grid = screen.getByRole("grid", { name: "大表" });
  expect(grid.getAttribute("aria-rowcount")).toBe("10006");
  const rendered = grid.querySelectorAll("[role='row']").length;
  expect(rendered).toBeGreaterThan(10);
  expect(rendered).toBeLessThan(60);
});
