#!/usr/bin/env node
/**
 * Mutation check: does the suite fail when one rule breaks? (docs/testing.md)
 *
 * Each mutant in mutants.json is one textual change to the engine ({ id, file, find, replace, rule, section }).
 * The script copies the repository (without .git; node_modules symlinked) into a scratch directory, runs the
 * unmutated suite there once, then for every mutant applies the change, runs jest on the stages below until one
 * fails, and restores the file. The working tree is never touched.
 *
 * A mutant's code is found by its `find` text, not by a line number: `file` is where it was last seen, and when
 * that file is gone or no longer holds the text exactly once (a refactor moved it), every .ts/.tsx file under src/
 * is searched and the one file holding the text exactly once is used (the run says where it found it).
 *
 * Stages (`jest -w 1 --bail`, each only if the mutant survived the one before):
 *   1. test/engine/rules               the rule tests: kill most mutants in a few seconds
 *   2. the rest of test/engine
 *   3. the rest of the suite (cli, present, standards, host, functions, …) without the jsdom UI tests and the
 *      fuzz test (both time-bound: they time out or see "hangs" on a loaded machine; neither judges a rule)
 *      and the Chromium e2e
 *
 *   node scripts/mutation/run.js                 # every mutant
 *   node scripts/mutation/run.js --only a,b      # some mutants by id
 *   node scripts/mutation/run.js --tests test    # one run of another test path instead of the stages
 *   node scripts/mutation/run.js --check         # only check that every mutant applies (no jest)
 *   node scripts/mutation/run.js --json OUT      # also write the results (id, result, first failing test) to OUT
 *
 * Exit status: 0 when every mutant is killed, 1 when one survives or cannot be applied, 2 when the unmutated suite
 * fails. Not part of `npm test`.
 */
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");

const root = path.resolve(__dirname, "..", "..");

function parseArgs(argv) {
  const out = {
    only: null,
    tests: null,
    check: false,
    json: null,
    mutants: path.join(__dirname, "mutants.json"),
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--only") out.only = new Set(argv[++i].split(","));
    else if (a === "--tests") out.tests = argv[++i];
    else if (a === "--mutants") out.mutants = path.resolve(argv[++i]);
    else if (a === "--check") out.check = true;
    else if (a === "--json") out.json = path.resolve(argv[++i]);
    else throw new Error(`unknown argument ${a}`);
  }
  return out;
}

/**
 * A scratch copy of the repository as the tests see it (sources, tests, samples, docs, configuration, the built
 * dist/ some CLI tests run); node_modules is a symlink to the real one, .git is left out.
 */
function makeScratch() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "junheng-mutants-"));
  for (const entry of fs.readdirSync(root)) {
    if (entry === "node_modules" || entry === ".git") continue;
    fs.cpSync(path.join(root, entry), path.join(dir, entry), { recursive: true });
  }
  fs.symlinkSync(fs.realpathSync(path.join(root, "node_modules")), path.join(dir, "node_modules"));
  return dir;
}

/**
 * The test runs of one mutant: the rule tests first (they kill most mutants in a few seconds), then the rest of
 * test/engine, then the rest of the suite without the UI, fuzz and e2e, each only if the mutant survived the runs before.
 * `--tests PATH` makes it one run of PATH.
 */
function stagesOf(tests) {
  if (tests) return [[tests]];
  return [
    ["test/engine/rules"],
    ["test/engine", "--testPathIgnorePatterns", "test/engine/rules"],
    ["test", "--testPathIgnorePatterns", "test/engine", "test/e2e", "test/ui", "test/fuzz"],
  ];
}

function sourceFiles(dir, sub = "src") {
  const out = [];
  for (const e of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
    const rel = path.join(sub, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(dir, rel));
    else if (/\.tsx?$/.test(e.name)) out.push(rel);
  }
  return out;
}

/**
 * Where a mutant applies: its `file` when that holds `find` exactly once, else the one file under src/ that does.
 * { file, moved } or { error }.
 */
function locate(dir, m, files) {
  const at = path.join(dir, m.file);
  if (fs.existsSync(at) && occurrences(fs.readFileSync(at, "utf8"), m.find) === 1)
    return { file: m.file, moved: false };
  const hits = files
    .map((f) => [f, occurrences(fs.readFileSync(path.join(dir, f), "utf8"), m.find)])
    .filter(([, n]) => n > 0);
  const total = hits.reduce((s, [, n]) => s + n, 0);
  if (total === 1) return { file: hits[0][0], moved: true };
  return {
    error:
      total === 0
        ? "find text not found under src/"
        : `find text matches ${total}× (${hits.map(([f, n]) => `${f} ${n}×`).join(", ")})`,
  };
}

