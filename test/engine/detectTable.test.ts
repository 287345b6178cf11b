/**
 * Table detection on differently shaped sheets (standards.md §8, §11). Every sheet is built here; every
 * expected number is worked out by hand in a comment (never pasted from the program's output).
 *
 * Row numbers in the report are 1-based Excel rows; columns are letters.
 */
import { NoSchoolTableError, checkWorkbook } from "../../src/engine/report";
import { parseNoteUnits } from "../../src/engine/table/detectTable";
import type { Report, SchoolResult, TableReport } from "../../src/engine/reportTypes";
import type { RawCell } from "../../src/engine/workbook";
import { QUALITY_IDS, SECTION16_HEADER, SECTION16_ROWS, sheet, workbook } from "./helpers";

const IDS = QUALITY_IDS;

function check(...sheets: ReturnType<typeof sheet>[]): Report {
  return checkWorkbook(workbook(...sheets)).report;
}
function school(report: Report, name: string): SchoolResult {
  const s = report.schools.find((x) => x.name === name);
  if (!s)
    throw new Error(`no school ${name}; have ${report.schools.map((x) => x.name).join(", ")}`);
  return s;
}
function unitOf(
  t: TableReport,
  key: string
): { unit: string | null; unitSource: string | null } | undefined {
  const d = t.columnDetails.find((c) => c.key === key);
  return d && { unit: d.unit, unitSource: d.unitSource };
}
function values(s: SchoolResult): (number | null)[] {
  return IDS.map((id) => s.indicators[id].value);
}
function expectValues(s: SchoolResult, expected: number[]): void {
  const got = values(s);
  expected.forEach((v, i) => {
    expect(got[i]).not.toBeNull();
    expect(got[i]).toBeCloseTo(v, 4);
  });
}
const codes = (r: Report, code: string): Report["findings"] =>
  r.findings.filter((f) => f.code === code);
/** §16 rows with 体育+音乐+美术 folded into one 体育艺术专任教师数 (12, 6, 3, 1). */
const S16_PE_SUMMED: RawCell[][] = SECTION16_ROWS.map((r) => [
  r[0],
  r[1],
  r[2],
  r[3],
  Number(r[4]) + Number(r[5]) + Number(r[6]),
  r[7],
  r[8],
  r[9],
  r[10],
]);

// §16 expected values (standards.md §16 table, re-derived):
//   A: 60×100/1200=5, 14×100/1200=1.1667, 12×100/1200=1, 6000/1200=5, 9600/1200=8, 300×10000/1200=2500, 30×100/1200=2.5
//   B: 28×100/600=4.6667, 6×100/600=1, 6×100/600=1, 2900/600=4.8333, 4200/600=7, 126×10000/600=2100, 15×100/600=2.5
//   C: 14×100/300=4.6667, 2×100/300=0.6667, 3×100/300=1, 1200/300=4, 2700/300=9, 57×10000/300=1900, 6×100/300=2
//   D: 8×100/150=5.3333, 2×100/150=1.3333, 1×100/150=0.6667, 800/150=5.3333, 1350/150=9, 33×10000/150=2200, 4×100/150=2.6667
const S16: Record<string, number[]> = {
  A小学: [5, 1.1667, 1, 5, 8, 2500, 2.5],
  B小学: [4.6667, 1, 1, 4.8333, 7, 2100, 2.5],
  C小学: [4.6667, 0.6667, 1, 4, 9, 1900, 2],
  D小学: [5.3333, 1.3333, 0.6667, 5.3333, 9, 2200, 2.6667],
};

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────
describe("a. merged title row + two-row merged header with bracketed units, 合计 and 填表说明", () => {
  const rows: RawCell[][] = [
    ["某县义务教育学校办学条件统计表（2023年）"],
    ["学校名称", "在校生数(人)", "教师情况", "", "", "", "", "办学条件", "", "", ""],
    [
      "",
      "",
      "高于规定学历教师数",
      "县级及以上骨干教师数",
      "体育专任教师",
      "音乐专任教师",
      "美术专任教师",
      "教学及辅助用房面积(㎡)",
      "体育运动场馆面积(㎡)",
      "教学仪器设备值(万元)",
      "网络多媒体教室数(间)",
    ],
    ...SECTION16_ROWS,
    // Totals: 1200+600+300+150=2250; 60+28+14+8=110; 14+6+2+2=24; 体育 4+2+1+1=8; 音乐 4+2+1+0=7; 美术 7;
    // 6000+2900+1200+800=10900; 9600+4200+2700+1350=17850; 300+126+57+33=516; 30+15+6+4=55.
    ["合计", 2250, 110, 24, 8, 7, 7, 10900, 17850, 516, 55],
    ["填表说明"],
    ["1．本表数据截至2023年9月1日，由各校填报，县教育局审核。"],
    ["2．教学仪器设备值按账面原值填写。"],
  ];
  const report = check(sheet("办学条件", rows, ["A1:K1", "A2:A3", "B2:B3", "C2:G2", "H2:K2"]));
  const t = report.tables[0];

  test("header rows 2–3 (the title is not part of it), data from row 4", () => {
    expect(t.headerRows).toEqual([2, 3]);
    expect(t.firstDataRow).toBe(4);
  });
  test("every column mapped through its merged group", () => {
    expect(t.columns).toEqual({
      name: "A",
      students: "B",
      qualified_teachers: "C",
      key_teachers: "D",
      "pe_arts_teachers.pe": "E",
      "pe_arts_teachers.music": "F",
      "pe_arts_teachers.fine_art": "G",
      teaching_space: "H",
      sports_space: "I",
      equipment_value: "J",
      multimedia_rooms: "K",
    });
    expect(t.unmapped).toEqual([]);
    expect(t.columnDetails.find((c) => c.key === "equipment_value")?.header).toBe(
      "办学条件 › 教学仪器设备值(万元)"
    );
  });
  test("units come from the brackets", () => {
    expect(unitOf(t, "equipment_value")).toEqual({ unit: "万元", unitSource: "header" });
    expect(unitOf(t, "teaching_space")).toEqual({ unit: "㎡", unitSource: "header" });
    expect(codes(report, "unit-inferred")).toHaveLength(0);
  });
  test("four schools; 合计 is a summary row; notes are not schools", () => {
    expect(report.schools.map((s) => s.name)).toEqual(["A小学", "B小学", "C小学", "D小学"]);
    expect(t.skippedRows).toContainEqual({ row: 8, label: "合计", reason: "summary" });
    expect(t.skippedRows.some((r) => r.reason === "school")).toBe(false);
    // The 合计 row equals the sum of the schools: no mismatch.
    expect(codes(report, "total-mismatch")).toHaveLength(0);
  });
  test.each(Object.entries(S16))("%s values as in §16", (name, v) => {
    expectValues(school(report, name), v);
  });
});

