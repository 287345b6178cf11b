/**
 * The whole quality-2017 assessment as data (standards.md §17.2): the 40 items in report order (R1–R7, R-school,
 * R-cv, G1–G15, Q1–Q9, S1, V1–V6), each with its part, name, threshold and comparison, and the parts of the
 * compound items. The engine (src/engine/assessment) computes values; it takes every number it compares with from
 * here (or from the settings a province profile overrides, §17.5).
 */
import type { Comparison, Localized } from "./types";

export type AssessmentPart = "resource" | "government" | "quality" | "recognition" | "veto";

/** How an item is decided. */
export type ItemKind =
  /** R1–R7: the stage CVs of one resource indicator. */
  | "cv"
  /** A number of schools / classes / CVs that fail: meets when value ≤ 0. */
  | "count"
  /** A 是/否 judgement typed in 「县级指标」. */
  | "judgement"
  /** A veto: meets when the answer is 否. */
  | "veto"
  /** A computed number (rate %, 元) compared with a threshold. */
  | "number"
  /** Several parts, each compared with its own threshold. */
  | "compound";

export interface ItemPartDefinition {
  /** Suffix after the item id: "rotation" → "G11.rotation". */
  key: string;
  threshold: number;
  comparison: Comparison;
}

export interface AssessmentItemDefinition {
  id: string;
  part: AssessmentPart;
  kind: ItemKind;
  name: Localized;
  /** The number compared with (null for judgements, vetoes, compound items and thresholds from data, e.g. G8). */
  threshold: number | null;
  comparison: Comparison | null;
  parts?: ItemPartDefinition[];
  /** 「县级指标」 code of a 是/否 judgement or veto. */
  judgementCode?: string;
  /**
   * What a count item's value counts (kind "count" only): schools, school parts (a 九年一贯制 school is a 小学
   * part and an 初中 part, §17.2 R-school), classes or stage CVs that fail.
   */
  counts?: CountedThing;
}

/** The things a count item counts; its value is how many of them fail. */
export type CountedThing = "schools" | "parts" | "classes" | "cvs";

const L = (zh: string, en: string): Localized => ({ "zh-CN": zh, en });

/** 表Ⅳ/表Ⅴ: ratios 1 dp, every other number an integer (note of 表Ⅳ, §17.2). */
export const DECLARATION_DECIMALS = { ratio: 1, other: 0, gap: 2, level: 0 } as const;

/** Q9 subjects of the national monitoring, in 表Ⅴ order (§17.2). */
export const Q9_SUBJECTS: { key: string; name: Localized }[] = [
  { key: "chinese", name: L("语文", "Chinese") },
  { key: "math", name: L("数学", "Mathematics") },
  { key: "science", name: L("科学", "Science") },
  { key: "pe", name: L("体育", "PE") },
  { key: "arts", name: L("艺术", "Arts") },
  { key: "moral", name: L("德育", "Moral education") },
];

/** Q9: level ≥ Ⅲ (1–4) and 校际差异率 < 0.15 ("低于", strict). */
export const Q9_LEVEL_MIN = 3;
export const Q9_GAP_LIMIT = 0.15;

const RESOURCE_NAMES: [string, Localized][] = [
  [
    "R1",
    L("每百名学生拥有高于规定学历教师数", "Teachers above required qualification per 100 students"),
  ],
  ["R2", L("每百名学生拥有县级以上骨干教师数", "County-level key teachers per 100 students")],
  ["R3", L("每百名学生拥有体育、艺术专任教师数", "PE and arts teachers per 100 students")],
  ["R4", L("生均教学及辅助用房面积", "Teaching and auxiliary space per student")],
  ["R5", L("生均体育运动场馆面积", "Sports ground and hall area per student")],
  ["R6", L("生均教学仪器设备值", "Teaching equipment value per student")],
  ["R7", L("每百名学生拥有网络多媒体教室数", "Networked multimedia classrooms per 100 students")],
];

/** R1–R7 → the quality-2017 indicator ids (§3.1 order = 表Ⅱ-2 L7–L13 = 表Ⅲ L1–L7). */
export const RESOURCE_INDICATOR_IDS = [
  "qualified_teachers_per_100",
  "key_teachers_per_100",
  "pe_arts_teachers_per_100",
  "teaching_space_per_student",
  "sports_space_per_student",
  "equipment_value_per_student",
  "multimedia_rooms_per_100",
] as const;

