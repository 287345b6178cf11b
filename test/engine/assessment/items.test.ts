/**
 * The whole assessment (standards.md §17): items computed from school columns (§17.7) and from 「县级指标」 (§17.6).
 * Every expected number is worked out by hand in the comment next to it.
 */
import { checkWorkbook } from "../../../src/engine/report";
import { applyProfile } from "../../../src/standards/profile";
import { renderFinding } from "../../../src/present/findingText";
import type { AssessmentItem } from "../../../src/engine/assessment/types";
import type { RawCell } from "../../../src/engine/workbook";
import { SECTION16_HEADER, SECTION16_ROWS, sheet, workbook } from "../helpers";

// exceljs and the CLI on a shared, loaded machine: room beyond jest's 5 s default (no timing is asserted).
jest.setTimeout(60000);

const HEAD1 = [
  "学校名称",
  "学校类型",
  "在校生数",
  "班级数",
  "专任教师数",
  "持证专任教师数",
  "完成360学时培训教师数",
  "公用经费(元)",
  "教师培训经费(元)",
  "班额分布(个)",
  null,
  null,
];
const HEAD2 = [
  null,
  null,
  null,
  null,
  null,
  null,
  null,
  null,
  null,
  "41-45人",
  "46-50人",
  "51-55人",
];
const ROWS: RawCell[][] = [
  // 甲: 2 classes of 46–50 are over 45; training 20000 × 100 ÷ 300000 = 6.67% ≥ 5.
  ["甲小学", "小学", 600, 12, 40, 40, 38, 300000, 20000, 10, 2, 0],
  // 乙: 80 students < 100 → G6; 2000 × 100 ÷ 50000 = 4% < 5 → Q4 fails.
  ["乙小学", "小学", 80, 6, 10, 9, 10, 50000, 2000, 6, 0, 0],
  // 丙: 初中, 46–50 is within 50; 2 classes of 51–55 are over.
  ["丙初中", "初中", 900, 18, 70, 70, 70, 500000, 30000, 10, 6, 2],
];
const MERGES = [
  "A1:A2",
  "B1:B2",
  "C1:C2",
  "D1:D2",
  "E1:E2",
  "F1:F2",
  "G1:G2",
  "H1:H2",
  "I1:I2",
  "J1:L1",
];
const schools = () => sheet("学校", [HEAD1, HEAD2, ...ROWS], MERGES);

function county(rows: RawCell[][]) {
  return sheet("县级指标", [["代码", "数值", "单位", "说明"], ...rows]);
}

function items(wbSheets: ReturnType<typeof sheet>[], profile?: unknown) {
  const settings = profile ? applyProfile(profile, "quality-2017") : undefined;
  const { report } = checkWorkbook(workbook(...wbSheets), { settings });
  const a = report.assessment!;
  const byId = (id: string): AssessmentItem => a.items.find((i) => i.id === id)!;
  return { report, a, byId };
}

describe("contract (§17.8)", () => {
  const { a } = items([schools()]);
  test("40 items in order with their parts", () => {
    expect(a.items.map((i) => i.id)).toEqual([
      ...["R1", "R2", "R3", "R4", "R5", "R6", "R7", "R-school", "R-cv"],
      ...Array.from({ length: 15 }, (_, i) => `G${i + 1}`),
      ...Array.from({ length: 9 }, (_, i) => `Q${i + 1}`),
      "S1",
      ...Array.from({ length: 6 }, (_, i) => `V${i + 1}`),
    ]);
    expect(a.items.map((i) => i.part)).toEqual([
      ...Array(9).fill("resource"),
      ...Array(15).fill("government"),
      ...Array(9).fill("quality"),
      "recognition",
      ...Array(6).fill("veto"),
    ]);
  });
  test("no 「县级指标」: county items missing, never a pass; verdict false because a school item fails", () => {
    expect(a.county).toBeNull();
    for (const id of ["G1", "G7", "G8", "G11", "Q1", "Q9", "S1", "V1"]) {
      const it = a.items.find((i) => i.id === id)!;
      expect(it.status).toBe("missing");
      expect(it.meets).toBeNull();
    }
    expect(a.verdict).toBe(false);
    expect(a.blocking).toContain("G5");
    expect(a.pending).toContain("G1");
    expect(a.settings).toEqual({
      relaxations: "none",
      consolidationFormula: "retained",
      nearbyBasis: "enrolled",
      nearbyPairing: "stage",
      trainingFundsBase: "budget",
      specialFundsPerStudent: 6000,
      fundingBase: null,
    });
  });
  test("basic-2012 has no assessment", () => {
    const { report } = checkWorkbook(workbook(schools()), {
      settings: applyProfile({ standard: "basic-2012" }, "basic-2012"),
    });
    expect(report.assessment).toBeUndefined();
  });
});

