#!/usr/bin/env node
/**
 * Mutation check: does the engine suite fail when one rule breaks? (docs/testing.md)
 *
 * Each mutant in mutants.json is one textual change to one engine file ({ id, file, find, replace, rule }). The
 * script copies the repository's src/, test/, docs/ and configuration into a scratch directory (node_modules
 * symlinked), runs the unmutated suite there once, then for every mutant applies the change, runs
 * `jest -w 1 --bail` on test/engine/rules and, if the mutant survives them, on the rest of test/engine, and restores
 * the file. The working tree is never touched.
 *
 *   node scripts/mutation/run.js                 # every mutant, tests under test/engine
 *   node scripts/mutation/run.js --only a,b      # some mutants by id
 *   node scripts/mutation/run.js --tests test    # another test path
 *
 * Exit status: 0 when every mutant is killed, 1 when one survives or cannot be applied, 2 when the unmutated suite
 * fails. Not part of `npm test` (a run takes about 15 s per mutant).
 */
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");

const root = path.resolve(__dirname, "..", "..");

function parseArgs(argv) {
  const out = { only: null, tests: null, mutants: path.join(__dirname, "mutants.json") };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--only") out.only = new Set(argv[++i].split(","));
    else if (a === "--tests") out.tests = argv[++i];
    else if (a === "--mutants") out.mutants = path.resolve(argv[++i]);
    else throw new Error(`unknown argument ${a}`);
  }
  return out;
}

/** A scratch copy of what the tests need; node_modules is a symlink to the real one. */
function makeScratch() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "junheng-mutants-"));
  for (const entry of ["src", "test", "docs", "scripts"]) {
    if (fs.existsSync(path.join(root, entry)))
      fs.cpSync(path.join(root, entry), path.join(dir, entry), { recursive: true });
  }
  for (const file of fs.readdirSync(root)) {
    if (
      /^(package\.json|jest\.config\.js|tsconfig.*\.json|\.prettierrc.*|eslint\.config\..*)$/.test(
        file
      )
    )
      fs.copyFileSync(path.join(root, file), path.join(dir, file));
  }
  fs.symlinkSync(fs.realpathSync(path.join(root, "node_modules")), path.join(dir, "node_modules"));
  return dir;
}

/**
 * The test runs of one mutant: the rule tests first (they kill most mutants in a few seconds), then the rest of
 * test/engine only if the mutant survived them. `--tests PATH` makes it one run of PATH.
 */
function stagesOf(tests) {
  if (tests) return [[tests]];
  return [["test/engine/rules"], ["test/engine", "--testPathIgnorePatterns", "test/engine/rules"]];
}

function runStages(dir, stages) {
  let last;
  for (const args of stages) {
    last = runJest(dir, args);
    if (!last.passed) return last;
  }
  return last;
}

function runJest(dir, args) {
  const jest = path.join(dir, "node_modules", "jest", "bin", "jest.js");
  const r = spawnSync(process.execPath, [jest, "-w", "1", "--bail", "--ci", ...args], {
    cwd: dir,
    encoding: "utf8",
    timeout: 300000,
    env: { ...process.env, FORCE_COLOR: "0" },
  });
  const output = `${r.stdout ?? ""}${r.stderr ?? ""}`;
  // The first failing test, as jest prints it: "● describe › test".
  const first = /●\s+(.+)/.exec(output);
  return {
    passed: r.status === 0,
    timedOut: r.error?.code === "ETIMEDOUT",
    first: first?.[1] ?? "",
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
  const mutants = JSON.parse(fs.readFileSync(args.mutants, "utf8")).filter(
    (m) => !args.only || args.only.has(m.id)
  );
  const dir = makeScratch();
  console.log(`scratch copy: ${dir}`);
  try {
    const stages = stagesOf(args.tests);
    const base = runStages(dir, stages);
    if (!base.passed) {
      console.error(`the unmutated suite fails in the scratch copy:\n${base.output.slice(-3000)}`);
      process.exitCode = 2;
      return;
    }
    const rows = [];
    for (const m of mutants) {
      const file = path.join(dir, m.file);
      const original = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
      const n = original === null ? 0 : occurrences(original, m.find);
      if (n !== 1) {
        rows.push({ m, result: original === null ? "no such file" : `find matches ${n}×`, by: "" });
        console.log(`${m.id}: NOT APPLIED (${rows[rows.length - 1].result})`);
        continue;
      }
      fs.writeFileSync(
        file,
        original.replace(m.find, () => m.replace)
      );
      try {
        const t0 = Date.now();
        const r = runStages(dir, stages);
        const result = r.timedOut ? "killed (timeout)" : r.passed ? "SURVIVED" : "killed";
        rows.push({ m, result, by: r.first });
        console.log(`${m.id}: ${result} ${((Date.now() - t0) / 1000).toFixed(1)} s ${r.first}`);
      } finally {
        fs.writeFileSync(file, original);
      }
    }
    console.log("\n| mutant | rule | result | first failing test |\n|---|---|---|---|");
    for (const { m, result, by } of rows)
      console.log(`| ${m.id} | ${m.rule} | ${result} | ${by.replace(/\|/g, "\\|")} |`);
    const bad = rows.filter((r) => !r.result.startsWith("killed"));
    console.log(`\n${rows.length - bad.length} of ${rows.length} killed`);
    if (bad.length) process.exitCode = 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
