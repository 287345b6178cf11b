/**
 * The per-school rule, standards.md §3.3 (第六条): at least 6 of the 7 indicators met, and every unmet one at least
 * 85% of its threshold (the floors of §3.1, stored as exact decimals); missing values make a school FAIL when it
 * fails even with them met, otherwise INCOMPLETE, never PASS. Comparisons are unrounded with a relative 1e-9
 * tolerance (§7).
 */
import { QUALITY_2017 } from "../../../src/standards";
import { QUALITY_IDS } from "../helpers";
import {
  check,
  flatten,
  flattenWhere,
  H7,
  H7_COL,
  JUNIOR_OK,
  PRIMARY_OK,
  Row,
  schoolOf,
  withCells,
} from "./harness";

const VERDICT_CODES = ["below-standard", "school-fails", "school-incomplete", "missing-value"];

describe("§3.1 thresholds and floors are the official numbers, floors as exact decimals", () => {
  // Order: qualified, key, pe_arts, teaching, sports, equipment, multimedia.
  const thresholds = {
    primary: [4.2, 1, 0.9, 4.5, 7.5, 2000, 2.3],
    junior: [5.3, 1, 0.9, 5.8, 10.2, 2500, 2.4],
  };
  // 85% of each, written as the decimals of §3.1 (0.85 × 4.5 in floating point is 3.8249999999999997).
  const floors = {
    primary: [3.57, 0.85, 0.765, 3.825, 6.375, 1700, 1.955],
    junior: [4.505, 0.85, 0.765, 4.93, 8.67, 2125, 2.04],
  };
  test.each(QUALITY_IDS.map((id, i) => [id, i]))("%s", (id, i) => {
    const ind = QUALITY_2017.indicators.find((x) => x.id === id)!;
    expect(ind.threshold).toEqual({ primary: thresholds.primary[i], junior: thresholds.junior[i] });
    expect(ind.floor).toEqual({ primary: floors.primary[i], junior: floors.junior[i] });
  });
  test("the rule: 6 of 7, 85%", () => {
    expect(QUALITY_2017.perSchool).toMatchObject({ minMet: 6, floorShare: 0.85 });
    expect(0.85 * 4.5).not.toBe(3.825); // why the floors are data
  });
});

describe("all 7 met, or exactly 6 met and the 7th ≥ 85%", () => {
  const report = check("小学", [
    H7,
    PRIMARY_OK, // row 2: all 7 met → PASS
    // row 3: key 9 × 100 ÷ 1000 = 0.9 < 1, 90% ≥ 85% → 6 met + 1 at floor → PASS
    withCells(PRIMARY_OK, "乙小学", { D: 9 }),
    // row 4: key 8 × 100 ÷ 1000 = 0.8 < 0.85 → below the floor → FAIL
    withCells(PRIMARY_OK, "丙小学", { D: 8 }),
    // row 5: key 0.9 and multimedia 22 × 100 ÷ 1000 = 2.2 < 2.3 (95.7%): only 5 met → FAIL
    withCells(PRIMARY_OK, "丁小学", { D: 9, I: 22 }),
  ]);
  test("verdicts", () => {
    expect(schoolOf(report, "甲小学")).toMatchObject({ metCount: 7, status: "pass", meets: true });
    expect(schoolOf(report, "乙小学")).toMatchObject({
      metCount: 6,
      status: "pass",
      meets: true,
      atFloor: ["key_teachers_per_100"],
    });
    expect(schoolOf(report, "丙小学")).toMatchObject({
      metCount: 6,
      status: "fail",
      meets: false,
      atFloor: [],
    });
    expect(schoolOf(report, "丁小学")).toMatchObject({ metCount: 5, status: "fail", meets: false });
    expect(schoolOf(report, "丁小学").atFloor.sort()).toEqual(
      ["key_teachers_per_100", "multimedia_rooms_per_100"].sort()
    );
  });
  test("findings: one below-standard per unmet indicator at its input cell, school-fails at the name", () => {
    expect(flattenWhere(report, VERDICT_CODES)).toEqual([
      ["小学", "A4", "school-fails", "丙小学", "primary", null],
      ["小学", "A5", "school-fails", "丁小学", "primary", null],
      ["小学", "D3", "below-standard", "乙小学", "primary", "key_teachers_per_100"],
      ["小学", "D4", "below-standard", "丙小学", "primary", "key_teachers_per_100"],
      ["小学", "D5", "below-standard", "丁小学", "primary", "key_teachers_per_100"],
      ["小学", "I5", "below-standard", "丁小学", "primary", "multimedia_rooms_per_100"],
    ]);
  });
  test("severities: a single unmet indicator is a warning, a failing school an error", () => {
    const sev = (code: string) => report.findings.find((f) => f.code === code)?.severity;
    expect(sev("below-standard")).toBe("warning");
    expect(sev("school-fails")).toBe("error");
  });
  test("ratios are value ÷ threshold: 0.9 ÷ 1, 0.8 ÷ 1", () => {
    expect(schoolOf(report, "乙小学").indicators.key_teachers_per_100.ratio).toBeCloseTo(0.9, 12);
    expect(schoolOf(report, "丙小学").indicators.key_teachers_per_100.ratio).toBeCloseTo(0.8, 12);
  });
  test("the county verdict fails with a failing school although every CV passes", () => {
    const c = report.county.primary!;
    expect(Object.values(c.indicators).every((i) => i.meets === true)).toBe(true);
    expect(c.schoolsMeeting).toBe(2);
    expect(c.meets).toBe(false);
    expect(report.summary.meets).toBe(false);
  });
});

