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
import {
  missingValueWorkbook,
  passingWorkbook,
  sampleWorkbook,
  unknownHeaderWorkbook,
} from "./helpers";

describe("reportView on the county sample", () => {
  const { report, allFindings } = checkWorkbook(sampleWorkbook(), { lang: "zh-CN" });

  test("county: 小学 fails on 骨干教师 (CV 0.543 > 0.50, mean 1.73); CVs at 3 dp, means at 2 dp", () => {
    const stages = countyView(report);
    const primary = stages.find((s) => s.stage === "primary");
    expect(primary?.meets).toBe(false);
    expect(primary?.cvOver).toEqual(["骨干教师"]);
    const key = primary?.rows.find((r) => r.id === "key_teachers_per_100");
    expect(key).toMatchObject({ cv: "0.543", mean: "1.73", limit: "0.50", meets: false });
    expect(key?.partial).toEqual({ k: 12, n: 13 });
    expect(primary?.rows.every((r) => r.cv === null || /^\d\.\d{3}$/.test(r.cv))).toBe(true);
  });

  test("schools: failures first in sheet order, then incomplete; each failing indicator with its gap", () => {
    const groups = schoolGroups(report, allFindings, "zh-CN");
    expect(groups.map((g) => [g.name, g.status])).toEqual([
      ["西关小学", "fail"],
      ["李家庄小学", "fail"],
      ["王庄小学", "fail"],
      ["张村小学", "fail"],
      ["李家庄初级中学", "fail"],
      ["柳林小学", "incomplete"],
    ]);
    const xiguan = groups[0];
    expect(xiguan.reason).toBe("骨干教师仅为标准的 75.00%（需 ≥ 85%）");
    expect(xiguan.items).toEqual([
      expect.objectContaining({
        short: "骨干教师",
        display: "0.75",
        threshold: "1",
        gap: "2 名县级以上骨干教师",
        at: { sheet: "学校基本情况", cell: "K9" },
      }),
    ]);
    const liulin = groups[5];
    expect(liulin.items).toEqual([
      expect.objectContaining({
        short: "骨干教师",
        meets: null,
        at: { sheet: "学校基本情况", cell: "K16" },
      }),
    ]);
  });

  test("by indicator: 骨干教师 lists every school below it; a passing school at the 85% floor is flagged", () => {
    const groups = indicatorGroups(report, allFindings, "zh-CN");
    const key = groups.find((g) => g.id === "key_teachers_per_100");
    expect(key?.items.map((i) => i.school)).toEqual([
      "西关小学",
      "李家庄小学",
      "王庄小学",
      "张村小学",
      "李家庄初级中学",
    ]);
    const sports = groups.find((g) => g.id === "sports_space_per_student");
    expect(sports?.items.find((i) => i.school === "东关小学")?.atFloor).toBe(true);
  });

  test("data problems grouped by code, errors first; branch/excluded notes apart", () => {
    const { problems, notes } = problemGroups(allFindings, "zh-CN");
    expect(problems.map((g) => [g.code, g.title, g.items.length])).toEqual([
      ["missing-value", "缺少数据", 1],
      ["split-apportioned", "一贯制学校按比例拆分", 1],
    ]);
    expect(notes.map((g) => g.code)).toEqual(["school-excluded"]);
  });

  test("提交前检查: every error (data first), then warnings; the count is summary.errors", () => {
    const { errors, warnings } = submitGroups(allFindings, "zh-CN");
    expect(errors.reduce((n, g) => n + g.items.length, 0)).toBe(report.summary.errors);
    expect(report.summary.errors).toBe(12);
    expect(errors[0].code).toBe("missing-value");
    expect(errors.map((g) => g.code)).toEqual(
      expect.arrayContaining(["school-fails", "cv-over-limit", "class-size", "school-size"])
    );
    expect(warnings.reduce((n, g) => n + g.items.length, 0)).toBe(report.summary.warnings);
  });

  test("no mapping issue in the sample", () => {
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

test("grouping stays fast on a large county (3,000 schools, thousands of findings)", () => {
  const wb = passingWorkbook();
  const rows = wb.sheets[0].rows;
  rows.length = 1;
  for (let i = 0; i < 3000; i++) {
    const n = 500 + (i % 7) * 100;
    // Every third school is short of key teachers; every fifth has a missing area.
    rows.push([
      `学校${i}`,
      n,
      Math.round(n * 0.06),
      i % 3 === 0 ? 1 : Math.round(n * 0.015),
      3,
      2,
      2,
      n * 5,
      i % 5 === 0 ? "—" : n * 8,
      n * 0.25,
      Math.round(n * 0.025),
    ]);
  }
  const { report, allFindings } = checkWorkbook(wb, { lang: "zh-CN" });
  expect(allFindings.length).toBeGreaterThan(2000);
  const t0 = Date.now();
  const schools = schoolGroups(report, allFindings, "zh-CN");
  indicatorGroups(report, allFindings, "zh-CN");
  problemGroups(allFindings, "zh-CN");
  submitGroups(allFindings, "zh-CN");
  expect(Date.now() - t0).toBeLessThan(1500);
  expect(schools.length).toBeGreaterThan(1000);
  expect(schools[0].items.some((it) => it.gap !== null)).toBe(true);
});