function runStages(dir, stages) {
  let last;
  for (let i = 0; i < stages.length; i++) {
    last = runJest(dir, stages[i]);
    if (!last.passed) return { ...last, stage: i + 1 };
  }
  return last;
}

function runJest(dir, args) {
  const jest = path.join(dir, "node_modules", "jest", "bin", "jest.js");
  const r = spawnSync(process.execPath, [jest, "-w", "1", "--bail", "--ci", ...args], {
    cwd: dir,
    encoding: "utf8",
    timeout: 900000,
    env: { ...process.env, FORCE_COLOR: "0" },
  });
  const output = `${r.stdout ?? ""}${r.stderr ?? ""}`;
  // The first failing test, as jest prints it: "● describe › test", with its file ("FAIL test/x.test.ts").
  // Jest also prints "● Console" over a test file's console output: that is not a test.
  const first = /●\s+(?!Console\s*$)(.+)/m.exec(output);
  const file = /FAIL\s+(\S+)/.exec(output);
  return {
    passed: r.status === 0,
    timedOut: r.error?.code === "ETIMEDOUT",
    first: first ? `${file ? `${file[1]}: ` : ""}${first[1]}` : file ? `${file[1]}` : "",
    output,
  };
}

function occurrences(text, find) {
  let n = 0;
  for (let i = text.indexOf(find); i >= 0; i = text.indexOf(find, i + 1)) n++;
  return n;
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const all = JSON.parse(fs.readFileSync(args.mutants, "utf8"));
  const ids = new Set();
  for (const m of all) {
    if (ids.has(m.id)) throw new Error(`mutant id ${m.id} twice in ${args.mutants}`);
    ids.add(m.id);
  }
  const mutants = all.filter((m) => !args.only || args.only.has(m.id));
  if (args.only)
    for (const id of args.only)
      if (!ids.has(id)) throw new Error(`no mutant ${id} in ${args.mutants}`);
  if (args.check) {
    const files = sourceFiles(root);
    let bad = 0;
    for (const m of mutants) {
      const where = locate(root, m, files);
      if (where.error) bad++;
      if (where.error || where.moved)
        console.log(
          `${m.id}: ${where.error ? `NOT APPLICABLE: ${where.error}` : `found in ${where.file}`}`
        );
    }
    console.log(`${mutants.length - bad} of ${mutants.length} apply`);
    process.exitCode = bad ? 1 : 0;
    return;
  }
  const dir = makeScratch();
  console.log(`scratch copy: ${dir}`);
  const started = Date.now();
  try {
    const stages = stagesOf(args.tests);
    const base = runStages(dir, stages);
    if (!base.passed) {
      console.error(`the unmutated suite fails in the scratch copy:\n${base.output.slice(-3000)}`);
      process.exitCode = 2;
      return;
    }
    console.log(`unmutated suite passes (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    const files = sourceFiles(dir);
    const rows = [];
    for (const m of mutants) {
      const where = locate(dir, m, files);
      if (where.error) {
        rows.push({ m, result: `not applied: ${where.error}`, by: "", file: m.file });
        console.log(`${m.id}: NOT APPLIED (${where.error})`);
        continue;
      }
      const file = path.join(dir, where.file);
      const original = fs.readFileSync(file, "utf8");
      fs.writeFileSync(
        file,
        original.replace(m.find, () => m.replace)
      );
      try {
        const t0 = Date.now();
        const r = runStages(dir, stages);
        const result = r.timedOut ? "killed (timeout)" : r.passed ? "SURVIVED" : "killed";
        rows.push({ m, result, by: r.first, file: where.file, stage: r.stage });
        console.log(
          `${m.id}: ${result} ${((Date.now() - t0) / 1000).toFixed(1)} s${where.moved ? ` (in ${where.file})` : ""} ${r.first}`
        );
      } finally {
        fs.writeFileSync(file, original);
      }
    }
    console.log("\n| mutant | rule | result | first failing test |\n|---|---|---|---|");
    for (const { m, result, by } of rows)
      console.log(`| ${m.id} | ${m.rule} | ${result} | ${by.replace(/\|/g, "\\|")} |`);
    const bad = rows.filter((r) => !r.result.startsWith("killed"));
    console.log(
      `\n${rows.length - bad.length} of ${rows.length} killed in ${((Date.now() - started) / 60000).toFixed(1)} min`
    );
    if (args.json)
      fs.writeFileSync(
        args.json,
        `${JSON.stringify(
          rows.map(({ m, result, by, file, stage }) => ({
            id: m.id,
            file,
            result,
            stage: stage ?? null,
            killedBy: by || null,
          })),
          null,
          1
        )}\n`
      );
    if (bad.length) process.exitCode = 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
