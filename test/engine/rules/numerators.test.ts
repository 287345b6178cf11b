/**
 * What counts, standards.md §3.1–§3.2 and default 6: each indicator's numerator. (学历 levels per stage and the
 * 艺术 › 计 rule on a statistics-export header are in test/engine/detectTable.test.ts, section b.)
 */
import { check, codesOf, flatten, schoolOf, settingsWith } from "./harness";

describe("体育 + 音乐 + 美术 (+ 艺术) teachers are summed", () => {
  test("three columns: 4 + 3 + 2 = 9 → 9 × 100 ÷ 1000 = 0.9 (met)", () => {
    const r = check("小学", [
      ["学校名称", "在校生数", "体育专任教师数", "音乐专任教师数", "美术专任教师数"],
      ["甲小学", 1000, 4, 3, 2],
    ]);
    expect(r.schools[0].indicators.pe_arts_teachers_per_100).toMatchObject({
      value: 0.9,
      meets: true,
    });
  });
  test("a combined 艺术 column: 体育 5 + 艺术 3 = 8 → 0.8 (not met)", () => {
    const r = check("小学", [
      ["学校名称", "在校生数", "体育专任教师数", "艺术专任教师数"],
      ["甲小学", 1000, 5, 3],
    ]);
    expect(r.schools[0].indicators.pe_arts_teachers_per_100).toMatchObject({
      value: 0.8,
      meets: false,
    });
  });
  test("a blank part is not 0: the sum is missing", () => {
    const r = check("小学", [
      ["学校名称", "在校生数", "体育专任教师数", "音乐专任教师数", "美术专任教师数"],
      ["甲小学", 1000, 4, null, 2],
    ]);
    expect(r.schools[0].indicators.pe_arts_teachers_per_100.value).toBeNull();
    expect(flatten(r, ["missing-value"])).toEqual([["小学", "D2", "missing-value"]]);
  });
});

describe("a 体育、艺术 header without 数 is the PE/arts count, not 专任教师 (§11.2)", () => {
  // 「体育、艺术（美术、音乐）专任教师」 is the indicator's own wording; before, 「专任教师」 inside it won and the
  // column was read as the school's 专任教师 total, so L3 was reported missing and 高于规定学历 50 > 专任教师 10
  // raised a false impossible-value.
  test("10 PE/arts teachers for 1000 students: 10 × 100 ÷ 1000 = 1.0 (met), no impossible-value", () => {
    const r = check("小学", [
      [
        "学校名称",
        "在校生数",
        "专任教师数",
        "高于规定学历教师数",
        "体育、艺术（美术、音乐）专任教师",
      ],
      ["甲小学", 1000, 60, 50, 10],
    ]);
    expect(r.tables[0].columns.pe_arts_teachers).toBe("E");
    expect(r.tables[0].columns.teachers).toBe("C");
    expect(r.schools[0].indicators.pe_arts_teachers_per_100).toMatchObject({
      value: 1,
      meets: true,
    });
    expect(r.tables[0].unmapped).not.toContain("pe_arts_teachers");
    expect(flatten(r, ["impossible-value"])).toEqual([]);
  });
  test("with no 专任教师 column, 「体育艺术专任教师（人）」 9 for 1000 students is 0.9 (met), not 专任教师", () => {
    const r = check("小学", [
      ["学校名称", "在校生数", "高于规定学历教师数", "体育艺术专任教师（人）"],
      ["甲小学", 1000, 50, 9],
    ]);
    expect(r.tables[0].columns.teachers).toBeUndefined();
    expect(r.schools[0].indicators.pe_arts_teachers_per_100).toMatchObject({
      value: 0.9,
      meets: true,
    });
    expect(flatten(r, ["impossible-value"])).toEqual([]);
  });
});

