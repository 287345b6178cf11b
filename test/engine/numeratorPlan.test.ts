/**
 * The numerator plan is declared once (NUMERATORS, standards.md §3.2); the column coverage of a table
 * (NUMERATOR_SOURCES) is derived from it. Expected lists written out from §3.2, not read from the source.
 */
import { NUMERATOR_SOURCES, NUMERATORS } from "../../src/engine/schools/numeratorPlan";
import { roleFromKey } from "../../src/engine/overrides";

describe("NUMERATOR_SOURCES is derived from NUMERATORS", () => {
  test("what counts as 高于规定学历: the direct column, every level either stage reads, 本科及以上", () => {
    expect([...NUMERATOR_SOURCES.qualified_teachers].sort()).toEqual(
      [
        "qualified_teachers",
        "qualified_teachers.doctor",
        "qualified_teachers.master",
        "qualified_teachers.bachelor",
        "qualified_teachers.associate", // 小学 only, but a column the table may have
        "bachelor_plus_teachers",
      ].sort()
    );
  });
  test("体育、艺术: the total or 体 + 艺 + 音 + 美", () => {
    expect([...NUMERATOR_SOURCES.pe_arts_teachers].sort()).toEqual(
      [
        "pe_arts_teachers",
        "pe_arts_teachers.pe",
        "pe_arts_teachers.arts",
        "pe_arts_teachers.music",
        "pe_arts_teachers.fine_art",
      ].sort()
    );
  });
  test("室内体育用房 only adjusts: alone it supplies neither 校舍 nor 运动场馆", () => {
    expect(NUMERATOR_SOURCES.teaching_space).toEqual(["teaching_space"]);
    expect(NUMERATOR_SOURCES.sports_space).toEqual(["sports_space", "sports_ground"]);
  });
  test("a single-column numerator is supplied by its own column", () => {
    expect(NUMERATOR_SOURCES.key_teachers).toEqual(["key_teachers"]);
    expect(NUMERATOR_SOURCES.books).toEqual(["books"]);
  });
  test("every numerator is declared, and every source is a column key the engine can parse", () => {
    expect(Object.keys(NUMERATOR_SOURCES).sort()).toEqual(Object.keys(NUMERATORS).sort());
    for (const keys of Object.values(NUMERATOR_SOURCES))
      for (const k of keys) expect([k, roleFromKey(k) !== undefined]).toEqual([k, true]);
  });
});
