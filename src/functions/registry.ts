/**
 * The one source of truth for the JH.* custom functions: ids, parameters, result types, the implementation and the
 * texts in both languages. metadata.ts generates functions.json (en-US) and functions.zh-CN.json from it,
 * register.ts associates every implementation, docs/functions.md documents the same list.
 *
 * Ids and names are ASCII and never change once released (Excel stores the id in workbooks and caches metadata
 * for up to a day); only descriptions are translated (stack-notes trap 5). The namespace JH comes from the manifest.
 * Ranges and anything that may hold text numbers, "—" or error cells are of type "any" so that Excel passes them
 * as they are and the engine's cell rules apply (metadata sets allowErrorForDataTypeAny).
 */
import * as impl from "./impl";
import type { Localized } from "./lang";

export type ParamType = "number" | "string" | "boolean" | "any";
export type Dimensionality = "scalar" | "matrix";

export interface ParamDefinition {
  name: string;
  type: ParamType;
  dimensionality: Dimensionality;
  optional: boolean;
  description: Localized;
}

export interface FunctionDefinition {
  id: string;
  name: string;
  description: Localized;
  params: ParamDefinition[];
  result: { type: ParamType; dimensionality: Dimensionality };
  impl: (...args: never[]) => unknown;
}

const L = (zh: string, en: string): Localized => ({ "zh-CN": zh, en });

const scalar = (
  name: string,
  zh: string,
  en: string,
  type: ParamType = "any",
  optional = false
): ParamDefinition => ({ name, type, dimensionality: "scalar", optional, description: L(zh, en) });

const range = (name: string, zh: string, en: string, optional = false): ParamDefinition => ({
  name,
  type: "any",
  dimensionality: "matrix",
  optional,
  description: L(zh, en),
});

const INDICATOR = scalar(
  "indicator",
  "指标：L1–L7、指标名称（如「骨干教师」「生均教学及辅助用房面积」）或 id；basic-2012 用 1–8",
  "Indicator: L1–L7, its Chinese or English name or id; 1–8 (表2 order) with basic-2012"
);
const STAGE = scalar(
  "stage",
  "学段：小学 或 初中（primary / junior）",
  "Stage: 小学 or 初中 (primary / junior)"
);
const STANDARD = scalar(
  "standard",
  "标准：quality-2017（优质均衡，默认）或 basic-2012（基本均衡）",
  "Standard: quality-2017 (default) or basic-2012",
  "any",
  true
);

/** The two columns of the county functions (MEAN, CV, CVCHECK). */
const VALUES = range("values", "各校指标值（一列）", "Each school's indicator value (one column)");
const STUDENTS = range(
  "students",
  "各校在校生数（与指标值逐行对应）",
  "Each school's students (row by row with the values)"
);

