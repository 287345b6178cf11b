/**
 * @jest-environment jsdom
 */
/**
 * 「打开申报表」 through Microsoft's Office.js: the task pane opens the 申报表 as a new workbook with
 * Excel.createWorkbook(base64) (ExcelApi 1.8) under Office 2021 LTSC, Office 2024 LTSC and Microsoft 365. The
 * model records the base64 Excel received; it is decoded here and read back with the project's own .xlsx reader,
 * and the cells are compared with figures worked out by hand from §16's four schools and three county codes.
 * Also: the same bytes as the browser page's download; the fallback (sheets inserted into the open workbook) when
 * ExcelApi 1.8 is missing or when asked; a refusal above the one-request limit; a failure reported, not hidden.
 */
import "../../../ui/domShims";
import { createExcelHost } from "../../../../src/host/excel/excelHost";
import { ONE_REQUEST_LIMIT } from "../../../../src/host/excel/budget";
import { openWorkbook, toBase64 } from "../../../../src/host/excel/openWorkbook";
import { checkWorkbook } from "../../../../src/engine/report";
import { buildDeclaration } from "../../../../src/present/declaration/buildDeclaration";
import { readXlsx } from "../../../../src/host/xlsx";
import { writeNewWorkbook, type WorkbookSpec } from "../../../../src/host/xlsx/newWorkbook";
import { ZipArchive } from "../../../../src/host/xlsx/zip";
import type { WorkbookInput } from "../../../../src/engine/workbook";
import { SECTION16_HEADER, SECTION16_ROWS } from "../../../engine/helpers";
import { createHarness, MB4, peak, PROFILE } from "./harness";
import { ModelSheet, WorkbookModel } from "./model";

jest.setTimeout(60000);

const never = { cancelled: false };
const noProgress = (): void => undefined;
const NAMES = ["表Ⅰ", "表Ⅱ-1", "表Ⅱ-2", "表Ⅲ", "表Ⅳ", "表Ⅴ", "表Ⅵ"];

/** §16's four 小学 and a 「县级指标」 with G7's two inputs and the population. */
function book(): WorkbookModel {
  return new WorkbookModel([
    new ModelSheet("小学").setRows([SECTION16_HEADER, ...SECTION16_ROWS]),
    new ModelSheet("县级指标").setRows([
      ["县级指标"],
      ["代码", "指标", "数值", "单位", "说明"],
      ["T1.population", "人口总数", 52.345, "万人"],
      ["G7.special_funds", "特教公用经费", 290, "万元"],
      ["G7.special_students", "特教学生", 500, "人"],
    ]),
  ]);
}

async function declarationOf(
  host: ReturnType<typeof createExcelHost>
): Promise<{ spec: WorkbookSpec }> {
  const input = await host.readWorkbook(noProgress, never);
  return { spec: buildDeclaration(checkWorkbook(input).report) };
}

/** A cell of a sheet read back with readXlsx: rows[r][c] of "C4" = rows[3][2]. */
function at(wb: WorkbookInput, sheet: string, ref: string): unknown {
  const m = /^([A-Z])(\d+)$/.exec(ref)!;
  const s = wb.sheets.find((x) => x.name === sheet)!;
  return s.rows[Number(m[2]) - 1]?.[m[1].charCodeAt(0) - 65] ?? null;
}