describe("a'. an unmerged title with a date above a one-row header", () => {
  // The title "某县小学…统计表" sits in A1 only and the date in K1: two texts, but a title, not a group header.
  const rows: RawCell[][] = [
    ["某县小学基本情况统计表", "", "", "", "", "", "", "", "", "", "2023年9月"],
    SECTION16_HEADER,
    ...SECTION16_ROWS,
  ];
  const report = check(sheet("Sheet1", rows));
  const t = report.tables[0];
  test("the header is row 2 alone; the title's 小学 does not make the name column per-stage", () => {
    expect(t.headerRows).toEqual([2]);
    expect(t.firstDataRow).toBe(3);
    expect(t.columns.name).toBe("A");
    expect(Object.keys(t.columns)).not.toContain("name@primary");
    expect(report.schools.map((s) => s.name)).toEqual(["A小学", "B小学", "C小学", "D小学"]);
  });
});

describe("a3. a row of two texts above the header that is a title by its date or its length, not by 「表」", () => {
  test.each([
    ["a date (2024年9月)", ["2024年9月", "", "", "城关镇中心学校"]],
    [
      "over 30 characters",
      [
        "县域义务教育学校办学条件基本情况一览（含教学点、九年一贯制学校及完全中学）",
        "",
        "",
        "城关镇",
      ],
    ],
  ])("%s: the header is row 2 alone and its paths hold no title", (_label, above) => {
    const report = check(sheet("Sheet1", [above, SECTION16_HEADER, ...SECTION16_ROWS]));
    const t = report.tables[0];
    expect(t.headerRows).toEqual([2]);
    expect(t.columnDetails.find((c) => c.key === "name")!.header).toBe("学校名称");
    expect(report.schools.map((s) => s.name)).toEqual(["A小学", "B小学", "C小学", "D小学"]);
  });
});

describe("a''. the same two-row header without any merges (学校名称 in the upper row only)", () => {
  const h0: RawCell[] = ["学校名称", "在校生数(人)", "教师情况", "", "", "办学条件", "", "", ""];
  const h1: RawCell[] = [
    "",
    "",
    "高于规定学历教师数",
    "县级及以上骨干教师数",
    "体育艺术专任教师数",
    "教学及辅助用房面积(㎡)",
    "体育运动场馆面积(㎡)",
    "教学仪器设备值(万元)",
    "网络多媒体教室数(间)",
  ];
  const report = check(sheet("Sheet1", [h0, h1, ...S16_PE_SUMMED]));
  const t = report.tables[0];
  test("both rows are header; all columns mapped; §16 values", () => {
    expect(t.headerRows).toEqual([1, 2]);
    expect(t.firstDataRow).toBe(3);
    expect(t.columns).toEqual({
      name: "A",
      students: "B",
      qualified_teachers: "C",
      key_teachers: "D",
      pe_arts_teachers: "E",
      teaching_space: "F",
      sports_space: "G",
      equipment_value: "H",
      multimedia_rooms: "I",
    });
    for (const [name, v] of Object.entries(S16)) expectValues(school(report, name), v);
  });
});

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────
describe("b. statistics-export header paths (four header rows)", () => {
  // A 学校名称 | B–D 在校生数 › 合计/小学/初中 | E–I 专任教师 › #按学历分 › 博士研究生/硕士研究生/本科/专科/高中阶段
  // J–M 专任教师 › #按授课课程分 › 体育与健康, 艺术 › 计/音乐/美术 | N–O 教基1102 › 县级以上骨干教师(小学)/(初中)
  // P–S 教学及辅助用房面积(平方米), 体育运动场馆面积(平方米), 教学仪器设备资产值(万元), 网络多媒体教室(间)
  const h0: RawCell[] = [
    "学校名称",
    "在校生数",
    "",
    "",
    "专任教师",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "教基1102",
    "",
    "教学及辅助用房面积(平方米)",
    "体育运动场馆面积(平方米)",
    "教学仪器设备资产值(万元)",
    "网络多媒体教室(间)",
  ];
  const h1: RawCell[] = [
    "",
    "合计",
    "小学",
    "初中",
    "#按学历分",
    "",
    "",
    "",
    "",
    "#按授课课程分",
    "",
    "",
    "",
    "县级以上骨干教师(小学)",
    "县级以上骨干教师(初中)",
  ];
  const h2: RawCell[] = [
    "",
    "",
    "",
    "",
    "博士研究生",
    "硕士研究生",
    "本科",
    "专科",
    "高中阶段",
    "体育与健康",
    "艺术",
  ];
  const h3: RawCell[] = ["", "", "", "", "", "", "", "", "", "", "计", "音乐", "美术"];
  const merges = [
    "A1:A4",
    "B1:D1",
    "E1:M1",
    "N1:O1",
    "P1:P4",
    "Q1:Q4",
    "R1:R4",
    "S1:S4",
    "B2:B4",
    "C2:C4",
    "D2:D4",
    "E2:I2",
    "J2:M2",
    "N2:N4",
    "O2:O4",
    "E3:E4",
    "F3:F4",
    "G3:G4",
    "H3:H4",
    "I3:I4",
    "J3:J4",
    "K3:M3",
  ];
  const data: RawCell[][] = [
    //                 合计  小学  初中  博士 硕士 本科 专科 高中 体育 艺术计 音乐 美术 骨干小 骨干初 用房  场馆  仪器 多媒体
    ["城关第一小学", 800, 800, 0, 0, 2, 30, 10, 3, 3, 4, 2, 2, 9, "", 3600, 6400, 180, 20],
    ["城关初级中学", 600, 0, 600, 1, 5, 30, 6, 0, 3, 3, 2, 1, "", 7, 3300, 6300, 156, 15],
  ];
  const report = check(sheet("基础基", [h0, h1, h2, h3, ...data], merges));
  const t = report.tables[0];

  test("header rows 1–4, data from row 5", () => {
    expect(t.headerRows).toEqual([1, 2, 3, 4]);
    expect(t.firstDataRow).toBe(5);
  });
  test("header paths map to composite and per-stage keys", () => {
    expect(t.columns).toEqual({
      name: "A",
      students: "B",
      "students@primary": "C",
      "students@junior": "D",
      "qualified_teachers.doctor": "E",
      "qualified_teachers.master": "F",
      "qualified_teachers.bachelor": "G",
      "qualified_teachers.associate": "H",
      "qualified_teachers.below": "I",
      "pe_arts_teachers.pe": "J",
      "pe_arts_teachers.arts": "K",
      "pe_arts_teachers.music": "L",
      "pe_arts_teachers.fine_art": "M",
      "key_teachers@primary": "N",
      "key_teachers@junior": "O",
      teaching_space: "P",
      sports_space: "Q",
      equipment_value: "R",
      multimedia_rooms: "S",
    });
    expect(t.columnDetails.find((c) => c.key === "pe_arts_teachers.arts")?.header).toBe(
      "专任教师 › #按授课课程分 › 艺术 › 计"
    );
    expect(unitOf(t, "equipment_value")).toEqual({ unit: "万元", unitSource: "header" });
    expect(unitOf(t, "teaching_space")).toEqual({ unit: "平方米", unitSource: "header" });
  });
  test("小学: qualified = 博士+硕士+本科+专科 (not 高中阶段); 艺术 › 计 alone", () => {
    const s = school(report, "城关第一小学");
    expect(s.stage).toBe("primary");
    // (0+2+30+10)×100/800 = 42×100/800 = 5.25   (with 高中阶段 it would be 5.625; without 专科 4.0)
    expect(s.indicators.qualified_teachers_per_100.value).toBeCloseTo(5.25, 10);
    // key (小学) 9×100/800 = 1.125
    expect(s.indicators.key_teachers_per_100.value).toBeCloseTo(1.125, 10);
    // 体育与健康 3 + 艺术计 4 = 7 → 7×100/800 = 0.875   (计+音乐+美术 would give 11 → 1.375)
    expect(s.indicators.pe_arts_teachers_per_100.value).toBeCloseTo(0.875, 10);
    // 3600/800 = 4.5; 6400/800 = 8; 180×10000/800 = 2250; 20×100/800 = 2.5
    expectValues(s, [5.25, 1.125, 0.875, 4.5, 8, 2250, 2.5]);
  });
  test("初中: qualified = 博士+硕士+本科 (专科 does not count)", () => {
    const s = school(report, "城关初级中学");
    expect(s.stage).toBe("junior");
    // (1+5+30)×100/600 = 36×100/600 = 6   (with 专科 42×100/600 = 7)
    // key (初中) 7×100/600 = 1.1667; 体育 3 + 艺术计 3 = 6 → 1; 3300/600 = 5.5; 6300/600 = 10.5;
    // 156×10000/600 = 2600; 15×100/600 = 2.5
    expectValues(s, [6, 1.1667, 1, 5.5, 10.5, 2600, 2.5]);
  });
});