export const FUNCTIONS: FunctionDefinition[] = [
  {
    id: "PERHUNDRED",
    name: "PERHUNDRED",
    description: L(
      "每百名学生拥有数：数量 × 100 ÷ 在校生数（先乘后除，避免 0.8999… 的浮点误差）",
      "Per 100 students: count × 100 ÷ students (multiplied first, so 9 × 100 ÷ 1000 is exactly 0.9)"
    ),
    params: [
      scalar(
        "count",
        "数量，如骨干教师数、网络多媒体教室数",
        "The count: key teachers, multimedia rooms, …"
      ),
      scalar("students", "在校生数", "Students enrolled"),
    ],
    result: { type: "number", dimensionality: "scalar" },
    impl: impl.per100,
  },
  {
    id: "PERSTUDENT",
    name: "PERSTUDENT",
    description: L(
      "生均值：数额 ÷ 在校生数；单位为「万元」时先 × 10000 换算为元",
      "Per student: amount ÷ students; with unit 万元 the amount is first × 10000 (to 元)"
    ),
    params: [
      scalar(
        "amount",
        "数额，如教学及辅助用房面积、教学仪器设备值",
        "The amount: teaching space, equipment value, …"
      ),
      scalar("students", "在校生数", "Students enrolled"),
      scalar(
        "unit",
        "数额的单位：万元、元、㎡ 等（可省略；单元格里自带的单位优先）",
        "Unit of the amount: 万元, 元, ㎡ … (optional; a unit written in the cell wins)",
        "any",
        true
      ),
    ],
    result: { type: "number", dimensionality: "scalar" },
    impl: impl.perStudent,
  },
  {
    id: "MEAN",
    name: "MEAN",
    description: L(
      "全县平均值：按在校生数加权的平均 ΣPᵢXᵢ ÷ ΣPᵢ（缺数据的行不计入）",
      "County mean weighted by students, ΣPᵢXᵢ ÷ ΣPᵢ (rows with missing data are left out)"
    ),
    params: [VALUES, STUDENTS],
    result: { type: "number", dimensionality: "scalar" },
    impl: impl.mean,
  },
  {
    id: "CVWEIGHTED",
    name: "CVWEIGHTED",
    description: L(
      "校际差异系数：按在校生数加权的总体标准差 ÷ 全县平均值（督导评估的官方算法）",
      "Between-school CV: student-weighted population SD ÷ county mean (the official method)"
    ),
    params: [VALUES, STUDENTS],
    result: { type: "number", dimensionality: "scalar" },
    impl: impl.cv,
  },
  {
    id: "STANDARD",
    name: "STANDARD",
    description: L(
      "指标的分校标准值（如 小学骨干教师 1、初中生均教辅用房 5.8）",
      "The per-school threshold of an indicator (e.g. primary key teachers 1, junior teaching space 5.8)"
    ),
    params: [INDICATOR, STAGE, STANDARD],
    result: { type: "number", dimensionality: "scalar" },
    impl: impl.standard,
  },
  {
    id: "CVLIMIT",
    name: "CVLIMIT",
    description: L(
      "差异系数限值：优质均衡 小学 0.50、初中 0.45；基本均衡（综合）0.65、0.55",
      "CV limit: quality-2017 primary 0.50, junior 0.45; basic-2012 composite 0.65, 0.55"
    ),
    params: [STAGE, STANDARD],
    result: { type: "number", dimensionality: "scalar" },
    impl: impl.cvLimit,
  },
  {
    id: "MEETS",
    name: "MEETS",
    description: L(
      "指标值是否达到标准（不四舍五入，容差 1e-9），返回 TRUE/FALSE",
      "Whether a value meets the threshold (unrounded, 1e-9 tolerance): TRUE/FALSE"
    ),
    params: [
      INDICATOR,
      STAGE,
      scalar("value", "该校的指标值", "The school's indicator value"),
      STANDARD,
    ],
    result: { type: "boolean", dimensionality: "scalar" },
    impl: impl.meets,
  },
  {
    id: "GAP",
    name: "GAP",
    description: L(
      "达标还差多少：需增加的教师数、㎡、元或教室间数（向上取整）；已达标为 0",
      "How much more is needed to meet the threshold: teachers, ㎡, 元 or rooms (rounded up); 0 when met"
    ),
    params: [
      INDICATOR,
      STAGE,
      scalar("value", "该校的指标值", "The school's indicator value"),
      scalar("students", "该校在校生数", "The school's students"),
      STANDARD,
    ],
    result: { type: "number", dimensionality: "scalar" },
    impl: impl.gap,
  },
  {
    id: "SCHOOLCHECK",
    name: "SCHOOLCHECK",
    description: L(
      "单校综合评估：7 项中至少 6 项达标且其余不低于 85% → 达标 / 不达标 / 数据不全",
      "School verdict: at least 6 of 7 met and the rest ≥ 85% → Pass / Fail / Incomplete"
    ),
    params: [
      range(
        "values",
        "该校 7 项指标值（按 L1–L7 顺序的一行）",
        "The school's 7 values (one row, L1–L7 order)"
      ),
      STAGE,
      STANDARD,
      scalar(
        "detail",
        "TRUE 时附原因（几项达标、哪项只达 85%）",
        "TRUE to add the reason (how many met, which only reach 85%)",
        "any",
        true
      ),
    ],
    result: { type: "string", dimensionality: "scalar" },
    impl: impl.schoolCheck,
  },
  {
    id: "CVCHECK",
    name: "CVCHECK",
    description: L(
      "差异系数是否不超过本学段限值：TRUE / FALSE；有学校缺数据且其余达标时为「数据不全」",
      "Whether the CV is within the stage's limit: TRUE / FALSE, or Incomplete when rows lack data"
    ),
    params: [
      VALUES,
      STUDENTS,
      STAGE,
      {
        ...INDICATOR,
        optional: true,
        description: L("指标（可省略，仅作核对）", "Indicator (optional, checked only)"),
      },
      STANDARD,
    ],
    result: { type: "any", dimensionality: "scalar" },
    impl: impl.cvCheck,
  },
  {
    id: "SPLITSHARE",
    name: "SPLITSHARE",
    description: L(
      "一贯制学校拆分：按 小学 1 : 初中 1.1 : 高中 1.32 加权学生数分摊全校数额到某学段",
      "Split a combined school's amount to one stage by weighted students (1 : 1.1 : 1.32)"
    ),
    params: [
      scalar(
        "amount",
        "全校数额，如教辅用房面积、仪器设备值、教师数",
        "Whole-school amount (space, equipment, teachers …)"
      ),
      scalar(
        "primaryStudents",
        "小学部在校生数（完全中学填 0）",
        "Primary students (0 for a 完全中学)"
      ),
      scalar("juniorStudents", "初中部在校生数", "Junior students"),
      scalar(
        "part",
        "要哪个学段：小学、初中（或 高中）",
        "Which part: 小学, 初中 (or 高中) / primary, junior, senior"
      ),
      scalar(
        "seniorStudents",
        "高中部在校生数（十二年一贯制、完全中学）",
        "Senior students (12-year schools, 完全中学)",
        "any",
        true
      ),
      range(
        "weights",
        "权重：省略为 1 : 1.1 : 1.32；「学生数」按学生数比例（教师数用此）；或 {1,1.1,1.32}",
        'Weights: omitted = 1 : 1.1 : 1.32; "students" = plain student share (for teachers); or {1,1.1,1.32}',
        true
      ),
    ],
    result: { type: "number", dimensionality: "scalar" },
    impl: impl.split,
  },
  {
    id: "CLASSSIZE",
    name: "CLASSSIZE",
    description: L(
      "班额超标的班级数（小学 > 45、初中 > 50 人）；或统计大班额（56–65）、超大班额（≥ 66）",
      "Classes over the limit (primary > 45, junior > 50); or count 大班额 (56–65) / 超大班额 (≥ 66)"
    ),
    params: [
      range(
        "sizes",
        "各班学生数（或各校最大班额）",
        "Students per class (or each school's largest class)"
      ),
      STAGE,
      scalar(
        "band",
        "统计哪一档：超标（默认）、大班额、超大班额",
        "Which band: over (default), large (大班额), very-large (超大班额)",
        "any",
        true
      ),
    ],
    result: { type: "number", dimensionality: "scalar" },
    impl: impl.classSize,
  },
];
