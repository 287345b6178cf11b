/**
 * Report-level rules: required columns, sheets without a table, the summary and its verdicts, basic-2012's composite
 * (standards.md §4), and the §16 worked example flattened whole.
 */
import { FINDINGS } from "../../../src/engine/findings/catalog";
import { checkWorkbook } from "../../../src/engine/report";
import { SECTION16_HEADER, SECTION16_ROWS, sheet, workbook } from "../helpers";
import {
  check,
  checkSheets,
  flatten,
  flattenWhere,
  H7,
  JUNIOR_OK,
  PRIMARY_OK,
  settingsWith,
  withCells,
} from "./harness";

describe("every finding carries its catalogue severity and category", () => {
  test("a report with many codes", () => {
    const r = check("小学", [
      H7,
      withCells(PRIMARY_OK, "甲小学", { D: 8 }),
      withCells(PRIMARY_OK, "乙小学", { D: null }),
      withCells(PRIMARY_OK, "丙小学", { E: -1 }),
    ]);
    expect(r.findings.length).toBeGreaterThan(3);
    for (const f of r.findings) {
      expect([f.code, f.severity, f.category]).toEqual([
        f.code,
        FINDINGS[f.code].severity,
        FINDINGS[f.code].category,
      ]);
    }
  });
});

describe("unmapped-field: one error per indicator without a column, none per school", () => {
  const r = check("小学", [
    ["学校名称", "在校生数", "县级及以上骨干教师数", "教学及辅助用房面积(㎡)"],
    ["甲小学", 1000, 12, 5000],
    ["乙小学", 1000, 12, 5000],
  ]);
  test("five indicators lack a column", () => {
    expect(flattenWhere(r, ["unmapped-field"])).toEqual(
      [
        "qualified_teachers_per_100",
        "pe_arts_teachers_per_100",
        "sports_space_per_student",
        "equipment_value_per_student",
        "multimedia_rooms_per_100",
      ]
        .map((id): [string, null, string, null, null, string] => [
          "小学",
          null,
          "unmapped-field",
          null,
          null,
          id,
        ])
        .sort((a, b) => (a[5] < b[5] ? -1 : 1))
    );
    expect(r.tables[0].unmapped.sort()).toEqual([
      "equipment_value",
      "multimedia_rooms",
      "pe_arts_teachers",
      "qualified_teachers",
      "sports_space",
    ]);
    expect(flatten(r, ["missing-value"])).toEqual([]);
  });
  test("no 在校生数 column: an error naming every indicator", () => {
    const x = check("小学", [
      ["学校名称", "县级及以上骨干教师数"],
      ["甲小学", 12],
    ]);
    expect(x.tables[0].unmapped).toContain("students");
    expect(flattenWhere(x, ["unmapped-field"]).filter((f) => f[5] === null)).toEqual([
      ["小学", null, "unmapped-field", null, null, null],
    ]);
  });
  test("the table's confidence is the share of required fields found: (name, students, L2, L4) of 9", () => {
    expect(r.tables[0].confidence).toBeCloseTo(4 / 9, 12);
  });
});

describe("no-table: a sheet with content but no school table", () => {
  test("info, sheet named, no cell; the other sheet is checked", () => {
    const r = checkSheets([
      ["说明", [["本工作簿为2023年统计数据"]]],
      ["小学", [H7, PRIMARY_OK]],
    ]);
    expect(flattenWhere(r, ["no-table"])).toEqual([["说明", null, "no-table", null, null, null]]);
    expect(r.schools).toHaveLength(1);
  });
});

describe("summary: meets and readyToSubmit", () => {
  test("everything met and no error: meets true, ready", () => {
    const r = checkSheets([
      ["小学", [H7, PRIMARY_OK, withCells(PRIMARY_OK, "乙小学")]],
      ["初中", [H7, JUNIOR_OK]],
    ]);
    expect(r.county.primary!.meets).toBe(true);
    expect(r.county.junior!.meets).toBe(true);
    expect(r.summary).toMatchObject({
      schools: 3,
      schoolsMeeting: 3,
      errors: 0,
      meets: true,
      readyToSubmit: true,
    });
    expect(r.standard.stages).toEqual(["primary", "junior"]);
  });
  test("one stage failing fails the county; errors block submission", () => {
    const r = checkSheets([
      ["小学", [H7, PRIMARY_OK]],
      ["初中", [H7, withCells(JUNIOR_OK, "乙初中", { D: 5 })]], // 0.5 < 0.85 → school fails
    ]);
    expect(r.county.primary!.meets).toBe(true);
    expect(r.county.junior!.meets).toBe(false);
    expect(r.summary).toMatchObject({ meets: false, readyToSubmit: false, errors: 1 });
  });
  test("one stage met and the other not yet decidable: the county verdict is null, not true", () => {
    const r = checkSheets([
      ["小学", [H7, PRIMARY_OK]],
      ["初中", [H7, withCells(JUNIOR_OK, "乙初中", { D: null })]], // 骨干 missing → INCOMPLETE
    ]);
    expect(r.county.primary!.meets).toBe(true);
    expect(r.county.junior!.meets).toBeNull();
    expect(r.summary.meets).toBeNull();
  });
  test("a warning alone does not block submission", () => {
    // 乙 key 0.9 (90%): below-standard warning, school passes.
    const r = check("小学", [H7, PRIMARY_OK, withCells(PRIMARY_OK, "乙小学", { D: 9 })]);
    expect(r.summary).toMatchObject({ errors: 0, warnings: 1, readyToSubmit: true, meets: true });
  });
});