describe.each([
  ["Office 2021 LTSC", PROFILE.ltsc2021],
  ["Office 2024 LTSC", PROFILE.ltsc2024],
  ["Microsoft 365", PROFILE.m365],
])("%s: opened in a new window with Excel.createWorkbook", (_name, profile) => {
  test("the base64 Excel receives is the 申报表, 表Ⅰ–表Ⅵ with the hand-worked figures", async () => {
    const wb = book();
    const h = createHarness(wb, profile);
    const host = createExcelHost(h.run, h.isSetSupported);
    const { spec } = await declarationOf(host);
    const sheetsBefore = wb.sheets.map((s) => s.name);
    const from = h.server.stats.length;
    const out = await host.openWorkbook!(spec, { sheetPrefix: "申报表-" });

    expect(wb.created).toHaveLength(1);
    expect(wb.created[0].opened).toBe(true);
    const b64 = wb.created[0].base64;
    expect(out).toEqual({ how: "opened", bytes: b64.length });
    // The open workbook is left exactly as it was.
    expect(wb.sheets.map((s) => s.name)).toEqual(sheetsBefore);
    // One request, carrying the file.
    const p = peak(h.server, from);
    expect(p.syncs).toBe(1);
    expect(p.request).toBeGreaterThan(b64.length);
    expect(p.request).toBeLessThan(b64.length + 2000);

    const back = readXlsx(new Uint8Array(Buffer.from(b64, "base64")));
    expect(back.sheets.map((s) => s.name)).toEqual(NAMES);
    // 表Ⅰ L1 人口 52.345 万人 → 52.35 (2 dp, half up); L19 在校学生数 1200 + 600 + 300 + 150 = 2250.
    expect(at(back, "表Ⅰ", "A6")).toBe(52.35);
    expect(at(back, "表Ⅰ", "S6")).toBe(2250);
    // 表Ⅱ-1: schools meeting L1…L8 — all four meet L1; C小学 misses L2 (2 × 100 ÷ 300 = 0.67 < 1) …
    expect(at(back, "表Ⅱ-1", "C4")).toBe(4);
    expect(at(back, "表Ⅱ-1", "D4")).toBe(3);
    // 表Ⅱ-2: B小学 高学历 28 × 100 ÷ 600 = 4.666… → 4.67; C小学 仪器 57 万元 × 10000 ÷ 300 = 1900.
    expect(at(back, "表Ⅱ-2", "B5")).toBe("B小学");
    expect(at(back, "表Ⅱ-2", "G5")).toBe(4.67);
    expect(at(back, "表Ⅱ-2", "L6")).toBe(1900);
    // 表Ⅲ 全县平均 L1 = (60 + 28 + 14 + 8) × 100 ÷ (1200 + 600 + 300 + 150) = 11000 ÷ 2250 = 4.888… → 4.89.
    expect(at(back, "表Ⅲ", "C4")).toBe(4.89);
    // 表Ⅳ G7: 290 万元 = 2,900,000 元 ÷ 500 = 5800 元 < 6000 → 否.
    expect(at(back, "表Ⅳ", "B9")).toBe(
      "特殊教育学校公用经费为290万元，特殊教育学生数为500人，特殊教育学校生均公用经费为5800元"
    );
    expect(at(back, "表Ⅳ", "C9")).toBe("否");
    // 表Ⅴ and 表Ⅵ are there with their titles even with nothing filled in.
    expect(String(at(back, "表Ⅴ", "A1"))).toContain("教育质量");
    expect(String(at(back, "表Ⅵ", "A1"))).toContain("社会认可度");
  });
});

test("the bytes are the browser page's download: writeNewWorkbook of the same spec, base64-encoded", async () => {
  const wb = book();
  const h = createHarness(wb);
  const host = createExcelHost(h.run, h.isSetSupported);
  const { spec } = await declarationOf(host);
  await host.openWorkbook!(spec, { sheetPrefix: "申报表-" });
  const download = writeNewWorkbook(spec);
  // Part by part: the two archives are written a moment apart, so the DOS timestamps in the zip headers may differ
  // (a 2-second clock), but every part's name and bytes must be the same.
  const opened = new ZipArchive(new Uint8Array(Buffer.from(wb.created[0].base64, "base64")));
  const downloaded = new ZipArchive(download);
  expect(opened.names).toEqual(downloaded.names);
  for (const name of downloaded.names)
    expect(Buffer.from(opened.read(name)!).equals(Buffer.from(downloaded.read(name)!))).toBe(true);
  expect(toBase64(download)).toBe(Buffer.from(download).toString("base64"));
});

test("toBase64 is RFC 4648 with padding (the three tail lengths)", () => {
  for (const s of ["", "f", "fo", "foo", "foob", "fooba", "foobar"])
    expect(toBase64(new TextEncoder().encode(s))).toBe(Buffer.from(s).toString("base64"));
  // "Man" → TWFu (RFC 4648 §4's example by hand: 010011 010110 000101 101110).
  expect(toBase64(new Uint8Array([77, 97, 110]))).toBe("TWFu");
});

