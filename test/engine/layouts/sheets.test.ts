/**
 * Which sheets are read: junheng's own report sheet never, hidden sheets only when asked; formulas without
 * results are one finding per sheet (docs/decisions.md).
 */
import { checkWorkbook, NoSchoolTableError } from "../../../src/engine/report";
import { buildReportSheet } from "../../../src/present/reportSheet";
import { renderFinding } from "../../../src/present/findingText";
import { defaultSettings } from "../../../src/standards";
import { RawCell, SheetInput } from "../../../src/engine/workbook";
import type { Report } from "../../../src/engine/reportTypes";
import { flatten } from "../rules/harness";
import { detectTable } from "../../../src/engine/table/detectTable";
import { columnsByKey, readTableRows } from "../../../src/engine/schools/tableRows";
import { sheet, workbook } from "../helpers";
import { HEADER, JUNIOR, PRIMARY, named } from "./fixtures";

const thisYear = (): SheetInput => sheet("今年", [HEADER, ...named(PRIMARY, "小学")]);
/** Last year's table: the same schools with half the equipment (1100 元 per student, below 2000). */
const lastYear = (): SheetInput => ({
  ...sheet("去年", [
    HEADER,
    ...named(PRIMARY, "小学").map((r) => r.map((v, i) => (i === 7 ? Number(v) / 2 : v))),
  ]),
  hidden: true,
});

describe("hidden sheets", () => {
  test("are skipped by default with an info finding (3 schools, the check meets)", () => {
    const { report } = checkWorkbook(workbook(thisYear(), lastYear()));
    expect(report.summary.schools).toBe(3);
    expect(report.summary.meets).toBe(true);
    const f = report.findings.filter((x) => x.code === "hidden-sheet-skipped");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "info", sheet: "去年" });
    expect(report.policy.includeHiddenSheets).toBe(false);
  });

  test("are read with policy.includeHiddenSheets (6 rows: 3 duplicates, 3 below 2000 元)", () => {
    const settings = defaultSettings();
    settings.policy.includeHiddenSheets = true;
    const { report } = checkWorkbook(workbook(thisYear(), lastYear()), { settings });
    expect(report.summary.schools).toBe(6);
    expect(report.findings.some((x) => x.code === "hidden-sheet-skipped")).toBe(false);
    expect(report.findings.filter((x) => x.code === "duplicate-school")).toHaveLength(3);
  });

  test("a hidden sheet named with options.sheets is read", () => {
    const { report } = checkWorkbook(workbook(thisYear(), lastYear()), { sheets: ["去年"] });
    expect(report.tables.map((t) => t.sheet)).toEqual(["去年"]);
  });
});

describe("junheng's own report sheet", () => {
  test("is never read as a school table, whatever its tab is called", () => {
    const original = workbook(
      sheet("学校", [HEADER, ...named(PRIMARY, "小学"), ...named(JUNIOR, "初中")])
    );
    const first = checkWorkbook(original).report;
    const spec = buildReportSheet(first, "zh-CN");
    for (const name of [spec.name, "报告（改名）"]) {
      const marked = workbook(original.sheets[0], sheet(name, spec.rows as never));
      const again = checkWorkbook(marked).report;
      expect(again.tables.map((t) => t.sheet)).toEqual(["学校"]);
      expect(again.schools).toEqual(first.schools);
      expect(again.county).toEqual(first.county);
      expect(again.findings).toEqual(first.findings);
    }
  });

  test("the English report sheet too", () => {
    const original = workbook(sheet("学校", [HEADER, ...named(PRIMARY, "小学")]));
    const first = checkWorkbook(original).report;
    const spec = buildReportSheet(first, "en");
    const again = checkWorkbook(workbook(original.sheets[0], sheet(spec.name, spec.rows as never)));
    expect(again.report.summary.schools).toBe(3);
  });
});

