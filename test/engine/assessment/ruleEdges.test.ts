/**
 * More edges of the whole assessment (standards.md §17.2–17.6): the rules a single-rule change could break without
 * another test noticing (scripts/mutation/mutants.json). Each case states its table inline and works the expected
 * numbers by hand in the comment beside it.
 */
import { checkWorkbook } from "../../../src/engine/report";
import { applyProfile } from "../../../src/standards/profile";
import type { AssessmentItem } from "../../../src/engine/assessment/types";
import type { RawCell } from "../../../src/engine/workbook";
import { sheet, workbook } from "../helpers";

jest.setTimeout(60000);

function county(rows: RawCell[][]) {
  return sheet("县级指标", [["代码", "数值", "单位", "说明"], ...rows]);
}

function items(sheets: ReturnType<typeof sheet>[], profile?: unknown) {
  const settings = profile ? applyProfile(profile, "quality-2017") : undefined;
  const { report } = checkWorkbook(workbook(...sheets), { settings });
  const a = report.assessment!;
  const byId = (id: string): AssessmentItem => a.items.find((i) => i.id === id)!;
  const input = (id: string, code: string) => byId(id).inputs?.find((i) => i.code === code)?.value;
  return { report, a, byId, input };
}

const ON = { policy: { relaxations: "guicheng-2019" } };
const ONE_SCHOOL = () =>
  sheet("学校", [
    ["学校名称", "学校类型", "在校生数"],
    ["甲小学", "小学", 600],
  ]);

describe("§7 the 1e-9 relative tolerance in the assessment's comparisons", () => {
  test("G6: 0.57 万元 is 5699.999999999999 元 in floating point, = 100 × 57 元: meets", () => {
    // 0.57 × 10000 = 5699.999999999999 (float); 100 × 定额 57 = 5700; 5700 − 1e-9 × 5700 < 5699.999999999999.
    const { byId } = items([
      sheet("学校", [
        ["学校名称", "学校类型", "在校生数", "公用经费(万元)"],
        ["甲小学", "小学", 60, 0.57],
      ]),
      county([["G2.base_primary", 57, "元"]]),
    ]);
    expect(byId("G6")).toMatchObject({ value: 0, meets: true, status: "computed" });
  });
});

describe("§17.5 limits.fundingBase: G2 also needs 定额 ≥ the province's floor", () => {
  const g2 = (rows: RawCell[][]) =>
    items([ONE_SCHOOL(), county([["G2.met", "是"], ...rows])], {
      limits: { fundingBase: { primary: 1150, junior: 1350 } },
    }).byId("G2");
  test("both 定额 at their floor (1150, 1350) meet; a 定额 left out is missing, not met", () => {
    expect(
      g2([
        ["G2.base_primary", 1150, "元"],
        ["G2.base_junior", 1350, "元"],
      ])
    ).toMatchObject({ meets: true, status: "entered" });
    // 初中 定额 not entered: it cannot be compared with 1350 → null.
    expect(g2([["G2.base_primary", 1150, "元"]])).toMatchObject({ meets: null, status: "missing" });
  });
});

describe("§17.2 R-cv: a CV that is incomplete is undecided, never within its limit", () => {
  test("two complete 小学 and one without 网络多媒体教室数: R7's CV is incomplete → R-cv null", () => {
    const head = [
      "学校名称",
      "在校生数",
      "高于规定学历教师数",
      "县级及以上骨干教师数",
      "体育专任教师",
      "教学及辅助用房面积(㎡)",
      "体育运动场馆面积(㎡)",
      "教学仪器设备值(元)",
      "网络多媒体教室数(间)",
    ];
    // Identical schools: every complete CV is 0 (within 0.50); 丙's blank leaves R7 with 2 of 3 schools.
    const row = (name: string, rooms: number | null): RawCell[] => [
      name,
      100,
      5,
      1,
      1,
      500,
      800,
      250000,
      rooms,
    ];
    const { byId } = items([
      sheet("学校", [head, row("甲小学", 3), row("乙小学", 3), row("丙小学", null)]),
    ]);
    expect(byId("R-cv")).toMatchObject({ value: null, meets: null, status: "missing" });
  });
});

/** The §17.4 rooms columns with 最大班额 and 是否农村小规模学校. */
const RURAL_HEAD = [
  "学校名称",
  "学校类型",
  "在校生数",
  "班级数",
  "最大班额",
  "是否农村小规模学校",
  "建校年份",
  "音乐教室间数",
  "音乐教室面积(㎡)",
  "美术教室间数",
  "美术教室面积(㎡)",
];

