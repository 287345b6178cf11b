/**
 * Header paths → column keys, standards.md §11.1–11.2 and the traps of §15 (mistakes 5 and 9).
 * `undefined` = the column must not be mapped at all.
 */
import { matchColumn } from "../../src/engine/table/matchColumn";

type Case = [string, string[], string | undefined];

describe("matchColumn: header path → key", () => {
  const cases: Case[] = [
    // Plain synonyms (§11.2).
    ["学校名称", ["学校名称"], "name"],
    ["学校(单位)名称", ["学校（单位）名称"], "name"],
    ["学校代码", ["学校代码"], "code"],
    ["统计三级 is the county", ["统计三级"], "county"],
    ["办学类型", ["办学类型"], "type"],
    ["小学体育艺术教师 is per stage", ["小学体育艺术教师"], "pe_arts_teachers@primary"],
    ["体育、艺术教师(人)", ["体育、艺术教师(人)"], "pe_arts_teachers"],
    ["体艺专任教师", ["体艺专任教师"], "pe_arts_teachers"],
    ["学部 (小学部 / 初中部 rows of one school)", ["学部"], "type"],
    ["在校生数(人)", ["在校生数(人)"], "students"],
    ["在校学生总数", ["在校学生总数"], "students"],
    ["在校学生\n合计 (one header cell, a line break inside)", ["在校学生\n合计"], "students"],
    ["在校学生(人)", ["在校学生(人)"], "students"],
    ["小学在校学生数 is per stage", ["小学在校学生数"], "students@primary"],
    ["在校生数 › 合计", ["在校生数", "合计"], "students"],
    ["在校生数 › 初中", ["在校生数", "初中"], "students@junior"],
    ["教学班数", ["教学班数"], "classes"],
    ["最大班额", ["最大班额"], "max_class_size"],
    ["专任教师数", ["专任教师数"], "teachers"],
    // Teacher fields need 教师 in the path (§11.1): a bare 高于规定学历 / 县级及以上骨干 is a teacher count only
    // under a 专任教师 group header.
    ["专任教师 › 高于规定学历", ["专任教师", "高于规定学历"], "qualified_teachers"],
    ["高于规定学历 alone is no teacher count", ["高于规定学历"], undefined],
    ["专任教师 › 县级及以上骨干", ["专任教师", "县级及以上骨干"], "key_teachers"],
    ["县级及以上骨干 alone is no teacher count", ["县级及以上骨干"], undefined],
    // The longest synonym inside a header wins (§11.1): 「县级及以上骨干」 (7 characters) over 「专任教师」 (4).
    ["县级及以上骨干专任教师数", ["县级及以上骨干专任教师数"], "key_teachers"],
    ["高于规定学历教师数", ["高于规定学历教师数"], "qualified_teachers"],
    ["本科及以上学历教师数", ["本科及以上学历教师数"], "bachelor_plus_teachers"],
    ["县级及以上骨干教师数", ["县级及以上骨干教师数"], "key_teachers"],
    [
      "教基1102 › 县级以上骨干教师(初中)",
      ["教基1102", "县级以上骨干教师(初中)"],
      "key_teachers@junior",
    ],
    [
      "体育、艺术(美术、音乐)专任教师数",
      ["体育、艺术（美术、音乐）专任教师数"],
      "pe_arts_teachers",
    ],
    // The indicator's own wording without 数, and other bureau spellings: each contains 「专任教师」 (4
    // characters), which must not win and read the PE/arts count as the school's 专任教师 total.
    [
      "体育、艺术(美术、音乐)专任教师 (no 数)",
      ["体育、艺术（美术、音乐）专任教师"],
      "pe_arts_teachers",
    ],
    ["体育艺术专任教师(人)", ["体育艺术专任教师（人）"], "pe_arts_teachers"],
    ["体育、艺术专任教师", ["体育、艺术专任教师"], "pe_arts_teachers"],
    ["体音美专任教师数", ["体音美专任教师数"], "pe_arts_teachers"],
    ["体育、音乐、美术专任教师数", ["体育、音乐、美术专任教师数"], "pe_arts_teachers"],
    ["体育音乐美术专任教师", ["体育音乐美术专任教师"], "pe_arts_teachers"],
    ["体育专任教师", ["体育专任教师"], "pe_arts_teachers.pe"],
    [
      "专任教师 › #按授课课程分 › 体育与健康",
      ["专任教师", "#按授课课程分", "体育与健康"],
      "pe_arts_teachers.pe",
    ],
    ["… › 艺术 › 计", ["专任教师", "#按授课课程分", "艺术", "计"], "pe_arts_teachers.arts"],
    ["… › 艺术 › 音乐", ["专任教师", "#按授课课程分", "艺术", "音乐"], "pe_arts_teachers.music"],
    [
      "专任教师 › #按学历分 › 硕士研究生",
      ["专任教师", "#按学历分", "硕士研究生"],
      "qualified_teachers.master",
    ],
    [
      "专任教师 › #按学历分 › 专科",
      ["专任教师", "#按学历分", "专科"],
      "qualified_teachers.associate",
    ],
    [
      "专任教师 › #按学历分 › 高中阶段 (below, no stage)",
      ["专任教师", "#按学历分", "高中阶段"],
      "qualified_teachers.below",
    ],
    ["教学及辅助用房面积(㎡)", ["教学及辅助用房面积(㎡)"], "teaching_space"],
    ["室内体育用房面积", ["室内体育用房面积"], "indoor_sports_space"],
    ["体育运动场馆面积", ["体育运动场馆面积"], "sports_space"],
    ["体育运动场（馆）面积", ["体育运动场（馆）面积"], "sports_space"],
    ["运动场地面积 is outdoor only", ["运动场地面积"], "sports_ground"],
    [
      "教学仪器设备资产值(账面原值)(万元)",
      ["教学仪器设备资产值（账面原值）（万元）"],
      "equipment_value",
    ],
    ["办学条件 › 教学仪器设备值(万元)", ["办学条件", "教学仪器设备值(万元)"], "equipment_value"],
    ["网络多媒体教室(间)", ["网络多媒体教室(间)"], "multimedia_rooms"],
    [
      "生均教学及辅助用房面积 is a ratio",
      ["生均教学及辅助用房面积"],
      "ratio.teaching_space_per_student",
    ],
    [
      "每百名学生拥有网络多媒体教室数",
      ["每百名学生拥有网络多媒体教室数"],
      "ratio.multimedia_rooms_per_100",
    ],
    ["whitespace inside a header", ["学 校 名 称"], "name"],
    // A unit in its own header cell under the field (a mixed unit/sub-header row).
    ["在校生数 › 人", ["在校生数", "人"], "students"],
    ["教学仪器设备值 › (万元)", ["教学仪器设备值", "（万元）"], "equipment_value"],

    // Traps (§15 mistake 5, 9; §3.2 teachers ≠ 教职工).
    ["体育运动场馆面积 is not PE teachers", ["体育运动场馆面积"], "sports_space"],
    [
      "室内体育用房 without 面积 or unit is not an area… nor a teacher",
      ["室内体育用房"],
      undefined,
    ],
    ["室内体育用房(㎡) is an area by its unit", ["室内体育用房(㎡)"], "indoor_sports_space"],
    ["a bare 体育 is not a teacher column", ["体育"], undefined],
    ["体育专任教师 is not an area", ["体育专任教师"], "pe_arts_teachers.pe"],
    ["平均班额 is not 最大班额", ["平均班额"], "avg_class_size"],
    ["平均班数 is not the class count", ["平均班数"], undefined],
    ["a bare 班额 is the largest class", ["班额"], "max_class_size"],
    [
      "每百名学生拥有计算机台数 is a ratio column",
      ["每百名学生拥有计算机台数"],
      "ratio.computers_per_100",
    ],
    ["师生比 is a ratio column", ["师生比"], "ratio.teachers_per_student"],
    ["教职工数 is not 专任教师", ["教职工数"], "staff"],
    ["音乐教室间数 is rooms, not music teachers", ["音乐教室间数"], "music_rooms"],
    ["校长姓名", ["校长姓名"], undefined],
    ["联系电话", ["联系电话"], undefined],
    ["序号", ["序号"], undefined],
    ["备注", ["备注"], undefined],
    ["校舍建筑面积 is wider than 教学及辅助用房", ["校舍建筑面积"], undefined],
    ["生均… with an unknown keyword is no column", ["生均公用经费"], undefined],
    ["其中：女生 is not students", ["在校生数", "其中：女生"], undefined],
    ["全校学生数 is students", ["全校学生数"], "students"],
    ["少数民族学生数 is a subset, not students", ["其中：少数民族学生数"], undefined],
    ["女学生数 is not students", ["女学生数"], undefined],
    ["流失学生数 is not students", ["流失学生数"], undefined],
    ["女专任教师数 is not 专任教师", ["女专任教师数"], undefined],
    ["教职工数 › 其中：专任教师 is 专任教师", ["教职工数", "其中：专任教师"], "teachers"],
    // Percentages are not counts.
    ["专任教师学历合格率(%)", ["专任教师学历合格率(%)"], undefined],
    ["骨干教师比例", ["骨干教师比例"], undefined],
    ["本科及以上学历教师占比", ["本科及以上学历教师占比"], undefined],
    // Per-stage blocks.
    ["小学 › 在校学生数", ["小学", "在校学生数"], "students@primary"],
    ["初中 › 教学及辅助用房面积", ["初中", "教学及辅助用房面积"], "teaching_space@junior"],
    ["在校\n学生数 (line break)", ["在校\n学生数"], "students"],
    [
      "中小学 names both stages: 中小学在校生数 is the whole-school total",
      ["中小学在校生数"],
      "students",
    ],
    // Statistics-report wording: 研究生毕业 / 本科毕业 / 专科毕业 / 高中阶段毕业.
    [
      "… › 按学历分 › 研究生毕业",
      ["专任教师", "按学历分", "研究生毕业"],
      "qualified_teachers.master",
    ],
    [
      "… › 按学历分 › 本科毕业",
      ["专任教师", "按学历分", "本科毕业"],
      "qualified_teachers.bachelor",
    ],
    [
      "… › 按学历分 › 专科毕业",
      ["专任教师", "按学历分", "专科毕业"],
      "qualified_teachers.associate",
    ],
    [
      "… › 按学历分 › 高中阶段以下毕业",
      ["专任教师", "按学历分", "高中阶段以下毕业"],
      "qualified_teachers.below",
    ],
    // Ratios.
    [
      "每百名学生拥有体育、艺术专任教师数",
      ["每百名学生拥有体育、艺术专任教师数"],
      "ratio.pe_arts_teachers_per_100",
    ],
    ["生均教学仪器设备值(元)", ["生均教学仪器设备值(元)"], "ratio.equipment_value_per_student"],
    ["生均体育运动场馆面积", ["生均体育运动场馆面积"], "ratio.sports_space_per_student"],
    // Bureau spellings without 面积 or 及, with the unit in the header (found in county templates).
    ["体育运动场馆（㎡）", ["体育运动场馆（㎡）"], "sports_space"],
    ["教学辅助用房面积", ["教学辅助用房面积"], "teaching_space"],
    ["教学辅助用房（平方米）", ["教学辅助用房（平方米）"], "teaching_space"],
    [
      "每百名学生拥有县级以上骨干教师数",
      ["每百名学生拥有县级以上骨干教师数"],
      "ratio.key_teachers_per_100",
    ],
  ];
  test.each(cases)("%s", (_label, path, key) => {
    const m = matchColumn(0, path);
    expect(m?.key).toBe(key);
  });
});

