/**
 * The request executor of the harness: answers each Office.js request (the exact JSON the client library
 * builds — object paths and actions) from a WorkbookModel, the way Excel would, and measures it.
 *
 * Enforced like Excel: every member named by a request is looked up in the typings' [Api set] tags and fails
 * with ApiNotFound above the profile's ceiling; RangeAreas addresses over 8,192 characters fail; more than 512
 * merged areas fail; writes to protected sheets fail (AccessDenied); a note on a cell with a threaded comment
 * fails; a failing action stops the batch with what came before it applied (Office.js batches do not roll back).
 */
import { cellAddress } from "../../../../src/engine/workbook";
import { excelApiSets } from "../apiSets";
import {
  inRect,
  ModelSheet,
  ModelValidation,
  newId,
  parseRect,
  Rect,
  rectAddress,
  WorkbookModel,
} from "./model";

export class ExcelError extends Error {
  constructor(
    public code: string,
    message: string
  ) {
    super(message);
  }
}

/** A server-side object: what a path resolves to. */
interface Node {
  cls: string;
  isNull?: boolean;
  get?(prop: string): unknown;
  nav?(prop: string): Node;
  call?(name: string, args: unknown[]): unknown;
  set?(prop: string, v: unknown): void;
  items?(): Node[];
  id?(): string | undefined;
}

const NULL = (cls: string): Node => ({ cls, isNull: true });
const camel = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);
const pascal = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export interface SyncStat {
  requestBytes: number;
  responseBytes: number;
  actions: number;
}

export class ExcelServer {
  stats: SyncStat[] = [];
  constructor(
    public wb: WorkbookModel,
    public maxMinor = 99
  ) {}

  private sets = excelApiSets();
  private check(cls: string, member: string): void {
    const minor = this.sets.get(`${cls}.${camel(member)}`);
    if (minor !== undefined && minor > this.maxMinor)
      throw new ExcelError(
        "ApiNotFound",
        `${cls}.${camel(member)} needs ExcelApi 1.${minor}; this Excel has 1.${this.maxMinor}`
      );
  }

  // ——— objects ———
  private guardWrite(s: ModelSheet): void {
    if (s.protected) throw new ExcelError("AccessDenied", `The sheet ${s.name} is protected.`);
  }

  workbook(): Node {
    const wb = this.wb;
    return {
      cls: "Workbook",
      nav: (p) => {
        if (p === "Worksheets") return this.worksheets();
        if (p === "CustomXmlParts") return this.xmlParts();
        if (p === "Settings") return this.settings();
        if (p === "Application") return { cls: "Application", call: () => null };
        throw new ExcelError("InvalidArgument", `Workbook.${p}`);
      },
      get: (p) => (p === "Name" ? "book.xlsx" : undefined),
      items: undefined,
      id: () => wb.sheets.length.toString(),
    };
  }

  private worksheets(): Node {
    const wb = this.wb;
    const find = (k: string): ModelSheet | undefined =>
      wb.sheets.find((s) => s.id === k) ?? wb.sheet(k);
    return {
      cls: "WorksheetCollection",
      items: () => wb.sheets.map((s) => this.worksheet(s)),
      call: (name, args) => {
        if (name === "GetItem" || name === "_Index") {
          const s = find(String(args[0]));
          if (!s) throw new ExcelError("ItemNotFound", `No sheet ${String(args[0])}`);
          return this.worksheet(s);
        }
        if (name === "GetItemOrNullObject") {
          const s = find(String(args[0]));
          return s ? this.worksheet(s) : NULL("Worksheet");
        }
        if (name === "Add") {
          const n = String(args[0]);
          if (wb.sheet(n)) throw new ExcelError("ItemAlreadyExists", `A sheet ${n} exists.`);
          const s = new ModelSheet(n);
          wb.sheets.push(s);
          return this.worksheet(s);
        }
        if (name === "GetCount") return wb.sheets.length;
        throw new ExcelError("InvalidArgument", `WorksheetCollection.${name}`);
      },
    };
  }