describe("§17.4 G3 relaxations: the rural small school's largest class, two relaxations, required rooms", () => {
  const g3 = (rows: RawCell[][]) => items([sheet("学校", [RURAL_HEAD, ...rows])], ON).byId("G3");
  test("rural small, largest class 29 < 30: rooms of 60 ㎡ ≥ 54 pass; largest class 30 is not fewer than 30: they fail", () => {
    // 6 classes → max(1, ⌈6 ÷ 12⌉) = 1 room each; 60 < 96 and 60 < 90 normally, ≥ 54 relaxed (小学).
    expect(g3([["甲小学", "小学", 150, 6, 29, "是", 2018, 1, 60, 1, 60]])).toMatchObject({
      value: 0,
      meets: true,
    });
    expect(g3([["甲小学", "小学", 150, 6, 30, "是", 2018, 1, 60, 1, 60]])).toMatchObject({
      value: 1,
      meets: false,
    });
  });
  test("built 2015 (73 / 67) and rural small with largest class 20 (54): the lower, 54, counts: 60 ㎡ pass", () => {
    // With the higher minimum 73, a 60 ㎡ music room would fail.
    expect(g3([["甲小学", "小学", 150, 6, 20, "是", 2015, 1, 60, 1, 60]])).toMatchObject({
      value: 0,
      meets: true,
    });
  });
  test("18 classes need ⌈18 ÷ 12⌉ = 2 rooms each: one large-enough room of each fails even relaxed", () => {
    // Built 2015: 80 ≥ 73 and 70 ≥ 67 relaxed, but 1 room < 2 required (⌊18 ÷ 12⌋ = 1 would wrongly pass).
    expect(g3([["甲小学", "小学", 700, 18, 40, "否", 2015, 1, 80, 1, 70]])).toMatchObject({
      value: 1,
      meets: false,
    });
  });
});

describe("§17.3 G3: a school whose art rooms are not given is undecided", () => {
  test("music columns only: 1 room of 100 ㎡ for 6 classes passes music, art unknown → G3 null, no value", () => {
    const { byId } = items([
      sheet("学校", [
        ["学校名称", "学校类型", "在校生数", "班级数", "音乐教室间数", "音乐教室面积(㎡)"],
        ["甲小学", "小学", 200, 6, 1, 100],
      ]),
    ]);
    expect(byId("G3")).toMatchObject({ value: null, meets: null, status: "missing" });
  });
});

describe("§17.3 G4: 表Ⅳ counts 小学, 初中 and 一贯制 over their limits separately; §17.4 relaxed limits", () => {
  const head = [
    "学校名称",
    "学校类型",
    "小学在校学生数",
    "初中在校学生数",
    "高中在校学生数",
    "建校年份",
    "随迁子女数",
  ];
  test("a 十二年一贯制 of 1600 + 1000 = 2600 > 2500 is 一贯制; a 完全中学 of 2100 初中 > 2000 is 初中", () => {
    const { byId, input } = items([
      sheet("学校", [
        head,
        ["甲学校", "十二年一贯制", 1600, 1000, 800, 2018, 0],
        ["乙中学", "完全中学", null, 2100, 900, 2018, 0],
      ]),
    ]);
    expect(byId("G4")).toMatchObject({ value: 2, meets: false });
    expect(input("G4", "G4.primary_over")).toBe(0);
    expect(input("G4", "G4.junior_over")).toBe(1);
    expect(input("G4", "G4.through_train_over")).toBe(1);
  });
  test("relaxed: 2400 is within 2400; a 十二年一贯制 of 2800 ≤ 3000; 50% 随迁子女 is not more than half", () => {
    const { byId } = items(
      [
        sheet("学校", [
          head,
          // built 2008: 2400 ≤ 2400 passes relaxed.
          ["甲小学", "小学", 2400, null, null, 2008, 0],
          // built 2005, 1800 + 1000 = 2800 ≤ 3000 (一贯制 relaxed).
          ["乙学校", "十二年一贯制", 1800, 1000, 500, 2005, 0],
          // built 2018, 1150 × 100 ÷ 2300 = 50% is not > 50%: no relaxation, 2300 > 2000 fails.
          ["丙小学", "小学", 2300, null, null, 2018, 1150],
          // 1151 × 100 ÷ 2300 = 50.04% > 50%: relaxed to 2400, passes.
          ["丁小学", "小学", 2300, null, null, 2018, 1151],
        ]),
      ],
      ON
    );
    expect(byId("G4")).toMatchObject({ value: 1, meets: false, schools: ["丙小学"] });
  });
});

