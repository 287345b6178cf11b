/**
 * @jest-environment jsdom
 *
 * Hidden rows in the Excel host, through Microsoft's Office.js (issue 14): rows hidden inside a school table are
 * read as schools and the engine raises the same hidden-rows-read finding as for the .xlsx file, as hidden columns
 * raise hidden-columns-read; the number of syncs it costs does not grow with the rows (1 when nothing is hidden, 2
 * when something is); every request and response stays under 4 MB; without ExcelApi 1.3 the read goes on without it
 * (no finding). LTSC 2021 and 365.
 */
// First: the host writes .xlsx (the 申报表), whose module needs TextDecoder, which jsdom lacks.
import "../../../ui/domShims";
import { checkWorkbook } from "../../../../src/engine/report";
import type { WorkbookInput } from "../../../../src/engine/workbook";
import { createExcelHost } from "../../../../src/host/excel/excelHost";
import { HEADER, PRIMARY, named } from "../../../engine/layouts/fixtures";
import { createHarness, MB4, peak, PROFILE } from "./harness";
import { ModelSheet, WorkbookModel } from "./model";

const never = { cancelled: false };
const noProgress = (): void => undefined;

/** The three passing 小学 of the layout fixtures under HEADER (rows 1–4), then `extra` copies of 甲小学. */
function sheet(extra = 0): ModelSheet {
  const rows: (string | number)[][] = [
    HEADER as string[],
    ...(named(PRIMARY, "小学") as (string | number)[][]),
  ];
  for (let k = 0; k < extra; k++)
    rows.push([`第${k + 1}小学`, ...PRIMARY[0].slice(1)] as (string | number)[]);
  return new ModelSheet("小学").setRows(rows);
}

async function read(
  wb: WorkbookModel,
  maxMinor: number,
  isSetSupported?: (name: string, v?: string) => boolean
): Promise<{ input: WorkbookInput; syncs: number; request: number; response: number }> {
  const h = createHarness(wb, maxMinor);
  const host = createExcelHost(h.run, isSetSupported ?? h.isSetSupported);
  const input = await host.readWorkbook(noProgress, never);
  const p = peak(h.server);
  return { input, syncs: p.syncs, request: p.request, response: p.response };
}

const hiddenFindings = (input: WorkbookInput) =>
  checkWorkbook(input)
    .report.findings.filter((f) => f.code === "hidden-rows-read")
    .map((f) => ({ sheet: f.sheet, cell: f.cell, params: f.params }));

