import { strToU8, zipSync } from "fflate";
import { readXlsx, XlsxReadError } from "../../../src/host/xlsx";
import { countyWorkbook, TITLE } from "./fixture";
import { handPackage, NS, sheetXml } from "./helpers";

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof XlsxReadError) return e.code;
    throw e;
  }
  return undefined;
}

describe("readXlsx on an exceljs-written county workbook", () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await countyWorkbook();
  });

  test("values, merges and hidden rows", () => {
    const wb = readXlsx(bytes);
    expect(wb.sheets.map((s) => s.name)).toEqual(["学校", "汇总"]);
    const s = wb.sheets[0];
    expect(s.rows).toEqual([
      [TITLE],
      ["学校名称", "学生数", undefined, "教师数", "师生比", "备注"],
      [undefined, "小学", "初中"],
      // text number stays text; formula → cached value; rich text → plain text
      ["第一小学", 120, "85", 12, 10, "重点学校"],
      // error value as its text
      ["第二小学", 0, undefined, 0, "#DIV/0!"],
      // entities decoded, boolean, preserved spaces
      ["第三 & <中学>", 300.5, true, 20, undefined, "  前后空格  "],
      ["第一小学", "0012"],
    ]);
    // Holes, not explicit undefined, for cells that are absent or empty-styled.
    expect(2 in s.rows[1]).toBe(false);
    expect(s.merges).toEqual(
      expect.arrayContaining([
        { top: 0, left: 0, bottom: 0, right: 5 },
        { top: 1, left: 0, bottom: 2, right: 0 },
        { top: 1, left: 1, bottom: 1, right: 2 },
        { top: 1, left: 3, bottom: 2, right: 3 },
        { top: 1, left: 4, bottom: 2, right: 4 },
        { top: 1, left: 5, bottom: 2, right: 5 },
      ])
    );
    expect(s.merges).toHaveLength(6);
    expect(s.hiddenRows).toEqual([4]);

    const t = wb.sheets[1];
    expect(t.rows).toEqual([["学校数", 4], undefined, [3.25]]);
    expect(t.merges).toEqual([]);
    expect(t.hiddenRows).toEqual([]);
  });

  test("sheets option selects by name (case-insensitive fallback) and keeps workbook order; progress is reported", () => {
    const calls: [number, number][] = [];
    const wb = readXlsx(bytes, {
      sheets: ["汇总", "nope"],
      onProgress: (d, t) => calls.push([d, t]),
    });
    expect(wb.sheets.map((s) => s.name)).toEqual(["汇总"]);
    expect(calls).toEqual([
      [0, 1],
      [1, 1],
    ]);
    const both = readXlsx(bytes, { sheets: ["汇总", "学校"] });
    expect(both.sheets.map((s) => s.name)).toEqual(["学校", "汇总"]);
  });
});

