/**
 * A table whose 班级数 / 教职工数 / 专任教师数 have 合计 | 小学 | 初中 sub-columns, as county statistics sheets do:
 * a single-stage school fills only 合计, a 九年一贯制 fills its stages. The facts the whole assessment reads
 * (G3's classes, G9's 专任教师, 表Ⅰ L17–L24) fall back to 合计 when the stage cell is blank, as numerators do.
 */
import { checkWorkbook } from "../../../src/engine/report";
import type { RawCell } from "../../../src/engine/workbook";
import { sheet, workbook } from "../helpers";

jest.setTimeout(60000);

const HEAD1 = [
  "学校名称",
  "学校类型",
  "在校生数",
  null,
  null,
  "班级数",
  null,
  null,
  "教职工数",
  null,
  null,
  "专任教师数",
  null,
  null,
  "完成360学时培训教师数",
  "音乐教室间数",
  "美术教室间数",
];
const SUB = ["合计", "小学", "初中"];
const HEAD2 = [null, null, ...SUB, ...SUB, ...SUB, ...SUB, null, null, null];
const ROWS: RawCell[][] = [
  // 小学 fills 合计 only: 24 classes need ceil(24 ÷ 12) = 2 rooms of each kind; it has 1 art room → G3 fails.
  ["甲小学", "小学", 1000, null, null, 24, null, null, 60, null, null, 55, null, null, 50, 2, 1],
  ["乙初中", "初中", 800, null, null, 18, null, null, 50, null, null, 45, null, null, 45, 2, 2],
  // 九年一贯制 fills its stages (合计 too): 小学部 14 classes, 初中部 10.
  ["丙学校", "九年一贯制学校", 1000, 600, 400, 24, 14, 10, 80, 48, 32, 75, 45, 30, 70, 2, 2],
];
const MERGES = ["A1:A2", "B1:B2", "C1:E1", "F1:H1", "I1:K1", "L1:N1", "O1:O2", "P1:P2", "Q1:Q2"];

test("a blank stage cell gives way to 合计: G3, G9 and 表Ⅰ L17–L24 are computed", () => {
  const { report } = checkWorkbook(workbook(sheet("学校", [HEAD1, HEAD2, ...ROWS], MERGES)));
  const a = report.assessment!;
  const item = (id: string) => a.items.find((i) => i.id === id)!;
  // G3: 甲 has 1 art room for 24 classes (needs 2) → 1 school fails; 乙 18 → 2 rooms, 丙 24 → 2 rooms pass.
  expect(item("G3")).toMatchObject({ value: 1, meets: false, schools: ["甲小学"] });
  // G9: trained 50 + 45 + 70 = 165 of 55 + 45 + 75 = 175 teachers → 165 × 100 ÷ 175 = 94.2857…%; 10 short.
  expect(item("G9").value).toBeCloseTo(94.285714, 5);
  expect(item("G9").gap).toEqual({ value: 10, unit: "teachers" });
  // 表Ⅰ: 小学 classes 24 + 14 = 38, 初中 18 + 10 = 28; staff 60 + 48 = 108 / 50 + 32 = 82; teachers 55 + 45 = 100
  // / 45 + 30 = 75.
  expect(a.basics.classes).toEqual({ primary: 38, junior: 28 });
  expect(a.basics.staff).toEqual({ primary: 108, junior: 82 });
  expect(a.basics.teachers).toEqual({ primary: 100, junior: 75 });
  // 表Ⅱ-2 F: each part's own classes (丙's stage columns, not 合计).
  expect(a.schoolFacts.map((f) => f.classes)).toEqual([24, 18, 14, 10]);
});