describe("b'. statistics-report wording: 研究生毕业 | 其中：博士 …, flat 艺术 | 其中：音乐 | 其中：美术", () => {
  const h0: RawCell[] = [
    "学校名称",
    "在校生数",
    "专任教师",
    "按学历分",
    "",
    "",
    "",
    "",
    "按学科分",
    "",
    "",
    "",
    "县级及以上骨干教师数",
    "教学及辅助用房面积(㎡)",
    "体育运动场馆面积(㎡)",
    "教学仪器设备值(万元)",
    "网络多媒体教室数",
  ];
  const h1: RawCell[] = [
    "",
    "",
    "",
    "研究生毕业",
    "其中：博士",
    "本科毕业",
    "专科毕业",
    "高中阶段毕业",
    "体育",
    "艺术",
    "其中：音乐",
    "其中：美术",
  ];
  const merges = [
    "A1:A2",
    "B1:B2",
    "C1:C2",
    "D1:H1",
    "I1:L1",
    "M1:M2",
    "N1:N2",
    "O1:O2",
    "P1:P2",
    "Q1:Q2",
  ];
  const data: RawCell[][] = [
    //              学生 专任 研究生 博士 本科 专科 高中 体育 艺术 音乐 美术 骨干 用房 场馆 仪器 多媒体
    ["城关小学", 800, 50, 3, 1, 30, 10, 7, 3, 4, 2, 2, 9, 3600, 6400, 180, 20],
    ["城关初级中学", 600, 45, 6, 1, 30, 6, 3, 3, 3, 2, 1, 7, 3300, 6300, 156, 15],
  ];
  const report = check(sheet("专任教师", [h0, h1, ...data], merges));
  const t = report.tables[0];

  test("levels read through 毕业; 其中：博士 is a part of 研究生 and not mapped", () => {
    expect(t.headerRows).toEqual([1, 2]);
    expect(t.firstDataRow).toBe(3);
    expect(t.columns).toEqual({
      name: "A",
      students: "B",
      teachers: "C",
      "qualified_teachers.master": "D",
      "qualified_teachers.bachelor": "F",
      "qualified_teachers.associate": "G",
      "qualified_teachers.below": "H",
      "pe_arts_teachers.pe": "I",
      "pe_arts_teachers.arts": "J",
      "pe_arts_teachers.music": "K",
      "pe_arts_teachers.fine_art": "L",
      key_teachers: "M",
      teaching_space: "N",
      sports_space: "O",
      equipment_value: "P",
      multimedia_rooms: "Q",
    });
    expect(t.unknownHeaders.map((h) => h.column)).toContain("E");
  });
  test("小学: 研究生 + 本科 + 专科, 博士 not added twice; 体育 + 艺术, 音乐/美术 not added", () => {
    const s = school(report, "城关小学");
    // (3 + 30 + 10)×100/800 = 43×100/800 = 5.375   (博士 added again: 44 → 5.5)
    expect(s.indicators.qualified_teachers_per_100.value).toBeCloseTo(5.375, 10);
    // (3 + 4)×100/800 = 0.875   (音乐 + 美术 added again: 11 → 1.375)
    expect(s.indicators.pe_arts_teachers_per_100.value).toBeCloseTo(0.875, 10);
  });
  test("初中: 研究生 + 本科", () => {
    const s = school(report, "城关初级中学");
    // (6 + 30)×100/600 = 6   (with 博士 again 37 → 6.1667; with 专科 42 → 7)
    expect(s.indicators.qualified_teachers_per_100.value).toBeCloseTo(6, 10);
    // (3 + 3)×100/600 = 1
    expect(s.indicators.pe_arts_teachers_per_100.value).toBeCloseTo(1, 10);
  });
});

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────
describe("c. a unit row under the header instead of brackets", () => {
  const header = [
    "学校名称",
    "在校生数",
    "高于规定学历教师数",
    "县级及以上骨干教师数",
    "体育艺术专任教师数",
    "教学及辅助用房面积",
    "体育运动场馆面积",
    "教学仪器设备值",
    "网络多媒体教室数",
  ];
  const expectedColumns = {
    name: "A",
    students: "B",
    qualified_teachers: "C",
    key_teachers: "D",
    pe_arts_teachers: "E",
    teaching_space: "F",
    sports_space: "G",
    equipment_value: "H",
    multimedia_rooms: "I",
  };
  test.each<[string, RawCell[]]>([
    ["plain unit row", ["", "人", "人", "人", "人", "㎡", "（平方米）", "万元", "间"]],
    [
      "unit row labelled 计量单位",
      ["计量单位", "人", "人", "人", "人", "㎡", "平方米", "万元", "间"],
    ],
    ["unit row labelled 单位", ["单位", "人", "人", "人", "人", "㎡", "㎡", "（万元）", "间"]],
  ])("%s", (_label, unitRow) => {
    const report = check(sheet("Sheet1", [header, unitRow, ...S16_PE_SUMMED]));
    const t = report.tables[0];
    expect(t.headerRows).toEqual([1]);
    expect(t.firstDataRow).toBe(3);
    expect(t.columns).toEqual(expectedColumns);
    expect(unitOf(t, "equipment_value")).toEqual({ unit: "万元", unitSource: "header" });
    expect(unitOf(t, "teaching_space")).toEqual({ unit: "㎡", unitSource: "header" });
    expect(codes(report, "unit-inferred")).toHaveLength(0);
    expect(report.schools).toHaveLength(4);
    for (const [name, v] of Object.entries(S16)) expectValues(school(report, name), v);
  });
});

