/**
 * @jest-environment jsdom
 *
 * Reads that survive real templates, and the report sheet refreshed in place — through Microsoft's Office.js.
 */
// First: the host writes .xlsx (the 申报表), whose module needs TextDecoder, which jsdom lacks.
import "../../../ui/domShims";
import { checkWorkbook } from "../../../../src/engine/report";
import { buildReportSheet } from "../../../../src/present/reportSheet";
import { createExcelHost } from "../../../../src/host/excel/excelHost";
import { pickSheetName } from "../../../../src/host/excel/reportSheet";
import { SECTION16_HEADER, SECTION16_ROWS } from "../../../engine/helpers";
import { createHarness, PROFILE } from "./harness";
import { ModelSheet, parseRect, WorkbookModel } from "./model";

const never = { cancelled: false };
const noProgress = (): void => undefined;

function section16(): WorkbookModel {
  const s = new ModelSheet("小学").setRows(
    [["某县小学资源配置"], SECTION16_HEADER, ...SECTION16_ROWS],
    "B2"
  );
  s.merges = [parseRect("B2:L2")];
  return new WorkbookModel([s]);
}

describe("read", () => {
  test("a whole-row title merge (学校!2:2) is clipped to the used columns; formatting far below is ignored", async () => {
    const wb = section16();
    const s = wb.sheet("小学")!;
    s.merges = [parseRect("2:2")];
    s.formattedTo = { row: 60_000, col: 40 }; // a template formatted down to row 60,001
    const h = createHarness(wb);
    const input = await createExcelHost(h.run, h.isSetSupported).readWorkbook(noProgress, never);
    expect(input.sheets[0].merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 11 }]);
    expect(input.sheets[0].rows).toHaveLength(7); // rows 1..7, not 60,001
  });

  test("a class-level sheet with 600 merged school names (> 512) is read in halves, merges intact", async () => {
    const rows: (string | number)[][] = [["学校名称", "班级", "学生数"]];
    const merges = [];
    for (let i = 0; i < 600; i++) {
      rows.push([`第${i + 1}小学`, "一班", 40], ["", "二班", 41]);
      merges.push(parseRect(`A${2 + 2 * i}:A${3 + 2 * i}`));
    }
    const s = new ModelSheet("班级").setRows(rows);
    s.merges = merges;
    const wb = new WorkbookModel([section16().sheets[0], s]);
    const h = createHarness(wb);
    const input = await createExcelHost(h.run, h.isSetSupported).readWorkbook(noProgress, never);
    expect(input.sheets[1].merges).toHaveLength(600);
    expect(input.sheets[1].mergesUnread).toBeUndefined();
    // The other sheet is not lost because of its neighbour.
    expect(input.sheets[0].merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 11 }]);
  });

  test("if even small blocks fail, the sheet is read without merges and says so", async () => {
    // 16 rows × 80 columns, every pair of cells merged: 640 merged areas in a block that cannot be halved more.
    const rows: (string | number)[][] = [];
    for (let r = 0; r < 16; r++)
      rows.push(Array.from({ length: 80 }, (_, c) => (r === 0 && c === 0 ? "学校名称" : c)));
    const s = new ModelSheet("班级");
    for (let r = 0; r < 16; r++)
      for (let c = 0; c < 40; c++) s.merges.push({ r0: r, c0: 2 * c, r1: r, c1: 2 * c + 1 });
    s.setRows(rows);
    const wb = new WorkbookModel([s]);
    const h = createHarness(wb);
    const input = await createExcelHost(h.run, h.isSetSupported).readWorkbook(noProgress, never);
    expect(input.sheets[0]).toMatchObject({ merges: [], mergesUnread: true });
    expect(input.sheets[0].rows[0][0]).toBe("学校名称");
  });

  test("a protected sheet is read and flagged", async () => {
    const wb = section16();
    wb.sheet("小学")!.protected = true;
    const h = createHarness(wb);
    const input = await createExcelHost(h.run, h.isSetSupported).readWorkbook(noProgress, never);
    expect(input.sheets[0]).toMatchObject({ protected: true });
    expect(input.sheets[0].rows[3][1]).toBe("A小学");
  });

  test("hidden and very hidden sheets (last year's table) are flagged and skipped by the check, as in the CLI", async () => {
    const wb = section16();
    const lastYear = new ModelSheet("2023年").setRows(
      [["某县小学资源配置"], SECTION16_HEADER, ...SECTION16_ROWS],
      "B2"
    );
    lastYear.visibility = "Hidden";
    const older = new ModelSheet("2022年").setRows([SECTION16_HEADER, ...SECTION16_ROWS]);
    older.visibility = "VeryHidden";
    wb.sheets.push(lastYear, older);
    for (const profile of [PROFILE.ltsc2021, PROFILE.m365]) {
      const h = createHarness(wb, profile);
      const input = await createExcelHost(h.run, h.isSetSupported).readWorkbook(noProgress, never);
      expect(input.sheets.map((x) => [x.name, x.hidden ?? false])).toEqual([
        ["小学", false],
        ["2023年", true],
        ["2022年", true],
      ]);
      const { report } = checkWorkbook(input);
      // §16's four 小学 once, not three times (no duplicate-school warnings, CVs of the four).
      expect(report.summary.schools).toBe(4);
      expect(
        report.findings.filter((f) => f.code === "hidden-sheet-skipped").map((f) => f.sheet)
      ).toEqual(["2023年", "2022年"]);
      expect(report.findings.some((f) => f.code === "duplicate-school")).toBe(false);
    }
  });

  test("Office 2021 LTSC reads the same (merges are ExcelApi 1.13 ≤ 1.14)", async () => {
    const h = createHarness(section16(), PROFILE.ltsc2021);
    const input = await createExcelHost(h.run, h.isSetSupported).readWorkbook(noProgress, never);
    expect(input.sheets[0].merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 11 }]);
  });
});

