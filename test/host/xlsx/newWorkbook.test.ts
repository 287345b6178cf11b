import { readXlsx } from "../../../src/host/xlsx";
import {
  columnLetters,
  parseRef,
  writeNewWorkbook,
  WorkbookSpecError,
  type WorkbookSpec,
} from "../../../src/host/xlsx/newWorkbook";
import { assertWellFormed, openWithExcelJs, partText } from "./helpers";

// exceljs and the CLI on a shared, loaded machine: room beyond jest's 5 s default (no timing is asserted).
jest.setTimeout(60000);

const GREY = "FF808080";

const SPEC: WorkbookSpec = {
  sheets: [
    {
      name: "表Ⅱ-1",
      cells: [
        {
          ref: "A1",
          value: "小学、初中资源配置基本情况",
          style: { bold: true, fontSize: 14, horizontal: "center" },
        },
        { ref: "A2", value: "学段", style: { border: true, wrap: true } },
        { ref: "C3", value: 4.888888, style: { numFmt: "0.00", border: true } },
        { ref: "D3", value: 50, style: { numFmt: "0.0", fill: GREY } },
        { ref: "E3", value: 3, style: { numFmt: "0" } },
        { ref: "F3", value: true },
        { ref: "G3", value: "——" },
        { ref: "H3", value: " 前后空格 " },
        { ref: "I3", value: "a & b < c" },
        { ref: "J3", value: null, style: { fill: GREY } },
      ],
      merges: ["A1:J1", "A4:A5"],
      columnWidths: [8, 30, undefined, 12],
      rowHeights: { 1: 28 },
      print: { area: "A1:J7", titleRows: [1, 3] },
    },
    {
      name: "县级指标",
      cells: [
        { ref: "A1", value: "代码" },
        { ref: "C1", value: "数值" },
      ],
      validations: [
        { range: "C2:C5", type: "list", list: ["是", "否"], error: "请填 是 或 否" },
        { range: "C6:C9", type: "decimal", min: 0, error: "请填不小于 0 的数" },
      ],
      freezeRows: 1,
    },
  ],
};

describe("writeNewWorkbook", () => {
  const bytes = writeNewWorkbook(SPEC);

  it("writes well-formed parts", () => {
    for (const part of [
      "[Content_Types].xml",
      "xl/workbook.xml",
      "xl/styles.xml",
      "xl/sharedStrings.xml",
      "xl/worksheets/sheet1.xml",
      "xl/worksheets/sheet2.xml",
    ])
      assertWellFormed(partText(bytes, part));
  });

  it("re-opens in exceljs with values, number formats, fills, bold, merges, widths", async () => {
    const wb = await openWithExcelJs(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["表Ⅱ-1", "县级指标"]);
    const ws = wb.getWorksheet("表Ⅱ-1")!;
    expect(ws.getCell("A1").value).toBe("小学、初中资源配置基本情况");
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("A1").font?.size).toBe(14);
    expect(ws.getCell("A1").alignment?.horizontal).toBe("center");
    expect(ws.getCell("A2").alignment?.wrapText).toBe(true);
    expect(ws.getCell("A2").border?.left?.style).toBe("thin");
    // Numbers stay numbers; the format is what rounds the display.
    expect(ws.getCell("C3").value).toBe(4.888888);
    expect(ws.getCell("C3").numFmt).toBe("0.00");
    expect(ws.getCell("D3").value).toBe(50);
    expect(ws.getCell("D3").numFmt).toBe("0.0");
    expect(ws.getCell("E3").numFmt).toBe("0");
    expect(ws.getCell("F3").value).toBe(true);
    expect(ws.getCell("G3").value).toBe("——");
    expect(ws.getCell("H3").value).toBe(" 前后空格 ");
    expect(ws.getCell("I3").value).toBe("a & b < c");
    const fill = ws.getCell("D3").fill as {
      type: string;
      pattern: string;
      fgColor?: { argb?: string };
    };
    expect(fill.type).toBe("pattern");
    expect(fill.pattern).toBe("solid");
    expect(fill.fgColor?.argb).toBe(GREY);
    // An empty value with a fill still carries the fill.
    expect((ws.getCell("J3").fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe(GREY);
    // A cell with no style has no fill.
    expect((ws.getCell("C3").fill as { pattern?: string } | undefined)?.pattern ?? "none").toBe(
      "none"
    );
    expect(ws.getCell("B1").isMerged).toBe(true);
    expect(ws.getCell("A5").isMerged).toBe(true);
    expect(ws.getColumn(2).width).toBe(30);
    expect(ws.getRow(1).height).toBe(28);
  });

  it("sets the print area, repeated title rows, A4 landscape and fit to width", async () => {
    const wb = await openWithExcelJs(bytes);
    const ws = wb.getWorksheet("表Ⅱ-1")!;
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.orientation).toBe("landscape");
    expect(ws.pageSetup.fitToPage).toBe(true);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.fitToHeight).toBe(0);
    const wbXml = partText(bytes, "xl/workbook.xml");
    expect(wbXml).toContain(
      `<definedName name="_xlnm.Print_Area" localSheetId="0">'表Ⅱ-1'!$A$1:$J$7</definedName>`
    );
    expect(wbXml).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="0">'表Ⅱ-1'!$1:$3</definedName>`
    );
  });

  it("writes list and decimal validations and a frozen header", async () => {
    const wb = await openWithExcelJs(bytes);
    const ws = wb.getWorksheet("县级指标")!;
    const list = ws.getCell("C3").dataValidation;
    expect(list.type).toBe("list");
    expect(list.formulae).toEqual(['"是,否"']);
    const dec = ws.getCell("C7").dataValidation;
    expect(dec.type).toBe("decimal");
    expect(dec.operator).toBe("greaterThanOrEqual");
    expect(dec.formulae).toEqual([0]);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  });

  it("is read back by junheng's own reader", () => {
    const wb = readXlsx(bytes);
    const sheet = wb.sheets.find((s) => s.name === "表Ⅱ-1")!;
    expect(sheet.rows[2]?.[2]).toBe(4.888888);
    expect(sheet.rows[2]?.[6]).toBe("——");
  });

  it("rejects a bad reference, a duplicate and an invalid sheet name", () => {
    expect(() =>
      writeNewWorkbook({ sheets: [{ name: "a", cells: [{ ref: "1A", value: 1 }] }] })
    ).toThrow(WorkbookSpecError);
    expect(() =>
      writeNewWorkbook({
        sheets: [
          { name: "表Ⅰ", cells: [] },
          { name: "表Ⅰ", cells: [] },
        ],
      })
    ).toThrow(WorkbookSpecError);
    expect(() => writeNewWorkbook({ sheets: [{ name: "a/b", cells: [] }] })).toThrow(
      WorkbookSpecError
    );
    expect(() => writeNewWorkbook({ sheets: [] })).toThrow(WorkbookSpecError);
  });

  it("converts references both ways", () => {
    expect(parseRef("A1")).toEqual({ col: 0, row: 1 });
    expect(parseRef("X6")).toEqual({ col: 23, row: 6 });
    expect(parseRef("AA10")).toEqual({ col: 26, row: 10 });
    expect(columnLetters(0)).toBe("A");
    expect(columnLetters(25)).toBe("Z");
    expect(columnLetters(26)).toBe("AA");
    expect(columnLetters(701)).toBe("ZZ");
    expect(columnLetters(702)).toBe("AAA");
  });
});
