/**
 * 重新检查 in the browser reads the file again: through a File System Access handle (always the file as saved), or
 * a picked File — which Chromium refuses to read once the file changed on disk, and then the pane must ask for the
 * file again (RereadError) instead of checking the old values; picking it keeps the pane.
 */
import { BrowserHost } from "../../../src/app/browserHost";
import type { FileSource } from "../../../src/app/browserHost";
import type { WorkbookInput } from "../../../src/engine/workbook";
import { RereadError } from "../../../src/ui/rereadError";

const noProgress = (): void => undefined;
const go = { cancelled: false };

/** A "file" is one byte; parsing it gives a one-sheet workbook whose A1 is that byte. */
const parse = (bytes: Uint8Array): WorkbookInput => ({
  sheets: [{ name: "S", rows: [[bytes[0]]], merges: [] }],
});
const a1 = (wb: WorkbookInput): unknown => wb.sheets[0].rows[0][0];

test("a handle: the first check uses the values read on opening, 重新检查 the file as saved since", async () => {
  let onDisk = 1;
  const source: FileSource = { kind: "handle", read: async () => new Uint8Array([onDisk]) };
  const host = new BrowserHost(null, parse);
  const file = host.openFile("a.xlsx", new Uint8Array([1]), parse(new Uint8Array([1])), source);
  await host.applyMarks([{ sheet: "S", cell: "A1", kind: "data", note: "" }], noProgress);
  await host.selectCell("S", "A1");
  expect(a1(await host.readWorkbook(noProgress, go))).toBe(1);
  onDisk = 2; // the clerk fixes A1 in WPS and saves
  expect(a1(await host.readWorkbook(noProgress, go))).toBe(2);
  const snap = host.getSnapshot();
  expect(snap.file?.id).toBe(file.id); // same file: the pane is not restarted
  expect(a1(snap.file?.workbook as WorkbookInput)).toBe(2); // the grid shows the new values
  expect(snap.markList).toEqual([]); // marks of the old values are gone
  expect(snap.selection?.cell).toBe("A1"); // the grid keeps its place
});

test("a picked File that changed on disk: RereadError, and picking it again keeps the pane", async () => {
  const source: FileSource = {
    kind: "file",
    read: async () => {
      throw new DOMException("changed", "NotReadableError");
    },
  };
  const host = new BrowserHost(null, parse);
  const file = host.openFile("a.xlsx", new Uint8Array([1]), parse(new Uint8Array([1])), source);
  await host.readWorkbook(noProgress, go);
  const second = host.readWorkbook(noProgress, go);
  await expect(second).rejects.toBeInstanceOf(RereadError);
  await expect(second).rejects.toMatchObject({ fileName: "a.xlsx" });
  expect(host.awaitingRepick("a.xlsx")).toBe(true);
  expect(host.awaitingRepick("b.xlsx")).toBe(false);
  host.replaceFile(new Uint8Array([3]), parse(new Uint8Array([3])));
  expect(host.getSnapshot().file?.id).toBe(file.id);
  expect(host.awaitingRepick("a.xlsx")).toBe(false);
  expect(a1(await host.readWorkbook(noProgress, go))).toBe(3);
});

test("the bundled sample (no source) is never read again", async () => {
  const host = new BrowserHost(null, () => {
    throw new Error("must not parse");
  });
  const wb = parse(new Uint8Array([7]));
  host.openFile("county-sample.xlsx", new Uint8Array([7]), wb);
  await host.readWorkbook(noProgress, go);
  await expect(host.readWorkbook(noProgress, go)).resolves.toBe(wb);
});
