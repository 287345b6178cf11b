/**
 * Hostile packages (issue 14 §4): the reader and the marked-copy writer stay bounded and say what is wrong.
 * Every package is built here by hand; the limits are passed small so the tests stay small.
 */
import { crc32Node, inflateRawNode } from "../../../src/host/xlsx/inflateNode";
import { strToU8, unzipSync } from "fflate";
import { readXlsx, writeMarkedCopy, XlsxReadError } from "../../../src/host/xlsx";
import { parseSharedStrings, scanWorksheet } from "../../../src/host/xlsx/read";
import { decodeText, decodeXml, parseAttrs } from "../../../src/host/xlsx/xml";
import { defaultInflateCap, inflateRawPortable, type InflateRaw } from "../../../src/host/xlsx/zip";
import { concatChunks, ZipWriter } from "../../../src/host/xlsx/zipWrite";
import { gbk } from "../gbk";
import { handPackage, NS, sheetXml } from "./helpers";

function errorOf(fn: () => unknown): XlsxReadError | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof XlsxReadError) return e;
    throw e;
  }
  return undefined;
}

const TABLE =
  '<row r="1"><c r="A1" t="inlineStr"><is><t>学校名称</t></is></c><c r="B1" t="inlineStr"><is><t>在校生数</t></is></c></row>' +
  '<row r="2"><c r="A2" t="inlineStr"><is><t>甲小学</t></is></c><c r="B2"><v>800</v></c></row>';

/** Re-zips entries in the given order (names may repeat), every one deflated. */
function zipEntries(entries: [string, Uint8Array][]): Uint8Array {
  const w = new ZipWriter();
  for (const [n, d] of entries) w.addData(n, d);
  return concatChunks(w.finish());
}

function entries(bytes: Uint8Array): [string, Uint8Array][] {
  return Object.entries(unzipSync(bytes));
}

/** Overwrites the uncompressed size the central directory records for `name` (a lying directory). */
function lieAboutSize(bytes: Uint8Array, name: string, size: number): Uint8Array {
  const out = bytes.slice();
  const v = new DataView(out.buffer);
  const nameBytes = strToU8(name);
  for (let at = 0; at + 46 < out.length; at++) {
    if (v.getUint32(at, true) !== 0x02014b50) continue;
    const len = v.getUint16(at + 28, true);
    const n = out.subarray(at + 46, at + 46 + len);
    if (len === nameBytes.length && n.every((b, i) => b === nameBytes[i])) {
      v.setUint32(at + 24, size, true);
      return out;
    }
  }
  throw new Error(`no central record for ${name}`);
}

const INFLATERS: [string, InflateRaw | undefined][] = [
  ["portable", inflateRawPortable],
  ["node", inflateRawNode],
];

