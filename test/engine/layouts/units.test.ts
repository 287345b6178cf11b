/**
 * Money units (standards.md §11.3 and issue 14): 元, 千元 (× 1000), 万元 (× 10000), 亿元 (× 1e8); the header's
 * own unit always beats inference, and a sheet note covers columns without one.
 */
import { checkWorkbook } from "../../../src/engine/report";
import { parseNoteUnits } from "../../../src/engine/table/detectTable";
import { RawCell } from "../../../src/engine/workbook";
import { SECTION16_HEADER, SECTION16_ROWS, sheet, workbook } from "../helpers";

const EQUIPMENT = 9; // column J of the §16 table: 教学仪器设备值(万元)

/** §16 with the equipment column in another unit: its header and each value (万元 × factor). */
function section16In(header: string, perWan: number, note?: string): RawCell[][] {
  const head = SECTION16_HEADER.map((h, i) => (i === EQUIPMENT ? header : h));
  const rows = SECTION16_ROWS.map((r) =>
    r.map((v, i) => (i === EQUIPMENT ? Number(v) * perWan : v))
  );
  return note ? [[note], head, ...rows] : [head, ...rows];
}

/** §16 expected equipment per student (元): A 2500, B 2100, C 1900, D 2200; county mean 516 × 10000 ÷ 2250. */
const EXPECTED = [2500, 2100, 1900, 2200];
const COUNTY_MEAN = 2293.333333;

function equipment(rows: RawCell[][]) {
  const { report } = checkWorkbook(workbook(sheet("小学", rows)));
  const col = report.tables[0].columnDetails.find((c) => c.key === "equipment_value");
  return {
    perStudent: report.schools.map((s) => s.indicators.equipment_value_per_student.value),
    mean: report.county.primary?.indicators.equipment_value_per_student.mean,
    unit: col?.unit,
    source: col?.unitSource,
    codes: report.findings.map((f) => f.code),
  };
}

test.each([
  ["教学仪器设备值(千元)", 10, "千元"], // 300 万元 = 3000 千元
  ["设备总值(千元)", 10, "千元"],
  ["教学仪器设备值（单位：千元）", 10, "千元"],
  ["教学仪器设备值/千元", 10, "千元"],
  ["教学仪器设备值(亿元)", 1e-4, "亿元"], // 300 万元 = 0.03 亿元
  ["教学仪器设备值(元)", 10000, "元"],
  ["教学仪器设备值万元", 1, "万元"],
])("header %s: the header's unit is used, never inferred", (header, perWan, unit) => {
  const r = equipment(section16In(header, perWan));
  EXPECTED.forEach((v, i) => expect(r.perStudent[i]).toBeCloseTo(v, 6));
  expect(r.mean).toBeCloseTo(COUNTY_MEAN, 5);
  expect(r.unit).toBe(unit);
  expect(r.source).toBe("header");
  expect(r.codes).not.toContain("unit-inferred");
  expect(r.codes).not.toContain("unit-unknown");
});

test("a sheet note 「单位：千元」 covers a money column without its own unit", () => {
  const r = equipment(section16In("教学仪器设备值", 10, "（金额单位：千元）"));
  EXPECTED.forEach((v, i) => expect(r.perStudent[i]).toBeCloseTo(v, 6));
  expect(r.unit).toBe("千元");
  expect(r.source).toBe("note");
  expect(r.codes).not.toContain("unit-inferred");
});

test("a header unit beats the sheet note (note 万元, header 千元)", () => {
  const r = equipment(section16In("教学仪器设备值(千元)", 10, "单位：万元"));
  expect(r.perStudent[0]).toBeCloseTo(2500, 6);
  expect(r.source).toBe("header");
});

test("cells with their own unit: 3000千元 is 3,000,000 元", () => {
  const rows = section16In("教学仪器设备值", 10).map((r, i) =>
    i === 0 ? r : r.map((v, c) => (c === EQUIPMENT ? `${v}千元` : v))
  );
  const r = equipment(rows);
  EXPECTED.forEach((v, i) => expect(r.perStudent[i]).toBeCloseTo(v, 6));
});

test("notes name 千元 and 亿元; 百元 stays a unit we refuse to guess", () => {
  expect(parseNoteUnits("单位：千元").map((u) => [u.token, u.factor])).toEqual([["千元", 1000]]);
  expect(parseNoteUnits("金额单位：亿元").map((u) => u.factor)).toEqual([1e8]);
  expect(parseNoteUnits("单位：百元")).toEqual([]);
  const r = equipment(section16In("教学仪器设备值(百元)", 100));
  expect(r.codes).toContain("unit-unknown");
});

