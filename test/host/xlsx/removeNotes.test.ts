/**
 * Removing junheng's notes from a marked copy (a marked copy marked again with no marks, the writer's only way to
 * take marks away) gives back the sheet's comment parts as they were before junheng marked it.
 */
import { strFromU8, strToU8, zipSync } from "fflate";
import type { CellMark } from "../../../src/present/marks";
import { writeMarkedCopy } from "../../../src/host/xlsx";
import { appendToCommentsXml, removeOwnNotes } from "../../../src/host/xlsx/notes";
import { countyWorkbook } from "./fixture";
import { handPackage, NS, sheetXml, unzip } from "./helpers";

const CT = "application/vnd.openxmlformats-officedocument";
const COMMENTS_REL = `${NS.REL}/comments`;
const VML_REL = `${NS.REL}/vmlDrawing`;

const SHEET = sheetXml(
  '<row r="1"><c r="A1" s="1"><v>45000</v></c><c r="B1"><v>2</v></c></row>' +
    '<row r="2"><c r="A2"><v>3</v></c><c r="B2" s="1"><v>44000</v></c></row>',
  '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
);

/** The user's own comment on A1 as Excel writes it (author in bold, then the text), with its VML shape. */
const USER_COMMENTS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  `<comments xmlns="${NS.MAIN}"><authors><author>张老师</author></authors><commentList>` +
  '<comment ref="A1" authorId="0" shapeId="0"><text>' +
  '<r><rPr><b/><sz val="9"/><color indexed="81"/><rFont val="宋体"/><charset val="134"/></rPr><t>张老师:</t></r>' +
  '<r><rPr><sz val="9"/><color indexed="81"/><rFont val="宋体"/><charset val="134"/></rPr>' +
  '<t xml:space="preserve">\n在校生数以9月为准</t></r></text></comment></commentList></comments>';
const USER_VML =
  '<xml xmlns:v="urn:schemas-microsoft-com:vml"\n xmlns:o="urn:schemas-microsoft-com:office:office"\n' +
  ' xmlns:x="urn:schemas-microsoft-com:office:excel">\n <o:shapelayout v:ext="edit">\n' +
  '  <o:idmap v:ext="edit" data="1"/>\n </o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202"\n' +
  '  path="m,l,21600r21600,l21600,xe">\n  <v:stroke joinstyle="miter"/>\n  <v:path gradientshapeok="t" o:connecttype="rect"/>\n' +
  ' </v:shapetype><v:shape id="_x0000_s1025" type="#_x0000_t202" style=\'position:absolute;\n' +
  '  margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:1;\n  visibility:hidden\' fillcolor="#ffffe1" o:insetmode="auto">\n' +
  '  <v:fill color2="#ffffe1"/>\n  <v:shadow on="t" color="black" obscured="t"/>\n  <v:path o:connecttype="none"/>\n' +
  "  <v:textbox style='mso-direction-alt:auto'>\n   <div style='text-align:left'></div>\n  </v:textbox>\n" +
  '  <x:ClientData ObjectType="Note">\n   <x:MoveWithCells/>\n   <x:SizeWithCells/>\n' +
  "   <x:Anchor>\n    1, 15, 0, 2, 3, 15, 4, 16</x:Anchor>\n   <x:AutoFill>False</x:AutoFill>\n" +
  "   <x:Row>0</x:Row>\n   <x:Column>0</x:Column>\n  </x:ClientData>\n </v:shape></xml>";

/** The same comment as openpyxl writes it: a plain <t>, no runs (junheng wraps it in a run to append to it). */
const PLAIN_COMMENTS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  `<comments xmlns="${NS.MAIN}"><authors><author>张老师</author></authors><commentList>` +
  '<comment ref="A1" authorId="0"><text><t xml:space="preserve">在校生数以9月为准</t></text></comment>' +
  "</commentList></comments>";

function withUserComment(comments = USER_COMMENTS): Uint8Array {
  const base = handPackage({
    sheets: [
      {
        name: "学校",
        xml: SHEET.replace("</worksheet>", '<legacyDrawing r:id="rId2"/></worksheet>'),
      },
    ],
    extra: {
      "xl/comments1.xml": comments,
      "xl/drawings/vmlDrawing1.vml": USER_VML,
      "xl/worksheets/_rels/sheet1.xml.rels":
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId2" Type="${VML_REL}" Target="../drawings/vmlDrawing1.vml"/>` +
        `<Relationship Id="rId3" Type="${COMMENTS_REL}" Target="../comments1.xml"/></Relationships>`,
    },
  });
  // The package needs the comments override and the vml default, as Excel writes them.
  const files = unzip(base);
  const types = strFromU8(files["[Content_Types].xml"])
    .replace(
      '<Default Extension="xml"',
      `<Default Extension="vml" ContentType="${CT}.vmlDrawing"/><Default Extension="xml"`
    )
    .replace(
      "</Types>",
      `<Override PartName="/xl/comments1.xml" ContentType="${CT}.spreadsheetml.comments+xml"/></Types>`
    );
  return rezip(files, { "[Content_Types].xml": types });
}

