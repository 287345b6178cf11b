/**
 * Platform profiles on the counting fake: an Office 2021 LTSC (ExcelApi 1.14) or 2024 LTSC (1.17) fake throws
 * ApiNotFound for any member above its ceiling, like Office would. The host must ask isSetSupported and fall
 * back (fills only; no merges below 1.13) — and say which mode it is in.
 */
import { createExcelHost } from "../../../src/host/excel/excelHost";
import { detectCapabilities } from "../../../src/host/excel/platform";
import { modeText } from "../../../src/taskpane/modeNotice";
import { SECTION16_HEADER, SECTION16_ROWS } from "../../engine/helpers";
import { createFakeExcel, FakeSheet, FakeWorkbook, PROFILES, profileSupports } from "./fakeExcel";

const never = { cancelled: false };
const noProgress = (): void => undefined;

function workbook(): FakeWorkbook {
  const s = FakeSheet.fromRows(
    "小学",
    [["某县小学资源配置"], SECTION16_HEADER, ...SECTION16_ROWS],
    "B2"
  );
  s.merges = ["B2:L2"];
  return new FakeWorkbook([s]);
}

test("capabilities per profile: notes only from ExcelApi 1.18, merges from 1.13", () => {
  expect(detectCapabilities(profileSupports(PROFILES.ltsc2021))).toEqual({
    notes: false,
    merges: true,
    addinTrigger: true,
    dataValidation: true,
    hiddenRows: true,
    excelApi: "1.14",
  });
  expect(detectCapabilities(profileSupports(PROFILES.ltsc2024))).toMatchObject({
    notes: false,
    excelApi: "1.17",
  });
  expect(detectCapabilities(profileSupports(PROFILES.m365))).toMatchObject({ notes: true });
  expect(detectCapabilities(profileSupports(12))).toMatchObject({
    merges: false,
    addinTrigger: false,
    excelApi: "1.12",
  });
});

// Marking under each profile (and an unguarded host failing with ApiNotFound) runs through Microsoft's
// Office.js: test/host/excel/officejs/marks.test.ts.

test("below ExcelApi 1.13 the read goes on without merges, and the pane says so", async () => {
  const { run } = createFakeExcel(workbook(), { maxMinor: 12 });
  const host = createExcelHost(run, profileSupports(12));
  const input = await host.readWorkbook(noProgress, never);
  expect(input.sheets[0].merges).toEqual([]);
  expect(input.sheets[0].rows[3][1]).toBe("A小学");
  expect(modeText(host.mode!, "en")).toMatch(/Merged cells cannot be read/);
});

test("Microsoft 365: fills and notes, and no notice", () => {
  const { run } = createFakeExcel(workbook());
  const host = createExcelHost(run, profileSupports(PROFILES.m365));
  expect(host.mode?.marks).toBe("fills-and-notes");
  expect(modeText(host.mode!, "zh-CN")).toBeNull();
});

describe.each([
  ["Office 2021 LTSC", PROFILES.ltsc2021],
  ["Microsoft 365", PROFILES.m365],
])("hidden rows on %s (the fake)", (_label, maxMinor) => {
  test("rows hidden in the used range reach SheetInput.hiddenRows; without ExcelApi 1.3 they do not", async () => {
    const wb = workbook();
    // B5 (0-based row 4) holds B小学 in the §16 layout; hide it and the row below.
    wb.sheets[0].hiddenRows = new Set([4, 5]);
    const { run, counters } = createFakeExcel(wb, { maxMinor });
    const input = await createExcelHost(run, profileSupports(maxMinor)).readWorkbook(
      noProgress,
      never
    );
    expect(input.sheets[0].hiddenRows).toEqual([4, 5]);
    // sheets + used ranges + merges + hidden rows (blocks) + visible view of the mixed block + values.
    expect(counters.syncs).toBe(6);
    const older = createFakeExcel(workbook(), { maxMinor });
    const without = await createExcelHost(older.run, (n, v) =>
      n === "ExcelApi" && (v === "1.2" || v === "1.3") ? false : profileSupports(maxMinor)(n, v)
    ).readWorkbook(noProgress, never);
    expect(without.sheets[0].hiddenRows).toBeUndefined();
    expect(older.counters.syncs).toBe(4);
  });
});
