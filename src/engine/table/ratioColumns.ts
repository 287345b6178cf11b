/**
 * Headers that hold a precomputed ratio (生均… / 每百名学生… / 师生比), standards.md §11.1: used as the
 * school's value only when the raw quantity is absent; otherwise recomputed and compared.
 */
export const RATIO_COLUMNS: { prefix: RegExp; keyword: RegExp; indicator: string }[] = [
  { prefix: /^每百名/, keyword: /学历/, indicator: "qualified_teachers_per_100" },
  { prefix: /^每百名/, keyword: /骨干/, indicator: "key_teachers_per_100" },
  { prefix: /^每百名/, keyword: /体育|艺术|音乐|美术/, indicator: "pe_arts_teachers_per_100" },
  { prefix: /^每百名/, keyword: /多媒体/, indicator: "multimedia_rooms_per_100" },
  { prefix: /^每百名/, keyword: /计算机/, indicator: "computers_per_100" },
  { prefix: /^生均/, keyword: /教学及辅助用房|教辅用房/, indicator: "teaching_space_per_student" },
  { prefix: /^生均/, keyword: /体育运动场|场馆|运动场/, indicator: "sports_space_per_student" },
  { prefix: /^生均/, keyword: /仪器|设备/, indicator: "equipment_value_per_student" },
  { prefix: /^生均/, keyword: /图书/, indicator: "books_per_student" },
  { prefix: /^生均/, keyword: /学历/, indicator: "qualified_teachers_per_student" },
  {
    prefix: /^生均/,
    keyword: /中级|职称|专业技术职务/,
    indicator: "senior_title_teachers_per_student",
  },
  { prefix: /^师生比/, keyword: /.*/, indicator: "teachers_per_student" },
];
