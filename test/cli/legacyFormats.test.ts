/**
 * Other formats through the kept library (issue 14 §3): the same county table saved as .xls (BIFF8), .et,
 * .xlsb, .ods, .csv (UTF-8 with and without BOM, GBK), an HTML table named .xls and XML Spreadsheet 2003 must check
 * exactly like the .xlsx; --out on such input writes an .xlsx copy and says so; what is refused says what to do.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as XLSX from "@e965/xlsx";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { gbk } from "../host/gbk";
import { run } from "./run";
import { sniffFormat, decodeTextFile } from "../../src/host/legacy/detect";
import { readXlsx } from "../../src/host/xlsx";
import { Report } from "../../src/engine/reportTypes";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "junheng-legacy-"));

const HEADER = [
  "学校名称",
  "在校生数",
  "高于规定学历教师数",
  "县级及以上骨干教师数",
  "体育、艺术专任教师数",
  "教学及辅助用房面积(㎡)",
  "体育运动场馆面积(㎡)",
  "教学仪器设备值(万元)",
  "网络多媒体教室数(间)",
];
// Three schools well above every 小学 threshold, within ±10% of each other: exit 0 (as in cli.test.ts).
const ROWS: (string | number)[][] = [
  HEADER,
  ["甲小学", 1000, 50, 12, 10, 5000, 8000, 220, 25],
  ["乙小学", 800, 42, 10, 8, 4200, 6800, 176, 20],
  ["丙小学", 600, 30, 7, 6, 3000, 4800, 132, 15],
];

function book(): XLSX.WorkBook {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(ROWS), "小学");
  return wb;
}

function save(name: string, bytes: Uint8Array | string): string {
  const f = path.join(tmp, name);
  fs.writeFileSync(f, bytes);
  return f;
}

function asBytesOf(wb: XLSX.WorkBook, bookType: XLSX.BookType): Uint8Array {
  return new Uint8Array(XLSX.write(wb, { type: "array", bookType }) as ArrayBuffer);
}

function asBytes(bookType: XLSX.BookType): Uint8Array {
  return new Uint8Array(XLSX.write(book(), { type: "array", bookType }) as ArrayBuffer);
}

const csv = ROWS.map((r) => r.join(",")).join("\r\n") + "\r\n";
const html =
  '<html><head><meta charset="gbk"></head><body><table>' +
  ROWS.map((r) => "<tr>" + r.map((v) => `<td>${v}</td>`).join("") + "</tr>").join("") +
  "</table></body></html>";

let reference: Report;
beforeAll(() => {
  const xlsx = save("county.xlsx", asBytes("xlsx"));
  const r = run(["check", xlsx, "--json", "-"]);
  expect(r.code).toBe(0);
  reference = JSON.parse(r.out) as Report;
});

/** The parts of a report that say what was read and judged. */
function gist(rep: Report): unknown {
  return {
    schools: rep.schools.map((s) => [s.name, s.stage, s.row, s.students, s.status]),
    county: rep.county,
    summary: rep.summary,
  };
}