test("a sheet note over the first of two stacked tables covers the lower one too (it has no note of its own)", () => {
  // Both tables: 教学仪器设备值 without a unit, §16's values in 千元 (300 万元 = 3000 千元); the note 千元 sits above
  // the first. The lower table's schools are §16's under other names: A′ 3000 千元 × 1000 ÷ 1200 = 2500 元 per student.
  const upper = section16In("教学仪器设备值", 10, "（金额单位：千元）");
  const lower = section16In("教学仪器设备值", 10).map((r, i) =>
    i === 0 ? r : [String(r[0]).replace("小学", "二小"), ...r.slice(1)]
  );
  const { report } = checkWorkbook(workbook(sheet("小学", [...upper, [], ...lower])));
  expect(report.tables).toHaveLength(2);
  const col = report.tables[1].columnDetails.find((c) => c.key === "equipment_value");
  expect([col?.unit, col?.unitSource]).toEqual(["千元", "note"]);
  const a2 = report.schools.find((s) => s.name === "A二小");
  expect(a2?.indicators.equipment_value_per_student.value).toBeCloseTo(2500, 6);
  expect(report.findings.map((f) => f.code)).not.toContain("unit-inferred");
});

describe("stacked tables, each with its own 「单位：…」 note beside its title", () => {
  // Two tables on one sheet: 小学 over 初中, 教学仪器设备值 without a unit in either header. Each school has 1000
  // students, so 元 per student = the value in 元 ÷ 1000.
  const head = ["学校名称", "学段", "在校生数", "教学仪器设备值"];
  const table = (title: string, note: string | null, row: RawCell[]): RawCell[][] => [
    [title, null, null, note],
    head,
    row,
  ];
  const perStudent = (rows: RawCell[][]) => {
    const { report } = checkWorkbook(workbook(sheet("学校", rows)));
    return {
      tables: report.tables.map((t) => {
        const c = t.columnDetails.find((d) => d.key === "equipment_value");
        return [c?.unit, c?.unitSource];
      }),
      values: report.schools.map((s) => [s.name, s.indicators.equipment_value_per_student.value]),
    };
  };

  test("the lower table's 「单位：元」 is its own: 1,800,000 元 ÷ 1000 = 1800 元 per student, not × 10000", () => {
    const r = perStudent([
      ...table("一、小学学校情况", "单位：万元", ["甲小学", "小学", 1000, 250]),
      [],
      ...table("二、初中学校情况", "单位：元", ["乙初级中学", "初中", 1000, 1800000]),
    ]);
    expect(r.tables).toEqual([
      ["万元", "note"],
      ["元", "note"],
    ]);
    // 250 万元 × 10000 ÷ 1000 = 2500; 1,800,000 元 ÷ 1000 = 1800 (below the 初中 2125 floor).
    expect(r.values).toEqual([
      ["甲小学", 2500],
      ["乙初级中学", 1800],
    ]);
  });

  test("a note over the lower table never reaches the table above it", () => {
    const r = perStudent([
      ...table("一、小学学校情况", null, ["甲小学", "小学", 1000, 250]),
      ["乙小学", "小学", 1000, 260],
      [],
      ...table("二、初中学校情况", "单位：元", ["乙初级中学", "初中", 1000, 3000000]),
    ]);
    // The upper table has no note: its unit is inferred from the values (0.25 and 0.26 per student → 万元).
    expect(r.tables).toEqual([
      ["万元", "inferred"],
      ["元", "note"],
    ]);
    expect(r.values).toEqual([
      ["甲小学", 2500],
      ["乙小学", 2600],
      ["乙初级中学", 3000],
    ]);
  });

  test("a note over the first table still covers a lower table that has none", () => {
    const r = perStudent([
      ...table("一、小学学校情况", "单位：万元", ["甲小学", "小学", 1000, 250]),
      [],
      ...table("二、初中学校情况", null, ["乙初级中学", "初中", 1000, 300]),
    ]);
    expect(r.tables).toEqual([
      ["万元", "note"],
      ["万元", "note"],
    ]);
    expect(r.values).toEqual([
      ["甲小学", 2500],
      ["乙初级中学", 3000],
    ]);
  });
});