describe("教学及辅助用房 − 室内体育用房; 场馆 combined vs outdoor-only (default 6, §3.2, §15.7)", () => {
  const outdoor = check("小学", [
    ["学校名称", "在校生数", "教学及辅助用房面积(㎡)", "室内体育用房面积(㎡)", "运动场地面积(㎡)"],
    // (5000 − 600) ÷ 1000 = 4.4 ㎡; (7000 + 600) ÷ 1000 = 7.6 ㎡
    ["甲小学", 1000, 5000, 600, 7000],
    // A blank or "/" 室内体育用房 means none: 5000 ÷ 1000 = 5.0 and 7000 ÷ 1000 = 7.0 (docs/decisions.md).
    ["乙小学", 1000, 5000, null, 7000],
    ["丙小学", 1000, 5000, "/", 7000],
  ]);
  test("outdoor-only 运动场地: indoor subtracted from 用房 and added to 场馆", () => {
    const a = schoolOf(outdoor, "甲小学").indicators;
    expect(a.teaching_space_per_student.value).toBeCloseTo(4.4, 12);
    expect(a.sports_space_per_student.value).toBeCloseTo(7.6, 12);
  });
  test("no indoor figure: nothing subtracted or added, and nothing reported missing", () => {
    for (const n of ["乙小学", "丙小学"]) {
      const s = schoolOf(outdoor, n).indicators;
      expect(s.teaching_space_per_student.value).toBe(5);
      expect(s.sports_space_per_student.value).toBe(7);
    }
    expect(flatten(outdoor, ["missing-value"])).toEqual([]);
  });

  test("a combined 体育运动场馆面积 already holds the hall: 室内体育用房 is not added to it", () => {
    const r = check("小学", [
      [
        "学校名称",
        "在校生数",
        "教学及辅助用房面积(㎡)",
        "室内体育用房面积(㎡)",
        "体育运动场馆面积(㎡)",
      ],
      // 用房 (5000 − 600) ÷ 1000 = 4.4; 场馆 8000 ÷ 1000 = 8.0 (8.6 would count the hall twice)
      ["甲小学", 1000, 5000, 600, 8000],
    ]);
    expect(r.schools[0].indicators.teaching_space_per_student.value).toBeCloseTo(4.4, 12);
    expect(r.schools[0].indicators.sports_space_per_student.value).toBe(8);
  });

  test("policy subtractIndoorSports off: 用房 is taken whole", () => {
    const r = check(
      "小学",
      [
        ["学校名称", "在校生数", "教学及辅助用房面积(㎡)", "室内体育用房面积(㎡)"],
        ["甲小学", 1000, 5000, 600],
      ],
      { settings: settingsWith({ policy: { subtractIndoorSports: false } }) }
    );
    expect(r.schools[0].indicators.teaching_space_per_student.value).toBe(5);
  });
});

describe("仪器设备值 in 元 per student: 万元 × 10000 (§3.1, §15.4)", () => {
  test("300 万元 ÷ 1200 students = 2500 元; 3,000,000 元 ÷ 1200 = 2500 元", () => {
    const wan = check("小学", [
      ["学校名称", "在校生数", "教学仪器设备值(万元)"],
      ["甲小学", 1200, 300],
    ]);
    const yuan = check("小学", [
      ["学校名称", "在校生数", "教学仪器设备值(元)"],
      ["甲小学", 1200, 3000000],
    ]);
    expect(wan.schools[0].indicators.equipment_value_per_student.value).toBe(2500);
    expect(yuan.schools[0].indicators.equipment_value_per_student.value).toBe(2500);
    // The gap is in whole 元: C needs (2000 − 1900) × 300 = 30,000 元 (§16 school C).
    const c = check("小学", [
      ["学校名称", "在校生数", "教学仪器设备值(万元)"],
      ["丙小学", 300, 57],
    ]);
    expect(c.schools[0].indicators.equipment_value_per_student).toMatchObject({
      value: 1900,
      gap: 30000,
    });
  });
});