describe("school-row items", () => {
  const { byId, report } = items([schools()]);
  test("G5 counts classes from bands: 小学 46–50 (2 at 甲) + 初中 51–55 (2 at 丙) = 4", () => {
    const g5 = byId("G5");
    expect(g5).toMatchObject({ value: 4, threshold: 0, meets: false, status: "computed" });
    expect(g5.inputs).toEqual(
      expect.arrayContaining([
        { code: "G5.primary_over", value: 2, source: "schools" },
        { code: "G5.junior_over", value: 2, source: "schools" },
      ])
    );
    expect(report.tables[0].columns).toMatchObject({ class_band_46_50: "K" });
  });
  test("G6 without 定额 is missing (乙 has 80 students but no base to compare with)", () => {
    expect(byId("G6")).toMatchObject({ meets: null, status: "missing" });
  });
  test("G9: (38 + 10 + 70) × 100 ÷ (40 + 10 + 70) = 98.33% < 100; 2 teachers short", () => {
    const g9 = byId("G9");
    expect(g9.value).toBeCloseTo((118 * 100) / 120, 9);
    expect(g9).toMatchObject({ threshold: 100, meets: false, status: "computed" });
    expect(g9.gap).toEqual({ value: 2, unit: "teachers" });
    // Per school: 甲 38 < 40 teachers; 乙 10 of 10 and 丙 70 of 70 are complete.
    expect(g9.schools).toEqual(["甲小学"]);
  });
  test("G9 with 乙's 360学时 cell 不适用 (/): summed over the others, (38 + 70) × 100 ÷ 120 = 90%, not missing", () => {
    const rows = ROWS.map((r) => (r[0] === "乙小学" ? r.map((v, i) => (i === 6 ? "/" : v)) : r));
    const x = items([sheet("学校", [HEAD1, HEAD2, ...rows], MERGES)]);
    expect(x.byId("G9").value).toBeCloseTo((108 * 100) / 120, 9);
    expect(x.byId("G9").status).toBe("computed");
  });
  test("G9 with 乙's 360学时 cell empty: the school sum is incomplete, so G9 has no value", () => {
    const rows = ROWS.map((r) => (r[0] === "乙小学" ? r.map((v, i) => (i === 6 ? null : v)) : r));
    const x = items([sheet("学校", [HEAD1, HEAD2, ...rows], MERGES)]);
    expect(x.byId("G9").value).toBeNull();
  });
  test("G12: 119 × 100 ÷ 120 = 99.17% < 100", () => {
    expect(byId("G12").value).toBeCloseTo((119 * 100) / 120, 9);
    expect(byId("G12").meets).toBe(false);
    // Per school: 乙 9 certified of 10.
    expect(byId("G12").schools).toEqual(["乙小学"]);
  });
  test("Q4: 乙 4% < 5% → 1 school; 甲 6.67% and 丙 6% meet", () => {
    expect(byId("Q4")).toMatchObject({ value: 1, threshold: 0, meets: false, schools: ["乙小学"] });
  });
  test("G4: every school ≤ 2000 → 0, meets", () => {
    expect(byId("G4")).toMatchObject({ value: 0, meets: true, status: "computed" });
  });
  test("G3 without room columns is missing", () => {
    expect(byId("G3")).toMatchObject({ value: null, meets: null, status: "missing" });
  });
});