test("without ExcelApi 1.8: the seven tables are inserted as 「申报表-表Ⅰ」 … with their layout, and the outcome says why", async () => {
  const wb = book();
  const h = createHarness(wb, PROFILE.ltsc2021);
  const no18 = (name: string, v?: string): boolean =>
    !(name === "ExcelApi" && v === "1.8") && h.isSetSupported(name, v);
  const host = createExcelHost(h.run, no18);
  const { spec } = await declarationOf(host);
  const out = await host.openWorkbook!(spec, { sheetPrefix: "申报表-" });
  expect(wb.created).toEqual([]);
  expect(out).toMatchObject({ how: "inserted", why: "unsupported" });
  const names = NAMES.map((n) => `申报表-${n}`);
  expect(out.how === "inserted" && out.sheets.map((s) => [s.name, s.created])).toEqual(
    names.map((n) => [n, true])
  );
  expect(wb.sheets.map((s) => s.name)).toEqual(["小学", "县级指标", ...names]);
  expect(wb.active).toBe("申报表-表Ⅰ");
  const t22 = wb.sheet("申报表-表Ⅱ-2")!;
  expect(t22.value("G5")).toBe(4.67);
  expect(t22.get("G5")?.numberFormat).toBe("0.00");
  expect(t22.get("G5")?.borders).toEqual(["bottom", "left", "right", "top"]);
  // The title is merged across the table and the sheet prints as the .xlsx does.
  const t1 = wb.sheet("申报表-表Ⅰ")!;
  expect(t1.merges.some((m) => m.r0 === 0 && m.c0 === 0 && m.c1 === 23)).toBe(true);
  expect(t1.page).toMatchObject({
    orientation: "Landscape",
    paperSize: "A4",
    zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
    printArea: "A1:X7",
    printTitleRows: "$1:$5",
  });
  const p = peak(h.server);
  expect(p.request).toBeLessThan(MB4);
});

test("inserting again leaves the sheets already there exactly as they are, and says which", async () => {
  const wb = book();
  const h = createHarness(wb);
  const host = createExcelHost(h.run, h.isSetSupported);
  const { spec } = await declarationOf(host);
  await host.openWorkbook!(spec, { sheetPrefix: "申报表-", asSheets: true });
  wb.sheet("申报表-表Ⅳ")!.cell(20, 0).value = "我的备注";
  const before = JSON.stringify(wb.snapshot("申报表-表Ⅳ"));
  const out = await host.openWorkbook!(spec, { sheetPrefix: "申报表-", asSheets: true });
  expect(out).toMatchObject({ how: "inserted", why: "asked" });
  expect(out.how === "inserted" && out.sheets.every((s) => !s.created)).toBe(true);
  expect(JSON.stringify(wb.snapshot("申报表-表Ⅳ"))).toBe(before);
  expect(wb.sheets).toHaveLength(2 + NAMES.length);
});

test("over the one-request limit: refused with the size, nothing sent and nothing inserted", async () => {
  const wb = book();
  const h = createHarness(wb);
  const host = createExcelHost(h.run, h.isSetSupported);
  const { spec } = await declarationOf(host);
  const bytes = toBase64(writeNewWorkbook(spec)).length;
  const from = h.server.stats.length;
  const out = await openWorkbook(
    spec,
    { sheetPrefix: "申报表-" },
    {
      caps: { createWorkbook: true, dataValidation: true },
      run: h.run,
      createWorkbook: () => Promise.reject(new Error("must not be called")),
      limit: bytes - 1,
    }
  );
  expect(out).toEqual({ how: "too-large", bytes, limit: bytes - 1 });
  expect(h.server.stats.length).toBe(from);
  expect(wb.sheets).toHaveLength(2);
  expect(ONE_REQUEST_LIMIT).toBe(4 * 1024 * 1024);
});

test("Excel refusing to open it is reported with Excel's message, nothing changed", async () => {
  const wb = book();
  const h = createHarness(wb);
  const refuse = (): Promise<void> =>
    Promise.reject(
      Object.assign(
        new Error("This operation is not allowed due to the extension hardening policy."),
        {
          code: "AccessDenied",
        }
      )
    );
  const host = createExcelHost(h.run, h.isSetSupported, refuse);
  const { spec } = await declarationOf(host);
  const out = await host.openWorkbook!(spec, { sheetPrefix: "申报表-" });
  expect(out).toEqual({
    how: "failed",
    code: "AccessDenied",
    message: "This operation is not allowed due to the extension hardening policy.",
  });
  expect(wb.sheets).toHaveLength(2);
});

test("a 3,000-school county's 申报表 is far under the one-request limit (its base64 measured)", () => {
  const rows: (string | number)[][] = [SECTION16_HEADER];
  for (let i = 0; i < 3000; i++)
    rows.push(
      i % 3 === 0
        ? [`第${i + 1}小学`, 300, 14, 2, 1, 1, 1, 1200, 2700, 57, 6]
        : [`第${i + 1}小学`, 1200, 60, 14, 4, 4, 4, 6000, 9600, 300, 30]
    );
  const report = checkWorkbook({ sheets: [{ name: "小学", rows, merges: [] }] }).report;
  expect(report.schools).toHaveLength(3000);
  const b64 = toBase64(writeNewWorkbook(buildDeclaration(report)));
  // Base64 is ASCII: its UTF-8 size is its length. docs/office-host.md gives the figure (≈ 0.24 MB).
  expect(b64.length).toBeLessThan(ONE_REQUEST_LIMIT / 4);
});
