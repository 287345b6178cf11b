/**
 * The field catalogue: canonical school fields and their header synonyms (standards.md §11.2).
 * Data, not code: a newcomer adds a synonym here and nowhere else.
 */
import type { Dimension } from "../cells/units";

export type FieldKey =
  | "name"
  | "code"
  | "county"
  | "type"
  | "ownership"
  | "counted"
  | "students"
  | "classes"
  | "max_class_size"
  | "avg_class_size"
  | "teachers"
  | "staff"
  | "qualified_teachers"
  | "bachelor_plus_teachers"
  | "key_teachers"
  | "pe_arts_teachers"
  | "senior_title_teachers"
  | "teaching_space"
  | "indoor_sports_space"
  | "sports_space"
  | "sports_ground"
  | "equipment_value"
  | "multimedia_rooms"
  | "computers"
  | "books"
  | "music_rooms"
  | "art_rooms"
  | "music_room_area"
  | "art_room_area"
  | RoomSizeKey
  | "founded"
  // standards.md §17.7: school-level inputs of the whole assessment.
  | "public_funds"
  | "public_budget"
  | "public_final"
  | "training_funds"
  | "certified_teachers"
  | "trained_teachers"
  | "grades"
  | "built_by_2010"
  | "built_by_2016"
  | "migrant_students"
  | "rural_small"
  | "city_center"
  | "pe_arts_exchange_teachers"
  | "leased_sports_space"
  | "converted_sports_space"
  | "graduates"
  | "cohort_start"
  | "transfer_in"
  | "transfer_out"
  | "deaths"
  | ClassBandKey;

/** 班额 band counts (§17.7): five-wide bands of the statistics form, and the coarse bands of the 2019 wording. */
export const CLASS_BANDS = [
  {
    key: "class_band_le25",
    low: 0,
    high: 25,
    words: ["25人及以下", "25人以下", "≤25", "≤25人", "25及以下"],
  },
  { key: "class_band_26_30", low: 26, high: 30 },
  { key: "class_band_31_35", low: 31, high: 35 },
  { key: "class_band_36_40", low: 36, high: 40 },
  { key: "class_band_41_45", low: 41, high: 45 },
  { key: "class_band_46_50", low: 46, high: 50 },
  { key: "class_band_51_55", low: 51, high: 55 },
  { key: "class_band_56_60", low: 56, high: 60 },
  { key: "class_band_61_65", low: 61, high: 65 },
  {
    key: "class_band_ge66",
    low: 66,
    high: Infinity,
    words: ["66人及以上", "66人以上", "≥66", "≥66人", "66及以上"],
  },
  { key: "class_band_36_45", low: 36, high: 45 },
  { key: "class_band_46_55", low: 46, high: 55 },
  { key: "class_band_56_65", low: 56, high: 65 },
] as const;
export type ClassBandKey = (typeof CLASS_BANDS)[number]["key"];

const BAND_DASHES = ["-", "–", "—", "~", "至", "－", "～"];
function bandSynonyms(b: { low: number; high: number; words?: readonly string[] }): string[] {
  if (b.words) return [...b.words];
  return BAND_DASHES.flatMap((d) => [`${b.low}${d}${b.high}人`, `${b.low}${d}${b.high}`]);
}

/**
 * Music and art rooms counted by the area of each room (standards.md §17.3 G3, the 沈阳 school form): 单间面积≥96㎡的
 * 音乐教室间数, 73㎡≤单间面积＜96㎡的…, 61㎡≤单间面积＜73㎡的…; 美术 with 90 / 67 / 61. The bands line up with the
 * normal minimum (96 / 90), the built-by-2016 one (73 / 67) and the rural 初中 one (61).
 */
export const ROOM_SIZE_BANDS = [
  { key: "music_rooms_96", room: "music", low: 96, high: Infinity },
  { key: "music_rooms_73_96", room: "music", low: 73, high: 96 },
  { key: "music_rooms_61_73", room: "music", low: 61, high: 73 },
  { key: "art_rooms_90", room: "art", low: 90, high: Infinity },
  { key: "art_rooms_67_90", room: "art", low: 67, high: 90 },
  { key: "art_rooms_61_67", room: "art", low: 61, high: 67 },
] as const;
export type RoomSizeKey = (typeof ROOM_SIZE_BANDS)[number]["key"];

