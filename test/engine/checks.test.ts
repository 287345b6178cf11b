/**
 * src/engine/checks: every finding code is declared by exactly the module that raises it, and each check's fixtures
 * raise only codes it declares (Frictionless: one module per check, declaring the error types it raises).
 * Expected cells are worked out by hand beside each row.
 */
import { CHECKS, OTHER_RAISERS, SCHOOL_CHECKS, SCHOOL_ROW_CHECKS } from "../../src/engine/checks";
import type { CheckDeclaration, CheckSink } from "../../src/engine/checks";
import { checkImpossible } from "../../src/engine/checks/impossibleValues";
import { FINDINGS } from "../../src/engine/findings/catalog";
import type { FindingCode } from "../../src/engine/findings/params";
import type { Finding, SchoolResult } from "../../src/engine/reportTypes";
import type { SchoolPart } from "../../src/engine/schools/buildParts";
import type { Quantity } from "../../src/engine/schools/quantities";
import { defaultSettings } from "../../src/standards";
import { check, flatten, Row } from "./rules/harness";

const ALL = [...CHECKS, ...OTHER_RAISERS];
const declared = new Set<string>(ALL.flatMap((d) => d.codes));
const byId = (id: string): CheckDeclaration => {
  const d = CHECKS.find((c) => c.id === id);
  if (!d) throw new Error(`no check ${id}`);
  return d;
};

describe("declarations", () => {
  test("the declared codes together are the catalogue: a new code must be declared by its raiser", () => {
    // A code listed under `undeclared`: add it to the declaration of the module that raises it (its check's file
    // under src/engine/checks, or OTHER_RAISERS in src/engine/checks/index.ts).
    const catalogue = Object.keys(FINDINGS);
    expect({
      undeclared: catalogue.filter((c) => !declared.has(c)),
      notInCatalogue: [...declared].filter((c) => !catalogue.includes(c)),
    }).toEqual({ undeclared: [], notInCatalogue: [] });
  });
  test("ids are unique and every check names its file under src/engine", () => {
    expect(new Set(ALL.map((d) => d.id)).size).toBe(ALL.length);
    for (const d of ALL) expect(d.file).toMatch(/^[a-z]+(\/[A-Za-z]+)*\.ts$/);
  });
  test("the school checks run in the order their findings are listed", () => {
    expect(SCHOOL_CHECKS.map((c) => c.declaration.id)).toEqual([
      "impossible-values",
      "indicator-findings",
    ]);
    expect(SCHOOL_ROW_CHECKS.map((c) => c.declaration.id)).toEqual([
      "class-size",
      "school-size",
      "special-rooms",
    ]);
  });
});

