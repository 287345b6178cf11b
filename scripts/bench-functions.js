#!/usr/bin/env node
/**
 * Times the compiled JH.CVWEIGHTED implementation (dist/node/functions/impl.js) as Excel calls it: two 100,000 × 1 ranges,
 * [[value]] and [[students]], the values as a JH.PERHUNDRED column gives them (1% blanks and "—", a few text numbers
 * such as "1,200", as clerks' sheets have). Prints one line: the median of 20 runs after 3 warm-ups, against the
 * 50 ms target; exits 1 when over it.
 *
 *   node scripts/bench-functions.js            (after npm run build:node)
 *   JUNHENG_DIST=../other/dist/node node scripts/bench-functions.js   (another tsc outDir)
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { performance } = require("perf_hooks");

const ROWS = 100000;
const RUNS = 20;
const WARMUP = 3;
const TARGET_MS = 50;

const dist = process.env.JUNHENG_DIST || path.join(__dirname, "..", "dist", "node");
const implFile = path.join(dist, "functions", "impl.js");
if (!fs.existsSync(implFile)) {
  const rel = path.relative(process.cwd(), implFile);
  process.stderr.write(
    `bench-functions: ${rel.startsWith("..") ? implFile : rel} is missing — run \`npm run build:node\` first ` +
      "(tsconfig.build.json must include src/functions)\n"
  );
  process.exit(2);
}
const { cv } = require(implFile);

// Deterministic data (mulberry32).
let seed = 20250901;
function rand() {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const values = new Array(ROWS);
const students = new Array(ROWS);
for (let i = 0; i < ROWS; i++) {
  const p = 50 + Math.floor(rand() * 2400);
  const count = Math.round((p * (0.6 + rand() * 0.9)) / 100);
  const r = rand();
  values[i] = [r < 0.005 ? "" : r < 0.01 ? "—" : (count * 100) / p];
  students[i] = [r > 0.995 ? p.toLocaleString("en-US") : p];
}

let result;
const times = [];
for (let k = 0; k < WARMUP + RUNS; k++) {
  const t0 = performance.now();
  result = cv(values, students);
  const ms = performance.now() - t0;
  if (k >= WARMUP) times.push(ms);
}
if (typeof result !== "number") {
  process.stderr.write(`bench-functions: JH.CVWEIGHTED returned ${JSON.stringify(result)}\n`);
  process.exit(1);
}
times.sort((a, b) => a - b);
const median = (times[RUNS / 2 - 1] + times[RUNS / 2]) / 2;
const ok = median < TARGET_MS;
process.stdout.write(
  `JH.CVWEIGHTED over ${ROWS.toLocaleString("en-US")} rows: median ${median.toFixed(1)} ms of ${RUNS} runs ` +
    `(min ${times[0].toFixed(1)}, max ${times[RUNS - 1].toFixed(1)}; CV = ${result.toFixed(3)}) — ` +
    `target < ${TARGET_MS} ms: ${ok ? "OK" : "OVER"}\n`
);
process.exitCode = ok ? 0 : 1;