describe("formulas without cached results", () => {
  // 在校生数 (column B) of every school is a formula nobody calculated: absent from rows.
  const uncachedSheet = (): SheetInput => {
    const rows = [HEADER, ...named(PRIMARY, "小学").map((r) => [r[0], undefined, ...r.slice(2)])];
    return { ...sheet("学校", rows), uncachedFormulas: [1, 2, 3].map((row) => ({ row, col: 1 })) };
  };

  test("give one finding per sheet, not one 「未填写」 per cell, and keep the verdict from passing", () => {
    const { report } = checkWorkbook(workbook(uncachedSheet()));
    const f = report.findings.filter((x) => x.code === "formula-uncached");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "error", sheet: "学校", cell: "B2" });
    expect(renderFinding(f[0], "zh-CN")).toBe(
      "工作表「学校」有 3 个公式没有计算结果（如 B2）：请在 Excel 或 WPS 中打开并保存后再检查"
    );
    expect(report.findings.some((x) => x.code === "missing-value")).toBe(false);
    expect(report.findings.some((x) => x.code === "school-incomplete")).toBe(false);
    expect(report.summary.meets).toBeNull();
    expect(report.summary.readyToSubmit).toBe(false);
    // The sheet's formulas are what keeps the verdict open (docs/decisions.md, "A school left out").
    expect(report.summary.leftOut).toBe(1);
  });

  test("above the data (a title row, a header cell) they are no finding", () => {
    // Row 0 is a title, row 1 the header; a formula title or header in column B is not a figure of a school.
    const s = sheet("学校", [["某县学校情况表"], HEADER, ...named(PRIMARY, "小学")]);
    s.uncachedFormulas = [
      { row: 0, col: 1 },
      { row: 1, col: 1 },
    ];
    const { report } = checkWorkbook(workbook(s));
    expect(report.summary.schools).toBe(3);
    expect(report.findings.some((x) => x.code === "formula-uncached")).toBe(false);
  });

  test("outside the table's columns they are no finding", () => {
    const s = sheet("学校", [[...HEADER, "备注"], ...named(PRIMARY, "小学")]);
    s.uncachedFormulas = [{ row: 1, col: 12 }];
    const { report } = checkWorkbook(workbook(s));
    expect(report.findings.some((x) => x.code === "formula-uncached")).toBe(false);
    expect(report.summary.meets).toBe(true);
  });

  test("a sheet whose every figure is an uncalculated formula says so instead of 'no table'", () => {
    const rows = [HEADER, ...named(PRIMARY, "小学").map((r) => [r[0]])];
    const s: SheetInput = {
      ...sheet("学校", rows),
      uncachedFormulas: [1, 2, 3].flatMap((row) =>
        [1, 2, 3, 4, 5, 6, 7, 8].map((col) => ({ row, col }))
      ),
    };
    let err: unknown;
    try {
      checkWorkbook(workbook(s));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(NoSchoolTableError);
    expect((err as NoSchoolTableError).uncachedFormulaSheets).toEqual(["学校"]);
  });
});

describe("hidden rows inside a table (docs/decisions.md, «Hidden rows»)", () => {
  // 小学 甲 乙 丙 with 乙 (sheet row 3, 0-based 2) hidden by the clerk, and a hidden blank row 5 below the table.
  const withHidden = (): SheetInput => ({
    ...sheet("学校", [HEADER, ...named(PRIMARY, "小学")]),
    hiddenRows: [2, 5],
  });

  test("are read as data: the three schools count, one info finding names the hidden school row", () => {
    const { report } = checkWorkbook(workbook(withHidden()));
    const plain = checkWorkbook(
      workbook(sheet("学校", [HEADER, ...named(PRIMARY, "小学")]))
    ).report;
    expect(report.summary.schools).toBe(3);
    // Every number as without the hidden row: 乙小学 is a school like the others.
    expect(report.county).toEqual(plain.county);
    expect(report.schools).toEqual(plain.schools);
    expect(report.county.primary?.schools).toBe(3);
    expect(report.summary.meets).toBe(plain.summary.meets);
    const f = report.findings.filter((x) => x.code === "hidden-rows-read");
    expect(f).toEqual([
      expect.objectContaining({
        severity: "info",
        sheet: "学校",
        cell: "A3",
        params: { count: 1, rows: [3] },
      }),
    ]);
    expect(renderFinding(f[0], "zh-CN")).toContain("第 3 行");
    expect(renderFinding(f[0], "en")).toContain("1 hidden school row (row 3)");
  });

  test("a hidden 合计 row is not a school row: no finding", () => {
    // Rows: header 0, schools 1–3, 合计 4 (hidden). A 合计 row hidden to tidy the view drops no school.
    const s = {
      ...sheet("学校", [HEADER, ...named(PRIMARY, "小学"), ["合计"]]),
      hiddenRows: [4],
    };
    const { report } = checkWorkbook(workbook(s));
    expect(report.summary.schools).toBe(3);
    expect(report.findings.some((x) => x.code === "hidden-rows-read")).toBe(false);
  });

  test("no hidden school row (only a hidden blank row): no finding", () => {
    const s = { ...sheet("学校", [HEADER, ...named(PRIMARY, "小学")]), hiddenRows: [5, 6] };
    const { report } = checkWorkbook(workbook(s));
    expect(report.findings.some((x) => x.code === "hidden-rows-read")).toBe(false);
  });
});