describe("§17.3 G5 band counts: which bands are over, straddling or unplaceable", () => {
  const bands = (
    labels: string[],
    rows: RawCell[][],
    fixed = ["学校名称", "学校类型", "在校生数", "班级数"]
  ) => {
    return sheet(
      "学校",
      [
        [...fixed, "班额分布(个)", ...labels.slice(1).map(() => null)],
        [...fixed.map(() => null), ...labels],
        ...rows,
      ],
      [
        ...fixed.map((_, i) => `${String.fromCharCode(65 + i)}1:${String.fromCharCode(65 + i)}2`),
        `E1:${String.fromCharCode(68 + labels.length)}1`,
      ]
    );
  };
  test("小学 with 10 classes of 41–45: none over 45, none undecided → 0, meets", () => {
    const { byId } = items([bands(["36-40人", "41-45人"], [["甲小学", "小学", 400, 12, 2, 10]])]);
    expect(byId("G5")).toMatchObject({ value: 0, meets: true, status: "computed" });
  });
  test("初中 with 3 classes in the coarse 46–55 band: some may be over 50, some not → null", () => {
    const { byId } = items([bands(["36-45人", "46-55人"], [["甲初中", "初中", 600, 12, 9, 3]])]);
    expect(byId("G5")).toMatchObject({ meets: null });
  });
  test("九年一贯制 with whole-school bands: 2 classes of 51–55 counted once, as 初中 (over 50 either way)", () => {
    // Whole-school bands cannot be told by stage: 51–55 is over both 45 and 50 → 2 classes, counted as 初中.
    const { byId, input } = items([
      bands(
        ["41-45人", "51-55人"],
        [["甲学校", "九年一贯制", 600, 300, 18, 2]],
        ["学校名称", "学校类型", "小学在校学生数", "初中在校学生数"]
      ),
    ]);
    expect(byId("G5")).toMatchObject({ value: 2, meets: false });
    expect(input("G5", "G5.primary_over")).toBe(0);
    expect(input("G5", "G5.junior_over")).toBe(2);
  });
});

describe("§17.3 G5 without bands: an undecided largest class and a 教学点 of more pupils than 45", () => {
  const head = ["学校名称", "学校类型", "在校生数", "班级数", "最大班额"];
  test("九年一贯制 whose one 最大班额 is 48: 46–50 needs stage detail → G5 null, not met", () => {
    const { byId } = items([
      sheet("学校", [
        ["学校名称", "学校类型", "小学在校学生数", "初中在校学生数", "班级数", "最大班额"],
        ["甲学校", "九年一贯制", 600, 300, 20, 48],
      ]),
    ]);
    expect(byId("G5")).toMatchObject({ meets: null });
  });
  test("a 教学点 of 48 pupils (excluded, < 50) may hold a class of 48 > 45: null; one of 40 cannot: met", () => {
    const g5 = (students: number) =>
      items([
        sheet("学校", [
          head,
          ["甲小学", "小学", 400, 12, 40],
          ["乙教学点", "教学点", students, 1, null],
        ]),
      ]).byId("G5");
    expect(g5(48)).toMatchObject({ meets: null });
    expect(g5(40)).toMatchObject({ value: 0, meets: true });
  });
});

describe("§17.3 G6: unknown students, the larger 定额, 公用经费预算 as the funds, a blank total", () => {
  test("a school without 在校生数 may be under 100: G6 missing, not not-applicable", () => {
    const { byId } = items([
      sheet("学校", [
        ["学校名称", "学校类型", "在校生数", "公用经费(元)"],
        ["甲小学", "小学", 600, 300000],
        ["乙小学", "小学", null, 40000],
      ]),
      county([["G2.base_primary", 650, "元"]]),
    ]);
    expect(byId("G6")).toMatchObject({ value: null, meets: null, status: "missing" });
  });
  test("九年一贯制 of 50 + 30 = 80 < 100 pupils: the larger 定额 800 → 100 × 800 = 80,000 > 70,000 元: fails", () => {
    // With the smaller 定额 600: 60,000 ≤ 70,000 would pass.
    const { byId } = items([
      sheet("学校", [
        ["学校名称", "学校类型", "小学在校学生数", "初中在校学生数", "公用经费(元)"],
        ["甲学校", "九年一贯制", 50, 30, 70000],
      ]),
      county([
        ["G2.base_primary", 600, "元"],
        ["G2.base_junior", 800, "元"],
      ]),
    ]);
    expect(byId("G6")).toMatchObject({ value: 1, meets: false, schools: ["甲学校"] });
  });
  test("only 公用经费预算: 40,000 < 100 × 650 = 65,000 → fails (the budget stands for the funds)", () => {
    const { byId } = items([
      sheet("学校", [
        ["学校名称", "学校类型", "在校生数", "公用经费预算(元)"],
        ["甲小学", "小学", 80, 40000],
      ]),
      county([["G2.base_primary", 650, "元"]]),
    ]);
    expect(byId("G6")).toMatchObject({ value: 1, meets: false });
  });
  test("two small schools, one without funds: 表Ⅳ's total is blank (null), not the other's 70,000", () => {
    const { input } = items([
      sheet("学校", [
        ["学校名称", "学校类型", "在校生数", "公用经费(元)"],
        ["甲小学", "小学", 80, 70000],
        ["乙小学", "小学", 60, null],
      ]),
      county([["G2.base_primary", 650, "元"]]),
    ]);
    // Students 80 + 60 = 140 are all known.
    expect(input("G6", "G6.students")).toBe(140);
    expect(input("G6", "G6.funds")).toBeNull();
  });
});

