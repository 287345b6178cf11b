/**
 * Outputs that can't hurt (issue 14 §5): --json and --out never write over the input, whatever path leads to it;
 * an output is written whole or not at all; a failed write after a completed check keeps the check's exit status.
 */
import { spawn, spawnSync } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli } from "../../src/cli/main";
import { run } from "./run";
import { isSameFile, OutputError, writeFileSafely } from "../../src/cli/safeWrite";

const ROOT = path.resolve(__dirname, "..", "..");
const SAMPLE = path.join(ROOT, "samples", "county-sample.xlsx");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "junheng-out-"));
const input = path.join(tmp, "county.xlsx");
fs.copyFileSync(SAMPLE, input);
const hash = (f: string): string =>
  crypto.createHash("sha256").update(fs.readFileSync(f)).digest("hex");
const inputHash = hash(input);

afterEach(() => expect(hash(input)).toBe(inputHash));

describe("never over the input", () => {
  const link = path.join(tmp, "link.xlsx");
  const hard = path.join(tmp, "hard.xlsx");
  beforeAll(() => {
    fs.symlinkSync(input, link);
    fs.linkSync(input, hard);
  });

  test.each([
    ["--json at the input", ["--json", input], /JSON 报告不能覆盖原文件/],
    ["--json through a symlink", ["--json", link], /JSON 报告不能覆盖原文件/],
    ["--json through a hard link", ["--json", hard], /JSON 报告不能覆盖原文件/],
    ["--out through a symlink", ["--out", link], /标注副本不能覆盖原文件/],
    ["--out through a hard link", ["--out", hard], /标注副本不能覆盖原文件/],
    ["--out through ../", ["--out", path.join(tmp, "x", "..", "county.xlsx")], /不能覆盖原文件/],
  ])("%s is exit 2 with one line, before anything is written", (_l, extra, msg) => {
    const r = run(["check", input, ...(extra as string[])]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(msg as RegExp);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.out).toBe("");
  });

  test("a .xlsm's copy named .xlsx (a file Excel refuses to open) is refused; named .xlsm it is written", () => {
    const macro = path.join(tmp, "county.xlsm");
    fs.copyFileSync(SAMPLE, macro);
    const asXlsx = path.join(tmp, "copy-of-macro.xlsx");
    const r = run(["check", macro, "--out", asXlsx]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      "junheng: 标注副本须与原文件同为 .xlsm 文件（扩展名不同，Excel 会拒绝打开），请把 --out 改为 ….xlsm\n"
    );
    expect(fs.existsSync(asXlsx)).toBe(false);
    const asXlsm = path.join(tmp, "copy-of-macro.xlsm");
    expect([0, 1]).toContain(run(["check", macro, "--out", asXlsm]).code);
    expect(fs.existsSync(asXlsm)).toBe(true);
    // And the other way round: a .xlsx's copy named .xlsm.
    expect(run(["check", input, "--out", path.join(tmp, "copy.xlsm")]).code).toBe(2);
  });

  test("checking the link itself with --out at the real file is refused too", () => {
    expect(run(["check", link, "--out", input]).code).toBe(2);
  });

  test("--json and --out at one file is refused", () => {
    const t = path.join(tmp, "both.out");
    const r = run(["check", input, "--json", t, "--out", t]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/不能是同一个文件/);
    expect(fs.existsSync(t)).toBe(false);
  });

  test("--declaration at the --out or --json file, or any output at the --county workbook, is refused", () => {
    // Before: --declaration d.xlsx --out d.xlsx wrote the copy, then the 申报表 over it ("已替换原有文件"), and
    // --out at the --county workbook replaced the county's 县级指标 with a marked copy of the school table.
    const d = path.join(tmp, "d.xlsx");
    const county = path.join(tmp, "county-data.xlsx");
    fs.copyFileSync(SAMPLE, county);
    const countyHash = hash(county);
    for (const [extra, msg] of [
      [["--declaration", d, "--out", d], "junheng: --out 与 --declaration 不能是同一个文件\n"],
      [["--json", d, "--declaration", d], "junheng: --json 与 --declaration 不能是同一个文件\n"],
      [
        ["--county", county, "--out", county],
        "junheng: 标注副本不能覆盖原文件，请为 --out 指定另一个文件名\n",
      ],
      [
        ["--county", county, "--json", county],
        "junheng: JSON 报告不能覆盖原文件，请为 --json 指定另一个文件名\n",
      ],
    ] as [string[], string][]) {
      const r = run(["check", input, ...extra]);
      expect(r.code).toBe(2);
      expect(r.err).toBe(msg);
      expect(r.out).toBe("");
    }
    expect(fs.existsSync(d)).toBe(false);
    expect(hash(county)).toBe(countyHash);
    expect(run(["check", input, "--json", d, "--out", d, "--lang", "en"]).err).toBe(
      "junheng: --json and --out must not name the same file\n"
    );
  });

  test("isSameFile: a new name in the same folder is not the input", () => {
    expect(isSameFile(input, path.join(tmp, "new.xlsx"))).toBe(false);
    expect(isSameFile(input, hard)).toBe(true);
  });
});

