/**
 * Seeded fuzz test (issue 14): a few hundred mutated packages — bit flips, truncation, swapped and duplicated entries,
 * lying directory sizes, deep and unterminated XML, random bytes — each checked by the real CLI code (with --json and
 * --out) in a child process that the test watches. Every case must end with exit 0, 1 or 2 within its time limit,
 * without a crash, with at most one line of error text that is not an internal message, and leave its input unchanged.
 */
import { spawn } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { strToU8, unzipSync } from "fflate";
import { concatChunks, ZipWriter } from "../../src/host/xlsx/zipWrite";
import { handPackage, NS, sheetXml } from "../host/xlsx/helpers";

const ROOT = path.resolve(__dirname, "..", "..");
const SEED = 14_2026;
const CASES = 300;
/** Per case, on a loaded 2-core machine; a correct case takes milliseconds. */
const CASE_LIMIT_MS = 15_000;

/** mulberry32: a small seeded generator, so a failing case can be rebuilt from its number. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function table(rows: number): string {
  const cell = (r: number, c: string, v: string | number): string =>
    typeof v === "number"
      ? `<c r="${c}${r}"><v>${v}</v></c>`
      : `<c r="${c}${r}" t="s"><v>${v}</v></c>`;
  let xml = `<row r="1">${cell(1, "A", "0")}${cell(1, "B", "1")}${cell(1, "C", "2")}</row>`;
  for (let r = 2; r <= rows + 1; r++)
    xml += `<row r="${r}">${cell(r, "A", String(2 + (r % 3)))}${cell(r, "B", 300 + r)}${cell(r, "C", 20 + r)}</row>`;
  return xml;
}

const SST = `<sst xmlns="${NS.MAIN}"><si><t>学校名称</t></si><si><t>在校生数</t></si><si><t>专任教师数</t></si><si><t>甲小学</t></si><si><t>乙小学</t></si><si><t>丙小学</t></si></sst>`;

function base(): Uint8Array {
  return handPackage({
    sheets: [
      {
        name: "小学",
        xml: sheetXml(table(12), '<mergeCells count="1"><mergeCell ref="D1:E1"/></mergeCells>'),
      },
      {
        name: "说明",
        xml: sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>填表说明</t></is></c></row>'),
      },
    ],
    sharedStrings: SST,
  });
}

function rezip(list: [string, Uint8Array][]): Uint8Array {
  const w = new ZipWriter();
  for (const [n, d] of list) w.addData(n, d);
  return concatChunks(w.finish());
}

type Mutation = (b: Uint8Array, r: () => number) => Uint8Array;
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

const MUTATIONS: Record<string, Mutation> = {
  bitFlips: (b, r) => {
    const out = b.slice();
    const n = 1 + Math.floor(r() * 8);
    for (let i = 0; i < n; i++) out[Math.floor(r() * out.length)] ^= 1 << Math.floor(r() * 8);
    return out;
  },
  truncate: (b, r) => b.slice(0, Math.floor(r() * b.length)),
  swapEntries: (b, r) => {
    const list = Object.entries(unzipSync(b));
    const i = Math.floor(r() * list.length);
    const j = Math.floor(r() * list.length);
    const di = list[i][1];
    list[i][1] = list[j][1];
    list[j][1] = di;
    return rezip(list);
  },
  duplicateEntry: (b, r) => {
    const list = Object.entries(unzipSync(b));
    const e = pick(r, list);
    return rezip([...list, [r() < 0.5 ? e[0] : e[0].toUpperCase(), e[1]]]);
  },
  lyingSizes: (b, r) => {
    const out = b.slice();
    const v = new DataView(out.buffer);
    for (let at = 0; at + 46 < out.length; at++) {
      if (v.getUint32(at, true) !== 0x02014b50 || r() < 0.5) continue;
      const field = pick(r, [20, 24]); // compressed or uncompressed size
      v.setUint32(at + field, pick(r, [0, 1, 0xffffffff, Math.floor(r() * 2 ** 32)]), true);
    }
    return out;
  },
  deepXml: (b, r) => {
    const depth = 1000 + Math.floor(r() * 50_000);
    const files = unzipSync(b);
    files["xl/worksheets/sheet1.xml"] = strToU8(
      sheetXml(table(3) + "<row>" + "<c><is>".repeat(depth) + "</is></c>".repeat(depth) + "</row>")
    );
    return rezip(Object.entries(files));
  },
  unterminatedXml: (b, r) => {
    const files = unzipSync(b);
    const name = pick(
      r,
      Object.keys(files).filter((n) => n.endsWith(".xml") || n.endsWith(".rels"))
    );
    const text = new TextDecoder().decode(files[name]);
    const junk = pick(r, ["<![CDATA[", "<!--", "<?pi ", '<c r="A', "<row ", "<si><t>", "&#x", '"']);
    files[name] = strToU8(
      text.slice(0, Math.floor(r() * text.length)) + junk.repeat(1 + Math.floor(r() * 20_000))
    );
    return rezip(Object.entries(files));
  },
  hugeReferences: (b, r) => {
    const files = unzipSync(b);
    const ref = pick(r, ["ZZZZZZ1", "XFD1048576", "A1048577", "A99999999999", "XFE2", "A0"]);
    files["xl/worksheets/sheet1.xml"] = strToU8(
      sheetXml(
        table(3) +
          `<row><c r="${ref}"><v>1</v></c><c r="B3" t="s"><v>${pick(r, ["5", "99", "-1", "x"])}</v></c></row>`
      )
    );
    return rezip(Object.entries(files));
  },
  randomBytes: (b, r) => {
    const out = new Uint8Array(Math.floor(r() * 4096));
    for (let i = 0; i < out.length; i++) out[i] = Math.floor(r() * 256);
    if (r() < 0.5) out.set([0x50, 0x4b, 0x03, 0x04].slice(0, out.length));
    return out;
  },
};

interface Case {
  id: number;
  kind: string;
  file: string;
  json: string;
  out: string;
  hash: string;
}

const sha = (f: string): string =>
  crypto.createHash("sha256").update(fs.readFileSync(f)).digest("hex");

/** Runs the cases in a worker, restarting it after a hang or a crash; returns the outcome per case id. */
async function runCases(
  cases: Case[]
): Promise<Map<number, { code: number | null; err: string; note?: string }>> {
  const results = new Map<number, { code: number | null; err: string; note?: string }>();
  let todo = cases;
  while (todo.length) {
    await new Promise<void>((resolve) => {
      const child = spawn(process.execPath, [path.join(__dirname, "fuzzWorker.js")], {
        stdio: ["pipe", "pipe", "pipe"],
      });
      let current: number | undefined;
      let timer: NodeJS.Timeout | undefined;
      let buf = "";
      const arm = (): void => {
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => {
          if (current !== undefined) results.set(current, { code: null, err: "", note: "hang" });
          child.kill("SIGKILL");
        }, CASE_LIMIT_MS);
      };
      child.stdout.on("data", (d: Buffer) => {
        buf += d.toString();
        let nl: number;
        while ((nl = buf.indexOf("\n")) >= 0) {
          const line = buf.slice(0, nl);
          buf = buf.slice(nl + 1);
          const m = /^(start|done) (\d+)(?: (\d+) (.*))?$/.exec(line);
          if (!m) continue;
          if (m[1] === "start") {
            current = Number(m[2]);
            arm();
          } else {
            results.set(Number(m[2]), { code: Number(m[3]), err: JSON.parse(m[4]) as string });
            current = undefined;
          }
        }
      });
      child.on("exit", (code, signal) => {
        if (timer) clearTimeout(timer);
        if (current !== undefined && !results.has(current))
          results.set(current, { code: null, err: "", note: `crash (${signal ?? code})` });
        resolve();
      });
      child.stdin.end(JSON.stringify(todo));
      arm();
    });
    todo = todo.filter((c) => !results.has(c.id));
  }
  return results;
}