describe("the inflated size is capped, and the directory's sizes are not trusted", () => {
  // 4 MB of cell XML that deflates to a few KB: a small bomb.
  const filler = `<row r="3"><c r="C3"><v>1</v></c></row>`.repeat(100_000);
  const bomb = handPackage({ sheets: [{ name: "小学", xml: sheetXml(TABLE + filler) }] });

  test("the default cap: 50 × the file, at least 100 MiB, at most 1 GiB", () => {
    expect(defaultInflateCap(4096)).toBe(100 * 2 ** 20);
    expect(defaultInflateCap(10 * 2 ** 20)).toBe(500 * 2 ** 20); // 50 × 10 MiB
    expect(defaultInflateCap(2 ** 30)).toBe(2 ** 30);
  });

  test.each(INFLATERS)(
    "%s: past the cap, too-large with the cap; under it, read",
    (_n, inflate) => {
      const e = errorOf(() => readXlsx(bomb, { inflateRaw: inflate, maxInflatedBytes: 1_000_000 }));
      expect(e?.code).toBe("too-large");
      expect(e?.detail).toBe(1_000_000);
      expect(readXlsx(bomb, { inflateRaw: inflate }).sheets[0].rows[1]).toEqual(["甲小学", 800]);
    }
  );

  test.each(INFLATERS)(
    "%s: a directory that claims 1 KB for the 4 MB sheet is still capped",
    (_n, inflate) => {
      const lying = lieAboutSize(bomb, "xl/worksheets/sheet1.xml", 1024);
      expect(
        errorOf(() => readXlsx(lying, { inflateRaw: inflate, maxInflatedBytes: 1_000_000 }))?.code
      ).toBe("too-large");
    }
  );

  test.each(INFLATERS)(
    "%s: a directory that claims size 0 for the sheet: read in full, and the copy keeps it",
    (_n, inflate) => {
      const good = handPackage({ sheets: [{ name: "小学", xml: sheetXml(TABLE) }] });
      const lying = lieAboutSize(good, "xl/worksheets/sheet1.xml", 0);
      expect(readXlsx(lying, { inflateRaw: inflate }).sheets[0].rows).toEqual(
        readXlsx(good).sheets[0].rows
      );
      // No mark on the sheet: the writer would copy it as stored, but its record is impossible, so it is rewritten.
      const copy = writeMarkedCopy(lying, [], undefined, { inflateRaw: inflate }).bytes;
      expect(readXlsx(copy).sheets[0].rows).toEqual(readXlsx(good).sheets[0].rows);
      expect(unzipSync(copy)["xl/worksheets/sheet1.xml"].length).toBeGreaterThan(100);
    }
  );

  test("--out inflates only the parts it changes: an unused 8 MB part is copied, not inflated", () => {
    const big = new Uint8Array(8 * 2 ** 20).fill(65);
    const pkg = zipEntries([
      ...entries(handPackage({ sheets: [{ name: "小学", xml: sheetXml(TABLE) }] })),
      ["xl/media/unused.bin", big],
    ]);
    let inflated = 0;
    const counting: InflateRaw = (d, s, l) => {
      const out = inflateRawNode(d, s, l);
      inflated += out.length;
      return out;
    };
    const copy = writeMarkedCopy(
      pkg,
      [{ sheet: "小学", cell: "B2", kind: "data", note: "看一下" }],
      undefined,
      {
        inflateRaw: counting,
      }
    );
    expect(inflated).toBeLessThan(100_000); // the sheet, styles, rels, content types: a few KB
    expect(Buffer.from(unzipSync(copy.bytes)["xl/media/unused.bin"]).equals(Buffer.from(big))).toBe(
      true
    );
  });
});

