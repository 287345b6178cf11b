/**
 * Removing junheng's notes from a marked copy (a marked copy marked again with no marks, the writer's only way to
 * take marks away) gives back the sheet's comment parts as they were before junheng marked it.
 */
import { strFromU8 } from "fflate";
import type { CellMark } from "../../../src/present/marks";
import { writeMarkedCopy } from "../../../src/host/xlsx";
import { handPackage, sheetXml, unzip } from "./helpers";

const SHEET = sheetXml(
  '<row r="1"><c r="A1" s="1"><v>45000</v></c><c r="B1"><v>2</v></c></row>' +
    '<row r="2"><c r="A2"><v>3</v></c><c r="B2" s="1"><v>44000</v></c></row>',
  '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
);

const texts = (bytes: Uint8Array): Map<string, string> =>
  new Map(Object.entries(unzip(bytes)).map(([k, v]) => [k, strFromU8(v)]));

/**
 * Every part of `after` against `before`, byte for byte (decompressed), except what junheng keeps in a copy by
 * design (docs/xlsx-writer.md 「The record」): styles.xml (its fills and clones stay, unused, so a copy marked again
 * reuses them), the record's customXml parts, and their workbook relationship and content-type override, which are
 * checked to be exactly the original plus those entries.
 */
function expectSameParts(before: Uint8Array, after: Uint8Array): void {
  const a = texts(before);
  const b = texts(after);
  const record = (n: string): boolean => /^customXml\//.test(n);
  expect([...b.keys()].filter((n) => !record(n)).sort()).toEqual([...a.keys()].sort());
  for (const [name, text] of a) {
    if (name === "xl/styles.xml") continue;
    const out = b.get(name) as string;
    if (name === "xl/_rels/workbook.xml.rels")
      expect(out.replace(/<Relationship [^>]*\/customXml"[^>]*\/>/, "")).toBe(text);
    else if (name === "[Content_Types].xml")
      expect(out.replace(/<Override PartName="\/customXml\/[^>]*\/>/, "")).toBe(text);
    else expect({ name, text: out }).toEqual({ name, text });
  }
}

const MARKS: CellMark[] = [
  { sheet: "学校", cell: "A1", kind: "standard", note: "小学生数低于标准 150 人" },
  { sheet: "学校", cell: "B2", kind: "data", note: "数字存为文本" },
];

describe("removing junheng's notes gives back the sheet's comment parts", () => {
  test("a sheet without comments: the comments part, its VML, the rels, the legacyDrawing and the content types junheng added all go", () => {
    const original = handPackage({ sheets: [{ name: "学校", xml: SHEET }] });
    const copy = writeMarkedCopy(original, MARKS).bytes;
    expect(Object.keys(unzip(copy))).toEqual(
      expect.arrayContaining(["xl/comments1.xml", "xl/drawings/vmlDrawing1.vml"])
    );
    const removed = writeMarkedCopy(copy, []).bytes;
    expectSameParts(original, removed);
  });

  test("a cell that keeps a mark without a note, and a copy marked again after the removal", () => {
    const original = handPackage({ sheets: [{ name: "学校", xml: SHEET }] });
    const copy = writeMarkedCopy(original, MARKS).bytes;
    // Fill only: junheng's comment parts go, the cell keeps its fill.
    const fillOnly = writeMarkedCopy(copy, [{ ...MARKS[0], note: "" }]).bytes;
    const parts = Object.keys(unzip(fillOnly));
    expect(parts).not.toContain("xl/comments1.xml");
    expect(parts).not.toContain("xl/drawings/vmlDrawing1.vml");
    expect(parts).not.toContain("xl/worksheets/_rels/sheet1.xml.rels");
    const sheet = strFromU8(unzip(fillOnly)["xl/worksheets/sheet1.xml"]);
    expect(sheet).not.toContain("legacyDrawing");
    expect(sheet).toMatch(/<c r="A1" s="[2-9]"/);
    // Marked again with notes: every part byte for byte as in the first copy (the parts are made anew, under the
    // same names), but for the order of [Content_Types].xml's entries (the comments Override now follows the
    // record's).
    const again = texts(writeMarkedCopy(fillOnly, MARKS).bytes);
    const first = texts(copy);
    expect([...again.keys()].sort()).toEqual([...first.keys()].sort());
    const entries = (xml = ""): string[] =>
      (xml.match(/<(Default|Override) [^>]*\/>/g) ?? []).sort();
    for (const [name, text] of first)
      if (name === "[Content_Types].xml") expect(entries(again.get(name))).toEqual(entries(text));
      else expect({ name, text: again.get(name) }).toEqual({ name, text });
  });
});
