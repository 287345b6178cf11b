#!/usr/bin/env node
// Entry point of the junheng CLI: the compiled TypeScript lives in dist/node (npm run build).
"use strict";
const cli = require("../dist/node/cli/main.js");
cli.ignoreBrokenPipe();
cli.exitWhenFlushed(cli.runCli(process.argv.slice(2)));
