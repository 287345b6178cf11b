/** The browser page's SidebarHost and where it keeps corrections. */
import { BrowserHost, NoFileError } from "../../../src/app/browserHost";
import { headerSignature, OverridesStore, overridesKey } from "../../../src/app/overridesStore";
import { sampleWorkbook } from "../helpers";

/** An in-memory Storage (localStorage's interface). */
class MemoryStorage implements Storage {
  private map = new Map<string, string>();
  get length(): number {
    return this.map.size;
  }
  clear(): void {
    this.map.clear();
  }
  getItem(k: string): string | null {
    return this.map.get(k) ?? null;
  }
  key(i: number): string | null {
    return [...this.map.keys()][i] ?? null;
  }
  removeItem(k: string): void {
    this.map.delete(k);
  }
  setItem(k: string, v: string): void {
    this.map.set(k, v);
  }
}

const noProgress = (): void => undefined;

test("reads the open file, or says no file is open", async () => {
  const host = new BrowserHost(null);
  await expect(host.readWorkbook(noProgress, { cancelled: false })).rejects.toBeInstanceOf(
    NoFileError
  );
  const wb = sampleWorkbook();
  host.openFile("a.xlsx", new Uint8Array([1]), wb);
  await expect(host.readWorkbook(noProgress, { cancelled: false })).resolves.toBe(wb);
});

test("marks, clear, selection and report sheet are published to subscribers", async () => {
  const host = new BrowserHost(null);
  const wb = sampleWorkbook();
  host.openFile("a.xlsx", new Uint8Array([1]), wb);
  let notified = 0;
  const off = host.subscribe(() => notified++);
  await host.applyMarks(
    [
      { sheet: "学校基本情况", cell: "K9", kind: "standard", note: "还差 2 名" },
      { sheet: "学校基本情况", cell: "K16", kind: "data", note: "未填写" },
    ],
    noProgress
  );
  expect(host.getSnapshot().marks.get("学校基本情况")?.get("K9")?.kind).toBe("standard");
  await host.selectCell("学校基本情况", "K9");
  await host.selectCell("学校基本情况", "K9");
  expect(host.getSnapshot().selection).toEqual({ sheet: "学校基本情况", cell: "K9", seq: 2 });
  await expect(host.selectCell("学校基本情况", "not a cell")).rejects.toThrow();
  await host.clearMarks();
  expect(host.getSnapshot().marks.size).toBe(0);
  const name = await host.writeReportSheet({
    name: "学校基本情况",
    rows: [],
    boldRows: [],
    columnWidths: [],
    failCells: [],
  });
  expect(name).toBe("学校基本情况 (2)");
  expect(notified).toBe(5);
  off();
  // A new file forgets the previous file's marks, report and selection.
  host.openFile("b.xlsx", new Uint8Array([2]), wb);
  expect(host.getSnapshot()).toMatchObject({ reportSpec: null, selection: null, markList: [] });
});

test("corrections persist in localStorage under a key from the header rows", async () => {
  const storage = new MemoryStorage();
  const wb = sampleWorkbook();
  const host = new BrowserHost(storage);
  host.openFile("a.xlsx", new Uint8Array([1]), wb);
  expect(await host.loadOverrides()).toBeNull();
  await host.saveOverrides({ 学校基本情况: { stage: "primary" } });
  expect(storage.getItem(overridesKey(wb))).toBe('{"学校基本情况":{"stage":"primary"}}');

  // Another file from the same template (different numbers, different title) finds them.
  const next = sampleWorkbook();
  next.sheets[0].rows[0] = ["××县2026年义务教育学校办学条件统计表"];
  next.sheets[0].rows[8] = next.sheets[0].rows[8].map((v) => (typeof v === "number" ? v + 1 : v));
  const host2 = new BrowserHost(storage);
  host2.openFile("b.xlsx", new Uint8Array([1]), next);
  expect(await host2.loadOverrides()).toEqual({ 学校基本情况: { stage: "primary" } });

  // Saving no corrections removes the entry.
  await host2.saveOverrides({});
  expect(storage.length).toBe(0);
});

test("the header signature: sheet name and header rows, not the title or the data", () => {
  const sig = headerSignature(sampleWorkbook());
  expect(sig.startsWith("学校基本情况\n")).toBe(true);
  expect(sig).toContain("学校名称");
  expect(sig).not.toContain("××县");
  expect(sig).not.toContain("城关第一小学");
  const moved = sampleWorkbook();
  const header = moved.sheets[0].rows.find((r) => r?.includes("学校名称")) as unknown[];
  header[header.indexOf("学校名称")] = "校名";
  expect(overridesKey(moved)).not.toBe(overridesKey(sampleWorkbook()));
});

test("a broken or unavailable store never breaks a check", () => {
  const storage = new MemoryStorage();
  const wb = sampleWorkbook();
  storage.setItem(overridesKey(wb), "{not json");
  expect(new OverridesStore(storage).load(wb)).toBeNull();
  expect(new OverridesStore(null).load(wb)).toBeNull();
});
