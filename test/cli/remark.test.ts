/**
 * A marked copy marked again gives exactly what marking the original gives (issue 14): the user fixes a cell in
 * copy1, `check copy1 --out copy2` gives that cell its original style back and takes junheng's note away, marks
 * the cells still wrong from their original style (no clone of a clone), and styles.xml does not grow. A copy
 * re-saved by LibreOffice (styles renumbered) is not guessed at: one line says how many cells keep an old fill.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { runCli } from "../../src/cli/main";
import { childElements, parseAttrs, rootTag } from "../../src/host/xlsx/xml";
import { HEADER, JUNIOR, PRIMARY, named } from "../engine/layouts/fixtures";
import { editPackage, partText } from "../host/xlsx/helpers";

jest.setTimeout(60_000);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "junheng-remark-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function run(args: string[]): { code: number; out: string; err: string } {
  let out = "";
  let err = "";
  const code = runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

/**
 * 学校 sheet: the layout fixture plus 庚小学 (row 5), which misses two standards:
 *   D5 骨干 5 per 1000 students = 0.5 < 1 (stays wrong), H5 仪器 150 万元 ÷ 1000 = 1500 元 < 2000 (the user fixes
 *   it to 250 → 2500 ≥ 2000). Every figure cell has a thin border and a number format "0" (H: "0.00"), names are
 *   bold, H5 carries a note of the user's own. Styles make "the original style" something other than xf 0.
 */
async function build(file: string, gengEquipment: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("学校");
  [
    HEADER,
    ...named(PRIMARY, "小学"),
    ["庚小学", 1000, 50, 5, 10, 5000, 8000, gengEquipment, 25],
    ...named(JUNIOR, "初中"),
  ].forEach((r) => ws.addRow(r));
  const thin = { style: "thin" as const };
  ws.eachRow((row, r) => {
    if (r === 1) return;
    row.eachCell((c, col) => {
      if (col === 1) c.font = { bold: true, name: "宋体", size: 11 };
      else {
        c.border = { top: thin, left: thin, bottom: thin, right: thin };
        c.numFmt = col === 8 ? "0.00" : "0";
      }
    });
  });
  ws.getCell("H5").note = "去年已核实";
  await wb.xlsx.writeFile(file);
}

const SHEET = "xl/worksheets/sheet1.xml";

/** s of every <c> of the first sheet, by address (absent = 0). */
function cellStyles(bytes: Uint8Array): Map<string, number> {
  const xml = partText(bytes, SHEET);
  const out = new Map<string, number>();
  for (const m of xml.matchAll(/<c\b[^>]*>/g)) {
    const a = parseAttrs(m[0]);
    out.set(a.get("r")!, Number(a.get("s") ?? 0));
  }
  return out;
}

/** The <xf> elements of cellXfs as attribute maps, and the fills' fgColor (null when not solid). */
function styles(bytes: Uint8Array): { xfs: Map<string, string>[]; fills: (string | null)[] } {
  const xml = partText(bytes, "xl/styles.xml");
  const root = rootTag(xml)!;
  const kids = childElements(xml, root);
  const sec = (name: string) => {
    const el = kids.find((k) => k.name === name)!;
    return childElements(xml, el.open).map((e) => xml.slice(e.start, e.end));
  };
  return {
    xfs: sec("cellXfs").map((x) => parseAttrs(x.slice(0, x.indexOf(">") + 1))),
    fills: sec("fills").map((f) =>
      /patternType="solid"/.test(f) ? (/fgColor rgb="(\w+)"/.exec(f)?.[1] ?? null) : null
    ),
  };
}

/** Every cell of 学校 as exceljs (an independent reader) sees it: style and note text. */
async function look(file: string): Promise<Record<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: Record<string, unknown> = {};
  wb.getWorksheet("学校")!.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (c) => {
      const n = c.note as string | { texts?: { text: string }[] } | undefined;
      const note =
        n === undefined
          ? null
          : typeof n === "string"
            ? n
            : (n.texts ?? []).map((t) => t.text).join("");
      out[c.address] = {
        value: c.value,
        font: c.font ?? null,
        border: c.border ?? null,
        numFmt: c.numFmt ?? null,
        fill: c.fill ?? null,
        alignment: c.alignment ?? null,
        note,
      };
    })
  );
  return out;
}

/** copy1 with the user's fix: H5's value 150 → 250 in the sheet XML (style, note and all else as junheng left them). */
function fixH5(copy1: string, to: string): void {
  const bytes = new Uint8Array(fs.readFileSync(copy1));
  const xml = partText(bytes, SHEET);
  const fixed = xml.replace(/(<c r="H5"[^>]*>)<v>150<\/v>/, "$1<v>250</v>");
  expect(fixed).not.toBe(xml);
  fs.writeFileSync(to, editPackage(bytes, { [SHEET]: fixed }));
}