  private worksheet(s: ModelSheet): Node {
    return {
      cls: "Worksheet",
      id: () => s.id,
      get: (p) =>
        ({ Name: s.name, Id: s.id, Visibility: s.visibility, Position: this.wb.sheets.indexOf(s) })[
          p
        ],
      set: (p, v) => {
        if (p === "Name") s.name = String(v);
      },
      nav: (p) => {
        if (p === "Protection")
          return {
            cls: "WorksheetProtection",
            get: (q) => (q === "Protected" ? s.protected : undefined),
          };
        if (p === "Charts") return this.charts(s);
        if (p === "Notes") return this.notes(s);
        if (p === "Comments") return this.comments(s);
        if (p === "FreezePanes")
          return {
            cls: "WorksheetFreezePanes",
            call: (n, a) => {
              if (n !== "FreezeRows") throw new ExcelError("InvalidArgument", `FreezePanes.${n}`);
              s.frozenRows = Number(a[0] ?? 1);
              return null;
            },
          };
        throw new ExcelError("InvalidArgument", `Worksheet.${p}`);
      },
      call: (name, args) => {
        switch (name) {
          case "GetRange":
            return this.range(
              s,
              args[0] ? parseRect(String(args[0])) : { r0: 0, c0: 0, r1: 1048575, c1: 16383 }
            );
          case "GetRangeByIndexes": {
            const [r, c, n, m] = args as number[];
            return this.range(s, { r0: r, c0: c, r1: r + n - 1, c1: c + m - 1 });
          }
          case "GetUsedRangeOrNullObject":
          case "GetUsedRange": {
            const u = s.usedRect(!!args[0]);
            return u ? this.range(s, u) : NULL("Range");
          }
          case "GetRanges": {
            const a = String(args[0]);
            if (a.length > 8192)
              throw new ExcelError(
                "InvalidArgument",
                "The address is longer than 8,192 characters."
              );
            return this.areas(s, a.split(",").map(parseRect));
          }
          case "Activate":
            this.wb.active = s.name;
            return null;
          case "Delete":
            this.wb.sheets = this.wb.sheets.filter((x) => x !== s);
            return null;
        }
        throw new ExcelError("InvalidArgument", `Worksheet.${name}`);
      },
    };
  }