describe("§17.2 G7, G8, G9, G12 from 「县级指标」", () => {
  test("G7 with limits.specialFundsPerStudent 8000: 350 万元 ÷ 500 = 7000 < 8000 fails", () => {
    const { byId } = items(
      [
        ONE_SCHOOL(),
        county([
          ["G7.special_funds", 350, "万元"],
          ["G7.special_students", 500],
        ]),
      ],
      { limits: { specialFundsPerStudent: 8000 } }
    );
    expect(byId("G7")).toMatchObject({ value: 7000, threshold: 8000, meets: false });
  });
  test("G8: teachers' 97,000 = civil servants' 97,000 meets (不低于)", () => {
    const { byId } = items([
      ONE_SCHOOL(),
      county([
        ["G8.teacher_salary", 97000, "元"],
        ["G8.civil_salary", 97000, "元"],
        ["G8.performance_pay", "是"],
      ]),
    ]);
    expect(byId("G8")).toMatchObject({ value: 97000, threshold: 97000, meets: true });
  });
  test("G8: 95,000 < 98,000 fails 3,000 元 short; 99,000 ≥ 98,000 with 绩效工资 否 fails with no salary gap", () => {
    const g8 = (teacher: number, perf: string) =>
      items([
        ONE_SCHOOL(),
        county([
          ["G8.teacher_salary", teacher, "元"],
          ["G8.civil_salary", 98000, "元"],
          ["G8.performance_pay", perf],
        ]),
      ]).byId("G8");
    // 98,000 − 95,000 = 3,000 元 more a year for the teachers.
    expect(g8(95000, "是")).toMatchObject({ meets: false, gap: { value: 3000, unit: "yuan" } });
    // The salaries meet; only the 绩效工资 condition fails: no salary is short.
    const perfOnly = g8(99000, "否");
    expect(perfOnly.meets).toBe(false);
    expect(perfOnly.gap).toBeUndefined();
  });
  test("G12 from school rows: one school without 专任教师数 → the denominator is unknown → missing", () => {
    const { byId } = items([
      sheet("学校", [
        ["学校名称", "学校类型", "在校生数", "专任教师数", "持证专任教师数"],
        ["甲小学", "小学", 600, 40, 40],
        ["乙小学", "小学", 300, null, 20],
      ]),
    ]);
    // 60 certified of 40 + ? teachers: no rate (40 alone would give 150%).
    expect(byId("G12")).toMatchObject({ value: null, meets: null, status: "missing" });
  });
  test("G9 / G12 with only one of the two columns: the schools short of their 专任教师 are named", () => {
    const rows = (column: string): RawCell[][] => [
      ["学校名称", "学校类型", "在校生数", "专任教师数", column],
      ["甲小学", "小学", 600, 40, 40],
      ["乙小学", "小学", 300, 20, 18],
    ];
    // (40 + 18) × 100 ÷ (40 + 20) = 96.67% < 100 fails; per school 甲 40 of 40 is complete, 乙 18 < 20 is short.
    const g12 = items([sheet("学校", rows("持证专任教师数"))]).byId("G12");
    expect(g12).toMatchObject({ meets: false, schools: ["乙小学"] });
    const g9 = items([sheet("学校", rows("完成360学时培训教师数"))]).byId("G9");
    expect(g9).toMatchObject({ meets: false, schools: ["乙小学"] });
  });
  test("G9 with only G9.rate 100 entered: the rate stands for the counts (status entered)", () => {
    const { byId } = items([ONE_SCHOOL(), county([["G9.rate", 100, "%"]])]);
    expect(byId("G9")).toMatchObject({
      value: 100,
      threshold: 100,
      meets: true,
      status: "entered",
    });
  });
  test("G9: the county's 50 trained teachers differ from the schools' 38: county-school-mismatch", () => {
    const { report } = items([
      sheet("学校", [
        ["学校名称", "学校类型", "在校生数", "专任教师数", "完成360学时培训教师数"],
        ["甲小学", "小学", 600, 50, 38],
      ]),
      county([["G9.trained", 50]]),
    ]);
    expect(
      report.findings.filter((f) => f.code === "county-school-mismatch").map((f) => f.params)
    ).toEqual([{ code: "G9.trained", county: 50, schools: 38 }]);
  });
});

