/**
 * Findings are data (issue 9): typed parameters by code, no prose and no closures in the engine's report, one
 * finding per cause.
 */
import * as fs from "fs";
import * as path from "path";
import { FINDINGS } from "../../src/engine/findings/catalog";
import { checkWorkbook } from "../../src/engine/report";
import type { Finding } from "../../src/engine/reportTypes";
import { readXlsx } from "../../src/host/xlsx";
import { renderFinding } from "../../src/present/findingText";
import { withLabels } from "../../src/present/reportJson";
import { STANDARDS } from "../../src/standards";
import { ASSESSMENT_2017 } from "../../src/standards/assessment-2017";
import { QUALITY_IDS, SECTION16_HEADER, SECTION16_ROWS, sheet, workbook } from "./helpers";

const SAMPLE = path.resolve(__dirname, "../../samples/county-sample.xlsx");

/** [sheet, cell, code] of every finding (the flattened report of Frictionless). */
const flat = (fs: readonly Finding[]): [string | null, string | null, string][] =>
  fs.map((f) => [f.sheet, f.cell, f.code]);

describe("the report is plain data", () => {
  const { report, allFindings } = checkWorkbook(readXlsx(new Uint8Array(fs.readFileSync(SAMPLE))));

  test("it survives structuredClone and a JSON round trip unchanged", () => {
    expect(structuredClone(report)).toEqual(report);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    expect(structuredClone(allFindings)).toEqual(allFindings);
    expect(JSON.parse(JSON.stringify(allFindings))).toEqual(allFindings);
  });

  test("it is language-neutral: no lang, and no name of the standard, an indicator or an item", () => {
    expect(Object.keys(report)).not.toContain("lang");
    expect(Object.keys(report.standard).sort()).toEqual(
      ["document", "id", "perSchool", "profile", "stages"].sort()
    );
    for (const ind of report.indicators)
      expect(Object.keys(ind).sort()).toEqual(
        ["code", "decimals", "floor", "id", "threshold"].sort()
      );
    for (const item of report.assessment!.items) expect(item).not.toHaveProperty("name");
    // Nowhere in the text either, in either language (an indicator's zh name may stand in `missing` as the header
    // of a field the workbook lacks: that is the workbook's language, not the UI's).
    const text = JSON.stringify(report);
    const std = STANDARDS["quality-2017"];
    for (const l of ["zh-CN", "en"] as const) expect(text).not.toContain(std.name[l]);
    for (const ind of std.indicators) {
      expect(text).not.toContain(`"${ind.name.en}"`);
      expect(text).not.toContain(`"${ind.short.en}"`);
    }
    for (const item of ASSESSMENT_2017)
      for (const l of ["zh-CN", "en"] as const) expect(text).not.toContain(`"${item.name[l]}"`);
  });

  test("the CLI's labels are added at output time, in the language asked for", () => {
    const zh = withLabels(report, "zh-CN");
    const en = withLabels(report, "en");
    expect([zh.lang, en.lang]).toEqual(["zh-CN", "en"]);
    expect(zh.standard.name).toBe(STANDARDS["quality-2017"].name["zh-CN"]);
    expect(en.indicators.map((i) => i.short)).toEqual(
      STANDARDS["quality-2017"].indicators.map((i) => i.short.en)
    );
    // equipment_value's gap is counted in 元 / CNY, whatever the indicator's own unit (元 per student).
    const eq = en.indicators.find((i) => i.id === "equipment_value_per_student")!;
    expect([eq.unit, eq.gapUnit]).toEqual(["CNY", "CNY"]);
    expect(zh.assessment!.items.find((i) => i.id === "G7")!.name).toBe(
      ASSESSMENT_2017.find((d) => d.id === "G7")!.name["zh-CN"]
    );
    // Everything else is the engine's report, untouched.
    const strip = (r: typeof zh) => ({
      ...r,
      lang: undefined,
      standard: { ...r.standard, name: undefined },
      indicators: r.indicators.map((i) => ({
        ...i,
        name: undefined,
        short: undefined,
        unit: undefined,
        gapUnit: undefined,
      })),
      assessment: {
        ...r.assessment!,
        items: r.assessment!.items.map((i) => ({ ...i, name: undefined })),
      },
    });
    expect(JSON.parse(JSON.stringify(strip(zh)))).toEqual(JSON.parse(JSON.stringify(report)));
    expect(JSON.parse(JSON.stringify(strip(en)))).toEqual(JSON.parse(JSON.stringify(report)));
  });

  test("no finding holds a message: its text is rendered from code and params", () => {
    for (const f of allFindings) {
      expect(Object.keys(f)).toEqual([
        "severity",
        "category",
        "code",
        "sheet",
        "cell",
        "school",
        "stage",
        "indicator",
        "params",
      ]);
      expect(FINDINGS[f.code].severity).toBe(f.severity);
    }
  });

  test("school kinds and exclusion reasons are codes, not labels", () => {
    const kinds = new Set(report.schools.map((s) => s.type));
    for (const k of kinds)
      expect([
        "primary",
        "junior",
        "nine-year",
        "twelve-year",
        "complete-secondary",
        "teaching-point",
      ]).toContain(k);
    const excluded = report.schools.filter((s) => s.excluded).map((s) => s.excluded);
    expect(excluded.length).toBeGreaterThan(0);
    for (const e of excluded)
      expect([
        "special-education",
        "vocational",
        "senior-high",
        "small-teaching-point",
        "private",
      ]).toContain(e);
  });
});