describe("matchColumn: units", () => {
  test.each<[string[], string | undefined, string, number]>([
    [["教学仪器设备值(万元)"], undefined, "money", 10000],
    [["教学仪器设备值【元】"], undefined, "money", 1],
    [["教学及辅助用房面积（平方米）"], undefined, "area", 1],
    [["体育运动场馆面积(m²)"], undefined, "area", 1],
    // A unit in its own header cell.
    [["教学仪器设备值", "万元"], undefined, "money", 10000],
    [["室内体育用房", "㎡"], undefined, "area", 1],
    // From a unit row under the header.
    [["教学仪器设备值"], "万元", "money", 10000],
    [["教学仪器设备值"], "（万元）", "money", 10000],
    // The header's own unit wins over the unit row.
    [["教学仪器设备值(元)"], "万元", "money", 1],
  ])("%j + unit row %s → %s × %d", (path, extra, dimension, factor) => {
    expect(matchColumn(0, path, extra)?.unit).toMatchObject({ dimension, factor });
  });

  test("百元 is recognised as a unit we refuse to convert", () => {
    const m = matchColumn(0, ["教学仪器设备值(百元)"]);
    expect(m?.key).toBe("equipment_value");
    expect(m?.unit).toBeUndefined();
    expect(m?.unknownUnit).toBe("百元");
  });

  test.each([
    ["教学仪器设备值(千元)", "千元", 1000],
    ["教学仪器设备值（单位：千元）", "千元", 1000],
    ["教学仪器设备值/千元", "千元", 1000],
    ["设备总值(千元)", "千元", 1000],
    ["教学仪器设备值(亿元)", "亿元", 1e8],
    ["教学仪器设备值万元", "万元", 10000],
  ])("%s: equipment in %s (× %d)", (header, token, factor) => {
    const m = matchColumn(0, [header]);
    expect(m?.key).toBe("equipment_value");
    expect(m?.unit).toMatchObject({ token, factor });
  });

  test("其中：… leaves are flagged as parts (detectTable decides of what)", () => {
    expect(matchColumn(0, ["专任教师", "按学科分", "其中：音乐"])).toMatchObject({
      key: "pe_arts_teachers.music",
      ofWhich: true,
    });
    expect(matchColumn(0, ["专任教师", "按学历分", "其中：博士"])).toMatchObject({
      key: "qualified_teachers.doctor",
      ofWhich: true,
    });
    expect(matchColumn(0, ["专任教师", "按学科分", "音乐"])?.ofWhich).toBeUndefined();
    // A "#" on a group is not a part marker for its children.
    expect(matchColumn(0, ["专任教师", "#按学历分", "本科"])?.ofWhich).toBeUndefined();
  });

  test("a header with no unit has none", () => {
    expect(matchColumn(0, ["教学仪器设备值"])?.unit).toBeUndefined();
  });
});

test("体育运动场馆 without 面积 is an area only with an area unit (a count of 场馆 is not)", () => {
  expect(matchColumn(0, ["体育运动场馆（㎡）"])?.key).toBe("sports_space");
  expect(matchColumn(0, ["体育运动场馆（个）"])?.key).not.toBe("sports_space");
  expect(matchColumn(0, ["体育运动场馆数"])?.key).not.toBe("sports_space");
});