  private range(s: ModelSheet, g: Rect): Node {
    const grid = (f: (r: number, c: number) => unknown): unknown[][] => {
      const out: unknown[][] = [];
      for (let r = g.r0; r <= g.r1; r++) {
        const row: unknown[] = [];
        for (let c = g.c0; c <= g.c1; c++) row.push(f(r, c));
        out.push(row);
      }
      return out;
    };
    const write = (v: unknown, f: (r: number, c: number, x: unknown) => void): void => {
      this.guardWrite(s);
      const rows = v as unknown[][];
      rows.forEach((row, i) => row.forEach((x, j) => f(g.r0 + i, g.c0 + j, x)));
    };
    return {
      cls: "Range",
      get: (p) => {
        switch (p) {
          case "Values":
            return grid((r, c) => s.cells.get(`${r},${c}`)?.value ?? "");
          case "NumberFormat":
            return grid((r, c) => s.cells.get(`${r},${c}`)?.numberFormat ?? "General");
          case "Formulas":
            return grid(
              (r, c) => s.cells.get(`${r},${c}`)?.formula ?? s.cells.get(`${r},${c}`)?.value ?? ""
            );
          case "RowIndex":
            return g.r0;
          case "ColumnIndex":
            return g.c0;
          case "RowCount":
            return g.r1 - g.r0 + 1;
          case "ColumnCount":
            return g.c1 - g.c0 + 1;
          case "Address":
            return `${quoteSheet(s.name)}!${rectAddress(g)}`;
          // Excel: true when every row (column) of the range is hidden, false when none is, null when some are.
          case "RowHidden":
          case "ColumnHidden": {
            const [from, to, set] =
              p === "RowHidden" ? [g.r0, g.r1, s.hiddenRows] : [g.c0, g.c1, s.hiddenCols];
            let n = 0;
            for (const x of set) if (x >= from && x <= to) n++;
            return n === 0 ? false : n === to - from + 1 ? true : null;
          }
        }
        return undefined;
      },
      set: (p, v) => {
        if (p === "Values") write(v, (r, c, x) => (s.cell(r, c).value = x as string));
        else if (p === "NumberFormat")
          write(v, (r, c, x) => (s.cell(r, c).numberFormat = String(x)));
        else if (p === "Formulas") write(v, (r, c, x) => (s.cell(r, c).formula = String(x)));
        else throw new ExcelError("InvalidArgument", `Range.${p}`);
      },
      nav: (p) => {
        if (p === "Format") return this.format(s, [g]);
        if (p === "ConditionalFormats") return this.rules(s, [g]);
        if (p === "DataValidation") {
          const find = (): ModelValidation => {
            let v = s.validations.find(
              (x) =>
                x.rect.r0 === g.r0 && x.rect.c0 === g.c0 && x.rect.r1 === g.r1 && x.rect.c1 === g.c1
            );
            if (!v) s.validations.push((v = { rect: g }));
            return v;
          };
          return {
            cls: "DataValidation",
            set: (q, v) => {
              this.guardWrite(s);
              if (q === "Rule") find().rule = v;
              else if (q === "ErrorAlert") find().errorAlert = v as ModelValidation["errorAlert"];
              else throw new ExcelError("InvalidArgument", `DataValidation.${q}`);
            },
          };
        }
        throw new ExcelError("InvalidArgument", `Range.${p}`);
      },
      call: (name, args) => {
        switch (name) {
          // Office.js itself cuts a large write into 1,500-cell blocks with these two.
          case "GetRow":
            return this.range(s, {
              r0: g.r0 + Number(args[0]),
              c0: g.c0,
              r1: g.r0 + Number(args[0]),
              c1: g.c1,
            });
          case "GetBoundingRect": {
            const o = (args[0] as { rect: Rect }).rect;
            return this.range(s, {
              r0: Math.min(g.r0, o.r0),
              c0: Math.min(g.c0, o.c0),
              r1: Math.max(g.r1, o.r1),
              c1: Math.max(g.c1, o.c1),
            });
          }
          case "GetVisibleView":
            return this.view(s, g);
          case "GetMergedAreasOrNullObject": {
            const hit = s.merges.filter(
              (m) => !(m.r1 < g.r0 || m.r0 > g.r1 || m.c1 < g.c0 || m.c0 > g.c1)
            );
            if (hit.length > 512)
              throw new ExcelError("GeneralException", "More than 512 merged areas in the range.");
            return hit.length ? this.areas(s, hit) : NULL("RangeAreas");
          }
          case "Select":
            this.wb.selected = `${s.name}!${rectAddress(g)}`;
            return null;
          case "Clear":
            this.guardWrite(s);
            for (const k of [...s.cells.keys()]) {
              const [r, c] = k.split(",").map(Number);
              if (r >= g.r0 && r <= g.r1 && c >= g.c0 && c <= g.c1) s.cells.delete(k);
            }
            s.rules = s.rules.filter((rule) => !rule.ranges.every((x) => contains(g, x)));
            return null;
        }
        throw new ExcelError("InvalidArgument", `Range.${name}`);
      },
    };
  }

  /** Range.getVisibleView(): the range's visible cells (hidden rows and columns left out). */
  private view(s: ModelSheet, g: Rect): Node {
    const rows: number[] = [];
    const cols: number[] = [];
    for (let r = g.r0; r <= g.r1; r++) if (!s.hiddenRows.has(r)) rows.push(r);
    for (let c = g.c0; c <= g.c1; c++) if (!s.hiddenCols.has(c)) cols.push(c);
    return {
      cls: "RangeView",
      get: (p) => {
        switch (p) {
          case "RowCount":
            return rows.length;
          case "ColumnCount":
            return cols.length;
          case "CellAddresses":
            return rows.map((r) => cols.map((c) => `${quoteSheet(s.name)}!${cellAddress(r, c)}`));
        }
        return undefined;
      },
    };
  }

  private areas(s: ModelSheet, rects: Rect[]): Node {
    return {
      cls: "RangeAreas",
      get: (p) =>
        p === "Address"
          ? rects.map((g) => `${quoteSheet(s.name)}!${rectAddress(g)}`).join(",")
          : undefined,
      nav: (p) => {
        if (p === "Areas")
          return { cls: "RangeCollection", items: () => rects.map((g) => this.range(s, g)) };
        if (p === "Format") return this.format(s, rects);
        if (p === "ConditionalFormats") return this.rules(s, rects);
        throw new ExcelError("InvalidArgument", `RangeAreas.${p}`);
      },
    };
  }

