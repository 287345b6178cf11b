/**
 * @jest-environment jsdom
 *
 * Marks that can always be cleared exactly and never touch what the user changed, through Microsoft's Office.js
 * (test/host/excel/officejs/harness.ts). Each case does what a user does between 标注 and 清除标注 — delete or
 * insert a row, rename the sheet, edit junheng's note, change a marked cell's fill, protect a sheet, have a
 * threaded comment on a marked cell, end up with two record parts — and checks every user cell afterwards.
 */
// First: the host writes .xlsx (the 申报表), whose module needs TextDecoder, which jsdom lacks.
import "../../../ui/domShims";
import { buildMarks } from "../../../../src/present/buildMarks";
import { CellMark } from "../../../../src/present/marks";
import { checkWorkbook } from "../../../../src/engine/report";
import { createExcelHost } from "../../../../src/host/excel/excelHost";
import { MARKS_NAMESPACE } from "../../../../src/host/excel/markState";
import { SECTION16_HEADER, SECTION16_ROWS } from "../../../engine/helpers";
import { createHarness, PROFILE } from "./harness";
import { ModelSheet, parseRect, WorkbookModel } from "./model";

const never = { cancelled: false };
const noProgress = (): void => undefined;
const PINK = "#FFC7CE";

/** §16's four primary schools at B3:L7 (header row 3), a title merged over B2:L2. */
function section16(): WorkbookModel {
  const s = new ModelSheet("小学").setRows(
    [["某县小学资源配置"], SECTION16_HEADER, ...SECTION16_ROWS],
    "B2"
  );
  s.merges = [parseRect("B2:L2")];
  return new WorkbookModel([s]);
}

async function setup(wb: WorkbookModel, maxMinor: number = PROFILE.m365) {
  const h = createHarness(wb, maxMinor);
  const host = createExcelHost(h.run, h.isSetSupported);
  const input = await host.readWorkbook(noProgress, never);
  const marks: CellMark[] = buildMarks(checkWorkbook(input).allFindings, "zh-CN");
  return { h, host, marks };
}

test("§16: C小学's key teachers (E6) get the pink rule and a note; the user's own note stays in front", async () => {
  const wb = section16();
  const s = wb.sheet("小学")!;
  s.cell(5, 4).fill = "#00B0F0"; // E6: the user's blue fill
  s.setNote("E6", "请核实骨干教师名单");
  const before = JSON.stringify(wb.snapshot("小学"));
  const { host, marks } = await setup(wb);
  expect(marks.find((m) => m.cell === "E6")).toMatchObject({ kind: "standard" });
  const out = await host.applyMarks(marks, noProgress);
  expect(out).toEqual({
    marked: marks.length,
    protectedSheets: [],
    commentCells: [],
    changedNotes: 0,
  });
  expect(s.shownFill("E6")).toBe(PINK);
  expect(s.get("E6")!.fill).toBe("#00B0F0"); // the user's own fill is underneath, untouched
  // §16: C小学 2 key teachers × 100 ÷ 300 students = 0.67 < 1.
  expect(s.note("E6")).toMatch(/^请核实骨干教师名单\n\n每百名学生拥有县级以上骨干教师数 0\.67 < 1/);
  await host.clearMarks();
  expect(JSON.stringify(wb.snapshot("小学"))).toBe(before);
  expect(wb.partsIn(MARKS_NAMESPACE)).toHaveLength(0);
});

test("a re-check replaces the first marks; one clear restores the original", async () => {
  const wb = section16();
  wb.sheet("小学")!.setNote("E6", "用户批注");
  const before = JSON.stringify(wb.snapshot("小学"));
  const { host, marks } = await setup(wb);
  await host.applyMarks(marks, noProgress);
  await host.applyMarks(marks, noProgress);
  expect(wb.sheet("小学")!.note("E6")!.split("\n\n")).toHaveLength(2);
  expect(wb.sheet("小学")!.rules.length).toBeGreaterThan(0);
  await host.clearMarks();
  expect(JSON.stringify(wb.snapshot("小学"))).toBe(before);
});

