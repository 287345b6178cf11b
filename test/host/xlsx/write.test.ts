import ExcelJS from "exceljs";
import { strFromU8, strToU8 } from "fflate";
import type { CellMark, ReportSheetSpec } from "../../../src/present/marks";
import {
  MARK_FILL_ARGB,
  NOTE_AUTHOR,
  readXlsx,
  writeMarkedCopy,
  XlsxReadError,
} from "../../../src/host/xlsx";
import { uniqueSheetName } from "../../../src/host/xlsx/write";
import { childElements, rootTag } from "../../../src/host/xlsx/xml";
import { countyWorkbook } from "./fixture";
import {
  assertWellFormed,
  editPackage,
  extras,
  handPackage,
  NS,
  openWithExcelJs,
  partText,
  sheetXml,
  toBytes,
  unzip,
} from "./helpers";
import { appendToCommentsXml } from "../../../src/host/xlsx/notes";

const MARKS: CellMark[] = [
  { sheet: "学校", cell: "B4", kind: "standard", note: "小学生数低于标准 150 人" },
  { sheet: "学校", cell: "C4", kind: "data", note: "数字存为文本" },
  // A4 already has a user note: junheng's text is appended.
  { sheet: "学校", cell: "A4", kind: "data", note: "学校名称重复" },
  // Two marks on one cell are merged: notes joined, the data fill wins (data first, then the verdict).
  { sheet: "学校", cell: "E5", kind: "data", note: "除数为 0" },
  { sheet: "学校", cell: "E5", kind: "standard", note: "师生比无法计算" },
  // A cell that does not exist in an existing row, and a row that does not exist.
  { sheet: "学校", cell: "C5", kind: "data", note: "初中学生数缺失" },
  { sheet: "学校", cell: "D12", kind: "standard", note: "新行" },
  // A formula cell on the other sheet (no comments there yet).
  { sheet: "汇总", cell: "B1", kind: "standard", note: "学校数不足" },
];

const REPORT: ReportSheetSpec = {
  name: "学校", // collides with the data sheet → "学校 (2)"
  rows: [
    ["均衡达标报告"],
    ["指标", "差异系数", "标准", "结论"],
    ["生均教学仪器设备值", { value: 0.6543, decimals: 3 }, 0.5, "未达标"],
    ["师生比", { value: 12.5, decimals: 2 }, null, "达标"],
    ["学校数", 3],
  ],
  boldRows: [0, 1],
  columnWidths: [24, 12, 0, 10],
  failCells: [{ row: 2, col: 1 }],
};

/** Marked cells as "sheet!A1" → kind. */
const MARKED = new Map<string, string>([
  ["学校!B4", "standard"],
  ["学校!C4", "data"],
  ["学校!A4", "data"],
  ["学校!E5", "data"],
  ["学校!C5", "data"],
  ["学校!D12", "standard"],
  ["汇总!B1", "standard"],
]);

/** Font 0 of exceljs-written workbooks, as exceljs reports it. */
const DEFAULT_FONT = { color: { theme: 1 }, family: 2, name: "Calibri", scheme: "minor", size: 11 };

function empty<T extends object>(x: T | undefined): T | undefined {
  return x && Object.keys(x).length ? x : undefined;
}

function noteText(cell: ExcelJS.Cell): string | undefined {
  const n = cell.note as unknown;
  if (n === undefined || n === null) return undefined;
  if (typeof n === "string") return n;
  return (n as { texts: { text: string }[] }).texts.map((t) => t.text).join("");
}

function fillArgb(cell: ExcelJS.Cell): string | undefined {
  const f = cell.fill as ExcelJS.FillPattern | undefined;
  return f && f.type === "pattern" ? f.fgColor?.argb : undefined;
}