  private format(s: ModelSheet, rects: Rect[]): Node {
    const each = (f: (r: number, c: number) => void): void => {
      this.guardWrite(s);
      for (const g of rects)
        for (let r = g.r0; r <= g.r1; r++) for (let c = g.c0; c <= g.c1; c++) f(r, c);
    };
    return {
      cls: rects.length === 1 ? "RangeFormat" : "RangeFormat",
      set: (p, v) => {
        if (p === "ColumnWidth") {
          for (const g of rects) for (let c = g.c0; c <= g.c1; c++) s.widths.set(c, Number(v));
        } else if (p === "WrapText") each((r, c) => (s.cell(r, c).wrap = !!v));
        else if (p === "VerticalAlignment") each((r, c) => (s.cell(r, c).vertical = String(v)));
        else if (p === "HorizontalAlignment") each((r, c) => (s.cell(r, c).horizontal = String(v)));
        else throw new ExcelError("InvalidArgument", `RangeFormat.${p}`);
      },
      nav: (p) => {
        if (p === "Fill")
          return {
            cls: "RangeFill",
            set: (q, v) => {
              if (q === "Color") each((r, c) => (s.cell(r, c).fill = String(v)));
            },
            call: (n) => {
              if (n === "Clear") each((r, c) => delete s.cell(r, c).fill);
              return null;
            },
          };
        if (p === "Font")
          return {
            cls: "RangeFont",
            set: (q, v) => q === "Bold" && each((r, c) => (s.cell(r, c).bold = !!v)),
          };
        throw new ExcelError("InvalidArgument", `RangeFormat.${p}`);
      },
    };
  }

  private rules(s: ModelSheet, rects: Rect[]): Node {
    const hits = (): typeof s.rules =>
      s.rules.filter((rule) => rule.ranges.some((x) => rects.some((g) => overlaps(g, x))));
    return {
      cls: "ConditionalFormatCollection",
      items: () => hits().map((rule) => this.rule(s, rule)),
      call: (name, args) => {
        if (name === "Add") {
          this.guardWrite(s);
          const rule = {
            id: newId("cf"),
            type: String(args[0]),
            formula: "",
            priority: 0,
            ranges: rects.map((g) => ({ ...g })),
          };
          for (const r of s.rules) r.priority++;
          s.rules.push(rule);
          return this.rule(s, rule);
        }
        if (name === "GetCount") return hits().length;
        if (name === "GetItem" || name === "_Index") {
          const rule = s.rules.find((r) => r.id === args[0]);
          if (!rule) throw new ExcelError("ItemNotFound", "no rule");
          return this.rule(s, rule);
        }
        throw new ExcelError("InvalidArgument", `ConditionalFormatCollection.${name}`);
      },
    };
  }

  private rule(s: ModelSheet, rule: WorkbookModel["sheets"][number]["rules"][number]): Node {
    const gone = (): void => {
      if (!s.rules.includes(rule)) throw new ExcelError("ItemNotFound", "The rule was deleted.");
    };
    return {
      cls: "ConditionalFormat",
      id: () => rule.id,
      get: (p) => ({ Type: rule.type, Id: rule.id, Priority: rule.priority })[p],
      set: (p, v) => {
        if (p === "Priority") rule.priority = Number(v);
      },
      nav: (p) => {
        if (p !== "Custom" && p !== "CustomOrNullObject")
          throw new ExcelError("InvalidArgument", p);
        if (rule.type !== "Custom") {
          if (p === "CustomOrNullObject") return NULL("CustomConditionalFormat");
          throw new ExcelError("InvalidOperation", "Not a custom rule.");
        }
        return {
          cls: "CustomConditionalFormat",
          nav: (q) => {
            if (q === "Rule")
              return {
                cls: "ConditionalFormatRule",
                get: (x) => (x === "Formula" ? rule.formula : undefined),
                set: (x, v) => {
                  gone();
                  if (x === "Formula") rule.formula = String(v);
                },
              };
            if (q === "Format")
              return {
                cls: "ConditionalRangeFormat",
                nav: (x) => {
                  if (x !== "Fill") throw new ExcelError("InvalidArgument", x);
                  return {
                    cls: "ConditionalRangeFill",
                    set: (y, v) => {
                      gone();
                      if (y === "Color") rule.color = String(v);
                    },
                  };
                },
              };
            throw new ExcelError("InvalidArgument", q);
          },
        };
      },
      call: (name) => {
        if (name === "Delete") {
          this.guardWrite(s);
          s.rules = s.rules.filter((r) => r !== rule);
          return null;
        }
        throw new ExcelError("InvalidArgument", `ConditionalFormat.${name}`);
      },
    };
  }

