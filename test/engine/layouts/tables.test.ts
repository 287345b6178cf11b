/**
 * Several tables on one sheet (issue 14): side by side and stacked, each with its own header and column
 * map. The fixtures meet the standard only when each school is read with its own table's columns and stage.
 */
import { checkWorkbook } from "../../../src/engine/report";
import { detectTables } from "../../../src/engine/table/detectTables";
import { RawCell } from "../../../src/engine/workbook";
import { sheet, workbook } from "../helpers";
import { FIGURES_HEADER, HEADER, JUNIOR, PRIMARY, named } from "./fixtures";

const codes = (r: ReturnType<typeof checkWorkbook>["report"]): string[] =>
  r.findings.map((f) => f.code);

/** Two blocks side by side: block A in columns 0.., a blank column, block B after it. */
function beside(a: RawCell[][], b: RawCell[][], gap = 1): RawCell[][] {
  const width = Math.max(...a.map((r) => r.length));
  const n = Math.max(a.length, b.length);
  const out: RawCell[][] = [];
  for (let i = 0; i < n; i++) {
    const left = [...(a[i] ?? [])];
    while (left.length < width + gap) left.push(null);
    out.push([...left, ...(b[i] ?? [])]);
  }
  return out;
}

describe("tables side by side", () => {
  test("two 小学 tables: all 6 schools read, each through its own columns", () => {
    const left = [HEADER, ...named(PRIMARY, "小学")];
    const right = [HEADER, ...named(PRIMARY, "小学").map(([n, ...v]) => [`二${n}`, ...v])];
    const { report } = checkWorkbook(workbook(sheet("学校", beside(left, right))));
    expect(report.tables).toHaveLength(2);
    expect(report.tables.map((t) => t.columns.name)).toEqual(["A", "K"]);
    expect(report.summary.schools).toBe(6);
    // Each school keeps its own equipment: 2200 元 per student (220 万元 ÷ 1000 etc.), right table too.
    for (const s of report.schools)
      expect(s.indicators.equipment_value_per_student.value).toBeCloseTo(2200, 6);
    expect(report.summary.meets).toBe(true);
  });

  test("a column correction applies inside its own table only (A = 学校名称 is the left table's)", () => {
    const left = [HEADER, ...named(PRIMARY, "小学")];
    const right = [HEADER, ...named(PRIMARY, "小学").map(([n, ...v]) => [`二${n}`, ...v])];
    const { report } = checkWorkbook(workbook(sheet("学校", beside(left, right))), {
      overrides: { 学校: { columns: { A: "name" } } },
    });
    // The right table keeps its own name column K: its schools are 二…, not the left table's names again.
    expect(report.tables.map((t) => t.columns.name)).toEqual(["A", "K"]);
    expect(report.schools.filter((s) => s.name.startsWith("二"))).toHaveLength(3);
    expect(report.summary.schools).toBe(6);
  });

  test("小学 and 初中 titles over them: each table takes its stage (no combined schools, no 3610 > 2500)", () => {
    const left = [["小学"], HEADER, ...PRIMARY];
    const right = [["初中"], HEADER, ...JUNIOR];
    const rows = beside(left, right);
    const { report } = checkWorkbook(workbook(sheet("学校", rows, ["A1:I1", "K1:S1"])));
    expect(report.tables.map((t) => t.stage)).toEqual(["primary", "junior"]);
    expect(report.schools.map((s) => [s.name, s.stage])).toEqual([
      ["甲校", "primary"],
      ["乙校", "primary"],
      ["丙校", "primary"],
      ["丁校", "junior"],
      ["戊校", "junior"],
      ["己校", "junior"],
    ]);
    expect(codes(report)).not.toContain("school-size");
    expect(codes(report)).not.toContain("unknown-stage");
    // 初中 equipment mean (270 + 216 + 135) × 10000 ÷ 2300 = 2700.
    expect(report.county.junior?.indicators.equipment_value_per_student.mean).toBeCloseTo(2700, 6);
    expect(report.summary.meets).toBe(true);
  });

  test("no blank column between them, 序号 before each 学校名称", () => {
    const left = [["序号", ...HEADER], ...named(PRIMARY, "小学").map((r, i) => [i + 1, ...r])];
    const right = [["序号", ...HEADER], ...named(JUNIOR, "初中").map((r, i) => [i + 1, ...r])];
    const { tables } = detectTables(sheet("学校", beside(left, right, 0)));
    expect(tables.map((t) => [t.left, t.nameCol])).toEqual([
      [0, 1],
      [10, 11],
    ]);
    const { report } = checkWorkbook(workbook(sheet("学校", beside(left, right, 0))));
    expect(report.summary.schools).toBe(6);
    expect(report.summary.meets).toBe(true);
  });

  test("headers on different rows (a title over the left table only): both tables read", () => {
    // Left: title row 1, header row 2, 小学 rows 3–5. Right: header row 1, 初中 rows 2–4. Read as one table
    // from row 1, the left header sat in the right table's first data row and the three 小学 schools were
    // dropped without a word (exit 0, 3 of 6 schools).
    const left = [["小学学校"], HEADER, ...PRIMARY];
    const right = [HEADER, ...named(JUNIOR, "初中")];
    const { report } = checkWorkbook(workbook(sheet("学校", beside(left, right))));
    expect(report.tables.map((t) => [t.headerRows, t.columns.name])).toEqual([
      [[2], "A"],
      [[1], "K"],
    ]);
    expect(report.schools.map((s) => [s.name, s.stage])).toEqual([
      ["甲校", "primary"],
      ["乙校", "primary"],
      ["丙校", "primary"],
      ["丁初中", "junior"],
      ["戊初中", "junior"],
      ["己初中", "junior"],
    ]);
    // 小学 equipment mean (220 + 176 + 132) × 10000 ÷ 2400 = 2200 元; 初中 (270 + 216 + 135) × 10000 ÷ 2300 = 2700.
    expect(report.county.primary?.indicators.equipment_value_per_student.mean).toBeCloseTo(2200, 6);
    expect(report.county.junior?.indicators.equipment_value_per_student.mean).toBeCloseTo(2700, 6);
    expect(report.summary.meets).toBe(true);
  });

  test("the right table longer than the left: its rows never become schools of the left one", () => {
    const left = [HEADER, ...named(PRIMARY, "小学").slice(0, 1)];
    const right = [HEADER, ...named(JUNIOR, "初中")];
    const { report } = checkWorkbook(workbook(sheet("学校", beside(left, right))));
    expect(report.schools.map((s) => s.name)).toEqual(["甲小学", "丁初中", "戊初中", "己初中"]);
    expect(codes(report)).not.toContain("missing-value");
  });
});