const x = path.join(tmp, "orig.xlsx");
const xFixed = path.join(tmp, "orig-fixed.xlsx");
const copy1 = path.join(tmp, "copy1.xlsx");
const copy1Fixed = path.join(tmp, "copy1-fixed.xlsx");
const copy2 = path.join(tmp, "copy2.xlsx");
const copy3 = path.join(tmp, "copy3.xlsx");
const ref = path.join(tmp, "ref.xlsx");

beforeAll(async () => {
  await build(x, 150);
  await build(xFixed, 250);
  expect(run(["check", x, "--out", copy1]).code).toBe(1);
  fixH5(copy1, copy1Fixed);
  expect(run(["check", copy1Fixed, "--out", copy2]).code).toBe(1);
  expect(run(["check", copy2, "--out", copy3]).code).toBe(1);
  expect(run(["check", xFixed, "--out", ref]).code).toBe(1);
});

const bytesOf = (f: string): Uint8Array => new Uint8Array(fs.readFileSync(f));

describe("a marked copy, fixed by the user and marked again", () => {
  test("copy1 marks D5 and H5 (red) on clones of their own styles", () => {
    const s0 = cellStyles(bytesOf(x));
    const s1 = cellStyles(bytesOf(copy1));
    const st = styles(bytesOf(copy1));
    for (const a of ["D5", "H5"]) {
      expect(s1.get(a)).not.toBe(s0.get(a));
      expect(st.fills[Number(st.xfs[s1.get(a)!].get("fillId"))]).toBe("FFFFC7CE");
    }
  });

  test("the fixed cell H5 has its original style index again and only the user's note", async () => {
    const s0 = cellStyles(bytesOf(x));
    const s2 = cellStyles(bytesOf(copy2));
    expect(s2.get("H5")).toBe(s0.get("H5"));
    const notes = await look(copy2);
    expect((notes.H5 as { note: string }).note).toBe("去年已核实");
    // junheng's own comment is gone from the comments part, not emptied.
    expect(partText(bytesOf(copy2), "xl/comments1.xml")).not.toContain("1500");
  });

  /** Cells marking the fixed original marks (their style differs from the original's): D5 and 庚小学's name. */
  const stillMarked = (): string[] => {
    const s0 = cellStyles(bytesOf(x));
    const sr = cellStyles(bytesOf(ref));
    return [...s0.keys()].filter((a) => sr.get(a) !== s0.get(a)).sort();
  };

  test("cells still wrong are marked on a clone of the ORIGINAL xf (same font, border, number format)", () => {
    expect(stillMarked()).toEqual(["A5", "D5"]);
    const s0 = cellStyles(bytesOf(x));
    const s1 = cellStyles(bytesOf(copy1));
    const s2 = cellStyles(bytesOf(copy2));
    const xfs0 = styles(bytesOf(x)).xfs;
    const st2 = styles(bytesOf(copy2));
    for (const a of stillMarked()) {
      const orig = xfs0[s0.get(a)!];
      const clone = st2.xfs[s2.get(a)!];
      for (const k of ["numFmtId", "fontId", "borderId", "xfId"])
        expect([a, k, clone.get(k)]).toEqual([a, k, orig.get(k)]);
      expect(st2.fills[Number(clone.get("fillId"))]).toBe("FFFFC7CE");
      // The very clone copy1 made: nothing was cloned again.
      expect([a, s2.get(a)]).toEqual([a, s1.get(a)]);
    }
  });

  test("every other cell has its original style index", () => {
    const s0 = cellStyles(bytesOf(x));
    const s2 = cellStyles(bytesOf(copy2));
    const marked = new Set(stillMarked());
    for (const [a, s] of s0) if (!marked.has(a)) expect([a, s2.get(a)]).toEqual([a, s]);
  });

  test("copy2 looks exactly like the original (with the fix) marked once: every cell's style and note", async () => {
    expect(await look(copy2)).toEqual(await look(ref));
  });

  test("styles.xml does not grow: copy1, copy2 and copy3 have the same xfs, fonts and fills", () => {
    const count = (f: string, tag: string) => {
      const m = new RegExp(`<${tag} count="(\\d+)"`).exec(partText(bytesOf(f), "xl/styles.xml"));
      return Number(m![1]);
    };
    for (const tag of ["cellXfs", "fonts", "fills"]) {
      expect([tag, count(copy2, tag)]).toEqual([tag, count(copy1, tag)]);
      expect([tag, count(copy3, tag)]).toEqual([tag, count(copy2, tag)]);
    }
    expect(partText(bytesOf(copy3), "xl/styles.xml")).toBe(
      partText(bytesOf(copy2), "xl/styles.xml")
    );
  });

  test("the record is one customXml part that Excel and LibreOffice keep, in its own namespace", () => {
    const b = bytesOf(copy2);
    const item = partText(b, "customXml/item1.xml");
    expect(item).toContain('xmlns="urn:junheng:xlsx-marks:1"');
    expect(item).not.toContain("urn:junheng:marks:2"); // not the Excel pane's record
    expect(partText(b, "customXml/itemProps1.xml")).toContain("ds:datastoreItem");
    expect(partText(b, "xl/_rels/workbook.xml.rels")).toContain("../customXml/item1.xml");
    expect(() => partText(b, "customXml/item2.xml")).toThrow();
  });

  test("no line about cells left unrestored when the record matches", () => {
    const r = run(["check", copy1Fixed, "--out", path.join(tmp, "copy2b.xlsx")]);
    expect(r.out).not.toContain("注意");
  });
});

