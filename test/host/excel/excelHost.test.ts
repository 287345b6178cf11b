/**
 * The Office.js host adapter against a counting fake of Excel: chunked reads, marks, exact clearing, the
 * report sheet, settings, and the round-trip bounds stated in docs/office-host.md.
 */
import { buildMarks } from "../../../src/present/buildMarks";
import { checkWorkbook } from "../../../src/engine/report";
import { buildReportSheet } from "../../../src/present/reportSheet";
import { CellMark } from "../../../src/engine/marks";
import { createExcelHost } from "../../../src/host/excel/excelHost";
import { CELLS_PER_SYNC } from "../../../src/host/excel/readWorkbook";
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
  test("reads values at their sheet coordinates, with merges, in 3 syncs for a small workbook", async () => {
    const wb = section16Workbook();
    const { run, counters } = createFakeExcel(wb);
    const input = await createExcelHost(run).readWorkbook(noProgress, never);
    expect(input.sheets.map((s) => s.name)).toEqual(["小学", "说明"]);
    const s = input.sheets[0];
    expect(s.rows[2][1]).toBe("学校名称"); // B3
    expect(s.rows[3][1]).toBe("A小学"); // B4
    expect(s.rows[3][2]).toBe(1200);
    expect(s.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 11 }]);
    // 1 sheet list + 1 used ranges/merges + 1 batch of values.
    expect(counters.syncs).toBe(3);
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
    const cells = rows.length * 4;
    expect(counters.syncs).toBe(2 + Math.ceil(cells / CELLS_PER_SYNC));
    expect(Math.max(...counters.payloads)).toBeLessThan(5 * 1024 * 1024);
    expect(input.sheets[0].rows[60_000][0]).toBe("第59999小学");
    expect(lastProgress).toBe(1);
  });

  test("cancel stops between blocks", async () => {
    const rows: (string | number)[][] = [["学校名称", "在校生数"]];
    for (let i = 0; i < 120_000; i++) rows.push([`第${i}小学`, 500]);
    const { run } = createFakeExcel(new FakeWorkbook([FakeSheet.fromRows("小学", rows)]));
    const token = { cancelled: false };
    const p = createExcelHost(run).readWorkbook(() => (token.cancelled = true), token);
    await expect(p).rejects.toThrow("cancelled");
  });
});

describe("marks", () => {
  function marksFor(wb: FakeWorkbook): Promise<CellMark[]> {
    const { run } = createFakeExcel(wb);
    return createExcelHost(run)
      .readWorkbook(noProgress, never)
      .then((input) => {
        const { allFindings } = checkWorkbook(input);
        return buildMarks(allFindings, "zh-CN");
      });
  }

  test("fills and notes in a bounded number of syncs; clear restores exactly, including cells that had fills and notes", async () => {
    const wb = section16Workbook();
    const sheet = wb.sheet("小学")!;
    // C's key teachers (E6) already had a user fill and note; D's pe cells had nothing.
    sheet.cell("E6").fill = { color: "#00B0F0", pattern: "Solid" };
    sheet.notes.set("E6", "请核实骨干教师名单");
    const before = JSON.stringify(sheet.snapshot());
    const marks = await marksFor(wb);
    expect(marks.find((m) => m.cell === "E6")).toMatchObject({ kind: "standard" });

    const { run, counters } = createFakeExcel(wb);
    const host = createExcelHost(run);
    await host.applyMarks(marks, noProgress);
    expect(counters.syncs).toBe(3);
    expect(counters.suspends).toBe(1);
    expect(sheet.cell("E6").fill).toEqual({ color: "#FFC7CE", pattern: "Solid" });
    expect(sheet.notes.get("E6")).toMatch(
      /^请核实骨干教师名单\n\n每百名学生拥有县级以上骨干教师数 0\.67 < 1/
    );
    expect(sheet.notes.get("F7")).toMatch(/体育、艺术/); // D's pe_arts (column F is 体育专任教师)
    expect(JSON.stringify(sheet.snapshot())).not.toBe(before);

    const c2 = createFakeExcel(wb);
    await createExcelHost(c2.run).clearMarks();
    expect(c2.counters.syncs).toBe(2);
    expect(JSON.stringify(sheet.snapshot())).toBe(before);
    expect(wb.customXml).toHaveLength(0);
  });

  test("a second check replaces the first marks instead of stacking; one clear restores the original", async () => {
    const wb = section16Workbook();
    const sheet = wb.sheet("小学")!;
    const before = JSON.stringify(sheet.snapshot());
    const marks = await marksFor(wb);
    const { run } = createFakeExcel(wb);
    const host = createExcelHost(run);
    await host.applyMarks(marks, noProgress);
    await host.applyMarks(marks, noProgress);
    expect(sheet.notes.get("E6")).not.toMatch(/\n\n/);
    await host.clearMarks();
    expect(JSON.stringify(sheet.snapshot())).toBe(before);
  });

  test("thousands of marks: syncs stay at 3 and every address string is under 8,192 characters", async () => {
    const rows: (string | number)[][] = [SECTION16_HEADER];
    for (let i = 0; i < 3000; i++)
      rows.push([`第${i}小学`, 300, 10, 1, 1, 0, 0, 1200, 2700, 57, 6]);
    const wb = new FakeWorkbook([FakeSheet.fromRows("小学", rows)]);
    const marks = await marksFor(wb);
    expect(marks.length).toBeGreaterThan(3000);
    const { run, counters } = createFakeExcel(wb);
    await createExcelHost(run).applyMarks(marks, noProgress);
    expect(counters.syncs).toBe(3);
    expect(counters.maxAddressLength).toBeGreaterThan(0);
    expect(counters.maxAddressLength).toBeLessThanOrEqual(8192);
  });
});

describe("report sheet", () => {
  async function report(wb: FakeWorkbook) {
    const { run } = createFakeExcel(wb);
    const input = await createExcelHost(run).readWorkbook(noProgress, never);
    return buildReportSheet(checkWorkbook(input).report, "zh-CN");
  }

  test("created with values, live CV formulas and one chart per indicator, in 2 syncs", async () => {
    const wb = section16Workbook();
    const spec = await report(wb);
    const { run, counters } = createFakeExcel(wb);
    const name = await createExcelHost(run).writeReportSheet(spec);
    expect(name).toBe("均衡达标报告");
    expect(counters.syncs).toBe(2);
    const rs = wb.sheet(name)!;
    const all = [...rs.cells.values()];
    expect(all.some((c) => c.value === "C小学")).toBe(true);
    const cv = all.filter((c) => c.formula?.startsWith("=SQRT(SUMPRODUCT("));
    expect(cv).toHaveLength(7);
    expect(rs.charts).toHaveLength(7);
    expect(rs.charts[0].title).toContain("小学 4.2");
    expect(rs.active).toBe(true);
  });

  test("never overwrites a user's sheet of that name; refreshes its own", async () => {
    const wb = section16Workbook();
    wb.sheets.push(FakeSheet.fromRows("均衡达标报告", [["用户自己的表"]]));
    const spec = await report(wb);
    const { run } = createFakeExcel(wb);
    const host = createExcelHost(run);
    expect(await host.writeReportSheet(spec)).toBe("均衡达标报告 (2)");
    expect(await host.writeReportSheet(spec)).toBe("均衡达标报告 (2)");
    expect(wb.sheets.filter((s) => s.name.startsWith("均衡达标报告"))).toHaveLength(2);
    expect(wb.sheet("均衡达标报告")!.cell("A1").value).toBe("用户自己的表");
  });
});

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