describe("「县级指标」 items", () => {
  const filled = county([
    ["G2.base_primary", 650, "元"],
    ["G9.teachers", 121, "人"],
    ["G7.special_funds", 300, "万元"],
    ["G7.special_students", 500],
    ["G8.teacher_salary", "98,000", "元"],
    ["G8.civil_salary", 97000, "元"],
    ["G8.performance_pay", "是"],
    ["G11.eligible", 600],
    ["G11.rotated", 54],
    ["G11.key_rotated", 12],
    ["G13.primary_nearby", 980],
    ["G13.primary_students", 1000],
    ["G13.junior_rate", 96.5, "%"],
    ["G14.quota_total", 1000],
    ["G14.quota_allocated", 520],
    ["G14.rural_tilt", "否"],
    ["G15.rate", 90],
    ["Q2.disabled_children", 200],
    ["Q2.disabled_enrolled", 192],
    ["Q9.chinese.level", "IV"],
    ["Q9.chinese.gap", 0.15],
    ["S1.rate", 92.5],
    ["V1.exam_admission", "否"],
    ["V2.school_choice", "是"],
    ["G1.met", "1"],
    ["G10.met", "0"],
  ]);
  const { a, byId, report } = items([schools(), filled]);
  test("the county sheet is named and never read as a school table", () => {
    expect(a.county).toEqual({ file: null, sheet: "县级指标" });
    expect(report.tables.map((t) => t.sheet)).toEqual(["学校"]);
  });
  test("G6: 乙 funds 50000 < 100 × 650 = 65000 → 1 school", () => {
    expect(byId("G6")).toMatchObject({
      value: 1,
      meets: false,
      status: "computed",
      schools: ["乙小学"],
    });
  });
  test("G9: the county's 121 teachers win over the school sum 120 (warning): 118 × 100 ÷ 121", () => {
    expect(byId("G9").value).toBeCloseTo((118 * 100) / 121, 9);
    expect(report.findings.some((f) => f.code === "county-school-mismatch")).toBe(true);
  });
  test("G7: 300 万元 = 3,000,000 元 ÷ 500 = 6000 ≥ 6000 (equal meets)", () => {
    expect(byId("G7")).toMatchObject({
      value: 6000,
      threshold: 6000,
      meets: true,
      status: "computed",
    });
  });
  test("G8: 98,000 ≥ 97,000 with 绩效工资 是", () => {
    expect(byId("G8")).toMatchObject({ value: 98000, threshold: 97000, meets: true });
  });
  test("G11: 54 × 100 ÷ 600 = 9% < 10 (6 teachers short: 60 − 54); 12 × 100 ÷ 54 = 22.2% ≥ 20", () => {
    const g = byId("G11");
    expect(g).toMatchObject({ value: null, threshold: null, meets: false, status: "computed" });
    expect(g.parts).toEqual([
      { id: "G11.rotation", value: 9, threshold: 10, meets: false },
      { id: "G11.key", value: (12 * 100) / 54, threshold: 20, meets: true },
    ]);
    expect(g.gap).toEqual({ value: 6, unit: "teachers" });
  });
  test("G11 with enough rotated but too few 骨干: 96 × 100 ÷ 800 = 12% ≥ 10; 18 × 100 ÷ 96 = 18.75% < 20", () => {
    const { byId: g } = items([
      schools(),
      county([
        ["G11.eligible", 800],
        ["G11.rotated", 96],
        ["G11.key_rotated", 18],
      ]),
    ]);
    expect(g("G11")).toMatchObject({ meets: false, status: "computed" });
    // 20% of 96 rotated = 19.2 骨干 needed → 20; 20 − 18 = 2 more 骨干 to send.
    expect(g("G11").gap).toEqual({ value: 2, unit: "teachers" });
  });
  test("G13: 小学 980 ÷ 1000 = 98% < 100; 初中 entered 96.5 ≥ 95", () => {
    expect(byId("G13").parts).toEqual([
      { id: "G13.primary", value: 98, threshold: 100, meets: false },
      { id: "G13.junior", value: 96.5, threshold: 95, meets: true },
    ]);
    expect(byId("G13").meets).toBe(false);
  });
  test("G14: 52% ≥ 50 but 向农村倾斜 否 → fails", () => {
    expect(byId("G14")).toMatchObject({ value: 52, threshold: 50, meets: false });
  });
  test("G15 entered 90 ≥ 85: status entered", () => {
    expect(byId("G15")).toMatchObject({ value: 90, threshold: 85, meets: true, status: "entered" });
  });
  test("Q2: 192 × 100 ÷ 200 = 96 ≥ 95", () => {
    expect(byId("Q2")).toMatchObject({ value: 96, meets: true, status: "computed" });
  });
  test("Q9: level IV = 4 ≥ 3, but 差异率 0.15 is not < 0.15", () => {
    expect(byId("Q9").parts).toEqual([
      { id: "Q9.chinese.level", value: 4, threshold: 3, meets: true },
      { id: "Q9.chinese.gap", value: 0.15, threshold: 0.15, meets: false },
    ]);
    expect(byId("Q9").meets).toBe(false);
  });
  test("S1 entered 92.5: the value, no parts", () => {
    expect(byId("S1")).toMatchObject({
      value: 92.5,
      threshold: 85,
      meets: true,
      status: "entered",
    });
    expect(byId("S1").parts).toBeUndefined();
  });
  test("vetoes: 否 meets, 是 fails; judgements 1/0", () => {
    expect(byId("V1")).toMatchObject({ meets: true, status: "entered", value: null });
    expect(byId("V2")).toMatchObject({ meets: false, status: "entered" });
    expect(byId("G1")).toMatchObject({ meets: true, status: "entered" });
    expect(byId("G10")).toMatchObject({ meets: false, status: "entered" });
  });
  test("blocking and pending in item order", () => {
    const order = a.items.map((i) => i.id);
    expect(a.blocking).toEqual(
      order.filter((id) => a.items.find((i) => i.id === id)!.meets === false)
    );
    expect(a.pending).toEqual(
      order.filter((id) => a.items.find((i) => i.id === id)!.meets === null)
    );
    expect(a.verdict).toBe(false);
  });
});