  /** Sorted note keys per sheet, valid until a note is added or deleted (reset per request too). */
  private noteOrder = new Map<ModelSheet, string[]>();

  /** Notes in row-major order of their cells, as Excel lists them. */
  private noteKeys(s: ModelSheet): string[] {
    const hit = this.noteOrder.get(s);
    if (hit && hit.length === s.notes.size) return hit;
    const keys = [...s.notes.keys()].sort((a, b) => {
      const [r1, c1] = a.split(",").map(Number);
      const [r2, c2] = b.split(",").map(Number);
      return r1 - r2 || c1 - c2;
    });
    this.noteOrder.set(s, keys);
    return keys;
  }

  private notes(s: ModelSheet): Node {
    const at = (a: string): string => {
      const g = parseRect(a);
      return `${g.r0},${g.c0}`;
    };
    return {
      cls: "NoteCollection",
      items: () => this.noteKeys(s).map((k) => this.note(s, k)),
      call: (name, args) => {
        switch (name) {
          case "Add": {
            this.guardWrite(s);
            const k = at(String(args[0]));
            if (s.notes.has(k))
              throw new ExcelError("InvalidArgument", "The cell already has a note.");
            if (s.comments.has(k))
              throw new ExcelError(
                "InvalidArgument",
                "The cell has a threaded comment: a note cannot be added."
              );
            s.notes.set(k, String(args[1]));
            this.noteOrder.delete(s);
            return this.note(s, k);
          }
          case "GetItem":
          case "_Index": {
            const k = at(String(args[0]));
            if (!s.notes.has(k))
              throw new ExcelError("ItemNotFound", `No note at ${String(args[0])}`);
            return this.note(s, k);
          }
          case "GetItemOrNullObject": {
            const k = at(String(args[0]));
            return s.notes.has(k) ? this.note(s, k) : NULL("Note");
          }
          case "GetItemAt": {
            const k = this.noteKeys(s)[Number(args[0])];
            if (k === undefined) throw new ExcelError("ItemNotFound", "index");
            return this.note(s, k);
          }
          case "GetCount":
            return s.notes.size;
        }
        throw new ExcelError("InvalidArgument", `NoteCollection.${name}`);
      },
    };
  }

  private note(s: ModelSheet, k: string): Node {
    const [r, c] = k.split(",").map(Number);
    const gone = (): void => {
      if (!s.notes.has(k)) throw new ExcelError("ItemNotFound", "The note was deleted.");
    };
    return {
      cls: "Note",
      get: (p) => (p === "Content" ? s.notes.get(k) : p === "AuthorName" ? "user" : undefined),
      set: (p, v) => {
        gone();
        this.guardWrite(s);
        if (p === "Content") s.notes.set(k, String(v));
      },
      call: (name) => {
        if (name === "Delete") {
          this.guardWrite(s);
          s.notes.delete(k);
          this.noteOrder.delete(s);
          return null;
        }
        if (name === "GetLocation") return this.range(s, { r0: r, c0: c, r1: r, c1: c });
        throw new ExcelError("InvalidArgument", `Note.${name}`);
      },
    };
  }

