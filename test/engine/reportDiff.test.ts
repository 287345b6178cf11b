/**
 * diffFindings: what a re-check resolved and what it added. Findings are written by hand (the fields the diff
 * reads), so each expected count is read off the lists below.
 */
import { checkWorkbook } from "../../src/engine/report";
import { diffFindings, problemKey } from "../../src/engine/diff/reportDiff";
import type { Finding } from "../../src/engine/reportTypes";
import { SECTION16_HEADER, SECTION16_ROWS, sheet, workbook } from "./helpers";

type P = Pick<Finding, "severity" | "code" | "sheet" | "cell" | "school" | "stage" | "indicator">;

function f(code: string, school: string | null, cell: string, extra: Partial<P> = {}): P {
  return {
    severity: "error",
    code: code as Finding["code"],
    sheet: "学校",
    cell,
    school,
    stage: school ? "primary" : null,
    indicator: null,
    ...extra,
  };
}

test("one value filled in: 1 resolved, 0 added, and it is 柳林小学's", () => {
  const before = [
    f("missing-value", "柳林小学", "K16", { indicator: "key_teachers_per_100" }),
    f("school-fails", "西关小学", "B9"),
  ];
  const after = [f("school-fails", "西关小学", "B9")];
  const d = diffFindings(before, after);
  expect([d.resolved, d.added]).toEqual([1, 0]);
  expect(d.bySchool).toEqual([{ key: "柳林小学", stage: "primary", resolved: 1, added: 0 }]);
  expect(d.byIndicator).toEqual([
    { key: "key_teachers_per_100", stage: null, resolved: 1, added: 0 },
  ]);
});

test("a row inserted above moves every cell but resolves nothing", () => {
  const before = [f("school-fails", "西关小学", "B9"), f("school-fails", "王庄小学", "B12")];
  const after = [f("school-fails", "西关小学", "B10"), f("school-fails", "王庄小学", "B13")];
  expect(diffFindings(before, after)).toMatchObject({ resolved: 0, added: 0, bySchool: [] });
});

test("a finding about no school is told apart by its cell; info notes are not problems", () => {
  const before = [f("unit-inferred", null, "J3", { severity: "warning" })];
  const after = [
    f("unit-inferred", null, "K3", { severity: "warning" }),
    f("branch-merged", "城关小学", "B20", { severity: "info" }),
  ];
  const d = diffFindings(before, after);
  expect([d.resolved, d.added]).toEqual([1, 1]);
  expect(d.bySchool).toEqual([]);
});

test("counts, not sets: two of a kind before and one after is one resolved", () => {
  const k = f("duplicate-school", "城关小学", "B5");
  const d = diffFindings([k, { ...k, cell: "B6" }], [k]);
  expect([d.resolved, d.added]).toEqual([1, 0]);
  expect(problemKey(k)).toBe(problemKey({ ...k, cell: "B6" }));
});

test("on real reports: D小学's 骨干教师 emptied, then filled again", () => {
  // §16's four 小学; D小学 is row 5 and 县级及以上骨干教师数 is column D (the header's 4th column).
  const rows = SECTION16_ROWS.map((r) => [...r]);
  const good = checkWorkbook(workbook(sheet("学校", [SECTION16_HEADER, ...rows])));
  rows[3][3] = null;
  const broken = checkWorkbook(workbook(sheet("学校", [SECTION16_HEADER, ...rows])));
  const worse = diffFindings(good.allFindings, broken.allFindings);
  expect(worse.resolved).toBe(0);
  expect(worse.addedFindings.some((x) => x.code === "missing-value" && x.cell === "D5")).toBe(true);
  expect(worse.bySchool.map((g) => g.key)).toContain("D小学");
  const better = diffFindings(broken.allFindings, good.allFindings);
  expect([better.resolved, better.added]).toEqual([worse.added, 0]);
});

test("a 一贯制 school's two parts are told apart by stage: its 小学部 fixed, its 初中部 newly failing", () => {
  const before = [f("school-fails", "城关九年一贯制学校", "B7", { stage: "primary" })];
  const after = [f("school-fails", "城关九年一贯制学校", "B7", { stage: "junior" })];
  const d = diffFindings(before, after);
  expect([d.resolved, d.added]).toEqual([1, 1]);
  expect(d.bySchool).toEqual([
    { key: "城关九年一贯制学校", stage: "primary", resolved: 1, added: 0 },
    { key: "城关九年一贯制学校", stage: "junior", resolved: 0, added: 1 },
  ]);
});
