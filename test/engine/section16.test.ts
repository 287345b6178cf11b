/**
 * standards.md §16: quality-2017, four 小学, 仪器 in 万元. Expected numbers are the worked example's,
 * re-derived by hand in the comments.
 */
import { checkWorkbook } from "../../src/engine/report";
import { QUALITY_IDS, SECTION16_HEADER, SECTION16_ROWS, sheet, workbook } from "./helpers";

const { report } = checkWorkbook(workbook(sheet("小学", [SECTION16_HEADER, ...SECTION16_ROWS])));
const byName = (n: string) => report.schools.find((s) => s.name === n)!;
const ids = QUALITY_IDS;

describe("§16 per-school values", () => {
  const expected: Record<string, number[]> = {
    // A: 60×100/1200, 14×100/1200, 12×100/1200, 6000/1200, 9600/1200, 300×10000/1200, 30×100/1200
    A小学: [5, 1.1667, 1, 5, 8, 2500, 2.5],
    B小学: [4.6667, 1, 1, 4.8333, 7, 2100, 2.5],
    C小学: [4.6667, 0.6667, 1, 4, 9, 1900, 2],
    D小学: [5.3333, 1.3333, 0.6667, 5.3333, 9, 2200, 2.6667],
  };
  test.each(Object.entries(expected))("%s", (name, values) => {
    const s = byName(name);
    ids.forEach((id, i) => expect(s.indicators[id].value).toBeCloseTo(values[i], 4));
  });

  test("verdicts: A pass (7), B pass (6, sports 93.33%), C fail (< 6 met), D fail (< 85%)", () => {
    expect(byName("A小学")).toMatchObject({ metCount: 7, meets: true, status: "pass" });
    expect(byName("B小学")).toMatchObject({
      metCount: 6,
      meets: true,
      atFloor: ["sports_space_per_student"],
    });
    expect(byName("B小学").indicators.sports_space_per_student.ratio).toBeCloseTo(7 / 7.5, 6);
    expect(byName("C小学")).toMatchObject({ metCount: 3, meets: false, status: "fail" });
    expect(byName("D小学")).toMatchObject({ metCount: 6, meets: false, status: "fail" });
    expect(byName("D小学").indicators.pe_arts_teachers_per_100.ratio).toBeCloseTo(0.6667 / 0.9, 3);
  });

  test("exact thresholds are met: B key 6×100/600 = 1, A pe_arts 12×100/1200 = 1", () => {
    expect(byName("B小学").indicators.key_teachers_per_100.meets).toBe(true);
    expect(byName("A小学").indicators.pe_arts_teachers_per_100.meets).toBe(true);
    expect(report.schools.some((s) => Object.values(s.indicators).some((i) => i.borderline))).toBe(
      false
    );
  });

  test("gaps in natural units", () => {
    // C key: needs 1 × 300 / 100 = 3 key teachers, has 2 → 1 more.
    expect(byName("C小学").indicators.key_teachers_per_100.gap).toBe(1);
    // C teaching space: 4.5 × 300 = 1350 ㎡, has 1200 → 150 ㎡.
    expect(byName("C小学").indicators.teaching_space_per_student.gap).toBe(150);
    // C equipment: 2000 × 300 = 600,000 元, has 570,000 → 30,000 元.
    expect(byName("C小学").indicators.equipment_value_per_student.gap).toBe(30000);
    // D pe_arts: 0.9 × 150 / 100 = 1.35 → 0.35 more, rounded up to 1 teacher.
    expect(byName("D小学").indicators.pe_arts_teachers_per_100.gap).toBe(1);
    expect(byName("A小学").indicators.key_teachers_per_100.gap).toBe(0);
  });
});

describe("§16 county results", () => {
  const c = report.county.primary!;
  const expected: [string, number, number, number][] = [
    ["qualified_teachers_per_100", 4.888889, 0.198762, 0.040656],
    ["key_teachers_per_100", 1.066667, 0.180534, 0.169251],
    ["pe_arts_teachers_per_100", 0.977778, 0.083148, 0.085038],
    ["teaching_space_per_student", 4.844444, 0.352066, 0.072674],
    ["sports_space_per_student", 7.933333, 0.679869, 0.085698],
    ["equipment_value_per_student", 2293.333333, 232.283352, 0.101286],
    ["multimedia_rooms_per_100", 2.444444, 0.179161, 0.073293],
  ];
  test.each(expected)("%s mean %f sd %f cv %f", (id, mean, sd, cv) => {
    const r = c.indicators[id];
    expect(r.mean).toBeCloseTo(mean, 5);
    expect(r.sd).toBeCloseTo(sd, 5);
    expect(r.cv).toBeCloseTo(cv, 6);
    expect(r.limit).toBe(0.5);
    expect(r.meets).toBe(true);
  });
  test("means are ratios of totals: 110×100/2250 and 516×10000/2250", () => {
    expect(c.indicators.qualified_teachers_per_100.mean).toBeCloseTo((110 * 100) / 2250, 9);
    expect(c.indicators.equipment_value_per_student.mean).toBeCloseTo((516 * 10000) / 2250, 9);
  });
  test("county verdict: CVs pass, schools C and D fail → FAIL; no composite under 2017", () => {
    expect(c.meets).toBe(false);
    expect(c.composite).toBeUndefined();
    expect(c.schools).toBe(4);
    expect(c.students).toBe(2250);
    expect(c.schoolsMeeting).toBe(2);
    expect(report.summary).toMatchObject({ schools: 4, schoolsMeeting: 2, meets: false });
  });
  test("findings flatten to [school, code] as expected", () => {
    const flat = report.findings
      .filter((f) => f.code === "school-fails")
      .map((f) => f.school)
      .sort();
    expect(flat).toEqual(["C小学", "D小学"]);
    const below = report.findings
      .filter((f) => f.code === "below-standard")
      .map((f) => `${f.school}|${f.indicator}`);
    expect(below.sort()).toEqual(
      [
        "B小学|sports_space_per_student",
        "C小学|key_teachers_per_100",
        "C小学|teaching_space_per_student",
        "C小学|equipment_value_per_student",
        "C小学|multimedia_rooms_per_100",
        "D小学|pe_arts_teachers_per_100",
      ].sort()
    );
  });
});
