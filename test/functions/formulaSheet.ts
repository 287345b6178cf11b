/**
 * A very small spreadsheet for the "as a user would" test: cells hold values or formulas that use JH.* functions
 * (through the registry's implementations), SUM, cell references, ranges, sheet-qualified references, strings,
 * numbers and empty arguments — the subset a clerk's report sheet needs. Formulas are evaluated lazily, like Excel
 * recalculating dependents; ranges reach the functions as any[][] with "" for empty cells, and error results stay
 * error objects inside ranges (as with allowErrorForDataTypeAny).
 */
import type { RawCell } from "../../src/engine/workbook";
import { isFunctionError } from "../../src/functions/errors";
import { FUNCTIONS } from "../../src/functions/registry";

type Value = unknown;

interface Ref {
  sheet: string;
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

type Node =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "empty" }
  | { t: "ref"; ref: Ref }
  | { t: "call"; name: string; args: Node[] };

function colIndex(letters: string): number {
  let c = 0;
  for (const ch of letters.toUpperCase()) c = c * 26 + ch.charCodeAt(0) - 64;
  return c - 1;
}

export class FormulaBook {
  private readonly values = new Map<string, Map<string, Value>>();
  private readonly formulas = new Map<string, Map<string, string>>();
  private readonly cache = new Map<string, Value>();

  /** A sheet of plain values (e.g. from readXlsx), rows[r][c] 0-based. */
  addValues(sheet: string, rows: RawCell[][]): void {
    const m = new Map<string, Value>();
    rows.forEach((row, r) => row?.forEach((v, c) => v !== undefined && m.set(`${r},${c}`, v)));
    this.values.set(sheet, m);
  }

  /** Sets a cell ("B2") to a value or a formula ("=JH.CVWEIGHTED(…)"). */
  set(sheet: string, a1: string, content: Value): void {
    const { r, c } = this.parseCell(a1);
    if (typeof content === "string" && content.startsWith("=")) {
      if (!this.formulas.has(sheet)) this.formulas.set(sheet, new Map());
      this.formulas.get(sheet)!.set(`${r},${c}`, content.slice(1));
    } else {
      if (!this.values.has(sheet)) this.values.set(sheet, new Map());
      this.values.get(sheet)!.set(`${r},${c}`, content);
    }
  }

  get(sheet: string, a1: string): Value {
    const { r, c } = this.parseCell(a1);
    return this.cell(sheet, r, c);
  }

  private parseCell(a1: string): { r: number; c: number } {
    const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(a1);
    if (!m) throw new Error(`bad cell ${a1}`);
    return { r: Number(m[2]) - 1, c: colIndex(m[1]) };
  }

  private cell(sheet: string, r: number, c: number): Value {
    const key = `${sheet}!${r},${c}`;
    if (this.cache.has(key)) return this.cache.get(key);
    const f = this.formulas.get(sheet)?.get(`${r},${c}`);
    const v =
      f !== undefined ? this.evaluate(parse(f, sheet)) : this.values.get(sheet)?.get(`${r},${c}`);
    this.cache.set(key, v);
    return v;
  }

  private evaluate(n: Node): Value {
    switch (n.t) {
      case "num":
      case "str":
        return n.v;
      case "empty":
        return null;
      case "ref": {
        const { sheet, r1, c1, r2, c2 } = n.ref;
        if (r1 === r2 && c1 === c2) {
          const v = this.cell(sheet, r1, c1);
          return v === undefined ? null : v;
        }
        const out: Value[][] = [];
        for (let r = r1; r <= r2; r++) {
          const row: Value[] = [];
          for (let c = c1; c <= c2; c++) {
            const v = this.cell(sheet, r, c);
            row.push(v === undefined || v === null ? "" : v);
          }
          out.push(row);
        }
        return out;
      }
      case "call": {
        const args = n.args.map((a) => this.evaluate(a));
        if (n.name === "SUM") {
          let s = 0;
          for (const a of args)
            for (const v of Array.isArray(a) ? (a as Value[][]).flat() : [a]) {
              if (isFunctionError(v)) return v;
              if (typeof v === "number") s += v;
            }
          return s;
        }
        const m = /^JH\.(.+)$/.exec(n.name);
        const def = m && FUNCTIONS.find((f) => f.name === m[1]);
        if (!def) throw new Error(`#NAME? ${n.name}`);
        if (args.length > def.params.length) throw new Error(`too many arguments to ${n.name}`);
        while (args.length < def.params.length) args.push(null);
        return (def.impl as (...a: Value[]) => Value)(...args);
      }
    }
  }
}

/** Parses one formula (without "="). `here` is the formula's own sheet, for unqualified references. */
function parse(src: string, here: string): Node {
  let i = 0;
  const ws = (): void => {
    while (src[i] === " ") i++;
  };
  const expr = (): Node => {
    ws();
    const ch = src[i];
    if (ch === "," || ch === ")") return { t: "empty" };
    if (ch === '"') {
      let s = "";
      i++;
      for (;;) {
        if (src[i] === '"' && src[i + 1] === '"') {
          s += '"';
          i += 2;
        } else if (src[i] === '"') {
          i++;
          break;
        } else s += src[i++];
      }
      return { t: "str", v: s };
    }
    const num = /^-?\d+(\.\d+)?/.exec(src.slice(i));
    if (num) {
      i += num[0].length;
      return { t: "num", v: Number(num[0]) };
    }
    let sheet = here;
    const quoted = /^'((?:[^']|'')+)'!/.exec(src.slice(i));
    const bare = /^([^\s'!(),:"]+)!/.exec(src.slice(i));
    if (quoted) {
      sheet = quoted[1].replace(/''/g, "'");
      i += quoted[0].length;
    } else if (bare) {
      sheet = bare[1];
      i += bare[0].length;
    }
    const range = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?(?![A-Za-z0-9_.(])/.exec(
      src.slice(i)
    );
    if (range) {
      i += range[0].length;
      const r1 = Number(range[2]) - 1;
      const c1 = colIndex(range[1]);
      const r2 = range[4] ? Number(range[4]) - 1 : r1;
      const c2 = range[3] ? colIndex(range[3]) : c1;
      return { t: "ref", ref: { sheet, r1, c1, r2, c2 } };
    }
    const name = /^([A-Za-z][A-Za-z0-9_.]*)\(/.exec(src.slice(i));
    if (!name) throw new Error(`cannot parse at ${i}: ${src}`);
    i += name[0].length;
    const args: Node[] = [];
    ws();
    if (src[i] === ")") i++;
    else
      for (;;) {
        args.push(expr());
        ws();
        if (src[i] === ",") i++;
        else if (src[i] === ")") {
          i++;
          break;
        } else throw new Error(`expected , or ) at ${i}: ${src}`);
      }
    return { t: "call", name: name[1].toUpperCase(), args };
  };
  const node = expr();
  ws();
  if (i !== src.length) throw new Error(`trailing text at ${i}: ${src}`);
  return node;
}
