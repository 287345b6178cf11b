/**
 * 政府保障 checks from school rows, standards.md §10 (items 3–5): class size, school size, music and art rooms.
 */
import { DEFAULT_SCHOOL_ROW_LIMITS } from "../../../src/standards";
import { check, flatten, flattenWhere, schoolOf } from "./harness";

const CLASS_CODES = ["class-size", "class-size-undetermined"];

describe("class_size: every class ≤ 45 (小学) / ≤ 50 (初中)", () => {
  const report = check("学校", [
    ["学校名称", "学段", "在校生数", "最大班额"],
    ["甲小学", "小学", 900, 45], // row 2: = 45 passes
    ["乙小学", "小学", 900, 46], // row 3: 46 > 45 fails
    ["甲初中", "初中", 900, 50], // row 4: = 50 passes
    ["乙初中", "初中", 900, 51], // row 5: 51 > 50 fails
    ["丙小学", "小学", 900, 58], // row 6: 大班额 (56–65)
    ["丁小学", "小学", 900, 66], // row 7: 超大班额 (≥ 66)
  ]);
  test("verdicts and limits", () => {
    expect(schoolOf(report, "甲小学").checks?.class_size).toEqual({
      value: 45,
      limit: 45,
      meets: true,
    });
    expect(schoolOf(report, "乙小学").checks?.class_size).toMatchObject({
      limit: 45,
      meets: false,
    });
    expect(schoolOf(report, "甲初中").checks?.class_size).toEqual({
      value: 50,
      limit: 50,
      meets: true,
    });
    expect(schoolOf(report, "乙初中").checks?.class_size).toMatchObject({
      limit: 50,
      meets: false,
    });
  });
  test("class-size errors at the 最大班额 cell", () => {
    expect(flattenWhere(report, CLASS_CODES)).toEqual([
      ["学校", "D3", "class-size", "乙小学", "primary", null],
      ["学校", "D5", "class-size", "乙初中", "junior", null],
      ["学校", "D6", "class-size", "丙小学", "primary", null],
      ["学校", "D7", "class-size", "丁小学", "primary", null],
    ]);
    expect(report.findings.find((f) => f.code === "class-size")!.severity).toBe("error");
  });
  test("band warnings: 56–65 大班额, ≥ 66 超大班额, 46 neither", () => {
    const msg = (cell: string) =>
      report.findings.find((f) => f.code === "class-size" && f.cell === cell)!.messages["zh-CN"];
    // (「最大班额」 itself contains 大班额: the band reads 「属大班额」 / 「属超大班额」.)
    expect(msg("D6")).toContain("属大班额");
    expect(msg("D7")).toContain("属超大班额");
    expect(msg("D3")).not.toContain("属");
    expect(DEFAULT_SCHOOL_ROW_LIMITS).toMatchObject({ largeClassFrom: 56, veryLargeClassFrom: 66 });
  });
  test("band edges: 55 and 65", () => {
    const r = check("小学", [
      ["学校名称", "在校生数", "最大班额"],
      ["甲小学", 900, 55],
      ["乙小学", 900, 65],
    ]);
    const msg = (cell: string) =>
      r.findings.find((f) => f.code === "class-size" && f.cell === cell)!.messages["zh-CN"];
    expect(msg("C2")).not.toContain("属");
    expect(msg("C3")).toContain("属大班额");
  });
});

describe("class_size from an average only (平均班额 is not a maximum, §15.9)", () => {
  const report = check("小学", [
    ["学校名称", "在校生数", "平均班额"],
    ["甲小学", 900, 46], // the average already exceeds 45: FAIL
    ["乙小学", 900, 40], // some class may still exceed 45: not determinable
  ]);
  test("above the limit fails, else null (never a pass)", () => {
    expect(schoolOf(report, "甲小学").checks?.class_size).toMatchObject({
      value: 46,
      meets: false,
      note: "average",
    });
    expect(schoolOf(report, "乙小学").checks?.class_size).toMatchObject({
      value: 40,
      meets: null,
    });
    expect(flatten(report, CLASS_CODES)).toEqual([["小学", "C2", "class-size"]]);
  });
});