describe("§17.2 G11, G13, G14, G15: the thresholds, the settings, the conditions", () => {
  test("G11: 10 of 100 rotated = 10% ≥ 10, 2 of 10 key = 20% ≥ 20: meets at both thresholds", () => {
    const { byId } = items([
      ONE_SCHOOL(),
      county([
        ["G11.eligible", 100],
        ["G11.rotated", 10],
        ["G11.key_rotated", 2],
      ]),
    ]);
    expect(byId("G11")).toMatchObject({ meets: true, status: "computed" });
  });
  test("G11 with 0 rotated: rotation 0% fails, key share null; the item is computed, not missing", () => {
    const { byId } = items([
      ONE_SCHOOL(),
      county([
        ["G11.eligible", 100],
        ["G11.rotated", 0],
        ["G11.key_rotated", 0],
      ]),
    ]);
    expect(byId("G11")).toMatchObject({ meets: false, status: "computed" });
  });
  test("G11 with G11.key_rate 18 entered instead of the 骨干 count: 60 of 500 = 12% meets, 18 < 20 fails", () => {
    const { byId } = items([
      ONE_SCHOOL(),
      county([
        ["G11.eligible", 500],
        ["G11.rotated", 60],
        ["G11.key_rate", 18, "%"],
      ]),
    ]);
    // 60 × 100 ÷ 500 = 12 ≥ 10; the entered 18 stands for key × 100 ÷ rotated (§17.6): 18 < 20 → the item fails.
    expect(byId("G11")).toMatchObject({ meets: false, status: "entered" });
    expect(byId("G11").parts).toEqual([
      { id: "G11.rotation", value: 12, threshold: 10, meets: true },
      { id: "G11.key", value: 18, threshold: 20, meets: false },
    ]);
  });
  test("G11 with G11.rotation_rate 8 entered instead of the eligible count: 8 < 10 fails; 15 of 60 骨干 = 25% meets", () => {
    const { byId } = items([
      ONE_SCHOOL(),
      county([
        ["G11.rotation_rate", 8, "%"],
        ["G11.rotated", 60],
        ["G11.key_rotated", 15],
      ]),
    ]);
    // No G11.eligible: the entered 8 stands for rotated × 100 ÷ eligible (§17.6); 15 × 100 ÷ 60 = 25 ≥ 20.
    expect(byId("G11")).toMatchObject({ meets: false, status: "entered" });
    expect(byId("G11").parts).toEqual([
      { id: "G11.rotation", value: 8, threshold: 10, meets: false },
      { id: "G11.key", value: 25, threshold: 20, meets: true },
    ]);
  });
  test("G13 小学 needs 100%: 99 of 100 fails although 初中 95 of 100 = 95% meets", () => {
    const { byId } = items([
      ONE_SCHOOL(),
      county([
        ["G13.primary_nearby", 99],
        ["G13.primary_students", 100],
        ["G13.junior_nearby", 95],
        ["G13.junior_students", 100],
      ]),
    ]);
    expect(byId("G13").parts).toEqual([
      { id: "G13.primary", value: 99, threshold: 100, meets: false },
      { id: "G13.junior", value: 95, threshold: 95, meets: true },
    ]);
  });
  test("G13 nearbyPairing area: 城区 100 of 100, 镇区 19 of 20 = 95%: parts G13.urban, G13.town", () => {
    const { byId } = items(
      [
        ONE_SCHOOL(),
        county([
          ["G13.urban_nearby", 100],
          ["G13.urban_students", 100],
          ["G13.town_nearby", 19],
          ["G13.town_students", 20],
        ]),
      ],
      { policy: { nearbyPairing: "area" } }
    );
    expect(byId("G13")).toMatchObject({ meets: true });
    expect(byId("G13").parts!.map((p) => [p.id, p.value])).toEqual([
      ["G13.urban", 100],
      ["G13.town", 95],
    ]);
  });
  test("G13 nearbyBasis entrants: the 新生 counts are read (200 of 200, 190 of 200 = 95%)", () => {
    const { byId } = items(
      [
        ONE_SCHOOL(),
        county([
          // 在校生 figures that would fail: 90 of 100.
          ["G13.primary_nearby", 90],
          ["G13.primary_students", 100],
          ["G13.primary_entrants_nearby", 200],
          ["G13.primary_entrants", 200],
          ["G13.junior_entrants_nearby", 190],
          ["G13.junior_entrants", 200],
        ]),
      ],
      { policy: { nearbyBasis: "entrants" } }
    );
    expect(byId("G13").parts!.map((p) => p.value)).toEqual([100, 95]);
    expect(byId("G13").meets).toBe(true);
  });
  test("G14: 45 of 100 places = 45% < 50 fails; 50 of 100 meets", () => {
    const g14 = (allocated: number) =>
      items([
        ONE_SCHOOL(),
        county([
          ["G14.quota_total", 100],
          ["G14.quota_allocated", allocated],
          ["G14.rural_tilt", "是"],
        ]),
      ]).byId("G14");
    expect(g14(45)).toMatchObject({ value: 45, threshold: 50, meets: false });
    expect(g14(50)).toMatchObject({ value: 50, meets: true });
  });
  test("G14: 480 of 999 places = 48.05% < 50; 50% of 999 = 499.5 → 500 places are needed: 20 short", () => {
    const { byId } = items([
      ONE_SCHOOL(),
      county([
        ["G14.quota_total", 999],
        ["G14.quota_allocated", 480],
        ["G14.rural_tilt", "是"],
      ]),
    ]);
    // 499 × 100 ÷ 999 = 49.95% < 50, 500 × 100 ÷ 999 = 50.05% ≥ 50: 500 − 480 = 20 places (not 19).
    expect(byId("G14")).toMatchObject({ meets: false, gap: { value: 20, unit: "places" } });
  });
  const g15 = (rows: RawCell[][]) =>
    items([ONE_SCHOOL(), county([["G15.eligible", 100], ...rows])]).byId("G15");
  test("G15: (80 public + 5 purchased) × 100 ÷ 100 = 85% meets; 82 + 0 = 82% fails", () => {
    expect(
      g15([
        ["G15.public", 80],
        ["G15.purchased", 5],
        ["G15.left_behind_care", "是"],
      ])
    ).toMatchObject({ value: 85, threshold: 85, meets: true });
    expect(
      g15([
        ["G15.public", 82],
        ["G15.purchased", 0],
        ["G15.left_behind_care", "是"],
      ])
    ).toMatchObject({ value: 82, meets: false });
  });
  test("G15: purchased left blank is not 0 → missing; 关爱体系 否 fails although 90% ≥ 85", () => {
    expect(g15([["G15.public", 90]])).toMatchObject({
      value: null,
      meets: null,
      status: "missing",
    });
    expect(
      g15([
        ["G15.public", 90],
        ["G15.purchased", 0],
        ["G15.left_behind_care", "否"],
      ])
    ).toMatchObject({ value: 90, meets: false });
  });
});

