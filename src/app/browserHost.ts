/**
 * The SidebarHost of the browser page: the workbook is a local .xlsx already read with readXlsx; marks are shown in
 * the page's own grid; the report sheet is remembered for the download; corrections live in localStorage.
 * Nothing is sent anywhere. The page's React tree follows this object through subscribe/getSnapshot
 * (useSyncExternalStore).
 */
import type { CellMark, ReportSheetSpec } from "../present/marks";
import type { CheckOverrides } from "../engine/overrides";
import type { WorkbookInput } from "../engine/workbook";
import { parseAddress } from "../engine/workbook";
import { uniqueSheetName } from "../host/xlsx/write";
import { writeNewWorkbook, type WorkbookSpec } from "../host/xlsx/newWorkbook";
import { saveBlob, XLSX_TYPE } from "./download";
import type { CheckOptions, CheckResult } from "../engine/report";
import type { CancelToken, Progress, SidebarHost } from "../ui/host";
import type { EngineClient } from "./engine/client";
import { CancelledError } from "../ui/host";
import { RereadError } from "../ui/rereadError";
import { OverridesStore } from "./overridesStore";

/** Where an open file's bytes can be read again for 重新检查 (a File System Access handle, a picked File). */
export interface FileSource {
  /** "handle": always the file as it is now; "file": a picked File, unreadable once the file changed on disk. */
  kind: "handle" | "file";
  read(): Promise<Uint8Array>;
}

export interface OpenFile {
  /** Changes with every file opened (the sidebar restarts). */
  id: number;
  name: string;
  bytes: Uint8Array;
  workbook: WorkbookInput;
  /** Reads the file again; absent for the bundled sample (it cannot change). */
  source?: FileSource;
  /** Times the file was read again for a check (the grid shows the values of the latest read). */
  reads: number;
}

export interface Selection {
  sheet: string;
  cell: string;
  /** Increments on every selectCell, so selecting the same cell again scrolls again. */
  seq: number;
}

export interface HostSnapshot {
  file: OpenFile | null;
  /** Marks shown in the grid, by sheet then A1 address. */
  marks: ReadonlyMap<string, ReadonlyMap<string, CellMark>>;
  markList: readonly CellMark[];
  reportSpec: ReportSheetSpec | null;
  reportSheetName: string | null;
  selection: Selection | null;
}

const EMPTY: HostSnapshot = {
  file: null,
  marks: new Map(),
  markList: [],
  reportSpec: null,
  reportSheetName: null,
  selection: null,
};

export class NoFileError extends Error {
  constructor() {
    super("no file is open");
    this.name = "NoFileError";
  }
}

export class BrowserHost implements SidebarHost {
  readonly kind = "browser" as const;
  private snap: HostSnapshot = EMPTY;
  private listeners = new Set<() => void>();
  private seq = 0;
  private nextId = 1;
  private readonly store: OverridesStore;
  /** The first check uses the values read on opening; every later one reads the file again. */
  private checked = false;
  /** Name of the file the pane asked to pick again (RereadError), until it is picked. */
  private repick: string | null = null;

  /** True when `name` is the file the pane asked for: picking it keeps the sidebar (and its last check). */
  awaitingRepick(name: string): boolean {
    return this.repick !== null && this.repick === name && this.snap.file !== null;
  }

  constructor(
    storage: Storage | null,
    private readonly parse: (
      bytes: Uint8Array,
      cancel: CancelToken
    ) => WorkbookInput | Promise<WorkbookInput> = () => {
      throw new Error("no reader");
    },
    /** The engine worker (src/app/engine/client.ts); without it the sidebar checks on the main thread. */
    engine?: EngineClient
  ) {
    this.store = new OverridesStore(storage);
    if (engine)
      this.check = (
        input: WorkbookInput,
        options: CheckOptions,
        onProgress: (p: Progress) => void,
        cancel: CancelToken
      ): Promise<CheckResult> => engine.check(input, options, onProgress, cancel);
  }