describe("each format checks exactly like the .xlsx", () => {
  test.each<[string, string, () => Uint8Array | string]>([
    [".xls (BIFF8)", "county.xls", () => asBytes("xls")],
    [".et (WPS, BIFF inside)", "county.et", () => asBytes("xls")],
    [".xlsb", "county.xlsb", () => asBytes("xlsb")],
    [".ods", "county.ods", () => asBytes("ods")],
    ["XML Spreadsheet 2003 named .xls", "county2003.xls", () => asBytes("xlml")],
    [".csv UTF-8", "county.csv", () => csv],
    [".csv UTF-8 with BOM", "county-bom.csv", () => "\ufeff" + csv],
    [".csv GBK (Excel/WPS in a Chinese locale)", "county-gbk.csv", () => gbk(csv)],
    ["an HTML table named .xls, in GBK", "web-export.xls", () => gbk(html)],
  ])("%s", (_label, name, make) => {
    const r = run(["check", save(name, make()), "--json", "-"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(gist(JSON.parse(r.out) as Report)).toEqual(gist(reference));
  });

  test("an .ods whose number formats SheetJS doubts (LibreOffice's) prints nothing on stderr", () => {
    // LibreOffice writes conditional number styles (style:map value()>0, value()<0, value()=0); SheetJS prints
    // "ODS number format may be incorrect: value()>0" to the console for each, which in the CLI is stderr.
    const parts = unzipSync(asBytes("ods"));
    const style =
      '<number:number-style style:name="N9P0"><number:number number:min-integer-digits="1"/></number:number-style>' +
      '<number:number-style style:name="N9"><number:number number:min-integer-digits="1"/>' +
      '<style:map style:condition="value()&gt;0" style:apply-style-name="N9P0"/></number:number-style>';
    const content = strFromU8(parts["content.xml"]);
    expect(content).toContain("<office:automatic-styles>");
    parts["content.xml"] = strToU8(content.replace("<office:automatic-styles>", "$&" + style));
    const ods = save("libreoffice-styles.ods", zipSync(parts));
    const spy = jest.spyOn(console, "error");
    try {
      const r = run(["check", ods, "--json", "-"]);
      expect(spy).not.toHaveBeenCalled();
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
      expect(gist(JSON.parse(r.out) as Report)).toEqual(gist(reference));
    } finally {
      spy.mockRestore();
    }
  });

  test("the format is told from the bytes, not the name", () => {
    expect(sniffFormat(asBytes("xls"), "x.xlsx")).toBe("xls");
    expect(sniffFormat(asBytes("ods"), "x.xls")).toBe("ods");
    expect(sniffFormat(asBytes("xlsb"), "x.xlsx")).toBe("xlsb");
    expect(sniffFormat(asBytes("xlsx"), "x.xls")).toBe("xlsx");
    expect(sniffFormat(strToU8(html), "x.xls")).toBe("html");
    expect(sniffFormat(strToU8(csv), "x.txt")).toBe("csv");
    expect(decodeTextFile(gbk("学校名称")).text).toBe("学校名称");
    expect(decodeTextFile(strToU8("学校名称")).encoding).toBe("utf-8");
  });
});

describe("a CSV with a title row and a two-row header is read like the .xlsx with merged group headers", () => {
  // A statistics-system export: title, then 专任教师(人) once over its five sub-headers (no merges in a CSV), whose
  // short names (体育, 音乐, 美术, 县级及以上骨干) only mean teachers under their group. The same table as an .xlsx
  // with the title, 学校名称/在校生数 merged down and 专任教师 merged across C2:G2 is the reference.
  const title = ["某县2024年义务教育学校办学条件统计表"];
  const h1 = [
    "学校名称",
    "在校生数(人)",
    "专任教师(人)",
    "",
    "",
    "",
    "",
    "教学及辅助用房面积(㎡)",
    "体育运动场馆面积(㎡)",
    "教学仪器设备值(万元)",
    "网络多媒体教室数(间)",
  ];
  const h2 = ["", "", "高于规定学历", "县级及以上骨干", "体育", "音乐", "美术", "", "", "", ""];
  // §16's four 小学 (standards.md §16), PE / music / fine-art teachers in their own columns.
  const rows: (string | number)[][] = [
    ["A小学", 1200, 60, 14, 4, 4, 4, 6000, 9600, 300, 30],
    ["B小学", 600, 28, 6, 2, 2, 2, 2900, 4200, 126, 15],
    ["C小学", 300, 14, 2, 1, 1, 1, 1200, 2700, 57, 6],
    ["D小学", 150, 8, 2, 1, 0, 0, 800, 1350, 33, 4],
  ];
  const all = [title, h1, h2, ...rows];

  test("UTF-8 and GBK: header rows 2–3, every column mapped, §16's verdicts (A B 达标, C D 不达标)", () => {
    const ws = XLSX.utils.aoa_to_sheet(all);
    ws["!merges"] = [
      XLSX.utils.decode_range("A1:K1"),
      XLSX.utils.decode_range("A2:A3"),
      XLSX.utils.decode_range("B2:B3"),
      XLSX.utils.decode_range("C2:G2"),
      XLSX.utils.decode_range("H2:H3"),
      XLSX.utils.decode_range("I2:I3"),
      XLSX.utils.decode_range("J2:J3"),
      XLSX.utils.decode_range("K2:K3"),
    ];
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, "Sheet1");
    const merged = save(
      "export-merged.xlsx",
      new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer)
    );
    const ref = JSON.parse(run(["check", merged, "--json", "-"]).out) as Report;
    expect(ref.tables[0].headerRows).toEqual([2, 3]);
    expect(ref.tables[0].unmapped).toEqual([]);

    const text = all.map((r) => r.join(",")).join("\r\n") + "\r\n";
    for (const [name, bytes] of [
      ["export.csv", text],
      ["export-gbk.csv", gbk(text)],
    ] as const) {
      const rep = JSON.parse(run(["check", save(name, bytes), "--json", "-"]).out) as Report;
      expect(rep.tables[0].headerRows).toEqual([2, 3]);
      expect(rep.tables[0].firstDataRow).toBe(4);
      expect(rep.tables[0].columns).toEqual({
        name: "A",
        students: "B",
        qualified_teachers: "C",
        key_teachers: "D",
        "pe_arts_teachers.pe": "E",
        "pe_arts_teachers.music": "F",
        "pe_arts_teachers.fine_art": "G",
        teaching_space: "H",
        sports_space: "I",
        equipment_value: "J",
        multimedia_rooms: "K",
      });
      expect(rep.schools.map((x) => [x.name, x.status])).toEqual([
        ["A小学", "pass"],
        ["B小学", "pass"],
        ["C小学", "fail"],
        ["D小学", "fail"],
      ]);
      expect(gist(rep)).toEqual(gist(ref));
    }
  });
});

