/**
 * A small county that meets every one of the 40 items (standards.md §17): three schools and a filled 「县级指标」.
 * Shared by the CLI, report-sheet and sidebar tests of the one answer 「可以申报」 (§17.8). Each figure is checked
 * against its threshold in the comment next to it.
 */
import type { RawCell } from "../../../src/engine/workbook";

export const PASSING_SCHOOL_HEAD = [
  "学校名称",
  "学校类型",
  "在校生数",
  "班级数",
  "最大班额",
  "专任教师数",
  "高于规定学历教师数",
  "县级以上骨干教师数",
  "体育艺术专任教师数",
  "教学及辅助用房面积(㎡)",
  "体育运动场馆面积(㎡)",
  "教学仪器设备值(万元)",
  "网络多媒体教室数(间)",
  "音乐教室间数",
  "音乐教室面积(㎡)",
  "美术教室间数",
  "美术教室面积(㎡)",
  "公用经费(元)",
  "教师培训经费(元)",
  "持证专任教师数",
  "完成360学时培训教师数",
];

export const PASSING_SCHOOL_ROWS: RawCell[][] = [
  // 甲 (小学, 1000): 50 → 5.0 ≥ 4.2; 12 → 1.2 ≥ 1; 10 → 1.0 ≥ 0.9; 5.0 ≥ 4.5 ㎡; 8.0 ≥ 7.5 ㎡; 2500 ≥ 2000 元;
  // 2.5 ≥ 2.3; 22 classes need 2 rooms each: 200 ÷ 2 = 100 ≥ 96, 184 ÷ 2 = 92 ≥ 90; largest class 45 ≤ 45;
  // training 50000 × 100 ÷ 800000 = 6.25% ≥ 5.
  [
    "甲小学",
    "小学",
    1000,
    22,
    45,
    55,
    50,
    12,
    10,
    5000,
    8000,
    250,
    25,
    2,
    200,
    2,
    184,
    800000,
    50000,
    55,
    55,
  ],
  // 乙 (小学, 600): 5.0, 1.17, 1.0, 5.0, 8.0, 2500, 2.5; 12 classes → 1 room each of 100 / 95 ㎡; 44 ≤ 45; 6.25%.
  [
    "乙小学",
    "小学",
    600,
    12,
    44,
    33,
    30,
    7,
    6,
    3000,
    4800,
    150,
    15,
    1,
    100,
    1,
    95,
    480000,
    30000,
    33,
    33,
  ],
  // 丙 (初中, 900): 6.67 ≥ 5.3; 1.11 ≥ 1; 1.0 ≥ 0.9; 6.67 ≥ 5.8; 11.1 ≥ 10.2; 2666.67 ≥ 2500; 2.56 ≥ 2.4;
  // 18 classes → 2 rooms: 100 / 95 ㎡; largest class 50 ≤ 50; 50000 × 100 ÷ 900000 = 5.56%.
  [
    "丙初中",
    "初中",
    900,
    18,
    50,
    70,
    60,
    10,
    9,
    6000,
    10000,
    240,
    23,
    2,
    200,
    2,
    190,
    900000,
    50000,
    70,
    70,
  ],
];
// G4: 1000, 600, 900 ≤ 2000. G6: no school under 100 students → not-applicable. G9 / G12: 158 of 158 = 100%.

export const PASSING_COUNTY_ROWS: RawCell[][] = [
  ["代码", "指标", "数值", "单位", "说明"],
  ["G1.met", "规划布局合理", "是", null, "布局规划经县政府批准"],
  ["G2.met", "四统一", "是", null, null],
  // G7: 72 万元 = 720,000 元 ÷ 120 = 6000 ≥ 6000 (equal meets).
  ["G7.special_funds", "特教公用经费", 72, "万元", null],
  ["G7.special_students", "特教学生数", 120, "人", null],
  // G8: 98,500 ≥ 98,000, 绩效工资 是.
  ["G8.teacher_salary", "", 98500, "元", null],
  ["G8.civil_salary", "", 98000, "元", null],
  ["G8.performance_pay", "", "是", null, null],
  ["G10.met", "", "是", null, null],
  // G11: 96 × 100 ÷ 800 = 12% ≥ 10; 20 × 100 ÷ 96 = 20.83% ≥ 20.
  ["G11.eligible", "", 800, null, null],
  ["G11.rotated", "", 96, null, null],
  ["G11.key_rotated", "", 20, null, null],
  // G13: 5000 ÷ 5000 = 100% ≥ 100; 2880 ÷ 3000 = 96% ≥ 95.
  ["G13.primary_nearby", "", 5000, null, null],
  ["G13.primary_students", "", 5000, null, null],
  ["G13.junior_nearby", "", 2880, null, null],
  ["G13.junior_students", "", 3000, null, null],
  // G14: 550 ÷ 1000 = 55% ≥ 50, 向农村倾斜 是.
  ["G14.quota_total", "", 1000, null, null],
  ["G14.quota_allocated", "", 550, null, null],
  ["G14.rural_tilt", "", "是", null, null],
  // G15: (1500 + 200) × 100 ÷ 2000 = 85% ≥ 85 (equal meets), 关爱体系 是.
  ["G15.eligible", "", 2000, null, null],
  ["G15.public", "", 1500, null, null],
  ["G15.purchased", "", 200, null, null],
  ["G15.left_behind_care", "", "是", null, null],
  // Q1 retained: (900 − 15 + 10) × 100 ÷ (920 − 2) = 89500 ÷ 918 = 97.49% ≥ 95.
  ["Q1.graduates", "", 900, null, null],
  ["Q1.entrants", "", 920, null, null],
  ["Q1.transfer_in", "", 15, null, null],
  ["Q1.transfer_out", "", 10, null, null],
  ["Q1.deaths", "", 2, null, null],
  // Q2: 196 × 100 ÷ 200 = 98% ≥ 95.
  ["Q2.disabled_children", "", 200, null, null],
  ["Q2.disabled_enrolled", "", 196, null, null],
  ["Q3.met", "", "是", null, null],
  ["Q5.met", "", "是", null, null],
  ["Q6.met", "", "是", null, null],
  ["Q7.met", "", "是", null, null],
  ["Q8.met", "", "是", null, null],
  // Q9: 语文 Ⅲ ≥ Ⅲ, 0.12 < 0.15.
  ["Q9.chinese.level", "", "Ⅲ", null, null],
  ["Q9.chinese.gap", "", 0.12, null, null],
  // S1: 900 × 100 ÷ 1000 = 90% ≥ 85 (no visits given: the questionnaire alone).
  ["S1.surveys", "", 1050, null, null],
  ["S1.valid", "", 1000, null, null],
  ["S1.satisfied", "", 900, null, null],
  ["V1.exam_admission", "", "否", null, null],
  ["V2.school_choice", "", "否", null, null],
  ["V3.key_schools", "", "否", null, null],
  ["V4.unfilled_posts", "", "否", null, null],
  ["V5.major_incident", "", "否", null, null],
  ["V6.fraud", "", "否", null, null],
];

/** The county rows with one code's 数值 replaced (or the row dropped when value is undefined). */
export function countyWith(code: string, value?: RawCell): RawCell[][] {
  return PASSING_COUNTY_ROWS.flatMap((r) =>
    r[0] !== code ? [r] : value === undefined ? [] : [[r[0], r[1], value, r[3], r[4]]]
  );
}