describe("c. unit row variants", () => {
  const header = [
    "学校名称",
    "在校生数",
    "高于规定学历教师数",
    "县级及以上骨干教师数",
    "体育艺术专任教师数",
    "教学及辅助用房面积",
    "体育运动场馆面积",
    "教学仪器设备值",
    "网络多媒体教室数",
  ];

  test("学校名称 merged down over the unit row (A1:A2)", () => {
    const unitRow: RawCell[] = ["", "人", "人", "人", "人", "㎡", "㎡", "万元", "间"];
    const report = check(sheet("Sheet1", [header, unitRow, ...S16_PE_SUMMED], ["A1:A2"]));
    const t = report.tables[0];
    expect(t.headerRows).toEqual([1]);
    expect(t.firstDataRow).toBe(3);
    expect(t.columns.equipment_value).toBe("H");
    expect(unitOf(t, "equipment_value")).toEqual({ unit: "万元", unitSource: "header" });
    expect(school(report, "A小学").indicators.equipment_value_per_student.value).toBeCloseTo(
      2500,
      6
    );
  });

  test("units mixed with sub-headers in the second header row", () => {
    // Row 2 holds units under some columns and the 体育/音乐/美术 split under 专任教师 › 按学科分.
    const h0: RawCell[] = [
      "学校名称",
      "在校生数",
      "高于规定学历教师数",
      "县级及以上骨干教师数",
      "按学科分专任教师",
      "",
      "",
      "教学及辅助用房面积",
      "体育运动场馆面积",
      "教学仪器设备值",
      "网络多媒体教室数",
    ];
    const h1: RawCell[] = ["", "人", "人", "人", "体育", "音乐", "美术", "㎡", "㎡", "万元", "间"];
    const report = check(sheet("Sheet1", [h0, h1, ...SECTION16_ROWS], ["A1:A2", "E1:G1"]));
    const t = report.tables[0];
    expect(t.headerRows).toEqual([1, 2]);
    expect(t.firstDataRow).toBe(3);
    expect(t.columns).toEqual({
      name: "A",
      students: "B",
      qualified_teachers: "C",
      key_teachers: "D",
      "pe_arts_teachers.pe": "E",
      "pe_arts_teachers.music": "F",
      "pe_arts_teachers.fine_art": "G",
      teaching_space: "H",
      sports_space: "I",
      equipment_value: "J",
      multimedia_rooms: "K",
    });
    expect(unitOf(t, "equipment_value")).toEqual({ unit: "万元", unitSource: "header" });
    for (const [name, v] of Object.entries(S16)) expectValues(school(report, name), v);
  });

  test.each<[string, RawCell[]]>([
    ["甲 1 2 3 …", ["甲", 1, 2, 3, 4, 5, 6, 7, 8]],
    [
      "（甲） （1） （2） …",
      ["（甲）", "（1）", "（2）", "（3）", "（4）", "（5）", "（6）", "（7）", "（8）"],
    ],
    ["栏次 L1 L2 …", ["栏次", "L1", "L2", "L3", "L4", "L5", "L6", "L7", "L8"]],
  ])("an official column-code row (%s) between header and data", (_label, codeRow) => {
    const withUnits = header.map((h, i) => (i === 7 ? h + "(万元)" : h));
    const report = check(sheet("Sheet1", [withUnits, codeRow, ...S16_PE_SUMMED]));
    const t = report.tables[0];
    expect(t.headerRows).toEqual([1]);
    expect(t.firstDataRow).toBe(3);
    expect(report.schools.map((s) => s.name)).toEqual(["A小学", "B小学", "C小学", "D小学"]);
  });
});

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────
describe("d. one sheet per stage, same template", () => {
  // Both schools: 5000 ㎡ / 1000 students = 5.0 ㎡ per student.
  //   小学 threshold 4.5 → met.   初中 threshold 5.8 → not met; 5.0/5.8 = 86.2% ≥ 85% (floor 4.93).
  // 东城学校 (小学): 50×100/1000=5, 12×100/1000=1.2, (4+3+3)×100/1000=1, 5, 9000/1000=9, 250×10000/1000=2500, 25×100/1000=2.5
  //   → all 7 met (≥ 4.2, 1, 0.9, 4.5, 7.5, 2000, 2.3): PASS.
  // 西城学校 (初中): 60×100/1000=6, 1.2, 1, 5, 11000/1000=11, 300×10000/1000=3000, 2.5
  //   → met except teaching (5 < 5.8 but ≥ 4.93): 6 met, PASS.
  // The names contain 学校 (a header word), and are the first data rows.
  const primary = sheet("小学", [
    SECTION16_HEADER,
    ["东城学校", 1000, 50, 12, 4, 3, 3, 5000, 9000, 250, 25],
  ]);
  const junior = sheet("初中", [
    SECTION16_HEADER,
    ["西城学校", 1000, 60, 12, 4, 3, 3, 5000, 11000, 300, 25],
  ]);
  const report = check(primary, junior);

  test("two tables, each with its sheet's stage", () => {
    expect(report.tables.map((t) => [t.sheet, t.stage, t.headerRows, t.firstDataRow])).toEqual([
      ["小学", "primary", [1], 2],
      ["初中", "junior", [1], 2],
    ]);
    for (const t of report.tables) {
      expect(t.columns).toMatchObject({
        name: "A",
        students: "B",
        teaching_space: "H",
        equipment_value: "J",
      });
    }
  });
  test("5.0 ㎡ per student meets 4.5 in 小学", () => {
    const s = school(report, "东城学校");
    expect(s.stage).toBe("primary");
    expectValues(s, [5, 1.2, 1, 5, 9, 2500, 2.5]);
    expect(s.indicators.teaching_space_per_student).toMatchObject({ threshold: 4.5, meets: true });
    expect(s).toMatchObject({ metCount: 7, status: "pass" });
  });
  test("5.0 ㎡ per student misses 5.8 in 初中 (at the 85% floor)", () => {
    const s = school(report, "西城学校");
    expect(s.stage).toBe("junior");
    expectValues(s, [6, 1.2, 1, 5, 11, 3000, 2.5]);
    expect(s.indicators.teaching_space_per_student).toMatchObject({
      threshold: 5.8,
      floor: 4.93,
      meets: false,
    });
    expect(s).toMatchObject({
      metCount: 6,
      atFloor: ["teaching_space_per_student"],
      status: "pass",
    });
  });
  test("each stage has its own county result", () => {
    expect(report.county.primary?.schools).toBe(1);
    expect(report.county.junior?.schools).toBe(1);
  });
});

