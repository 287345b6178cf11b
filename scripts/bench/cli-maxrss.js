/**
 * Fallback for machines without /usr/bin/time (Debian package `time`): runs the CLI in this process through
 * runCli — exactly what bin/junheng.js does — and writes process.resourceUsage().maxRSS (KiB, like `time -f %M`)
 * to the file named by the first argument when the process exits.
 * Usage: node scripts/bench/cli-maxrss.js RSS_OUT check FILE.xlsx --json OUT.json
 */
"use strict";
const fs = require("fs");

const [rssOut, ...argv] = process.argv.slice(2);
process.on("exit", () => fs.writeFileSync(rssOut, `${process.resourceUsage().maxRSS}\n`));
process.exitCode = require("../../dist/node/cli/main.js").runCli(argv);