describe("report sheet", () => {
  async function write(wb: WorkbookModel, lang: "zh-CN" | "en" = "zh-CN") {
    const h = createHarness(wb);
    const host = createExcelHost(h.run, h.isSetSupported);
    const input = await host.readWorkbook(noProgress, never);
    const spec = buildReportSheet(checkWorkbook(input).report, lang);
    return { host, spec, name: await host.writeReportSheet(spec) };
  }

  test("values, live CV formulas, and one chart per indicator over the numbers with names as categories", async () => {
    const wb = section16();
    const { name } = await write(wb);
    expect(name).toBe("均衡达标报告");
    const rs = wb.sheet(name)!;
    const cells = [...rs.cells.values()];
    expect(cells.some((c) => c.value === "C小学")).toBe(true);
    expect(cells.filter((c) => c.formula?.startsWith("=SQRT(SUMPRODUCT("))).toHaveLength(7);
    expect(rs.charts).toHaveLength(7);
    for (const ch of rs.charts) {
      expect(ch.sourceIsNumeric).toBe(true);
      expect(ch.categories).toBeDefined();
    }
    // §16 / standards: key teachers per 100 students, primary standard 1 (高于规定学历 4.2 is the first).
    expect(rs.charts[0].title).toContain("标准：小学 4.2");
    expect(wb.active).toBe(name);
  });

  test("chart titles in the user's language", async () => {
    const wb = section16();
    const { name } = await write(wb, "en");
    expect(wb.sheet(name)!.charts[0].title).toMatch(/\(standard: primary 4\.2, junior 5\.3\)/);
  });

  test("refreshed in place: the same worksheet (id), even after a rename; a user's formula to it survives", async () => {
    const wb = section16();
    const { host, spec, name } = await write(wb);
    const id = wb.sheet(name)!.id;
    wb.sheet("小学")!.cell(20, 0).formula = `='${name}'!B5`;
    wb.sheet(name)!.name = "我们的报告";
    expect(await host.writeReportSheet(spec)).toBe("我们的报告");
    expect(wb.sheets.filter((s) => s.id === id)).toHaveLength(1);
    expect(wb.sheets).toHaveLength(2);
    expect(wb.sheet("我们的报告")!.charts).toHaveLength(7); // old charts removed, new ones added
  });

  test("never overwrites a user's sheet of that name, compared case-insensitively", async () => {
    const wb = section16();
    wb.sheets.push(new ModelSheet("均衡达标报告").setRows([["用户自己的表"]]));
    const { host, spec, name } = await write(wb);
    expect(name).toBe("均衡达标报告 (2)");
    expect(await host.writeReportSheet(spec)).toBe("均衡达标报告 (2)");
    expect(wb.sheet("均衡达标报告")!.value("A1")).toBe("用户自己的表");
    expect(pickSheetName("Report", ["REPORT"], undefined)).toBe("Report (2)");
  });
});