// Exactly at the threshold is met ("不低于" = ≥, §1); one unit less is not. 1000 students: per 100 = count ÷ 10,
// per student = amount ÷ 1000.
const AT_THRESHOLD: Record<"primary" | "junior", Row> = {
  // 42 → 4.2, 10 → 1, 9 → 0.9 (9 × 100 ÷ 1000, the float trap of §7), 4500 → 4.5, 7500 → 7.5, 2,000,000 元 → 2000,
  // 23 → 2.3.
  primary: ["准小学", 1000, 42, 10, 9, 4500, 7500, 2000000, 23],
  // 53 → 5.3, 10 → 1, 9 → 0.9, 5800 → 5.8, 10200 → 10.2, 2,500,000 → 2500, 24 → 2.4.
  junior: ["准初中", 1000, 53, 10, 9, 5800, 10200, 2500000, 24],
};
const ONE_LESS: Record<"primary" | "junior", Row> = {
  primary: ["差小学", 1000, 41, 9, 8, 4499, 7499, 1999999, 22],
  junior: ["差初中", 1000, 52, 9, 8, 5799, 10199, 2499999, 23],
};

describe.each(["primary", "junior"] as const)("%s: exactly at every threshold is met", (stage) => {
  const sheetName = stage === "primary" ? "小学" : "初中";
  const report = check(sheetName, [H7, AT_THRESHOLD[stage], ONE_LESS[stage]]);
  test("at the threshold: all 7 met, no finding", () => {
    const s = report.schools[0];
    expect(QUALITY_IDS.map((id) => s.indicators[id].meets)).toEqual(QUALITY_IDS.map(() => true));
    expect(s.status).toBe("pass");
  });
  test("one unit below each: none met, every one flagged at its cell", () => {
    const s = report.schools[1];
    expect(QUALITY_IDS.map((id) => s.indicators[id].meets)).toEqual(QUALITY_IDS.map(() => false));
    expect(flatten(report, ["below-standard"])).toEqual(
      QUALITY_IDS.map((id) => [sheetName, `${H7_COL[id]}3`, "below-standard"]).sort()
    );
  });
});

// The floors at 20,000 students, where each floor is a whole count: per 100 = count ÷ 200, per student = ÷ 20000.
const BIG = 20000;
const FLOOR_BASE: Record<"primary" | "junior", Row> = {
  // 1000 → 5.0, 240 → 1.2, 200 → 1.0, 100000 → 5.0, 160000 → 8.0, 42,000,000 → 2100, 500 → 2.5: all met.
  primary: ["基准小学", BIG, 1000, 240, 200, 100000, 160000, 42000000, 500],
  // 1200 → 6.0, 240, 200, 120000 → 6.0, 220000 → 11.0, 52,000,000 → 2600, 500 → 2.5: all met.
  junior: ["基准初中", BIG, 1200, 240, 200, 120000, 220000, 52000000, 500],
};
// Counts that give exactly the floor (count × 100 ÷ 20000, amount ÷ 20000), one per column.
const AT_FLOOR: Record<"primary" | "junior", Record<string, number>> = {
  primary: {
    C: 714, // 714 × 100 ÷ 20000 = 3.57
    D: 170, // 0.85
    E: 153, // 0.765
    F: 76500, // 76500 ÷ 20000 = 3.825
    G: 127500, // 6.375
    H: 34000000, // 1700 元
    I: 391, // 1.955
  },
  junior: {
    C: 901, // 4.505
    D: 170, // 0.85
    E: 153, // 0.765
    F: 98600, // 4.93
    G: 173400, // 8.67
    H: 42500000, // 2125 元
    I: 408, // 2.04
  },
};

