/**
 * The input codes of the county data sheet 「县级指标」 (standards.md §17.6), as data: the reader validates against
 * this list and the template (`junheng template county`) is written from it, so the two never disagree.
 */
import type { Localized } from "./types";
import { Q9_SUBJECTS } from "./assessment-2017";

export const COUNTY_SHEET_NAME = "县级指标";

/** number: a count or amount ≥ 0; money: 元 (单位 万元 × 10000); rate: a percentage; judgement: 是/否; level: Ⅰ–Ⅳ; gap: a 差异率. */
export type CountyCodeKind = "number" | "money" | "rate" | "judgement" | "level" | "gap";

export interface CountyCodeDefinition {
  code: string;
  label: Localized;
  kind: CountyCodeKind;
  /** The unit written in the template (and assumed when 单位 is blank). */
  unit: string;
  /** Which table or item uses it (the template's 说明 column). */
  usedBy: string;
}

const L = (zh: string, en: string): Localized => ({ "zh-CN": zh, en });
const c = (
  code: string,
  kind: CountyCodeKind,
  unit: string,
  zh: string,
  en: string,
  usedBy: string
): CountyCodeDefinition => ({
  code,
  kind,
  unit,
  label: L(zh, en),
  usedBy,
});

export const COUNTY_CODES: CountyCodeDefinition[] = [
  c("T1.population", "number", "万人", "人口总数（常住人口）", "Population (resident)", "表Ⅰ L1"),
  c("T1.agri_population", "number", "万人", "农业人口数", "Agricultural population", "表Ⅰ L2"),
  c("T1.towns", "number", "个", "乡镇数", "Townships", "表Ⅰ L3"),
  c("T1.villages", "number", "个", "行政村数", "Administrative villages", "表Ⅰ L4"),
  c("T1.gdp_per_capita", "money", "元", "年人均国内生产总值", "GDP per capita", "表Ⅰ L5"),
  c(
    "T1.revenue_per_capita",
    "money",
    "元",
    "年人均地方财政收入",
    "Local revenue per capita",
    "表Ⅰ L6"
  ),
  c(
    "T1.farmer_income",
    "money",
    "元",
    "农民年人均纯收入",
    "Farmers' net income per capita",
    "表Ⅰ L7"
  ),
  c(
    "T1.urban_income",
    "money",
    "元",
    "城镇居民年人均可支配收入",
    "Urban disposable income per capita",
    "表Ⅰ L8"
  ),
  c("T1.special_schools", "number", "所", "特殊教育学校数", "Special-education schools", "表Ⅰ L14"),
  // Cross-checks with the school table (issue 12: 教学点 counts, 在校生数 totals): the county's statistics win in
  // 表Ⅰ, a difference from the rows is a warning (docs/decisions.md).
  c("T1.teaching_points", "number", "个", "小学教学点数", "Primary teaching points", "表Ⅰ L15"),
  c("T1.primary_students", "number", "人", "小学在校学生数", "Primary pupils", "表Ⅰ L19"),
  c("T1.junior_students", "number", "人", "初中在校学生数", "Junior pupils", "表Ⅰ L20"),
  c(
    "G1.met",
    "judgement",
    "是/否",
    "规划布局合理，符合国家规定",
    "Planning meets national rules",
    "G1"
  ),
  c(
    "G2.met",
    "judgement",
    "是/否",
    "四统一（建设、编制、公用经费基准定额、装备标准）",
    "Four unified standards",
    "G2"
  ),
  c(
    "G2.base_primary",
    "money",
    "元",
    "小学生均公用经费基准定额",
    "Primary funding base per student",
    "G6, G2"
  ),
  c(
    "G2.base_junior",
    "money",
    "元",
    "初中生均公用经费基准定额",
    "Junior funding base per student",
    "G6, G2"
  ),
  c(
    "G7.special_funds",
    "money",
    "元",
    "特殊教育学校公用经费",
    "Special-education public funds",
    "G7"
  ),
  c("G7.special_students", "number", "人", "特殊教育学生数", "Special-education students", "G7"),
  c(
    "G8.teacher_salary",
    "money",
    "元",
    "义务教育学校教师年平均工资收入",
    "Teachers' average annual pay",
    "G8"
  ),
  c(
    "G8.civil_salary",
    "money",
    "元",
    "当地公务员年平均工资收入",
    "Civil servants' average annual pay",
    "G8"
  ),
  c(
    "G8.performance_pay",
    "judgement",
    "是/否",
    "按规定足额核定教师绩效工资总量",
    "Performance pay fully approved",
    "G8"
  ),
  c(
    "G9.trained",
    "number",
    "人",
    "完成5年360学时培训的专任教师数",
    "Teachers with 360 training hours",
    "G9"
  ),
  c("G9.teachers", "number", "人", "全县专任教师数", "Full-time teachers (county)", "G9"),
  c(
    "G9.rate",
    "rate",
    "%",
    "教师培训完成率（直接填写）",
    "Training completion rate (entered)",
    "G9"
  ),
  c(
    "G10.met",
    "judgement",
    "是/否",
    "在编制总额和岗位总量内统筹分配各校编制和岗位",
    "Posts allocated within totals",
    "G10"
  ),
  c(
    "G11.eligible",
    "number",
    "人",
    "符合交流轮岗条件教师总数",
    "Teachers eligible for rotation",
    "G11"
  ),
  c("G11.rotated", "number", "人", "上一年度交流轮岗教师数", "Teachers rotated last year", "G11"),
  c("G11.key_rotated", "number", "人", "交流轮岗的骨干教师数", "Key teachers rotated", "G11"),
  c(
    "G11.rotation_rate",
    "rate",
    "%",
    "交流轮岗教师比例（直接填写）",
    "Rotation share (entered)",
    "G11"
  ),
  c(
    "G11.key_rate",
    "rate",
    "%",
    "骨干教师占交流轮岗教师比例（直接填写）",
    "Key teachers' share (entered)",
    "G11"
  ),
  c(
    "G12.certified",
    "number",
    "人",
    "持有教师资格证的在岗专任教师数",
    "Certified full-time teachers",
    "G12"
  ),
  c("G12.teachers", "number", "人", "在岗专任教师数", "Full-time teachers in post", "G12"),
  c("G12.rate", "rate", "%", "持证上岗率（直接填写）", "Certification rate (entered)", "G12"),
  c(
    "G13.primary_nearby",
    "number",
    "人",
    "城区和镇区公办小学（不含寄宿制）就近划片入学学生数",
    "Primary pupils enrolled nearby",
    "G13"
  ),
  c("G13.primary_students", "number", "人", "同上学校在校生数", "Pupils of those schools", "G13"),
  c(
    "G13.junior_nearby",
    "number",
    "人",
    "城区和镇区公办初中（不含寄宿制）就近划片入学学生数",
    "Junior pupils enrolled nearby",
    "G13"
  ),
  c("G13.junior_students", "number", "人", "同上学校在校生数", "Pupils of those schools", "G13"),
  c(
    "G13.primary_entrants_nearby",
    "number",
    "人",
    "同上小学一年级新生中就近划片入学人数",
    "Primary entrants enrolled nearby",
    "G13 (entrants)"
  ),
  c(
    "G13.primary_entrants",
    "number",
    "人",
    "同上小学一年级新生数",
    "Primary entrants",
    "G13 (entrants)"
  ),
  c(
    "G13.junior_entrants_nearby",
    "number",
    "人",
    "同上初中七年级新生中就近划片入学人数",
    "Junior entrants enrolled nearby",
    "G13 (entrants)"
  ),
  c(
    "G13.junior_entrants",
    "number",
    "人",
    "同上初中七年级新生数",
    "Junior entrants",
    "G13 (entrants)"
  ),
  c(
    "G13.urban_nearby",
    "number",
    "人",
    "城区公办小学初中就近划片入学学生数",
    "Urban pupils enrolled nearby",
    "G13 (area)"
  ),
  c("G13.urban_students", "number", "人", "城区公办小学初中在校生数", "Urban pupils", "G13 (area)"),
  c(
    "G13.town_nearby",
    "number",
    "人",
    "镇区公办小学初中就近划片入学学生数",
    "Town pupils enrolled nearby",
    "G13 (area)"
  ),
  c("G13.town_students", "number", "人", "镇区公办小学初中在校生数", "Town pupils", "G13 (area)"),
  c(
    "G13.primary_rate",
    "rate",
    "%",
    "小学就近划片入学比例（直接填写）",
    "Primary nearby share (entered)",
    "G13"
  ),
  c(
    "G13.junior_rate",
    "rate",
    "%",
    "初中就近划片入学比例（直接填写）",
    "Junior nearby share (entered)",
    "G13"
  ),
  c("G14.quota_total", "number", "人", "优质高中招生名额总数", "Quality senior-high places", "G14"),
  c(
    "G14.quota_allocated",
    "number",
    "人",
    "分配到初中学校的名额",
    "Places allocated to junior schools",
    "G14"
  ),
  c(
    "G14.quota_rural",
    "number",
    "人",
    "其中分配农村学校的名额",
    "Of which to rural schools",
    "表Ⅳ"
  ),
  c(
    "G14.rural_tilt",
    "judgement",
    "是/否",
    "名额分配向农村初中倾斜",
    "Allocation favours rural schools",
    "G14"
  ),
  c("G14.rate", "rate", "%", "名额分配比例（直接填写）", "Allocation share (entered)", "G14"),
  c("G15.eligible", "number", "人", "符合条件的随迁子女数", "Eligible migrant children", "G15"),
  c("G15.public", "number", "人", "在公办学校就读", "In public schools", "G15"),
  c(
    "G15.purchased",
    "number",
    "人",
    "在政府购买服务的民办学校就读",
    "In government-funded private schools",
    "G15"
  ),
  c(
    "G15.left_behind_care",
    "judgement",
    "是/否",
    "留守儿童关爱体系健全",
    "Care system for left-behind children",
    "G15"
  ),
  c("G15.rate", "rate", "%", "随迁子女就读比例（直接填写）", "Migrant share (entered)", "G15"),
  c("Q1.graduates", "number", "人", "初中毕业班学生数", "Junior graduates", "Q1"),
  c("Q1.entrants", "number", "人", "三年前该年级入学学生数", "Entrants three years ago", "Q1"),
  c("Q1.transfer_in", "number", "人", "毕业年级三年转入学生数", "Transferred in (3 years)", "Q1"),
  c("Q1.transfer_out", "number", "人", "毕业年级三年转出学生数", "Transferred out (3 years)", "Q1"),
  c("Q1.deaths", "number", "人", "毕业年级三年死亡学生数", "Deaths (3 years)", "Q1"),
  c("Q1.rate", "rate", "%", "初中三年巩固率（直接填写）", "Retention rate (entered)", "Q1"),
  c(
    "Q2.disabled_children",
    "number",
    "人",
    "全县适龄残疾儿童少年数",
    "Children with disabilities",
    "Q2"
  ),
  c("Q2.disabled_enrolled", "number", "人", "其中入学人数", "Of whom enrolled", "Q2"),
  c(
    "Q2.special_school_enrolled",
    "number",
    "人",
    "其中在特殊教育学校就读",
    "Of whom in special schools",
    "表Ⅴ"
  ),
  c("Q2.rate", "rate", "%", "残疾儿童少年入学率（直接填写）", "Enrolment rate (entered)", "Q2"),
  c(
    "Q3.met",
    "judgement",
    "是/否",
    "所有学校制定章程，实现管理与教学信息化",
    "Charters and digital management",
    "Q3"
  ),
  c("Q5.met", "judgement", "是/否", "教师熟练运用信息化手段，设施设备利用率较高", "ICT use", "Q5"),
  c(
    "Q6.met",
    "judgement",
    "是/否",
    "德育工作、校园文化建设达到良好以上",
    "Moral education and culture",
    "Q6"
  ),
  c(
    "Q7.met",
    "judgement",
    "是/否",
    "课程开齐开足，教学秩序规范，综合实践活动有效开展",
    "Curriculum",
    "Q7"
  ),
  c("Q8.met", "judgement", "是/否", "无过重课业负担", "No excessive burden", "Q8"),
  ...Q9_SUBJECTS.flatMap((s) => [
    c(
      `Q9.${s.key}.level`,
      "level",
      "级",
      `${s.name["zh-CN"]}学业水平（Ⅰ–Ⅳ级）`,
      `${s.name.en} level (Ⅰ–Ⅳ)`,
      "Q9"
    ),
    c(
      `Q9.${s.key}.gap`,
      "gap",
      "",
      `${s.name["zh-CN"]}校际差异率`,
      `${s.name.en} between-school gap`,
      "Q9"
    ),
  ]),
  c("S1.surveys", "number", "份", "问卷总数", "Questionnaires", "表Ⅵ L1"),
  c("S1.valid", "number", "份", "回收有效问卷数", "Valid questionnaires", "表Ⅵ L2"),
  c("S1.satisfied", "number", "份", "满意问卷数", "Satisfied questionnaires", "表Ⅵ L3"),
  c("S1.visits", "number", "人", "实地走访人数", "People visited", "表Ⅵ L5"),
  c("S1.visit_satisfied", "number", "人", "实地走访满意人数", "Satisfied people visited", "表Ⅵ L6"),
  c("S1.parent_surveys", "number", "份", "其中家长：问卷总数", "Parents: questionnaires", "表Ⅵ"),
  c("S1.parent_valid", "number", "份", "其中家长：有效问卷数", "Parents: valid", "表Ⅵ"),
  c("S1.parent_satisfied", "number", "份", "其中家长：满意问卷数", "Parents: satisfied", "表Ⅵ"),
  c("S1.parent_visits", "number", "人", "其中家长：走访人数", "Parents: visited", "表Ⅵ"),
  c(
    "S1.parent_visit_satisfied",
    "number",
    "人",
    "其中家长：走访满意人数",
    "Parents: satisfied visited",
    "表Ⅵ"
  ),
  c("S1.rate", "rate", "%", "社会认可度（直接填写）", "Satisfaction (entered)", "S1"),
  c(
    "V1.exam_admission",
    "judgement",
    "是/否",
    "存在以考试方式招生",
    "Admission by examination",
    "V1 一票否决"
  ),
  c(
    "V2.school_choice",
    "judgement",
    "是/否",
    "存在违规择校行为",
    "Illegal school choice",
    "V2 一票否决"
  ),
  c(
    "V3.key_schools",
    "judgement",
    "是/否",
    "存在重点学校或重点班",
    "Key schools or classes",
    "V3 一票否决"
  ),
  c(
    "V4.unfilled_posts",
    "judgement",
    "是/否",
    "存在“有编不补”或长期聘用编外教师",
    "Unfilled posts",
    "V4 一票否决"
  ),
  c(
    "V5.major_incident",
    "judgement",
    "是/否",
    "存在重大安全责任事故和严重违纪违规事件",
    "Major incidents",
    "V5 一票否决"
  ),
  c("V6.fraud", "judgement", "是/否", "有弄虚作假行为", "Falsification", "V6 一票否决"),
];

export const COUNTY_CODE_BY_KEY = new Map<string, CountyCodeDefinition>(
  COUNTY_CODES.map((d) => [d.code.toLowerCase(), d])
);
