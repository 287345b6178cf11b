/**
 * The clerk's column corrections (SheetOverrides, src/engine/overrides.ts) on §16's four schools: a unit chosen for
 * a column is the unit the figures are read in, and a column set to 「忽略」 is no longer read.
 */
import type { CheckOverrides } from "../../src/engine/overrides";
import { checkWorkbook } from "../../src/engine/report";
import { SECTION16_HEADER, SECTION16_ROWS, sheet, workbook } from "./helpers";

// Columns: A 名称, B 在校生数, C 高学历, D 骨干, E–G 体/音/美, H 用房, I 场馆, J 仪器(万元), K 多媒体.
function check(overrides?: CheckOverrides) {
  return checkWorkbook(workbook(sheet("小学", [SECTION16_HEADER, ...SECTION16_ROWS])), {
    overrides,
  }).report;
}
const school = (r: ReturnType<typeof check>, name: string) =>
  r.schools.find((s) => s.name === name)!;

test("J in 万元 as its header says: C小学 57 万元 × 10000 ÷ 300 = 1900 元 per student", () => {
  expect(school(check(), "C小学").indicators.equipment_value_per_student.value).toBeCloseTo(
    1900,
    9
  );
});

test("J set to 元 by the clerk: 57 元 ÷ 300 = 0.19 元 per student", () => {
  const r = check({ 小学: { units: { J: "元" } } });
  expect(school(r, "C小学").indicators.equipment_value_per_student.value).toBeCloseTo(0.19, 9);
});

test("K set to 「忽略」: multimedia rooms are no longer read, one unmapped-field names them", () => {
  const r = check({ 小学: { columns: { K: "" } } });
  expect(school(r, "C小学").indicators.multimedia_rooms_per_100.value).toBeNull();
  expect(r.tables[0].columns.multimedia_rooms).toBeUndefined();
  const f = r.findings.filter((x) => x.code === "unmapped-field");
  expect(f.map((x) => x.params)).toEqual([expect.objectContaining({ field: "multimedia_rooms" })]);
});

test("stage null (「按每行判断」) on a sheet named 初中: the rows decide, so A小学 is a 小学", () => {
  const onJunior = (overrides?: CheckOverrides) =>
    checkWorkbook(workbook(sheet("初中", [SECTION16_HEADER, ...SECTION16_ROWS])), { overrides })
      .report;
  expect(onJunior().schools.find((s) => s.name === "A小学")!.stage).toBe("junior");
  const r = onJunior({ 初中: { stage: null } });
  expect(r.schools.find((s) => s.name === "A小学")!.stage).toBe("primary");
});

test("a column set to 学校名称 becomes the name column: the schools are named from B", () => {
  // A holds the full names, B the short names the clerk prefers; the clerk points 学校名称 at B.
  const head = [SECTION16_HEADER[0], "简称", ...SECTION16_HEADER.slice(1)];
  const rows = SECTION16_ROWS.map((r, i) => [r[0], `${"甲乙丙丁"[i]}校`, ...r.slice(1)]);
  const r = checkWorkbook(workbook(sheet("小学", [head, ...rows])), {
    overrides: { 小学: { columns: { B: "name" } } },
  }).report;
  expect(r.schools.map((s) => s.name)).toEqual(["甲校", "乙校", "丙校", "丁校"]);
  expect(r.tables[0].columns.name).toBe("B");
});
