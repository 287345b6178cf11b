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

/**
 * The params column names each code's parameters: every parameter of the code (docs/report.schema.json, generated
 * from src/engine/findings/params.ts; test/cli/schema.test.ts keeps it fresh) appears in the row, and every name
 * the row lists outside parentheses is a parameter (inside them: values, shapes and the variants' own fields).
 */
describe("the params column of the docs table is each code's parameters", () => {
  type Node = {
    $ref?: string;
    properties?: Record<string, Node>;
    anyOf?: Node[];
    oneOf?: Node[];
    allOf?: Node[];
  };
  const schema = JSON.parse(
    fs.readFileSync(path.join(__dirname, "..", "..", "..", "docs", "report.schema.json"), "utf8")
  ) as {
    definitions: Record<string, Node & { oneOf: (Node & { properties: Record<string, Node> })[] }>;
  };
  const resolve = (n: Node): Node =>
    n.$ref ? resolve(schema.definitions[n.$ref.replace("#/definitions/", "")]) : n;
  /** Property names of an object schema, through $ref and the variants of a union. */
  const keysOf = (n: Node, out = new Set<string>()): Set<string> => {
    const r = resolve(n);
    for (const k of Object.keys(r.properties ?? {})) out.add(k);
    for (const v of [...(r.anyOf ?? []), ...(r.oneOf ?? []), ...(r.allOf ?? [])]) keysOf(v, out);
    return out;
  };
  const params = new Map<string, Set<string>>();
  for (const v of schema.definitions.FindingWithMessages.oneOf)
    params.set((v.properties.code as { const: string }).const, keysOf(v.properties.params));

  /** The params cell (the last column) of each code's row. */
  const cells = new Map<string, string>();
  for (const line of doc.split("\n")) {
    const m = /^\|\s*`([a-z-]+)`\s*\|\s*(?:error|warning|info)\s*\|/.exec(line);
    if (!m) continue;
    // Cells split at the pipes that are not escaped (`\|` stands in a cell for "or").
    const cols = line.split(/(?<!\\)\|/);
    cells.set(m[1], cols[cols.length - 2].replace(/\\\|/g, "|"));
  }
  const names = (s: string): string[] =>
    [...s.matchAll(/`([A-Za-z][A-Za-z0-9]*)`/g)].map((x) => x[1]);
  const outsideParens = (s: string): string => {
    let t = s;
    for (let prev = ""; prev !== t;) [prev, t] = [t, t.replace(/\([^()]*\)/g, "")];
    return t;
  };

  test("the schema knows every catalogue code", () => {
    expect([...params.keys()].sort()).toEqual(Object.keys(FINDINGS).sort());
  });

  for (const code of Object.keys(FINDINGS)) {
    test(code, () => {
      const cell = cells.get(code) ?? "";
      const keys = [...(params.get(code) ?? [])].sort();
      const mentioned = new Set(names(cell));
      expect(keys.filter((k) => !mentioned.has(k))).toEqual([]);
      expect(names(outsideParens(cell)).filter((n) => !keys.includes(n))).toEqual([]);
      if (keys.length === 0) expect(cell.trim()).toBe("—");
    });
  }
});
