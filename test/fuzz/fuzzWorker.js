// Runs `junheng check` in this process on each file named on stdin (one JSON list), reporting one line per case so
// the parent can time each case and notice a hang or a crash (a V8 abort kills this process, not the test).
"use strict";
const path = require("path");
const { runCli } = require(path.join(__dirname, "..", "..", "dist", "node", "cli", "main.js"));

let input = "";
process.stdin.on("data", (d) => (input += d));
process.stdin.on("end", () => {
  const cases = JSON.parse(input);
  for (const c of cases) {
    process.stdout.write(`start ${c.id}\n`);
    let err = "";
    const code = runCli(["check", c.file, "--json", c.json, "--out", c.out], {
      stdout: () => undefined,
      stderr: (s) => (err += s),
    });
    process.stdout.write(`done ${c.id} ${code} ${JSON.stringify(err)}\n`);
  }
});
