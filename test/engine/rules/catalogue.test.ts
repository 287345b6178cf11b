/**
 * The finding catalogue and its documentation agree: every code of src/engine/findings/catalog.ts has one row in
 * docs/report-format.md's table of finding codes with the same severity and category, and the table names no other
 * code (report-format.md: codes may be added, never renamed).
 */
import * as fs from "fs";
import * as path from "path";
import { FINDINGS } from "../../../src/engine/findings/catalog";

const doc = fs.readFileSync(
  path.join(__dirname, "..", "..", "..", "docs", "report-format.md"),
  "utf8"
);

/** Rows `| \`code\` | severity | category | … |` of the finding-codes table. */
function documentedCodes(): Map<string, { severity: string; category: string }> {
  const out = new Map<string, { severity: string; category: string }>();
  for (const line of doc.split("\n")) {
    const m =
      /^\|\s*`([a-z-]+)`\s*\|\s*(error|warning|info)\s*\|\s*(data|standard|table)\s*\|/.exec(line);
    if (!m) continue;
    expect(out.has(m[1])).toBe(false); // one row per code
    out.set(m[1], { severity: m[2], category: m[3] });
  }
  return out;
}

test("the docs table lists exactly the catalogue's codes", () => {
  expect([...documentedCodes().keys()].sort()).toEqual(Object.keys(FINDINGS).sort());
});

test("with the catalogue's severity and category", () => {
  const documented = documentedCodes();
  for (const [code, spec] of Object.entries(FINDINGS)) {
    expect([code, documented.get(code)]).toEqual([
      code,
      { severity: spec.severity, category: spec.category },
    ]);
  }
});