describe("writeMarkedCopy on the county workbook", () => {
  let input: Uint8Array;
  let output: Uint8Array;
  let reportName: string | undefined;
  let inWb: ExcelJS.Workbook;
  let outWb: ExcelJS.Workbook;

  beforeAll(async () => {
    input = await countyWorkbook();
    const before = input.slice();
    const r = writeMarkedCopy(input, MARKS, REPORT);
    expect(input).toEqual(before); // the input buffer is not modified
    output = r.bytes;
    reportName = r.reportSheetName;
    inWb = await openWithExcelJs(input);
    outWb = await openWithExcelJs(output);
  });

  test("report sheet gets a unique name and comes last", () => {
    expect(reportName).toBe("学校 (2)");
    expect(outWb.worksheets.map((w) => w.name)).toEqual(["学校", "汇总", "学校 (2)"]);
  });

  test("marked cells carry two distinct fills and keep the rest of their style", () => {
    expect(MARK_FILL_ARGB.standard).not.toBe(MARK_FILL_ARGB.data);
    for (const [key, kind] of MARKED) {
      const [sheet, addr] = key.split("!");
      const cell = outWb.getWorksheet(sheet)!.getCell(addr);
      expect([key, fillArgb(cell)]).toEqual([key, MARK_FILL_ARGB[kind as "standard" | "data"]]);
      expect((cell.fill as ExcelJS.FillPattern).pattern).toBe("solid");
    }
    // B4 kept its "#,##0" number format; E4 (unmarked formula) kept "0.0".
    expect(outWb.getWorksheet("学校")!.getCell("B4").numFmt).toBe("#,##0");
  });

  test("notes: new notes by junheng, the user's note kept with junheng's text after a blank line", () => {
    const ws = outWb.getWorksheet("学校")!;
    expect(noteText(ws.getCell("B4"))).toBe("小学生数低于标准 150 人");
    expect(noteText(ws.getCell("C5"))).toBe("初中学生数缺失");
    expect(noteText(ws.getCell("D12"))).toBe("新行");
    expect(noteText(ws.getCell("E5"))).toBe("除数为 0\n师生比无法计算");
    expect(noteText(ws.getCell("A4"))).toBe("用户批注：数据来自2023年报\n\n学校名称重复");
    expect(noteText(outWb.getWorksheet("汇总")!.getCell("B1"))).toBe("学校数不足");
    // No note on unmarked cells.
    expect(noteText(ws.getCell("D4"))).toBeUndefined();

    const comments = partText(output, "xl/comments1.xml");
    expect(comments).toContain(`<author>${NOTE_AUTHOR}</author>`);
    const vml = partText(output, "xl/drawings/vmlDrawing1.vml");
    // One Note shape per comment: the user's one + 5 new (A4 reuses the user's shape).
    expect(vml.match(/ObjectType="Note"/g)).toHaveLength(6);
    expect(vml).toContain("<x:Row>11</x:Row><x:Column>3</x:Column>");
  });

  test("the report sheet: values, number formats, bold rows, widths, fail fill", () => {
    const ws = outWb.getWorksheet("学校 (2)")!;
    expect(ws.getCell("A1").value).toBe("均衡达标报告");
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("B2").font?.bold).toBe(true);
    expect(ws.getCell("A3").font?.bold).toBeFalsy();
    expect(ws.getCell("B3").value).toBe(0.6543);
    expect(ws.getCell("B3").numFmt).toBe("0.000");
    expect(fillArgb(ws.getCell("B3"))).toBe(MARK_FILL_ARGB.standard);
    expect(ws.getCell("B4").value).toBe(12.5);
    expect(ws.getCell("B4").numFmt).toBe("0.00");
    expect(ws.getCell("C3").value).toBe(0.5);
    expect(ws.getCell("C4").value).toBeNull();
    expect(ws.getCell("B5").value).toBe(3);
    expect(ws.getColumn(1).width).toBe(24);
    expect(ws.getColumn(2).width).toBe(12);
    expect(ws.getColumn(4).width).toBe(10);
    // The report does not touch the shared string table.
    expect(partText(output, "xl/sharedStrings.xml")).toBe(partText(input, "xl/sharedStrings.xml"));
  });

  test("every other cell: value, formula and style are unchanged (marked cells: all but the fill)", () => {
    for (const name of ["学校", "汇总"]) {
      const a = inWb.getWorksheet(name)!;
      const b = outWb.getWorksheet(name)!;
      for (let r = 1; r <= 15; r++) {
        for (let c = 1; c <= 8; c++) {
          const ca = a.getCell(r, c);
          const cb = b.getCell(r, c);
          const key = `${name}!${ca.address}`;
          expect([key, cb.value]).toEqual([key, ca.value]);
          expect([key, cb.formula]).toEqual([key, ca.formula]);
          const created = key === "学校!C5" || key === "学校!D12";
          if (created) continue; // did not exist before: default style + fill
          // exceljs reports an unstyled cell's font/border as undefined, and the same look through an explicit
          // style (the clone of xf 0 that carries the fill) as the workbook's default font and an empty border.
          const font = MARKED.has(key) && ca.font === undefined ? DEFAULT_FONT : ca.font;
          expect([key, cb.numFmt, cb.font, empty(cb.border), cb.alignment, cb.protection]).toEqual([
            key,
            ca.numFmt,
            font,
            empty(ca.border),
            ca.alignment,
            ca.protection,
          ]);
          if (!MARKED.has(key)) expect([key, cb.fill]).toEqual([key, ca.fill]);
          if (!MARKED.has(key) && key !== "学校!A4")
            expect([key, noteText(cb)]).toEqual([key, noteText(ca)]);
        }
      }
    }
  });

  test("sheet features survive: merges, hidden row, widths, frozen panes, validation, conditional format, defined name", () => {
    const a = inWb.getWorksheet("学校")!;
    const b = outWb.getWorksheet("学校")!;
    expect(b.model.merges.sort()).toEqual(a.model.merges.sort());
    expect(b.getRow(5).hidden).toBe(true);
    expect(b.getColumn(1).width).toBe(24);
    expect(b.getColumn(6).width).toBe(30);
    expect(b.views).toEqual(a.views);
    expect(b.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 3 });
    expect(extras(b).dataValidations.model).toEqual(extras(a).dataValidations.model);
    expect(extras(b).dataValidations.model["C5"]).toMatchObject({
      type: "whole",
      operator: "greaterThanOrEqual",
    });
    expect(extras(b).conditionalFormattings).toEqual(extras(a).conditionalFormattings);
    expect(extras(b).conditionalFormattings).toHaveLength(1);
    expect(outWb.definedNames.model).toEqual(inWb.definedNames.model);
    expect(outWb.definedNames.model.length).toBe(1);
  });

  test("readXlsx of the copy returns the same values (plus the report sheet)", () => {
    const a = readXlsx(input);
    const b = readXlsx(output);
    expect(b.sheets.slice(0, 2)).toEqual(a.sheets);
    expect(b.sheets[2].name).toBe("学校 (2)");
    expect(b.sheets[2].rows[2]).toEqual(["生均教学仪器设备值", 0.6543, 0.5, "未达标"]);
  });

  test("zip level: parts that need no change are byte-identical; changed parts are well-formed", () => {
    const a = unzip(input);
    const b = unzip(output);
    const changed = new Set([
      "[Content_Types].xml",
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
      "xl/worksheets/sheet1.xml",
      "xl/worksheets/sheet2.xml",
      "xl/comments1.xml",
      "xl/drawings/vmlDrawing1.vml",
    ]);
    for (const name of Object.keys(a)) {
      expect(name in b).toBe(true);
      if (changed.has(name)) continue;
      expect([name, Buffer.from(b[name]).equals(Buffer.from(a[name]))]).toEqual([name, true]);
    }
    const created = Object.keys(b).filter((n) => !(n in a));
    expect(created.sort()).toEqual(
      [
        // junheng's record of the styles it cloned (markRecord.ts), for the next time the copy is marked.
        "customXml/_rels/item1.xml.rels",
        "customXml/item1.xml",
        "customXml/itemProps1.xml",
        "xl/comments2.xml",
        "xl/drawings/vmlDrawing2.vml",
        "xl/worksheets/_rels/sheet2.xml.rels",
        "xl/worksheets/sheet3.xml",
      ].sort()
    );
    for (const n of [...changed, ...created]) assertWellFormed(strFromU8(b[n]), n);
    // Entry order of the original parts is kept; new parts follow.
    expect(Object.keys(b).slice(0, Object.keys(a).length)).toEqual(Object.keys(a));
  });

  test("changed worksheet: everything but the marked cells' s, <dimension> and <legacyDrawing> is unchanged", () => {
    const before = partText(input, "xl/worksheets/sheet1.xml");
    const after = partText(output, "xl/worksheets/sheet1.xml");
    const top = (xml: string) => {
      const root = rootTag(xml)!;
      return childElements(xml, root, new Set(["sheetData"])).map((e) => ({
        name: e.name,
        text: xml.slice(e.start, e.end),
      }));
    };
    const ta = top(before).filter((e) => !["sheetData", "dimension"].includes(e.name));
    const tb = top(after).filter((e) => !["sheetData", "dimension"].includes(e.name));
    expect(tb).toEqual(ta); // the sheet already had a legacyDrawing: reused, not duplicated
    expect(after.slice(0, after.indexOf("<dimension"))).toBe(
      before.slice(0, before.indexOf("<dimension"))
    );

    const rows = (xml: string) => xml.match(/<row [^>]*>.*?<\/row>/g) ?? [];
    const ra = rows(before);
    const rb = rows(after);
    expect(ra.length).toBe(7);
    expect(rb.length).toBe(8); // + row 12
    for (const i of [0, 1, 2, 5, 6]) expect(rb[i]).toBe(ra[i]);
    // Row 4: only s attributes of A4, B4, C4 differ.
    const strip = (s: string) => s.replace(/ s="\d+"/g, "");
    expect(strip(rb[3])).toBe(strip(ra[3]));
    // Row 5: spans unchanged (C5 is inside 1:5), C5 inserted between B5 and D5, E5 restyled.
    expect(rb[4]).toMatch(/<c r="B5"><v>0<\/v><\/c><c r="C5" s="\d+"\/><c r="D5">/);
    expect(strip(rb[4]).replace(/<c r="C5"\/>/, "")).toBe(strip(ra[4]));
    expect(rb[7]).toMatch(/^<row r="12"><c r="D12" s="\d+"\/><\/row>$/);
    expect(after).toContain('<dimension ref="A1:F12"/>');
  });

  test("changed sheet without notes before: <legacyDrawing> at the schema position, fresh rIds", () => {
    const after = partText(output, "xl/worksheets/sheet2.xml");
    expect(after).toMatch(/<pageSetup [^>]*\/><legacyDrawing r:id="rId2"\/><\/worksheet>$/);
    const rels = partText(output, "xl/worksheets/_rels/sheet2.xml.rels");
    expect(rels).toContain('Target="../comments2.xml"');
    expect(rels).toContain('Target="../drawings/vmlDrawing2.vml"');
    const ct = partText(output, "[Content_Types].xml");
    expect(ct).toContain(
      '<Override PartName="/xl/comments2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>'
    );
    expect(ct).toContain('<Override PartName="/xl/worksheets/sheet3.xml"');
    expect(ct.match(/Extension="vml"/g)).toHaveLength(1);
    // Shape ids do not collide across VML drawings (separate idmap blocks).
    expect(partText(output, "xl/drawings/vmlDrawing2.vml")).toContain('data="2"');
  });

  test("styles: existing entries kept in place, new ones appended with updated counts", () => {
    const before = partText(input, "xl/styles.xml");
    const after = partText(output, "xl/styles.xml");
    const kids = (xml: string, name: string) => {
      const sec = childElements(xml, rootTag(xml)!).find((e) => e.name === name);
      return sec ? childElements(xml, sec.open).map((e) => xml.slice(e.start, e.end)) : [];
    };
    for (const name of [
      "fonts",
      "fills",
      "borders",
      "cellStyleXfs",
      "cellXfs",
      "cellStyles",
      "dxfs",
    ]) {
      const a = kids(before, name);
      const b = kids(after, name);
      expect(b.slice(0, a.length)).toEqual(a);
      const count = new RegExp(`<${name} count="(\\d+)"`).exec(after);
      if (count) expect(Number(count[1])).toBe(b.length);
    }
    expect(kids(after, "fills").length - kids(before, "fills").length).toBe(2);
    // The extLst and everything after cellXfs is untouched.
    expect(after.slice(after.indexOf("<cellStyles"))).toBe(
      before.slice(before.indexOf("<cellStyles"))
    );
  });

  test("workbook.xml and its rels: only the new sheet and the record's relationships were added", () => {
    const wbA = partText(input, "xl/workbook.xml");
    const wbB = partText(output, "xl/workbook.xml");
    expect(wbB.replace('<sheet name="学校 (2)" sheetId="3" r:id="rId6"/>', "")).toBe(wbA);
    const relA = partText(input, "xl/_rels/workbook.xml.rels");
    const relB = partText(output, "xl/_rels/workbook.xml.rels");
    expect(
      relB
        .replace(/<Relationship Id="rId6" [^>]*\/>/, "")
        .replace(/<Relationship Id="rId7" [^>]*\/>/, "")
    ).toBe(relA);
    expect(relB).toContain('Target="worksheets/sheet3.xml"');
    expect(relB).toContain(
      '<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item1.xml"/>'
    );
  });
});

