import { strFromU8, strToU8, zipSync } from "fflate";
import { crc32 as zlibCrc32 } from "zlib";
import { crc32, ZipArchive, ZipFormatError } from "../../../src/host/xlsx/zip";
import { concatChunks, ZipWriter } from "../../../src/host/xlsx/zipWrite";
import { inflateRawNode } from "../../../src/host/xlsx/inflateNode";
import { readXlsx } from "../../../src/host/xlsx";
import { countyWorkbook } from "./fixture";

const text = (zip: ZipArchive, name: string): string | undefined => {
  const b = zip.read(name);
  return b && strFromU8(b);
};

describe("ZipArchive", () => {
  const big = "<row>".repeat(20000) + "学校名称";
  const archive = zipSync(
    {
      "xl/worksheets/sheet1.xml": [strToU8(big), { level: 6 }],
      "stored.txt": [strToU8("plain"), { level: 0 }],
      "目录/名称.xml": strToU8("<x/>"),
    },
    { level: 6 }
  );

  test("lists the entries in directory order and reads deflated and stored ones", () => {
    const zip = new ZipArchive(archive);
    expect(zip.names).toEqual(["xl/worksheets/sheet1.xml", "stored.txt", "目录/名称.xml"]);
    expect(text(zip, "xl/worksheets/sheet1.xml")).toBe(big);
    expect(text(zip, "stored.txt")).toBe("plain");
    expect(text(zip, "目录/名称.xml")).toBe("<x/>");
    expect(zip.read("missing.xml")).toBeUndefined();
  });

  test("Node's zlib inflates to the same bytes as the portable inflater", () => {
    const portable = new ZipArchive(archive);
    const native = new ZipArchive(archive, inflateRawNode);
    for (const name of portable.names)
      expect(Buffer.from(native.read(name) as Uint8Array)).toEqual(
        Buffer.from(portable.read(name) as Uint8Array)
      );
  });

  test("a workbook reads the same with either inflater", async () => {
    const bytes = await countyWorkbook();
    expect(readXlsx(bytes, { inflateRaw: inflateRawNode })).toEqual(readXlsx(bytes));
  });

  test("zip64 sizes and offsets in the extended-information field", () => {
    // One stored entry "a.txt" = "hi", written by hand with every 32-bit field maxed out and the real values
    // in the zip64 extra field and end records (what streaming writers produce).
    const name = strToU8("a.txt");
    const data = strToU8("hi");
    const bytes: number[] = [];
    const u16 = (v: number): void => {
      bytes.push(v & 0xff, (v >>> 8) & 0xff);
    };
    const u32 = (v: number): void => {
      u16(v & 0xffff);
      u16(v >>> 16);
    };
    const u64 = (v: number): void => {
      u32(v);
      u32(0);
    };
    // Local header at 0.
    u32(0x04034b50);
    u16(45);
    u16(0);
    u16(0); // stored
    u32(0);
    u32(zlibCrc32(data));
    u32(0xffffffff);
    u32(0xffffffff);
    u16(name.length);
    u16(0);
    bytes.push(...name, ...data);
    // Central directory.
    const cd = bytes.length;
    u32(0x02014b50);
    u16(45);
    u16(45);
    u16(0);
    u16(0);
    u32(0);
    u32(zlibCrc32(data));
    u32(0xffffffff);
    u32(0xffffffff);
    u16(name.length);
    u16(4 + 24);
    u16(0);
    u16(0);
    u16(0);
    u32(0);
    u32(0xffffffff);
    bytes.push(...name);
    u16(1);
    u16(24);
    u64(data.length); // size
    u64(data.length); // compressed size
    u64(0); // local header offset
    const cdSize = bytes.length - cd;
    // Zip64 end record, locator, and the classic end record with maxed-out fields.
    const z64 = bytes.length;
    u32(0x06064b50);
    u64(44);
    u16(45);
    u16(45);
    u32(0);
    u32(0);
    u64(1);
    u64(1);
    u64(cdSize);
    u64(cd);
    u32(0x07064b50);
    u32(0);
    u64(z64);
    u32(1);
    u32(0x06054b50);
    u16(0);
    u16(0);
    u16(0xffff);
    u16(0xffff);
    u32(0xffffffff);
    u32(0xffffffff);
    u16(0);
    const zip = new ZipArchive(new Uint8Array(bytes));
    expect(zip.names).toEqual(["a.txt"]);
    expect(text(zip, "a.txt")).toBe("hi");
  });

  test("crc32 agrees with zlib's at every length around its 8-byte steps", () => {
    const data = strToU8('学校名称 0123456789 <row r="1"/>'.repeat(3));
    for (let n = 0; n <= data.length; n++)
      expect(crc32(data.subarray(0, n))).toBe(zlibCrc32(data.subarray(0, n)));
  });

  test("damaged archives throw ZipFormatError", () => {
    expect(() => new ZipArchive(archive.slice(0, archive.length - 30))).toThrow(ZipFormatError);
    expect(() => new ZipArchive(new Uint8Array(10))).toThrow(ZipFormatError);
    const cut = archive.slice();
    // Break the first entry's deflate stream: the directory still reads, the entry does not inflate.
    cut.fill(0xff, 60, 200);
    const zip = new ZipArchive(cut);
    expect(() => zip.read("xl/worksheets/sheet1.xml")).toThrow(ZipFormatError);
  });
});

describe("ZipWriter with progress", () => {
  test("a large part is deflated a piece at a time, reporting the bytes done, and reads back the same", () => {
    // Just under 1.5 MB of sheet-like text: two full pieces of 512 KB (the writer's PIECE) and a shorter third,
    // so three reports, the last at the whole length.
    const row = '<row r="1"><c r="A1" t="s"><v>12</v></c></row>';
    const data = strToU8(row.repeat(Math.floor((1.5 * 1024 * 1024) / row.length)));
    const seen: number[] = [];
    const w = new ZipWriter();
    w.addData("xl/worksheets/sheet1.xml", data, false, (done) => seen.push(done));
    const zip = new ZipArchive(concatChunks(w.finish()));
    expect(zip.read("xl/worksheets/sheet1.xml")).toEqual(data);
    expect(seen).toEqual([512 * 1024, 1024 * 1024, data.length]);
  });
});