describe("class_size of a split school with one whole-school maximum: ≤ 45 pass, 46–50 undetermined, > 50 fail", () => {
  const report = check("学校", [
    ["学校名称", "学校类型", "小学在校学生数", "初中在校学生数", "最大班额"],
    ["甲校", "九年一贯制学校", 600, 400, 45], // row 2
    ["乙校", "九年一贯制学校", 600, 400, 48], // row 3
    ["丙校", "九年一贯制学校", 600, 400, 50], // row 4
    ["丁校", "九年一贯制学校", 600, 400, 51], // row 5
  ]);
  test("both parts of 甲 pass; 乙 and 丙 are null in both; 丁 fails", () => {
    for (const stage of ["primary", "junior"]) {
      expect(schoolOf(report, "甲校", stage).checks?.class_size?.meets).toBe(true);
      expect(schoolOf(report, "乙校", stage).checks?.class_size?.meets).toBeNull();
      expect(schoolOf(report, "丙校", stage).checks?.class_size?.meets).toBeNull();
      expect(schoolOf(report, "丁校", stage).checks?.class_size?.meets).toBe(false);
    }
  });
  test("one finding per school, at the 最大班额 cell", () => {
    expect(flatten(report, CLASS_CODES)).toEqual([
      ["学校", "E3", "class-size-undetermined"],
      ["学校", "E4", "class-size-undetermined"],
      ["学校", "E5", "class-size"],
    ]);
    expect(report.findings.find((f) => f.code === "class-size-undetermined")!.severity).toBe(
      "warning"
    );
  });
  test("per-stage maxima are judged per stage", () => {
    const r = check("学校", [
      ["学校名称", "学校类型", "小学在校学生数", "初中在校学生数", "小学最大班额", "初中最大班额"],
      // 小学 48 > 45 fails; 初中 48 ≤ 50 passes.
      ["甲校", "九年一贯制学校", 600, 400, 48, 48],
    ]);
    expect(schoolOf(r, "甲校", "primary").checks?.class_size?.meets).toBe(false);
    expect(schoolOf(r, "甲校", "junior").checks?.class_size?.meets).toBe(true);
    expect(flattenWhere(r, CLASS_CODES)).toEqual([
      ["学校", "E2", "class-size", "甲校", "primary", null],
    ]);
  });
});

describe("school_size: ≤ 2000 (小学, 初中, 完全中学 初中部); 一贯制 A + B ≤ 2500", () => {
  const report = check("学校", [
    ["学校名称", "学校类型", "在校生数", "小学在校学生数", "初中在校学生数", "高中在校学生数"],
    ["甲小学", "小学", 2000, null, null, null], // row 2: = 2000 passes
    ["乙小学", "小学", 2001, null, null, null], // row 3: fails
    ["甲初中", "初中", 2001, null, null, null], // row 4: fails
    ["甲校", "九年一贯制学校", 2400, 1400, 1000, null], // row 5: 2400 ≤ 2500 passes (a 2000 limit would fail it)
    ["乙校", "九年一贯制学校", 2500, 1500, 1000, null], // row 6: = 2500 passes
    ["丙校", "九年一贯制学校", 2501, 1500, 1001, null], // row 7: fails
    // row 8: 完全中学: 初中部 2000 ≤ 2000 passes; its 1500 高中 students do not count (B + C = 3500)
    ["甲中", "完全中学", 3500, null, 2000, 1500],
    ["乙中", "完全中学", 3501, null, 2001, 1500], // row 9: 初中部 2001 fails
    // row 10: 十二年一贯制: A + B = 1500 + 1000 = 2500 passes with 800 高中 students on top
    ["丁校", "十二年一贯制学校", 3300, 1500, 1000, 800],
  ]);
  test("value and limit per school", () => {
    expect(schoolOf(report, "甲小学").checks?.school_size).toEqual({
      value: 2000,
      limit: 2000,
      meets: true,
    });
    expect(schoolOf(report, "甲校", "primary").checks?.school_size).toEqual({
      value: 2400,
      limit: 2500,
      meets: true,
    });
    expect(schoolOf(report, "丙校", "primary").checks?.school_size).toMatchObject({
      value: 2501,
      meets: false,
    });
    expect(schoolOf(report, "甲中").checks?.school_size).toEqual({
      value: 2000,
      limit: 2000,
      meets: true,
    });
    expect(schoolOf(report, "丁校", "primary").checks?.school_size).toEqual({
      value: 2500,
      limit: 2500,
      meets: true,
    });
  });
  test("school-size errors, once per school, at the 在校生数 cell", () => {
    expect(flattenWhere(report, ["school-size"])).toEqual([
      ["学校", "C3", "school-size", "乙小学", "primary", null],
      ["学校", "C4", "school-size", "甲初中", "junior", null],
      ["学校", "C7", "school-size", "丙校", "primary", null],
      ["学校", "C9", "school-size", "乙中", "junior", null],
    ]);
  });
  test("the limits in force are reported", () => {
    expect(report.limits).toMatchObject({
      schoolSize: { primary: 2000, junior: 2000 },
      throughTrainSchoolSize: 2500,
      classSize: { primary: 45, junior: 50 },
    });
  });
});

