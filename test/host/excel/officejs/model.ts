/**
 * A workbook model for the Office.js harness: what Excel would hold — cell values, number formats, formulas,
 * direct fills, notes, threaded comments, merged areas, protection, conditional-format rules, charts, custom
 * XML parts, settings — and the user's own edits between junheng's calls (insert/delete a row, rename a sheet,
 * edit a note or a fill), which move notes and rules with their cells as Excel does.
 */
import { cellAddress, parseAddress } from "../../../../src/engine/workbook";

export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export type CellValue = string | number | boolean;

export interface ModelCell {
  value?: CellValue;
  numberFormat?: string;
  formula?: string;
  fill?: string;
  bold?: boolean;
  wrap?: boolean;
  vertical?: string;
  horizontal?: string;
}

/** A data-validation rule as Office.js sends it (DataValidation.rule / errorAlert). */
export interface ModelValidation {
  rect: Rect;
  rule?: unknown;
  errorAlert?: { message?: string; style?: string; showAlert?: boolean; title?: string };
}

export interface ModelRule {
  id: string;
  type: string;
  formula: string;
  color?: string;
  priority: number;
  ranges: Rect[];
}

export interface ModelChart {
  id: string;
  type: string;
  values?: Rect;
  categories?: Rect;
  sourceIsNumeric: boolean;
  title: string;
}

let nextId = 1;
export const newId = (p: string): string => `${p}${nextId++}`;

const key = (r: number, c: number): string => `${r},${c}`;

export class ModelSheet {
  id = newId("{S");
  cells = new Map<string, ModelCell>();
  notes = new Map<string, string>();
  comments = new Map<string, string>();
  merges: Rect[] = [];
  protected = false;
  visibility = "Visible";
  rules: ModelRule[] = [];
  charts: ModelChart[] = [];
  validations: ModelValidation[] = [];
  frozenRows = 0;
  /** Column widths in points, by column index. */
  widths = new Map<number, number>();
  /** Hidden rows and columns (0-based), by hand or by a filter: Excel reports both as hidden. */
  hiddenRows = new Set<number>();
  hiddenCols = new Set<number>();
  /** A far-away formatted cell (used range with formatting but no value), as real templates have. */
  formattedTo?: { row: number; col: number };
  constructor(public name: string) {}