describe("between 标注 and 清除标注 the user…", () => {
  test("deletes a row: nothing of junheng's stays, and the next school's own note and fill are kept", async () => {
    const wb = section16();
    const s = wb.sheet("小学")!;
    // D小学 (row 7) has its own note and fill on E7 — the cell that moves up into E6 when row 6 goes.
    s.setNote("E7", "D校自己的批注");
    s.cell(6, 4).fill = "#92D050";
    const { host, marks } = await setup(wb);
    await host.applyMarks(marks, noProgress);
    s.deleteRow(5); // C小学's row (Excel row 6)
    await host.clearMarks();
    expect(s.note("E6")).toBe("D校自己的批注");
    expect(s.shownFill("E6")).toBe("#92D050");
    expect([...s.notes.values()]).toEqual(["D校自己的批注"]);
    expect(s.rules).toHaveLength(0);
  });

  test("inserts a row: junheng's notes and fills are removed where they moved to; the new row is untouched", async () => {
    const wb = section16();
    const s = wb.sheet("小学")!;
    const { host, marks } = await setup(wb);
    await host.applyMarks(marks, noProgress);
    s.insertRows(4); // a new school above B小学
    s.setRows([["新小学", 500]], "B5");
    s.setNote("E5", "新学校的批注");
    await host.clearMarks();
    expect([...s.notes.values()]).toEqual(["新学校的批注"]);
    expect(s.rules).toHaveLength(0);
    expect(s.value("B7")).toBe("C小学");
  });

  test("renames the sheet: clear still finds and removes every mark", async () => {
    const wb = section16();
    const before = JSON.stringify(wb.snapshot("小学"));
    const { host, marks } = await setup(wb);
    await host.applyMarks(marks, noProgress);
    wb.sheet("小学")!.name = "小学（2024）";
    await host.clearMarks();
    wb.sheet("小学（2024）")!.name = "小学";
    expect(JSON.stringify(wb.snapshot("小学"))).toBe(before);
  });

  test("edits junheng's note: that note is left as the user wrote it and reported; the rest is cleared", async () => {
    const wb = section16();
    const s = wb.sheet("小学")!;
    const { host, marks } = await setup(wb);
    await host.applyMarks(marks, noProgress);
    const edited = `${s.note("E6")}\n已核实，名单无误。`;
    s.setNote("E6", edited);
    const out = await host.clearMarks();
    expect(out).toMatchObject({ changedNotes: 1 });
    expect(s.note("E6")).toBe(edited);
    expect(s.notes.size).toBe(1);
    expect(s.rules).toHaveLength(0);
  });

  test("changes a marked cell's fill: the user's new fill is what remains", async () => {
    const wb = section16();
    const s = wb.sheet("小学")!;
    const { host, marks } = await setup(wb);
    await host.applyMarks(marks, noProgress);
    s.cell(5, 4).fill = "#FFFF00"; // the user paints E6 yellow (under junheng's rule)
    await host.clearMarks();
    expect(s.shownFill("E6")).toBe("#FFFF00");
  });

  test("protects the sheet: clear reports it and changes nothing there; after unprotecting, clear finishes", async () => {
    const wb = section16();
    const s = wb.sheet("小学")!;
    const before = JSON.stringify(wb.snapshot("小学"));
    const { host, marks } = await setup(wb);
    await host.applyMarks(marks, noProgress);
    const marked = JSON.stringify(wb.snapshot("小学"));
    s.protected = true;
    expect(await host.clearMarks()).toMatchObject({ protectedSheets: ["小学"] });
    expect(JSON.stringify(wb.snapshot("小学"))).toBe(marked);
    s.protected = false;
    expect(await host.clearMarks()).toMatchObject({ protectedSheets: [], changedNotes: 0 });
    expect(JSON.stringify(wb.snapshot("小学"))).toBe(before);
  });
});

test("a protected sheet is reported when marking and left alone; other sheets are marked", async () => {
  const wb = section16();
  const other = new ModelSheet("初中").setRows(
    [
      SECTION16_HEADER,
      ...SECTION16_ROWS.map((r) => [String(r[0]).replace("小学", "中学"), ...r.slice(1)]),
    ],
    "B3"
  );
  wb.sheets.push(other);
  wb.sheet("小学")!.protected = true;
  const before = JSON.stringify(wb.snapshot("小学"));
  const { host, marks } = await setup(wb);
  const out = await host.applyMarks(marks, noProgress);
  expect(out).toMatchObject({ protectedSheets: ["小学"] });
  expect(JSON.stringify(wb.snapshot("小学"))).toBe(before);
});