describe("readXlsx on hand-written XML shapes", () => {
  test("namespace prefixes, cells without r, self-closing cells, empty <v/>, inline strings, entities, types", () => {
    const sst =
      `<?xml version="1.0" encoding="UTF-8"?><x:sst xmlns:x="${NS.MAIN}" count="4" uniqueCount="4">` +
      "<x:si><x:t>普通</x:t></x:si>" +
      // rich text with a phonetic run (must be ignored) and a phonetic property
      '<x:si><x:r><x:rPr><x:b/></x:rPr><x:t>東京</x:t></x:r><x:r><x:t xml:space="preserve"> 都</x:t></x:r><x:rPh sb="0" eb="2"><x:t>トウキョウ</x:t></x:rPh><x:phoneticPr fontId="1"/></x:si>' +
      "<x:si/>" +
      "<x:si><x:t>a_x000D_b&#x4E2D;&#20013;&quot;&apos;</x:t></x:si>" +
      "</x:sst>";
    const data =
      // row without r → row 1; cells without r → A1, B1, C1
      '<x:row><x:c t="s"><x:v>0</x:v></x:c><x:c><x:v>1.5</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c></x:row>' +
      // explicit row 3 with a self-closing styled cell, an empty <v/>, and a sequential cell after an explicit one
      '<x:row r="3" hidden="true"><x:c r="A3" s="1"/><x:c r="B3"><x:v/></x:c><x:c r="D3" t="inlineStr"><x:is><x:t xml:space="preserve"> 内联 &amp; </x:t></x:is></x:c><x:c t="str"><x:f>"x"&amp;"y"</x:f><x:v>xy</x:v></x:c></x:row>' +
      // row 4 follows implicitly; t="d" ISO date; t="n" explicit; shared string index 2 (empty) and 3 (escapes)
      '<x:row><x:c r="A4" t="d"><x:v>2024-03-01T12:00:00</x:v></x:c><x:c r="B4" t="n"><x:v>-2E-3</x:v></x:c><x:c r="C4" t="s"><x:v>2</x:v></x:c><x:c r="D4" t="s"><x:v>3</x:v></x:c><x:c r="E4" t="b"><x:v>0</x:v></x:c><x:c r="F4" t="e"><x:v>#N/A</x:v></x:c></x:row>' +
      // rich inline string with runs
      '<x:row r="10"><x:c r="AA10" t="inlineStr"><x:is><x:r><x:t>甲</x:t></x:r><x:r><x:rPr><x:i/></x:rPr><x:t>乙</x:t></x:r></x:is></x:c></x:row>';
    const after =
      '<x:mergeCells count="2"><x:mergeCell ref="A1:B1"/><x:mergeCell ref="D3"/></x:mergeCells>';
    const bytes = handPackage({
      sheets: [{ name: "P", xml: sheetXml(data, after, "x") }],
      sharedStrings: sst,
      chartsheets: ["图表"],
    });
    const wb = readXlsx(bytes);
    expect(wb.sheets.map((s) => s.name)).toEqual(["P"]); // chart sheet skipped
    const s = wb.sheets[0];
    const rows = s.rows;
    expect(rows[0]).toEqual(["普通", 1.5, "東京 都"]);
    expect(rows[1]).toBeUndefined();
    expect(rows[2]).toEqual([undefined, undefined, undefined, " 内联 & ", "xy"]);
    expect(rows[3][0]).toBeCloseTo(45352.5, 6); // 2024-03-01 12:00 as an Excel serial
    expect(rows[3].slice(1)).toEqual([-0.002, "", "a\rb中中\"'", false, "#N/A"]);
    expect(rows[9][26]).toBe("甲乙");
    expect(s.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 1 },
      { top: 2, left: 3, bottom: 2, right: 3 },
    ]);
    expect(s.hiddenRows).toEqual([2]);
  });

  test("hidden columns: <col hidden> ranges, 0-based, up to the last column holding a value", () => {
    // Values in A–I (the widest row ends at I). B hidden, H hidden ("true"), C only sized, L to XFD hidden
    // (beyond the values: not listed), D–E hidden by one range.
    const cols =
      '<cols><col min="2" max="2" width="0" hidden="1" customWidth="1"/><col min="3" max="3" width="12"/>' +
      '<col min="4" max="5" hidden="1"/><col min="8" max="8" hidden="true"/><col min="12" max="16384" hidden="1"/></cols>';
    const data =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>学校名称</t></is></c><c r="B1"><v>1</v></c></row>' +
      '<row r="2"><c r="A2"><v>1</v></c><c r="I2"><v>9</v></c></row>';
    const xml = sheetXml(data).replace("<sheetData>", `${cols}<sheetData>`);
    const s = readXlsx(handPackage({ sheets: [{ name: "S", xml }] })).sheets[0];
    expect(s.hiddenCols).toEqual([1, 3, 4, 7]);
    // Nothing hidden: no hiddenCols at all (the sheet reads as before).
    const plain = readXlsx(handPackage({ sheets: [{ name: "S", xml: sheetXml(data) }] })).sheets[0];
    expect("hiddenCols" in plain).toBe(false);
  });

  test("a sheet without sheetData or with <sheetData/> reads as empty", () => {
    const a = `<worksheet xmlns="${NS.MAIN}"><sheetData/></worksheet>`;
    const b = `<worksheet xmlns="${NS.MAIN}"><dimension ref="A1"/></worksheet>`;
    const wb = readXlsx(
      handPackage({
        sheets: [
          { name: "A", xml: a },
          { name: "B", xml: b },
        ],
      })
    );
    expect(wb.sheets).toEqual([
      { name: "A", rows: [], merges: [], hiddenRows: [] },
      { name: "B", rows: [], merges: [], hiddenRows: [] },
    ]);
  });

  test("comments and CDATA in sheetData do not produce cells; '>' inside attribute values is tolerated", () => {
    const data =
      '<!-- <c r="Z9"><v>1</v></c> --><row r="1" x:note="a>b" xmlns:x="urn:x"><c r="A1" t="str"><v><![CDATA[raw]]></v></c><c r="B1"><v>2</v></c></row>';
    const wb = readXlsx(handPackage({ sheets: [{ name: "S", xml: sheetXml(data) }] }));
    expect(wb.sheets[0].rows[8]).toBeUndefined();
    expect(wb.sheets[0].rows[0]).toEqual(["raw", 2]);
  });
});

describe("readXlsx errors", () => {
  test("not a zip", () => {
    expect(codeOf(() => readXlsx(strToU8("school,students\nA,1\n")))).toBe("not-a-zip");
    expect(codeOf(() => readXlsx(new Uint8Array(0)))).toBe("not-a-zip");
  });

  test("OLE compound file (encrypted .xlsx or legacy .xls)", () => {
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(codeOf(() => readXlsx(ole))).toBe("encrypted-or-xls");
  });

  test("damaged zip", async () => {
    const bytes = await countyWorkbook();
    expect(codeOf(() => readXlsx(bytes.slice(0, Math.floor(bytes.length / 2))))).toBe("corrupt");
    // A valid zip that is not a workbook.
    expect(codeOf(() => readXlsx(zipSync({ "word/document.xml": strToU8("<w/>") })))).toBe(
      "corrupt"
    );
  });

  test("workbook without worksheets", () => {
    expect(codeOf(() => readXlsx(handPackage({ sheets: [], chartsheets: ["Chart1"] })))).toBe(
      "empty"
    );
  });

  test("XlsxReadError is an Error with a message", () => {
    try {
      readXlsx(strToU8("nope"));
    } catch (e) {
      expect(e).toBeInstanceOf(Error);
      expect((e as Error).message).toMatch(/not a zip/);
    }
  });
});