function roomSizeSynonyms(b: { room: string; low: number; high: number }): string[] {
  const kind = b.room === "music" ? "音乐" : "美术";
  const rooms = [`${kind}教室间数`, `${kind}专用教室间数`, `${kind}教室数`];
  const ranges =
    b.high === Infinity
      ? [`单间面积≥${b.low}㎡的`, `单间面积≥${b.low}平方米的`, `单间面积${b.low}㎡及以上的`]
      : [
          `${b.low}㎡≤单间面积<${b.high}㎡的`,
          `${b.low}平方米≤单间面积<${b.high}平方米的`,
          `单间面积${b.low}-${b.high}㎡的`,
        ];
  return ranges.flatMap((r) => rooms.map((x) => r + x));
}

/** R5 relaxation areas (§17.4, §17.7) are never the school's own 体育运动场馆. */
const RELAXED_SPACE_WORDS = ["租赁", "租借", "改造", "楼顶", "其他体育场"];

export interface FieldSpec {
  key: FieldKey;
  name: { "zh-CN": string; en: string };
  synonyms: string[];
  /** Teacher fields need 教师 somewhere in the header path ("体育" also hits 体育运动场馆面积). */
  needsTeacherWord?: boolean;
  /** Area fields need 面积 or an area unit (standards.md §11.1). */
  needsAreaWord?: boolean;
  /** The header path must contain this word (班额 band counts: 「班额分布(个)」 › 「46-50人」). */
  needsPathWord?: string;
  /** The leaf must not contain any of these (平均班额 is not a maximum). */
  excludes?: string[];
  dimension?: Dimension;
}