describe("reading 「县级指标」 (§17.6)", () => {
  test("any column order, a title row above, unknown and duplicate codes, bad values and units", () => {
    const s = sheet("县级指标", [
      ["县级指标填报"],
      ["说明", "数值", "指标", "代码", "单位"],
      [null, 5, "特教学生", "g7.special_students", null],
      [null, "5,800", "特教经费", "G7.special_funds", "千元"],
      [null, "也许", "规划", "G1.met", null],
      [null, 3, "?", "X9.nothing", null],
      [null, 1, "", "V3.key_schools", null],
      [null, 0, "", "V3.key_schools", null],
    ]);
    const { report, byId } = items([schools(), s]);
    const codes = report.findings.map((f) => f.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        "county-bad-unit",
        "county-bad-value",
        "county-unknown-code",
        "county-duplicate-code",
      ])
    );
    // 千元 refused: G7 has students but no funds → missing, never a guess.
    expect(byId("G7")).toMatchObject({ meets: null, status: "missing" });
    expect(byId("G1").status).toBe("missing");
    // The same code twice: both rows ignored.
    expect(byId("V3").status).toBe("missing");
    expect(report.assessment!.entries.map((e) => e.code)).toEqual(["G7.special_students"]);
  });
  test("ranges: a rate over 100 and a 差异率 over 1 are bad values, the items stay 未填", () => {
    const { report, byId } = items([
      schools(),
      county([
        ["G15.rate", 120, "%"],
        ["Q9.math.level", "Ⅲ"],
        ["Q9.math.gap", 12],
      ]),
    ]);
    const f = report.findings.filter((x) => x.code === "county-bad-value");
    expect(f.map((x) => [x.cell, x.params])).toEqual([
      ["B2", { code: "G15.rate", text: "120", expected: "rate" }],
      ["B4", { code: "Q9.math.gap", text: "12", expected: "gap" }],
    ]);
    expect(byId("G15")).toMatchObject({ meets: null, status: "missing" });
    // Q9: the level alone is judged, its gap missing → meets null.
    expect(byId("Q9")).toMatchObject({ meets: null, status: "missing" });
  });
  test("a part larger than its whole is a bad value: 1900 + 200 随迁子女 of 2000 eligible, 960 满意 of 950 valid", () => {
    const { report, byId } = items([
      schools(),
      county([
        ["G15.eligible", 2000],
        ["G15.public", 1900],
        ["G15.purchased", 200],
        ["S1.valid", 950],
        ["S1.satisfied", 960],
      ]),
    ]);
    const f = report.findings.filter((x) => x.code === "county-bad-value");
    // G15.purchased is the one that makes 1900 + 200 = 2100 > 2000: at most 2000 − 1900 = 100.
    expect(f.map((x) => [x.cell, x.params])).toEqual([
      [
        "B4",
        { code: "G15.purchased", text: "200", expected: "part", of: "G15.eligible", limit: 100 },
      ],
      ["B6", { code: "S1.satisfied", text: "960", expected: "part", of: "S1.valid", limit: 950 }],
    ]);
    expect(renderFinding(f[0], "zh-CN")).toBe(
      "「G15.purchased」的数值「200」无效：最多为 100（不能超过「G15.eligible」），该项按未填处理"
    );
    // Without the dropped figure the shares cannot be computed: 未填, never 105 % or 101 %.
    expect(byId("G15")).toMatchObject({ value: null, meets: null, status: "missing" });
    expect(byId("S1")).toMatchObject({ meets: null, status: "missing" });
  });
  test("a negative number is a bad value, never used: G7's funds −5,800 元", () => {
    const { report, byId } = items([
      schools(),
      county([
        ["G7.special_students", 5],
        ["G7.special_funds", -5800, "元"],
      ]),
    ]);
    const f = report.findings.filter((x) => x.code === "county-bad-value");
    expect(f.map((x) => [x.cell, x.params])).toEqual([
      ["B3", expect.objectContaining({ code: "G7.special_funds", expected: "number" })],
    ]);
    expect(byId("G7")).toMatchObject({ meets: null, status: "missing" });
  });
  test("G7 with no special-education students is not-applicable (meets true)", () => {
    const { byId } = items([schools(), county([["G7.special_students", "/"]])]);
    expect(byId("G7")).toMatchObject({ value: null, meets: true, status: "not-applicable" });
  });
});