describe("--out on a legacy input", () => {
  test("writes an .xlsx copy of the values (named .xlsx) and says so; the input is untouched", () => {
    const xls = save("marked.xls", asBytes("xls"));
    const before = fs.readFileSync(xls);
    const r = run(["check", xls, "--out", path.join(tmp, "marked-copy.xls")]);
    expect(r.code).toBe(0);
    const target = path.join(tmp, "marked-copy.xlsx");
    expect(r.out).toContain(`已写出标注副本：${target}`);
    expect(r.out).toContain("原文件是 .xls 格式，副本存为 .xlsx");
    expect(fs.existsSync(path.join(tmp, "marked-copy.xls"))).toBe(false);
    const copy = readXlsx(new Uint8Array(fs.readFileSync(target)));
    expect(copy.sheets[0].rows[1]).toEqual(ROWS[1]);
    expect(copy.sheets.map((s) => s.name)).toEqual(["小学", "均衡达标报告"]);
    expect(fs.readFileSync(xls).equals(before)).toBe(true);

    // That copy saved as .xls again (LibreOffice, WPS) and marked again: still one report sheet.
    const again = XLSX.read(fs.readFileSync(target), { type: "buffer" });
    const xls2 = save("marked-again.xls", asBytesOf(again, "xls"));
    const r2 = run(["check", xls2, "--out", path.join(tmp, "marked-again-copy.xlsx")]);
    expect(r2.code).toBe(0);
    const copy2 = readXlsx(
      new Uint8Array(fs.readFileSync(path.join(tmp, "marked-again-copy.xlsx")))
    );
    expect(copy2.sheets.map((s) => s.name)).toEqual(["小学", "均衡达标报告"]);
  });
});

describe("a hidden sheet in an .ods (LibreOffice's 隐藏工作表) is skipped like one in an .xlsx", () => {
  test("last year's hidden table is not read: the three schools once; --include-hidden reads it", () => {
    // 今年 holds the table; 去年 the same schools with half the equipment (110 / 88 / 66 万元 — 1100 元 per
    // student, below 2000). Read as data, every school is there twice and fails (SheetJS does not report an
    // .ods tab as hidden; LibreOffice hides it with a table style whose table:display is "false").
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(ROWS), "今年");
    const old = ROWS.map((r, i) => (i === 0 ? r : r.map((v, j) => (j === 7 ? Number(v) / 2 : v))));
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(old), "去年");
    const parts = unzipSync(asBytesOf(wb, "ods"));
    const content = strFromU8(parts["content.xml"]);
    const hiddenStyle =
      '<style:style style:name="taHidden" style:family="table">' +
      '<style:table-properties table:display="false"/></style:style>';
    const patched = content
      .replace("<office:automatic-styles>", "$&" + hiddenStyle)
      .replace(
        /<table:table table:name="去年"[^>]*>/,
        '<table:table table:name="去年" table:style-name="taHidden">'
      );
    expect(patched).toContain('table:name="去年" table:style-name="taHidden"');
    parts["content.xml"] = strToU8(patched);
    const ods = save("hidden-last-year.ods", zipSync(parts));

    const r = run(["check", ods, "--json", "-"]);
    expect(r.code).toBe(0);
    const rep = JSON.parse(r.out) as Report;
    expect(gist(rep)).toEqual(gist(reference));
    expect(
      rep.findings.filter((f) => f.code === "hidden-sheet-skipped").map((f) => f.sheet)
    ).toEqual(["去年"]);

    const all = JSON.parse(run(["check", ods, "--include-hidden", "--json", "-"]).out) as Report;
    expect(all.summary.schools).toBe(6);
    expect(all.summary.meets).toBe(false);
  });
});