describe("writeMarkedCopy keeps charts, images and other parts", () => {
  const CHART =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
    '<c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>Data!$A$2:$A$4</c:f></c:strRef></c:cat>' +
    "<c:val><c:numRef><c:f>Data!$B$2:$B$4</c:f></c:numRef></c:val></c:ser>" +
    '<c:axId val="1"/><c:axId val="2"/></c:barChart>' +
    '<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx>' +
    '<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx>' +
    "</c:plotArea></c:chart></c:chartSpace>";
  const DRAWING =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
    "<xdr:twoCellAnchor><xdr:from><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>" +
    "<xdr:to><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>" +
    '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>' +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
    '<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/>' +
    "</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>";
  const PNG = Uint8Array.from([
    137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 1, 2, 3, 4,
  ]);
  const PRINTER = Uint8Array.from({ length: 300 }, (_, i) => (i * 7) % 256);

  async function chartWorkbook(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Data");
    ws.addRows([
      ["学校", "学生数"],
      ["一小", 120],
      ["二小", 80],
      ["三小", 200],
    ]);
    const base = await toBytes(wb);
    const sheet = partText(base, "xl/worksheets/sheet1.xml").replace(
      "</worksheet>",
      '<drawing r:id="rId1"/></worksheet>'
    );
    const ct = partText(base, "[Content_Types].xml").replace(
      "</Types>",
      '<Default Extension="png" ContentType="image/png"/><Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"/>' +
        '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
        '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>' +
        '<Override PartName="/customXml/item1.xml" ContentType="application/xml"/></Types>'
    );
    const rel = (id: string, type: string, target: string) =>
      `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
    const rels = (body: string) =>
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`;
    return editPackage(base, {
      "xl/worksheets/sheet1.xml": sheet,
      "xl/worksheets/_rels/sheet1.xml.rels": rels(
        rel("rId1", "drawing", "../drawings/drawing1.xml") +
          rel("rId2", "printerSettings", "../printerSettings/printerSettings1.bin")
      ),
      "xl/drawings/drawing1.xml": DRAWING,
      "xl/drawings/_rels/drawing1.xml.rels": rels(rel("rId1", "chart", "../charts/chart1.xml")),
      "xl/charts/chart1.xml": CHART,
      "xl/media/image1.png": PNG,
      "xl/printerSettings/printerSettings1.bin": PRINTER,
      "customXml/item1.xml": "<root>自定义</root>",
      "[Content_Types].xml": ct,
    });
  }

  test("chart, drawing, image, printer settings and customXml survive and stay referenced", async () => {
    const input = await chartWorkbook();
    const { bytes } = writeMarkedCopy(
      input,
      [
        { sheet: "Data", cell: "B3", kind: "standard", note: "不足" },
        { sheet: "Data", cell: "A4", kind: "data", note: "" }, // fill only, no note
      ],
      { name: "报告", rows: [["x"]], boldRows: [], columnWidths: [], failCells: [] }
    );
    const a = unzip(input);
    const b = unzip(bytes);
    for (const n of [
      "xl/charts/chart1.xml",
      "xl/drawings/drawing1.xml",
      "xl/drawings/_rels/drawing1.xml.rels",
      "xl/media/image1.png",
      "xl/printerSettings/printerSettings1.bin",
      "customXml/item1.xml",
      "docProps/app.xml",
      "docProps/core.xml",
      "xl/theme/theme1.xml",
      "xl/sharedStrings.xml",
    ]) {
      if (!(n in a)) continue;
      expect([n, Buffer.from(b[n]).equals(Buffer.from(a[n]))]).toEqual([n, true]);
    }
    const sheet = strFromU8(b["xl/worksheets/sheet1.xml"]);
    // The drawing reference is still there, and legacyDrawing follows it (CT_Worksheet order).
    expect(sheet).toMatch(/<drawing r:id="rId1"\/><legacyDrawing r:id="rId\d+"\/><\/worksheet>$/);
    const rels = strFromU8(b["xl/worksheets/_rels/sheet1.xml.rels"]);
    expect(rels).toContain(
      'Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"'
    );
    expect(rels).toContain(
      'Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/printerSettings"'
    );
    const legacyId = /<legacyDrawing r:id="(rId\d+)"/.exec(sheet)![1];
    expect(["rId1", "rId2"]).not.toContain(legacyId);
    expect(rels).toContain(
      `Id="${legacyId}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing"`
    );
    const ct = strFromU8(b["[Content_Types].xml"]);
    expect(ct).toContain('<Override PartName="/xl/charts/chart1.xml"');
    expect(ct).toContain('<Override PartName="/xl/drawings/drawing1.xml"');
    // Only one note (A4 has an empty note).
    expect(strFromU8(b["xl/comments1.xml"]).match(/<comment /g)).toHaveLength(1);

    const wb = await openWithExcelJs(bytes);
    const ws = wb.getWorksheet("Data")!;
    expect(fillArgb(ws.getCell("B3"))).toBe(MARK_FILL_ARGB.standard);
    expect(fillArgb(ws.getCell("A4"))).toBe(MARK_FILL_ARGB.data);
    expect(noteText(ws.getCell("B3"))).toBe("不足");
    expect(noteText(ws.getCell("A4"))).toBeUndefined();
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Data", "报告"]);
  });
});