describe("§17.3 Q1, Q2: formulas, thresholds, county codes against 初中 rows", () => {
  const q1 = (profile?: unknown) =>
    items(
      [
        ONE_SCHOOL(),
        county([
          ["Q1.graduates", 190],
          ["Q1.entrants", 200],
          ["Q1.transfer_in", 10],
          ["Q1.transfer_out", 4],
          ["Q1.deaths", 0],
        ]),
      ],
      profile
    ).byId("Q1");
  test("retained (190 − 10 + 4) × 100 ÷ 200 = 92% < 95 fails; cohort 190 × 100 ÷ (200 + 10 − 4) = 92.23%; plain 95%", () => {
    expect(q1()).toMatchObject({ value: 92, threshold: 95, meets: false });
    // 19000 ÷ 206 = 92.2330…
    expect(q1({ policy: { consolidationFormula: "cohort" } }).value).toBeCloseTo(92.233, 3);
    // 190 × 100 ÷ 200 = 95 ≥ 95.
    expect(q1({ policy: { consolidationFormula: "plain" } })).toMatchObject({
      value: 95,
      meets: true,
    });
  });
  const junior = (rows: RawCell[][]) =>
    sheet("学校", [
      [
        "学校名称",
        "学校类型",
        "在校生数",
        "毕业生数",
        "毕业年级初一时在校学生数",
        "毕业年级三年转入学生数",
        "毕业年级三年转出学生数",
        "毕业年级三年死亡学生数",
      ],
      ...rows,
    ]);
  test("the county's Q1.graduates 196 wins over the 初中 rows' 190: (196 − 10 + 4) × 100 ÷ 200 = 95%", () => {
    const { byId } = items([
      junior([["甲初中", "初中", 600, 190, 200, 10, 4, 0]]),
      county([["Q1.graduates", 196]]),
    ]);
    expect(byId("Q1")).toMatchObject({ value: 95, meets: true });
  });
  test("only 初中 rows are summed: a 小学 with the columns filled is not counted", () => {
    const { byId } = items([
      junior([
        ["甲初中", "初中", 600, 196, 200, 10, 4, 0],
        // A 小学 row has no 初中 cohort; if summed: (296 − 10 + 4) ÷ 300 = 96.67%.
        ["乙小学", "小学", 600, 100, 100, 0, 0, 0],
      ]),
    ]);
    // (196 − 10 + 4) × 100 ÷ 200 = 95.
    expect(byId("Q1")).toMatchObject({ value: 95, meets: true, status: "computed" });
  });
  test("a 九年一贯制's whole-school 毕业生数 may hold 小学 pupils: not used → Q1 missing", () => {
    const { byId } = items([
      sheet("学校", [
        [
          "学校名称",
          "学校类型",
          "小学在校学生数",
          "初中在校学生数",
          "毕业生数",
          "毕业年级初一时在校学生数",
          "毕业年级三年转入学生数",
          "毕业年级三年转出学生数",
          "毕业年级三年死亡学生数",
        ],
        ["甲学校", "九年一贯制", 600, 300, 190, 200, 10, 4, 0],
      ]),
    ]);
    expect(byId("Q1")).toMatchObject({ value: null, meets: null, status: "missing" });
  });
  test("Q2: 94 of 100 enrolled = 94% < 95 fails", () => {
    const { byId } = items([
      ONE_SCHOOL(),
      county([
        ["Q2.disabled_children", 100],
        ["Q2.disabled_enrolled", 94],
      ]),
    ]);
    expect(byId("Q2")).toMatchObject({ value: 94, threshold: 95, meets: false });
  });
});