describe("settings (§17.5)", () => {
  const q1 = county([
    // G = 950, N = 1000, I = 20, O = 30, D = 2
    ["Q1.graduates", 950],
    ["Q1.entrants", 1000],
    ["Q1.transfer_in", 20],
    ["Q1.transfer_out", 30],
    ["Q1.deaths", 2],
    ["G7.special_funds", 2900000],
    ["G7.special_students", 500],
  ]);
  test("Q1 retained (950 − 20 + 30) ÷ (1000 − 2) = 96.19%; cohort 950 ÷ (1000 + 20 − 30 − 2) = 96.15%; plain 95%", () => {
    expect(items([schools(), q1]).byId("Q1").value).toBeCloseTo((960 * 100) / 998, 9);
    const cohort = items([schools(), q1], { policy: { consolidationFormula: "cohort" } });
    expect(cohort.byId("Q1").value).toBeCloseTo((950 * 100) / 988, 9);
    expect(cohort.a.settings.consolidationFormula).toBe("cohort");
    expect(
      items([schools(), q1], { policy: { consolidationFormula: "plain" } }).byId("Q1").value
    ).toBe(95);
  });
  test("G7 floor 8000: 5800 fails either way; the threshold echoes the setting", () => {
    const r = items([schools(), q1], { limits: { specialFundsPerStudent: 8000 } });
    expect(r.byId("G7")).toMatchObject({ value: 5800, threshold: 8000, meets: false });
    expect(r.a.settings.specialFundsPerStudent).toBe(8000);
  });
  test("a bad setting is refused (strict profile)", () => {
    expect(() => applyProfile({ policy: { nearbyPairing: "city" } }, "quality-2017")).toThrow();
    expect(() =>
      applyProfile({ limits: { fundingBase: { primary: 600 } } }, "quality-2017")
    ).toThrow();
  });
  test("G2 with limits.fundingBase: 定额 650 < province 700 → fails", () => {
    const c = county([
      ["G2.met", "是"],
      ["G2.base_primary", 650],
      ["G2.base_junior", 850],
    ]);
    const r = items([schools(), c], { limits: { fundingBase: { primary: 700, junior: 850 } } });
    expect(r.byId("G2").meets).toBe(false);
    expect(items([schools(), c]).byId("G2").meets).toBe(true);
  });
});

