/**
 * G3 with rooms counted by their own area (standards.md §17.3): the 沈阳 school form's band columns 单间面积≥96㎡的
 * 音乐教室间数, 73㎡≤单间面积＜96㎡的…, 61㎡≤单间面积＜73㎡的… (美术 90 / 67 / 61). A school needs
 * max(1, ceil(班级数 ÷ 12)) rooms of each kind of at least the minimum area; the §17.4 relaxations lower the
 * minimum (73 / 67 built by 2016; 54 小学 rural small with a largest class under 30), so more bands count.
 */
import { checkWorkbook } from "../../../src/engine/report";
import { applyProfile } from "../../../src/standards/profile";
import { renderFinding } from "../../../src/present/findingText";
import type { RawCell } from "../../../src/engine/workbook";
import { sheet, workbook } from "../helpers";

jest.setTimeout(60000);

const HEAD = [
  "学校名称",
  "学校类型",
  "在校生数",
  "班级数",
  "最大班额",
  "建校年份",
  "是否农村小规模学校",
  "音乐教室总间数",
  "单间面积≥96㎡的音乐教室间数",
  "73㎡≤单间面积＜96㎡的音乐教室间数",
  "61㎡≤单间面积＜73㎡的音乐教室间数",
  "美术教室总间数",
  "单间面积≥90㎡的美术教室间数",
  "67㎡≤单间面积＜90㎡的美术教室间数",
  "61㎡≤单间面积＜67㎡的美术教室间数",
];
const ROWS: RawCell[][] = [
  // 甲: 24 classes need 2 of each; 2 music ≥ 96 and 2 art ≥ 90 → passes.
  ["甲小学", "小学", 1000, 24, 45, 2018, "否", 2, 2, 0, 0, 2, 2, 0, 0],
  // 乙: only 1 music room ≥ 96 (the other 73–96) → fails; built 2012 ≤ 2016 → 73 ㎡: 1 + 1 = 2 ≥ 2 relaxed.
  ["乙小学", "小学", 900, 24, 45, 2012, "否", 2, 1, 1, 0, 2, 2, 0, 0],
  // 丙: 30 classes need 3; 2 art ≥ 90 + 1 of 67–90 → fails; built 2018: no relaxation, fails either way.
  ["丙小学", "小学", 1200, 30, 45, 2018, "否", 3, 3, 0, 0, 3, 2, 1, 0],
  // 丁: 6 classes need 1; its rooms are 61–73 ㎡ → fails at 96 / 90; rural small, largest class 25 < 30 → 54 ㎡:
  // every band counts (61 ≥ 54) → 1 ≥ 1 relaxed.
  ["丁小学", "小学", 80, 6, 25, 2018, "是", 1, 0, 0, 1, 1, 0, 0, 1],
];
const wb = () => workbook(sheet("学校", [HEAD, ...ROWS]));

test("the band columns are read as bands, 音乐教室总间数 as the room count", () => {
  const { report } = checkWorkbook(wb());
  const cols = report.tables[0].columns;
  expect(cols.music_rooms).toBe("H");
  expect(cols.music_rooms_96).toBe("I");
  expect(cols.music_rooms_73_96).toBe("J");
  expect(cols.music_rooms_61_73).toBe("K");
  expect(cols.art_rooms).toBe("L");
  expect(cols.art_rooms_90).toBe("M");
  expect(cols.art_rooms_67_90).toBe("N");
  expect(cols.art_rooms_61_67).toBe("O");
});

test("off: 乙, 丙 and 丁 fail G3 (3 schools); 乙 and 丁 would pass with the relaxations", () => {
  const { report } = checkWorkbook(wb());
  const a = report.assessment!;
  expect(a.items.find((i) => i.id === "G3")).toMatchObject({
    value: 3,
    meets: false,
    schools: ["乙小学", "丙小学", "丁小学"],
  });
  expect(a.relaxations.wouldPass).toEqual([
    { item: "G3", school: "乙小学", stage: "primary" },
    { item: "G3", school: "丁小学", stage: "primary" },
  ]);
  // The finding counts the rooms of the minimum area, not the total: 乙 has 1 music room ≥ 96 ㎡ for 24 classes.
  const f = report.findings.find((x) => x.code === "music-art-rooms" && x.school === "乙小学")!;
  expect(renderFinding(f, "zh-CN")).toBe(
    "「乙小学」单间面积 ≥ 96 ㎡ 的音乐专用教室 1 间，24 个班需 2 间（每 12 个班 1 间）"
  );
});

test("on (guicheng-2019): only 丙 fails", () => {
  const settings = applyProfile({ policy: { relaxations: "guicheng-2019" } }, "quality-2017");
  const { report } = checkWorkbook(wb(), { settings });
  const a = report.assessment!;
  expect(a.items.find((i) => i.id === "G3")).toMatchObject({
    value: 1,
    meets: false,
    schools: ["丙小学"],
  });
  expect(a.relaxations.applied.map((r) => r.school)).toEqual(["乙小学", "丁小学"]);
});

test("a blank band that counts leaves the school undecided: G3 missing when no other school fails", () => {
  // 甲 only, its 96 ㎡ music band blank: no music check, so G3 cannot be decided.
  const row = [...ROWS[0]];
  row[8] = null;
  const { report } = checkWorkbook(workbook(sheet("学校", [HEAD, row])));
  expect(report.assessment!.items.find((i) => i.id === "G3")).toMatchObject({
    value: null,
    meets: null,
    status: "missing",
  });
});

test("G3 on 间数 + 面积 (no bands) warns that the average room stands for each; with bands it does not", () => {
  const head = ["学校名称", "学校类型", "在校生数", "班级数", "音乐教室间数", "音乐教室面积(㎡)"];
  const county = sheet("县级指标", [
    ["代码", "数值"],
    ["G1.met", "是"],
  ]);
  const partial = (rows: RawCell[][], h: RawCell[]) =>
    checkWorkbook(workbook(sheet("学校", [h, ...rows]), county))
      .report.findings.filter((f) => f.code === "assessment-partial-input")
      .map((f) => f.params);
  // 甲 and 乙 give a total area: 2 schools judged on total ÷ 间数.
  expect(
    partial(
      [
        ["甲小学", "小学", 600, 12, 1, 100],
        ["乙小学", "小学", 500, 12, 1, 98],
      ],
      head
    )
  ).toEqual([{ item: "G3", reason: "average-room-area", schools: 2 }]);
  // The band table (with 「县级指标」): rooms counted by their own area, no such warning.
  expect(partial(ROWS, HEAD)).toEqual([]);
});