describe("writeMarkedCopy on hand-written packages", () => {
  test("namespace prefixes, cells without r, self-closing rows and cells, row styles", () => {
    const data =
      '<x:row r="1"><x:c t="inlineStr"><x:is><x:t>名</x:t></x:is></x:c><x:c><x:v>5</x:v></x:c></x:row>' +
      '<x:row r="2" s="1" customFormat="1"/>' +
      '<x:row r="4" spans="1:2"><x:c r="A4" s="1"><x:v>7</x:v></x:c><x:c r="B4"/></x:row>';
    const after =
      '<x:pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><x:extLst><x:ext uri="{x}"/></x:extLst>';
    const input = handPackage({ sheets: [{ name: "S", xml: sheetXml(data, after, "x") }] });
    const { bytes } = writeMarkedCopy(input, [
      { sheet: "S", cell: "B1", kind: "standard", note: "第一" }, // existing cell without r
      { sheet: "S", cell: "C2", kind: "data", note: "第二" }, // self-closing row with a row style
      { sheet: "S", cell: "A3", kind: "data", note: "第三" }, // missing row between rows
      { sheet: "S", cell: "D4", kind: "standard", note: "第四" }, // after the row's spans
      { sheet: "S", cell: "B4", kind: "standard", note: "第五" }, // self-closing cell
    ]);
    const xml = partText(bytes, "xl/worksheets/sheet1.xml");
    assertWellFormed(xml);
    expect(xml).toContain(
      '<x:row r="1"><x:c t="inlineStr"><x:is><x:t>名</x:t></x:is></x:c><x:c s="2"><x:v>5</x:v></x:c></x:row>'
    );
    // C2 takes the row style (xf 1) as its base → clone 3.
    expect(xml).toContain(
      '<x:row r="2" s="1" customFormat="1"><x:c r="C2" s="3"/></x:row><x:row r="3"><x:c r="A3" s="4"/></x:row>'
    );
    expect(xml).toContain(
      '<x:row r="4" spans="1:4"><x:c r="A4" s="1"><x:v>7</x:v></x:c><x:c r="B4" s="2"/><x:c r="D4" s="2"/></x:row>'
    );
    // legacyDrawing before extLst (rId1 is the comments part in the new sheet .rels).
    expect(xml).toContain('<x:legacyDrawing r:id="rId2"/><x:extLst>');
    const styles = partText(bytes, "xl/styles.xml");
    // Clone of xf 1 keeps numFmtId 14 and applyNumberFormat.
    expect(styles).toContain(
      '<xf numFmtId="14" fontId="0" fillId="3" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1"/>'
    );
    expect(readXlsx(bytes).sheets[0].rows).toEqual(readXlsx(input).sheets[0].rows);
  });

  test("an existing comment with a plain <t> is wrapped in a run before junheng's run", () => {
    const comments =
      `<?xml version="1.0" encoding="UTF-8"?><comments xmlns="${NS.MAIN}"><authors><author>张三</author></authors><commentList>` +
      '<comment ref="A1" authorId="0"><text><t>原有批注</t></text></comment></commentList></comments>';
    const vml =
      '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
      '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>' +
      '<v:shape id="_x0000_s1025" type="#_x0000_t202"><x:ClientData ObjectType="Note"><x:Row>0</x:Row><x:Column>0</x:Column></x:ClientData></v:shape></xml>';
    const sheet = sheetXml(
      '<row r="1"><c r="A1"><v>1</v></c></row>',
      '<legacyDrawing r:id="rId2"/>'
    );
    const input = handPackage({
      sheets: [{ name: "S", xml: sheet }],
      extra: {
        "xl/comments1.xml": comments,
        "xl/drawings/vmlDrawing1.vml": vml,
        "xl/worksheets/_rels/sheet1.xml.rels":
          `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${NS.REL}/comments" Target="../comments1.xml"/>` +
          `<Relationship Id="rId2" Type="${NS.REL}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/></Relationships>`,
      },
    });
    const { bytes } = writeMarkedCopy(input, [
      { sheet: "S", cell: "A1", kind: "standard", note: "标准未达" },
      { sheet: "S", cell: "B1", kind: "data", note: "x<y & z" },
    ]);
    const c = partText(bytes, "xl/comments1.xml");
    assertWellFormed(c);
    expect(c).toContain("<authors><author>张三</author><author>junheng</author></authors>");
    expect(c).toContain('<comment ref="A1" authorId="0"><text><r><t>原有批注</t></r><r><rPr>');
    expect(c).toContain("\n\n标准未达</t></r></text></comment>");
    expect(c).toContain(
      '<comment ref="B1" authorId="1"><text><r><rPr><sz val="9"/><rFont val="宋体"/><charset val="134"/></rPr><t xml:space="preserve">x&lt;y &amp; z</t></r></text></comment>'
    );
    const v = partText(bytes, "xl/drawings/vmlDrawing1.vml");
    assertWellFormed(v);
    // The existing drawing lacked the Note shapetype: it is added; the new shape continues the id block.
    expect(v).toContain('id="_x0000_t202"');
    expect(v).toContain('id="_x0000_s1026"');
    expect(v.match(/<v:shape /g)).toHaveLength(2);
    // The sheet's legacyDrawing is reused, not duplicated; no new rels.
    const s = partText(bytes, "xl/worksheets/sheet1.xml");
    expect(s.match(/<legacyDrawing/g)).toHaveLength(1);
    expect(partText(bytes, "xl/worksheets/_rels/sheet1.xml.rels")).toBe(
      partText(input, "xl/worksheets/_rels/sheet1.xml.rels")
    );
  });

  test("more than 1024 notes on a sheet use several idmap blocks, none shared with other drawings", () => {
    const rows = Array.from(
      { length: 1100 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`
    ).join("");
    const otherVml =
      '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout></xml>';
    const input = handPackage({
      sheets: [{ name: "S", xml: sheetXml(rows) }],
      extra: { "xl/drawings/vmlDrawing1.vml": otherVml },
    });
    const marks: CellMark[] = Array.from({ length: 1100 }, (_, i) => ({
      sheet: "S",
      cell: `A${i + 1}`,
      kind: "data",
      note: `n${i}`,
    }));
    const { bytes } = writeMarkedCopy(input, marks);
    const files = unzip(bytes);
    // vmlDrawing1 exists (not referenced by this sheet) → the new drawing is vmlDrawing2.
    const v = strFromU8(files["xl/drawings/vmlDrawing2.vml"]);
    expect(v).toContain('<o:idmap v:ext="edit" data="2,3"/>');
    const ids = [...v.matchAll(/id="_x0000_s(\d+)"/g)].map((m) => Number(m[1]));
    expect(new Set(ids).size).toBe(1100);
    expect(ids.every((id) => (id > 2048 && id < 3072) || (id > 3072 && id < 4096))).toBe(true);
    expect(strFromU8(files["xl/comments1.xml"]).match(/<comment /g)).toHaveLength(1100);
    expect(files["xl/drawings/vmlDrawing1.vml"]).toEqual(strToU8(otherVml));
    expect(strFromU8(files["[Content_Types].xml"])).toContain(
      '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>'
    );
  });

  test("a package without styles.xml gets one", () => {
    const input = handPackage({
      sheets: [{ name: "S", xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') }],
      styles: null,
    });
    const { bytes } = writeMarkedCopy(input, [
      { sheet: "S", cell: "A1", kind: "standard", note: "" },
    ]);
    const files = unzip(bytes);
    const styles = strFromU8(files["xl/styles.xml"]);
    assertWellFormed(styles);
    expect(styles).toContain('<fgColor rgb="FFFFC7CE"/>');
    expect(strFromU8(files["xl/_rels/workbook.xml.rels"])).toContain('Target="styles.xml"');
    expect(strFromU8(files["[Content_Types].xml"])).toContain('PartName="/xl/styles.xml"');
    expect(partText(bytes, "xl/worksheets/sheet1.xml")).toContain('<c r="A1" s="1"><v>1</v></c>');
  });

  test("report only: the data sheets are untouched", async () => {
    const input = await countyWorkbook();
    const { bytes, reportSheetName } = writeMarkedCopy(input, [], {
      ...REPORT,
      name: "均衡达标报告",
    });
    expect(reportSheetName).toBe("均衡达标报告");
    const a = unzip(input);
    const b = unzip(bytes);
    for (const n of [
      "xl/worksheets/sheet1.xml",
      "xl/worksheets/sheet2.xml",
      "xl/comments1.xml",
      "xl/drawings/vmlDrawing1.vml",
      "xl/sharedStrings.xml",
    ]) {
      expect([n, Buffer.from(b[n]).equals(Buffer.from(a[n]))]).toEqual([n, true]);
    }
  });

  test("marks only: workbook.xml is untouched; its rels and the content types gain only the record", async () => {
    const input = await countyWorkbook();
    const { bytes, reportSheetName } = writeMarkedCopy(input, [MARKS[0]]);
    expect(reportSheetName).toBeUndefined();
    expect(partText(bytes, "xl/workbook.xml")).toBe(partText(input, "xl/workbook.xml"));
    expect(partText(bytes, "xl/_rels/workbook.xml.rels")).toBe(
      partText(input, "xl/_rels/workbook.xml.rels").replace(
        "</Relationships>",
        '<Relationship Id="rId6" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item1.xml"/></Relationships>'
      )
    );
    expect(partText(bytes, "[Content_Types].xml")).toBe(
      partText(input, "[Content_Types].xml").replace(
        "</Types>",
        '<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/></Types>'
      )
    );
  });

  test("errors: unknown sheet, bad address, not an xlsx", async () => {
    const input = await countyWorkbook();
    expect(() =>
      writeMarkedCopy(input, [{ sheet: "没有", cell: "A1", kind: "data", note: "" }])
    ).toThrow(/unknown sheet/);
    expect(() =>
      writeMarkedCopy(input, [{ sheet: "学校", cell: "1A", kind: "data", note: "" }])
    ).toThrow(/A1 address/);
    expect(() => writeMarkedCopy(strToU8("not a zip"), [])).toThrow(XlsxReadError);
  });
});

describe("uniqueSheetName", () => {
  test("legal, unique, at most 31 characters", () => {
    expect(uniqueSheetName("报告", ["学校"])).toBe("报告");
    expect(uniqueSheetName("报告", ["报告"])).toBe("报告 (2)");
    expect(uniqueSheetName("Report", ["report", "Report (2)"])).toBe("Report (3)");
    expect(uniqueSheetName("a/b:c[d]*?\\", [])).toBe("a_b_c_d____");
    expect(uniqueSheetName("'x'", [])).toBe("x");
    expect(uniqueSheetName("", [])).toBe("Report");
    expect(uniqueSheetName("History", [])).toBe("History (2)");
    const long = "均".repeat(40);
    expect(uniqueSheetName(long, [])).toHaveLength(31);
    const second = uniqueSheetName(long, ["均".repeat(31)]);
    expect(second).toBe(`${"均".repeat(27)} (2)`);
    expect(second.length).toBeLessThanOrEqual(31);
  });
});

describe("notes of a marked copy marked again", () => {
  // appendToCommentsXml directly, on comments parts as other programs leave them.
  const part = (authors: string[], comments: string): string =>
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors>' +
    authors.map((a) => `<author>${a}</author>`).join("") +
    `</authors><commentList>${comments}</commentList></comments>`;
  const runs = (...texts: string[]): string =>
    texts.map((t) => `<r><rPr><sz val="11"/></rPr><t xml:space="preserve">${t}</t></r>`).join("");
  const note = "「城关第一小学」最大班额 48 人 > 45 人（小学）";

  test("re-saved by LibreOffice (author lost, text split into runs by script): the same note is not added again", () => {
    const xml = part(
      [" ", "junheng"],
      `<comment ref="H5" authorId="0"><text>${runs("「城关第一小学」最大班额 ", "48 ", "人 ", "&gt; 45 ", "人（小学）")}</text></comment>`
    );
    const r = appendToCommentsXml(xml, [{ row: 4, col: 7, text: note }]);
    expect(r.xml).toBe(xml);
    expect(r.added).toEqual([]);
  });

  test("junheng's own comment (author junheng) gets the new text instead of a second paragraph", () => {
    const xml = part(
      ["junheng"],
      `<comment ref="H5" authorId="0"><text>${runs("旧的说明")}</text></comment>`
    );
    const r = appendToCommentsXml(xml, [{ row: 4, col: 7, text: note }]);
    expect(r.xml).not.toContain("旧的说明");
    expect(r.xml.match(/最大班额/g)).toHaveLength(1);
  });

  test("a user's note keeps its text; junheng's earlier paragraph gives way to the new one", () => {
    const xml = part(
      ["张老师", "junheng"],
      `<comment ref="H5" authorId="0"><text>${runs("去年已核实", "\n\n旧的说明")}</text></comment>`
    );
    const r = appendToCommentsXml(xml, [{ row: 4, col: 7, text: note }]);
    expect(r.xml).toContain("去年已核实");
    expect(r.xml).not.toContain("旧的说明");
    expect(r.xml.match(/最大班额/g)).toHaveLength(1);
  });
});

describe("notes on a workbook junheng never marked", () => {
  test("a user's comment whose later run starts with a blank line keeps all its text", () => {
    // Excel writes a note as the author's name in bold, then a run with the text; a user who starts the text with
    // an empty line gives a second run that starts with "\n\n". Nothing in this part was written by junheng.
    const xml =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      `<comments xmlns="${NS.MAIN}"><authors><author>张老师</author></authors><commentList>` +
      '<comment ref="B2" authorId="0"><text>' +
      '<r><rPr><b/><sz val="9"/></rPr><t>张老师:</t></r>' +
      '<r><rPr><sz val="9"/></rPr><t xml:space="preserve">\n\n在校生数以9月为准</t></r>' +
      "</text></comment></commentList></comments>";
    const r = appendToCommentsXml(xml, [{ row: 1, col: 1, text: "数字存为文本" }]);
    const texts = [...r.xml.matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((m) => m[1]);
    expect(texts).toEqual(["张老师:", "\n\n在校生数以9月为准", "\n\n数字存为文本"]);
  });
});

describe("a styles part without the entries other indexes rely on", () => {
  // Style index 0 is every unstyled cell's, font 0 every default cell's font, and Excel reserves fills 0 and 1
  // (none, gray125): an entry junheng appends must never take one of those indexes.
  const styles = (fonts: string, fills: string, cellXfs: string): string =>
    `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${NS.MAIN}">${fonts}${fills}` +
    '<borders count="1"><border/></borders>' +
    `${cellXfs}</styleSheet>`;
  const sheet = sheetXml('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>');
  const REPORT_BOLD: ReportSheetSpec = {
    name: "报告",
    rows: [["标题"]],
    boldRows: [0],
    columnWidths: [],
    failCells: [],
  };

  test.each([
    [
      "one fill, empty cellXfs, no fonts",
      styles(
        "",
        '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>',
        '<cellXfs count="0"/>'
      ),
    ],
    ["no fills, no cellXfs, empty fonts", styles('<fonts count="0"/>', "", "")],
  ])("%s: the mark takes new indexes, index 0 keeps its meaning", (_label, xml) => {
    const input = handPackage({ sheets: [{ name: "S", xml: sheet }], styles: xml });
    const { bytes } = writeMarkedCopy(
      input,
      [{ sheet: "S", cell: "A1", kind: "standard", note: "" }],
      REPORT_BOLD
    );
    const out = partText(bytes, "xl/styles.xml");
    assertWellFormed(out);
    const root = rootTag(out)!;
    const section = (name: string): string[] => {
      const el = childElements(out, root).find((c) => c.name === name);
      return el ? childElements(out, el.open).map((c) => out.slice(c.start, c.end)) : [];
    };
    const fills = section("fills");
    const xfs = section("cellXfs");
    const fonts = section("fonts");
    const attr = (el: string, name: string): number =>
      Number(new RegExp(`\\s${name}="(\\d+)"`).exec(el)?.[1] ?? 0);
    // The mark fill is neither reserved fill, and the two reserved ones are there.
    const markFill = fills.findIndex((f) => f.includes(MARK_FILL_ARGB.standard));
    expect(markFill).toBeGreaterThanOrEqual(2);
    expect(fills[0]).toContain('patternType="none"');
    expect(fills[1]).toContain('patternType="gray125"');
    // A1's new style carries it; B1 (unstyled, index 0) does not, and index 0 is not bold.
    const s = /<c r="A1" s="(\d+)"/.exec(partText(bytes, "xl/worksheets/sheet1.xml"))?.[1];
    expect(Number(s)).toBeGreaterThan(0);
    expect(attr(xfs[Number(s)], "fillId")).toBe(markFill);
    expect(partText(bytes, "xl/worksheets/sheet1.xml")).toContain('<c r="B1"><v>2</v></c>');
    expect(xfs.length).toBeGreaterThan(1);
    expect(attr(xfs[0], "fillId")).toBeLessThan(2);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts[attr(xfs[0], "fontId")]).not.toMatch(/<b\/>/);
  });
});

describe("rows without r", () => {
  test("a row without r whose cells have r is found by its cells' row, not by counting", () => {
    // OOXML makes both r optional; this writer left out the rows' r and the empty row 2, but not the cells' r.
    const data =
      '<row><c r="A1"><v>1</v></c></row><row><c r="A3"><v>3</v></c><c r="C3"><v>4</v></c></row>';
    const input = handPackage({ sheets: [{ name: "S", xml: sheetXml(data) }] });
    expect(readXlsx(input).sheets[0].rows[2]).toEqual([3, undefined, 4]);
    const { bytes } = writeMarkedCopy(input, [
      { sheet: "S", cell: "A3", kind: "standard", note: "" },
      { sheet: "S", cell: "B3", kind: "data", note: "" },
    ]);
    const xml = partText(bytes, "xl/worksheets/sheet1.xml");
    assertWellFormed(xml);
    // One row 3, holding A3 (marked in place), the new B3 and C3, in that order; no second row 3.
    expect(xml.match(/<row\b/g)).toHaveLength(2);
    expect(xml).toMatch(
      /<row><c r="A3" s="\d+"><v>3<\/v><\/c><c r="B3" s="\d+"\/><c r="C3"><v>4<\/v><\/c><\/row>/
    );
    expect(readXlsx(bytes).sheets[0].rows).toEqual(readXlsx(input).sheets[0].rows);
  });
});
