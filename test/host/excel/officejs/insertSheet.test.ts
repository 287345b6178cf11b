/**
 * @jest-environment jsdom
 */
/**
 * 「插入县级指标表」 through Microsoft's Office.js (standards.md §17.6): the blank sheet from the template spec, with
 * codes, labels, units and data validation on the value cells; never over a sheet of that name; the rules left out
 * (not failed) where the running Excel has no ExcelApi 1.8; requests within the budget.
 */
// First: the host writes .xlsx (the 申报表), whose module needs TextDecoder, which jsdom lacks.
import "../../../ui/domShims";
import { createExcelHost } from "../../../../src/host/excel/excelHost";
import { countyTemplateSheet } from "../../../../src/present/countyTemplate/buildCountyTemplate";
import { COUNTY_CODES } from "../../../../src/standards/county-codes-2017";
import { checkWorkbook } from "../../../../src/engine/report";
import { createHarness, MB4, peak, PROFILE } from "./harness";
import { ModelSheet, WorkbookModel } from "./model";

const never = { cancelled: false };
const noProgress = (): void => undefined;

function book(): WorkbookModel {
  return new WorkbookModel([
    new ModelSheet("学校").setRows([
      ["学校名称", "在校生数"],
      ["甲小学", 600],
    ]),
  ]);
}

test("inserts 「县级指标」: header on row 2, one row per code, rules on the value cells", async () => {
  const wb = book();
  const h = createHarness(wb);
  const host = createExcelHost(h.run, h.isSetSupported);
  const out = await host.insertSheet!(countyTemplateSheet());
  expect(out).toEqual({ name: "县级指标", created: true, validation: true });
  const s = wb.sheet("县级指标")!;
  expect(wb.active).toBe("县级指标");
  expect(["A2", "B2", "C2", "D2", "E2"].map((a) => s.value(a))).toEqual([
    "代码",
    "指标",
    "数值",
    "单位",
    "说明",
  ]);
  // Row 3 holds the first code; the last code on row 2 + n.
  expect(s.value("A3")).toBe(COUNTY_CODES[0].code);
  expect(s.value(`A${2 + COUNTY_CODES.length}`)).toBe(COUNTY_CODES[COUNTY_CODES.length - 1].code);
  expect(s.value(`D3`)).toBe(COUNTY_CODES[0].unit);
  expect(s.get("A2")?.bold).toBe(true);
  expect(s.frozenRows).toBe(2);
  // Every value cell is covered by exactly one rule; no rule outside column C.
  const covered = new Map<number, number>();
  for (const v of s.validations) {
    expect([v.rect.c0, v.rect.c1]).toEqual([2, 2]);
    for (let r = v.rect.r0; r <= v.rect.r1; r++) covered.set(r, (covered.get(r) ?? 0) + 1);
  }
  const rows = COUNTY_CODES.map((_, i) => 2 + i);
  expect(rows.every((r) => covered.get(r) === 1)).toBe(true);
  expect(covered.size).toBe(COUNTY_CODES.length);
  // A 是/否 code gets the list; a count gets decimal ≥ 0 as a warning (so "/" can be kept).
  const ruleAt = (code: string) => {
    const r = 2 + COUNTY_CODES.findIndex((d) => d.code === code);
    return s.validations.find((v) => v.rect.r0 <= r && r <= v.rect.r1)!;
  };
  expect(ruleAt("G1.met").rule).toMatchObject({ list: { source: "是,否,/" } });
  expect(ruleAt("G1.met").errorAlert).toMatchObject({ style: "Stop" });
  expect(ruleAt("G7.special_students").rule).toMatchObject({
    decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" },
  });
  expect(ruleAt("G7.special_students").errorAlert).toMatchObject({ style: "Warning" });
  expect(ruleAt("Q9.math.level").rule).toMatchObject({ list: { source: "Ⅰ,Ⅱ,Ⅲ,Ⅳ" } });
  // Rules go per run of consecutive cells: far fewer calls than codes.
  expect(s.validations.length).toBeLessThan(COUNTY_CODES.length / 2);
  const p = peak(h.server);
  expect(p.request).toBeLessThan(MB4);
  expect(p.syncs).toBeLessThanOrEqual(6);
});

test("a 「县级指标」 already there (any case, spaces around) is shown and left exactly as it was", async () => {
  const wb = book();
  const mine = new ModelSheet(" 县级指标 ").setRows([
    ["代码", "数值"],
    ["G1.met", "是"],
  ]);
  wb.sheets.push(mine);
  const before = JSON.stringify(wb.snapshot(" 县级指标 "));
  const h = createHarness(wb);
  const host = createExcelHost(h.run, h.isSetSupported);
  const out = await host.insertSheet!(countyTemplateSheet());
  expect(out).toEqual({ name: " 县级指标 ", created: false, validation: false });
  expect(wb.sheets.length).toBe(2);
  expect(JSON.stringify(wb.snapshot(" 县级指标 "))).toBe(before);
  expect(wb.active).toBe(" 县级指标 ");
});

