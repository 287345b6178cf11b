/**
 * The generated custom-functions metadata (functions.json, en-US, and functions.zh-CN.json): every registry function
 * in both, same ids and names, parameter counts equal to the implementations', every text present in both
 * languages, names Excel accepts and no Excel built-in name. Also registerFunctions() and the error factory in a
 * runtime where CustomFunctions exists.
 */
import * as fs from "fs";
import * as path from "path";
import * as impl from "../../src/functions/impl";
import { buildMetadata, looksLikeCellReference } from "../../src/functions/metadata";
import { FUNCTIONS } from "../../src/functions/registry";

const en = buildMetadata("en-US");
const zh = buildMetadata("zh-CN");

/** Excel's worksheet functions as Office.js lists them (Excel.Functions: stDev_P → STDEV.P), plus newer ones. */
function excelBuiltIns(): Set<string> {
  const dts = fs.readFileSync(
    path.join(__dirname, "..", "..", "node_modules", "@types", "office-js", "index.d.ts"),
    "utf8"
  );
  const start = dts.indexOf("class Functions extends OfficeExtension.ClientObject");
  const body = dts.slice(start, dts.indexOf("\n    }\n", start));
  const names = new Set<string>();
  for (const m of body.matchAll(/^ {8}([a-zA-Z][a-zA-Z0-9_]*)\(/gm)) {
    if (m[1] !== "toJSON") names.add(m[1].replace(/_/g, ".").toUpperCase());
  }
  for (const n of [
    "SUMPRODUCT",
    "STDEV",
    "STDEVP",
    "VAR",
    "VARP",
    "AVERAGE",
    "INDEX",
    "OFFSET",
    "INDIRECT",
    "CELL",
    "INFO",
    "FILTER",
    "SORT",
    "SORTBY",
    "UNIQUE",
    "SEQUENCE",
    "RANDARRAY",
    "XLOOKUP",
    "XMATCH",
    "LET",
    "LAMBDA",
    "MAP",
    "REDUCE",
    "SCAN",
    "MAKEARRAY",
    "BYROW",
    "BYCOL",
    "TEXTSPLIT",
    "TEXTBEFORE",
    "TEXTAFTER",
    "VSTACK",
    "HSTACK",
    "TOCOL",
    "TOROW",
    "WRAPROWS",
    "WRAPCOLS",
    "TAKE",
    "DROP",
    "CHOOSEROWS",
    "CHOOSECOLS",
    "EXPAND",
    "CONCAT",
    "TEXTJOIN",
    "IFS",
    "SWITCH",
    "MAXIFS",
    "MINIFS",
    "IFERROR",
    "IFNA",
    "GETPIVOTDATA",
    "TRANSPOSE",
    "MMULT",
    "MINVERSE",
    "MDETERM",
    "FREQUENCY",
    "GROWTH",
    "LINEST",
    "LOGEST",
    "TREND",
    "FORECAST",
    "CORREL",
    "COVAR",
    "PEARSON",
    "RSQ",
    "SLOPE",
    "INTERCEPT",
    "STEYX",
    "PROB",
    "MODE",
    "RANK",
    "PERCENTILE",
    "QUARTILE",
    "IMAGE",
    "GROUPBY",
    "PIVOTBY",
    "PERCENTOF",
    "REGEXTEST",
    "REGEXEXTRACT",
    "REGEXREPLACE",
    "TRIMRANGE",
  ])
    names.add(n);
  return names;
}

describe("generated metadata", () => {
  test("every registry function is in both files, in the same order, with the same ids and names", () => {
    expect(en.functions.map((f) => f.id)).toEqual(FUNCTIONS.map((f) => f.id));
    expect(zh.functions.map((f) => f.id)).toEqual(FUNCTIONS.map((f) => f.id));
    expect(zh.functions.map((f) => f.name)).toEqual(en.functions.map((f) => f.name));
    expect(en.functions.map((f) => f.id)).toEqual([
      "PERHUNDRED",
      "PERSTUDENT",
      "MEAN",
      "CVWEIGHTED",
      "STANDARD",
      "CVLIMIT",
      "MEETS",
      "GAP",
      "SCHOOLCHECK",
      "CVCHECK",
      "SPLITSHARE",
      "CLASSSIZE",
    ]);
    expect(new Set(en.functions.map((f) => f.id)).size).toBe(en.functions.length);
  });

  test("parameter names, types and counts agree across languages and with the implementations", () => {
    FUNCTIONS.forEach((f, i) => {
      const e = en.functions[i];
      const z = zh.functions[i];
      expect(e.parameters.map((p) => p.name)).toEqual(f.params.map((p) => p.name));
      expect(
        z.parameters.map(({ name, type, dimensionality, optional }) => ({
          name,
          type,
          dimensionality,
          optional,
        }))
      ).toEqual(
        e.parameters.map(({ name, type, dimensionality, optional }) => ({
          name,
          type,
          dimensionality,
          optional,
        }))
      );
      expect(z.result).toEqual(e.result);
      // Declared parameters = the implementation's parameters (no rest arguments, no defaults).
      expect({ id: f.id, length: f.impl.length }).toEqual({ id: f.id, length: f.params.length });
    });
  });

  test("every registry entry is an exported implementation", () => {
    const exported = new Set(Object.values(impl).filter((v) => typeof v === "function"));
    for (const f of FUNCTIONS) expect(exported.has(f.impl as never)).toBe(true);
  });

  test("every description is present in both languages, and they differ (translated, not copied)", () => {
    for (const [a, b] of [[en, zh]] as const) {
      a.functions.forEach((f, i) => {
        expect(f.description.trim()).not.toBe("");
        expect(b.functions[i].description.trim()).not.toBe("");
        expect(b.functions[i].description).not.toBe(f.description);
        expect(b.functions[i].description).toMatch(/[\u4e00-\u9fff]/);
        f.parameters.forEach((p, k) => {
          expect(p.description.trim()).not.toBe("");
          expect(b.functions[i].parameters[k].description).toMatch(/[\u4e00-\u9fff]/);
          expect(b.functions[i].parameters[k].description).not.toBe(p.description);
        });
      });
    }
  });

  test("optional parameters come last; ranges are matrices of type any (error cells reach the function)", () => {
    expect(en.allowErrorForDataTypeAny).toBe(true);
    for (const f of en.functions) {
      const firstOptional = f.parameters.findIndex((p) => p.optional);
      if (firstOptional >= 0)
        expect(f.parameters.slice(firstOptional).every((p) => p.optional)).toBe(true);
      for (const p of f.parameters.filter((q) => q.dimensionality === "matrix"))
        expect(p.type).toBe("any");
      for (const p of f.parameters) {
        expect(["number", "string", "boolean", "any"]).toContain(p.type);
        expect(["scalar", "matrix"]).toContain(p.dimensionality);
      }
    }
  });

  test("names Excel accepts: ASCII letters, digits, '.', '_', start with a letter, id and name ≥ 3 characters", () => {
    for (const f of [...en.functions, ...zh.functions]) {
      expect(f.id).toMatch(/^[A-Za-z][A-Za-z0-9_.]{2,}$/);
      expect(f.name).toMatch(/^[A-Za-z][A-Za-z0-9_.]{2,}$/);
      expect(f.name.length).toBeLessThanOrEqual(128);
      for (const p of f.parameters) expect(p.name).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
    }
  });

  test("no id or name reads as a cell reference (A1 … XFD1048576, R1C1 … R1048576C16384)", () => {
    // The rule itself, on names worked out by hand: PER100 is column PER (11,076 ≤ 16,384), row 100.
    expect(looksLikeCellReference("PER100")).toBe(true);
    expect(looksLikeCellReference("XFD1048576")).toBe(true);
    expect(looksLikeCellReference("XFE1")).toBe(false); // column 16,385: beyond XFD
    expect(looksLikeCellReference("CV1048577")).toBe(false); // row beyond 1,048,576
    expect(looksLikeCellReference("R1C1")).toBe(true);
    expect(looksLikeCellReference("R2C16385")).toBe(false);
    expect(looksLikeCellReference("PERHUNDRED")).toBe(false);
    for (const f of [...en.functions, ...zh.functions]) {
      expect({ id: f.id, ref: looksLikeCellReference(f.id) }).toEqual({ id: f.id, ref: false });
      expect({ name: f.name, ref: looksLikeCellReference(f.name) }).toEqual({
        name: f.name,
        ref: false,
      });
    }
  });

  test("no name is an Excel 4.0 macro function that a reader could take ours for", () => {
    // custom-functions-naming: avoid XLM names (RUN, ECHO …). The few XLM names near ours; SPLIT (the window
    // split command) is why JH.SPLITSHARE is not JH.SPLIT.
    const xlm = new Set([
      "RUN",
      "ECHO",
      "SPLIT",
      "STEP",
      "HALT",
      "RETURN",
      "RESULT",
      "ARGUMENT",
      "FORMULA",
    ]);
    for (const f of en.functions)
      expect({ name: f.name, xlm: xlm.has(f.name) }).toEqual({ name: f.name, xlm: false });
  });

  test("no name is an Excel built-in (checked against Office.js's Excel.Functions list)", () => {
    const builtIns = excelBuiltIns();
    expect(builtIns.has("SUM")).toBe(true);
    expect(builtIns.has("STDEV.P")).toBe(true);
    expect(builtIns.size).toBeGreaterThan(350);
    for (const f of en.functions) {
      expect({ name: f.name, builtIn: builtIns.has(f.name.toUpperCase()) }).toEqual({
        name: f.name,
        builtIn: false,
      });
      expect(builtIns.has(`JH.${f.name}`.toUpperCase())).toBe(false);
    }
  });

  test("the files are plain JSON in the custom-functions format", () => {
    const json = JSON.parse(JSON.stringify(zh));
    expect(Object.keys(json.functions[0]).sort()).toEqual([
      "description",
      "id",
      "name",
      "parameters",
      "result",
    ]);
    expect(json.functions.find((f: { id: string }) => f.id === "CVWEIGHTED").parameters[0]).toEqual(
      {
        name: "values",
        description: "各校指标值（一列）",
        type: "any",
        dimensionality: "matrix",
        optional: false,
      }
    );
  });

  test("a missing translation or a bad name fails the build", () => {
    const cvDef = FUNCTIONS.find((f) => f.id === "CVWEIGHTED")!;
    const noZh = { ...cvDef, description: { "zh-CN": " ", en: "CV" } };
    expect(() => buildMetadata("zh-CN", [noZh])).toThrow(/missing zh-CN text for CVWEIGHTED/);
    const noParamEn = {
      ...cvDef,
      params: [{ ...cvDef.params[0], description: { "zh-CN": "值", en: "" } }],
    };
    expect(() => buildMetadata("en-US", [noParamEn])).toThrow(
      /missing en text for CVWEIGHTED\(values\)/
    );
    expect(() => buildMetadata("en-US", [{ ...cvDef, name: "1CV" }])).toThrow(/invalid name/);
    expect(() => buildMetadata("en-US", [{ ...cvDef, name: "CV" }])).toThrow(/invalid name "CV"/);
    expect(() => buildMetadata("en-US", [{ ...cvDef, id: "PER100" }])).toThrow(
      /invalid id "PER100"/
    );
    expect(() => buildMetadata("en-US", [cvDef, cvDef])).toThrow(/duplicate id/);
  });
});

describe("docs and texts name the functions as they are", () => {
  const root = path.join(__dirname, "..", "..");
  const read = (rel: string): string => fs.readFileSync(path.join(root, rel), "utf8");
  test("docs/functions.md has a section per function, under its released name", () => {
    const doc = read("docs/functions.md");
    const headings = [...doc.matchAll(/^### JH\.([A-Z0-9_.]+)\(/gm)].map((m) => m[1]);
    expect(headings).toEqual(FUNCTIONS.map((f) => f.name));
  });
  test("no text a user reads still uses a name from before the renames (PER100, CV, SPLIT)", () => {
    for (const rel of [
      "README.md",
      "manifest.xml",
      "src/taskpane/help.html",
      "docs/manual-test.md",
      "docs/architecture.md",
      "src/functions/impl.ts",
    ]) {
      const text = read(rel);
      expect({ rel, stale: text.match(/JH\.(PER100|CV|SPLIT)\b/g) }).toEqual({ rel, stale: null });
    }
    // docs/functions.md names them only in its table of renames.
    const doc = read("docs/functions.md");
    const stale = doc.split("\n").filter((l) => /JH\.(PER100|CV|SPLIT)\b/.test(l));
    expect(stale.every((l) => l.startsWith("| `JH."))).toBe(true);
    expect(stale).toHaveLength(3);
  });
});
