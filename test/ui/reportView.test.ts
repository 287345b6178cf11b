/** The grouping and formatting the sidebar applies to a real report (no rendering). */
import { checkWorkbook } from "../../src/engine/report";
import {
  countyView,
  indicatorGroups,
  mappingIssues,
  problemGroups,
  schoolGroups,
  submitGroups,
} from "../../src/ui/reportView";
import type { RawCell } from "../../src/engine/workbook";
import { SECTION16_HEADER, sheet, workbook } from "../engine/helpers";
import { missingValueWorkbook, passingWorkbook, unknownHeaderWorkbook } from "./helpers";

// Five 小学 of 1000 students in one sheet, every number worked out by hand (per 100 = count ÷ 10, per student =
// amount ÷ 1000). Columns: A name, B students, C 高学历, D 骨干, E–G 体/音/美, H 用房, I 场馆, J 仪器 (万元), K 多媒体.
const GOOD: RawCell[] = [1000, 60, 15, 4, 3, 3, 5000, 8000, 250, 25]; // 6.0 1.5 1.0 5.0 8.0 2500 2.5: all met
const withValues = (name: string, cells: Record<number, RawCell>): RawCell[] => {
  const row: RawCell[] = [name, ...GOOD];
  for (const [i, v] of Object.entries(cells)) row[Number(i)] = v;
  return row;
};
const smallCounty = () =>
  workbook(
    sheet("小学", [
      SECTION16_HEADER,
      withValues("一小", {}), // row 2: PASS
      withValues("二小", { 3: 7 }), // row 3: key 0.7 < 0.85 → FAIL; needs 10, has 7 → 3 more
      withValues("三小", { 3: "—" }), // row 4: key missing → INCOMPLETE
      withValues("四小", { 8: 7000 }), // row 5: sports 7.0 < 7.5 but 93% → PASS at the floor
      withValues("五小", { 3: 9, 10: 22 }), // row 6: key 0.9, multimedia 2.2 (both ≥ 85%): only 5 met → FAIL
    ])
  );

describe("reportView on a small county worked out by hand", () => {
  const { report, allFindings } = checkWorkbook(smallCounty());

  test("county: key CV over 4 of 5 schools; CVs at 3 dp, means at 2 dp", () => {
    const [primary] = countyView(report, "zh-CN");
    expect(primary).toMatchObject({
      stage: "primary",
      meets: false,
      schools: 5,
      schoolsMeeting: 2,
    });
    // key: 1.5, 0.7, 1.5, 0.9 with equal weights → X̄ = 4.6 ÷ 4 = 1.15;
    // S² = (0.35² + 0.45² + 0.35² + 0.25²) ÷ 4 = 0.51 ÷ 4 = 0.1275 → S = 0.35707, CV = 0.31050.
    const key = primary.rows.find((r) => r.id === "key_teachers_per_100");
    expect(key).toMatchObject({ cv: "0.310", mean: "1.15", limit: "0.50", meets: null });
    expect(key?.partial).toEqual({ k: 4, n: 5 });
    // multimedia: 2.5 × 4 and 2.2 → X̄ = 2.44; S² = (4 × 0.06² + 0.24²) ÷ 5 = 0.0144 → S = 0.12, CV = 0.04918.
    expect(primary.rows.find((r) => r.id === "multimedia_rooms_per_100")).toMatchObject({
      cv: "0.049",
      mean: "2.44",
      meets: true,
    });
    // sports: 8, 8, 8, 7, 8 → X̄ = 7.8; S² = (4 × 0.2² + 0.8²) ÷ 5 = 0.16 → S = 0.4, CV = 0.05128.
    expect(primary.rows.find((r) => r.id === "sports_space_per_student")?.cv).toBe("0.051");
    expect(primary.cvOver).toEqual([]);
    expect(primary.cvIncomplete).toBe(true);
  });

  test("schools: failures first in sheet order, then incomplete; each failing indicator with its gap", () => {
    const groups = schoolGroups(report, allFindings, "zh-CN");
    expect(groups.map((g) => [g.name, g.status, g.row])).toEqual([
      ["二小", "fail", 3],
      ["五小", "fail", 6],
      ["三小", "incomplete", 4],
    ]);
    // 0.7 ÷ 1 = 70.00% of the standard.
    expect(groups[0].reason).toBe("骨干教师仅为标准的 70.00%（需 ≥ 85%）");
    expect(groups[0].items).toEqual([
      expect.objectContaining({
        short: "骨干教师",
        display: "0.70",
        threshold: "1",
        gap: "3 名县级以上骨干教师",
        at: { sheet: "小学", cell: "D3" },
      }),
    ]);
    // 五小: needs 10 key teachers (has 9 → 1) and 23 rooms (has 22 → 1).
    expect(groups[1].reason).toBe("仅 5 项达标（需至少 6 项）");
    expect(groups[1].items).toEqual([
      expect.objectContaining({ display: "0.90", gap: "1 名县级以上骨干教师" }),
      expect.objectContaining({
        display: "2.20",
        threshold: "2.3",
        gap: "1 间网络多媒体教室",
        at: { sheet: "小学", cell: "K6" },
      }),
    ]);
    expect(groups[2].items).toEqual([
      expect.objectContaining({
        short: "骨干教师",
        meets: null,
        at: { sheet: "小学", cell: "D4" },
      }),
    ]);
  });

  test("by indicator: every school below it; a passing school at the 85% floor is flagged", () => {
    const groups = indicatorGroups(report, allFindings, "zh-CN");
    expect(groups.map((g) => [g.id, g.items.map((i) => i.school)])).toEqual([
      ["key_teachers_per_100", ["二小", "五小"]],
      ["sports_space_per_student", ["四小"]],
      ["multimedia_rooms_per_100", ["五小"]],
    ]);
    expect(groups[1].items[0]).toMatchObject({ atFloor: true, display: "7.00", threshold: "7.5" });
    expect(groups[0].items[0].atFloor).toBe(false);
  });

  test("data problems grouped by code: the one missing value; no notes", () => {
    const { problems, notes } = problemGroups(allFindings, "zh-CN");
    expect(problems.map((g) => [g.code, g.title, g.items.length])).toEqual([
      ["missing-value", "缺少数据", 1],
    ]);
    expect(notes).toEqual([]);
  });

  test("提交前检查: errors = the missing value and the two failing schools; then the warnings", () => {
    const { errors, warnings } = submitGroups(allFindings, "zh-CN");
    expect(errors.map((g) => [g.code, g.items.length])).toEqual([
      ["missing-value", 1],
      ["school-fails", 2],
    ]);
    expect(report.summary.errors).toBe(3);
    // below-standard: 二小 key, 四小 sports, 五小 key and multimedia; 三小 incomplete; the key CV is 4 of 5.
    expect(warnings.map((g) => [g.code, g.items.length]).sort()).toEqual(
      [
        ["below-standard", 4],
        ["cv-incomplete", 1],
        ["school-incomplete", 1],
      ].sort()
    );
    expect(report.summary.warnings).toBe(6);
  });

  test("no mapping issue", () => {
    expect(mappingIssues(allFindings)).toEqual([]);
  });
});