test("without ExcelApi 1.8 the sheet is inserted without rules (the call is guarded)", async () => {
  const wb = book();
  const h = createHarness(wb);
  const no18 = (name: string, v?: string): boolean =>
    !(name === "ExcelApi" && v === "1.8") && h.isSetSupported(name, v);
  const host = createExcelHost(h.run, no18);
  const out = await host.insertSheet!(countyTemplateSheet());
  expect(out).toMatchObject({ created: true, validation: false });
  expect(wb.sheet("县级指标")!.validations).toEqual([]);
  expect(wb.sheet("县级指标")!.value("A3")).toBe(COUNTY_CODES[0].code);
});

test("round trip: the inserted sheet, filled in, is read back as 「县级指标」", async () => {
  const wb = book();
  const h = createHarness(wb);
  const host = createExcelHost(h.run, h.isSetSupported);
  await host.insertSheet!(countyTemplateSheet());
  const s = wb.sheet("县级指标")!;
  const rowOf = (code: string) => 3 + COUNTY_CODES.findIndex((d) => d.code === code);
  s.cell(rowOf("G7.special_funds") - 1, 2).value = 300;
  s.cell(rowOf("G7.special_funds") - 1, 3).value = "万元";
  s.cell(rowOf("G7.special_students") - 1, 2).value = 500;
  s.cell(rowOf("G1.met") - 1, 2).value = "是";
  const input = await host.readWorkbook(noProgress, never);
  const a = checkWorkbook(input).report.assessment!;
  expect(a.county).toEqual({ file: null, sheet: "县级指标" });
  // 300 万元 = 3,000,000 元 ÷ 500 = 6000 ≥ 6000.
  expect(a.items.find((i) => i.id === "G7")).toMatchObject({ value: 6000, meets: true });
  expect(a.items.find((i) => i.id === "G1")).toMatchObject({ meets: true, status: "entered" });
});

describe.each([
  ["Office 2021 LTSC", PROFILE.ltsc2021],
  ["Office 2024 LTSC", PROFILE.ltsc2024],
  ["Microsoft 365", PROFILE.m365],
])("「县级指标」 formatted as the downloaded template (%s)", (_name, profile) => {
  test("borders, column widths, frozen header, font size and print setup reach Excel", async () => {
    const wb = book();
    const h = createHarness(wb, profile);
    const host = createExcelHost(h.run, h.isSetSupported);
    await host.insertSheet!(countyTemplateSheet());
    const s = wb.sheet("县级指标")!;
    const last = 2 + COUNTY_CODES.length;
    // Every cell of the table (header row 2 to the last code, columns A–F) has all four sides; the title has none.
    const FOUR = ["bottom", "left", "right", "top"];
    for (let r = 1; r < last; r++)
      for (let c = 0; c < 6; c++) expect([r, c, s.cell(r, c).borders]).toEqual([r, c, FOUR]);
    expect(s.get("A1")?.borders).toBeUndefined();
    expect(s.get("G3")?.borders).toBeUndefined();
    expect(s.get(`A${last + 1}`)?.borders).toBeUndefined();
    expect(s.get("A1")).toMatchObject({ bold: true, fontSize: 12 });
    // Widths 28, 48, 14, 8, 40, 16 characters → (w × 7 + 5) px × 0.75 pt.
    expect([0, 1, 2, 3, 4, 5].map((c) => s.widths.get(c))).toEqual([
      150.75, 255.75, 77.25, 45.75, 213.75, 87.75,
    ]);
    expect(s.frozenRows).toBe(2);
    expect(s.page).toEqual({
      orientation: "Portrait",
      paperSize: "A4",
      centerHorizontally: true,
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printArea: `A1:F${last}`,
      printTitleRows: "$2:$2",
      margins: {
        leftMargin: 36,
        rightMargin: 36,
        topMargin: 54,
        bottomMargin: 54,
        headerMargin: 21.6,
        footerMargin: 21.6,
      },
    });
    const p = peak(h.server);
    expect(p.request).toBeLessThan(MB4);
    expect(p.syncs).toBeLessThanOrEqual(6);
  });
});

test("merges and row heights of a spec reach Excel (the 申报表 layouts use both)", async () => {
  const wb = book();
  const h = createHarness(wb, PROFILE.ltsc2021);
  const host = createExcelHost(h.run, h.isSetSupported);
  await host.insertSheet!({
    name: "表X",
    cells: [
      { ref: "A1", value: "标题", style: { bold: true, fontSize: 14, horizontal: "center" } },
      { ref: "A2", value: 1, style: { border: true, numFmt: "0.00" } },
      { ref: "B2", value: null, style: { border: true } },
    ],
    merges: ["A1:C1"],
    rowHeights: { 1: 30, 2: 22, 3: 30 },
    print: { area: "A1:C2", titleRows: [1, 1] },
  });
  const s = wb.sheet("表X")!;
  expect(s.merges).toEqual([{ r0: 0, c0: 0, r1: 0, c1: 2 }]);
  expect([...s.heights.entries()].sort()).toEqual([
    [0, 30],
    [1, 22],
    [2, 30],
  ]);
  expect(s.get("A2")).toMatchObject({ value: 1, numberFormat: "0.00" });
  expect(s.get("B2")?.borders).toEqual(["bottom", "left", "right", "top"]);
  expect(s.page).toMatchObject({
    orientation: "Landscape",
    printArea: "A1:C2",
    printTitleRows: "$1:$1",
  });
});
