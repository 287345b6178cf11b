/**
 * Many files at once (issue 14 §6): every file named and every workbook in a folder is checked, one line each, a
 * roll-up table, the worst exit status, and `{"files": [...]}` as the JSON. One file stays exactly as before.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { collectWorkbookFiles } from "../../src/cli/files";
import { fileLine } from "../../src/cli/manyFiles";
import { run } from "./run";
import { Report } from "../../src/engine/reportTypes";

const ROOT = path.resolve(__dirname, "..", "..");
const SAMPLE = path.join(ROOT, "samples", "county-sample.xlsx");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "junheng-many-"));

const dir = path.join(tmp, "城区");
const a = path.join(tmp, "a.xlsx");
const b = path.join(dir, "b.xlsx");
const c = path.join(dir, "sub", "c.xlsx");
const junk = path.join(dir, "sub", "坏文件.xlsx");
beforeAll(() => {
  fs.mkdirSync(path.join(dir, "sub"), { recursive: true });
  for (const f of [a, b, c]) fs.copyFileSync(SAMPLE, f);
  fs.writeFileSync(junk, "not a workbook");
  fs.writeFileSync(path.join(dir, "~$b.xlsx"), "lock file"); // Excel's owner file: never a workbook
  fs.writeFileSync(path.join(dir, "readme.txt"), "notes");
  fs.symlinkSync(dir, path.join(dir, "sub", "loop")); // a folder loop must not recurse forever
});

describe("collectWorkbookFiles", () => {
  test("recurses into folders for workbook extensions, sorted, skipping lock files, loops and duplicates", () => {
    const got = collectWorkbookFiles([a, dir, b]);
    expect(got.sawFolder).toBe(true);
    expect(got.files).toEqual([a, b, c, junk]);
  });

  test("a named file is kept whatever it is called, a missing one too (its error is reported in its place)", () => {
    expect(collectWorkbookFiles(["x.txt", "missing.xlsx"]).files).toEqual([
      "x.txt",
      "missing.xlsx",
    ]);
  });
});

describe("junheng check a.xlsx 目录/", () => {
  test("every file gets a line, the roll-up table follows, the worst status (2: one is damaged) wins", () => {
    const r = run(["check", a, dir]);
    expect(r.code).toBe(2);
    const lines = r.out.split("\n");
    for (const f of [a, b, c])
      expect(lines).toContain(`✗ ${f}：小学 不达标，初中 不达标；错误 12 项`);
    expect(
      lines.some((l) => l.startsWith("✗") && l.includes(junk) && l.includes("不是 .xlsx"))
    ).toBe(true);
    expect(r.out).toMatch(/文件\s+小学\s+初中\s+超限差异系数\s+达标学校\s+错误/);
    expect(r.out).toContain("共 4 个文件：0 个全部达标，3 个有未达标项或错误，1 个无法检查");
  });

  test("without the damaged file the worst status is 1 (the sample falls short)", () => {
    expect(run(["check", a, b]).code).toBe(1);
  });

  test("--json - writes {files: [{file, report | error}]} and nothing else on stdout", () => {
    const r = run(["check", a, dir, "--json", "-"]);
    const j = JSON.parse(r.out) as {
      files: { file: string; report?: Report; error?: { code: string; message: string } }[];
    };
    expect(j.files.map((f) => f.file)).toEqual([a, b, c, junk]);
    expect(j.files[0].report?.summary.schools).toBe(18);
    expect(j.files[3].error?.code).toBe("not-a-workbook");
    expect(r.err).toMatch(/不是 \.xlsx/);
  });

  test("--out with several files is a usage error", () => {
    const r = run(["check", a, b, "--out", path.join(tmp, "x.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/多个文件时不能使用 --out/);
  });

  test("one file: the JSON is that file's report, as before", () => {
    const r = run(["check", a, "--json", "-"]);
    const j = JSON.parse(r.out) as Report;
    expect(j.tool.name).toBe("junheng");
    expect((j as unknown as { files?: unknown }).files).toBeUndefined();
  });

  test("a folder with no workbook in it is exit 2 with one line", () => {
    const empty = path.join(tmp, "empty");
    fs.mkdirSync(empty);
    const r = run(["check", empty]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/没有找到可检查的文件/);
  });
});

describe("fileLine of a file that could not be checked", () => {
  // The line names the file once: prefixed when the reason does not name it, not repeated when it does.
  test("a reason that does not name the file (no such sheet) is prefixed with it", () => {
    const line = fileLine(
      {
        file: "甲县.xlsx",
        error: { code: "no-sheet", message: "工作簿中没有名为「学校」的工作表" },
      },
      "zh-CN"
    );
    expect(line).toBe("✗ 甲县.xlsx：工作簿中没有名为「学校」的工作表");
  });
  test("a reason that names the file (not found) is not prefixed again, even when the name also appears elsewhere", () => {
    const line = fileLine(
      { file: "a.xlsx", error: { code: "not-found", message: "找不到文件 ./a.xlsx" } },
      "zh-CN"
    );
    expect(line).toBe("✗ 找不到文件 ./a.xlsx");
    const en = fileLine(
      {
        file: "b.xlsx",
        error: { code: "no-sheet", message: 'the workbook has no sheet named "b.xlsx"' },
      },
      "en"
    );
    expect(en).toBe('✗ b.xlsx: the workbook has no sheet named "b.xlsx"');
  });
});
