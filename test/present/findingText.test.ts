/** The one renderer: every code renders in both languages from its parameters alone. */
import { FINDINGS, type FindingCode } from "../../src/engine/findings/catalog";
import type { FindingParamsByCode } from "../../src/engine/findings/params";
import type { Finding } from "../../src/engine/reportTypes";
import { failReason, renderFinding } from "../../src/present/findingText";

const at = {
  sheet: "学校",
  cell: "C2",
  school: "甲校",
  stage: "primary" as const,
  indicator: null,
};
const col = { field: "teachers", header: "专任教师" };

/** One finding of every code (the type makes the parameters complete). */
const SAMPLES: { [C in FindingCode]: [Partial<typeof at> | null, FindingParamsByCode[C]] } = {
  "missing-value": [
    { indicator: null },
    { ...col, reason: "empty", indicators: ["qualified_teachers_per_100"] },
  ],
  "not-a-number": [null, { ...col, text: "约三百" }],
  "error-value": [null, { ...col, text: "#DIV/0!" }],
  "negative-value": [null, { ...col, value: -3 }],
  "fractional-count": [null, { ...col, value: 2.5 }],
  "unit-inferred": [null, { ...col, unit: "万元", medianPerStudent: 0.31 }],
  "unit-unknown": [null, { ...col, unit: "千元", dimension: "money" }],
  "unit-conflict": [null, { ...col, cellUnit: "元", headerUnit: "万元" }],
  "impossible-value": [
    null,
    { reason: "subset-exceeds-teachers", field: "key_teachers", value: 12, teachers: 10 },
  ],
  "duplicate-school": [null, { otherSheet: "学校", otherRow: 3 }],
  "total-mismatch": [null, { ...col, label: "合计", total: 100, sum: 99 }],
  "unmapped-field": [null, { field: "key_teachers", indicators: ["key_teachers_per_100"] }],
  "column-ambiguous": [
    null,
    {
      field: "students",
      column: "E",
      header: "2025年在校生数",
      others: ["D"],
      otherHeaders: ["2024年在校生数"],
    },
  ],
  "unknown-stage": [null, { reason: "no-stage-students", kind: "nine-year" }],
  "stage-assumed": [null, { reason: "through-train-unspecified" }],
  "name-missing": [null, { row: 4 }],
  "formula-uncached": [null, { count: 3, first: "B2" }],
  "table-unreadable": [null, { row: 12 }],
  "hidden-sheet-skipped": [null, {}],
  "hidden-rows-read": [null, { count: 12, rows: [5, 7, 9, 11, 13, 15, 17, 19, 21, 23] }],
  "hidden-columns-read": [
    null,
    { count: 2, columns: ["B", "H"], headers: ["在校生数", "教学仪器设备值(万元)"] },
  ],
  "split-apportioned": [
    null,
    {
      kind: "nine-year",
      teacherColumns: ["专任教师"],
      facilityColumns: ["校舍面积"],
      method: "weights",
      weights: { primary: 1, junior: 1.1, senior: 1.32 },
    },
  ],
  "branch-merged": [null, { parent: "乙校" }],
  "school-excluded": [null, { reason: "small-teaching-point", minStudents: 50 }],
  "school-no-students": [null, {}],
  "duplicate-row": [null, { otherSheet: "小学", otherRow: 3 }],
  "precomputed-mismatch": [
    { indicator: "teaching_space_per_student" } as never,
    { given: 5.1, computed: 4.9 },
  ],
  "ratio-scale-suspect": [null, { ...col, median: 0.012 }],
  "value-scale-suspect": [
    { indicator: "equipment_value_per_student" } as never,
    { reason: "money-off-scale", value: 0.22, median: 2166.67, factor: 0.22 / 2166.67 },
  ],
  "bachelor-for-primary": [null, { ...col, schools: 3 }],
  "below-standard": [
    { indicator: "key_teachers_per_100" } as never,
    { value: 0.75, threshold: 1, gap: { amount: 2, of: "key_teachers" } },
  ],
  "school-fails": [
    null,
    {
      metCount: 5,
      minMet: 6,
      floorShare: 0.85,
      tooFewMet: true,
      belowFloor: [{ indicator: "key_teachers_per_100", ratio: 0.75 }],
    },
  ],
  "school-incomplete": [null, { missing: ["sports_space_per_student"] }],
  "cv-over-limit": [{ indicator: "teaching_space_per_student" } as never, { cv: 0.52, limit: 0.5 }],
  "cv-incomplete": [{ indicator: "teaching_space_per_student" } as never, { schools: 12, of: 13 }],
  "cv-one-school": [{ stage: "junior" } as never, { schools: 1 }],
  "cv-not-assessable": [{ indicator: "key_teachers_per_100" } as never, { mean: 0, schools: 4 }],
  borderline: [
    { indicator: "teaching_space_per_student" } as never,
    { value: 4.496, shown: "4.50", threshold: 4.5, meets: false },
  ],
  "class-size": [
    null,
    {
      value: 58,
      limit: 45,
      basis: "max",
      band: "large",
      largeFrom: 56,
      veryLargeFrom: 66,
    },
  ],
  "class-size-undetermined": [null, { value: 48, limits: { primary: 45, junior: 50 } }],
  "school-size": [null, { value: 2600, limit: 2500, basis: "compulsory" }],
  "music-art-rooms": [
    null,
    { room: "music", rooms: 1, classes: 30, required: 3, classesPerRoom: 12 },
  ],
  "no-table": [null, {}],
  "county-no-header": [null, {}],
  "county-unknown-code": [null, { code: "X9" }],
  "county-duplicate-code": [null, { code: "G7.special_funds", cells: ["C7", "C9"] }],
  "county-bad-value": [null, { code: "G1", text: "也许", expected: "judgement" }],
  "county-bad-unit": [null, { code: "G7.special_funds", unit: "千元" }],
  "county-school-mismatch": [null, { code: "G9.teachers", county: 120, schools: 118 }],
  "county-rate-differs": [null, { code: "G9.rate", entered: 95, computed: 93.25 }],
  "county-sheet-ignored": [null, { file: "county.xlsx" }],
  "assessment-partial-input": [
    null,
    {
      item: "G8",
      reason: "condition-not-entered",
      code: "G8.performance_pay",
      judgedOn: "salaries",
    },
  ],
  "assessment-item-fails": [null, { item: "G7", schools: ["甲校"] }],
};

