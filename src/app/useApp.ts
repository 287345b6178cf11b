/**
 * State of the browser page: the open file (held by the BrowserHost), the last check's result, the active sheet
 * tab, and the file / sample / download actions. Everything stays in this browser tab.
 */
import * as React from "react";
import { formatNumber } from "../engine/format";
import type { CellMark, ReportSheetSpec } from "../present/marks";
import type { CheckResult } from "../engine/report";
import type { Lang } from "../engine/reportTypes";
import type { RawCell, SheetInput } from "../engine/workbook";
import { cellAddress } from "../engine/workbook";
import { XlsxReadError } from "../host/xlsx";
import { strings, type Strings } from "../ui/i18n";
import { BrowserHost, type FileSource, type HostSnapshot } from "./browserHost";
import { CancelledError } from "../ports/sidebarHost";
import { copyFile, derivedName, reportJson, saveBlob } from "./download";
import { EngineClient, pageWorker } from "./engine/client";
import { browserStorage, savedOverrides } from "./overridesStore";
import { FIRST_STANDARD } from "../ui/Sidebar/useSidebar";

/** Same origin as the page (the build copies it next to app.html); CSP connect-src 'self' allows nothing else. */
export const SAMPLE_URL = "samples/county-sample.xlsx";
const SAMPLE_NAME = "county-sample.xlsx";

export interface SheetTab {
  name: string;
  label: string;
  sheet: SheetInput;
  marks: ReadonlyMap<string, CellMark> | undefined;
  markCount: number;
  isReport: boolean;
}

export interface AppState {
  lang: Lang;
  t: Strings;
  host: BrowserHost;
  snap: HostSnapshot;
  result: CheckResult | null;
  error: string | null;
  /** An information line under the header (「已取消生成标注副本。」). */
  notice: string | null;
  loading: string | null;
  /** 下载标注副本 is being written (in the engine worker): the button waits, a progress strip shows. */
  copying: boolean;
  /** Per cent of the marked copy written so far (0 until the worker reports), null when none is written. */
  copyPercent: number | null;
  dragging: boolean;
  tabs: SheetTab[];
  active: SheetTab | null;
}

/** The part of a File System Access FileSystemFileHandle the page uses (Chromium, Edge). */
export interface FileHandleLike {
  getFile(): Promise<File>;
}

type PickerWindow = Window & {
  showOpenFilePicker?: (o: {
    types: { description: string; accept: Record<string, string[]> }[];
    multiple: false;
  }) => Promise<FileHandleLike[]>;
};

export interface AppActions {
  setLang(lang: Lang): void;
  openFile(file: File, handle?: FileHandleLike): void;
  /**
   * 「打开文件…」: the File System Access picker where the browser has one (its handle lets 重新检查 read the
   * file as saved since), else the plain file input (`fallback`).
   */
  pickFile(fallback: () => void): void;
  openSample(): void;
  setActiveSheet(name: string): void;
  selectCell(cell: string): void;
  downloadCopy(): void;
  /** Stops the marked copy being written (the worker is terminated; nothing is downloaded). */
  cancelCopy(): void;
  downloadJson(): void;
  setResult(result: CheckResult): void;
  dismissError(): void;
  dismissNotice(): void;
  dragHandlers: {
    onDragEnter(e: React.DragEvent): void;
    onDragOver(e: React.DragEvent): void;
    onDragLeave(e: React.DragEvent): void;
    onDrop(e: React.DragEvent): void;
  };
}

function initialLang(): Lang {
  const q =
    typeof location !== "undefined" ? new URLSearchParams(location.search).get("lang") : null;
  return q === "en" ? "en" : "zh-CN";
}

/** A picked or dropped file's bytes (FileReader where Blob.arrayBuffer is missing: older embedded browsers). */
export function readFileBytes(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === "function")
    return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error("read failed"));
    reader.readAsArrayBuffer(file);
  });
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The report sheet as the grid shows it: the numbers as they will be formatted in the copy, fail cells red. */
function reportSheetTab(spec: ReportSheetSpec, name: string, t: Strings): SheetTab {
  const rows: RawCell[][] = spec.rows.map((row) =>
    row.map((v) =>
      v !== null && typeof v === "object" ? formatNumber(v.value, v.decimals) : (v as RawCell)
    )
  );
  const marks = new Map<string, CellMark>();
  for (const f of spec.failCells) {
    const cell = cellAddress(f.row, f.col);
    marks.set(cell, { sheet: name, cell, kind: "standard", note: "" });
  }
  return {
    name,
    label: t.reportTab(name),
    sheet: { name, rows, merges: [] },
    marks,
    markCount: 0,
    isReport: true,
  };
}

