/**
 * A counting fake of the part of the Excel JavaScript API the host adapter uses. Commands are queued and run
 * at sync(), loaded properties are readable only after the sync that loads them (reading earlier throws, like
 * the real API), and it counts what the real host would be limited by: sync round trips, RangeAreas address
 * lengths (8,192) and the response payload of each sync (5 MB on Excel on the web).
 * office-addin-mock tracks only load/sync state; this fake adds collections, addresses and payload sizes.
 */
import { parseAddress, cellAddress } from "../../../src/engine/workbook";

export interface FakeFill {
  color: string;
  pattern: string;
}
export interface FakeCell {
  value: string | number | boolean;
  fill: FakeFill;
  format?: string;
  formula?: string;
  bold?: boolean;
}
export const NO_FILL: FakeFill = { color: "#FFFFFF", pattern: "None" };

export class FakeSheet {
  cells = new Map<string, FakeCell>();
  notes = new Map<string, string>();
  merges: string[] = [];
  /** Hidden rows and columns (0-based). */
  hiddenRows = new Set<number>();
  hiddenCols = new Set<number>();
  protected = false;
  charts: { title: string }[] = [];
  active = false;
  selected: string | null = null;
  constructor(public name: string) {}
  cell(a: string): FakeCell {
    let c = this.cells.get(a);
    if (!c) {
      c = { value: "", fill: { ...NO_FILL } };
      this.cells.set(a, c);
    }
    return c;
  }
  static fromRows(
    name: string,
    rows: (string | number | boolean | null | undefined)[][],
    origin = "A1"
  ): FakeSheet {
    const s = new FakeSheet(name);
    const o = parseAddress(origin);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== undefined && v !== "")
          s.cell(cellAddress(o.row + r, o.col + c)).value = v;
      })
    );
    return s;
  }
  /** Snapshot of every visible property, for exact before/after comparisons. */
  snapshot(): unknown {
    const cells = [...this.cells.entries()]
      .filter(([, c]) => c.value !== "" || c.fill.pattern !== "None")
      .sort()
      .map(([a, c]) => [a, c.value, c.fill.color, c.fill.pattern]);
    return { cells, notes: [...this.notes.entries()].sort() };
  }
}

export class FakeWorkbook {
  sheets: FakeSheet[];
  customXml: { ns: string; xml: string }[] = [];
  settings = new Map<string, string>();
  constructor(sheets: FakeSheet[]) {
    this.sheets = sheets;
  }
  /** Excel compares sheet names case-insensitively: 「Sheet1」 and 「SHEET1」 are the same sheet. */
  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
}

export interface Counters {
  syncs: number;
  maxAddressLength: number;
  /** Bytes of loaded data returned by each sync. */
  payloads: number[];
  suspends: number;
}

type Thunk = () => void;

/** A value that becomes readable at the next sync. */
class Deferred<T> {
  private v?: T;
  private ready = false;
  set(v: T): void {
    this.v = v;
    this.ready = true;
  }
  get(what: string): T {
    if (!this.ready) throw new Error(`PropertyNotLoaded: ${what} read before context.sync()`);
    return this.v as T;
  }
}

function rangeCells(address: string): string[] {
  const [a, b] = address.split(":");
  const from = parseAddress(a);
  const to = parseAddress(b ?? a);
  const out: string[] = [];
  for (let r = from.row; r <= to.row; r++)
    for (let c = from.col; c <= to.col; c++) out.push(cellAddress(r, c));
  return out;
}

/** A platform profile: the highest ExcelApi minor version it has (Office 2021 LTSC = 14, 2024 = 17). */
export const PROFILES = { ltsc2021: 14, ltsc2024: 17, m365: 99 } as const;

/** isSetSupported as a profile answers it. */
export function profileSupports(maxMinor: number): (name: string, v?: string) => boolean {
  return (name, v) => (name === "ExcelApi" ? Number((v ?? "1.1").split(".")[1]) <= maxMinor : true);
}