describe.each([
  ["Office 2021 LTSC", PROFILE.ltsc2021],
  ["Microsoft 365", PROFILE.m365],
])("%s", (_label, maxMinor) => {
  test("a hidden row is read as a school and raises one hidden-rows-read finding, as for the .xlsx file", async () => {
    const s = sheet();
    s.hiddenRows.add(2); // row 3: 乙小学
    const { input } = await read(new WorkbookModel([s]), maxMinor);
    expect(input.sheets[0].hiddenRows).toEqual([2]);
    const r = checkWorkbook(input);
    expect(r.report.summary.schools).toBe(3);
    // The finding test/cli/layouts.test.ts asserts for the same table read from an .xlsx with row 3 hidden.
    expect(hiddenFindings(input)).toEqual([
      { sheet: "小学", cell: "A3", params: { count: 1, rows: [3] } },
    ]);
  });

  test("nothing hidden: one sync more than the read itself, and no hiddenRows", async () => {
    const { input, syncs } = await read(new WorkbookModel([sheet()]), maxMinor);
    expect(input.sheets[0].hiddenRows).toBeUndefined();
    const without = await read(new WorkbookModel([sheet()]), maxMinor, (n, v) =>
      n === "ExcelApi" && (v === "1.2" || v === "1.3") ? false : true
    );
    expect(syncs - without.syncs).toBe(1);
  });

  test("the syncs do not grow with the rows: 300 and 30,000 rows, every other row hidden, cost the same", async () => {
    const cost = async (
      extra: number
    ): Promise<{ extraSyncs: number; req: number; resp: number }> => {
      const hid = sheet(extra);
      for (let r = 4; r < 4 + extra; r += 2) hid.hiddenRows.add(r);
      const a = await read(new WorkbookModel([hid]), maxMinor);
      const rows = a.input.sheets[0].hiddenRows!;
      // Rows 5, 7, 9, … (0-based 4, 6, 8, …): worked out from the loop above, not read back from the host.
      expect(rows.length).toBe(Math.ceil(extra / 2));
      expect(rows[0]).toBe(4);
      expect(rows[rows.length - 1]).toBe(4 + 2 * (Math.ceil(extra / 2) - 1));
      const b = await read(new WorkbookModel([sheet(extra)]), maxMinor);
      return { extraSyncs: a.syncs - b.syncs, req: a.request, resp: a.response };
    };
    const small = await cost(300);
    const large = await cost(30_000);
    expect(small.extraSyncs).toBe(1); // the addresses of the visible rows, in one sync
    expect(large.extraSyncs).toBe(1);
    expect(large.req).toBeLessThanOrEqual(MB4);
    expect(large.resp).toBeLessThanOrEqual(MB4);
  }, 120_000);

  test("the sheet's first column hidden too: a visible column is found (one more sync), rows still right", async () => {
    const s = sheet();
    s.hiddenRows.add(2);
    s.hiddenCols.add(0);
    const { input } = await read(new WorkbookModel([s]), maxMinor);
    expect(input.sheets[0].hiddenRows).toEqual([2]);
    expect(input.sheets[0].hiddenCols).toEqual([0]);
  });

  test("a hidden 在校生数 column (B) raises the hidden-columns-read warning of the .xlsx file, for one more sync", async () => {
    const s = sheet();
    s.hiddenCols.add(1);
    const { input, syncs } = await read(new WorkbookModel([s]), maxMinor);
    expect(input.sheets[0].hiddenCols).toEqual([1]);
    expect(input.sheets[0].hiddenRows).toBeUndefined();
    // The finding test/cli/layouts.test.ts asserts for the same table read from an .xlsx with column B hidden.
    expect(
      checkWorkbook(input)
        .report.findings.filter((f) => f.code === "hidden-columns-read")
        .map((f) => [f.sheet, f.cell, f.code, f.severity])
    ).toEqual([["小学", "B1", "hidden-columns-read", "warning"]]);
    const plain = await read(new WorkbookModel([sheet()]), maxMinor);
    expect(syncs - plain.syncs).toBe(1); // columnHidden of each used column
    expect("hiddenCols" in plain.input.sheets[0]).toBe(false);
  });

  test("a hidden column and a hidden row: both, in the same one more sync", async () => {
    const s = sheet();
    s.hiddenCols.add(7); // H: 教学仪器设备值
    s.hiddenRows.add(2);
    const { input, syncs } = await read(new WorkbookModel([s]), maxMinor);
    expect(input.sheets[0].hiddenCols).toEqual([7]);
    expect(input.sheets[0].hiddenRows).toEqual([2]);
    const plain = await read(new WorkbookModel([sheet()]), maxMinor);
    expect(syncs - plain.syncs).toBe(1);
  });

  test("every used row hidden: all of them, without asking for an empty visible view", async () => {
    const s = sheet();
    for (let r = 0; r < 4; r++) s.hiddenRows.add(r);
    const { input } = await read(new WorkbookModel([s]), maxMinor);
    expect(input.sheets[0].hiddenRows).toEqual([0, 1, 2, 3]);
  });

  test("without ExcelApi 1.3 the read goes on without hidden rows or columns: no finding (documented)", async () => {
    const s = sheet();
    s.hiddenRows.add(2);
    s.hiddenCols.add(1);
    const { input } = await read(new WorkbookModel([s]), maxMinor, (n, v) =>
      n === "ExcelApi" && (v === "1.2" || v === "1.3") ? false : true
    );
    expect(input.sheets[0].hiddenRows).toBeUndefined();
    expect(input.sheets[0].hiddenCols).toBeUndefined();
    expect(hiddenFindings(input)).toEqual([]);
    expect(checkWorkbook(input).report.summary.schools).toBe(3);
  });
});
