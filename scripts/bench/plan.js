#!/usr/bin/env node
/**
 * How long `planWorkbook` (达标测算) takes on generated counties — a measurement, not a test (docs/performance.md,
 * "Plan"). Needs `npm run build:node` first.
 *
 *   node scripts/bench/plan.js [--sizes=200,1000] [--runs=3] [--profile]
 *
 * Three counties per size: "bench" (scripts/bench/generate.js: most schools pass, some fail, CVs modest),
 * "spread" (the same with one school in eight given 1.5–3 × everything, so that CVs go over their limits) and
 * "ningguo" (4–10 ×: CVs above 1, like 宁国 2022, where the transfers and CV additions do most of the work). Prints the median wall time, the number of
 * engine re-runs (checkWorkbook calls) and the plan's size.
 */
"use strict";
const path = require("path");
const { performance } = require("perf_hooks");
const { schoolRows, HEADER, SHEET, prng } = require("./generate");

const DIST = path.resolve(__dirname, "../../dist/node");
const report = require(path.join(DIST, "engine/report"));
const { planWorkbook } = require(path.join(DIST, "engine/plan"));

const opts = { sizes: [200, 1000], runs: 3 };
for (const a of process.argv.slice(2)) {
  const [k, v] = a.replace(/^--/, "").split("=");
  if (k === "sizes") opts.sizes = v.split(",").map(Number);
  if (k === "runs") opts.runs = Number(v);
}

function county(n, kind) {
  const rows = [HEADER, ...schoolRows(n, 20250901)];
  if (kind !== "bench") {
    const rnd = prng(7);
    const [lo, hi] = kind === "spread" ? [1.5, 3] : [4, 10];
    for (const r of rows.slice(1)) {
      // Town schools (1 in 8) get lo–hi ×, the rest 0.8–1.1 ×: CVs of 0.5–1.0 ("spread") or above 1 ("ningguo").
      const f = rnd() < 0.125 ? lo + rnd() * (hi - lo) : 0.8 + rnd() * 0.3;
      for (const c of [3, 4, 5, 6, 7, 8, 9, 10, 11, 12]) r[c] = Math.round(r[c] * f * 100) / 100;
      for (const c of [3, 4, 5, 6, 7, 8, 12]) r[c] = Math.round(r[c]);
    }
  }
  return { sheets: [{ name: SHEET, rows, merges: [] }] };
}

// Count engine runs by wrapping checkWorkbook where the planner calls it.
let calls = 0;
const original = report.checkWorkbook;
report.checkWorkbook = (...args) => {
  calls++;
  return original(...args);
};

const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const out = [];
for (const n of opts.sizes) {
  for (const kind of ["bench", "spread", "ningguo"]) {
    const input = county(n, kind);
    const check = [];
    const times = [];
    let res;
    for (let i = 0; i <= opts.runs; i++) {
      let t = performance.now();
      original(input);
      const c = performance.now() - t;
      calls = 0;
      t = performance.now();
      res = planWorkbook(input);
      const dt = performance.now() - t;
      if (i > 0) {
        times.push(dt);
        check.push(c);
      }
    }
    const p = res.plan;
    out.push({
      schools: n,
      county: kind,
      checkMs: Math.round(median(check)),
      planMs: Math.round(median(times)),
      engineRuns: calls,
      planned: p.schools.length,
      transfers: p.transfers.reduce((s, t) => s + t.count, 0),
      cvsOver: p.cvs.length,
      afterMeets: p.after.meets,
    });
  }
}
console.log(
  "| schools | county | check ms | plan ms | engine runs | schools planned | teachers moved | CVs over | after meets |"
);
console.log("|---|---|---|---|---|---|---|---|---|");
for (const r of out)
  console.log(
    `| ${r.schools} | ${r.county} | ${r.checkMs} | ${r.planMs} | ${r.engineRuns} | ${r.planned} | ${r.transfers} | ${r.cvsOver} | ${r.afterMeets} |`
  );