describe("ambiguous and out-of-range content is refused, not guessed", () => {
  const pkg = handPackage({ sheets: [{ name: "小学", xml: sheetXml(TABLE) }] });

  test("two entries with one name (or one name in two cases): duplicate-entry", () => {
    const list = entries(pkg);
    const sheet = list.find(([n]) => n === "xl/worksheets/sheet1.xml") as [string, Uint8Array];
    const twice = zipEntries([...list, [sheet[0], strToU8(sheetXml(""))]]);
    const e = errorOf(() => readXlsx(twice));
    expect(e?.code).toBe("duplicate-entry");
    expect(e?.detail).toBe("xl/worksheets/sheet1.xml");
    const cased = zipEntries([...list, ["XL/worksheets/SHEET1.xml", strToU8(sheetXml(""))]]);
    expect(errorOf(() => readXlsx(cased))?.code).toBe("duplicate-entry");
  });

  test("a number cell is read as xsd:double: blank is no value, never 0; 0x / 0b / 0o are not numbers", () => {
    const xml = sheetXml(
      '<row r="1"><c r="A1"><v> </v></c><c r="B1"><v>\n</v></c><c r="C1"><f>1+1</f><v> </v></c></row>' +
        '<row r="2"><c r="A2"><v>0x1A</v></c><c r="B2"><v>0b11</v></c><c r="C2"><v>0o17</v></c>' +
        '<c r="D2"><v> 0x10 </v></c><c r="E2"><v>0</v></c><c r="F2"><v> 0.5 </v></c><c r="G2"><v>007</v></c></row>'
    );
    const sheet = readXlsx(handPackage({ sheets: [{ name: "S", xml }] })).sheets[0];
    // Row 1: whitespace is not a value (the formula in C1 has no cached result).
    expect(sheet.rows[0]).toBeUndefined();
    expect(sheet.uncachedFormulas).toEqual([{ row: 0, col: 2 }]);
    // Row 2: the radix forms stay text (the engine then calls them not a number); real numbers are numbers.
    expect(sheet.rows[1]).toEqual(["0x1A", "0b11", "0o17", "0x10", 0, 0.5, 7]);
  });

  test("a shared-string index past the table: bad-shared-string naming the cell", () => {
    const sst = `<sst xmlns="${NS.MAIN}"><si><t>学校名称</t></si><si><t>在校生数</t></si></sst>`;
    const xml = sheetXml(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>5</v></c></row>'
    );
    const e = errorOf(() =>
      readXlsx(handPackage({ sheets: [{ name: "小学", xml }], sharedStrings: sst }))
    );
    expect(e?.code).toBe("bad-shared-string");
    expect(e?.detail).toBe("小学!A2");
  });

  test("shared strings without a relationship are still the table (LibreOffice reads them)", () => {
    const sst = `<sst xmlns="${NS.MAIN}"><si><t>甲小学</t></si></sst>`;
    const xml = sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>');
    const bytes = handPackage({
      sheets: [{ name: "小学", xml }],
      extra: { "xl/sharedStrings.xml": sst },
    });
    expect(readXlsx(bytes).sheets[0].rows).toEqual([["甲小学"]]);
  });

  test.each([
    ['<row r="1"><c r="ZZZZZZ1"><v>1</v></c></row>', "column ZZZZZZ"],
    ['<row r="1"><c r="XFE1"><v>1</v></c></row>', "one column past XFD"],
    ['<row r="1048577"><c r="A1048577"><v>1</v></c></row>', "one row past 1,048,576"],
    ['<row r="99999999999999999999"><c><v>1</v></c></row>', "a row number of 20 digits"],
  ])("%s (%s): out-of-range", (data) => {
    expect(errorOf(() => scanWorksheet(sheetXml(data), [], "小学"))?.code).toBe("out-of-range");
  });

  test("the last cell XFD1048576 is legal, and the rows between are holes, not stored blanks", () => {
    const s = scanWorksheet(
      sheetXml(TABLE + '<row r="1048576"><c r="XFD1048576"><v>7</v></c></row>'),
      [],
      "小学"
    );
    expect(s.rows.length).toBe(1048576);
    expect(s.rows[1048575][16383]).toBe(7);
    expect(Object.keys(s.rows)).toEqual(["0", "1", "1048575"]);
    expect(Object.keys(s.rows[1048575])).toEqual(["16383"]);
  });
});

/*
 * Linear scanning: each input below took minutes (quadratic) before; linear, each is milliseconds. No clock is read:
 * a quadratic scan makes the test run out of jest's time instead.
 */
describe("damage inside an entry", () => {
  test("a sheet whose bytes no longer match the directory's CRC-32 is corrupt, not read", () => {
    // The sheet stored (not deflated), so one changed byte is still well-formed XML: 800 pupils become 900.
    const good = handPackage({ sheets: [{ name: "小学", xml: sheetXml(TABLE) }] });
    const w = new ZipWriter();
    for (const [n, d] of entries(good)) w.addData(n, d, n === "xl/worksheets/sheet1.xml");
    const stored = concatChunks(w.finish());
    expect(readXlsx(stored).sheets[0].rows[1]).toEqual(["甲小学", 800]);
    const damaged = stored.slice();
    const at = Buffer.from(damaged).indexOf("<v>800</v>");
    damaged[at + 3] = "9".charCodeAt(0);
    expect(errorOf(() => readXlsx(damaged))?.code).toBe("corrupt");
    // The same with the CLI's native CRC-32 and inflater.
    const node = { inflateRaw: inflateRawNode, crc32: crc32Node };
    expect(readXlsx(stored, node).sheets[0].rows[1]).toEqual(["甲小学", 800]);
    expect(errorOf(() => readXlsx(damaged, node))?.code).toBe("corrupt");
    expect(
      errorOf(() =>
        writeMarkedCopy(
          damaged,
          [{ sheet: "小学", cell: "B2", kind: "data", note: "x" }],
          undefined,
          node
        )
      )?.code
    ).toBe("corrupt");
    expect(
      errorOf(() =>
        writeMarkedCopy(damaged, [{ sheet: "小学", cell: "B2", kind: "data", note: "x" }])
      )?.code
    ).toBe("corrupt");
  });
});