describe.each(["primary", "junior"] as const)(
  "%s: 6 met and the 7th exactly at its 85%% floor passes; one unit less fails",
  (stage) => {
    const sheetName = stage === "primary" ? "小学" : "初中";
    const cols = Object.keys(AT_FLOOR[stage]);
    const rows: Row[] = [H7];
    for (const col of cols) {
      rows.push(withCells(FLOOR_BASE[stage], `在${col}`, { [col]: AT_FLOOR[stage][col] }));
      rows.push(withCells(FLOOR_BASE[stage], `低${col}`, { [col]: AT_FLOOR[stage][col] - 1 }));
    }
    const report = check(sheetName, rows);
    test.each(QUALITY_IDS.map((id, i) => [id, cols[i]]))("%s (column %s)", (id, col) => {
      const at = schoolOf(report, `在${col}`);
      expect(at.indicators[id].meets).toBe(false);
      expect(at.indicators[id].value).toBe(at.indicators[id].floor);
      expect(at).toMatchObject({ metCount: 6, status: "pass", atFloor: [id] });
      const below = schoolOf(report, `低${col}`);
      expect(below).toMatchObject({ metCount: 6, status: "fail", atFloor: [] });
    });
    test("school-fails exactly for the schools one unit below a floor", () => {
      // Rows: 在C 2, 低C 3, 在D 4, 低D 5, … — the failing ones are the odd rows 3, 5, …, 15.
      expect(flatten(report, ["school-fails"])).toEqual(
        cols.map((_, i) => [sheetName, `A${3 + 2 * i}`, "school-fails"]).sort()
      );
    });
  }
);

describe("the 1e-9 relative tolerance (§7), through precomputed ratio columns", () => {
  const header = ["学校名称", "在校生数", "生均教学仪器设备值", "每百名学生拥有高于规定学历教师数"];
  const report = check("小学", [
    header,
    // 2000 − 1e-6: relative shortfall 5e-10 ≤ 1e-9 → met (an absolute 1e-9 tolerance would not meet it).
    ["甲小学", 1000, 2000 - 1e-6, 4.2 * (1 - 5e-10)],
    // 2000 − 1e-5: shortfall 5e-9 > 1e-9 → not met; likewise 4.2 × (1 − 2e-9).
    ["乙小学", 1000, 2000 - 1e-5, 4.2 * (1 - 2e-9)],
  ]);
  test("within the tolerance: met", () => {
    const s = schoolOf(report, "甲小学");
    expect(s.indicators.equipment_value_per_student.meets).toBe(true);
    expect(s.indicators.qualified_teachers_per_100.meets).toBe(true);
    expect(s.indicators.equipment_value_per_student.fromRatioColumn).toBe(true);
  });
  test("beyond it: not met (and borderline, as both display at the threshold)", () => {
    const s = schoolOf(report, "乙小学");
    expect(s.indicators.equipment_value_per_student).toMatchObject({
      meets: false,
      display: "2,000.00", // thousands grouped
      borderline: true,
    });
    expect(s.indicators.qualified_teachers_per_100).toMatchObject({
      meets: false,
      display: "4.20",
      borderline: true,
    });
    expect(flatten(report, ["below-standard", "borderline"])).toEqual([
      ["小学", "C3", "below-standard"],
      ["小学", "C3", "borderline"],
      ["小学", "D3", "below-standard"],
      ["小学", "D3", "borderline"],
    ]);
  });
});