  private comments(s: ModelSheet): Node {
    const keys = (): string[] => [...s.comments.keys()].sort();
    const comment = (k: string): Node => {
      const [r, c] = k.split(",").map(Number);
      return {
        cls: "Comment",
        id: () => `c${k}`,
        get: (p) => (p === "Id" ? `c${k}` : p === "Content" ? s.comments.get(k) : undefined),
        call: (name) => {
          if (name === "GetLocation") return this.range(s, { r0: r, c0: c, r1: r, c1: c });
          throw new ExcelError("InvalidArgument", `Comment.${name}`);
        },
      };
    };
    return {
      cls: "CommentCollection",
      items: () => keys().map(comment),
      call: (name, args) => {
        if (name === "GetItemAt") return comment(keys()[Number(args[0])]);
        if (name === "GetItem" || name === "_Index") {
          const k = String(args[0]).slice(1);
          if (!s.comments.has(k)) throw new ExcelError("ItemNotFound", "comment");
          return comment(k);
        }
        if (name === "GetCount") return keys().length;
        throw new ExcelError("InvalidArgument", `CommentCollection.${name}`);
      },
    };
  }

  private xmlParts(): Node {
    const wb = this.wb;
    const part = (p: { id: string; ns: string; xml: string }): Node => ({
      cls: "CustomXmlPart",
      id: () => p.id,
      get: (q) => ({ Id: p.id, NamespaceUri: p.ns })[q],
      call: (name) => {
        if (name === "GetXml") {
          if (!wb.parts.includes(p)) throw new ExcelError("ItemNotFound", "The part was deleted.");
          return p.xml;
        }
        if (name === "Delete") {
          wb.parts = wb.parts.filter((x) => x !== p);
          return null;
        }
        throw new ExcelError("InvalidArgument", `CustomXmlPart.${name}`);
      },
    });
    const scoped = (ns: string): Node => ({
      cls: "CustomXmlPartScopedCollection",
      items: () => wb.partsIn(ns).map(part),
      call: (name, args) => {
        const list = wb.partsIn(ns);
        if (name === "GetOnlyItemOrNullObject")
          return list.length === 1 ? part(list[0]) : NULL("CustomXmlPart");
        if (name === "GetCount") return list.length;
        if (name === "GetItem" || name === "_Index") {
          const p = list.find((x) => x.id === args[0]);
          if (!p) throw new ExcelError("ItemNotFound", "part");
          return part(p);
        }
        if (name === "GetItemAt") return part(list[Number(args[0])]);
        throw new ExcelError("InvalidArgument", `CustomXmlPartScopedCollection.${name}`);
      },
    });
    return {
      cls: "CustomXmlPartCollection",
      items: () => wb.parts.map(part),
      call: (name, args) => {
        if (name === "Add") {
          const xml = String(args[0]);
          const p = { id: newId("{P"), ns: /xmlns="([^"]+)"/.exec(xml)?.[1] ?? "", xml };
          wb.parts.push(p);
          return part(p);
        }
        if (name === "GetByNamespace") return scoped(String(args[0]));
        if (name === "GetItem" || name === "_Index") {
          const p = wb.parts.find((x) => x.id === args[0]);
          if (!p) throw new ExcelError("ItemNotFound", "part");
          return part(p);
        }
        throw new ExcelError("InvalidArgument", `CustomXmlPartCollection.${name}`);
      },
    };
  }

  private settings(): Node {
    const wb = this.wb;
    const setting = (k: string): Node => ({
      cls: "Setting",
      get: (p) => (p === "Value" ? wb.settings.get(k) : p === "Key" ? k : undefined),
    });
    return {
      cls: "SettingCollection",
      call: (name, args) => {
        const k = String(args[0]);
        if (name === "GetItemOrNullObject")
          return wb.settings.has(k) ? setting(k) : NULL("Setting");
        if (name === "Add") {
          wb.settings.set(k, args[1]);
          return setting(k);
        }
        throw new ExcelError("InvalidArgument", `SettingCollection.${name}`);
      },
    };
  }

  private charts(s: ModelSheet): Node {
    const chart = (ch: ModelSheet["charts"][number]): Node => ({
      cls: "Chart",
      id: () => ch.id,
      get: (p) => (p === "Id" ? ch.id : p === "Name" ? ch.id : undefined),
      nav: (p) => {
        if (p === "Series")
          return {
            cls: "ChartSeriesCollection",
            call: () => ({
              cls: "ChartSeries",
              call: (n: string, args: unknown[]) => {
                const g = (args[0] as { rect: Rect }).rect;
                if (n === "SetValues") ch.values = g;
                else if (n === "SetXAxisValues") ch.categories = g;
                return null;
              },
            }),
          };
        if (p === "Title")
          return { cls: "ChartTitle", set: (q, v) => q === "Text" && (ch.title = String(v)) };
        if (p === "Legend") return { cls: "ChartLegend", set: () => undefined };
        throw new ExcelError("InvalidArgument", `Chart.${p}`);
      },
      call: (name) => {
        if (name === "Delete") s.charts = s.charts.filter((x) => x !== ch);
        return null;
      },
    });
    return {
      cls: "ChartCollection",
      items: () => s.charts.map(chart),
      call: (name, args) => {
        if (name === "Add") {
          this.guardWrite(s);
          const src = (args[1] as { rect: Rect }).rect;
          let numeric = true;
          for (let r = src.r0; r <= src.r1; r++)
            for (let c = src.c0; c <= src.c1; c++)
              if (typeof s.cells.get(`${r},${c}`)?.value === "string") numeric = false;
          const ch = {
            id: newId("ch"),
            type: String(args[0]),
            values: src,
            sourceIsNumeric: numeric,
            title: "",
          };
          s.charts.push(ch);
          return chart(ch);
        }
        if (name === "GetItem" || name === "_Index") {
          const ch = s.charts.find((x) => x.id === args[0]);
          if (!ch) throw new ExcelError("ItemNotFound", "chart");
          return chart(ch);
        }
        if (name === "GetItemAt") return chart(s.charts[Number(args[0])]);
        throw new ExcelError("InvalidArgument", `ChartCollection.${name}`);
      },
    };
  }

  // ——— the protocol ———

  execute(body: RequestBody): ResponseBody {
    this.noteOrder.clear();
    const paths = body.ObjectPaths ?? {};
    const memo = new Map<number, Node>();
    const resolve = (id: number): Node => {
      const hit = memo.get(id);
      if (hit) return hit;
      const p = paths[id];
      if (!p) throw new ExcelError("InvalidObjectPath", `No object path ${id}`);
      let node: Node;
      if (p.ObjectPathType === 1) node = this.workbook();
      else {
        const parent = resolve(p.ParentObjectPathId!);
        const args = this.args(p.ArgumentInfo, resolve);
        if (parent.isNull) node = NULL("?");
        else if (p.ObjectPathType === 4) {
          this.check(parent.cls, p.Name);
          node = parent.nav!(p.Name);
        } else if (p.ObjectPathType === 3) {
          this.check(parent.cls, p.Name);
          node = parent.call!(p.Name, args) as Node;
        } else if (p.ObjectPathType === 5) node = parent.call!("_Index", args) as Node;
        else throw new ExcelError("InvalidObjectPath", `Path type ${p.ObjectPathType}`);
      }
      memo.set(id, node);
      return node;
    };
    const results: { ActionId: number; Value: unknown }[] = [];
    for (let i = 0; i < body.Actions.length; i++) {
      const a = body.Actions[i];
      try {
        const node = resolve(a.ObjectPathId);
        let value: unknown = null;
        switch (a.ActionType) {
          case 1: // Instantiate
            value = node.isNull ? null : node.id?.() !== undefined ? { _Id: node.id!() } : {};
            break;
          case 2: // Query
            value = node.isNull ? null : this.query(node, a.QueryInfo ?? {});
            break;
          case 3: // Method
            // Office.js's own bookkeeping calls (e.g. Range._ValidateArraySize before a large write).
            if (a.Name.startsWith("_")) break;
            if (!node.isNull) {
              this.check(node.cls, a.Name);
              value = node.call!(a.Name, this.args(a.ArgumentInfo, resolve));
              if (value && typeof value === "object" && "cls" in (value as object)) value = null;
            }
            break;
          case 4: // SetProperty
            if (!node.isNull) {
              this.check(node.cls, a.Name);
              node.set!(a.Name, a.ArgumentInfo?.Arguments?.[0]);
            }
            break;
          default:
            break;
        }
        results.push({ ActionId: a.Id, Value: value });
      } catch (e) {
        const err = e instanceof ExcelError ? e : new ExcelError("GeneralException", String(e));
        return {
          Results: results,
          Error: {
            Code: err.code,
            Message: err.message,
            ActionIndex: i,
            Location: "",
            HttpStatusCode: 400,
          },
        };
      }
    }
    return { Results: results };
  }

  private args(info: ArgumentInfo | undefined, resolve: (id: number) => Node): unknown[] {
    const args = info?.Arguments ?? [];
    const refs = info?.ReferencedObjectPathIds ?? [];
    return args.map((x, i) => {
      if (refs[i]) {
        const n = resolve(refs[i]) as Node & { rect?: Rect };
        const g = n.get?.("Address");
        return { node: n, rect: typeof g === "string" ? parseRect(g) : undefined };
      }
      return x;
    });
  }

  private query(node: Node, q: QueryInfo): unknown {
    const select = q.Select ?? [];
    const one = (n: Node, paths: string[]): Record<string, unknown> => {
      const out: Record<string, unknown> = {};
      const id = n.id?.();
      if (id !== undefined) out._Id = id;
      const groups = new Map<string, string[]>();
      for (const p of paths.length ? paths : ["*"]) {
        const [head, ...rest] = p.split("/");
        groups.set(head, [...(groups.get(head) ?? []), ...(rest.length ? [rest.join("/")] : [])]);
      }
      for (const [head, rest] of groups) {
        if (head === "*") {
          for (const k of [
            "Name",
            "Id",
            "Visibility",
            "Content",
            "Type",
            "NamespaceUri",
            "Address",
            "Protected",
            "Value",
            "Key",
          ]) {
            const v = n.get?.(k);
            if (v !== undefined) out[k] = v;
          }
          continue;
        }
        const P = pascal(head);
        this.check(n.cls, P);
        if (rest.length) {
          const child = n.nav!(P);
          out[P] = child.isNull
            ? null
            : child.items
              ? { _Items: child.items().map((c) => one(c, rest)) }
              : one(child, rest);
        } else {
          const v = n.get?.(P);
          if (v === undefined) {
            // A navigation property asked for whole ("items" of a collection, or an object: all its scalars).
            if (head === "items" && n.items) continue;
            throw new ExcelError(
              "PropertyNotLoaded",
              `${n.cls}.${head} is not a scalar property here`
            );
          }
          out[P] = v;
        }
      }
      return out;
    };
    if (node.items) {
      let list = node.items();
      if (q.Skip) list = list.slice(q.Skip);
      if (q.Top !== undefined && q.Top !== null) list = list.slice(0, q.Top);
      return {
        _Items: list.map((n) =>
          one(
            n,
            select.filter((s) => s !== "items")
          )
        ),
      };
    }
    return one(node, select);
  }
}