describe("tables stacked", () => {
  test("a second header starts a new table with its own column order (never a school 「学校名称」)", () => {
    // The 初中 table lists 在校生数 last: read through the first map, 己校 would get 2.6 万元 per student.
    const juniorHeader = ["学校名称", ...FIGURES_HEADER.slice(1), "在校生数"];
    const juniorRows = JUNIOR.map(([n, s, ...v]) => [n.replace("校", "初中"), ...v, s]);
    const rows: RawCell[][] = [
      HEADER,
      ...named(PRIMARY, "小学"),
      [],
      ["二、初中学校基本情况"],
      juniorHeader,
      ...juniorRows,
    ];
    const { report } = checkWorkbook(workbook(sheet("学校", rows)));
    expect(report.tables.map((t) => [t.firstDataRow, t.columns.students])).toEqual([
      [2, "B"],
      [8, "I"],
    ]);
    expect(report.schools.map((s) => s.name)).not.toContain("学校名称");
    expect(report.schools.map((s) => s.name)).not.toContain("二、初中学校基本情况");
    expect(report.summary.schools).toBe(6);
    // 丁初中: 270 万元 ÷ 1000 students = 2700 元 (not 62,392 through the wrong map).
    const d = report.schools.find((s) => s.name === "丁初中");
    expect(d?.indicators.equipment_value_per_student.value).toBeCloseTo(2700, 6);
    expect(d?.students).toBe(1000);
    expect(report.summary.meets).toBe(true);
  });

  test("the lower table has a two-row header (学校名称 merged down beside group titles)", () => {
    // Rows 6–7: 学校名称 (A6:A7) | 在校生数 (B6:B7) | 教师情况 (C6:E6) | 办学条件 (F6:I6), leaves in row 7.
    const group = ["学校名称", "在校生数", "教师情况", null, null, "办学条件", null, null, null];
    const leaves = [null, null, ...FIGURES_HEADER.slice(1)];
    const rows: RawCell[][] = [
      HEADER,
      ...named(PRIMARY, "小学"),
      [],
      group,
      leaves,
      ...named(JUNIOR, "初中"),
    ];
    const merges = ["A6:A7", "B6:B7", "C6:E6", "F6:I6"];
    const { report } = checkWorkbook(workbook(sheet("学校", rows, merges)));
    expect(report.tables.map((t) => t.headerRows)).toEqual([[1], [6, 7]]);
    expect(report.schools.map((s) => s.name)).toEqual([
      "甲小学",
      "乙小学",
      "丙小学",
      "丁初中",
      "戊初中",
      "己初中",
    ]);
    expect(report.summary.meets).toBe(true);
  });

  test("a repeated header row in the data is never a school, even when no table starts there", () => {
    // 学校名称 alone (no other field): not a new table, but not a school named 「学校名称」 either.
    const rows: RawCell[][] = [
      HEADER,
      ...named(PRIMARY, "小学").slice(0, 2),
      ["学校名称"],
      ...named(PRIMARY, "小学").slice(2),
    ];
    const { report } = checkWorkbook(workbook(sheet("学校", rows)));
    expect(report.schools.map((s) => s.name)).toEqual(["甲小学", "乙小学", "丙小学"]);
    expect(report.tables[0].skippedRows).toContainEqual({
      row: 4,
      label: "学校名称",
      reason: "header",
    });
  });

  test("stacked under stage titles: each table takes its title's stage (names without stage words)", () => {
    const rows: RawCell[][] = [["一、小学"], HEADER, ...PRIMARY, ["二、初中"], HEADER, ...JUNIOR];
    const { report } = checkWorkbook(workbook(sheet("学校", rows)));
    expect(report.tables.map((t) => t.stage)).toEqual(["primary", "junior"]);
    expect(report.schools.map((s) => s.stage)).toEqual([
      "primary",
      "primary",
      "primary",
      "junior",
      "junior",
      "junior",
    ]);
    expect(report.summary.meets).toBe(true);
  });

  test("a header row with nothing readable under it is an error, not silently dropped", () => {
    const rows: RawCell[][] = [
      HEADER,
      ...named(PRIMARY, "小学"),
      ["学校名称", "在校生数"],
      [null, 500],
      [null, 600],
    ];
    const { report } = checkWorkbook(workbook(sheet("学校", rows)));
    expect(report.schools.map((s) => s.name)).toEqual(["甲小学", "乙小学", "丙小学"]);
    expect(codes(report)).toContain("table-unreadable");
    expect(report.summary.meets).toBeNull();
  });

  test("an empty repeated header at the bottom is nothing to report", () => {
    const rows: RawCell[][] = [HEADER, ...named(PRIMARY, "小学"), [], HEADER];
    const { report } = checkWorkbook(workbook(sheet("学校", rows)));
    expect(report.summary.schools).toBe(3);
    expect(codes(report)).not.toContain("table-unreadable");
    expect(report.summary.meets).toBe(true);
  });
});