  check?: SidebarHost["check"];

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): HostSnapshot => this.snap;

  private update(patch: Partial<HostSnapshot>): void {
    this.snap = { ...this.snap, ...patch };
    for (const l of this.listeners) l();
  }

  /** A newly opened file: forgets the previous file's marks, report sheet and selection. */
  openFile(
    name: string,
    bytes: Uint8Array,
    workbook: WorkbookInput,
    source?: FileSource
  ): OpenFile {
    const file: OpenFile = { id: this.nextId++, name, bytes, workbook, source, reads: 0 };
    this.checked = false;
    this.repick = null;
    this.update({ ...EMPTY, file });
    return file;
  }

  /**
   * The same file picked again (after the browser could not re-read it): new values, same sidebar — its last
   * check stays, so the next check can say what changed. Marks are dropped (they belong to the old values).
   */
  replaceFile(bytes: Uint8Array, workbook: WorkbookInput, source?: FileSource): OpenFile | null {
    const old = this.snap.file;
    if (!old) return null;
    const file: OpenFile = { ...old, bytes, workbook, source, reads: old.reads + 1 };
    // The values just picked are the ones to check next (no second read).
    this.checked = false;
    this.repick = null;
    this.update({ file, marks: new Map(), markList: [] });
    return file;
  }

  async readWorkbook(
    onProgress: (p: Progress) => void,
    cancel: CancelToken
  ): Promise<WorkbookInput> {
    const file = this.snap.file;
    if (!file) throw new NoFileError();
    if (cancel.cancelled) throw new CancelledError();
    // The first check uses what was read on opening (the grid needed it). 重新检查 reads the file again: a
    // clerk fixes a cell in WPS, saves, and checks — the old values would say nothing changed.
    if (!this.checked || !file.source) {
      this.checked = true;
      onProgress({ phase: "read", done: 1, total: 1 });
      return file.workbook;
    }
    onProgress({ phase: "read", done: 0, total: 1 });
    let bytes: Uint8Array;
    try {
      bytes = await file.source.read();
    } catch {
      // A picked File becomes unreadable once the file on disk changes (NotReadableError): ask again.
      this.repick = file.name;
      throw new RereadError(file.name);
    }
    if (cancel.cancelled) throw new CancelledError();
    const workbook = await this.parse(bytes, cancel);
    if (cancel.cancelled) throw new CancelledError();
    const now: OpenFile = { ...file, bytes, workbook, reads: file.reads + 1 };
    // Values changed: the marks shown belong to the old ones. The selection (and so the grid's place) stays.
    this.update({ file: now, marks: new Map(), markList: [] });
    onProgress({ phase: "read", done: 1, total: 1 });
    return workbook;
  }

  async applyMarks(marks: CellMark[], onProgress: (p: Progress) => void): Promise<void> {
    const bySheet = new Map<string, Map<string, CellMark>>();
    for (const m of marks) {
      let sheet = bySheet.get(m.sheet);
      if (!sheet) bySheet.set(m.sheet, (sheet = new Map()));
      sheet.set(m.cell, m);
    }
    this.update({ marks: bySheet, markList: marks });
    onProgress({ phase: "mark", done: marks.length, total: marks.length });
  }

  async clearMarks(): Promise<void> {
    this.update({ marks: new Map(), markList: [] });
  }

  async writeReportSheet(spec: ReportSheetSpec): Promise<string> {
    const existing = this.snap.file?.workbook.sheets.map((s) => s.name) ?? [];
    const name = uniqueSheetName(spec.name, existing);
    this.update({ reportSpec: spec, reportSheetName: name });
    return name;
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    parseAddress(cell); // throws on a malformed address
    this.update({ selection: { sheet, cell, seq: ++this.seq } });
  }

  async loadOverrides(): Promise<CheckOverrides | null> {
    const file = this.snap.file;
    return file ? this.store.load(file.workbook) : null;
  }

  async saveOverrides(overrides: CheckOverrides): Promise<void> {
    const file = this.snap.file;
    if (file) this.store.save(file.workbook, overrides);
  }

  /** 「下载申报表」, 「下载县级指标模板」: a new workbook made here and handed to the download manager. */
  async saveWorkbook(spec: WorkbookSpec, fileName: string): Promise<void> {
    saveBlob(writeNewWorkbook(spec), fileName, XLSX_TYPE);
  }
}
