/**
 * Child process for `npm run bench`: where the CLI's wall time goes. Does what `junheng check FILE --json OUT`
 * does (src/cli/main.ts check()), step by step, in a fresh process, and prints one JSON line of timings in ms:
 *
 *   boot     node start-up until this script's first line (performance.now() at entry; timeOrigin = process start)
 *   require  loading the compiled CLI, engine, standards and xlsx modules
 *   readFile fs.readFileSync of the workbook
 *   readXlsx unzip + scan (dist/node/host/xlsx)
 *   engine   checkWorkbook (dist/node/engine/report)
 *   json     the report's JSON text in chunks, as the CLI makes it (reportJsonChunks: indented up to 2,000 schools,
 *            compact beyond, a block of schools at a time)
 *   write    writing the chunks to the file, one after the other
 *   text     renderText (the text report the CLI prints; written nowhere here)
 *
 * Usage: node scripts/bench/phases.js FILE.xlsx OUT.json
 */
"use strict";
const { performance } = require("perf_hooks");

const boot = performance.now();
const fs = require("fs");
const path = require("path");

const [file, out] = process.argv.slice(2);
const t = {};
let last = performance.now();
const lap = (name) => {
  const now = performance.now();
  t[name] = now - last;
  last = now;
};

const dist = path.resolve(__dirname, "../../dist/node");
const { readXlsx } = require(path.join(dist, "host/xlsx/index.js"));
const { crc32Node, inflateRawNode } = require(path.join(dist, "host/xlsx/inflateNode.js"));
const { checkWorkbook } = require(path.join(dist, "engine/report.js"));
const { defaultSettings } = require(path.join(dist, "standards/index.js"));
const { renderText } = require(path.join(dist, "cli/printReport.js"));
const { reportJsonChunks } = require(path.join(dist, "engine/reportJson.js"));
require(path.join(dist, "cli/main.js"));
lap("require");

const bytes = fs.readFileSync(file);
lap("readFile");
const workbook = readXlsx(bytes, { inflateRaw: inflateRawNode, crc32: crc32Node });
lap("readXlsx");
const { report } = checkWorkbook(workbook, {
  settings: defaultSettings("quality-2017"),
  lang: "zh-CN",
});
lap("engine");
// The CLI interleaves the two (it writes each chunk as it is made); here they are timed apart.
const chunks = [...reportJsonChunks(report)];
lap("json");
const fd = fs.openSync(out, "w");
let jsonBytes = 0;
for (const chunk of chunks) {
  fs.writeFileSync(fd, chunk);
  jsonBytes += Buffer.byteLength(chunk);
}
fs.closeSync(fd);
lap("write");
const text = renderText(report, path.basename(file), "zh-CN");
lap("text");

process.stdout.write(
  JSON.stringify({
    boot,
    ...t,
    total: performance.now(),
    jsonBytes,
    textBytes: Buffer.byteLength(text),
  }) + "\n"
);
