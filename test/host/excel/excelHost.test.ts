/**
 * The Office.js host adapter against a counting fake of Excel (fast unit tests): chunked reads, settings and
 * the round-trip bounds stated in docs/office-host.md. Marks, clearing and the report sheet run against
 * Microsoft's own Office.js in test/host/excel/officejs/.
 */
import { checkWorkbook } from "../../../src/engine/report";
import { createExcelHost } from "../../../src/host/excel/excelHost";
import { REQUEST_BUDGET } from "../../../src/host/excel/budget";
import { SECTION16_HEADER, SECTION16_ROWS } from "../../engine/helpers";
import { createFakeExcel, FakeSheet, FakeWorkbook } from "./fakeExcel";

const never = { cancelled: false };
const noProgress = (): void => undefined;

function section16Workbook(): FakeWorkbook {
  const s = FakeSheet.fromRows(
    "小学",
    [["某县小学资源配置"], SECTION16_HEADER, ...SECTION16_ROWS],
    "B2"
  );
  s.merges = ["B2:L2"];
  return new FakeWorkbook([s, FakeSheet.fromRows("说明", [["本表由教育局填写"]])]);
}

describe("readWorkbook", () => {
  test("reads values at their sheet coordinates, with merges, in 5 syncs for a small workbook", async () => {
    const wb = section16Workbook();
    const { run, counters } = createFakeExcel(wb);
    const input = await createExcelHost(run).readWorkbook(noProgress, never);
    expect(input.sheets.map((s) => s.name)).toEqual(["小学", "说明"]);
    const s = input.sheets[0];
    expect(s.rows[2][1]).toBe("学校名称"); // B3
    expect(s.rows[3][1]).toBe("A小学"); // B4
    expect(s.rows[3][2]).toBe(1200);
    expect(s.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 11 }]);
    // 1 sheet list + 1 used ranges + 1 merges + 1 hidden rows (none hidden) + 1 block of values.
    expect(counters.syncs).toBe(5);
    // And the engine reads it exactly as the §16 example.
    expect(
      checkWorkbook(input).report.county.primary!.indicators.key_teachers_per_100.cv
    ).toBeCloseTo(0.169251, 6);
  });

  test("a large sheet is read in blocks that keep every response under 5 MB; syncs grow with data only", async () => {
    const rows: (string | number)[][] = [["学校名称", "在校生数", "图书册数", "备注"]];
    for (let i = 0; i < 60_000; i++)
      rows.push([
        `第${i}小学`,
        500 + (i % 700),
        10_000 + i,
        "这是一段较长的备注文字，用来增加每个单元格的字节数",
      ]);
    const wb = new FakeWorkbook([FakeSheet.fromRows("小学", rows)]);
    const { run, counters } = createFakeExcel(wb);
    let lastProgress = 0;
    const input = await createExcelHost(run).readWorkbook(
      (p) => (lastProgress = p.done / p.total),
      never
    );
    // Blocks are sized by the bytes measured in the previous block: every response stays under the budget
    // (4 MB asserted; Excel on the web refuses 5 MB), and the syncs are about total bytes ÷ budget.
    const bytes = counters.payloads.reduce((a, b) => a + b, 0);
    expect(Math.max(...counters.payloads)).toBeLessThan(4 * 1024 * 1024);
    expect(counters.syncs).toBeLessThanOrEqual(3 + Math.ceil((bytes * 3) / REQUEST_BUDGET) + 2);
    expect(input.sheets[0].rows[60_000][0]).toBe("第59999小学");
    expect(lastProgress).toBe(1);
  }, 60_000);

  test("cancel stops between blocks", async () => {
    const rows: (string | number)[][] = [["学校名称", "在校生数"]];
    for (let i = 0; i < 70_000; i++) rows.push([`第${i}小学`, 500]);
    const { run } = createFakeExcel(new FakeWorkbook([FakeSheet.fromRows("小学", rows)]));
    const token = { cancelled: false };
    const p = createExcelHost(run).readWorkbook(() => (token.cancelled = true), token);
    await expect(p).rejects.toThrow("cancelled");
  }, 60_000);
});

// Marks and the report sheet are tested through Microsoft's Office.js: test/host/excel/officejs/.

describe("settings", () => {
  test("corrections are saved in the workbook and read back", async () => {
    const wb = section16Workbook();
    const { run } = createFakeExcel(wb);
    const host = createExcelHost(run);
    expect(await host.loadOverrides()).toBeNull();
    await host.saveOverrides({
      小学: { columns: { K: "equipment_value" }, units: { K: "万元" }, stage: "primary" },
    });
    expect(await host.loadOverrides()).toEqual({
      小学: { columns: { K: "equipment_value" }, units: { K: "万元" }, stage: "primary" },
    });
  });
});