describe("d'. a sheet named 「中小学基本情况」 names no single stage", () => {
  // 城关初级中学: 6000/1000 = 6.0 ㎡ per student, judged against 初中 5.8 (met), not 小学 4.5.
  const report = check(
    sheet("中小学基本情况", [
      SECTION16_HEADER,
      SECTION16_ROWS[0],
      ["城关初级中学", 1000, 60, 12, 4, 3, 3, 6000, 11000, 300, 25],
    ])
  );
  test("no sheet stage; each school takes its own", () => {
    expect(report.tables[0].stage).toBeNull();
    expect(school(report, "A小学").stage).toBe("primary");
    expect(school(report, "城关初级中学").stage).toBe("junior");
    expect(school(report, "城关初级中学").indicators.teaching_space_per_student).toMatchObject({
      value: 6,
      threshold: 5.8,
      meets: true,
    });
  });
});

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────
describe("e. shuffled, unrelated and trap columns", () => {
  const header = [
    "序号", // A
    "校长姓名", // B
    "学校名称", // C
    "联系电话", // D
    "体育运动场馆面积(㎡)", // E  trap: 体育 but an area
    "室内体育用房面积(㎡)", // F  trap: 体育 but an area
    "体育专任教师", // G  trap: 体育 + 专任教师, a teacher count
    "平均班额", // H  trap: not the maximum
    "最大班额", // I
    "教职工数", // J  trap: not 专任教师
    "专任教师数", // K
    "在校生数", // L
    "教学及辅助用房面积(㎡)", // M
    "备注", // N
    "音乐专任教师", // O
    "美术专任教师", // P
    "高于规定学历教师数", // Q
    "县级及以上骨干教师数", // R
    "教学仪器设备值(万元)", // S
    "网络多媒体教室数", // T
    "校舍建筑面积(㎡)", // U  wider than 教学及辅助用房: unused
  ];
  const rows: RawCell[][] = [
    header,
    [
      1,
      "张三",
      "城关小学",
      "0551-1234567",
      9600,
      600,
      4,
      40.5,
      45,
      80,
      70,
      1200,
      6600,
      "",
      4,
      4,
      60,
      14,
      300,
      30,
      12000,
    ],
    [
      2,
      "李四",
      "南街小学",
      "0551-7654321",
      4200,
      0,
      2,
      38,
      44,
      40,
      35,
      600,
      2900,
      "新建",
      2,
      2,
      28,
      6,
      126,
      15,
      5000,
    ],
  ];
  const report = check(sheet("学校", rows));
  const t = report.tables[0];

  test("mapping ignores the order and the unrelated columns", () => {
    expect(t.headerRows).toEqual([1]);
    expect(t.firstDataRow).toBe(2);
    expect(t.columns).toEqual({
      name: "C",
      sports_space: "E",
      indoor_sports_space: "F",
      "pe_arts_teachers.pe": "G",
      avg_class_size: "H",
      max_class_size: "I",
      staff: "J",
      teachers: "K",
      students: "L",
      teaching_space: "M",
      "pe_arts_teachers.music": "O",
      "pe_arts_teachers.fine_art": "P",
      qualified_teachers: "Q",
      key_teachers: "R",
      equipment_value: "S",
      multimedia_rooms: "T",
    });
    const unknown = t.unknownHeaders.map((h) => h.column);
    for (const col of ["A", "B", "D", "N", "U"]) expect(unknown).toContain(col);
  });
  test("PE teachers are 体育+音乐+美术 teachers, not areas", () => {
    // 城关小学: (4+4+4)×100/1200 = 1.0 (had 体育运动场馆面积 9600 been read as teachers: 800)
    expect(school(report, "城关小学").indicators.pe_arts_teachers_per_100.value).toBeCloseTo(1, 10);
    // 南街小学: (2+2+2)×100/600 = 1.0
    expect(school(report, "南街小学").indicators.pe_arts_teachers_per_100.value).toBeCloseTo(1, 10);
  });
  test("areas: 室内体育用房 subtracted from 用房 (default 6), never added to a combined 场馆", () => {
    // 城关小学: (6600 − 600)/1200 = 5.0; 场馆 9600/1200 = 8.0 (not (9600+600)/1200 = 8.5)
    expect(school(report, "城关小学").indicators.teaching_space_per_student.value).toBeCloseTo(
      5,
      10
    );
    expect(school(report, "城关小学").indicators.sports_space_per_student.value).toBeCloseTo(8, 10);
    // 南街小学: (2900 − 0)/600 = 4.8333; 4200/600 = 7
    expect(school(report, "南街小学").indicators.teaching_space_per_student.value).toBeCloseTo(
      4.8333,
      4
    );
  });
  test("the class-size check reads 最大班额 (45), not 平均班额 (40.5)", () => {
    expect(school(report, "城关小学").checks?.class_size).toMatchObject({
      value: 45,
      limit: 45,
      meets: true,
    });
  });
});

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────
describe("f. money unit from a sheet note, or inferred", () => {
  const header = [
    "学校名称",
    "在校生数",
    "高于规定学历教师数",
    "县级及以上骨干教师数",
    "体育艺术专任教师数",
    "教学及辅助用房面积(㎡)",
    "体育运动场馆面积(㎡)",
    "教学仪器设备值",
    "网络多媒体教室数(间)",
  ];

  test("「单位：万元」 above the header covers 教学仪器设备值 (no unit of its own)", () => {
    const rows: RawCell[][] = [
      ["某县学校办学条件统计表"],
      ["填报单位：某县教育局", "", "", "", "", "", "", "", "单位：万元"],
      header,
      ...S16_PE_SUMMED,
    ];
    const report = check(sheet("办学条件", rows, ["A1:I1"]));
    const t = report.tables[0];
    expect(t.headerRows).toEqual([3]);
    expect(t.firstDataRow).toBe(4);
    expect(t.columns.equipment_value).toBe("H");
    expect(unitOf(t, "equipment_value")).toEqual({ unit: "万元", unitSource: "note" });
    // 300 万元 × 10000 / 1200 students = 2500 元 per student (§15 mistake 4 would give 0.25).
    expect(school(report, "A小学").indicators.equipment_value_per_student.value).toBeCloseTo(
      2500,
      6
    );
    expect(codes(report, "unit-inferred")).toHaveLength(0);
  });

  test("one note cell naming two units: 「面积单位：平方米　金额单位：万元」", () => {
    const rows: RawCell[][] = [
      ["面积单位：平方米　金额单位：万元"],
      header.map((h) => h.replace("(㎡)", "")),
      ...S16_PE_SUMMED,
    ];
    const report = check(sheet("办学条件", rows));
    const t = report.tables[0];
    expect(t.headerRows).toEqual([2]);
    expect(unitOf(t, "equipment_value")).toEqual({ unit: "万元", unitSource: "note" });
    expect(unitOf(t, "teaching_space")).toEqual({ unit: "平方米", unitSource: "note" });
    // 126 万元 × 10000 / 600 = 2100 元
    expect(school(report, "B小学").indicators.equipment_value_per_student.value).toBeCloseTo(
      2100,
      6
    );
    expect(codes(report, "unit-inferred")).toHaveLength(0);
  });

  test("「填报单位：元宝山区教育局」 names no unit (元宝山区 is a district): the unit is still inferred", () => {
    const rows: RawCell[][] = [["填报单位：元宝山区教育局"], header, ...S16_PE_SUMMED];
    const report = check(sheet("办学条件", rows));
    expect(unitOf(report.tables[0], "equipment_value")).toEqual({
      unit: "万元",
      unitSource: "inferred",
    });
    expect(school(report, "A小学").indicators.equipment_value_per_student.value).toBeCloseTo(
      2500,
      6
    );
  });

  test.each<[string, string[]]>([
    ["单位：万元", ["万元"]],
    ["（单位：万元）", ["万元"]],
    ["单位:人、㎡、万元", ["人", "㎡", "万元"]],
    ["面积单位：平方米　金额单位：万元", ["平方米", "万元"]],
    ["面积单位：平方米金额单位：万元", ["平方米", "万元"]],
    ["单位：万元　　填报日期：2023年9月", ["万元"]],
    ["单位：万元填报日期：2023年9月", ["万元"]],
    ["计量单位：元。", ["元"]],
    ["填报单位：某县教育局", []],
    ["填报单位：元宝山区教育局", []],
    ["填报单位：人民路小学", []],
    ["单位：千元", ["千元"]],
    ["单位：百元", []],
    ["教学仪器设备值单位为万元", []],
  ])("parseNoteUnits(%s)", (text, tokens) => {
    expect(parseNoteUnits(text).map((u) => u.token)).toEqual(tokens);
  });

  test("no unit anywhere: median per student < 50 → 万元, with a unit-inferred warning", () => {
    // Per student: 300/1200 = 0.25, 126/600 = 0.21, 57/300 = 0.19, 33/150 = 0.22 → all far below 50 → 万元.
    const report = check(sheet("办学条件", [header, ...S16_PE_SUMMED]));
    const t = report.tables[0];
    expect(unitOf(t, "equipment_value")).toEqual({ unit: "万元", unitSource: "inferred" });
    const w = codes(report, "unit-inferred");
    expect(w).toHaveLength(1);
    expect(w[0].severity).toBe("warning");
    expect(school(report, "A小学").indicators.equipment_value_per_student.value).toBeCloseTo(
      2500,
      6
    );
    expect(school(report, "D小学").indicators.equipment_value_per_student.value).toBeCloseTo(
      2200,
      6
    );
  });

  test("no unit anywhere, values in 元: median ≥ 50 → 元 (still warned)", () => {
    // 3,000,000 / 1200 = 2500 元 per student → 元.
    const rows = S16_PE_SUMMED.map((r) => r.map((v, i) => (i === 7 ? Number(v) * 10000 : v)));
    const report = check(sheet("办学条件", [header, ...rows]));
    expect(unitOf(report.tables[0], "equipment_value")).toEqual({
      unit: "元",
      unitSource: "inferred",
    });
    expect(codes(report, "unit-inferred")).toHaveLength(1);
    expect(school(report, "A小学").indicators.equipment_value_per_student.value).toBeCloseTo(
      2500,
      6
    );
  });
});

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────
describe("g. precomputed ratio columns", () => {
  const header = ["学校名称", "在校生数", "教学及辅助用房面积(㎡)", "生均教学及辅助用房面积(㎡)"];

  test("next to the raw area: recomputed, warned when off by more than display precision", () => {
    const rows: RawCell[][] = [
      header,
      // 6000/1200 = 5.000, given 5.00: equal.
      ["A小学", 1200, 6000, 5],
      // 2900/600 = 4.8333, given 4.83: |4.83 − 4.8333| = 0.0033 < 0.005 (half a unit of the 2nd decimal): no warning.
      ["B小学", 600, 2900, 4.83],
      // 1200/300 = 4.0, given 4.5: off by 0.5 → precomputed-mismatch; the value used is the recomputed 4.0.
      ["C小学", 300, 1200, 4.5],
    ];
    const report = check(sheet("Sheet1", rows));
    const t = report.tables[0];
    expect(t.columns).toEqual({
      name: "A",
      students: "B",
      teaching_space: "C",
      "ratio.teaching_space_per_student": "D",
    });
    expect(school(report, "A小学").indicators.teaching_space_per_student.value).toBeCloseTo(5, 10);
    expect(school(report, "B小学").indicators.teaching_space_per_student.value).toBeCloseTo(
      2900 / 600,
      10
    );
    const c = school(report, "C小学").indicators.teaching_space_per_student;
    expect(c.value).toBeCloseTo(4, 10);
    expect(c.fromRatioColumn).toBeUndefined();
    const w = codes(report, "precomputed-mismatch");
    expect(w.map((f) => [f.school, f.indicator, f.cell])).toEqual([
      ["C小学", "teaching_space_per_student", "D4"],
    ]);
  });

  test("ratio only (no raw area): the ratio column supplies the value", () => {
    const rows: RawCell[][] = [
      ["学校名称", "在校生数", "生均教学及辅助用房面积(㎡)"],
      ["A小学", 1200, 5],
      ["B小学", 600, 4.83],
    ];
    const report = check(sheet("Sheet1", rows));
    const t = report.tables[0];
    expect(t.columns).toEqual({
      name: "A",
      students: "B",
      "ratio.teaching_space_per_student": "C",
    });
    expect(t.unmapped).not.toContain("teaching_space");
    const b = school(report, "B小学").indicators.teaching_space_per_student;
    expect(b).toMatchObject({ value: 4.83, fromRatioColumn: true, cell: "C3", meets: true });
    expect(codes(report, "precomputed-mismatch")).toHaveLength(0);
  });
});

