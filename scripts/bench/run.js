#!/usr/bin/env node
/**
 * `npm run bench`: how fast junheng checks a county workbook, next to what else one could use.
 *
 * For 1,000 / 10,000 / 100,000 generated school rows (scripts/bench/generate.js), side by side in one run:
 *   a. engine only      checkWorkbook() on an already-read WorkbookInput, in this process
 *   b. xlsx read only   readXlsx(bytes), in this process
 *   c. CLI end to end   `node bin/junheng.js check FILE` (the summary) and `… --json OUT` as children: wall time and peak RSS
 *                       (+ a phase breakdown from scripts/bench/phases.js, a child doing the same steps with timers)
 *   d. exceljs load     `new ExcelJS.Workbook().xlsx.readFile(FILE)` as a child (scripts/bench/exceljs-load.js)
 *   e. peer             `python3 <shared>/bench/peer_pandas.py FILE` as a child; its CVs are compared with ours
 *   f. weightedCv       over 100,000 values, in this process
 * Each figure is the median of N runs (5 for 1k/10k, 3 for 100k) after one warm-up run; the child-process
 * measures (c, d, e) are interleaved run by run so a noisy moment hits all of them alike.
 *
 * Prints a Markdown report and rewrites the part of docs/performance.md between <!-- bench:start --> and
 * <!-- bench:end --> (only after a full run of the default sizes, or with --doc).
 *
 * Options: --sizes=1000,10000   only these sizes (N: 5 below 100,000 rows, else 3)
 *          --runs=N             override N for every size
 *          --seed=S             PRNG seed (default 20250901)
 *          --no-peer            skip the pandas peer
 *          --no-exceljs         skip the bare exceljs load
 *          --doc / --no-doc     force / prevent rewriting docs/performance.md
 */
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const v8 = require("v8");
const vm = require("vm");
const { spawnSync } = require("child_process");
const { performance } = require("perf_hooks");
const { ensureWorkbook, prng, cacheDir } = require("./generate");

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist/node");
const CLI = path.join(ROOT, "bin/junheng.js");
const DOC = path.join(ROOT, "docs/performance.md");
const PEER = path.resolve(__dirname, "../../../shared/bench/peer_pandas.py");
const TIME = "/usr/bin/time";
const START = "<!-- bench:start -->";
const END = "<!-- bench:end -->";

const DEFAULT_SIZES = [1000, 10000, 100000];
const TARGET = { cliMs: 1000, vsPeer: 3, vsExceljs: 2, engine100kMs: 1000, cvMs: 50 };

// ---------------------------------------------------------------- options

