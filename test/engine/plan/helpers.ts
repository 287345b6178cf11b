import { RawCell } from "../../../src/engine/workbook";

/** The header of a 九年一贯制 row with whole-school figures and students per stage (standards.md §9). */
export const NINE_YEAR_HEADER: string[] = [
  "学校名称",
  "学校类型",
  "小学在校学生数",
  "初中在校学生数",
  ...planHeader().slice(2),
];

/** One header row for plan tests: equipment in 元 unless `wan`. */
export function planHeader(wan = false): string[] {
  return [
    "学校名称",
    "在校生数",
    "高于规定学历教师数",
    "县级及以上骨干教师数",
    "体育艺术专任教师数",
    "教学及辅助用房面积(㎡)",
    "体育运动场馆面积(㎡)",
    wan ? "教学仪器设备值(万元)" : "教学仪器设备值(元)",
    "网络多媒体教室数(间)",
  ];
}

export interface SchoolSpec {
  name: string;
  students: number;
  /** qualified, key, pe_arts, teaching ㎡, sports ㎡, equipment (in the column's unit), multimedia. */
  n: [number, number, number, number, number, number, number];
}

export function planRows(schools: SchoolSpec[]): RawCell[][] {
  return schools.map((s) => [s.name, s.students, ...s.n]);
}

/** A small deterministic PRNG (mulberry32), so generated counties are the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const KINDS = [
  "qualified_teachers",
  "key_teachers",
  "pe_arts_teachers",
  "teaching_space",
  "sports_space",
  "equipment_value",
  "multimedia_rooms",
] as const;

/** standards.md §3.1, written out (not read from src/standards). */
export const THRESHOLDS = {
  primary: [4.2, 1, 0.9, 4.5, 7.5, 2000, 2.3],
  junior: [5.3, 1, 0.9, 5.8, 10.2, 2500, 2.4],
};
export const FLOORS = {
  primary: [3.57, 0.85, 0.765, 3.825, 6.375, 1700, 1.955],
  junior: [4.505, 0.85, 0.765, 4.93, 8.67, 2125, 2.04],
};
export const SCALES = [100, 100, 100, 1, 1, 1, 100];

/** §3.3 written out independently: ≥ 6 of 7 at the threshold, the rest at the floor, 1e-9 relative tolerance. */
export function passes(values: number[], stage: "primary" | "junior", tol = 1e-9): boolean {
  let met = 0;
  for (let k = 0; k < 7; k++) {
    const t = THRESHOLDS[stage][k];
    const f = FLOORS[stage][k];
    if (values[k] >= t - tol * t) met++;
    else if (values[k] < f - tol * f) return false;
  }
  return met >= 6;
}
