/** `junheng template county`: the blank 「县级指标」 sheet, filled in exceljs and read back (standards.md §17.6). */
import ExcelJS from "exceljs";
import { checkWorkbook } from "../../src/engine/report";
import { readXlsx, writeNewWorkbook } from "../../src/host/xlsx";
import { buildCountyTemplate } from "../../src/present/countyTemplate/buildCountyTemplate";
import { COUNTY_CODES } from "../../src/standards/county-codes-2017";
import { SECTION16_HEADER, SECTION16_ROWS, sheet } from "../engine/helpers";

// exceljs and the CLI on a shared, loaded machine: room beyond jest's 5 s default (no timing is asserted).
jest.setTimeout(60000);

test("template → filled → read", async () => {
  const bytes = writeNewWorkbook(buildCountyTemplate());
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet("县级指标")!;
  expect(ws.getCell("A2").value).toBe("代码");
  expect(ws.getCell("C2").value).toBe("数值");
  // One row per code, in the list's order, with its unit.
  expect(ws.getCell("A3").value).toBe(COUNTY_CODES[0].code);
  const rowOf = (code: string): number => 3 + COUNTY_CODES.findIndex((c) => c.code === code);
  expect(ws.getCell(`D${rowOf("G7.special_funds")}`).value).toBe("元");
  // Validation: 是/否 for judgements, decimal ≥ 0 for counts.
  expect(ws.getCell(`C${rowOf("G1.met")}`).dataValidation.type).toBe("list");
  expect(ws.getCell(`C${rowOf("G1.met")}`).dataValidation.formulae).toEqual(['"是,否,/"']);
  expect(ws.getCell(`C${rowOf("G11.eligible")}`).dataValidation).toMatchObject({
    type: "decimal",
    operator: "greaterThanOrEqual",
  });
  // Rates are percentages 0–100 (the reader refuses 120 as well).
  expect(ws.getCell(`C${rowOf("G9.rate")}`).dataValidation).toMatchObject({
    type: "decimal",
    operator: "between",
    formulae: [0, 100],
  });

  // A clerk fills a few rows: 万元 for the funds, 是 for G1 with a 说明.
  ws.getCell(`C${rowOf("G7.special_funds")}`).value = 290;
  ws.getCell(`D${rowOf("G7.special_funds")}`).value = "万元";
  ws.getCell(`C${rowOf("G7.special_students")}`).value = 500;
  ws.getCell(`C${rowOf("G1.met")}`).value = "是";
  ws.getCell(`E${rowOf("G1.met")}`).value = "布局规划已批复";
  const filled = new Uint8Array(await wb.xlsx.writeBuffer());
  const county = readXlsx(filled).sheets[0];

  const { report } = checkWorkbook(
    { sheets: [sheet("小学", [SECTION16_HEADER, ...SECTION16_ROWS])] },
    { county: { sheet: county, file: "county.xlsx" } }
  );
  const a = report.assessment!;
  expect(a.county).toEqual({ file: "county.xlsx", sheet: "县级指标" });
  // 290 万元 × 10000 ÷ 500 = 5800 元
  expect(a.items.find((i) => i.id === "G7")).toMatchObject({ value: 5800, meets: false });
  expect(a.items.find((i) => i.id === "G1")).toMatchObject({ meets: true, note: "布局规划已批复" });
  // Blank template rows are not findings.
  expect(report.findings.filter((f) => f.code.startsWith("county-"))).toEqual([]);
});