export function useApp(): [AppState, AppActions] {
  // One engine worker for the page: it reads the file, checks it and writes the marked copy (main thread only
  // where no worker starts, e.g. file://: src/app/engine/client.ts).
  const engine = React.useMemo(() => new EngineClient(pageWorker), []);
  const host = React.useMemo(
    () =>
      new BrowserHost(
        browserStorage(),
        (bytes, cancel) => engine.parse(bytes, undefined, cancel),
        engine
      ),
    [engine]
  );
  const snap = React.useSyncExternalStore(host.subscribe, host.getSnapshot);
  const [lang, setLang] = React.useState<Lang>(initialLang);
  const t = strings(lang);
  const [result, setResult] = React.useState<CheckResult | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [loading, setLoading] = React.useState<string | null>(null);
  const [copyPercent, setCopyPercent] = React.useState<number | null>(null);
  const copying = copyPercent !== null;
  const copyToken = React.useRef<{ cancelled: boolean } | null>(null);
  const [notice, setNotice] = React.useState<string | null>(null);
  const [dragging, setDragging] = React.useState(false);
  const [activeName, setActiveName] = React.useState<string | null>(null);
  const latestLang = React.useRef(lang);
  latestLang.current = lang;

  const openBytes = React.useCallback(
    (name: string, bytes: Uint8Array, source?: FileSource): void => {
      const tt = strings(latestLang.current);
      setLoading(tt.reading(name));
      // The worker checks the values as soon as it has read them, with what the pane's 开始检查 will send
      // (its first standard, this browser's saved corrections): the verdict is ready when the clerk asks.
      engine
        .parse(bytes, undefined, undefined, {
          standard: FIRST_STANDARD,
          saved: savedOverrides(browserStorage()),
        })
        .then(
          (workbook) => {
            setLoading(null);
            if (host.awaitingRepick(name)) {
              // The file the pane asked for after it changed on disk: same pane, so 重新检查 can say what changed.
              host.replaceFile(bytes, workbook, source);
              setError(null);
              return;
            }
            host.openFile(name, bytes, workbook, source);
            setResult(null);
            setError(null);
            setActiveName(workbook.sheets[0]?.name ?? null);
            document.title = `${tt.appTitle} — ${name}`;
          },
          (e: unknown) => {
            setLoading(null);
            const why =
              e instanceof XlsxReadError ? (tt.readErrorCode[e.code] ?? e.message) : messageOf(e);
            setError(tt.readError(name, why));
          }
        );
    },
    [host, engine]
  );

  const openFile = React.useCallback(
    (file: File, handle?: FileHandleLike): void => {
      const tt = strings(latestLang.current);
      if (!/\.(xlsx|xlsm)$/i.test(file.name)) {
        setError(tt.readError(file.name, tt.notXlsxName));
        return;
      }
      setLoading(tt.reading(file.name));
      const source: FileSource = handle
        ? { kind: "handle", read: async () => readFileBytes(await handle.getFile()) }
        : { kind: "file", read: () => readFileBytes(file) };
      readFileBytes(file).then(
        (bytes) => openBytes(file.name, bytes, source),
        (e: unknown) => {
          setLoading(null);
          setError(tt.readError(file.name, messageOf(e)));
        }
      );
    },
    [openBytes]
  );

  const pickFile = React.useCallback(
    (fallback: () => void): void => {
      const w = window as PickerWindow;
      if (typeof w.showOpenFilePicker !== "function") {
        fallback();
        return;
      }
      w.showOpenFilePicker({
        types: [
          {
            description: "Excel",
            accept: {
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": [
                ".xlsx",
                ".xlsm",
              ],
            },
          },
        ],
        multiple: false,
      }).then(
        async ([h]) => {
          if (h) openFile(await h.getFile(), h);
        },
        (e: unknown) => {
          // AbortError: the user closed the picker. Anything else (a policy, an embedded browser): the input.
          if (!(e instanceof DOMException && e.name === "AbortError")) fallback();
        }
      );
    },
    [openFile]
  );

  const openSample = React.useCallback((): void => {
    const tt = strings(latestLang.current);
    setLoading(tt.reading(SAMPLE_NAME));
    fetch(SAMPLE_URL)
      .then((r) => {
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        return r.arrayBuffer();
      })
      .then(
        (buf) => openBytes(SAMPLE_NAME, new Uint8Array(buf)),
        (e: unknown) => {
          setLoading(null);
          setError(tt.sampleError(messageOf(e)));
        }
      );
  }, [openBytes]);

  // The engine worker loads while the clerk picks a file.
  React.useEffect(() => engine.warm(), [engine]);

  // `app.html?sample=1` (the address npm start prints) opens the bundled sample straight away.
  React.useEffect(() => {
    if (
      typeof location !== "undefined" &&
      new URLSearchParams(location.search).get("sample") === "1"
    ) {
      openSample();
    }
    // Once, on load.
  }, []);

  // The sidebar selects a cell: show its sheet (the grid scrolls to it and outlines it).
  const selSeq = snap.selection?.seq;
  React.useEffect(() => {
    if (snap.selection) setActiveName(snap.selection.sheet);
    // Deliberately not in the deps: follow each new selection only
  }, [selSeq]);

  const tabs = React.useMemo((): SheetTab[] => {
    if (!snap.file) return [];
    const list: SheetTab[] = snap.file.workbook.sheets.map((sheet) => {
      const marks = snap.marks.get(sheet.name);
      return {
        name: sheet.name,
        label: sheet.name,
        sheet,
        marks,
        markCount: marks?.size ?? 0,
        isReport: false,
      };
    });
    if (snap.reportSpec && snap.reportSheetName)
      list.push(reportSheetTab(snap.reportSpec, snap.reportSheetName, t));
    return list;
  }, [snap.file, snap.marks, snap.reportSpec, snap.reportSheetName, t]);

  const active = tabs.find((x) => x.name === activeName) ?? tabs[0] ?? null;

  const selectCell = React.useCallback(
    (cell: string): void => {
      if (active) void host.selectCell(active.name, cell);
    },
    [host, active]
  );

  const downloadCopy = React.useCallback((): void => {
    const file = host.getSnapshot().file;
    if (!file || !result || copyToken.current) return;
    const tt = strings(latestLang.current);
    const s = host.getSnapshot();
    const mine = { cancelled: false };
    copyToken.current = mine;
    setCopyPercent(0);
    setNotice(null);
    const done = (): boolean => {
      if (copyToken.current !== mine) return false;
      copyToken.current = null;
      setCopyPercent(null);
      return true;
    };
    engine
      .markedCopy(
        file.bytes,
        result,
        latestLang.current,
        s.markList,
        s.reportSpec,
        (p) => {
          if (copyToken.current === mine && p.total > 0)
            setCopyPercent(Math.round((100 * p.done) / p.total));
        },
        mine,
        file.workbook
      )
      .then(
        (bytes) => {
          if (!done()) return;
          const copy = copyFile(file.name, tt.copySuffix);
          saveBlob(bytes, copy.name, copy.type);
        },
        (e: unknown) => {
          if (!done()) return;
          if (e instanceof CancelledError) setNotice(tt.copyCancelled);
          else setError(tt.downloadFailed(messageOf(e)));
        }
      );
  }, [host, engine, result]);

  const cancelCopy = React.useCallback((): void => {
    const mine = copyToken.current;
    if (!mine) return;
    // The client sees the flag within 40 ms and terminates the worker; the promise then rejects (CancelledError).
    mine.cancelled = true;
  }, []);

  const downloadJson = React.useCallback((): void => {
    const file = host.getSnapshot().file;
    if (!file || !result) return;
    const tt = strings(latestLang.current);
    saveBlob(
      reportJson(result, latestLang.current),
      derivedName(file.name, tt.jsonSuffix, "json"),
      "application/json"
    );
  }, [host, result]);

  const hasFiles = (e: React.DragEvent): boolean =>
    Array.from(e.dataTransfer.types).includes("Files");
  const dragHandlers = {
    onDragEnter: (e: React.DragEvent): void => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(true);
    },
    onDragOver: (e: React.DragEvent): void => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = "copy";
    },
    onDragLeave: (e: React.DragEvent): void => {
      if (e.relatedTarget === null) setDragging(false);
    },
    onDrop: (e: React.DragEvent): void => {
      e.preventDefault();
      setDragging(false);
      const file = e.dataTransfer.files[0];
      if (!file) return;
      // Chromium hands a dropped file's File System Access handle too (asked for during the event).
      const item = e.dataTransfer.items?.[0] as
        (DataTransferItem & { getAsFileSystemHandle?: () => Promise<unknown> }) | undefined;
      const pending = item?.getAsFileSystemHandle?.();
      if (!pending) {
        openFile(file);
        return;
      }
      pending.then(
        (h) =>
          openFile(
            file,
            h && typeof (h as FileHandleLike).getFile === "function"
              ? (h as FileHandleLike)
              : undefined
          ),
        () => openFile(file)
      );
    },
  };

  const state: AppState = {
    lang,
    t,
    host,
    snap,
    result,
    error,
    loading,
    copying,
    copyPercent,
    notice,
    dragging,
    tabs,
    active,
  };
  const actions: AppActions = {
    setLang,
    openFile,
    pickFile,
    openSample,
    setActiveSheet: setActiveName,
    selectCell,
    downloadCopy,
    cancelCopy,
    downloadJson,
    setResult,
    dismissError: () => setError(null),
    dismissNotice: () => setNotice(null),
    dragHandlers,
  };
  return [state, actions];
}