describe("hidden columns of a table (docs/decisions.md, «Hidden columns»)", () => {
  // Columns A–I: 学校名称, 在校生数 (B), … 教学仪器设备值(万元) (H), 网络多媒体教室数(间) (I); J is 备注, a column the
  // table maps to no field; K is empty. Sheet row 1 is the one header row.
  const rows = (): RawCell[][] => [
    [...HEADER, "备注"],
    ...named(PRIMARY, "小学").map((r, i) => [...r, i === 0 ? "新建" : undefined]),
  ];
  const plain = (): Report => checkWorkbook(workbook(sheet("学校", rows()))).report;
  const withHidden = (hiddenCols: number[]): Report =>
    checkWorkbook(workbook({ ...sheet("学校", rows()), hiddenCols })).report;
  const hiddenColumnFindings = (r: Report): [string | null, string | null, string][] =>
    flatten(r, ["hidden-columns-read"]);

  test("a hidden column the table does not read (备注, an empty column) raises nothing and changes nothing", () => {
    const r = withHidden([9, 10]);
    expect(hiddenColumnFindings(r)).toEqual([]);
    expect(r).toEqual(plain());
  });

  test("hidden 在校生数 (B) and 教学仪器设备值 (H) are read as data, with one warning at B1 naming both", () => {
    const r = withHidden([1, 7, 9]);
    const p = plain();
    // Every number as with the columns shown: the three schools still meet.
    expect(r.summary.schools).toBe(3);
    expect(r.schools).toEqual(p.schools);
    expect(r.county).toEqual(p.county);
    expect(r.summary.meets).toBe(true);
    expect(hiddenColumnFindings(r)).toEqual([["学校", "B1", "hidden-columns-read"]]);
    const f = r.findings.filter((x) => x.code === "hidden-columns-read");
    expect(f).toEqual([
      expect.objectContaining({
        severity: "warning",
        params: { count: 2, columns: ["B", "H"], headers: ["在校生数", "教学仪器设备值(万元)"] },
      }),
    ]);
    expect(renderFinding(f[0], "zh-CN")).toBe(
      "工作表「学校」中表格读取的 2 列是隐藏的（B 列「在校生数」、H 列「教学仪器设备值(万元)」），已照常计入检查；请取消隐藏并核对这些列的数据，如果它们不该计入，请删除这些列，不要只隐藏"
    );
    expect(renderFinding(f[0], "en")).toContain(
      '2 hidden columns the table reads (column B "在校生数", column H "教学仪器设备值(万元)")'
    );
    // The other findings are those of the sheet with nothing hidden.
    expect(r.findings.filter((x) => x.code !== "hidden-columns-read")).toEqual(p.findings);
  });

  test("the hidden school-name column counts: the finding is at A1", () => {
    expect(hiddenColumnFindings(withHidden([0]))).toEqual([["学校", "A1", "hidden-columns-read"]]);
  });
});

describe("a stray cell far below the table (issue 14: A1048576)", () => {
  /** The 小学 table, then one number at Z1048576 (right of the table): a million rows long, all holes. */
  const stray = (): SheetInput => {
    const rows = [HEADER, ...named(PRIMARY, "小学")];
    rows[1048575] = [];
    rows[1048575][25] = 1;
    return sheet("今年", rows);
  };

  test("costs no slot per blank row: the rows read hold the table's rows only", () => {
    const s = stray();
    const table = detectTable(s);
    expect(table).toBeDefined();
    if (!table) return;
    const mem = (): number => {
      const m = process.memoryUsage();
      return m.heapUsed + m.arrayBuffers;
    };
    const before = mem();
    const rows = readTableRows(s, table, columnsByKey(table));
    const grown = mem() - before;
    // Rows 2–4 are the schools; row 1048576's lone number outside the table's columns makes it a numbered
    // template row (no name, no figure), skipped. Nothing is stored for the rows between.
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3]);
    // Before: a Float64Array slot and a Map entry for every one of 1,048,572 blank rows × 8 columns, about
    // 64 MB of array and several hundred MB of Map. Now a few kilobytes; 32 MB leaves room for the GC's timing.
    expect(grown).toBeLessThan(32 * 2 ** 20);
    void rows;
  });

  test("the check is the check without the stray cell (3 schools, meets)", () => {
    const { report } = checkWorkbook(workbook(stray()));
    expect(report.summary.schools).toBe(3);
    expect(report.summary.meets).toBe(true);
  });

  test("a stray text there (「x」 at XFD1048576) is no school either", () => {
    const s = stray();
    s.rows[1048575] = [];
    s.rows[1048575][16383] = "x";
    // Before: a school 「x」 of unknown stage (unknown-stage error at A1048576), meets null, exit 1.
    const { report } = checkWorkbook(workbook(s));
    expect(report.schools.map((x) => x.name)).toEqual(["甲小学", "乙小学", "丙小学"]);
    expect(report.findings.map((f) => f.code)).not.toContain("unknown-stage");
    expect(report.summary.meets).toBe(true);
  });
});