describe("resource items on §16", () => {
  const { byId } = items([sheet("小学", [SECTION16_HEADER, ...SECTION16_ROWS])]);
  test("R-school: C and D fail → 2; R-cv: no CV over 0.50 → 0; R1 part = the stage CV 0.040656", () => {
    expect(byId("R-school")).toMatchObject({ value: 2, threshold: 0, meets: false });
    expect(byId("R-cv")).toMatchObject({ value: 0, threshold: 0, meets: true });
    expect(byId("R1").parts![0].id).toBe("R1.primary");
    expect(byId("R1").parts![0].value).toBeCloseTo(0.040656, 6);
    expect(byId("R1").parts![0].threshold).toBe(0.5);
    expect(byId("R1")).toMatchObject({
      value: null,
      threshold: null,
      meets: true,
      status: "computed",
    });
  });
});

/** The columns of the §17.4 relaxation cases: size, 建校年份 and the rooms. */
const RELAX_HEAD = [
  "学校名称",
  "学校类型",
  "在校生数",
  "班级数",
  "建校年份",
  "音乐教室间数",
  "音乐教室面积(㎡)",
  "美术教室间数",
  "美术教室面积(㎡)",
];

describe("规程 relaxations (§17.4), off by default", () => {
  // 丁小学: 2300 students > 2000, built 2008 (≤ 2010) → relaxed limit 2400.
  // 戊小学: 12 classes need 1 room each; music 80 ㎡ < 96, art 70 ㎡ < 90; built by 2016 → 73 / 67: passes relaxed.
  // 己小学: 2500 > 2400 even relaxed: fails either way.
  const rows: RawCell[][] = [
    ["丁小学", "小学", 2300, 40, 2008, 4, 400, 4, 400],
    ["戊小学", "小学", 500, 12, "2015年", 1, 80, 1, 70],
    ["己小学", "小学", 2500, 42, 2005, 4, 400, 4, 400],
  ];
  const s = () => sheet("学校", [RELAX_HEAD, ...rows]);
  test("off: G4 counts 丁 and 己, G3 counts 戊; the report names who would pass", () => {
    const { byId, a } = items([s()]);
    expect(byId("G4")).toMatchObject({ value: 2, meets: false });
    expect(byId("G3")).toMatchObject({ value: 1, meets: false, schools: ["戊小学"] });
    expect(a.settings.relaxations).toBe("none");
    expect(a.relaxations.applied).toEqual([]);
    expect(a.relaxations.wouldPass).toEqual([
      { item: "G3", school: "戊小学", stage: "primary" },
      { item: "G4", school: "丁小学", stage: "primary" },
    ]);
  });
  test("on: 丁 and 戊 pass under the relaxation; 己 still fails; the setting is named", () => {
    const { byId, a } = items([s()], { policy: { relaxations: "guicheng-2019" } });
    expect(byId("G4")).toMatchObject({ value: 1, meets: false, schools: ["己小学"] });
    expect(byId("G3")).toMatchObject({ value: 0, meets: true });
    expect(a.settings.relaxations).toBe("guicheng-2019");
    expect(a.relaxations.applied.map((r) => r.school)).toEqual(["戊小学", "丁小学"]);
  });
});

describe("规程 relaxations at their boundary years: built in 2010 / 2016 counts (「及之前」)", () => {
  test("丁 built 2010 gets 2400 (2300 passes); 戊 built 2016 gets 73 / 67 ㎡ (80 / 70 pass)", () => {
    const { byId } = items(
      [
        sheet("学校", [
          RELAX_HEAD,
          ["丁小学", "小学", 2300, 40, 2010, 4, 400, 4, 400],
          ["戊小学", "小学", 500, 12, "2016年", 1, 80, 1, 70],
        ]),
      ],
      { policy: { relaxations: "guicheng-2019" } }
    );
    expect(byId("G4")).toMatchObject({ value: 0, meets: true });
    expect(byId("G3")).toMatchObject({ value: 0, meets: true });
  });
  test("2011 and 2017 are too late: 丁 over 2000, 戊's rooms under 96 / 90", () => {
    const { byId } = items(
      [
        sheet("学校", [
          RELAX_HEAD,
          ["丁小学", "小学", 2300, 40, 2011, 4, 400, 4, 400],
          ["戊小学", "小学", 500, 12, "2017年", 1, 80, 1, 70],
        ]),
      ],
      { policy: { relaxations: "guicheng-2019" } }
    );
    expect(byId("G4")).toMatchObject({ value: 1, meets: false, schools: ["丁小学"] });
    expect(byId("G3")).toMatchObject({ value: 1, meets: false, schools: ["戊小学"] });
  });
  test("是否2010年及之前规划并建成 = 是 with no year implies built by 2016 too: 戊's rooms relaxed", () => {
    const { byId } = items(
      [
        sheet("学校", [
          [
            "学校名称",
            "学校类型",
            "在校生数",
            "班级数",
            "是否2010年及之前规划并建成",
            "音乐教室间数",
            "音乐教室面积(㎡)",
            "美术教室间数",
            "美术教室面积(㎡)",
          ],
          ["戊小学", "小学", 500, 12, "是", 1, 80, 1, 70],
        ]),
      ],
      { policy: { relaxations: "guicheng-2019" } }
    );
    expect(byId("G3")).toMatchObject({ value: 0, meets: true });
  });
});