describe("g'. a filled 表Ⅱ-2 (L1–L14 with a code row): ratios only", () => {
  const header = [
    "序号",
    "学校名称",
    "举办者类型",
    "在校生数",
    "年级数",
    "班级数",
    "每百名学生拥有高于规定学历教师数（人）",
    "每百名学生拥有县级以上骨干教师数（人）",
    "每百名学生拥有体育、艺术（美术、音乐）专任教师数（人）",
    "生均教学及辅助用房面积（㎡）",
    "生均体育运动场馆面积（㎡）",
    "生均教学仪器设备值（元）",
    "每百名学生拥有网络多媒体教室数（间）",
    "该校综合评估是否达标",
    "备注",
  ];
  const codeRow = [
    "L1",
    "L2",
    "L3",
    "L4",
    "L5",
    "L6",
    "L7",
    "L8",
    "L9",
    "L10",
    "L11",
    "L12",
    "L13",
    "L14",
  ];
  // §16 A and B, given to 2 dp as 表Ⅱ-2 asks ("L7-L13 数值均保留两位小数").
  const rows: RawCell[][] = [
    ["县域义务教育学校资源配置基本情况（分学校）"],
    header,
    codeRow,
    [1, "A小学", 7, 1200, 6, 24, 5.0, 1.17, 1.0, 5.0, 8.0, 2500.0, 2.5, 1, ""],
    [2, "B小学", 7, 600, 6, 12, 4.67, 1.0, 1.0, 4.83, 7.0, 2100.0, 2.5, 1, "场馆达到85%"],
  ];
  const report = check(sheet("表Ⅱ-2", rows, ["A1:O1"]));
  const t = report.tables[0];

  test("the code row is neither header nor data", () => {
    expect(t.headerRows).toEqual([2]);
    expect(t.firstDataRow).toBe(4);
    expect(t.columns).toMatchObject({
      name: "B",
      ownership: "C",
      students: "D",
      classes: "F",
      "ratio.qualified_teachers_per_100": "G",
      "ratio.key_teachers_per_100": "H",
      "ratio.pe_arts_teachers_per_100": "I",
      "ratio.teaching_space_per_student": "J",
      "ratio.sports_space_per_student": "K",
      "ratio.equipment_value_per_student": "L",
      "ratio.multimedia_rooms_per_100": "M",
    });
    expect(t.unmapped).toEqual([]);
  });
  test("the given ratios are the values (no raw quantities)", () => {
    const a = school(report, "A小学");
    expect(values(a)).toEqual([5, 1.17, 1, 5, 8, 2500, 2.5]);
    expect(Object.values(a.indicators).every((i) => i.fromRatioColumn === true)).toBe(true);
    expect(a).toMatchObject({ metCount: 7, status: "pass" });
    // B: 场馆 7.0 < 7.5 but ≥ 6.375 (85%): 6 met → pass.
    expect(school(report, "B小学")).toMatchObject({
      metCount: 6,
      atFloor: ["sports_space_per_student"],
      status: "pass",
    });
  });
});

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────
describe("h. summary, placeholder, note and empty rows", () => {
  // 空白小学: named, every value empty, and the first row under the header (no 序号 column to give it a number).
  // 城关初级中学: 1000 students, 60, 12, 4+3+3, 6000, 11000, 300, 25.
  // 小学小计 = A+B: 1200+600=1800, 60+28=88, 14+6=20, 4+2=6, 4+2=6, 4+2=6, 6000+2900=8900, 9600+4200=13800, 300+126=426, 30+15=45
  // 全县 = A+B+城关: 2800, 148, 32, 10, 9, 9, 14900, 24800, 726, 70
  // 平均 = 全县 / 3 schools with data (any values: a 平均 row is never checked against a sum).
  const rows: RawCell[][] = [
    SECTION16_HEADER,
    ["空白小学"],
    SECTION16_ROWS[0],
    SECTION16_ROWS[1],
    ["小学小计", 1800, 88, 20, 6, 6, 6, 8900, 13800, 426, 45],
    ["…", "…", "…"],
    ["城关初级中学", 1000, 60, 12, 4, 3, 3, 6000, 11000, 300, 25],
    ["初中合计", 1000, 60, 12, 4, 3, 3, 6000, 11000, 300, 25],
    ["全县", 2800, 148, 32, 10, 9, 9, 14900, 24800, 726, 70],
    ["平均", 933.33, 49.33, 10.67, 3.33, 3, 3, 4966.67, 8266.67, 242, 23.33],
    ["注："],
    ["1．本表不含民办学校，数据截至2023年9月1日。"],
    ["2．不含教学点。"],
  ];
  const report = check(sheet("Sheet1", rows));
  const t = report.tables[0];

  test("the header is row 1 and data start at row 2, even though that school has no numbers", () => {
    expect(t.headerRows).toEqual([1]);
    expect(t.firstDataRow).toBe(2);
    expect(t.columns.name).toBe("A");
  });
  test("only the real schools are schools", () => {
    expect(report.schools.map((s) => s.name)).toEqual([
      "空白小学",
      "A小学",
      "B小学",
      "城关初级中学",
    ]);
  });
  test("小计, 合计, 全县, 平均 are summaries; … is a placeholder; 注 lines are notes", () => {
    expect(t.skippedRows).toEqual([
      { row: 5, label: "小学小计", reason: "summary" },
      { row: 6, label: "…", reason: "placeholder" },
      { row: 8, label: "初中合计", reason: "summary" },
      { row: 9, label: "全县", reason: "summary" },
      { row: 10, label: "平均", reason: "summary" },
      { row: 11, label: "注：", reason: "note" },
      { row: 12, label: "1．本表不含民办学校，数据截至2023年9月1日。", reason: "note" },
      { row: 13, label: "2．不含教学点。", reason: "note" },
    ]);
    // Subtotals and the county total agree with their schools.
    expect(codes(report, "total-mismatch")).toHaveLength(0);
  });
  test("the empty named school is kept and reported as missing data, never as zeros", () => {
    const s = school(report, "空白小学");
    expect(s.row).toBe(2);
    expect(s.students).toBeNull();
    expect(values(s)).toEqual([null, null, null, null, null, null, null]);
    expect(s.status).toBe("incomplete");
    expect(s.meets).toBeNull();
    const missing = report.findings.filter(
      (f) => f.code === "missing-value" && f.school === "空白小学"
    );
    // One cause, one finding: the empty 在校生数 cell blocks all seven indicators.
    expect(missing).toHaveLength(1);
    const [only] = missing;
    expect(only.severity).toBe("error");
    expect(only.indicator).toBeNull();
    expect(only.code === "missing-value" && [...only.params.indicators].sort()).toEqual(
      [...IDS].sort()
    );
  });
  test("the real schools are judged against their stage", () => {
    expect(school(report, "A小学").stage).toBe("primary");
    expect(school(report, "城关初级中学").stage).toBe("junior");
    // 6000/1000 = 6.0 ≥ 5.8
    expect(school(report, "城关初级中学").indicators.teaching_space_per_student).toMatchObject({
      value: 6,
      meets: true,
    });
  });
});