function parseOptions(argv) {
  const o = {
    sizes: DEFAULT_SIZES,
    runs: null,
    seed: 20250901,
    peer: true,
    exceljs: true,
    doc: null,
  };
  for (const a of argv) {
    const [k, v] = a.split("=");
    if (k === "--sizes")
      o.sizes = v
        .split(",")
        .map((s) => Number(s.replace(/[_k]/g, (c) => (c === "k" ? "000" : ""))));
    else if (k === "--runs") o.runs = Number(v);
    else if (k === "--seed") o.seed = Number(v);
    else if (k === "--no-peer") o.peer = false;
    else if (k === "--no-exceljs") o.exceljs = false;
    else if (k === "--doc") o.doc = true;
    else if (k === "--no-doc") o.doc = false;
    else
      throw new Error(`unknown option ${a} (see the comment at the top of scripts/bench/run.js)`);
  }
  if (o.sizes.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error("--sizes wants positive integers");
  return o;
}

// ---------------------------------------------------------------- helpers

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc");

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const log = (s) => process.stderr.write(`${s}\n`);

function fmtMs(ms) {
  if (ms == null || Number.isNaN(ms)) return "–";
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}
const fmtMb = (kib) => (kib == null ? "–" : `${Math.round(kib / 1024)} MB`);
const fmtBytes = (b) =>
  b < 1024 * 1024 ? `${Math.round(b / 1024)} KB` : `${(b / 1024 / 1024).toFixed(1)} MB`;
const fmtX = (x) => (x == null || !Number.isFinite(x) ? "–" : `${x.toFixed(1)}×`);
/** other / ours as "2.3× faster" or, below 1, "1.4× slower". */
const fmtVs = (other, ours) =>
  other / ours >= 1 ? `${fmtX(other / ours)} faster` : `${fmtX(ours / other)} slower`;
const fmtRows = (n) => n.toLocaleString("en-US");

/**
 * Times fn() (sync) `runs` times after one warm-up call, whose time is kept as `first` (what a fresh CLI process pays:
 * V8 has not optimised anything yet). No forced GC between runs: on this engine a forced full GC makes the next run
 * slower (it throws away feedback V8 collected), which is not what a long-running host sees either.
 */
/**
 * Times fn() in this process. Each run starts from the heap a fresh check sees: the previous run's result is
 * dropped and, when node runs with --expose-gc (as `npm run bench` does), collected before the clock starts.
 * Keeping the previous 100,000-school report alive while timing the next doubled the live heap and made the
 * "engine only" figure 30–80 % slower than the same check in a fresh process.
 */
function timeInProcess(fn, runs) {
  const settle = () => {
    if (typeof global.gc === "function") global.gc();
  };
  settle();
  let t0 = performance.now();
  let last = fn();
  const first = performance.now() - t0;
  const ms = [];
  for (let i = 0; i < runs; i++) {
    last = undefined;
    settle();
    t0 = performance.now();
    last = fn();
    ms.push(performance.now() - t0);
  }
  return { median: median(ms), first, runs: ms, last };
}

let timeWorks = null;
function haveTime() {
  if (timeWorks === null) {
    const probe = path.join(cacheDir(), `time-probe-${process.pid}`);
    fs.mkdirSync(cacheDir(), { recursive: true });
    // JUNHENG_BENCH_NO_TIME=1 exercises the fallback (scripts/bench/cli-maxrss.js) on a machine that has `time`.
    const r =
      fs.existsSync(TIME) && !process.env.JUNHENG_BENCH_NO_TIME
        ? spawnSync(TIME, ["-f", "%M", "-o", probe, process.execPath, "-e", "0"])
        : { status: -1 };
    timeWorks =
      r.status === 0 && fs.existsSync(probe) && /^\d+/.test(fs.readFileSync(probe, "utf8").trim());
    fs.rmSync(probe, { force: true });
  }
  return timeWorks;
}

/**
 * Runs a child, returns { ms, rssKiB, status, stdout, stderr }. With /usr/bin/time the peak RSS comes from `-f %M`;
 * without it, `rssFromFile` (a file the child writes its own maxRSS to) is read if given.
 */
function runChild(cmd, args, { rssFromFile } = {}) {
  const rssOut = path.join(cacheDir(), `rss-${process.pid}`);
  fs.rmSync(rssOut, { force: true });
  const useTime = haveTime() && !rssFromFile;
  const file = useTime ? TIME : cmd;
  const argv = useTime
    ? ["-f", "%M", "-o", rssOut, cmd, ...args]
    : rssFromFile
      ? args.map((a) => (a === "@RSS" ? rssOut : a))
      : args;
  const t0 = performance.now();
  const r = spawnSync(file, argv, { cwd: ROOT, maxBuffer: 1 << 30, encoding: "utf8" });
  const ms = performance.now() - t0;
  let rssKiB = null;
  if (fs.existsSync(rssOut)) {
    const m = /(\d+)\s*$/.exec(fs.readFileSync(rssOut, "utf8").trim());
    if (m) rssKiB = Number(m[1]);
    fs.rmSync(rssOut, { force: true });
  }
  if (r.error) throw r.error;
  return { ms, rssKiB, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function machineFacts() {
  const cpuinfo = fs.existsSync("/proc/cpuinfo") ? fs.readFileSync("/proc/cpuinfo", "utf8") : "";
  const model =
    (/^model name\s*:\s*(.+)$/m.exec(cpuinfo) || [])[1] || os.cpus()[0]?.model || "unknown";
  const nproc = spawnSync("nproc", { encoding: "utf8" });
  let exceljs = "?";
  try {
    exceljs = require("exceljs/package.json").version;
  } catch {
    /* ignore */
  }
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    nproc: nproc.status === 0 ? nproc.stdout.trim() : String(os.cpus().length),
    cpu: model.trim(),
    memGiB: (os.totalmem() / 1024 ** 3).toFixed(1),
    node: process.version,
    load: os.loadavg()[0].toFixed(2),
    os: `${os.type()} ${os.release()}`,
    exceljs,
  };
}

// ---------------------------------------------------------------- peer

/**
 * The first Python that imports pandas and openpyxl: $JUNHENG_PYTHON, then `python3` on PATH, then Debian's
 * /usr/bin/python3 (a pyenv or venv python3 earlier on PATH often lacks the Debian packages).
 */
function findPython() {
  const candidates = [process.env.JUNHENG_PYTHON, "python3", "/usr/bin/python3"].filter(Boolean);
  for (const py of [...new Set(candidates)]) {
    const r = spawnSync(
      py,
      [
        "-c",
        "import pandas, openpyxl, sys; print(sys.version.split()[0], pandas.__version__, openpyxl.__version__)",
      ],
      { encoding: "utf8" }
    );
    if (!r.error && r.status === 0) return { py, versions: r.stdout.trim().split(" ") };
  }
  return null;
}

function peerAvailable(opts) {
  if (!opts.peer) return { ok: false, why: "peer: skipped (--no-peer)" };
  if (!fs.existsSync(PEER))
    return { ok: false, why: `peer: skipped (${path.relative(ROOT, PEER)} not found)` };
  const found = findPython();
  if (!found)
    return { ok: false, why: "peer: skipped (python3-pandas/python3-openpyxl not installed)" };
  return { ok: true, ...found };
}

const STAGE = { 小学: "primary", 初中: "junior" };

/** Peer lines are "小学 qualified_teachers_per_100 0.1681" (CV rounded to 4 dp). */
function compareCvs(peerStdout, report) {
  let max = 0;
  let n = 0;
  const problems = [];
  for (const line of peerStdout.split("\n")) {
    const m = /^(\S+)\s+(\S+)\s+(\S+)$/.exec(line.trim());
    if (!m) continue;
    const stage = STAGE[m[1]];
    const peer = Number(m[3]);
    const ours = report?.county?.[stage]?.indicators?.[m[2]]?.cv;
    n++;
    if (typeof ours !== "number" || !Number.isFinite(peer)) {
      problems.push(`${m[1]} ${m[2]}: peer ${m[3]}, ours ${ours}`);
      max = Infinity;
      continue;
    }
    const d = Math.abs(peer - ours);
    if (d > max) max = d;
  }
  // The peer prints 4 dp, so agreement means within half a unit of the 4th decimal (plus float noise).
  const agree = n === 14 && problems.length === 0 && max <= 0.5e-4 + 1e-9;
  return { agree, maxDiff: max, compared: n, problems };
}

// ---------------------------------------------------------------- measures

function measureSize(rows, runs, file, peer, opts) {
  const { readXlsx } = require(path.join(DIST, "host/xlsx/index.js"));
  // The inflater the CLI uses (Node's zlib).
  const { crc32Node, inflateRawNode } = require(path.join(DIST, "host/xlsx/inflateNode.js"));
  const read = (b) => readXlsx(b, { inflateRaw: inflateRawNode, crc32: crc32Node });
  const { checkWorkbook } = require(path.join(DIST, "engine/report.js"));
  const res = { rows, runs, file, bytes: fs.statSync(file).size };

  // a, b — in process.
  const bytes = new Uint8Array(fs.readFileSync(file));
  const workbook = read(bytes);
  log(`  ${fmtRows(rows)}: readXlsx …`);
  res.read = timeInProcess(() => read(bytes), runs);
  delete res.read.last;
  log(`  ${fmtRows(rows)}: checkWorkbook …`);
  res.engine = timeInProcess(() => checkWorkbook(workbook).report, runs);
  res.schools = res.engine.last.summary.schools;
  delete res.engine.last;

  // c, d, e — children, interleaved; run 0 is the warm-up.
  const jsonOut = path.join(cacheDir(), `report-${process.pid}-${rows}.json`);
  const phasesOut = path.join(cacheDir(), `phases-${process.pid}-${rows}.json`);
  const cli = [];
  const cliSummary = [];
  const phases = [];
  const excel = [];
  const peers = [];
  const useTime = haveTime();
  for (let i = 0; i <= runs; i++) {
    log(`  ${fmtRows(rows)}: child run ${i === 0 ? "warm-up" : `${i}/${runs}`} …`);
    // The CLI twice: as a user runs it (the county summary on stdout, which is what the peer prints too)
    // and with the full per-school JSON report written to a file.
    const cliRun = (extra) =>
      useTime
        ? runChild(process.execPath, [CLI, "check", file, ...extra])
        : runChild(
            process.execPath,
            [path.join(__dirname, "cli-maxrss.js"), "@RSS", "check", file, ...extra],
            { rssFromFile: true }
          );
    const s = cliRun([]);
    const c = cliRun(["--json", jsonOut]);
    for (const r of [s, c])
      if (r.status !== 0 && r.status !== 1)
        throw new Error(`CLI exited ${r.status} on ${file}: ${r.stderr.trim()}`);
    const ph = runChild(process.execPath, [path.join(__dirname, "phases.js"), file, phasesOut]);
    if (ph.status !== 0) throw new Error(`phases.js failed on ${file}: ${ph.stderr.trim()}`);
    const x = opts.exceljs
      ? runChild(process.execPath, [path.join(__dirname, "exceljs-load.js"), file])
      : null;
    if (x && x.status !== 0) throw new Error(`exceljs load failed on ${file}: ${x.stderr.trim()}`);
    const p = peer.ok ? runChild(peer.py, [PEER, file]) : null;
    if (p && p.status !== 0) throw new Error(`peer failed on ${file}: ${p.stderr.trim()}`);
    if (i === 0) {
      res.cliExit = c.status;
      continue;
    }
    cliSummary.push(s);
    cli.push(c);
    phases.push({ ...JSON.parse(ph.stdout), wall: ph.ms });
    if (x) excel.push(x);
    if (p) peers.push(p);
  }
  const childStats = (list) => ({
    median: median(list.map((r) => r.ms)),
    runs: list.map((r) => r.ms),
    rssKiB: Math.max(...list.map((r) => r.rssKiB ?? 0)) || null,
  });
  res.cli = childStats(cliSummary);
  res.cliJson = childStats(cli);
  const keys = [
    "boot",
    "require",
    "readFile",
    "readXlsx",
    "engine",
    "json",
    "write",
    "text",
    "total",
    "wall",
  ];
  res.phases = Object.fromEntries(keys.map((k) => [k, median(phases.map((p) => p[k]))]));
  res.phases.jsonBytes = phases[0].jsonBytes;
  res.phases.textBytes = phases[0].textBytes;
  if (excel.length)
    res.exceljs = {
      median: median(excel.map((r) => r.ms)),
      runs: excel.map((r) => r.ms),
      rssKiB: Math.max(...excel.map((r) => r.rssKiB ?? 0)) || null,
    };
  if (peers.length) {
    res.peer = {
      median: median(peers.map((r) => r.ms)),
      runs: peers.map((r) => r.ms),
      rssKiB: Math.max(...peers.map((r) => r.rssKiB ?? 0)) || null,
    };
    const cliReport = JSON.parse(fs.readFileSync(jsonOut, "utf8"));
    res.cv = compareCvs(peers[peers.length - 1].stdout, cliReport);
  }
  fs.rmSync(jsonOut, { force: true });
  fs.rmSync(phasesOut, { force: true });
  return res;
}

function measureWeightedCv() {
  const { weightedCv } = require(path.join(DIST, "engine/indicators/weightedCv.js"));
  const rnd = prng(7);
  const n = 100000;
  const values = Array.from({ length: n }, () => 2 + rnd() * 6);
  const weights = Array.from({ length: n }, () => 50 + Math.floor(rnd() * 2950));
  const r = timeInProcess(() => weightedCv(values, weights), 20);
  return { n, median: r.median, runs: r.runs };
}

function nodeBoot(runs) {
  runChild(process.execPath, ["-e", "0"]);
  const ms = [];
  for (let i = 0; i < runs; i++) ms.push(runChild(process.execPath, ["-e", "0"]).ms);
  return median(ms);
}

// ---------------------------------------------------------------- report

function verdict(ok) {
  return ok == null ? "not measured" : ok ? "**met**" : "**missed**";
}

function renderMarkdown(results, cv, boot, facts, peer, opts) {
  const L = [];
  const py = facts.python
    ? `Python ${facts.python[0]}, pandas ${facts.python[1]}, openpyxl ${facts.python[2]}`
    : "no pandas/openpyxl";
  L.push(
    `Measured ${facts.date} on ${facts.nproc} × ${facts.cpu} (nproc ${facts.nproc}), ${facts.memGiB} GiB RAM, ${facts.os}; Node ${facts.node}, ` +
      `exceljs ${facts.exceljs}, ${py}. Load average (1 min) ${facts.load} at the start, ${os.loadavg()[0].toFixed(2)} at the end.`
  );
  L.push(
    `Seed ${opts.seed}; medians of N runs after one warm-up (N = ${results.map((r) => `${r.runs} for ${fmtRows(r.rows)}`).join(", ")}).`
  );
  if (!peer.ok) L.push("", peer.why);
  L.push("");
  L.push(
    "| rows | file | engine only (first call) | xlsx read only (first call) | CLI end to end | CLI peak RSS | CLI with `--json` (peak RSS) | bare exceljs load | pandas peer | CLI vs peer | CLI vs exceljs | `--json` vs peer / exceljs |"
  );
  L.push("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of results) {
    const vsJson = [r.peer, r.exceljs]
      .map((o) => (o ? fmtX(o.median / r.cliJson.median) : "–"))
      .join(" / ");
    L.push(
      `| ${fmtRows(r.rows)} | ${fmtBytes(r.bytes)} | ${fmtMs(r.engine.median)} (${fmtMs(r.engine.first)}) | ${fmtMs(r.read.median)} (${fmtMs(r.read.first)}) | ${fmtMs(r.cli.median)} | ${fmtMb(r.cli.rssKiB)} | ` +
        `${fmtMs(r.cliJson.median)} (${fmtMb(r.cliJson.rssKiB)}) | ` +
        `${r.exceljs ? `${fmtMs(r.exceljs.median)} (${fmtMb(r.exceljs.rssKiB)})` : "–"} | ${r.peer ? `${fmtMs(r.peer.median)} (${fmtMb(r.peer.rssKiB)})` : "skipped"} | ` +
        `${r.peer ? fmtVs(r.peer.median, r.cli.median) : "–"} | ${r.exceljs ? fmtVs(r.exceljs.median, r.cli.median) : "–"} | ${vsJson} |`
    );
  }
  L.push("");
  L.push(
    '"CLI end to end" is `junheng check FILE` as a user runs it: it prints the county verdict with every CV, the failing ' +
      'schools and the data problems — the peer prints the 14 CVs. "CLI with `--json`" also writes the full per-school ' +
      "report (every indicator of every school) to a file. Peak RSS of the child in brackets. `weightedCv` over 100,000 values: " +
      `${fmtMs(cv.median)} (median of 20).`
  );
  L.push("");
  L.push("CVs agree with peer:");
  for (const r of results) {
    if (!r.cv) L.push(`- ${fmtRows(r.rows)} rows: not compared (peer skipped)`);
    else
      L.push(
        `- ${fmtRows(r.rows)} rows: ${r.cv.agree ? "yes" : "no"} (max |diff| ${Number.isFinite(r.cv.maxDiff) ? r.cv.maxDiff.toExponential(1) : "∞"} over ${r.cv.compared} CVs)${r.cv.problems.length ? " — " + r.cv.problems.join("; ") : ""}`
      );
  }

  L.push("");
  L.push("### Where the CLI's time goes");
  L.push("");
  L.push(
    `Medians from \`scripts/bench/phases.js\` (the CLI's steps with timers, in its own process). A bare \`node -e 0\` takes ${fmtMs(boot)} here. "node boot" is the time from process start to the script's first line; "spawn + exit" = phases.js's wall time seen from the parent − its own sum: fork/exec and process exit (freeing the heap). The CLI's wall is measured in separate runs, so it differs from the sum by noise as well as by printing the text report.`
  );
  L.push("");
  L.push(
    "| rows | node boot | require | readFile | readXlsx | checkWorkbook | JSON.stringify | write JSON | renderText | sum in process | spawn + exit | CLI `--json` wall | JSON size |"
  );
  L.push("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of results) {
    const p = r.phases;
    L.push(
      `| ${fmtRows(r.rows)} | ${fmtMs(p.boot)} | ${fmtMs(p.require)} | ${fmtMs(p.readFile)} | ${fmtMs(p.readXlsx)} | ${fmtMs(p.engine)} | ${fmtMs(p.json)} | ${fmtMs(p.write)} | ` +
        `${fmtMs(p.text)} | ${fmtMs(p.total)} | ${fmtMs(p.wall - p.total)} | ${fmtMs(r.cliJson.median)} | ${fmtBytes(p.jsonBytes)} |`
    );
  }

  const r10 = results.find((r) => r.rows === 10000);
  const r100 = results.find((r) => r.rows === 100000);
  L.push("");
  L.push("### Targets");
  L.push("");
  L.push("| target | measured | |");
  L.push("|---|---:|---|");
  if (r10) {
    L.push(
      `| CLI, 10,000 rows ≤ ${fmtMs(TARGET.cliMs)} | ${fmtMs(r10.cli.median)} (with \`--json\` ${fmtMs(r10.cliJson.median)}) | ${verdict(r10.cli.median <= TARGET.cliMs)} |`
    );
    const need = (other, x) => ` (needs CLI ≤ ${fmtMs(other / x)})`;
    L.push(
      `| CLI, 10,000 rows ≥ ${TARGET.vsPeer}× faster than the pandas peer | ${r10.peer ? fmtX(r10.peer.median / r10.cli.median) + need(r10.peer.median, TARGET.vsPeer) + `; with \`--json\` ${fmtX(r10.peer.median / r10.cliJson.median)}` : "skipped"} | ${verdict(r10.peer ? r10.peer.median / r10.cli.median >= TARGET.vsPeer : null)} |`
    );
    L.push(
      `| CLI, 10,000 rows ≥ ${TARGET.vsExceljs}× faster than a bare exceljs load | ${r10.exceljs ? fmtX(r10.exceljs.median / r10.cli.median) + need(r10.exceljs.median, TARGET.vsExceljs) + `; with \`--json\` ${fmtX(r10.exceljs.median / r10.cliJson.median)}` : "skipped"} | ${verdict(r10.exceljs ? r10.exceljs.median / r10.cli.median >= TARGET.vsExceljs : null)} |`
    );
  } else L.push("| CLI, 10,000 rows | not run | |");
  if (r100)
    L.push(
      `| engine, 100,000 rows < ${fmtMs(TARGET.engine100kMs)} | ${fmtMs(r100.engine.median)} | ${verdict(r100.engine.median < TARGET.engine100kMs)} |`
    );
  else L.push("| engine, 100,000 rows | not run | |");
  L.push(
    `| weightedCv, 100,000 values < ${TARGET.cvMs} ms | ${fmtMs(cv.median)} | ${verdict(cv.median < TARGET.cvMs)} |`
  );
  return L.join("\n");
}

const DOC_TEMPLATE = `# Performance

How long \`junheng check\` takes on a county workbook, and how that compares with what a county office would
otherwise use. The figures below are rewritten by \`npm run bench\`; everything outside the marked block is prose.

${START}
${END}
`;

function writeDoc(markdown) {
  let doc = fs.existsSync(DOC) ? fs.readFileSync(DOC, "utf8") : DOC_TEMPLATE;
  if (!doc.includes(START) || !doc.includes(END))
    doc = doc.trimEnd() + `\n\n## Results\n\n${START}\n${END}\n`;
  const before = doc.slice(0, doc.indexOf(START) + START.length);
  const after = doc.slice(doc.indexOf(END));
  fs.mkdirSync(path.dirname(DOC), { recursive: true });
  fs.writeFileSync(
    DOC,
    `${before}\n<!-- Generated by scripts/bench/run.js; edit the prose outside these markers. -->\n\n${markdown}\n\n${after}`
  );
}

// ---------------------------------------------------------------- main

async function main() {
  const opts = parseOptions(process.argv.slice(2));
  if (!fs.existsSync(path.join(DIST, "engine/report.js")))
    throw new Error("dist/node is missing: run `npm run build:node` first");
  const facts = machineFacts();
  const peer = peerAvailable(opts);
  facts.python = peer.ok ? peer.versions : null;
  log(peer.ok ? `peer: ${peer.py} ${PEER}` : peer.why);
  if (!haveTime())
    log(
      "note: /usr/bin/time not found (Debian package `time`); peak RSS of the CLI comes from scripts/bench/cli-maxrss.js"
    );

  const results = [];
  for (const rows of opts.sizes) {
    const g = await ensureWorkbook(rows, opts.seed);
    log(
      `${fmtRows(rows)} rows: ${g.file}${g.generated ? ` (generated in ${fmtMs(g.ms)})` : " (cached)"}`
    );
    const runs = opts.runs ?? (rows >= 100000 ? 3 : 5);
    results.push(measureSize(rows, runs, g.file, peer, opts));
    gc();
  }
  log("weightedCv over 100,000 values …");
  const cv = measureWeightedCv();
  const boot = nodeBoot(5);

  const md = renderMarkdown(results, cv, boot, facts, peer, opts);
  process.stdout.write(`${md}\n`);
  fs.writeFileSync(
    path.join(cacheDir(), "last-run.json"),
    JSON.stringify({ facts, opts, results, cv, boot }, null, 2)
  );

  const full = DEFAULT_SIZES.every((n) => opts.sizes.includes(n));
  if (opts.doc === true || (opts.doc === null && full)) {
    writeDoc(md);
    log(`wrote ${path.relative(ROOT, DOC)}`);
  } else
    log(
      `docs/performance.md left alone (${opts.doc === false ? "--no-doc" : "not a full run; pass --doc to write anyway"})`
    );
}

main().catch((e) => {
  log(`bench: ${e.stack || e.message}`);
  process.exitCode = 1;
});