describe("many stacked tables (one per 乡镇)", () => {
  /** `n` tables, each a 乡镇 title, the header and one 小学 (甲, 乙, 丙 in turn), then a blank row. */
  const townships = (n: number): RawCell[][] => {
    const rows: RawCell[][] = [];
    for (let t = 0; t < n; t++) {
      const [name, ...v] = named(PRIMARY, "小学")[t % 3];
      rows.push([`乡镇${t + 1}`], HEADER, [`${t + 1}号${String(name)}`, ...v], []);
    }
    return rows;
  };

  test("sixty of them: every school read (the old cap of 50 tables dropped ten without a word)", () => {
    const { report } = checkWorkbook(workbook(sheet("各乡镇", townships(60))));
    expect(report.tables).toHaveLength(60);
    expect(report.summary.schools).toBe(60);
    // 20 of each of 甲 (1000), 乙 (800), 丙 (600): 20 × 2400 = 48,000 students.
    expect(report.county.primary?.students).toBe(48_000);
    expect(report.summary.meets).toBe(true);
  });

  test("past the cap of 1000 tables the rest is an error that keeps the verdict open, never dropped", () => {
    const { report } = checkWorkbook(workbook(sheet("各乡镇", townships(1001))));
    expect(report.summary.schools).toBe(1000);
    // Table 1001's header is the second row of its block: 0-based row 4 × 1000 + 1, row 4002 in Excel.
    const f = report.findings.filter((x) => x.code === "table-unreadable");
    expect(f.map((x) => x.params)).toEqual([{ row: 4002 }]);
    expect(report.summary.meets).toBeNull();
  });
});

describe("a 总计 under stacked tables (issue 14)", () => {
  // 小学 students 1000 + 800 + 600 = 2400 (rows 2–4); 初中 1000 + 800 + 500 = 2300 (rows 7–9).
  const rows = (total: number): RawCell[][] => [
    HEADER,
    ...named(PRIMARY, "小学"),
    [],
    HEADER,
    ...named(JUNIOR, "初中"),
    ["总计", total],
  ];
  const mismatches = (total: number) =>
    checkWorkbook(workbook(sheet("学校", rows(total))))
      .report.findings.filter((f) => f.code === "total-mismatch")
      .map((f) => [f.cell, (f.params as { total: number; sum: number }).total]);
  test("4700 = 2400 + 2300, the whole sheet: no mismatch, although its own table sums to 2300", () => {
    expect(mismatches(4700)).toEqual([]);
  });
  test("4600 matches neither the table (2300) nor the sheet (4700): total-mismatch at B10", () => {
    expect(mismatches(4600)).toEqual([["B10", 4600]]);
  });
});