/** Per check: a small table and the findings of its codes it must raise, `[sheet, cell, code]`. */
const FIXTURES: {
  id: string;
  sheet: string;
  rows: Row[];
  expected: [string, string | null, string][];
}[] = [
  {
    id: "degree-basis",
    sheet: "小学",
    rows: [
      ["学校名称", "在校生数", "本科及以上学历教师数"],
      ["甲小学", 1000, 45], // 小学 read from a 本科 column: one warning for the table, no cell
    ],
    expected: [["小学", null, "bachelor-for-primary"]],
  },
  {
    id: "totals",
    sheet: "小学",
    rows: [
      ["学校名称", "在校生数", "县级及以上骨干教师数"],
      ["甲小学", 1000, 12],
      ["乙小学", 500, 6],
      ["合计", 1600, 18], // 1000 + 500 = 1500 ≠ 1600 → B4; 12 + 6 = 18 right
    ],
    expected: [["小学", "B4", "total-mismatch"]],
  },
  {
    id: "duplicates",
    sheet: "小学",
    rows: [
      ["学校名称", "在校生数"],
      ["城关小学", 1000],
      ["城关小学", 900], // the same name again in the same stage → its name cell A3
    ],
    expected: [["小学", "A3", "duplicate-school"]],
  },
  {
    id: "impossible-values",
    sheet: "小学",
    rows: [
      ["学校名称", "在校生数", "专任教师数", "县级及以上骨干教师数"],
      ["甲小学", 1000, 10, 12], // 12 key teachers > 10 teachers → D2
    ],
    expected: [["小学", "D2", "impossible-value"]],
  },
  {
    id: "cell-values",
    sheet: "小学",
    rows: [
      ["学校名称", "在校生数", "县级及以上骨干教师数"],
      ["甲小学", 1000, "约十二"], // text → C2
      ["乙小学", 1000, -3], // negative → C3
      ["丙小学", 1000, 2.5], // a fraction of a count → C4
      ["丁小学", 1000, "#DIV/0!"], // error value → C5
    ],
    expected: [
      ["小学", "C2", "not-a-number"],
      ["小学", "C3", "negative-value"],
      ["小学", "C4", "fractional-count"],
      ["小学", "C5", "error-value"],
    ],
  },
  {
    id: "ratio-scale",
    sheet: "小学",
    rows: [
      ["学校名称", "在校生数", "每百名学生拥有县级以上骨干教师数"],
      ["甲小学", 1000, 0.012],
      ["乙小学", 1000, 0.011], // median 0.012 < 0.1: per 1, not per 100 → one finding for the sheet
      ["丙小学", 1000, 0.013],
    ],
    expected: [["小学", null, "ratio-scale-suspect"]],
  },
  {
    id: "value-scale",
    sheet: "小学",
    rows: [
      ["学校名称", "在校生数", "教学及辅助用房面积(㎡)", "教学仪器设备值(元)"],
      // 2,000 ㎡ / 1,000 = 2 ㎡ per student: in range. 2,000,000 元 / 1,000 = 2,000 元.
      ["甲小学", 1000, 2000, 2000000],
      // 100 ㎡ / 1,000 = 0.1 < 0.2 ㎡ → area finding at C3. 2,200 元 per student.
      ["乙小学", 1000, 100, 2200000],
      // 201 × 1,000 ㎡ / 1,000 = 201 > 200 → area finding at C4. 1,800 元.
      ["丙小学", 1000, 201000, 1800000],
      // 200 元 / 1,000 = 0.2 元: median of 0.2, 1,800, 2,000, 2,200 is 2,000 (the upper middle), factor
      // 0.0001 < 1/300 → money finding at D5 (万元 typed into a 元 column).
      ["丁小学", 1000, 3000, 200],
    ],
    expected: [
      ["小学", "C3", "value-scale-suspect"],
      ["小学", "C4", "value-scale-suspect"],
      ["小学", "D5", "value-scale-suspect"],
    ],
  },
  {
    id: "column-coverage",
    sheet: "小学",
    rows: [
      ["学校名称", "在校生数", "县级及以上骨干教师数"],
      ["甲小学", 1000, 12],
    ],
    // quality-2017 has seven indicators with seven numerators: six have no column, one finding each.
    expected: [
      ["小学", null, "unmapped-field"],
      ["小学", null, "unmapped-field"],
      ["小学", null, "unmapped-field"],
      ["小学", null, "unmapped-field"],
      ["小学", null, "unmapped-field"],
      ["小学", null, "unmapped-field"],
    ],
  },
  {
    id: "indicator-findings",
    sheet: "小学",
    rows: [
      ["学校名称", "在校生数", "县级及以上骨干教师数"],
      ["甲小学", 1000, 0], // 0 per 100 < 1 → below-standard C2; 0 of 1 indicators met → school-fails A2
      ["乙小学", 1000, null], // empty → missing-value C3; the school is incomplete → A3
    ],
    expected: [
      ["小学", "A2", "school-fails"],
      ["小学", "A3", "school-incomplete"],
      ["小学", "C2", "below-standard"],
      ["小学", "C3", "missing-value"],
    ],
  },
  {
    id: "class-size",
    sheet: "小学",
    rows: [
      ["学校名称", "在校生数", "最大班额"],
      ["甲小学", 900, 45], // = 45 passes
      ["乙小学", 900, 46], // 46 > 45 → C3
    ],
    expected: [["小学", "C3", "class-size"]],
  },
  {
    id: "school-size",
    sheet: "小学",
    rows: [
      ["学校名称", "在校生数"],
      ["甲小学", 2000], // = 2000 passes
      ["乙小学", 2001], // 2001 > 2000 → its students cell B3
    ],
    expected: [["小学", "B3", "school-size"]],
  },
  {
    id: "special-rooms",
    sheet: "小学",
    rows: [
      ["学校名称", "在校生数", "班级数", "音乐教室间数", "美术教室间数"],
      ["甲小学", 900, 24, 1, 2], // ⌈24 ÷ 12⌉ = 2 rooms each: music 1 < 2 → D2; art 2 meets
    ],
    expected: [["小学", "D2", "music-art-rooms"]],
  },
];