describe("XML scanning is linear in its input", () => {
  const N = 200_000;

  test("200,000 unterminated <![CDATA[ in a cell value, in sheetData and in a shared string", () => {
    const cdata = "<![CDATA[".repeat(N);
    expect(decodeText(cdata)).toBe(cdata.slice(9)); // the first opens, the rest is its content
    const s = scanWorksheet(
      sheetXml(TABLE + `<row r="3"><c r="A3" t="str"><v>${cdata}</v></c></row>`),
      [],
      "小学"
    );
    expect(s.rows[1]).toEqual(["甲小学", 800]);
    expect(scanWorksheet(sheetXml(TABLE + cdata), [], "小学").rows[1]).toEqual(["甲小学", 800]);
    expect(parseSharedStrings(`<sst><si><t>${cdata}</t></si></sst>`)).toHaveLength(1);
  }, 20_000);

  test("200,000 unterminated comments and processing instructions", () => {
    for (const junk of ["<!--", "<?pi "]) {
      const s = scanWorksheet(sheetXml(TABLE + junk.repeat(N)), [], "小学");
      expect(s.rows[1]).toEqual(["甲小学", 800]);
    }
  }, 20_000);

  test("200,000 cells without <v>, and shared strings whose <t> is never closed", () => {
    const s = scanWorksheet(
      sheetXml(TABLE + '<row r="3">' + '<c r="A3" s="1"></c>'.repeat(N) + "</row>"),
      [],
      "小学"
    );
    expect(s.rows[2]).toBeUndefined();
    const sst = parseSharedStrings(`<sst>${"<si><t>x</si>".repeat(N)}</sst>`);
    expect(sst).toHaveLength(N);
  }, 20_000);

  test("an attribute name of 200,000 characters with no '='", () => {
    const tag = `<c ${"a".repeat(N)} r="A1">`;
    expect(parseAttrs(tag).get("r")).toBe("A1");
    expect(parseAttrs('<x:c r="B2" t=\'s\' s = "3"/>')).toEqual(
      new Map([
        ["r", "B2"],
        ["t", "s"],
        ["s", "3"],
      ])
    );
  }, 20_000);
});

describe("legacy-declared XML", () => {
  test("a part declared GB2312 reads as Chinese", () => {
    const xml = sheetXml(TABLE).replace('encoding="UTF-8"', 'encoding="GB2312"');
    expect(decodeXml(gbk(xml))).toBe(xml);
    const pkg = zipEntries(
      entries(handPackage({ sheets: [{ name: "小学", xml: sheetXml("") }] })).map(([n, d]) =>
        n === "xl/worksheets/sheet1.xml" ? [n, gbk(xml)] : [n, d]
      )
    );
    expect(readXlsx(pkg).sheets[0].rows[1]).toEqual(["甲小学", 800]);
    // Marking it writes the part back as UTF-8 and says so in its declaration.
    const copy = writeMarkedCopy(pkg, [
      { sheet: "小学", cell: "B2", kind: "data", note: "" },
    ]).bytes;
    const text = new TextDecoder().decode(unzipSync(copy)["xl/worksheets/sheet1.xml"]);
    expect(text).toContain('encoding="UTF-8"');
    expect(text).toContain("甲小学");
  });
});
