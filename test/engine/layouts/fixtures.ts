import { RawCell } from "../../../src/engine/workbook";

/**
 * Schools that meet every quality-2017 threshold of their stage, for layout tests: the layout alone decides
 * whether a check passes, so a school read wrongly or left out shows in the verdict and the counts.
 *
 * 小学 (thresholds 4.2, 1, 0.9, 4.5, 7.5, 2000, 2.3):
 *   甲 1000: 5.00, 1.20, 1.00, 5.00, 8.00, 2200, 2.50
 *   乙  800: 5.25, 1.25, 1.00, 5.25, 8.50, 2200, 2.50
 *   丙  600: 5.00, 1.17, 1.00, 5.00, 8.00, 2200, 2.50
 *   equipment mean (220 + 176 + 132) × 10000 ÷ 2400 = 2200 元, every school 2200: CV 0.
 * 初中 (thresholds 5.3, 1, 0.9, 5.8, 10.2, 2500, 2.4):
 *   丁 1000: 6.00, 1.20, 1.00, 6.00, 11.00, 2700, 2.50
 *   戊  800: 6.00, 1.25, 1.00, 6.00, 11.00, 2700, 2.50
 *   己  500: 6.00, 1.20, 1.00, 6.00, 11.00, 2700, 2.60
 *   equipment mean (270 + 216 + 135) × 10000 ÷ 2300 = 2700 元, every school 2700: CV 0.
 * Names carry no stage word ("甲校"): only the layout can tell the stage.
 */
export const FIGURES_HEADER = [
  "在校生数",
  "高于规定学历教师数",
  "县级及以上骨干教师数",
  "体育、艺术专任教师数",
  "教学及辅助用房面积(㎡)",
  "体育运动场馆面积(㎡)",
  "教学仪器设备值(万元)",
  "网络多媒体教室数(间)",
];

export const PRIMARY: [string, ...number[]][] = [
  ["甲校", 1000, 50, 12, 10, 5000, 8000, 220, 25],
  ["乙校", 800, 42, 10, 8, 4200, 6800, 176, 20],
  ["丙校", 600, 30, 7, 6, 3000, 4800, 132, 15],
];

export const JUNIOR: [string, ...number[]][] = [
  ["丁校", 1000, 60, 12, 10, 6000, 11000, 270, 25],
  ["戊校", 800, 48, 10, 8, 4800, 8800, 216, 20],
  ["己校", 500, 30, 6, 5, 3000, 5500, 135, 13],
];

/** The same schools with stage words in their names ("甲小学", "丁中学" → "丁初中"). */
export const named = (rows: [string, ...number[]][], stage: "小学" | "初中"): RawCell[][] =>
  rows.map(([n, ...v]) => [n.replace("校", stage), ...v]);

export const HEADER = ["学校名称", ...FIGURES_HEADER];