describe("written whole, or not at all", () => {
  test("a write that fails half-way (a full disk) leaves the old target and no temporary file", () => {
    const target = path.join(tmp, "report.json");
    fs.writeFileSync(target, "old");
    function* chunks(): Generator<string> {
      yield "x".repeat(4096);
      throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
    }
    expect(() => writeFileSafely(target, chunks())).toThrow(OutputError);
    expect(fs.readFileSync(target, "utf8")).toBe("old");
    expect(fs.readdirSync(tmp).filter((n) => n.includes(".junheng-"))).toEqual([]);
  });

  test("a symlinked output: the file it points to gets the report, the link stays a link", () => {
    const real = path.join(tmp, "real.json");
    const link = path.join(tmp, "link.json");
    fs.writeFileSync(real, "old");
    fs.symlinkSync(real, link);
    expect(writeFileSafely(link, ["new"])).toEqual({ replaced: true });
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real, "utf8")).toBe("new");
  });

  test("a device (a /dev/null of our own) is written to, never replaced by a regular file", () => {
    // As root a rename over /dev/null or /dev/stdout put a regular file in its place. The node is made here
    // (mknod needs root; elsewhere the test has nothing to check) so that a regression cannot break /dev.
    const dev = path.join(tmp, "null");
    if (spawnSync("mknod", [dev, "c", "1", "3"]).status !== 0) return;
    expect(writeFileSafely(dev, ["x".repeat(10_000)])).toEqual({ replaced: false });
    expect(fs.statSync(dev).isCharacterDevice()).toBe(true);
    expect(fs.readdirSync(tmp).filter((n) => n.includes(".junheng-"))).toEqual([]);
  });

  test("a FIFO (--json >(jq …)): its reader gets the whole report, the FIFO stays a FIFO", async () => {
    const fifo = path.join(tmp, "report.fifo");
    if (spawnSync("mkfifo", [fifo]).status !== 0) return;
    const reader = spawn("cat", [fifo]);
    let got = "";
    reader.stdout.on("data", (d: Buffer) => (got += d.toString()));
    const done = new Promise((resolve) => reader.on("close", resolve));
    const r = run(["check", input, "--json", fifo]);
    // Replaced by a regular file, the FIFO would never see a writer: stop the reader rather than wait forever.
    const stillFifo = fs.statSync(fifo).isFIFO();
    if (!stillFifo) reader.kill();
    await done;
    expect(stillFifo).toBe(true);
    expect(r.code).toBe(1);
    expect(r.out).not.toMatch(/替换/);
    expect((JSON.parse(got) as { summary: { schools: number } }).summary.schools).toBe(18);
  });

  test("replacing an existing file is said, in both languages", () => {
    const out = path.join(tmp, "copy.xlsx");
    fs.writeFileSync(out, "previous copy");
    const r = run(["check", input, "--out", out]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/已写出标注副本.*（已替换原有文件）/);
    const json = path.join(tmp, "r.json");
    fs.writeFileSync(json, "{}");
    expect(run(["check", input, "--json", json, "--lang", "en"]).out).toMatch(
      /wrote the JSON report: .*\(replaced the existing file\)/
    );
    // A new target is not "replaced".
    const fresh = path.join(tmp, "fresh.json");
    expect(run(["check", input, "--json", fresh]).out).not.toMatch(/替换/);
  });

  test("a copy that cannot be written keeps the check's exit status (1 on the sample) and says so in one line", () => {
    const out = path.join(tmp, "no-such-folder", "copy.xlsx");
    const r = run(["check", input, "--out", out]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("结论"); // the check was reported
    const lines = r.out.split("\n").filter((l) => l.includes("未写出标注副本"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("文件夹不存在");
    expect(r.out + r.err).not.toMatch(/ENOENT|Error/);
  });

  test("--json at a folder: one line in the user's language, exit by the check", () => {
    const r = run(["check", input, "--json", tmp, "--lang", "en"]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/the JSON report .* was not written: it is a folder, not a file/);
    expect(r.out + r.err).not.toMatch(/EISDIR/);
  });

  test("progress lines only when the CLI is given a progress channel (a terminal)", () => {
    const plain = run(["check", input]);
    expect(plain.err).toBe("");
    let progress = "";
    runCli(["check", input], {
      stdout: () => undefined,
      stderr: () => undefined,
      progress: (s) => (progress += s),
    });
    expect(progress).toMatch(/正在读取/);
  });
});