describe("an item judged on part of its inputs: assessment-partial-input, one reason code each", () => {
  const partials = (report: ReturnType<typeof items>["report"]) =>
    report.findings
      .filter((f) => f.code === "assessment-partial-input")
      .map((f) => ({ school: f.school, ...f.params }));

  test("G8 without 绩效工资: judged on the salaries; G14 without 向农村倾斜: on the share", () => {
    const { report, byId } = items([
      schools(),
      county([
        ["G8.teacher_salary", 98000, "元"],
        ["G8.civil_salary", 97000, "元"],
        ["G14.quota_total", 1000],
        ["G14.quota_allocated", 520],
      ]),
    ]);
    // 98,000 ≥ 97,000 and 520 × 100 ÷ 1000 = 52% ≥ 50: both meet on their figures alone.
    expect(byId("G8").meets).toBe(true);
    expect(byId("G14").meets).toBe(true);
    expect(partials(report)).toEqual([
      {
        school: null,
        item: "G8",
        reason: "condition-not-entered",
        code: "G8.performance_pay",
        judgedOn: "salaries",
      },
      {
        school: null,
        item: "G14",
        reason: "condition-not-entered",
        code: "G14.rural_tilt",
        judgedOn: "share",
      },
    ]);
  });

  test("with the conditions entered, no partial input", () => {
    const { report } = items([
      schools(),
      county([
        ["G8.teacher_salary", 98000, "元"],
        ["G8.civil_salary", 97000, "元"],
        ["G8.performance_pay", "是"],
        ["G14.quota_total", 1000],
        ["G14.quota_allocated", 520],
        ["G14.rural_tilt", "是"],
      ]),
    ]);
    expect(partials(report)).toEqual([]);
  });

  test("G5: 甲's bands add up to 10 + 2 + 0 = 12 classes, but it has 13", () => {
    const rows = ROWS.map((r) => (r[0] === "甲小学" ? r.map((v, i) => (i === 3 ? 13 : v)) : r));
    const s = sheet("学校", [HEAD1, HEAD2, ...rows], MERGES);
    const { report } = items([s, county([["G1.met", "1"]])]);
    expect(partials(report)).toEqual([
      { school: "甲小学", item: "G5", reason: "bands-mismatch", bands: 12, classes: 13 },
    ]);
  });

  test("G5 from the largest class only: 甲 48 > 45 and 丙 52 > 50 count 1 class each (a lower bound)", () => {
    const s = sheet("学校", [
      ["学校名称", "学校类型", "在校生数", "班级数", "专任教师数", "最大班额(人)"],
      ["甲小学", "小学", 600, 12, 40, 48],
      ["乙小学", "小学", 80, 6, 10, 20],
      ["丙初中", "初中", 900, 18, 70, 52],
    ]);
    const { report, byId } = items([s, county([["G1.met", "1"]])]);
    expect(byId("G5").value).toBe(2);
    expect(partials(report)).toEqual([
      { school: null, item: "G5", reason: "largest-class-only", schools: 2 },
    ]);
  });

  test("without 「县级指标」 the school-row items add no partial-input finding", () => {
    const rows = ROWS.map((r) => (r[0] === "甲小学" ? r.map((v, i) => (i === 3 ? 13 : v)) : r));
    const { report } = items([sheet("学校", [HEAD1, HEAD2, ...rows], MERGES)]);
    expect(partials(report)).toEqual([]);
  });
});
