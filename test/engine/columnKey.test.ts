/**
 * The column-key grammar (docs/report-format.md, "Column keys"): key = base ["@" stage]; base = field |
 * field "." part | "ratio." id. Expected values written out by hand.
 */
import {
  columnKey,
  hasColumnFor,
  isStageWord,
  parseColumnKey,
  partKey,
  ratioKey,
  stagedKey,
} from "../../src/engine/table/columnKey";
import { matchColumn } from "../../src/engine/table/matchColumn";
import { roleFromKey } from "../../src/engine/overrides";

describe("building keys", () => {
  test("a field, a part, a ratio, each with or without a stage", () => {
    expect(columnKey("students")).toBe("students");
    expect(columnKey("students", "junior")).toBe("students@junior");
    expect(partKey("qualified_teachers", "bachelor")).toBe("qualified_teachers.bachelor");
    expect(ratioKey("books_per_student")).toBe("ratio.books_per_student");
    expect(stagedKey(ratioKey("books_per_student"), "primary")).toBe(
      "ratio.books_per_student@primary"
    );
  });
  test("memoised keys are the same strings as built ones", () => {
    expect(stagedKey("books", "senior")).toBe(stagedKey("books", "senior"));
    expect(stagedKey("books", "senior")).toBe("books" + "@" + "senior");
  });
});

describe("parsing keys", () => {
  test("a plain field", () => {
    expect(parseColumnKey("students")).toEqual({
      base: "students",
      field: "students",
      part: undefined,
      indicator: undefined,
      stage: undefined,
    });
  });
  test("a part of a field, per stage", () => {
    expect(parseColumnKey("pe_arts_teachers.music@junior")).toEqual({
      base: "pe_arts_teachers.music",
      field: "pe_arts_teachers",
      part: "music",
      indicator: undefined,
      stage: "junior",
    });
  });
  test("a ratio column: the indicator id, whose own underscores and dots are not split", () => {
    expect(parseColumnKey("ratio.key_teachers_per_100@primary")).toEqual({
      base: "ratio.key_teachers_per_100",
      field: "ratio",
      part: "key_teachers_per_100",
      indicator: "key_teachers_per_100",
      stage: "primary",
    });
  });
  test("stage words", () => {
    expect(["primary", "junior", "senior", "middle", undefined].map(isStageWord)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });
  test("hasColumnFor: the key itself or a per-stage column of it, never a longer key", () => {
    expect(hasColumnFor(["students@junior"], "students")).toBe(true);
    expect(hasColumnFor(["students"], "students")).toBe(true);
    expect(hasColumnFor(["students_total"], "students")).toBe(false);
    expect(hasColumnFor(["qualified_teachers.master"], "qualified_teachers")).toBe(false);
  });
});

describe("round trip: the keys detection builds are the keys overrides parse", () => {
  test.each([
    [["在校生数"], "students"],
    [["小学在校学生数"], "students@primary"],
    [["专任教师", "按学历分", "本科毕业"], "qualified_teachers.bachelor"],
    [["每百名学生拥有县级以上骨干教师数"], "ratio.key_teachers_per_100"],
  ])("%j → %s", (path, key) => {
    const m = matchColumn(0, path);
    expect(m?.key).toBe(key);
    const back = roleFromKey(key);
    expect(back?.role).toEqual(m?.role);
    expect(back?.stage).toBe(parseColumnKey(key).stage);
  });
});