describe("music_art_rooms: max(1, ⌈classes ÷ 12⌉) rooms each; rooms ≥ 96 ㎡ (音乐) / 90 ㎡ (美术)", () => {
  const report = check("小学", [
    ["学校名称", "在校生数", "班级数", "音乐教室间数", "美术教室间数"],
    ["甲小学", 1000, 24, 2, 2], // row 2: ⌈24 ÷ 12⌉ = 2: met
    ["乙小学", 1000, 25, 2, 3], // row 3: ⌈25 ÷ 12⌉ = 3: music 2 fails, art 3 met
    ["丙小学", 200, 6, 0, 1], // row 4: ⌈6 ÷ 12⌉ = 1 (max 1): 0 music rooms fails
    ["丁小学", 100, 5, 1, 0], // row 5: 0 art rooms fails
    ["戊小学", 40, 0, 0, 1], // row 6: 0 classes still needs max(1, 0) = 1 room: 0 music rooms fails
  ]);
  test("required rooms and verdicts", () => {
    expect(schoolOf(report, "甲小学").checks).toMatchObject({
      music_rooms: { value: 2, limit: 2, meets: true },
      art_rooms: { value: 2, limit: 2, meets: true },
    });
    expect(schoolOf(report, "乙小学").checks).toMatchObject({
      music_rooms: { value: 2, limit: 3, meets: false },
      art_rooms: { value: 3, limit: 3, meets: true },
    });
    expect(schoolOf(report, "丙小学").checks?.music_rooms).toEqual({
      value: 0,
      limit: 1,
      meets: false,
    });
  });
  test("music-art-rooms errors at the rooms cell", () => {
    expect(flattenWhere(report, ["music-art-rooms"])).toEqual([
      ["小学", "D3", "music-art-rooms", "乙小学", "primary", null],
      ["小学", "D4", "music-art-rooms", "丙小学", "primary", null],
      ["小学", "D6", "music-art-rooms", "戊小学", "primary", null],
      ["小学", "E5", "music-art-rooms", "丁小学", "primary", null],
    ]);
    expect(report.findings.find((f) => f.code === "music-art-rooms")!.severity).toBe("error");
  });
  test("area: total ÷ rooms against 96 / 90 ㎡", () => {
    const r = check("小学", [
      [
        "学校名称",
        "在校生数",
        "班级数",
        "音乐教室间数",
        "音乐教室面积(㎡)",
        "美术教室间数",
        "美术教室面积(㎡)",
      ],
      ["甲小学", 1000, 24, 2, 192, 2, 180], // row 2: 192 ÷ 2 = 96, 180 ÷ 2 = 90: met
      ["乙小学", 1000, 24, 2, 191, 2, 179], // row 3: 95.5 < 96, 89.5 < 90: both fail
    ]);
    expect(schoolOf(r, "甲小学").checks).toMatchObject({
      music_rooms: { meets: true },
      art_rooms: { meets: true },
    });
    expect(schoolOf(r, "乙小学").checks).toMatchObject({
      music_rooms: { meets: false },
      art_rooms: { meets: false },
    });
    expect(flatten(r, ["music-art-rooms"])).toEqual([
      ["小学", "D3", "music-art-rooms"],
      ["小学", "F3", "music-art-rooms"],
    ]);
  });
  test("the room rule in force is reported", () => {
    expect(report.limits).toMatchObject({
      classesPerSpecialRoom: 12,
      musicRoomMinArea: 96,
      artRoomMinArea: 90,
    });
  });
});