export const FIELDS: FieldSpec[] = [
  {
    key: "name",
    name: { "zh-CN": "学校名称", en: "School name" },
    synonyms: ["学校名称", "学校全称", "校名", "单位名称", "学校(单位)名称", "学校"],
  },
  {
    key: "code",
    name: { "zh-CN": "学校标识码", en: "School code" },
    synonyms: ["学校代码", "学校标识码", "标识码"],
  },
  {
    key: "county",
    name: { "zh-CN": "区县", en: "County" },
    synonyms: ["区县", "区县名称", "县(市、区)", "所属区县", "统计三级"],
  },
  {
    key: "type",
    name: { "zh-CN": "学校类型", en: "School type" },
    synonyms: ["学校类型", "学校类别", "类别", "学段", "学部", "办学类型", "类型"],
  },
  {
    key: "ownership",
    name: { "zh-CN": "举办者类型", en: "Ownership" },
    synonyms: ["举办者类型", "学校性质", "办别", "举办者"],
  },
  {
    key: "counted",
    name: { "zh-CN": "是否计校数", en: "Counted as a school" },
    synonyms: ["是否计校数"],
  },
  {
    key: "students",
    name: { "zh-CN": "在校生数", en: "Students" },
    synonyms: [
      "在校生数",
      "在校学生数",
      "在校学生总数",
      "在校学生",
      "学生人数",
      "学生数",
      "在校生",
    ],
    // Sub-populations are parts of 在校生数, never the total: 少数民族学生数, 女学生数, 流失学生数 …
    excludes: [
      "每百名",
      "生均",
      "随迁",
      "残疾",
      "留守",
      "寄宿",
      "住宿",
      "少数民族",
      "女",
      "流失",
      "辍学",
      "转入",
      "转出",
      "借读",
      "外籍",
      "毕业",
    ],
    dimension: "count",
  },
  {
    key: "classes",
    name: { "zh-CN": "班级数", en: "Classes" },
    synonyms: ["班级数", "教学班数", "班数", "教学班"],
    excludes: ["大班额", "平均"],
    dimension: "count",
  },
  {
    key: "max_class_size",
    name: { "zh-CN": "最大班额", en: "Largest class" },
    synonyms: ["最大班额", "最大班额学生数", "班额"],
    excludes: ["平均", "大班额数", "超大班额"],
    dimension: "count",
  },
  {
    key: "avg_class_size",
    name: { "zh-CN": "平均班额", en: "Average class size" },
    synonyms: ["平均班额"],
    dimension: "count",
  },
  {
    key: "teachers",
    name: { "zh-CN": "专任教师数", en: "Full-time teachers" },
    synonyms: ["专任教师数", "专任教师总人数", "专任教师总数", "专任教师", "专任教师人数"],
    excludes: ["女", "少数民族"],
    needsTeacherWord: true,
    dimension: "count",
  },
  {
    key: "staff",
    name: { "zh-CN": "教职工数", en: "Staff" },
    synonyms: ["教职工数", "教职工", "教职工总数"],
    dimension: "count",
  },
  {
    key: "qualified_teachers",
    name: { "zh-CN": "高于规定学历教师数", en: "Teachers above required qualification" },
    synonyms: [
      "高于规定学历教师数",
      "高于规定学历专任教师数",
      "高于规定学历教师",
      "高学历教师数",
      "高于规定学历",
    ],
    // A bare "高于规定学历" under a 专任教师 group header is a teacher count.
    needsTeacherWord: true,
    excludes: ["每百名", "生均"],
    dimension: "count",
  },
  {
    key: "bachelor_plus_teachers",
    name: { "zh-CN": "本科及以上学历教师数", en: "Teachers with a bachelor's degree or higher" },
    synonyms: [
      "本科及以上学历教师数",
      "本科及以上学历专任教师数",
      "本科及以上学历教师",
      "本科以上学历教师数",
    ],
    dimension: "count",
  },
  {
    key: "key_teachers",
    name: { "zh-CN": "县级以上骨干教师数", en: "County-level or higher key teachers" },
    synonyms: [
      "县级以上骨干教师数",
      "县级及以上骨干教师数",
      "县级及以上骨干教师人数",
      "区级及以上骨干教师数",
      "骨干教师数",
      "县级以上骨干教师",
      "县级及以上骨干教师",
      "骨干教师",
      "县级及以上骨干",
      "县级以上骨干",
    ],
    needsTeacherWord: true,
    excludes: ["每百名", "生均"],
    dimension: "count",
  },
  {
    key: "pe_arts_teachers",
    name: { "zh-CN": "体育、艺术专任教师数", en: "PE and arts teachers" },
    synonyms: [
      "体育、艺术(美术、音乐)专任教师数",
      "体育艺术专任教师数",
      "体育、艺术专任教师数",
      "音体美教师",
      "音体美专任教师数",
      "体艺教师数",
      // Contained in 「小学体育艺术教师」「体育、艺术教师(人)」「体艺专任教师」 as bureau sheets write them.
      "体育艺术教师",
      "体育、艺术教师",
      "体艺教师",
      "体艺专任教师",
      // Without 数, and the 体/音/美 spellings: each holds 「专任教师」 (the teachers field, 4 characters), so the
      // longer name must be a synonym here or the PE/arts count is read as the school's 专任教师 total.
      "体育、艺术(美术、音乐)专任教师",
      "体育艺术专任教师",
      "体育、艺术专任教师",
      "体音美专任教师",
      "音体美专任教师",
      "体育、音乐、美术专任教师",
      "体育音乐美术专任教师",
    ],
    needsTeacherWord: false,
    // 交流轮岗/兼职/走教 体艺教师 are the R3 relaxation's column, never the school's own teachers (§17.4).
    excludes: ["每百名", "生均", "交流", "兼职", "走教"],
    dimension: "count",
  },
  {
    key: "senior_title_teachers",
    name: {
      "zh-CN": "中级及以上专业技术职务教师数",
      en: "Teachers with intermediate or higher titles",
    },
    synonyms: [
      "中级及以上专业技术职务教师数",
      "中级及以上职称教师数",
      "中级及以上专业技术职务专任教师数",
    ],
    excludes: ["生均"],
    dimension: "count",
  },
  {
    key: "teaching_space",
    name: { "zh-CN": "教学及辅助用房面积", en: "Teaching and auxiliary space" },
    synonyms: [
      "教学及辅助用房面积",
      "教学及辅助用房总面积",
      "教辅用房面积",
      "教学及辅助用房",
      "教学辅助用房面积",
      "教学辅助用房",
    ],
    excludes: ["生均"],
    dimension: "area",
  },
  {
    key: "indoor_sports_space",
    name: { "zh-CN": "室内体育用房面积", en: "Indoor sports space" },
    synonyms: ["室内体育用房面积", "体育馆面积", "风雨操场", "风雨操场面积", "室内体育用房"],
    excludes: RELAXED_SPACE_WORDS,
    needsAreaWord: true,
    dimension: "area",
  },
  {
    key: "sports_space",
    name: { "zh-CN": "体育运动场馆面积", en: "Sports ground and hall area" },
    // Without 面积 only with an area unit (needsAreaWord): 「体育运动场馆（㎡）」 as 「教学及辅助用房（㎡）」 is read.
    synonyms: [
      "体育运动场馆面积",
      "体育运动场(馆)面积",
      "体育场馆面积",
      "运动场馆面积",
      "体育运动场馆",
      "体育运动场(馆)",
    ],
    excludes: ["生均", ...RELAXED_SPACE_WORDS],
    needsAreaWord: true,
    dimension: "area",
  },
  {
    key: "sports_ground",
    name: { "zh-CN": "运动场地面积", en: "Outdoor sports ground area" },
    synonyms: ["运动场地面积", "体育运动场地面积", "体育活动场地面积", "运动场面积", "田径场面积"],
    excludes: ["生均", ...RELAXED_SPACE_WORDS],
    needsAreaWord: true,
    dimension: "area",
  },
  {
    key: "equipment_value",
    name: { "zh-CN": "教学仪器设备值", en: "Teaching equipment value" },
    synonyms: [
      "教学仪器设备值",
      "教学仪器设备资产值(账面原值)",
      "教学仪器设备资产值",
      "教学设备总值",
      "仪器设备值",
      "教学仪器设备总值",
      "仪器设备总值",
      "设备总值",
    ],
    excludes: ["生均"],
    dimension: "money",
  },
  {
    key: "multimedia_rooms",
    name: { "zh-CN": "网络多媒体教室数", en: "Networked multimedia classrooms" },
    synonyms: [
      "网络多媒体教室数",
      "网络多媒体教室间数",
      "网络多媒体教室",
      "多媒体教室数",
      "多媒体教室",
    ],
    excludes: ["每百名", "生均"],
    dimension: "count",
  },
  {
    key: "computers",
    name: { "zh-CN": "计算机台数", en: "Computers" },
    synonyms: ["计算机台数", "教学用计算机台数", "计算机数", "教学用计算机"],
    excludes: ["每百名"],
    dimension: "count",
  },
  {
    key: "books",
    name: { "zh-CN": "图书册数", en: "Library books" },
    synonyms: ["图书册数", "图书总册数", "图书藏量", "图书"],
    excludes: ["生均"],
    dimension: "count",
  },
  {
    key: "music_rooms",
    name: { "zh-CN": "音乐教室间数", en: "Music rooms" },
    synonyms: ["音乐教室间数", "音乐教室数", "音乐教室"],
    dimension: "count",
  },
  {
    key: "art_rooms",
    name: { "zh-CN": "美术教室间数", en: "Art rooms" },
    synonyms: ["美术教室间数", "美术教室数", "美术教室"],
    dimension: "count",
  },
  {
    key: "music_room_area",
    name: { "zh-CN": "音乐教室面积", en: "Music room area" },
    synonyms: ["音乐教室面积"],
    needsAreaWord: true,
    dimension: "area",
  },
  {
    key: "art_room_area",
    name: { "zh-CN": "美术教室面积", en: "Art room area" },
    synonyms: ["美术教室面积"],
    needsAreaWord: true,
    dimension: "area",
  },
  ...ROOM_SIZE_BANDS.map((b): FieldSpec => ({
    key: b.key,
    name: {
      "zh-CN": `${b.high === Infinity ? `单间面积≥${b.low}㎡` : `${b.low}㎡≤单间面积<${b.high}㎡`}的${b.room === "music" ? "音乐" : "美术"}教室间数`,
      en: `${b.room === "music" ? "Music" : "Art"} rooms of ${b.high === Infinity ? `≥ ${b.low}` : `${b.low}–${b.high}`} m² each`,
    },
    synonyms: roomSizeSynonyms(b),
    dimension: "count",
  })),
  {
    key: "founded",
    name: { "zh-CN": "建校年份", en: "Year founded" },
    synonyms: ["建校年份", "建校时间"],
  },
  {
    key: "public_funds",
    name: { "zh-CN": "公用经费", en: "Public funds" },
    synonyms: ["公用经费", "上年度公用经费", "核定公用经费", "拨付公用经费", "定额公用经费"],
    excludes: ["预算", "决算", "生均"],
    dimension: "money",
  },
  {
    key: "public_budget",
    name: { "zh-CN": "公用经费预算", en: "Public-funds budget" },
    synonyms: ["公用经费预算", "公用经费预算总额", "年度公用经费预算", "上一年度公用经费预算总额"],
    dimension: "money",
  },
  {
    key: "public_final",
    name: { "zh-CN": "公用经费决算", en: "Public-funds final accounts" },
    synonyms: ["公用经费决算", "公用经费决算总额", "上一年度公用经费决算总额"],
    dimension: "money",
  },
  {
    key: "training_funds",
    name: { "zh-CN": "教师培训经费", en: "Teacher training funds" },
    synonyms: ["教师培训经费", "培训经费", "教师培训经费预算", "上一年度教师培训经费预算总额"],
    dimension: "money",
  },
  {
    key: "certified_teachers",
    name: { "zh-CN": "持证专任教师数", en: "Certified full-time teachers" },
    synonyms: [
      "持证专任教师数",
      "持有教师资格证的专任教师数",
      "持有教师资格证的专任教师人数",
      "具有教师资格证的专任教师数",
      "持证上岗教师数",
    ],
    needsTeacherWord: true,
    dimension: "count",
  },
  {
    key: "trained_teachers",
    name: { "zh-CN": "完成360学时培训教师数", en: "Teachers with 360 training hours" },
    synonyms: [
      "完成360学时培训教师数",
      "完成5年360学时培训教师数",
      "近5年培训满360学时专任教师人数",
      "培训满360学时教师数",
    ],
    needsTeacherWord: true,
    dimension: "count",
  },
  {
    key: "grades",
    name: { "zh-CN": "年级数", en: "Grades" },
    synonyms: ["年级数"],
    dimension: "count",
  },
  // §17.4 relaxations (是/否 flags are read as text, never as quantities).
  {
    key: "built_by_2010",
    name: { "zh-CN": "是否2010年及之前规划并建成", en: "Planned and built by 2010" },
    synonyms: ["是否2010年及之前规划并建成", "2010年及之前规划并建成"],
  },
  {
    key: "built_by_2016",
    name: { "zh-CN": "是否2016年及之前规划并建成", en: "Planned and built by 2016" },
    synonyms: ["是否2016年及之前规划并建成", "2016年及之前规划并建成"],
  },
  {
    key: "migrant_students",
    name: { "zh-CN": "随迁子女数", en: "Migrant children" },
    synonyms: [
      "随迁子女数",
      "进城务工人员随迁子女数",
      "进城务工人员随迁子女在校生数",
      "随迁子女在校生数",
    ],
    dimension: "count",
  },
  {
    key: "rural_small",
    name: { "zh-CN": "是否农村小规模学校", en: "Rural small school" },
    synonyms: ["是否农村小规模学校", "是否乡村小规模学校", "农村小规模学校"],
  },
  {
    key: "city_center",
    name: { "zh-CN": "是否中心城区学校", en: "Dense city-centre school" },
    synonyms: ["是否中心城区学校", "是否人口密度过高的大城市中心城区学校", "中心城区学校"],
  },
  // §17.4 R3 and R5: what a relaxed numerator adds (read only with policy.relaxations).
  {
    key: "pe_arts_exchange_teachers",
    name: { "zh-CN": "交流轮岗、兼职、走教体育艺术教师数", en: "Visiting PE and arts teachers" },
    synonyms: [
      "交流轮岗兼职走教体育艺术教师数",
      "交流轮岗/兼职/走教体育艺术教师数",
      "交流轮岗、兼职、走教体育艺术教师数",
      "走教体育艺术教师数",
      "走教体艺教师数",
    ],
    dimension: "count",
  },
  {
    key: "leased_sports_space",
    name: { "zh-CN": "校外租赁体育场馆面积", en: "Leased off-campus sports venues" },
    synonyms: ["校外租赁体育场馆面积", "校外租赁场馆面积", "租借校外体育场馆面积"],
    dimension: "area",
  },
  {
    key: "converted_sports_space",
    name: { "zh-CN": "校内改造专用运动场地面积", en: "Converted on-campus sports areas" },
    synonyms: ["校内改造专用运动场地面积", "校内其他体育场面积", "楼顶地下专用运动场地面积"],
    dimension: "area",
  },
  // §17.7 Q1 (初中三年巩固率) when the Q1.* codes of 「县级指标」 are absent: 初中 rows summed.
  {
    key: "graduates",
    name: { "zh-CN": "毕业生数", en: "Graduates" },
    synonyms: ["毕业生数", "本届毕业学生人数", "本届毕业生数", "毕业班学生数", "初中毕业生数"],
    excludes: ["初一", "转入", "转出", "死亡", "升学"],
    dimension: "count",
  },
  {
    key: "cohort_start",
    name: { "zh-CN": "毕业年级初一时在校学生数", en: "Graduating cohort in grade 7" },
    synonyms: ["毕业年级初一时在校学生数", "三年前该年级入学学生数", "毕业年级初一入学学生数"],
    dimension: "count",
  },
  {
    key: "transfer_in",
    name: { "zh-CN": "毕业年级三年转入学生数", en: "Transfers in over three years" },
    synonyms: ["毕业年级三年转入学生数", "三年转入学生数"],
    dimension: "count",
  },
  {
    key: "transfer_out",
    name: { "zh-CN": "毕业年级三年转出学生数", en: "Transfers out over three years" },
    synonyms: ["毕业年级三年转出学生数", "三年转出学生数"],
    dimension: "count",
  },
  {
    key: "deaths",
    name: { "zh-CN": "毕业年级三年死亡学生数", en: "Deaths over three years" },
    synonyms: ["毕业年级三年死亡学生数", "三年死亡学生数"],
    dimension: "count",
  },
  ...CLASS_BANDS.map((b): FieldSpec => ({
    key: b.key,
    name: {
      "zh-CN": `班额${b.low === 0 ? "25人及以下" : b.high === Infinity ? "66人及以上" : `${b.low}-${b.high}人`}班级数`,
      en: `Classes of ${b.low === 0 ? "≤ 25" : b.high === Infinity ? "≥ 66" : `${b.low}–${b.high}`}`,
    },
    synonyms: bandSynonyms(b),
    needsPathWord: "班额",
    dimension: "count",
  })),
];