function overlaps(a: Rect, b: Rect): boolean {
  return !(a.r1 < b.r0 || a.r0 > b.r1 || a.c1 < b.c0 || a.c0 > b.c1);
}
function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.r0 >= outer.r0 && inner.r1 <= outer.r1 && inner.c0 >= outer.c0 && inner.c1 <= outer.c1
  );
}
void inRect;
void cellAddress;

interface ArgumentInfo {
  Arguments?: unknown[];
  ReferencedObjectPathIds?: number[];
}
interface QueryInfo {
  Select?: string[];
  Expand?: string[];
  Top?: number;
  Skip?: number;
}
export interface RequestBody {
  Actions: {
    Id: number;
    ActionType: number;
    Name: string;
    ObjectPathId: number;
    ArgumentInfo?: ArgumentInfo;
    QueryInfo?: QueryInfo;
  }[];
  ObjectPaths?: Record<
    string,
    {
      Id: number;
      ObjectPathType: number;
      Name: string;
      ParentObjectPathId?: number;
      ArgumentInfo?: ArgumentInfo;
    }
  >;
}
export interface ResponseBody {
  Results: { ActionId: number; Value: unknown }[];
  Error?: {
    Code: string;
    Message: string;
    ActionIndex: number;
    Location: string;
    HttpStatusCode: number;
  };
}