describe("what is refused says what to do, in one line", () => {
  test("a CSV whose Chinese became ? (saved in a Western encoding, as LibreOffice does by default)", () => {
    const lost = csv.replace(/[\u0080-\uffff]/g, "?");
    const r = run(["check", save("lost.csv", lost)]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toContain("中的中文已变成「?」");
    expect(r.err).toContain("CSV UTF-8");
    // A CSV without the school headers but with real text still gets the ordinary line.
    const other = run(["check", save("other.csv", "甲,乙,丙\r\n1,2,3\r\n")]);
    expect(other.err).toContain("没有找到学校名单");
  });

  test("a password-protected workbook (OLE with an EncryptedPackage stream)", () => {
    const name = Buffer.from("EncryptedPackage", "utf16le");
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(600),
      name,
    ]);
    const r = run(["check", save("locked.xlsx", ole)]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/设了打开密码.*另存为 \.xlsx/);
  });

  test("a zip that is no workbook, a PDF, and a damaged .xls", () => {
    const docx = zipSync({
      "word/document.xml": strToU8("<w:document/>"),
      "[Content_Types].xml": strToU8("<Types/>"),
    });
    void docx;
    const other = zipSync({ "readme.txt": strToU8("hello") });
    for (const [name, bytes, msg] of [
      ["bundle.zip", other, /不是 junheng 能读的表格文件.*另存为 \.xlsx/],
      ["scan.pdf", strToU8("%PDF-1.7\n\u0000\u0001binary"), /不是 junheng 能读的表格文件/],
      [
        "broken.xls",
        Buffer.concat([
          Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
          Buffer.alloc(600),
        ]),
        /\.xls 文件，但已损坏或无法识别；请在 Excel 或 WPS 中打开并另存为 \.xlsx/,
      ],
    ] as [string, Uint8Array, RegExp][]) {
      const r = run(["check", save(name, bytes)]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(msg);
      expect(r.err.trim().split("\n")).toHaveLength(1);
    }
  });

  test("a web page with no table, named .xls: one line in each language (「an HTML file」)", () => {
    const page = save("no-table.xls", "<html><body><p>系统维护中</p></body></html>");
    const zh = run(["check", page]);
    expect(zh.code).toBe(2);
    expect(zh.err).toBe(
      `junheng: ${page} 看起来是 HTML 文件，但已损坏或无法识别；请在 Excel 或 WPS 中打开并另存为 .xlsx 后再检查\n`
    );
    const en = run(["check", page, "--lang", "en"]);
    expect(en.code).toBe(2);
    expect(en.err).toBe(
      `junheng: ${page} looks like an HTML file but is damaged or not recognised; open it in Excel or WPS and save it as .xlsx\n`
    );
  });

  test("an .ods zip bomb is too large, not damaged", () => {
    const content = strToU8(
      '<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0">' +
        " ".repeat(4_000_000) +
        "</office:document-content>"
    );
    const ods = zipSync({
      mimetype: [strToU8("application/vnd.oasis.opendocument.spreadsheet"), { level: 0 }],
      "content.xml": content,
      "META-INF/manifest.xml": strToU8("<manifest/>"),
    });
    const r = run(["check", save("bomb.ods", ods), "--max-unzipped-mb", "1"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/解压后超过 1 MB/);
    expect(r.err).not.toMatch(/损坏/);
  });
});