function rezip(files: Record<string, Uint8Array>, edits: Record<string, string>): Uint8Array {
  const out = { ...files };
  for (const [k, v] of Object.entries(edits)) out[k] = strToU8(v);
  return zipSync(out);
}

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

  test("a sheet with a user's comment on another cell: the user's comment, author and shape stay byte for byte", () => {
    const original = withUserComment();
    const copy = writeMarkedCopy(original, [MARKS[1]]).bytes;
    expect(strFromU8(unzip(copy)["xl/comments1.xml"])).toContain("数字存为文本");
    const removed = writeMarkedCopy(copy, []).bytes;
    expectSameParts(original, removed);
  });

  test("junheng's paragraph in the user's comment on the same cell: the user's text comes back exactly", () => {
    const original = withUserComment();
    const copy = writeMarkedCopy(original, [MARKS[0]]).bytes;
    expect(strFromU8(unzip(copy)["xl/comments1.xml"])).toContain("\n\n小学生数低于标准");
    const removed = writeMarkedCopy(copy, []).bytes;
    expectSameParts(original, removed);
  });

  test("the same with a plain <t> comment: the same text, in the run junheng wrapped it in", () => {
    const original = withUserComment(PLAIN_COMMENTS);
    const copy = writeMarkedCopy(original, MARKS).bytes;
    const wrapped = '<r><t xml:space="preserve">在校生数以9月为准</t></r>';
    expect(strFromU8(unzip(copy)["xl/comments1.xml"])).toContain(wrapped);
    const removed = writeMarkedCopy(copy, []).bytes;
    // The one difference, on purpose: the run stays. Unwrapping it cannot be told from unwrapping a user's own
    // <r><t>…</t></r> (what exceljs writes for a note), which exceljs would then no longer read at all.
    const plain = '<t xml:space="preserve">在校生数以9月为准</t>';
    expect(strFromU8(unzip(removed)["xl/comments1.xml"])).toBe(
      PLAIN_COMMENTS.replace(plain, wrapped)
    );
    const files = unzip(removed);
    files["xl/comments1.xml"] = unzip(original)["xl/comments1.xml"];
    expectSameParts(original, zipSync(files));
  });

  test("a workbook exceljs wrote: a user's note on one sheet (junheng's on the same cell and others), none on the other", async () => {
    const original = await countyWorkbook();
    const marks: CellMark[] = [
      { sheet: "学校", cell: "A4", kind: "data", note: "学校名称重复" },
      { sheet: "学校", cell: "B4", kind: "standard", note: "小学生数低于标准 150 人" },
      { sheet: "学校", cell: "C4", kind: "data", note: "数字存为文本" },
      { sheet: "汇总", cell: "B1", kind: "standard", note: "学校数不足" },
    ];
    const copy = writeMarkedCopy(original, marks).bytes;
    expect(Object.keys(unzip(copy)).length).toBeGreaterThan(Object.keys(unzip(original)).length);
    expectSameParts(original, writeMarkedCopy(copy, []).bytes);
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

describe("junheng's author in a user's comments part", () => {
  const part = (authors: string[], comments: string): string =>
    `<comments xmlns="${NS.MAIN}"><authors>${authors.map((a) => `<author>${a}</author>`).join("")}</authors>` +
    `<commentList>${comments}</commentList></comments>`;
  const user = '<comment ref="A1" authorId="0"><text><r><t>用户</t></r></text></comment>';
  const tail = '<r><rPr><sz val="9"/></rPr><t xml:space="preserve">\n\n旧的说明</t></r>';
  const own = '<comment ref="B2" authorId="1"><text><r><t>旧的说明</t></r></text></comment>';

  test("stays while a comment that stays needs it: junheng's paragraph is replaced, never stacked", () => {
    const xml = part(["张老师", "junheng"], user.replace("</r></text>", `</r>${tail}</text>`));
    const kept = removeOwnNotes(xml, (row, col) => row === 0 && col === 0);
    expect(kept.xml).toBe(xml);
    const next = appendToCommentsXml(kept.xml, [{ row: 0, col: 0, text: "新的说明" }]).xml;
    expect(next).not.toContain("旧的说明");
    expect(next.match(/新的说明/g)).toHaveLength(1);
  });

  test("stays when it is not the last author (the authorIds after it keep their meaning)", () => {
    const xml = part(["张老师", "junheng", "李老师"], user + own);
    expect(removeOwnNotes(xml, () => false).xml).toBe(part(["张老师", "junheng", "李老师"], user));
  });

  test("goes with junheng's last comment when it is the last author", () => {
    const xml = part(["张老师", "junheng"], user + own);
    expect(removeOwnNotes(xml, () => false).xml).toBe(part(["张老师"], user));
  });
});