test("a threaded comment on a marked cell: fill only there (a cell cannot hold both), reported", async () => {
  const wb = section16();
  const s = wb.sheet("小学")!;
  s.comments.set("5,4", "@王老师 请复核"); // E6
  const { host, marks } = await setup(wb);
  const out = await host.applyMarks(marks, noProgress);
  expect(out).toMatchObject({ commentCells: [{ sheet: "小学", cell: "E6" }] });
  expect(s.note("E6")).toBeUndefined();
  expect(s.shownFill("E6")).toBe(PINK);
  expect(s.notes.size).toBeGreaterThan(0);
  await host.clearMarks();
  expect(s.notes.size).toBe(0);
  expect(s.comments.get("5,4")).toBe("@王老师 请复核");
});

test("two record parts (a crash between writes, or a copied workbook) are merged, and clear removes both", async () => {
  const wb = section16();
  const before = JSON.stringify(wb.snapshot("小学"));
  const { host, marks } = await setup(wb);
  await host.applyMarks(marks, noProgress);
  const [part] = wb.partsIn(MARKS_NAMESPACE);
  wb.parts.push({ ...part, id: "{P-copy}" });
  expect(wb.partsIn(MARKS_NAMESPACE)).toHaveLength(2);
  await host.applyMarks(marks, noProgress); // re-check: no pile-up
  expect(wb.partsIn(MARKS_NAMESPACE)).toHaveLength(1);
  await host.clearMarks();
  expect(JSON.stringify(wb.snapshot("小学"))).toBe(before);
  expect(wb.partsIn(MARKS_NAMESPACE)).toHaveLength(0);
});

test("「忘记标注记录」 drops a corrupted record without touching a cell; the fills can still be cleared", async () => {
  const wb = section16();
  const { host, marks } = await setup(wb);
  await host.applyMarks(marks, noProgress);
  wb.parts.push({
    id: "{P-bad}",
    ns: MARKS_NAMESPACE,
    xml: `<junheng xmlns="${MARKS_NAMESPACE}">garbage</junheng>`,
  });
  const marked = JSON.stringify(wb.snapshot("小学"));
  await host.forgetMarks!();
  expect(wb.partsIn(MARKS_NAMESPACE)).toHaveLength(0);
  expect(JSON.stringify(wb.snapshot("小学"))).toBe(marked);
  // Fills are junheng's rules, found by their marker even without a record; notes without a record are kept.
  await host.clearMarks();
  expect(wb.sheet("小学")!.rules).toHaveLength(0);
});

describe.each([
  ["Office 2021 LTSC", PROFILE.ltsc2021],
  ["Office 2024 LTSC", PROFILE.ltsc2024],
])("%s", (_label, maxMinor) => {
  test("an unguarded host (claims every set) fails with ApiNotFound from the notes API", async () => {
    const wb = section16();
    const { marks } = await setup(wb);
    const h = createHarness(wb, maxMinor);
    const unguarded = createExcelHost(h.run, () => true);
    await expect(unguarded.applyMarks(marks, noProgress)).rejects.toThrow(/ApiNotFound|notes/);
  });

  test("with the profile's answers: fills only, the mode says so; read, mark, report, clear all work", async () => {
    const wb = section16();
    const before = JSON.stringify(wb.snapshot("小学"));
    const { host, marks } = await setup(wb, maxMinor);
    expect(host.mode).toEqual({ marks: "fills-only", excelApi: `1.${maxMinor}`, merges: true });
    await host.applyMarks(marks, noProgress);
    expect(wb.sheet("小学")!.shownFill("E6")).toBe(PINK);
    expect(wb.sheet("小学")!.notes.size).toBe(0);
    await host.clearMarks();
    expect(JSON.stringify(wb.snapshot("小学"))).toBe(before);
  });
});