describe("basic-2012 (§4): no per-school verdict; composite = mean of the 8 CVs ≤ 0.65 / 0.55", () => {
  const header = [
    "学校名称",
    "在校生数",
    "教学及辅助用房面积(㎡)",
    "体育运动场馆面积(㎡)",
    "教学仪器设备值(元)",
    "计算机台数",
    "图书册数",
    "专任教师数",
    "高于规定学历教师数",
    "中级及以上专业技术职务教师数",
  ];
  // Two schools of 1000 students; the second has every figure × (1 + 2d) of the first's, d = 0.3 → each
  // X = x and x(1 + 2d): X̄ = x(1 + d), S = x·d, CV = d ÷ (1 + d) = 0.3 ÷ 1.3 = 0.230769 for all 8, mean the same.
  const a = [1000, 5000, 8000, 2000000, 100, 20000, 60, 50, 30];
  const b = a.map((v, i) => (i === 0 ? v : v * 1.6));
  const r = check("小学", [header, ["甲小学", ...a], ["乙小学", ...b]], {
    settings: settingsWith({}, "basic-2012"),
  });
  test("schools have values but no verdict", () => {
    expect(r.schools.map((s) => s.status)).toEqual(["no-verdict", "no-verdict"]);
    expect(r.schools[0].meets).toBeNull();
    expect(r.schools[0].indicators.books_per_student).toMatchObject({ value: 20, meets: null });
  });
  test("甲小学's 8 values by 表2's definitions: computers per 100 students, teacher ratios to 3 dp", () => {
    const v = (id: string) => r.schools[0].indicators[id];
    // 100 computers × 100 ÷ 1000 students = 10 per 100 (not 0.1 per student).
    expect(v("computers_per_100")).toMatchObject({ value: 10, display: "10.00" });
    // 5000 ㎡ ÷ 1000 = 5; 8000 ÷ 1000 = 8; 2,000,000 元 ÷ 1000 = 2000; 20000 册 ÷ 1000 = 20.
    expect(v("teaching_space_per_student").value).toBeCloseTo(5, 12);
    expect(v("sports_space_per_student").value).toBeCloseTo(8, 12);
    expect(v("equipment_value_per_student").value).toBeCloseTo(2000, 12);
    // 60 teachers ÷ 1000 = 0.060 (师生比 to 3 dp); 50 ÷ 1000 = 0.050; 30 ÷ 1000 = 0.030.
    expect(v("teachers_per_student")).toMatchObject({ display: "0.060" });
    expect(v("qualified_teachers_per_student")).toMatchObject({ display: "0.050" });
    expect(v("senior_title_teachers_per_student")).toMatchObject({ display: "0.030" });
  });
  test("8 CVs of 0.230769 and their mean as the composite, within 0.65", () => {
    const cvs = Object.values(r.county.primary!.indicators).map((i) => i.cv);
    expect(cvs).toHaveLength(8);
    for (const cv of cvs) expect(cv).toBeCloseTo(0.3 / 1.3, 9);
    expect(r.county.primary!.composite).toMatchObject({ limit: 0.65, meets: true });
    expect(r.county.primary!.composite!.cv).toBeCloseTo(0.3 / 1.3, 9);
    expect(r.county.primary!.meets).toBe(true);
  });
  test("the composite limit is 0.55 for 初中: d = 1.5 → CV 1.5 ÷ 2.5 = 0.6 fails, with one cv-over-limit", () => {
    const bj = a.map((v, i) => (i === 0 ? v : v * 4));
    const x = check("初中", [header, ["甲初中", ...a], ["乙初中", ...bj]], {
      settings: settingsWith({}, "basic-2012"),
    });
    expect(x.county.junior!.composite).toMatchObject({ limit: 0.55, meets: false });
    expect(x.county.junior!.composite!.cv).toBeCloseTo(0.6, 9);
    expect(flattenWhere(x, ["cv-over-limit"])).toEqual([
      [null, null, "cv-over-limit", null, "junior", null],
    ]);
  });
  test.each([
    [0.5502, false, true], // shows as 0.550 = the limit, yet fails: borderline
    [0.5498, true, false], // shows as 0.550 too, and passes either way: not borderline
    [0.56, false, false],
    [0.54, true, false],
  ])(
    "初中 composite %f against 0.55: meets %s, borderline %s (§7)",
    (target, meets, borderline) => {
      // CV = d ÷ (1 + d) for the pair x, x(1 + 2d): d = target ÷ (1 − target) gives the target for all 8 CVs.
      const d = target / (1 - target);
      const bj = a.map((v, i) => (i === 0 ? v : v * (1 + 2 * d)));
      const x = check("初中", [header, ["甲初中", ...a], ["乙初中", ...bj]], {
        settings: settingsWith({}, "basic-2012"),
      });
      const c = x.county.junior!.composite!;
      expect(c.cv).toBeCloseTo(target, 9);
      expect(c.meets).toBe(meets);
      expect(c.borderline ?? false).toBe(borderline);
    }
  );
  test("a third school without 图书册数 leaves that CV incomplete (2 of 3): no composite, no verdict", () => {
    // Every CV is computable (over 甲 and 乙 at least), but the books CV covers 2 of 3 schools: the mean of the
    // 8 would change once 丙's books are filled in, so the composite is null (never a pass).
    const c = [...a.slice(0, 5), null, ...a.slice(6)];
    const x = check("小学", [header, ["甲小学", ...a], ["乙小学", ...b], ["丙小学", ...c]], {
      settings: settingsWith({}, "basic-2012"),
    });
    expect(x.county.primary!.indicators.books_per_student).toMatchObject({ schools: 2, of: 3 });
    expect(x.county.primary!.composite).toMatchObject({ cv: null, meets: null });
    expect(x.county.primary!.meets).toBeNull();
  });
});

