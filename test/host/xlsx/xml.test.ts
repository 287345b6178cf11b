import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { readXlsx, writeMarkedCopy } from "../../../src/host/xlsx";
import { relativeTarget, resolveTarget } from "../../../src/host/xlsx/package";
import { applySplices } from "../../../src/host/xlsx/splice";
import {
  decodeForEdit,
  decodeText,
  encodeText,
  escapeText,
  nextTag,
  parseAttrs,
  setAttr,
} from "../../../src/host/xlsx/xml";
import { assertWellFormed, handPackage, sheetXml } from "./helpers";

describe("xml helpers", () => {
  test("escapeText / decodeText round trip, including control characters and literal _xHHHH_", () => {
    for (const s of [
      "a & b < c > d",
      "line1\nline2\ttab",
      "cr\rhere",
      "bell\u0007",
      "_x0041_ stays literal",
      "中文 \"quotes\" 'apos'",
    ]) {
      expect(decodeText(escapeText(s))).toBe(s);
    }
    expect(escapeText("_x0041_")).toBe("_x005F_x0041_");
    expect(decodeText("&#x1F600;&#20013;&amp;lt;")).toBe("😀中&lt;");
  });

  test("setAttr replaces or appends without touching the rest of the tag", () => {
    expect(setAttr('<c r="A1" s="3" t="s">', "s", "7")).toBe('<c r="A1" s="7" t="s">');
    expect(setAttr('<c r="A1" t="s">', "s", "7")).toBe('<c r="A1" t="s" s="7">');
    expect(setAttr('<c r="A1"/>', "s", "7")).toBe('<c r="A1" s="7"/>');
    expect(setAttr("<c r='A1' s='2' />", "s", "7")).toBe("<c r='A1' s=\"7\" />");
    // "xfId" must not be mistaken for "Id".
    expect(setAttr('<xf xfId="0" fillId="1">', "fillId", "5")).toBe('<xf xfId="0" fillId="5">');
  });

  test("nextTag skips comments, CDATA and PIs; attribute values may hold '>'", () => {
    const xml = '<?xml version="1.0"?><!-- <a> --><![CDATA[<b>]]><x:c r="A1" p="1>2"/>';
    const t = nextTag(xml, 0)!;
    expect([t.qname, t.name, t.kind]).toEqual(["x:c", "c", "empty"]);
    expect(parseAttrs(xml.slice(t.start, t.end)).get("p")).toBe("1>2");
  });

  test("splices apply in order and reject overlaps", () => {
    expect(
      applySplices("abcdef", [
        { start: 3, end: 3, text: "X" },
        { start: 0, end: 1, text: "Z" },
        { start: 3, end: 3, text: "Y", order: 1 },
      ])
    ).toBe("ZbcXYdef");
    expect(() =>
      applySplices("abc", [
        { start: 0, end: 2, text: "" },
        { start: 1, end: 1, text: "x" },
      ])
    ).toThrow(/overlapping/);
  });

  test("relationship targets", () => {
    expect(resolveTarget("xl/worksheets/sheet1.xml", "../comments1.xml")).toBe("xl/comments1.xml");
    expect(resolveTarget("xl/workbook.xml", "/xl/worksheets/sheet2.xml")).toBe(
      "xl/worksheets/sheet2.xml"
    );
    expect(resolveTarget("", "xl/workbook.xml")).toBe("xl/workbook.xml");
    expect(relativeTarget("xl/worksheets/sheet1.xml", "xl/drawings/vmlDrawing1.vml")).toBe(
      "../drawings/vmlDrawing1.vml"
    );
    expect(relativeTarget("xl/workbook.xml", "xl/worksheets/sheet3.xml")).toBe(
      "worksheets/sheet3.xml"
    );
  });

  test("edited parts keep a UTF-8 BOM and UTF-16 encoding", () => {
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...strToU8("<a/>")]);
    const d = decodeForEdit(bom);
    expect(encodeText(d.text, d.encoding)).toEqual(bom);
    const u16 = Uint8Array.from([0xff, 0xfe, 0x3c, 0, 0x61, 0, 0x2f, 0, 0x3e, 0]);
    const e = decodeForEdit(u16);
    expect(e.text.replace(/^\uFEFF/, "")).toBe("<a/>");
    expect(encodeText(e.text, e.encoding)).toEqual(u16);
  });
});

describe("Strict OOXML packages", () => {
  test("are read, and the copy uses Strict namespaces for what it adds", () => {
    const transitional = handPackage({
      sheets: [
        {
          name: "S",
          xml: sheetXml(
            '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c><c r="B1"><v>2</v></c></row>'
          ),
        },
      ],
    });
    // Convert every part to the Strict namespaces (the package-level OPC namespaces do not change).
    const files = unzipSync(transitional);
    for (const [name, data] of Object.entries(files)) {
      files[name] = strToU8(
        strFromU8(data)
          .replace(
            /http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main/g,
            "http://purl.oclc.org/ooxml/spreadsheetml/main"
          )
          .replace(
            /http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships/g,
            "http://purl.oclc.org/ooxml/officeDocument/relationships"
          )
      );
    }
    const strict = zipSync(files);
    expect(readXlsx(strict).sheets[0].rows).toEqual([["x", 2]]);
    const { bytes } = writeMarkedCopy(
      strict,
      [{ sheet: "S", cell: "B1", kind: "standard", note: "n" }],
      {
        name: "R",
        rows: [["r"]],
        boldRows: [],
        columnWidths: [],
        failCells: [],
      }
    );
    const out = unzipSync(bytes);
    const rels = strFromU8(out["xl/worksheets/_rels/sheet1.xml.rels"]);
    expect(rels).toContain(
      'Type="http://purl.oclc.org/ooxml/officeDocument/relationships/comments"'
    );
    expect(strFromU8(out["xl/comments1.xml"])).toContain(
      'xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"'
    );
    expect(strFromU8(out["xl/worksheets/sheet2.xml"])).toContain(
      'xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"'
    );
    expect(strFromU8(out["xl/_rels/workbook.xml.rels"])).toContain(
      'Type="http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet" Target="worksheets/sheet2.xml"'
    );
    for (const n of Object.keys(out))
      if (/\.(xml|rels|vml)$/.test(n)) assertWellFormed(strFromU8(out[n]), n);
    expect(readXlsx(bytes).sheets.map((s) => s.name)).toEqual(["S", "R"]);
  });
});
