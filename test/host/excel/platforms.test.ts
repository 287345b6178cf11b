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
    createWorkbook: true,
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
