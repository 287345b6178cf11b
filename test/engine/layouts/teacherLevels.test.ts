/**
 * 学历 levels and 职称 straight under a 专任教师 group (standards.md §11.2): 「专任教师(人) › 硕士研究生 | 本科 | 专科」 and
 * 「专任教师(人) › 正高级 | 高级 | 中级」, with no 学历 or 职称 word in the path. Found by the independent 2012 cross-check:
 * the columns were not read and the whole indicator was unmapped.
 */
import { checkWorkbook } from "../../../src/engine/report";
import { settingsWith } from "../rules/harness";
import { sheet, workbook } from "../helpers";

// A 学校名称, B 学校类型, C 在校生数, D 专任教师数 (each merged over the two header rows), E–H the 学历 group, I–K 职称.
const rows = [
  [
    "学校名称",
    "学校类型",
    "在校生数(人)",
    "专任教师数(人)",
    "专任教师(人)",
    null,
    null,
    null,
    "专任教师(人)",
    null,
    null,
  ],
  [
    null,
    null,
    null,
    null,
    "硕士研究生",
    "本科",
    "专科",
    "高中阶段及以下",
    "正高级",
    "高级",
    "中级",
  ],
  ["城关小学", "小学", 600, 36, 3, 10, 20, 2, 0, 4, 12],
  ["城关中学", "初中", 800, 64, 2, 40, 20, 2, 1, 10, 20],
];
const merges = ["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:H1", "I1:K1"];

test("basic-2012: 高学历 and 中级职称 from the levels under 专任教师", () => {
  const { report } = checkWorkbook(workbook(sheet("学校", rows, merges)), {
    settings: settingsWith({}, "basic-2012"),
  });
  const v = (i: number, id: string) => report.schools[i].indicators[id].value;
  // 小学: 专科 and above, (3 + 10 + 20) ÷ 600 = 0.055; 初中: 本科 and above, (2 + 40) ÷ 800 = 0.0525.
  expect(v(0, "qualified_teachers_per_student")).toBeCloseTo(0.055, 12);
  expect(v(1, "qualified_teachers_per_student")).toBeCloseTo(0.0525, 12);
  // 中级 + 高级 + 正高级: (12 + 4 + 0) ÷ 600 and (20 + 10 + 1) ÷ 800.
  expect(v(0, "senior_title_teachers_per_student")).toBeCloseTo(16 / 600, 12);
  expect(v(1, "senior_title_teachers_per_student")).toBeCloseTo(31 / 800, 12);
  // The table has no facility columns (those are unmapped); the two teacher fields are found.
  const unmapped = report.findings.flatMap((f) =>
    f.code === "unmapped-field" ? [f.params.field] : []
  );
  expect(unmapped).not.toContain("qualified_teachers");
  expect(unmapped).not.toContain("senior_title_teachers");
});

test("quality-2017: the same levels give 高于规定学历 per 100 students", () => {
  const { report } = checkWorkbook(workbook(sheet("学校", rows, merges)));
  // (3 + 10 + 20) × 100 ÷ 600 = 5.5; (2 + 40) × 100 ÷ 800 = 5.25.
  expect(report.schools[0].indicators.qualified_teachers_per_100.value).toBeCloseTo(5.5, 12);
  expect(report.schools[1].indicators.qualified_teachers_per_100.value).toBeCloseTo(5.25, 12);
});

test("levels under another teacher group (骨干教师) are not qualifications", () => {
  const other = rows.map((r, i) =>
    i === 0 ? r.map((h) => (h === "专任教师(人)" ? "骨干教师(人)" : h)) : r
  );
  const { report } = checkWorkbook(workbook(sheet("学校", other, merges)));
  expect(report.tables[0].columnDetails.some((c) => c.key.startsWith("qualified_teachers"))).toBe(
    false
  );
});

describe("levels and titles written as one header each: 「本科学历教师数」, 「中级职称教师数」", () => {
  const header = [
    "学校名称",
    "学校类型",
    "在校生数",
    "研究生学历教师数",
    "本科学历教师数",
    "专科学历教师数",
    "高中阶段及以下学历教师数",
    "正高级职称教师数",
    "高级职称教师数",
    "中级职称教师数",
  ];
  const data = [
    ["城关小学", "小学", 600, 3, 10, 20, 2, 0, 4, 12],
    ["城关中学", "初中", 800, 2, 40, 20, 2, 1, 10, 20],
  ];
  test("basic-2012: the same sums as under a 专任教师 group", () => {
    const { report } = checkWorkbook(workbook(sheet("学校", [header, ...data])), {
      settings: settingsWith({}, "basic-2012"),
    });
    const v = (i: number, id: string) => report.schools[i].indicators[id].value;
    // 小学 (3 + 10 + 20) ÷ 600 = 0.055; 初中 (2 + 40) ÷ 800 = 0.0525; 中级+ (12 + 4 + 0) ÷ 600, (20 + 10 + 1) ÷ 800.
    expect(v(0, "qualified_teachers_per_student")).toBeCloseTo(0.055, 12);
    expect(v(1, "qualified_teachers_per_student")).toBeCloseTo(0.0525, 12);
    expect(v(0, "senior_title_teachers_per_student")).toBeCloseTo(16 / 600, 12);
    expect(v(1, "senior_title_teachers_per_student")).toBeCloseTo(31 / 800, 12);
    // 高中阶段及以下 is read as the level below the standard (never summed), not left as an unknown header.
    expect(report.tables[0].unknownHeaders ?? []).toEqual([]);
  });
  test("本科及以上学历教师数 and 高于规定学历教师数 stay the fields they were", () => {
    const { report } = checkWorkbook(
      workbook(
        sheet("学校", [
          ["学校名称", "在校生数", "高于规定学历教师数"],
          ["城关小学", 600, 33],
        ])
      )
    );
    expect(report.tables[0].columns.qualified_teachers).toBe("C");
    expect(report.schools[0].indicators.qualified_teachers_per_100.value).toBeCloseTo(5.5, 12);
  });
});