describe("basic-2012 (§4): a 师生比 written as a ratio", () => {
  const header = ["学校名称", "在校生数", "师生比"];
  test.each([
    ["1:18.5", 1 / 18.5],
    ["1：20", 1 / 20], // full-width colon
    ["18.5:1", 1 / 18.5], // students : teachers, the same ratio
    [" 1 : 16 ", 1 / 16],
  ])("「%s」 is teachers per student, %f; no not-a-number", (text, value) => {
    const r = check("小学", [header, ["甲小学", 1000, text]], {
      settings: settingsWith({}, "basic-2012"),
    });
    expect(r.schools[0].indicators.teachers_per_student.value).toBeCloseTo(value, 12);
    expect(r.findings.filter((f) => f.code === "not-a-number")).toHaveLength(0);
  });
  test("other text in a 师生比 column, and a ratio text in another column, stay not-a-number", () => {
    const r = check(
      "小学",
      [
        [...header, "图书册数"],
        ["甲小学", 1000, "1:0", "1:20"],
      ],
      {
        settings: settingsWith({}, "basic-2012"),
      }
    );
    expect(r.schools[0].indicators.teachers_per_student.value).toBeNull();
    const cells = r.findings.filter((f) => f.code === "not-a-number").map((f) => f.cell);
    expect(cells.sort()).toEqual(["C2", "D2"]);
  });
});

describe("§16 worked example: the whole report flattened", () => {
  const r = check("小学", [SECTION16_HEADER, ...SECTION16_ROWS]);
  test("findings: C and D fail; six indicators below; no other data finding", () => {
    // Columns: C 高学历, D 骨干, E–G 体/音/美, H 用房, I 场馆, J 仪器, K 多媒体. Rows: A 2, B 3, C 4, D 5.
    expect(flatten(r)).toEqual([
      ["小学", "A4", "school-fails"],
      ["小学", "A5", "school-fails"],
      ["小学", "D4", "below-standard"], // C key 0.67
      ["小学", "E5", "below-standard"], // D pe_arts 0.67 (cell of the first part, 体育)
      ["小学", "H4", "below-standard"], // C teaching 4.00
      ["小学", "I3", "below-standard"], // B sports 7.00
      ["小学", "J4", "below-standard"], // C equipment 1900
      ["小学", "K4", "below-standard"], // C multimedia 2.00
    ]);
  });
});

describe("findings are capped per code in the report, never in allFindings (docs/decisions.md)", () => {
  // Three schools with key 0.9 (< 1, 90%): three below-standard warnings; with a cap of 2 the report keeps 2.
  const rows = [
    H7,
    withCells(PRIMARY_OK, "甲小学", { D: 9 }),
    withCells(PRIMARY_OK, "乙小学", { D: 9 }),
    withCells(PRIMARY_OK, "丙小学", { D: 9 }),
  ];
  test("cap 2: two kept, one omitted; the summary still counts all three", () => {
    const { report, allFindings } = checkWorkbook(workbook(sheet("小学", rows)), {
      findingsPerCode: 2,
    });
    expect(flatten(report, ["below-standard"])).toEqual([
      ["小学", "D2", "below-standard"],
      ["小学", "D3", "below-standard"],
    ]);
    expect(report.findingsOmitted).toEqual({ "below-standard": 1 });
    expect(flatten(allFindings, ["below-standard"])).toHaveLength(3);
    expect(report.summary.warnings).toBe(3);
  });
  test("cap 3: nothing omitted", () => {
    const { report } = checkWorkbook(workbook(sheet("小学", rows)), { findingsPerCode: 3 });
    expect(flatten(report, ["below-standard"])).toHaveLength(3);
    expect(report.findingsOmitted).toEqual({});
  });
});