describe("§17.3 Q4: the base of the 5%, and a 教学点 funded through its 中心校", () => {
  const head = [
    "学校名称",
    "学校类型",
    "在校生数",
    "教师培训经费(元)",
    "公用经费预算(元)",
    "公用经费决算(元)",
  ];
  test("trainingFundsBase final: 4,000 × 100 ÷ 80,000 决算 = 5% meets; against the 100,000 budget 4% fails", () => {
    const s = () => sheet("学校", [head, ["甲小学", "小学", 600, 4000, 100000, 80000]]);
    expect(items([s()]).byId("Q4")).toMatchObject({ value: 1, meets: false });
    expect(items([s()], { policy: { trainingFundsBase: "final" } }).byId("Q4")).toMatchObject({
      value: 0,
      meets: true,
    });
  });
  test("one 公用经费 column serves as the budget: 4,000 × 100 ÷ 100,000 = 4% < 5 fails", () => {
    const { byId } = items([
      sheet("学校", [
        ["学校名称", "学校类型", "在校生数", "教师培训经费(元)", "公用经费(元)"],
        ["甲小学", "小学", 600, 4000, 100000],
      ]),
    ]);
    expect(byId("Q4")).toMatchObject({ value: 1, meets: false, schools: ["甲小学"] });
  });
  test("a 教学点 with neither value is skipped: 甲's 6% decides → meets", () => {
    const { byId } = items([
      sheet("学校", [
        head.slice(0, 5),
        // 6,000 × 100 ÷ 100,000 = 6% ≥ 5.
        ["甲小学", "小学", 600, 6000, 100000],
        ["乙教学点", "教学点", 30, null, null],
      ]),
    ]);
    expect(byId("Q4")).toMatchObject({ value: 0, meets: true, status: "computed" });
  });
  test("a 教学点 with one of the two values is not skipped: its blank leaves Q4 missing", () => {
    const q4 = (point: RawCell[]) =>
      items([
        sheet("学校", [
          head.slice(0, 5),
          // 6,000 × 100 ÷ 100,000 = 6% ≥ 5: no school fails, so the 教学点's blank decides.
          ["甲小学", "小学", 600, 6000, 100000],
          point,
        ]),
      ]).byId("Q4");
    // Only a 教学点 with neither value is skipped (§17.3); one with 公用经费预算 20,000 but no 培训经费 is a school
    // with a value missing → missing; so is one with 培训经费 1,000 but no budget.
    const missing = { value: null, meets: null, status: "missing" };
    expect(q4(["乙教学点", "教学点", 30, null, 20000])).toMatchObject(missing);
    expect(q4(["乙教学点", "教学点", 30, 1000, null])).toMatchObject(missing);
  });
  test("only 教学点 rows, each with neither value: no school is judged → missing, not met", () => {
    const { byId } = items([
      sheet("学校", [
        head.slice(0, 5),
        ["甲教学点", "教学点", 30, null, null],
        ["乙教学点", "教学点", 20, null, null],
      ]),
    ]);
    // Both are skipped (funded through a 中心校 that is not in the table): no share was compared with 5%.
    expect(byId("Q4")).toMatchObject({ value: null, meets: null, status: "missing" });
  });
});