const judgement = (
  id: string,
  part: AssessmentPart,
  name: Localized
): AssessmentItemDefinition => ({
  id,
  part,
  kind: "judgement",
  name,
  threshold: null,
  comparison: null,
  judgementCode: `${id}.met`,
});

const count = (
  id: string,
  part: AssessmentPart,
  name: Localized,
  counts: CountedThing = "schools"
): AssessmentItemDefinition => ({
  id,
  part,
  kind: "count",
  name,
  threshold: 0,
  comparison: "<=",
  counts,
});

const rate = (
  id: string,
  part: AssessmentPart,
  name: Localized,
  threshold: number
): AssessmentItemDefinition => ({
  id,
  part,
  kind: "number",
  name,
  threshold,
  comparison: ">=",
});

const veto = (id: string, code: string, name: Localized): AssessmentItemDefinition => ({
  id,
  part: "veto",
  kind: "veto",
  name,
  threshold: null,
  comparison: null,
  judgementCode: code,
});

export const ASSESSMENT_2017: AssessmentItemDefinition[] = [
  ...RESOURCE_NAMES.map(([id, name]): AssessmentItemDefinition => ({
    id,
    part: "resource",
    kind: "cv",
    name,
    threshold: null,
    comparison: "<=",
  })),
  count(
    "R-school",
    "resource",
    L("每所学校达到6项以上、余项不低于85%", "Every school meets ≥ 6 of 7, the rest ≥ 85%"),
    "parts"
  ),
  count(
    "R-cv",
    "resource",
    L("所有指标校际差异系数在限值以内", "Every CV within its limit"),
    "cvs"
  ),

  judgement(
    "G1",
    "government",
    L("规划布局合理，符合国家规定", "School planning meets national rules")
  ),
  judgement(
    "G2",
    "government",
    L(
      "城乡建设标准、教师编制标准、生均公用经费基准定额、基本装备配置标准统一",
      "Unified urban-rural standards (building, staffing, funding base, equipment)"
    )
  ),
  count(
    "G3",
    "government",
    L(
      "每12个班级配备音乐、美术专用教室1间以上，面积达标",
      "Music and art rooms: 1 per 12 classes, each of the minimum area"
    )
  ),
  count(
    "G4",
    "government",
    L(
      "学校规模不超过2000人（一贯制不超过2500人）",
      "School size ≤ 2000 (through-train schools ≤ 2500)"
    )
  ),
  count(
    "G5",
    "government",
    L("小学、初中所有班级学生数分别不超过45人、50人", "Every class ≤ 45 (primary) / ≤ 50 (junior)"),
    // §17.3 G5: classes over the limit (from band counts, or 1 per school whose largest class is over).
    "classes"
  ),
  count(
    "G6",
    "government",
    L(
      "不足100名学生的村小学和教学点按100名学生核定公用经费",
      "Schools under 100 students funded as 100"
    )
  ),
  {
    id: "G7",
    part: "government",
    kind: "number",
    name: L("特殊教育学校生均公用经费", "Special-education public funds per student"),
    // limits.specialFundsPerStudent (6000, setting 8000) replaces it at run time.
    threshold: 6000,
    comparison: ">=",
  },
  {
    id: "G8",
    part: "government",
    kind: "number",
    name: L(
      "教师平均工资收入不低于当地公务员平均工资收入",
      "Teachers' average pay ≥ local civil servants'"
    ),
    // The threshold is the civil servants' average, from 「县级指标」.
    threshold: null,
    comparison: ">=",
  },
  rate(
    "G9",
    "government",
    L("教师5年360学时培训完成率", "Teachers completing 360 training hours in 5 years"),
    100
  ),
  judgement(
    "G10",
    "government",
    L(
      "在编制总额和岗位总量内统筹分配各校编制和岗位",
      "Posts allocated across schools within the county totals"
    )
  ),
  {
    id: "G11",
    part: "government",
    kind: "compound",
    name: L(
      "交流轮岗教师比例及其中骨干教师比例",
      "Teacher rotation and the key teachers' share of it"
    ),
    threshold: null,
    comparison: null,
    parts: [
      { key: "rotation", threshold: 10, comparison: ">=" },
      { key: "key", threshold: 20, comparison: ">=" },
    ],
  },
  rate("G12", "government", L("专任教师持证上岗率", "Certified full-time teachers"), 100),
  {
    id: "G13",
    part: "government",
    kind: "compound",
    name: L(
      "城区和镇区公办小学、初中就近划片入学比例",
      "Nearby enrolment in urban and town public schools"
    ),
    threshold: null,
    comparison: null,
    // nearbyPairing "stage" (default): 小学 100, 初中 95; "area": 城区 100, 镇区 95 (§17.3, §17.5).
    parts: [
      { key: "primary", threshold: 100, comparison: ">=" },
      { key: "junior", threshold: 95, comparison: ">=" },
    ],
  },
  rate(
    "G14",
    "government",
    L(
      "优质高中招生名额分配比例",
      "Share of quality senior-high places allocated to junior schools"
    ),
    50
  ),
  rate(
    "G15",
    "government",
    L(
      "随迁子女在公办学校和政府购买服务的民办学校就读比例",
      "Migrant children in public or government-funded schools"
    ),
    85
  ),

  rate("Q1", "quality", L("初中三年巩固率", "Three-year junior retention rate"), 95),
  rate("Q2", "quality", L("残疾儿童少年入学率", "Enrolment of children with disabilities"), 95),
  judgement(
    "Q3",
    "quality",
    L("所有学校制定章程，实现管理与教学信息化", "School charters; digital management and teaching")
  ),
  count(
    "Q4",
    "quality",
    L(
      "教师培训经费不低于学校年度公用经费预算总额的5%",
      "Teacher training ≥ 5% of each school's public-funds budget"
    )
  ),
  judgement(
    "Q5",
    "quality",
    L(
      "教师能熟练运用信息化手段组织教学，设施设备利用率较高",
      "Teachers use ICT; facilities well used"
    )
  ),
  judgement(
    "Q6",
    "quality",
    L("德育工作、校园文化建设达到良好以上", "Moral education and school culture good or better")
  ),
  judgement(
    "Q7",
    "quality",
    L(
      "课程开齐开足，教学秩序规范，综合实践活动有效开展",
      "Full curriculum, orderly teaching, practical activities"
    )
  ),
  judgement("Q8", "quality", L("无过重课业负担", "No excessive homework burden")),
  {
    id: "Q9",
    part: "quality",
    kind: "compound",
    name: L(
      "国家义务教育质量监测：学业水平Ⅲ级以上，校际差异率低于0.15",
      "National monitoring: level Ⅲ or above, gap < 0.15"
    ),
    threshold: null,
    comparison: null,
  },

  {
    id: "S1",
    part: "recognition",
    kind: "compound",
    name: L("社会认可度", "Public satisfaction"),
    threshold: null,
    comparison: null,
    parts: [
      { key: "survey", threshold: 85, comparison: ">=" },
      { key: "visit", threshold: 85, comparison: ">=" },
    ],
  },

  veto("V1", "V1.exam_admission", L("存在以考试方式招生", "Admission by examination")),
  veto("V2", "V2.school_choice", L("存在违规择校行为", "Illegal school choice")),
  veto("V3", "V3.key_schools", L("存在重点学校或重点班", "Key schools or key classes")),
  veto(
    "V4",
    "V4.unfilled_posts",
    L("存在“有编不补”或长期聘用编外教师", "Posts left unfilled or long-term off-post teachers")
  ),
  veto(
    "V5",
    "V5.major_incident",
    L(
      "教育系统存在重大安全责任事故和严重违纪违规事件",
      "Major safety accidents or serious violations"
    )
  ),
  veto("V6", "V6.fraud", L("有弄虚作假行为", "Falsification")),
];

/** §17.4: G3 relaxed minimum areas, G4 relaxed sizes. */
export const RELAXED_LIMITS = {
  /** Schools planned and built in 2016 or earlier. */
  roomsBuiltBy2016: { music: 73, art: 67 },
  /** 农村小规模学校 whose largest class is under 30: 小学 54 (both kinds), 初中 61. */
  roomsRuralSmall: { primary: 54, junior: 61 },
  ruralSmallLargestClassBelow: 30,
  /** Built by 2010, or > 50% 随迁子女. */
  schoolSize: 2400,
  throughTrainSchoolSize: 3000,
  migrantShareAbove: 50,
  /** R3: 农村小规模学校 and 教学点 with 50 ≤ students < 100. */
  peArtsStudents: { from: 50, below: 100 },
} as const;