test(
  `${CASES} mutated packages: exit 0/1/2, no crash, no hang, one plain line, input unchanged`,
  async () => {
    if (!fs.existsSync(path.join(ROOT, "dist", "node", "cli", "main.js")))
      throw new Error("run npm run build:node first (npm test does)");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "junheng-fuzz-"));
    const r = rng(SEED);
    const seedBytes = base();
    const kinds = Object.keys(MUTATIONS);
    const cases: Case[] = [];
    for (let id = 0; id < CASES; id++) {
      const kind = kinds[id % kinds.length];
      let bytes: Uint8Array;
      try {
        bytes = MUTATIONS[kind](seedBytes, r);
      } catch {
        bytes = MUTATIONS.bitFlips(seedBytes, r); // a mutation that needs a readable zip got none
      }
      const file = path.join(dir, `case${id}.xlsx`);
      fs.writeFileSync(file, bytes);
      cases.push({
        id,
        kind,
        file,
        json: path.join(dir, `case${id}.json`),
        out: path.join(dir, `case${id}.out.xlsx`),
        hash: sha(file),
      });
    }
    const results = await runCases(cases);
    const problems: string[] = [];
    const codes = new Map<number, number>();
    for (const c of cases) {
      const res = results.get(c.id);
      const tag = `case ${c.id} (${c.kind})`;
      if (!res || res.code === null) {
        problems.push(`${tag}: ${res?.note ?? "no result"}`);
        continue;
      }
      codes.set(res.code, (codes.get(res.code) ?? 0) + 1);
      if (![0, 1, 2].includes(res.code)) problems.push(`${tag}: exit ${res.code}`);
      const lines = res.err.split("\n").filter((l) => l !== "");
      if (lines.length > 1) problems.push(`${tag}: ${lines.length} error lines`);
      if (
        /TypeError|ReferenceError|is not a function|Cannot read prop|Invalid typed array|call stack|undefined/.test(
          res.err
        )
      )
        problems.push(`${tag}: internal text ${res.err.trim()}`);
      if (sha(c.file) !== c.hash) problems.push(`${tag}: input changed`);
    }
    expect(problems).toEqual([]);
    // The mutations reach all three outcomes (a fuzz test that only ever says "damaged" tests little).
    expect(codes.get(2)).toBeGreaterThan(0);
    expect((codes.get(0) ?? 0) + (codes.get(1) ?? 0)).toBeGreaterThan(0);
    fs.rmSync(dir, { recursive: true, force: true });
  },
  10 * 60_000
);
