#!/usr/bin/env node
// Entry point of the junheng CLI: the compiled TypeScript lives in dist/node (npm run build).
"use strict";
process.exitCode = require("../dist/node/cli/main.js").runCli(process.argv.slice(2));
