/**
 * One SHA-1 per workbook and language over everything the engine returns: the report with its labels in that
 * language (src/present/reportJson.ts withLabels: the engine's report itself is language-neutral) and every
 * uncapped finding (code, place, severity, typed parameters, and its message as src/present/findingText.ts
 * renders it). A speed change must leave these unchanged: run it before and after
 * and diff the output.
 *
 * Usage: npm run build:node && node scripts/bench/report-hash.js FILE.xlsx [FILE.xlsx …]
 */
"use strict";
const fs = require("fs");
const path = require("path");
const crypto = require("crypto");

const dist = path.resolve(__dirname, "../../dist/node");
const { readXlsx } = require(path.join(dist, "host/xlsx/index.js"));
const { checkWorkbook } = require(path.join(dist, "engine/report.js"));
const { renderFinding } = require(path.join(dist, "present/findingText.js"));
const { withLabels } = require(path.join(dist, "present/reportJson.js"));

for (const file of process.argv.slice(2)) {
  const workbook = readXlsx(new Uint8Array(fs.readFileSync(file)));
  const { report, allFindings } = checkWorkbook(workbook);
  for (const lang of ["zh-CN", "en"]) {
    const findings = allFindings.map((f) => [
      f.code,
      f.sheet,
      f.cell,
      f.school,
      f.stage,
      f.indicator,
      f.params,
      renderFinding(f, lang),
      f.severity,
    ]);
    const hash = crypto
      .createHash("sha1")
      .update(JSON.stringify(withLabels(report, lang)))
      .update(JSON.stringify(findings))
      .digest("hex");
    console.log(`${hash}  ${lang}  ${path.basename(file)}`);
  }
}