export function createFakeExcel(
  wb: FakeWorkbook,
  opts: { maxMinor?: number } = {}
): {
  run: <T>(f: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;
  counters: Counters;
  /** Delivers a WorksheetCollection.onChanged event to every registered handler, as Excel does after an edit. */
  emitChanged: (args?: Partial<Excel.WorksheetChangedEventArgs>) => Promise<void>;
  /** Handlers registered on WorksheetCollection.onChanged (after the sync that registered them). */
  changeHandlers: () => number;
} {
  const maxMinor = opts.maxMinor ?? 99;
  /** Like Office without the set: the member is not there (ApiNotFound at call time). */
  const needs = (minor: number, api: string): void => {
    if (minor > maxMinor) throw new Error(`ApiNotFound: ${api} needs ExcelApi 1.${minor}`);
  };
  const counters: Counters = { syncs: 0, maxAddressLength: 0, payloads: [], suspends: 0 };
  let queue: Thunk[] = [];
  let payload = 0;
  const enqueue = (t: Thunk): void => {
    queue.push(t);
  };
  const charge = (data: unknown): void => {
    payload += JSON.stringify(data ?? null).length;
  };

  function makeRange(
    sheetName: () => FakeSheet | undefined,
    address: () => string | null
  ): Record<string, unknown> {
    const loaded = {
      values: new Deferred<unknown[][]>(),
      dims: new Deferred<number[]>(),
      rowHidden: new Deferred<boolean | null>(),
      columnHidden: new Deferred<boolean | null>(),
    };
    /** true = all of [from, to] in `set`, false = none, null = some (Range.rowHidden / columnHidden). */
    const allSomeNone = (set: Set<number>, from: number, to: number): boolean | null => {
      let n = 0;
      for (const x of set) if (x >= from && x <= to) n++;
      return n === 0 ? false : n === to - from + 1 ? true : null;
    };
    const null_ = new Deferred<boolean>();
    const range: Record<string, unknown> = {
      load(props: string) {
        enqueue(() => {
          const s = sheetName();
          const a = address();
          null_.set(!s || a === null);
          if (!s || a === null) return;
          const cells = rangeCells(a);
          const [f, t] = a.split(":");
          const from = parseAddress(f);
          const to = parseAddress(t ?? f);
          if (props.includes("values")) {
            const vals: unknown[][] = [];
            for (let r = from.row; r <= to.row; r++) {
              const row: unknown[] = [];
              for (let c = from.col; c <= to.col; c++)
                row.push(s.cells.get(cellAddress(r, c))?.value ?? "");
              vals.push(row);
            }
            loaded.values.set(vals);
            charge(vals);
          }
          loaded.dims.set([from.row, from.col, to.row - from.row + 1, to.col - from.col + 1]);
          if (props.includes("rowHidden")) {
            needs(2, "Range.rowHidden");
            loaded.rowHidden.set(allSomeNone(s.hiddenRows, from.row, to.row));
            charge(loaded.rowHidden.get("rowHidden"));
          }
          if (props.includes("columnHidden")) {
            needs(2, "Range.columnHidden");
            loaded.columnHidden.set(allSomeNone(s.hiddenCols, from.col, to.col));
            charge(loaded.columnHidden.get("columnHidden"));
          }
          void cells;
        });
        return range;
      },
      get isNullObject() {
        return null_.get("isNullObject");
      },
      get values() {
        return loaded.values.get("values");
      },
      set values(v: unknown[][]) {
        enqueue(() => {
          const s = sheetName()!;
          const from = parseAddress(address()!.split(":")[0]);
          v.forEach((row, r) =>
            row.forEach(
              (x, c) => (s.cell(cellAddress(from.row + r, from.col + c)).value = x as string)
            )
          );
        });
      },
      set formulas(v: string[][]) {
        enqueue(() => {
          const s = sheetName()!;
          const from = parseAddress(address()!.split(":")[0]);
          v.forEach((row, r) =>
            row.forEach((x, c) => (s.cell(cellAddress(from.row + r, from.col + c)).formula = x))
          );
        });
      },
      set numberFormat(v: string[][]) {
        enqueue(() => {
          const s = sheetName()!;
          const from = parseAddress(address()!.split(":")[0]);
          v.forEach((row, r) =>
            row.forEach((x, c) => (s.cell(cellAddress(from.row + r, from.col + c)).format = x))
          );
        });
      },
      get rowIndex() {
        return loaded.dims.get("rowIndex")[0];
      },
      get rowHidden() {
        return loaded.rowHidden.get("rowHidden");
      },
      get columnHidden() {
        return loaded.columnHidden.get("columnHidden");
      },
      getVisibleView() {
        needs(3, "Range.getVisibleView");
        const d = new Deferred<string[][]>();
        const view = {
          load() {
            enqueue(() => {
              const s = sheetName()!;
              const [f, t] = address()!.split(":");
              const from = parseAddress(f);
              const to = parseAddress(t ?? f);
              const out: string[][] = [];
              for (let r = from.row; r <= to.row; r++) {
                if (s.hiddenRows.has(r)) continue;
                const line: string[] = [];
                for (let c = from.col; c <= to.col; c++)
                  if (!s.hiddenCols.has(c)) line.push(`${s.name}!${cellAddress(r, c)}`);
                out.push(line);
              }
              d.set(out);
              charge(out);
            });
            return view;
          },
          get cellAddresses() {
            return d.get("cellAddresses");
          },
        };
        return view;
      },
      get columnIndex() {
        return loaded.dims.get("columnIndex")[1];
      },
      get rowCount() {
        return loaded.dims.get("rowCount")[2];
      },
      get columnCount() {
        return loaded.dims.get("columnCount")[3];
      },
      format: {
        fill: {
          set color(c: string) {
            enqueue(() =>
              rangeCells(address()!).forEach(
                (a) => (sheetName()!.cell(a).fill = { color: c, pattern: "Solid" })
              )
            );
          },
          clear() {
            enqueue(() => {
              const s = sheetName();
              if (s) rangeCells(address()!).forEach((a) => (s.cell(a).fill = { ...NO_FILL }));
            });
          },
        },
        font: {
          set bold(b: boolean) {
            enqueue(() => rangeCells(address()!).forEach((a) => (sheetName()!.cell(a).bold = b)));
          },
        },
        set columnWidth(_w: number) {
          enqueue(() => undefined);
        },
      },
      getMergedAreasOrNullObject() {
        needs(13, "Range.getMergedAreasOrNullObject");
        const d = new Deferred<{ address: string }[]>();
        const isNull = new Deferred<boolean>();
        const areas = {
          load() {
            enqueue(() => {
              const s = sheetName();
              // Like Excel: getMergedAreasOrNullObject fails above 512 merged areas in the range.
              if (s && s.merges.length > 512)
                throw new Error("GeneralException: more than 512 merged areas");
              const m =
                s && s.merges.length ? s.merges.map((x) => ({ address: `${s.name}!${x}` })) : null;
              isNull.set(!m);
              d.set(m ?? []);
              charge(m);
            });
            return areas;
          },
          get isNullObject() {
            return isNull.get("isNullObject");
          },
          areas: {
            get items() {
              return d.get("areas");
            },
          },
        };
        return areas;
      },
      getCellProperties() {
        const res = new Deferred<unknown[][]>();
        enqueue(() => {
          const s = sheetName()!;
          const a = address()!;
          const v = [[{ format: { fill: { ...(s.cells.get(a)?.fill ?? NO_FILL) } } }]];
          res.set(v);
          charge(v);
        });
        return {
          get value() {
            return res.get("getCellProperties");
          },
        };
      },
      setCellProperties(props: { format: { fill: FakeFill } }[][]) {
        enqueue(() => {
          const f = props[0][0].format.fill;
          sheetName()!.cell(address()!).fill = { color: f.color, pattern: f.pattern };
        });
      },
      select() {
        enqueue(() => (sheetName()!.selected = address()));
      },
    };
    return range;
  }

  function makeSheet(name: () => string): Record<string, unknown> {
    const find = (): FakeSheet | undefined => wb.sheet(name());
    const sheet: Record<string, unknown> = {
      get name() {
        return name();
      },
      get protection() {
        return { protected: !!find()?.protected };
      },
      getUsedRangeOrNullObject() {
        return makeRange(find, () => {
          const s = find();
          if (!s) return null;
          const cells = [...s.cells.entries()]
            .filter(([, c]) => c.value !== "")
            .map(([a]) => parseAddress(a));
          if (!cells.length) return null;
          let [r0, r1, c0, c1] = [Infinity, -1, Infinity, -1];
          for (const c of cells) {
            r0 = Math.min(r0, c.row);
            r1 = Math.max(r1, c.row);
            c0 = Math.min(c0, c.col);
            c1 = Math.max(c1, c.col);
          }
          return `${cellAddress(r0, c0)}:${cellAddress(r1, c1)}`;
        });
      },
      getRangeByIndexes(r: number, c: number, n: number, m: number) {
        return makeRange(find, () => `${cellAddress(r, c)}:${cellAddress(r + n - 1, c + m - 1)}`);
      },
      getRange(a: string) {
        return makeRange(find, () => a);
      },
      getRanges(address: string) {
        counters.maxAddressLength = Math.max(counters.maxAddressLength, address.length);
        if (address.length > 8192)
          throw new Error("InvalidArgument: address longer than 8192 characters");
        return {
          format: {
            fill: {
              set color(c: string) {
                enqueue(() =>
                  address
                    .split(",")
                    .forEach((part) =>
                      rangeCells(part).forEach(
                        (a) => (find()!.cell(a).fill = { color: c, pattern: "Solid" })
                      )
                    )
                );
              },
            },
          },
        };
      },
      get notes() {
        needs(18, "Worksheet.notes");
        return (this as { _notes: unknown })._notes;
      },
      _notes: {
        add(cell: string, content: string) {
          enqueue(() => {
            if (find()!.notes.has(cell))
              throw new Error("InvalidArgument: the cell already has a note");
            find()!.notes.set(cell, content);
          });
        },
        getItemOrNullObject(cell: string) {
          const content = new Deferred<string>();
          const isNull = new Deferred<boolean>();
          const note = {
            load() {
              enqueue(() => {
                const c = find()?.notes.get(cell);
                isNull.set(c === undefined);
                content.set(c ?? "");
                charge(c);
              });
              return note;
            },
            get isNullObject() {
              return isNull.get("isNullObject");
            },
            get content() {
              return content.get("content");
            },
            set content(v: string) {
              enqueue(() => {
                if (find()?.notes.has(cell)) find()!.notes.set(cell, v);
              });
            },
            delete() {
              enqueue(() => find()?.notes.delete(cell));
            },
          };
          return note;
        },
      },
      charts: {
        add() {
          const chart = { title: "" };
          enqueue(() => find()!.charts.push(chart));
          return {
            series: { getItemAt: () => ({ setValues: () => undefined }) },
            title: {
              set text(t: string) {
                chart.title = t;
              },
            },
            legend: { visible: true },
            setPosition: () => undefined,
          };
        },
      },
      activate() {
        enqueue(() => wb.sheets.forEach((s) => (s.active = s.name === name())));
      },
      delete() {
        enqueue(() => (wb.sheets = wb.sheets.filter((s) => s.name !== name())));
      },
    };
    return sheet;
  }

  const items = new Deferred<Record<string, unknown>[]>();
  type ChangeHandler = (e: Excel.WorksheetChangedEventArgs) => Promise<unknown>;
  const changeHandlers = new Set<ChangeHandler>();
  const workbook = {
    worksheets: {
      get onChanged() {
        needs(9, "WorksheetCollection.onChanged");
        return {
          add(h: ChangeHandler) {
            enqueue(() => changeHandlers.add(h));
            return {
              context,
              remove() {
                enqueue(() => changeHandlers.delete(h));
              },
            };
          },
        };
      },
      load() {
        enqueue(() => {
          items.set(wb.sheets.map((s) => makeSheet(() => s.name)));
          charge(wb.sheets.map((s) => s.name));
        });
        return workbook.worksheets;
      },
      get items() {
        return items.get("worksheets.items");
      },
      getItem(n: string) {
        return makeSheet(() => n);
      },
      getItemOrNullObject(n: string) {
        return makeSheet(() => n);
      },
      add(n: string) {
        enqueue(() => {
          if (wb.sheet(n)) throw new Error(`ItemAlreadyExists: ${n}`);
          wb.sheets.push(new FakeSheet(n));
        });
        return makeSheet(() => n);
      },
    },
    customXmlParts: {
      add(xml: string) {
        const ns = /xmlns="([^"]+)"/.exec(xml)?.[1] ?? "";
        enqueue(() => wb.customXml.push({ ns, xml }));
      },
      getByNamespace(ns: string) {
        return {
          getOnlyItemOrNullObject() {
            const xml = new Deferred<string>();
            const isNull = new Deferred<boolean>();
            enqueue(() => {
              const parts = wb.customXml.filter((p) => p.ns === ns);
              // Like Excel: with two parts it is a null object too (not an error), so callers can't tell.
              isNull.set(parts.length !== 1);
              xml.set(parts[0]?.xml ?? "");
              charge(parts[0]?.xml);
            });
            return {
              get isNullObject() {
                return isNull.get("isNullObject");
              },
              getXml() {
                return {
                  get value() {
                    return xml.get("getXml");
                  },
                };
              },
              delete() {
                enqueue(() => (wb.customXml = wb.customXml.filter((p) => p.ns !== ns)));
              },
            };
          },
        };
      },
    },
    settings: {
      getItemOrNullObject(key: string) {
        const v = new Deferred<string>();
        const isNull = new Deferred<boolean>();
        const item = {
          load() {
            enqueue(() => {
              isNull.set(!wb.settings.has(key));
              v.set(wb.settings.get(key) ?? "");
            });
            return item;
          },
          get isNullObject() {
            return isNull.get("isNullObject");
          },
          get value() {
            return v.get("value");
          },
        };
        return item;
      },
      add(key: string, value: string) {
        enqueue(() => wb.settings.set(key, value));
      },
    },
  };

  const context = {
    workbook,
    application: {
      suspendScreenUpdatingUntilNextSync() {
        counters.suspends++;
      },
    },
    async sync() {
      counters.syncs++;
      payload = 0;
      const q = queue;
      queue = [];
      for (const t of q) t();
      counters.payloads.push(payload);
    },
  };
  return {
    run: async (f) => f(context as unknown as Excel.RequestContext),
    counters,
    emitChanged: async (args = {}) => {
      const e = {
        type: "WorksheetChanged",
        changeType: "RangeEdited",
        source: "Local",
        address: "A1",
        worksheetId: "{S1}",
        ...args,
      } as Excel.WorksheetChangedEventArgs;
      // Without ExcelApi 1.14 the event has no triggerSource.
      if (maxMinor < 14) delete (e as { triggerSource?: unknown }).triggerSource;
      for (const h of [...changeHandlers]) await h(e);
    },
    changeHandlers: () => changeHandlers.size,
  };
}