describe("per-100 indicators are count × 100 ÷ students", () => {
  test("骨干 12, 多媒体 23, 高学历 42 for 1000 students: 1.2, 2.3, 4.2", () => {
    const r = check("小学", [
      [
        "学校名称",
        "在校生数",
        "县级及以上骨干教师数",
        "网络多媒体教室数(间)",
        "高于规定学历教师数",
      ],
      ["甲小学", 1000, 12, 23, 42],
    ]);
    const s = r.schools[0].indicators;
    expect(s.key_teachers_per_100.value).toBeCloseTo(1.2, 12);
    expect(s.multimedia_rooms_per_100.value).toBe(2.3);
    expect(s.qualified_teachers_per_100.value).toBe(4.2);
  });
  test("a 本科及以上学历教师数 column counts for 初中", () => {
    const r = check("初中", [
      ["学校名称", "在校生数", "本科及以上学历教师数"],
      // 60 × 100 ÷ 1000 = 6.0 ≥ 5.3
      ["甲初中", 1000, 60],
    ]);
    expect(r.schools[0].indicators.qualified_teachers_per_100).toMatchObject({
      value: 6,
      meets: true,
    });
    // It fits 初中 exactly: no warning.
    expect(codesOf(r)).not.toContain("bachelor-for-primary");
  });
  test("…and is used for 小学 with one warning per table naming the column and the 小学 count (§3.2)", () => {
    const r = check("小学", [
      ["学校名称", "在校生数", "本科及以上学历教师数"],
      // 45 × 100 ÷ 1000 = 4.5 ≥ 4.2: used as it is, never corrected.
      ["甲小学", 1000, 45],
      ["乙小学", 500, 20],
    ]);
    expect(r.schools[0].indicators.qualified_teachers_per_100.value).toBe(4.5);
    expect(flatten(r, ["bachelor-for-primary"])).toEqual([["小学", null, "bachelor-for-primary"]]);
    const f = r.findings.find((x) => x.code === "bachelor-for-primary")!;
    expect(f.params).toEqual({
      field: "bachelor_plus_teachers",
      header: "本科及以上学历教师数",
      schools: 2,
    });
    expect(f.stage).toBe("primary");
  });
  test("a 初中-only 本科 column on a mixed sheet is exact for 初中 and no 小学 source: no warning", () => {
    const r = check("学校", [
      ["学校名称", "学校类型", "在校生数", "初中本科及以上学历教师数"],
      ["甲小学", "小学", 1000, null],
      // 60 × 100 ÷ 1000 = 6.0 ≥ 5.3
      ["甲初中", "初中", 1000, 60],
    ]);
    expect(schoolOf(r, "甲初中").indicators.qualified_teachers_per_100.value).toBe(6);
    expect(codesOf(r)).not.toContain("bachelor-for-primary");
  });
  test("a 小学 table with a 高于规定学历 column beside the 本科 one reads the former: no warning", () => {
    const r = check("小学", [
      ["学校名称", "在校生数", "高于规定学历教师数", "本科及以上学历教师数"],
      ["甲小学", 1000, 50, 45],
    ]);
    expect(r.schools[0].indicators.qualified_teachers_per_100.value).toBe(5);
    expect(codesOf(r)).not.toContain("bachelor-for-primary");
  });
});

describe("gaps: how much more of the numerator, rounded up to whole units (docs/decisions.md)", () => {
  const r = check("小学", [
    [
      "学校名称",
      "在校生数",
      "县级及以上骨干教师数",
      "教学及辅助用房面积(㎡)",
      "网络多媒体教室数(间)",
    ],
    // key: 1 × 650 ÷ 100 = 6.5 needed, 5 held → 1.5 → 2 teachers; 用房 4.5 × 650 = 2925 ㎡, 2900 held → 25 ㎡;
    // 多媒体 2.3 × 650 ÷ 100 = 14.95 needed, 14 held → 0.95 → 1 room.
    ["甲小学", 650, 5, 2900, 14],
  ]);
  test("2 teachers, 25 ㎡, 1 room", () => {
    const s = r.schools[0].indicators;
    expect(s.key_teachers_per_100.gap).toBe(2);
    expect(s.teaching_space_per_student.gap).toBe(25);
    expect(s.multimedia_rooms_per_100.gap).toBe(1);
  });
});