describe("one finding per cause", () => {
  test("「约三百」 in a count cell is not-a-number only, not also missing-value", () => {
    const rows = [SECTION16_HEADER, ...SECTION16_ROWS.map((r) => [...r])];
    rows[1][3] = "约三百"; // A小学's 骨干教师 (column D)
    const { allFindings } = checkWorkbook(workbook(sheet("学校", rows)));
    const atD2 = allFindings.filter((f) => f.cell === "D2");
    expect(flat(atD2)).toEqual([["学校", "D2", "not-a-number"]]);
    const nan = atD2[0];
    expect(nan.code === "not-a-number" && nan.params).toEqual({
      field: "key_teachers",
      header: "县级及以上骨干教师数",
      text: "约三百",
    });
  });

  test("「约三百」 in 在校生数 is one not-a-number, no missing-value for the seven indicators", () => {
    const rows = [SECTION16_HEADER, ...SECTION16_ROWS.map((r) => [...r])];
    rows[2][1] = "约三百"; // B小学's 在校生数 (B3)
    const { allFindings, report } = checkWorkbook(workbook(sheet("学校", rows)));
    expect(flat(allFindings.filter((f) => f.cell === "B3"))).toEqual([
      ["学校", "B3", "not-a-number"],
    ]);
    expect(allFindings.filter((f) => f.code === "missing-value")).toEqual([]);
    // The school still cannot be judged: every indicator lacks its students.
    expect(report.schools.find((s) => s.name === "B小学")!.status).toBe("incomplete");
  });

  test("an empty cell is one missing-value, carrying why and every indicator it blocks", () => {
    const rows = [SECTION16_HEADER, ...SECTION16_ROWS.map((r) => [...r])];
    rows[3][7] = null; // C小学's 教学及辅助用房 (H4)
    const { allFindings } = checkWorkbook(workbook(sheet("学校", rows)));
    const missing = allFindings.filter((f) => f.code === "missing-value");
    expect(flat(missing)).toEqual([["学校", "H4", "missing-value"]]);
    expect(missing[0]).toMatchObject({
      school: "C小学",
      stage: "primary",
      indicator: "teaching_space_per_student",
      params: {
        field: "teaching_space",
        header: "教学及辅助用房面积(㎡)",
        reason: "empty",
        indicators: ["teaching_space_per_student"],
      },
    });
  });

  test("a 「/」 cell is a missing-value whose reason is not-applicable, not empty", () => {
    const rows = [SECTION16_HEADER, ...SECTION16_ROWS.map((r) => [...r])];
    rows[3][7] = "/"; // C小学's 教学及辅助用房 (H4)
    const { allFindings } = checkWorkbook(workbook(sheet("学校", rows)));
    const missing = allFindings.filter((f) => f.code === "missing-value");
    expect(flat(missing)).toEqual([["学校", "H4", "missing-value"]]);
    expect(missing[0].params).toMatchObject({
      field: "teaching_space",
      reason: "not-applicable",
      indicators: ["teaching_space_per_student"],
    });
  });

  test("a required column that is not there is ONE error for the table, naming the field", () => {
    const drop = 3; // 县级及以上骨干教师数
    const rows = [SECTION16_HEADER, ...SECTION16_ROWS].map((r) => r.filter((_, i) => i !== drop));
    const { allFindings, report } = checkWorkbook(workbook(sheet("学校", rows)));
    const unmapped = allFindings.filter((f) => f.code === "unmapped-field");
    expect(unmapped).toEqual([
      {
        severity: "error",
        category: "table",
        code: "unmapped-field",
        sheet: "学校",
        cell: null,
        school: null,
        stage: null,
        indicator: "key_teachers_per_100",
        params: { field: "key_teachers", indicators: ["key_teachers_per_100"] },
      },
    ]);
    expect(allFindings.filter((f) => f.code === "missing-value")).toEqual([]);
    expect(renderFinding(unmapped[0], "zh-CN")).toBe(
      "工作表「学校」中找不到「县级以上骨干教师数」列，每百名学生拥有县级以上骨干教师数无法计算"
    );
    expect(report.tables[0].unmapped).toEqual(["key_teachers"]);
  });

  test("implausible-value is not in the catalogue (no check raises it)", () => {
    expect(Object.keys(FINDINGS)).not.toContain("implausible-value");
  });
});

describe("typed parameters", () => {
  // 1,000 students, 9 key teachers: 9 × 100 ÷ 1000 = 0.9 < 1 (小学); 1 × 1000 ÷ 100 = 10 needed → 1 more.
  const header = ["学校名称", "在校生数", "县级及以上骨干教师数"];
  const { report } = checkWorkbook(workbook(sheet("学校", [header, ["甲小学", 1000, 9]])));
  const below = report.findings.find((f) => f.code === "below-standard")!;

  test("below-standard carries value, threshold and gap (amount and what it counts)", () => {
    expect(below).toMatchObject({
      sheet: "学校",
      cell: "C2",
      school: "甲小学",
      stage: "primary",
      indicator: "key_teachers_per_100",
      params: { value: 0.9, threshold: 1, gap: { amount: 1, of: "key_teachers" } },
    });
  });

  test("its messages are rendered from them in both languages", () => {
    expect(renderFinding(below, "zh-CN")).toBe(
      "每百名学生拥有县级以上骨干教师数 0.90 < 1（小学），还差 1 名县级以上骨干教师"
    );
    expect(renderFinding(below, "en")).toMatch(/ 0\.90 < 1 \(primary\); short by 1 key teacher$/);
  });

  test("every indicator id on a finding is one of the standard's", () => {
    for (const f of report.findings)
      if (f.indicator !== null) expect(QUALITY_IDS as readonly string[]).toContain(f.indicator);
  });
});