describe("§17.3 Q9 and §17.2 S1", () => {
  test("Q9: 差异率 0.16 is not below 0.15: fails; a subject with only its level is judged on it (gap null)", () => {
    const { byId } = items([
      ONE_SCHOOL(),
      county([
        ["Q9.math.level", "Ⅲ"],
        ["Q9.math.gap", 0.16],
        ["Q9.chinese.level", "Ⅳ"],
      ]),
    ]);
    expect(byId("Q9").meets).toBe(false);
    expect(byId("Q9").parts).toEqual([
      { id: "Q9.chinese.level", value: 4, threshold: 3, meets: true },
      { id: "Q9.chinese.gap", value: null, threshold: 0.15, meets: null },
      { id: "Q9.math.level", value: 3, threshold: 3, meets: true },
      { id: "Q9.math.gap", value: 0.16, threshold: 0.15, meets: false },
    ]);
  });
  test("S1: survey 90 of 100 = 90% meets but visits 41 of 50 = 82% < 85 fail → S1 fails", () => {
    const { byId } = items([
      ONE_SCHOOL(),
      county([
        ["S1.valid", 100],
        ["S1.satisfied", 90],
        ["S1.visits", 50],
        ["S1.visit_satisfied", 41],
      ]),
    ]);
    expect(byId("S1").parts).toEqual([
      { id: "S1.survey", value: 90, threshold: 85, meets: true },
      { id: "S1.visit", value: 82, threshold: 85, meets: false },
    ]);
    expect(byId("S1").meets).toBe(false);
  });
  test("S1 with 0 people visited: no visit share, the survey's 90 of 100 = 90% ≥ 85 decides → meets", () => {
    const { byId } = items([
      ONE_SCHOOL(),
      county([
        ["S1.valid", 100],
        ["S1.satisfied", 90],
        ["S1.visits", 0],
        ["S1.visit_satisfied", 0],
      ]),
    ]);
    // S1.visit is counted only when visits are given (§17.2): 0 of 0 is no share at all.
    expect(byId("S1").parts).toEqual([{ id: "S1.survey", value: 90, threshold: 85, meets: true }]);
    expect(byId("S1")).toMatchObject({ meets: true, status: "computed" });
  });
  test("S1.rate 88 alone stands for the item: entered, meets", () => {
    const { byId } = items([ONE_SCHOOL(), county([["S1.rate", 88, "%"]])]);
    expect(byId("S1")).toMatchObject({ value: 88, threshold: 85, meets: true, status: "entered" });
  });
});

describe("§17.3 G9/G12 sums: a 九年一贯制's whole-school figure is counted once", () => {
  test("甲 (九年一贯制) 40 of 40 certified, 乙 18 of 20: (40 + 18) × 100 ÷ (40 + 20) = 96.67%", () => {
    const { byId, input } = items([
      sheet("学校", [
        [
          "学校名称",
          "学校类型",
          "小学在校学生数",
          "初中在校学生数",
          "专任教师数",
          "持证专任教师数",
        ],
        ["甲学校", "九年一贯制", 600, 300, 40, 40],
        ["乙小学", "小学", 300, null, 20, 18],
      ]),
    ]);
    expect(input("G12", "G12.teachers")).toBe(60);
    expect(input("G12", "G12.certified_teachers")).toBe(58);
    // 5800 ÷ 60 = 96.666…
    expect(byId("G12").value).toBeCloseTo(96.667, 3);
  });
});

describe("§17.10 表Ⅰ L17–L24 from the school rows: one blank leaves the stage's cell blank", () => {
  const basics = (rows: RawCell[][]) =>
    items([
      sheet("学校", [
        ["学校名称", "学校类型", "在校生数", "班级数", "教职工数", "专任教师数"],
        ...rows,
      ]),
    ]).a.basics;
  test("乙小学 without 班级数: L17 (小学 classes) is null, not 甲's 12; 初中 18 stays", () => {
    const b = basics([
      ["甲小学", "小学", 600, 12, 40, 35],
      ["乙小学", "小学", 300, null, 20, 18],
      ["丙初中", "初中", 900, 18, 70, 60],
    ]);
    expect(b.classes).toEqual({ primary: null, junior: 18 });
    // 教职工 40 + 20 = 60, 专任 35 + 18 = 53 for 小学; 70 / 60 for 初中.
    expect(b.staff).toEqual({ primary: 60, junior: 70 });
    expect(b.teachers).toEqual({ primary: 53, junior: 60 });
  });
  test("乙小学 without 在校生数: L19 (小学 pupils) is null, not 甲's 600; 初中 900 stays", () => {
    const b = basics([
      ["甲小学", "小学", 600, 12, 40, 35],
      ["乙小学", "小学", null, 6, 20, 18],
      ["丙初中", "初中", 900, 18, 70, 60],
    ]);
    expect(b.students).toEqual({ primary: null, junior: 900 });
    // 12 + 6 = 18 小学 classes are all known.
    expect(b.classes).toEqual({ primary: 18, junior: 18 });
  });
});
