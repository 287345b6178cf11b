/**
 * Child process for `npm run bench`: a bare exceljs full load of one workbook, nothing else.
 * Usage: node scripts/bench/exceljs-load.js FILE.xlsx
 */
"use strict";
const ExcelJS = require("exceljs");

new ExcelJS.Workbook().xlsx.readFile(process.argv[2]).then(
  (wb) => {
    // Touch the result so nothing is optimised away; print the row count for a sanity check.
    process.stdout.write(`${wb.worksheets[0] ? wb.worksheets[0].rowCount : 0}\n`);
  },
  (e) => {
    process.stderr.write(`${e.message}\n`);
    process.exitCode = 2;
  }
);