export const FIELD_BY_KEY = new Map<FieldKey, FieldSpec>(FIELDS.map((f) => [f.key, f]));

/** Parts of composite fields in a statistics export: 专任教师 › #按学历分 › 本科 etc. */
export type QualificationLevel = "doctor" | "master" | "bachelor" | "associate" | "below";
export const QUALIFICATION_LEVELS: [string[], QualificationLevel][] = [
  [["博士研究生", "博士"], "doctor"],
  [["硕士研究生", "研究生", "硕士"], "master"],
  [["本科"], "bachelor"],
  [["专科", "大专"], "associate"],
  [
    [
      "高中阶段",
      "中师",
      "中专",
      "高中及以下",
      "高中以下",
      "中师中专",
      "高中阶段以下",
      "高中阶段及以下",
      "初中及以下",
    ],
    "below",
  ],
];

export type PeArtsPart = "pe" | "music" | "fine_art" | "arts";
export const PE_ARTS_PARTS: [string[], PeArtsPart][] = [
  [["体育与健康", "体育", "体育专任教师数", "体育专任教师", "体育教师", "体育教师数"], "pe"],
  [["音乐", "音乐专任教师数", "音乐专任教师", "音乐教师", "音乐教师数"], "music"],
  [["美术", "美术专任教师数", "美术专任教师", "美术教师", "美术教师数"], "fine_art"],
  [["艺术", "艺术专任教师数", "艺术专任教师", "艺术教师", "艺术教师数"], "arts"],
];

export type TitlePart = "intermediate" | "senior" | "full_senior";
export const TITLE_PARTS: [string[], TitlePart][] = [
  [["正高级", "正高级教师", "正高级职称"], "full_senior"],
  [["高级", "高级教师", "副高级", "高级职称"], "senior"],
  [["中级", "一级教师", "中级职称", "小学高级", "中学一级"], "intermediate"],
];