describe("reportView helpers", () => {
  test("fixtures: passing, unknown header, missing value", () => {
    const pass = checkWorkbook(passingWorkbook()).report;
    expect(pass.summary).toMatchObject({ meets: true, errors: 0 });
    const unknown = checkWorkbook(unknownHeaderWorkbook());
    expect(unknown.report.tables[0].unmapped).toEqual(["key_teachers"]);
    expect(unknown.report.tables[0].unknownHeaders).toEqual([{ column: "D", header: "名师数" }]);
    expect(mappingIssues(unknown.allFindings).map((f) => f.code)).toEqual(["unmapped-field"]);
    const missing = checkWorkbook(missingValueWorkbook());
    expect(missing.allFindings.filter((f) => f.code === "missing-value")).toEqual([
      expect.objectContaining({ sheet: "小学", cell: "D3", school: "二小" }),
    ]);
  });
});

// Speed is measured by `npm run bench` (docs/performance.md), not asserted here: a large county is grouped exactly.
test("grouping a large county (3,000 schools, thousands of findings)", () => {
  const rows: RawCell[][] = [SECTION16_HEADER];
  for (let i = 0; i < 3000; i++) {
    // Every third school has 5 key teachers (0.5 < 0.85: FAIL); every fifth a missing 场馆 ("—").
    rows.push(
      withValues(`学校${i}`, {
        ...(i % 3 === 0 ? { 3: 5 } : {}),
        ...(i % 5 === 0 ? { 8: "—" } : {}),
      })
    );
  }
  const { report, allFindings } = checkWorkbook(workbook(sheet("小学", rows)));
  const schools = schoolGroups(report, allFindings, "zh-CN");
  // i ≡ 0 (mod 3): 1000 failures; i ≡ 0 (mod 5) but not (mod 3): 600 − 200 = 400 incomplete.
  expect(schools.filter((g) => g.status === "fail")).toHaveLength(1000);
  expect(schools.filter((g) => g.status === "incomplete")).toHaveLength(400);
  // 学校0 fails on key (needs 10, has 5) and misses 场馆.
  expect(schools[0]).toMatchObject({ name: "学校0", row: 2 });
  expect(schools[0].items.map((it) => [it.indicatorId, it.gap])).toEqual([
    ["key_teachers_per_100", "5 名县级以上骨干教师"],
    ["sports_space_per_student", null],
  ]);
  const key = indicatorGroups(report, allFindings, "zh-CN").find(
    (g) => g.id === "key_teachers_per_100"
  );
  expect(key?.items).toHaveLength(1000);
  expect(problemGroups(allFindings, "zh-CN").problems.map((g) => [g.code, g.items.length])).toEqual(
    [["missing-value", 600]]
  );
  const { errors } = submitGroups(allFindings, "zh-CN");
  expect(errors.map((g) => [g.code, g.items.length])).toEqual([
    ["missing-value", 600],
    ["school-fails", 1000],
  ]);
  expect(report.summary.errors).toBe(1600);
});

test("countyView: a borderline CV is shown unrounded (0.5004 beside 0.50), others at 3 decimals", () => {
  const { report } = checkWorkbook(smallCounty());
  const ci = report.county.primary!.indicators.sports_space_per_student;
  Object.assign(ci, { cv: 0.5004, meets: false, borderline: true });
  const [primary] = countyView(report, "zh-CN");
  expect(primary.rows.find((r) => r.id === "sports_space_per_student")?.cv).toBe("0.5004");
  expect(primary.rows.find((r) => r.id === "multimedia_rooms_per_100")?.cv).toBe("0.049");
});