function finding<C extends FindingCode>(code: C): Finding {
  const [where, params] = SAMPLES[code];
  const spec = FINDINGS[code];
  return {
    severity: spec.severity,
    category: spec.category,
    code,
    ...at,
    ...(where ?? {}),
    params,
  } as Finding;
}

describe.each(Object.keys(FINDINGS) as FindingCode[])("%s", (code) => {
  test.each(["zh-CN", "en"] as const)("renders in %s from its parameters", (lang) => {
    const text = renderFinding(finding(code), lang);
    expect(text.length).toBeGreaterThan(5);
    expect(text).not.toMatch(/undefined|NaN|null|\[object|\{|\}/);
    if (lang === "en") expect(text).not.toMatch(/[，；：（）]/);
  });
});

test("the samples cover the catalogue exactly", () => {
  expect(Object.keys(SAMPLES).sort()).toEqual(Object.keys(FINDINGS).sort());
});

describe("messages state the parameters they were given", () => {
  test("below-standard: value at the indicator's decimals, threshold as written, gap in its unit", () => {
    expect(renderFinding(finding("below-standard"), "zh-CN")).toBe(
      "每百名学生拥有县级以上骨干教师数 0.75 < 1（小学），还差 2 名县级以上骨干教师"
    );
  });
  test("school-fails: minMet and the floor share come from the parameters", () => {
    expect(renderFinding(finding("school-fails"), "zh-CN")).toBe(
      "「甲校」（小学）未达标：仅 5 项达标（需至少 6 项）；骨干教师仅为标准的 75.00%（需 ≥ 85%）"
    );
  });
  test("split-apportioned: the weights of a nine-year school, without a senior stage", () => {
    expect(renderFinding(finding("split-apportioned"), "zh-CN")).toBe(
      "「甲校」为九年一贯制学校，无分学段数据的列已拆分：教师数（专任教师）按学生数比例；校舍面积 按加权学生数（小学 1 : 初中 1.1）"
    );
  });
  test("duplicate-school: the other row written as the CLI writes a place (学校!第 3 行)", () => {
    // Was 「甲校」在第 学校!3 行已出现: the sheet name landed between 第 and the row number.
    expect(renderFinding(finding("duplicate-school"), "zh-CN")).toBe(
      "「甲校」在 学校!第 3 行已出现"
    );
  });
  test("school-fails: a share just under the floor is never shown as the floor itself", () => {
    // 1699.996 元 ÷ 2000 元 = 0.849998 → 84.9998 %: 「84.99%」, where rounding half up wrote 「85.00%（需 ≥ 85%）」.
    const f = finding("school-fails");
    const at = (ratio: number) =>
      renderFinding(
        {
          ...f,
          params: {
            ...f.params,
            belowFloor: [{ indicator: "equipment_value_per_student", ratio }],
          },
        } as typeof f,
        "zh-CN"
      );
    expect(at(1699.996 / 2000)).toContain("仅为标准的 84.99%（需 ≥ 85%）");
    // Elsewhere half up as before: 2 ÷ 3 is 66.67 %, 0.75 is 75.00 %, and 0.8499 is 84.99 %.
    expect(at(2 / 3)).toContain("仅为标准的 66.67%");
    expect(at(0.75)).toContain("仅为标准的 75.00%");
    expect(at(0.8499)).toContain("仅为标准的 84.99%");
  });
  test("borderline: the unrounded value without the float noise of a sum (12 significant digits)", () => {
    // 8,499.98 元 ÷ 5 pupils = 1699.9959999999999 in floating point; the clerk is shown 1699.996.
    const f = finding("borderline");
    const noisy = { ...f, params: { ...f.params, value: 8499.98 / 5 } } as typeof f;
    expect(8499.98 / 5).not.toBe(1699.996);
    expect(renderFinding(noisy, "zh-CN")).toContain("但未舍入值 1699.996 未达标");
    expect(renderFinding(finding("borderline"), "en")).toContain(
      "the unrounded 4.496 does not meet"
    );
  });
  test("class-size: the band's bounds are the settings' (56–65 by default)", () => {
    expect(renderFinding(finding("class-size"), "en")).toBe(
      '"甲校": largest class 58 > 45 (primary), a large class (56–65)'
    );
  });
});

describe("a cell's text quoted in a message is cut and cleaned (a hostile cell: issue 14)", () => {
  const f = (text: string): Finding =>
    ({ ...finding("not-a-number"), params: { ...col, text } }) as Finding;
  test("100,000 「&」 after a NUL: 40 characters and 「…」, the NUL shown as a space", () => {
    const text = "\u0000" + "&".repeat(100_000);
    // 1 space + 39 「&」 = 40 characters, then the ellipsis.
    expect(renderFinding(f(text), "zh-CN")).toBe(`「专任教师」的值「 ${"&".repeat(39)}…」不是数字`);
    expect(renderFinding(f(text), "en")).toBe(
      `"专任教师" holds " ${"&".repeat(39)}…", which is not a number`
    );
  });
  test("a text of 40 characters or fewer is quoted whole", () => {
    expect(renderFinding(f("约三百"), "zh-CN")).toBe("「专任教师」的值「约三百」不是数字");
    expect(renderFinding(f("x".repeat(40)), "en")).toContain(`"${"x".repeat(40)}"`);
  });
});

describe("the CV lines in English: the indicator's name first, then the stage in brackets", () => {
  // Was "primary County-level or higher key teachers …: CV …" (a lower-case stage glued to a capitalised name).
  const cv = (stage: "primary" | "junior", indicator: string | null): Finding =>
    ({ ...finding("cv-over-limit"), stage, indicator }) as Finding;
  test.each([
    [
      "primary",
      "key_teachers_per_100",
      "County-level or higher key teachers per 100 students (primary): CV 0.520 > 0.50",
    ],
    [
      "junior",
      "key_teachers_per_100",
      "County-level or higher key teachers per 100 students (junior): CV 0.520 > 0.50",
    ],
    ["primary", null, "Composite (primary): CV 0.520 > 0.50"],
    [
      "junior",
      "sports_space_per_student",
      "Sports ground and hall area per student (junior): CV 0.520 > 0.50",
    ],
  ] as const)("cv-over-limit, %s %s", (stage, indicator, text) => {
    // The sample's parameters: cv 0.52 at 3 decimals, limit 0.5 at 2.
    expect(renderFinding(cv(stage, indicator), "en")).toBe(text);
  });
  test("Chinese unchanged: 小学每百名学生拥有县级以上骨干教师数差异系数 0.520 > 0.50", () => {
    expect(renderFinding(cv("primary", "key_teachers_per_100"), "zh-CN")).toBe(
      "小学每百名学生拥有县级以上骨干教师数差异系数 0.520 > 0.50"
    );
    expect(renderFinding(cv("junior", null), "zh-CN")).toBe("初中综合差异系数 0.520 > 0.50");
  });
  test("a CV just over its limit that rounds onto it is written unrounded: 0.5502 > 0.55, never 0.550 > 0.55", () => {
    const at = (value: number, limit: number): Finding =>
      ({ ...cv("junior", null), params: { cv: value, limit } }) as Finding;
    expect(renderFinding(at(0.5502, 0.55), "zh-CN")).toBe("初中综合差异系数 0.5502 > 0.55");
    expect(renderFinding(at(0.50040000001, 0.5), "en")).toBe(
      "Composite (junior): CV 0.5004 > 0.50"
    );
    // 0.5506 shows as 0.551, already over 0.55: the usual 3 decimals.
    expect(renderFinding(at(0.5506, 0.55), "zh-CN")).toBe("初中综合差异系数 0.551 > 0.55");
  });
  test("the other CV codes follow the same order; a sentence starts with the stage capitalised", () => {
    expect(renderFinding({ ...finding("cv-incomplete"), stage: "junior" } as Finding, "en")).toBe(
      "Teaching and auxiliary space per student (junior): CV uses 12 of 13 schools"
    );
    expect(renderFinding(finding("cv-not-assessable"), "en")).toBe(
      "County-level or higher key teachers per 100 students (primary): the county mean is 0.00, so the CV cannot be computed (no verdict)"
    );
    expect(renderFinding(finding("cv-one-school"), "en")).toBe(
      "Junior: only 1 school assessed — its CVs are 0 by definition and compare nothing"
    );
  });
});

describe("indicator names inside an English sentence are not capitalised", () => {
  test("school-incomplete: missing sports area (was: missing Sports area)", () => {
    expect(renderFinding(finding("school-incomplete"), "en")).toBe(
      '"甲校" (primary) cannot be judged: missing sports area'
    );
  });
  test("failReason: the first part may start a line; the next ones, after a semicolon, are lower case", () => {
    const p: FindingParamsByCode["school-fails"] = {
      metCount: 5,
      minMet: 6,
      floorShare: 0.85,
      tooFewMet: false,
      belowFloor: [
        { indicator: "key_teachers_per_100", ratio: 0.75 },
        { indicator: "pe_arts_teachers_per_100", ratio: 0.5 },
        { indicator: "multimedia_rooms_per_100", ratio: 0.8 },
      ],
    };
    // "PE/arts teachers" keeps its acronym.
    expect(failReason(p, "en")).toBe(
      "Key teachers only 75.00% of the standard (85% needed); PE/arts teachers only 50.00% of the standard (85% needed); multimedia rooms only 80.00% of the standard (85% needed)"
    );
    expect(failReason({ ...p, tooFewMet: true }, "en")).toMatch(
      /^only 5 indicators met \(at least 6 needed\); key teachers only 75\.00%/
    );
  });
});

describe("assessment-partial-input: one text per reason code, in both languages", () => {
  const partial = (
    params: FindingParamsByCode["assessment-partial-input"],
    school: string | null = null
  ): Finding =>
    ({
      ...at,
      school,
      severity: "warning",
      category: "data",
      code: "assessment-partial-input",
      params,
    }) as Finding;
  test("a condition not entered: the code and its catalogue label, judged on the salaries or the share", () => {
    const g8 = partial({
      item: "G8",
      reason: "condition-not-entered",
      code: "G8.performance_pay",
      judgedOn: "salaries",
    });
    expect(renderFinding(g8, "zh-CN")).toMatch(
      /^教师平均工资收入.+：未填「G8\.performance_pay」（按规定足额核定教师绩效工资总量），仅按工资比较判断$/
    );
    const g14 = partial({
      item: "G14",
      reason: "condition-not-entered",
      code: "G14.rural_tilt",
      judgedOn: "share",
    });
    expect(renderFinding(g14, "en")).toMatch(
      /: G14\.rural_tilt \(Allocation favours rural schools\) not entered: judged on the share alone$/
    );
  });
  test("bands that do not add up: the school, the band sum and the class count", () => {
    const f = partial({ item: "G5", reason: "bands-mismatch", bands: 12, classes: 13 }, "甲小学");
    expect(renderFinding(f, "zh-CN")).toMatch(
      /：「甲小学」班额分段合计 12 个班，与班级数 13 不一致$/
    );
    expect(renderFinding(f, "en")).toMatch(
      /: "甲小学": class-size bands add up to 12, but it has 13 classes$/
    );
  });
  test("largest class only: the count of schools, singular and plural in English", () => {
    const one = partial({ item: "G5", reason: "largest-class-only", schools: 1 });
    const two = partial({ item: "G5", reason: "largest-class-only", schools: 2 });
    expect(renderFinding(two, "zh-CN")).toMatch(
      /：2 所学校只有最大班额，超标班级数按每校 1 个计（下限）$/
    );
    expect(renderFinding(one, "en")).toMatch(/: 1 school gives only its largest class: it counts/);
    expect(renderFinding(two, "en")).toMatch(/: 2 schools give only their largest class: each/);
  });
  test("G3 on total room areas: the count of schools, total ÷ rooms for each room", () => {
    const f = partial({ item: "G3", reason: "average-room-area", schools: 3 });
    expect(renderFinding(f, "zh-CN")).toMatch(
      /：3 所学校只有音乐、美术教室的总面积，按总面积 ÷ 间数作为每间面积判断$/
    );
    expect(renderFinding(f, "en")).toMatch(/: 3 schools give only the total area of their/);
  });
});
