/** The CLI's text report: what a clerk reads on the terminal. */
import { renderText } from "../../src/cli/printReport";
import { checkWorkbook } from "../../src/engine/report";
import { SECTION16_HEADER, SECTION16_ROWS, sheet, workbook } from "../engine/helpers";

test("columns the standard needs but the table lacks are named as fields in the reader's language, not as keys", () => {
  // A table without any 高学历 column: qualified_teachers is unmapped.
  const { report } = checkWorkbook(
    workbook(
      sheet("小学", [
        ["学校名称", "在校生数", "县级以上骨干教师数", "体育教师", "音乐教师", "美术教师"],
        ["甲小学", 500, 5, 2, 1, 1],
      ])
    )
  );
  expect(report.tables[0].unmapped).toContain("qualified_teachers");
  const zh = renderText(report, "a.xlsx", "zh-CN");
  const en = renderText(report, "a.xlsx", "en");
  const zhLine = zh.split("\n").find((l) => l.includes("未找到的列"));
  const enLine = en.split("\n").find((l) => l.includes("Columns not found"));
  expect(zhLine).toContain("高于规定学历教师数");
  expect(zhLine).not.toContain("qualified_teachers");
  expect(enLine).not.toContain("qualified_teachers");
});

describe("the verdict line counts data errors and results below the standard apart", () => {
  // §16's four schools: C and D fail — 2 school-fails errors (their six indicators below are warnings under them).
  const line = (rows: unknown[][], lang: "zh-CN" | "en") => {
    const { report } = checkWorkbook(workbook(sheet("小学", [SECTION16_HEADER, ...rows] as never)));
    return renderText(report, "a.xlsx", lang)
      .split("\n")
      .find((l) => l.startsWith("结论") || l.startsWith("Verdict"));
  };
  test("results only: nothing to 'fix', 2 to report or rectify", () => {
    expect(line(SECTION16_ROWS, "zh-CN")).toBe("结论：暂不能提交：未达标 2 项（如实上报或整改）");
    expect(line(SECTION16_ROWS, "en")).toBe(
      "Verdict: not ready to submit: 2 results below the standard (report or rectify)"
    );
  });
  test("a row with figures but no name is one data error, named first", () => {
    const rows = [...SECTION16_ROWS, [null, 100, 5, 3, 1, 1, 1, 500, 800, 30, 3]];
    expect(line(rows, "zh-CN")).toBe(
      "结论：暂不能提交：数据错误 1 项（须先改正），未达标 2 项（如实上报或整改）"
    );
    expect(line(rows, "en")).toBe(
      "Verdict: not ready to submit: 1 data error (fix first), 2 results below the standard (report or rectify)"
    );
  });
});

describe("rows excluded by rule and branches merged are named, one ℹ line each (standards.md §2)", () => {
  // §2: the report lists "every excluded row with its reason, and every merge". Before, only table-category infos
  // (hidden sheets, hidden rows) were printed: a 35-pupil 教学点 and a 特殊教育学校 dropped out of the CVs, and a
  // 东校区 summed into its parent, without a word on the terminal.
  const { report } = checkWorkbook(
    workbook(
      sheet("小学", [
        ["学校名称", "学校类型", "是否计校数", "在校生数", "县级及以上骨干教师数"],
        ["城关小学", "小学", 1, 800, 8],
        ["城关小学（东校区）", "小学", 0, 200, 2],
        ["北山村教学点", "教学点", 1, 35, 0],
        ["县特殊教育学校", "特殊教育学校", 1, 90, 1],
      ])
    )
  );
  test("zh-CN: the 教学点 and the special school with their reason, the branch with its parent", () => {
    const info = renderText(report, "a.xlsx", "zh-CN")
      .split("\n")
      .filter((l) => l.startsWith("ℹ"));
    expect(info).toEqual([
      "ℹ [小学!C3] 「城关小学（东校区）」（不计校数）并入「城关小学」",
      "ℹ [小学!A4] 「北山村教学点」不纳入评估：不足50人的教学点",
      "ℹ [小学!A5] 「县特殊教育学校」不纳入评估：特殊教育学校",
    ]);
  });
  test("en: the same three lines", () => {
    const info = renderText(report, "a.xlsx", "en")
      .split("\n")
      .filter((l) => l.startsWith("ℹ"));
    expect(info).toHaveLength(3);
  });
});

describe("English counts agree with their number; the standard line uses the language's punctuation", () => {
  // §16's four schools on one sheet: a one-row header (row 1), data from row 2, 11 columns, nothing skipped; then the
  // same table with a 合计 row under it: exactly one row skipped.
  const render = (rows: unknown[][], lang: "zh-CN" | "en") => {
    const { report } = checkWorkbook(workbook(sheet("小学", [SECTION16_HEADER, ...rows] as never)));
    return renderText(report, "a.xlsx", lang).split("\n");
  };
  test("one row skipped is 'row', four schools are 'schools', 0 rows skipped are 'rows'", () => {
    const total = ["合计", 4000, 200, 120, 40, 20, 20, 20000, 32000, 8000000, 96];
    const en = render([...SECTION16_ROWS, total], "en");
    expect(en.find((l) => l.startsWith("Sheet"))).toBe(
      'Sheet "小学": header row 1, data from row 2, 11 columns recognised, 1 row skipped (totals, notes)'
    );
    expect(en.find((l) => l.startsWith("[Primary]"))).toMatch(/^\[Primary\] 4 schools, /);
    expect(render(SECTION16_ROWS, "en").find((l) => l.startsWith("Sheet"))).toContain(
      ", 0 rows skipped"
    );
  });
  test("the standard's document in half-width parentheses in English, full-width in Chinese", () => {
    expect(render(SECTION16_ROWS, "en")[1]).toBe(
      "Standard: Quality balanced development (2017) (教督〔2017〕6号)"
    );
    expect(render(SECTION16_ROWS, "zh-CN")[1]).toBe(
      "评估标准：县域义务教育优质均衡发展督导评估办法（2017）（教督〔2017〕6号）"
    );
  });
});

describe("a borderline CV is written unrounded beside the rounded one (§7)", () => {
  // §16's table, with its L4 CV and stage made borderline by hand: the text is what is tested here.
  const { report } = checkWorkbook(workbook(sheet("小学", [SECTION16_HEADER, ...SECTION16_ROWS])));
  const ci = report.county.primary!.indicators.teaching_space_per_student;
  Object.assign(ci, { cv: 0.5004, limit: 0.5, meets: false, borderline: true });
  const other = report.county.primary!.indicators.sports_space_per_student;
  test("Chinese: 「CV 0.500（实为 0.5004）」, and a CV that is not borderline keeps its 3 decimals", () => {
    const text = renderText(report, "a.xlsx", "zh-CN");
    expect(text).toContain("CV 0.500（实为 0.5004）");
    expect(text).toContain(`CV ${other.cv!.toFixed(3).padStart(6)}`);
    expect(text).not.toContain(`实为 ${other.cv}`);
  });
  test("English: 「CV 0.500 (exactly 0.5004)」", () => {
    expect(renderText(report, "a.xlsx", "en")).toContain("CV 0.500 (exactly 0.5004)");
  });
});