  cell(r: number, c: number): ModelCell {
    let x = this.cells.get(key(r, c));
    if (!x) this.cells.set(key(r, c), (x = {}));
    return x;
  }
  get(a: string): ModelCell | undefined {
    const p = parseAddress(a);
    return this.cells.get(key(p.row, p.col));
  }
  value(a: string): CellValue | undefined {
    return this.get(a)?.value;
  }
  setRows(rows: (CellValue | null | undefined)[][], origin = "A1"): this {
    const o = parseAddress(origin);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== undefined && v !== "") this.cell(o.row + r, o.col + c).value = v;
      })
    );
    return this;
  }
  note(a: string): string | undefined {
    const p = parseAddress(a);
    return this.notes.get(key(p.row, p.col));
  }
  setNote(a: string, text: string | undefined): void {
    const p = parseAddress(a);
    if (text === undefined) this.notes.delete(key(p.row, p.col));
    else this.notes.set(key(p.row, p.col), text);
  }
  /** The fill a person sees: junheng's rule (top priority first) over the cell's own fill. */
  shownFill(a: string): string | undefined {
    const p = parseAddress(a);
    const rule = [...this.rules]
      .sort((x, y) => x.priority - y.priority)
      .find((r) => r.ranges.some((g) => inRect(g, p.row, p.col)));
    return rule?.color ?? this.get(a)?.fill;
  }
  usedRect(valuesOnly: boolean): Rect | null {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    for (const [k, c] of this.cells) {
      const has = c.value !== undefined && c.value !== "";
      if (!has && (valuesOnly || (!c.fill && !c.numberFormat))) continue;
      const [r, col] = k.split(",").map(Number);
      r0 = Math.min(r0, r);
      c0 = Math.min(c0, col);
      r1 = Math.max(r1, r);
      c1 = Math.max(c1, col);
    }
    if (!valuesOnly && this.formattedTo) {
      r1 = Math.max(r1, this.formattedTo.row);
      c1 = Math.max(c1, this.formattedTo.col);
      r0 = Math.min(r0, 0);
      c0 = Math.min(c0, 0);
    }
    return r1 < 0 ? null : { r0, c0, r1, c1 };
  }

  /** The user inserts `n` rows above row index `at` (0-based): cells, notes, comments and rules move down. */
  insertRows(at: number, n = 1): void {
    this.shift((r) => (r >= at ? r + n : r));
  }
  /** The user deletes row index `at`: what was on it is gone; everything below moves up. */
  deleteRow(at: number): void {
    for (const m of [this.cells, this.notes, this.comments] as Map<string, unknown>[])
      for (const k of [...m.keys()]) if (Number(k.split(",")[0]) === at) m.delete(k);
    for (const rule of this.rules)
      rule.ranges = rule.ranges
        .map((g) => (g.r0 === at && g.r1 === at ? null : g))
        .filter((g): g is Rect => !!g)
        .map((g) => ({ ...g, r1: g.r0 <= at && at <= g.r1 ? g.r1 - 1 : g.r1 }));
    this.shift((r) => (r > at ? r - 1 : r));
  }
  private shift(f: (r: number) => number): void {
    for (const m of [this.cells, this.notes, this.comments] as Map<string, unknown>[]) {
      const entries = [...m.entries()];
      m.clear();
      for (const [k, v] of entries) {
        const [r, c] = k.split(",").map(Number);
        m.set(key(f(r), c), v);
      }
    }
    for (const rule of this.rules)
      rule.ranges = rule.ranges.map((g) => ({ ...g, r0: f(g.r0), r1: f(g.r1) }));
  }
}

export function inRect(g: Rect, r: number, c: number): boolean {
  return r >= g.r0 && r <= g.r1 && c >= g.c0 && c <= g.c1;
}

export function rectAddress(g: Rect): string {
  const a = cellAddress(g.r0, g.c0);
  const b = cellAddress(g.r1, g.c1);
  return a === b ? a : `${a}:${b}`;
}

/** "B2", "B2:D9", "2:2" (whole row), "C:C" (whole column), with or without "Sheet!" */
export function parseRect(address: string): Rect {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [a, b = a] = local.replace(/\$/g, "").split(":");
  const part = (s: string, end: boolean): { row: number; col: number } => {
    if (/^\d+$/.test(s)) return { row: Number(s) - 1, col: end ? 16383 : 0 };
    if (/^[A-Z]+$/i.test(s)) return { row: end ? 1048575 : 0, col: parseAddress(`${s}1`).col };
    return parseAddress(s);
  };
  const p = part(a, false);
  const q = part(b, true);
  return { r0: p.row, c0: p.col, r1: q.row, c1: q.col };
}

export class WorkbookModel {
  sheets: ModelSheet[] = [];
  parts: { id: string; ns: string; xml: string }[] = [];
  settings = new Map<string, unknown>();
  active?: string;
  selected?: string;
  constructor(sheets: ModelSheet[] = []) {
    this.sheets = sheets;
  }
  sheet(name: string): ModelSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
  partsIn(ns: string): { id: string; ns: string; xml: string }[] {
    return this.parts.filter((p) => p.ns === ns);
  }
  /** Everything a user could see in a sheet, for exact before/after comparisons. */
  snapshot(name: string): unknown {
    const s = this.sheet(name)!;
    const cells = [...s.cells.entries()]
      .filter(([, c]) => c.value !== undefined || c.fill)
      .sort()
      .map(([k, c]) => {
        const [r, col] = k.split(",").map(Number);
        const a = cellAddress(r, col);
        return [a, c.value ?? null, s.shownFill(a) ?? null];
      });
    return { cells, notes: [...s.notes.entries()].sort(), rules: s.rules.length };
  }
}