describe("h. block headings 「一、小学」「二、初中」 inside the data (表Ⅱ-2 order)", () => {
  const rows: RawCell[][] = [
    SECTION16_HEADER,
    ["一、小学"],
    SECTION16_ROWS[0],
    SECTION16_ROWS[1],
    ["二、初中"],
    ["城关初级中学", 1000, 60, 12, 4, 3, 3, 6000, 11000, 300, 25],
  ];
  const report = check(sheet("Sheet1", rows));
  const t = report.tables[0];
  test("headings are neither header rows nor schools", () => {
    expect(t.headerRows).toEqual([1]);
    expect(t.firstDataRow).toBe(2);
    expect(report.schools.map((s) => s.name)).toEqual(["A小学", "B小学", "城关初级中学"]);
    expect(t.skippedRows).toEqual([
      { row: 2, label: "一、小学", reason: "section" },
      { row: 5, label: "二、初中", reason: "section" },
    ]);
    expect(codes(report, "missing-value")).toHaveLength(0);
  });
});

describe("h. a 一贯制 school on two rows with its name merged down (A3:A4)", () => {
  // Row 4's 学校名称 cell is the lower half of the merge: the school is 城南九年一贯制学校, its 初中 part.
  // Expected: 城南九年一贯制学校 twice (小学 500 students, 2500/500 = 5.0 ㎡; 初中 400 students, 2400/400 = 6.0 ㎡).
  // Bug outside src/engine/table: readTableRows (src/engine/schools/tableRows.ts) reads the raw name cell, so the
  // row's label falls back to its 学段 cell 「初中」 (a block heading) and the 初中 part with its data is dropped.
  const rows: RawCell[][] = [
    ["学校名称", "学段", "在校生数", "教学及辅助用房面积(㎡)"],
    ["城关小学", "小学", 1200, 6000],
    ["城南九年一贯制学校", "小学", 500, 2500],
    ["", "初中", 400, 2400],
  ];
  test("both parts are schools, each with its own stage and data", () => {
    const report = check(sheet("Sheet1", rows, ["A3:A4"]));
    const parts = report.schools.filter((x) => x.name === "城南九年一贯制学校");
    expect(
      parts.map((p) => [p.stage, p.students, p.indicators.teaching_space_per_student.value])
    ).toEqual([
      ["primary", 500, 5],
      ["junior", 400, 6],
    ]);
  });
});

