/** Province profiles override thresholds and options; a bad profile is a clear error, never ignored. */
import { checkWorkbook } from "../../src/engine/report";
import { applyProfile, ProfileError } from "../../src/standards/profile";
import { SECTION16_HEADER, SECTION16_ROWS, sheet, workbook } from "../engine/helpers";

const wb = workbook(sheet("小学", [SECTION16_HEADER, ...SECTION16_ROWS]));

test("a tighter 生均教辅用房 threshold (5.0) turns B's 4.83 into a miss; the floor follows at 85%", () => {
  const settings = applyProfile(
    { name: "某省", indicators: { teaching_space_per_student: { threshold: { primary: 5 } } } },
    "quality-2017"
  );
  const ind = settings.standard.indicators.find((i) => i.id === "teaching_space_per_student")!;
  expect(ind.threshold).toEqual({ primary: 5, junior: 5.8 });
  expect(ind.floor!.primary).toBe(4.25);
  const { report } = checkWorkbook(wb, { settings });
  const b = report.schools.find((s) => s.name === "B小学")!;
  // 2900 ÷ 600 = 4.8333 < 5; B now misses teaching space and sports (7.0 < 7.5): 5 of 7 → fail.
  expect(b.indicators.teaching_space_per_student.meets).toBe(false);
  expect(b.metCount).toBe(5);
  expect(b.meets).toBe(false);
  expect(report.standard.profile).toBe("某省");
});

test("a stricter CV limit and policy options are applied and reported", () => {
  const settings = applyProfile(
    { cvLimit: { primary: 0.04 }, policy: { teachingPointMinStudents: 100 } },
    "quality-2017"
  );
  const { report } = checkWorkbook(wb, { settings });
  // qualified CV 0.040656 > 0.04.
  expect(report.county.primary!.indicators.qualified_teachers_per_100.meets).toBe(false);
  expect(report.policy.teachingPointMinStudents).toBe(100);
});

test.each([
  [[1, 2], /JSON 对象/],
  [{ indicators: { nope: { threshold: { primary: 1 } } } }, /nope/],
  [{ indicators: { teaching_space_per_student: { threshold: { primary: -1 } } } }, /非负数/],
  [{ cvLimit: { middle: 0.5 } }, /middle/],
  [{ policy: { cvMethod: "median" } }, /cvMethod/],
  [{ policy: { noSuchOption: true } }, /noSuchOption/],
  [{ standard: "2020" }, /quality-2017/],
  // 2017 has 7 indicators: a school cannot meet 8 of them.
  [{ perSchool: { minMet: 8 } }, /minMet/],
  [{ perSchool: { minMet: 2.5 } }, /minMet/],
])("rejects %j", (profile, message) => {
  expect(() => applyProfile(profile, "quality-2017")).toThrow(ProfileError);
  try {
    applyProfile(profile, "quality-2017");
  } catch (e) {
    expect((e as ProfileError).detail["zh-CN"]).toMatch(message);
    expect((e as ProfileError).detail.en.length).toBeGreaterThan(5);
  }
});