describe.each(FIXTURES)("check $id", ({ id, sheet, rows, expected }) => {
  const decl = byId(id);
  const report = check(sheet, rows, { findingsPerCode: 10_000 });
  test("its fixture raises its codes at the cells worked out by hand", () => {
    expect(flatten(report, decl.codes)).toEqual(
      [...expected].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1))
    );
  });
  test("every code the fixture raises is declared by some check", () => {
    for (const f of report.findings) expect([f.code, declared.has(f.code)]).toEqual([f.code, true]);
  });
});

test("every check in this folder has a fixture", () => {
  expect(FIXTURES.map((f) => f.id).sort()).toEqual(CHECKS.map((c) => c.id).sort());
});

/** A sink that records what a check raises (a check can only be handed one typed with its own codes). */
function recorder<C extends FindingCode>(): CheckSink<C> & { codes: string[] } {
  const codes: string[] = [];
  return {
    codes,
    add(code, where, params) {
      codes.push(code);
      return { code, ...where, params } as unknown as Finding;
    },
  };
}

const q = (value: number | null, cell: string): Quantity => ({ value, cell, field: cell });

/** A single-stage primary school part, built by hand. */
function part(p: Partial<SchoolPart>): SchoolPart {
  return {
    record: { name: "甲小学", sheet: "小学", rows: [] },
    stage: "primary",
    kind: "primary",
    split: false,
    share: 1,
    students: q(1000, "B2"),
    compulsoryStudents: 1000,
    totalStudentsCell: "B2",
    numerators: {},
    ratios: {},
    facts: {},
    ...p,
  };
}

describe("checks run on their own raise only what they declare", () => {
  const settings = defaultSettings("quality-2017");
  test("impossible values", () => {
    const sink = recorder<"impossible-value">();
    checkImpossible(
      part({ numerators: { key_teachers: q(12, "D2"), teachers: q(10, "C2") } }),
      sink
    );
    checkImpossible(part({ students: q(0, "B2"), numerators: { books: q(100, "E2") } }), sink);
    expect(sink.codes).toEqual(["impossible-value", "impossible-value"]);
  });
  test.each([
    ["class-size", { max_class_size: q(51, "C2") }],
    ["school-size", {}],
    ["special-rooms", { classes: q(24, "C2"), music_rooms: q(0, "D2"), art_rooms: q(1, "E2") }],
  ] as const)("%s", (id, facts) => {
    const c = SCHOOL_ROW_CHECKS.find((x) => x.declaration.id === id)!;
    const sink = recorder();
    const checks: NonNullable<SchoolResult["checks"]> = {};
    // 2600 students: over every school-size limit; 51 > 45 pupils; 0 and 1 music / art rooms for 24 classes.
    c.run(part({ students: q(2600, "B2"), facts }), checks, settings, sink as never, true);
    expect(sink.codes.length).toBeGreaterThan(0);
    for (const code of sink.codes) expect(c.declaration.codes).toContain(code);
  });
});