const soffice = spawnSync("sh", ["-c", "command -v soffice"], { encoding: "utf8" }).stdout.trim();
const maybe = soffice ? test : test.skip;

describe("a marked copy re-saved by LibreOffice (styles renumbered)", () => {
  maybe(
    "nothing is guessed: H5 keeps its fill and one line says 1 cell could not be restored",
    async () => {
      const dir = path.join(tmp, "lo");
      fs.mkdirSync(dir, { recursive: true });
      execFileSync(
        soffice,
        [
          "--headless",
          `-env:UserInstallation=file://${dir}/profile`,
          "--convert-to",
          "xlsx",
          "--outdir",
          dir,
          copy1Fixed,
        ],
        { timeout: 120_000, stdio: "ignore" }
      );
      const resaved = path.join(dir, "copy1-fixed.xlsx");
      const out = path.join(tmp, "copy2-lo.xlsx");
      const r = run(["check", resaved, "--out", out]);
      expect(r.code).toBe(1);
      // Only H5 carried a fill of junheng's and is not marked now (D5 is marked again).
      expect(r.out).toContain("其中 1 个单元格这次不再标注");
      const en = run([
        "check",
        resaved,
        "--out",
        path.join(tmp, "copy2-lo-en.xlsx"),
        "--lang",
        "en",
      ]);
      expect(en.out).toContain("1 cells are no longer marked");
      const l = await look(out);
      const fill = (a: string) =>
        (l[a] as { fill: { fgColor?: { argb?: string } } | null }).fill?.fgColor?.argb;
      expect(fill("H5")).toBe("FFFFC7CE");
      expect(fill("D5")).toBe("FFFFC7CE");
      // The values are the fixed ones and the report is the original's.
      expect((l.H5 as { value: number }).value).toBe(250);
    },
    180_000
  );
});

describe("the record is checked against styles.xml before it is used", () => {
  test("a record that no longer matches (an original index that is not what the clone was made from) is not used", () => {
    const bytes = bytesOf(copy1Fixed);
    const item = partText(bytes, "customXml/item1.xml");
    const h5 = cellStyles(bytes).get("H5")!;
    const tampered = item.replace(new RegExp(`(<clone xf="${h5}" original=")\\d+"`), '$10"');
    expect(tampered).not.toBe(item);
    const file = path.join(tmp, "tampered.xlsx");
    fs.writeFileSync(file, editPackage(bytes, { "customXml/item1.xml": tampered }));
    const r = run(["check", file, "--out", path.join(tmp, "tampered-out.xlsx")]);
    expect(r.out).toContain("其中 1 个单元格这次不再标注");
    // H5 keeps copy1's clone: nothing restored from a record that does not hold.
    expect(cellStyles(bytesOf(path.join(tmp, "tampered-out.xlsx"))).get("H5")).toBe(h5);
  });

  test("a cell the user restyled (a style that is not junheng's clone) keeps the user's style", () => {
    const bytes = bytesOf(copy1Fixed);
    const xml = partText(bytes, SHEET);
    const b2 = cellStyles(bytes).get("B2")!; // a user style: border + "0"
    const restyled = xml.replace(/<c r="H5"([^>]*?) s="\d+"/, `<c r="H5"$1 s="${b2}"`);
    expect(restyled).not.toBe(xml);
    const file = path.join(tmp, "restyled.xlsx");
    fs.writeFileSync(file, editPackage(bytes, { [SHEET]: restyled }));
    const out = path.join(tmp, "restyled-out.xlsx");
    run(["check", file, "--out", out]);
    expect(cellStyles(bytesOf(out)).get("H5")).toBe(b2);
  });
});