describe("missing values: FAIL if failing even with them met, else INCOMPLETE, never PASS", () => {
  const report = check("小学", [
    H7,
    // row 2: key blank, 6 met → could pass once filled: INCOMPLETE.
    withCells(PRIMARY_OK, "缺一小学", { D: null }),
    // row 3: key blank, multimedia 15 → 1.5 < 1.955 floor: fails whatever the key is → FAIL.
    withCells(PRIMARY_OK, "缺一低小学", { D: null, I: 15 }),
    // row 4: key and multimedia blank, pe_arts 8 → 0.8 (88.9%): 4 met + 2 missing = 6 possible → INCOMPLETE.
    withCells(PRIMARY_OK, "缺二小学", { D: null, I: null, E: 8 }),
    // row 5: two blank and two unmet at 90%+: 3 met + 2 missing = 5 < 6 → FAIL.
    withCells(PRIMARY_OK, "缺二差小学", { D: null, I: null, E: 8, F: 4400 }),
    PRIMARY_OK,
  ]);
  test("verdicts", () => {
    expect(schoolOf(report, "缺一小学")).toMatchObject({ status: "incomplete", meets: null });
    expect(schoolOf(report, "缺一低小学")).toMatchObject({ status: "fail", meets: false });
    expect(schoolOf(report, "缺二小学")).toMatchObject({ status: "incomplete", meets: null });
    expect(schoolOf(report, "缺二差小学")).toMatchObject({ status: "fail", meets: false });
    expect(report.schools.filter((s) => s.status === "pass")).toHaveLength(1);
  });
  test("the missing value is null (never 0) and named", () => {
    const r = schoolOf(report, "缺一小学").indicators.key_teachers_per_100;
    expect(r).toMatchObject({ value: null, meets: null, display: null, cell: "D2" });
    expect(r.missing).toBeTruthy();
  });
  test("findings by code and cell", () => {
    expect(flattenWhere(report, ["school-incomplete", "school-fails", "missing-value"])).toEqual([
      ["小学", "A2", "school-incomplete", "缺一小学", "primary", null],
      ["小学", "A3", "school-fails", "缺一低小学", "primary", null],
      ["小学", "A4", "school-incomplete", "缺二小学", "primary", null],
      ["小学", "A5", "school-fails", "缺二差小学", "primary", null],
      ["小学", "D2", "missing-value", "缺一小学", "primary", "key_teachers_per_100"],
      ["小学", "D3", "missing-value", "缺一低小学", "primary", "key_teachers_per_100"],
      ["小学", "D4", "missing-value", "缺二小学", "primary", "key_teachers_per_100"],
      ["小学", "D5", "missing-value", "缺二差小学", "primary", "key_teachers_per_100"],
      ["小学", "I4", "missing-value", "缺二小学", "primary", "multimedia_rooms_per_100"],
      ["小学", "I5", "missing-value", "缺二差小学", "primary", "multimedia_rooms_per_100"],
    ]);
  });
  test("school-incomplete is a warning and names what is missing", () => {
    const f = report.findings.find((x) => x.code === "school-incomplete" && x.cell === "A4")!;
    expect(f.severity).toBe("warning");
    expect(f.messages["zh-CN"]).toContain("骨干教师");
    expect(f.messages["zh-CN"]).toContain("多媒体教室");
  });
  test("the county cannot pass with incomplete schools; here it fails on the failing ones", () => {
    expect(report.county.primary!.meets).toBe(false);
  });
  test("with only incomplete schools and no failure, the county verdict is null, not true", () => {
    const only = check("小学", [H7, withCells(PRIMARY_OK, "缺一小学", { D: null }), PRIMARY_OK]);
    expect(only.county.primary!.meets).toBeNull();
    expect(only.summary.meets).toBeNull();
  });
});

describe("the junior stage is judged against junior thresholds", () => {
  // A junior school of 1000 students with the primary thresholds' values: qualified 4.2 < 5.3 (79.2% < 85%) → FAIL.
  const report = check("初中", [H7, withCells(JUNIOR_OK, "乙初中", { C: 42 })]);
  test("4.2 per 100 fails 5.3 and its floor 4.505", () => {
    const s = report.schools[0];
    expect(s.indicators.qualified_teachers_per_100).toMatchObject({
      threshold: 5.3,
      floor: 4.505,
      meets: false,
    });
    expect(s.status).toBe("fail");
  });
});