describe("h. no school table", () => {
  test("a sheet of prose throws NoSchoolTableError", () => {
    const wb = workbook(
      sheet("说明", [["填表说明"], ["1．请在「学校」表中逐校填写。"], ["2．金额单位：万元。"]])
    );
    expect(() => checkWorkbook(wb)).toThrow(NoSchoolTableError);
  });
  test("a header with no data rows throws NoSchoolTableError", () => {
    expect(() => checkWorkbook(workbook(sheet("Sheet1", [SECTION16_HEADER])))).toThrow(
      NoSchoolTableError
    );
  });
  test("an empty workbook throws NoSchoolTableError", () => {
    expect(() => checkWorkbook(workbook(sheet("Sheet1", [])))).toThrow(NoSchoolTableError);
  });
  test("a prose sheet next to a school table is reported, not fatal", () => {
    const report = check(
      sheet("说明", [["本工作簿共两张表。"], ["请勿修改表头。"]]),
      sheet("小学", [SECTION16_HEADER, ...SECTION16_ROWS])
    );
    expect(report.tables.map((x) => x.sheet)).toEqual(["小学"]);
    expect(codes(report, "no-table").map((f) => f.sheet)).toEqual(["说明"]);
  });
});

describe("i. one header row with 其中 stage parts, a 学部 column and a 九年一贯制 school on two rows", () => {
  // Row 1 header; the 九年一贯制 school is written once per 学部, its name merged over B2:B3.
  // 在校学生合计 | 其中：小学 | 其中：初中 is one row: the two 其中 columns are per-stage parts of the students.
  const rows: RawCell[][] = [
    [
      "序号",
      "学校名称",
      "学部",
      "在校学生\n合计",
      "其中：\n小学",
      "其中：\n初中",
      "高于规定学历教师数",
    ],
    [1, "甲九年一贯制学校", "小学部", 600, 600, null, 30],
    [null, null, "初中部", 400, null, 400, 24],
    [2, "乙学校", null, 900, 500, 400, 45],
    // 「中学」 alone could be 初中 or 高中 (§8): only the 学部 column says 初中.
    [3, "丙中学", "初中", 700, null, null, 35],
  ];
  const report = check(sheet("学校", rows, ["A2:A3", "B2:B3"]));
  const t = report.tables[0];

  test("the 其中 columns are students per stage, not unplaced headers", () => {
    expect(t.columns["students@primary"]).toBe("E");
    expect(t.columns["students@junior"]).toBe("F");
    expect(t.unknownHeaders.map((h) => h.column)).not.toContain("E");
  });

  test("学部 says the stage of each row of the merged school", () => {
    const parts = report.schools.filter((s) => s.name === "甲九年一贯制学校");
    expect(parts.map((p) => [p.stage, p.students])).toEqual([
      ["primary", 600],
      ["junior", 400],
    ]);
    // 30 teachers / 600 students × 100 = 5.00; 24 / 400 × 100 = 6.00.
    expect(parts[0].indicators.qualified_teachers_per_100?.value).toBeCloseTo(5, 9);
    expect(parts[1].indicators.qualified_teachers_per_100?.value).toBeCloseTo(6, 9);
  });

  test("学部 is the school-type column: 「丙中学」 is 初中 by it alone", () => {
    expect(t.columns.type).toBe("C");
    expect(report.schools.find((s) => s.name === "丙中学")?.stage).toBe("junior");
  });

  test("a school with both 其中 figures is split by them (500 小学, 400 初中)", () => {
    const parts = report.schools.filter((s) => s.name === "乙学校");
    expect(parts.map((p) => [p.stage, p.students])).toEqual([
      ["primary", 500],
      ["junior", 400],
    ]);
  });
});
