/**
 * filterSchools on the county sample: the failing 小学 and 初中 of the results screen, searched, filtered and
 * ordered by gap. Expected schools are the sample's (samples/README or the e2e: 西关小学 骨干教师 0.75, 张村小学
 * 骨干教师 0.00 — the worst gap in the county, 0 ÷ 1).
 */
import { checkWorkbook } from "../../src/engine/report";
import { schoolGroups } from "../../src/ui/reportView";
import { filterSchools, NO_FILTER } from "../../src/ui/schoolFilter";
import { sampleWorkbook } from "./helpers";

const result = checkWorkbook(sampleWorkbook());
const groups = schoolGroups(result.report, result.allFindings, "zh-CN");
const names = (f: Partial<typeof NO_FILTER>): string[] =>
  filterSchools(groups, result.report, { ...NO_FILTER, ...f }).map((g) => g.name);

test("no filter: every listed school, in the list's own order", () => {
  expect(names({})).toEqual(groups.map((g) => g.name));
});

test("search by part of the name, ignoring spaces around it", () => {
  expect(names({ query: " 西关 " })).toEqual(["西关小学"]);
  expect(names({ query: "没有这所学校" })).toEqual([]);
});

test("one stage; one indicator", () => {
  const junior = names({ stage: "junior" });
  expect(junior.length).toBeGreaterThan(0);
  expect(junior.every((n) => /中/.test(n))).toBe(true);
  expect(names({ indicator: "key_teachers_per_100" })).toEqual(
    expect.arrayContaining(["西关小学", "张村小学"])
  );
});

test("by gap: 张村小学 (骨干教师 0 of 1) comes first", () => {
  expect(names({ sort: "gap" })[0]).toBe("张村小学");
});
