import { RawCell, SheetInput, WorkbookInput, parseRange } from "../../src/engine/workbook";

/** A sheet from rows of values, with merges written as "A1:C1". */
export function sheet(name: string, rows: RawCell[][], merges: string[] = []): SheetInput {
  return { name, rows, merges: merges.map(parseRange) };
}

export function workbook(...sheets: SheetInput[]): WorkbookInput {
  return { sheets };
}

/** The seven quality-2017 indicator ids in standards.md §3.1 order, written out (not read from src/standards). */
export const QUALITY_IDS = [
  "qualified_teachers_per_100",
  "key_teachers_per_100",
  "pe_arts_teachers_per_100",
  "teaching_space_per_student",
  "sports_space_per_student",
  "equipment_value_per_student",
  "multimedia_rooms_per_100",
] as const;

/** The four 小学 of standards.md §16, one header row. */
export const SECTION16_HEADER = [
  "学校名称",
  "在校生数",
  "高于规定学历教师数",
  "县级及以上骨干教师数",
  "体育专任教师",
  "音乐专任教师",
  "美术专任教师",
  "教学及辅助用房面积(㎡)",
  "体育运动场馆面积(㎡)",
  "教学仪器设备值(万元)",
  "网络多媒体教室数(间)",
];
// 体+音+美 split as pe/music/art so that the sums are 12, 6, 3, 1 as in §16.
export const SECTION16_ROWS: RawCell[][] = [
  ["A小学", 1200, 60, 14, 4, 4, 4, 6000, 9600, 300, 30],
  ["B小学", 600, 28, 6, 2, 2, 2, 2900, 4200, 126, 15],
  ["C小学", 300, 14, 2, 1, 1, 1, 1200, 2700, 57, 6],
  ["D小学", 150, 8, 2, 1, 0, 0, 800, 1350, 33, 4],
];
