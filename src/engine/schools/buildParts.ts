import { CheckSettings } from "../../standards";
import { NumeratorKind, Stage } from "../../standards/types";
import { FindingCollector } from "../findings/collector";
import { DetectedTable } from "../table/detectTable";
import { CLASS_BANDS } from "../table/fields";
import { ColumnMatch } from "../table/matchColumn";
import { QuantityReader, Quantity } from "./quantities";
import { KindVerdict, SchoolKind, kindFromText } from "./stageOf";
import type { ExcludedReason } from "../findings/params";
import { TableRow } from "./tableRows";
import { ratioKey, stagedKey } from "./stagedKey";
import { cellAddress } from "../workbook";
import { splitShare, SplitWeights, STUDENT_SHARE } from "./splitShare";
import { flagOf } from "./flags";
import { RELAXED_LIMITS } from "../../standards/assessment-2017";

/** A school: one counted row plus any branch rows merged into it (standards.md §8.2). */
export interface SchoolRecord {
  name: string;
  sheet: string;
  rows: TableRow[];
}

/** A school, or one stage part of a combined school: the unit the indicators are computed for. */
export interface SchoolPart {
  record: SchoolRecord;
  stage: Stage;
  kind: SchoolKind;
  split: boolean;
  /** Facility share of this part (1 when not split). */
  share: number;
  students: Quantity;
  /** 义务教育阶段 students of the whole school (school-size rule for 一贯制). */
  compulsoryStudents: number | null;
  /** The whole school's 在校生数 cell (合计), where a school-size problem is marked. */
  totalStudentsCell: string | null;
  /**
   * Plain records rather than Maps: a county has 100,000 parts, and a Map per part costs several hundred
   * bytes more than an object of the same few keys (docs/performance.md).
   */
  numerators: Partial<Record<NumeratorKind, Quantity>>;
  /** Precomputed 生均/每百名 values, by indicator id. */
  ratios: Partial<Record<string, Quantity>>;
  /** Other per-stage facts for the 政府保障 school-row checks. */
  facts: Partial<Record<FactKey, Quantity>>;
  /** Why the part is not assessed, with the setting that decided it (教学点 minimum). */
  excluded?: { reason: ExcludedReason; minStudents?: number };
  /**
   * §17.4 R3 / R5 (quality-2017): the numerator with the 规程 relaxation added, for a school it applies to and
   * whose relaxation column holds more than 0. Used instead of `numerators` only under
   * policy.relaxations = "guicheng-2019"; otherwise it says which schools would pass with it (report.ts).
   */
  relaxed?: RelaxedNumerator[];
}

export interface RelaxedNumerator {
  item: "R3" | "R5";
  numerator: NumeratorKind;
  quantity: Quantity;
}

const TEACHER_KINDS: NumeratorKind[] = [
  "qualified_teachers",
  "key_teachers",
  "pe_arts_teachers",
  "teachers",
  "senior_title_teachers",
];
export type FactKey = (typeof FACT_KEYS)[number];
const FACT_KEYS = [
  "teachers",
  "classes",
  "max_class_size",
  "avg_class_size",
  "music_rooms",
  "art_rooms",
  "music_room_area",
  "art_room_area",
  // standards.md §17.7, for the whole assessment (src/engine/assessment).
  "staff",
  "grades",
  "public_funds",
  "public_budget",
  "public_final",
  "training_funds",
  "certified_teachers",
  "trained_teachers",
  "migrant_students",
  "graduates",
  "cohort_start",
  "transfer_in",
  "transfer_out",
  "deaths",
  ...CLASS_BANDS.map((b) => b.key),
] as const;

const baseName = (name: string): string =>
  name
    .replace(/[(（][^()（）]*(校区|分校|分部|校点)[)）]$/, "")
    .replace(/(东|西|南|北|新|老)?(校区|分校|分部)$/, "");

/** Merges branch campuses (是否计校数 = 0) into their parent before any ratio. */
export function mergeBranches(
  rows: TableRow[],
  table: DetectedTable,
  settings: CheckSettings,
  findings: FindingCollector
): SchoolRecord[] {
  const records: SchoolRecord[] = [];
  const byCode = new Map<string, SchoolRecord>();
  const byName = new Map<string, SchoolRecord>();
  // Most tables have no branch rows: the lookups by code and base name are built at the first one, from
  // the schools above it, and kept up to date from then on.
  let indexed = 0;
  const indexRecords = (): void => {
    for (; indexed < records.length; indexed++) {
      const rec = records[indexed];
      const code = rec.rows[0].texts.code ?? "";
      if (code) byCode.set(code, rec);
      byName.set(baseName(rec.name), rec);
    }
  };
  for (const row of rows) {
    if (row.kind !== "school") continue;
    const name = row.texts.name || row.label;
    const counted = row.cells.value("counted");
    const isBranch =
      settings.policy.mergeBranches &&
      counted?.kind === "number" &&
      counted.value === 0 &&
      !/教学点$/.test(name) &&
      !/教学点/.test(row.texts.type ?? "");
    if (isBranch) {
      indexRecords();
      const code = row.texts.code ?? "";
      const parent =
        (code && byCode.get(code)) || byName.get(baseName(name)) || records[records.length - 1];
      if (parent) {
        parent.rows.push(row);
        findings.add(
          "branch-merged",
          { sheet: table.sheet, cell: row.cells.address("counted"), school: name },
          { parent: parent.name }
        );
        continue;
      }
    }
    records.push({ name, sheet: table.sheet, rows: [row] });
  }
  return records;
}

// A 学校类型 column holds a handful of distinct values ("小学", "初中", "九年一贯制学校"): read each once.
const typeKinds = new Map<string, KindVerdict | undefined>();
function kindOfType(text: string): KindVerdict | undefined {
  if (typeKinds.has(text)) return typeKinds.get(text);
  const v = kindFromText(text);
  if (typeKinds.size < 1000) typeKinds.set(text, v);
  return v;
}

function decideKind(rec: SchoolRecord, table: DetectedTable, reader: QuantityReader): KindVerdict {
  const row = rec.rows[0];
  const typeText = row.texts.type ?? "";
  const fromType = typeText ? kindOfType(typeText) : undefined;
  const fromName = kindFromText(rec.name);
  const excluded = fromType?.excluded ?? fromName?.excluded;
  if (excluded) return { excluded };
  const isPoint = fromType?.kind === "teaching-point" || fromName?.kind === "teaching-point";
  // The user said what this school is (a sheet mixing stages with no 学段 column): that beats the sheet.
  const chosen = table.schoolStages?.[rec.name];
  if (chosen) return { kind: isPoint && chosen === "primary" ? "teaching-point" : chosen };
  if (table.sheetStage) {
    // A sheet per stage: its rows are single-stage, even a 九年一贯制 school's 小学部 row (never re-split).
    if (isPoint && table.sheetStage === "primary") return { kind: "teaching-point" };
    return { kind: table.sheetStage };
  }
  if (fromType?.kind) return fromType;
  // A block heading above the row ("二、初中") settles an ambiguous name such as 「城关中学」.
  if (
    row.sectionStage &&
    !(fromName?.kind && fromName.kind !== row.sectionStage && fromName.kind !== "teaching-point")
  ) {
    return { kind: isPoint ? "teaching-point" : row.sectionStage };
  }
  const has = (k: string): boolean => {
    const q = reader.read(rec.rows, k, rec.name);
    return !!q && q.value !== null && q.value > 0;
  };
  const a = has("students@primary");
  const b = has("students@junior");
  const c = has("students@senior");
  if (fromName?.kind && !(fromName.kind === "primary" && b) && !(fromName.kind === "junior" && a))
    return fromName;
  if (a && b) return { kind: c ? "twelve-year" : "nine-year" };
  if (b && c) return { kind: "complete-secondary" };
  if (a) return { kind: "primary" };
  if (b) return { kind: "junior" };
  if (fromType?.warning) return fromType;
  return fromName ?? { warning: "no-evidence" };
}

/**
 * Builds the assessed parts of every school: single-stage schools, and stage parts of combined schools (§9).
 * `visit` gets each part as soon as it is built (the parts of a combined school one after the other), so a
 * caller can finish a school and let it go before the next: holding 100,000 parts until all were built made
 * garbage collection a third of the engine's time (docs/performance.md).
 */
export function forEachPart(
  records: SchoolRecord[],
  table: DetectedTable,
  columns: Map<string, ColumnMatch>,
  reader: QuantityReader,
  settings: CheckSettings,
  findings: FindingCollector,
  visit: (part: SchoolPart) => void
): void {
  const { policy } = settings;
  // Which columns feed what depends on the table and the stage only: decided once, not per school.
  const plans = new Map<Stage, StagePlan>();
  const planFor = (stage: Stage): StagePlan => {
    let plan = plans.get(stage);
    if (!plan) {
      plan = planStage(stage, reader, columns, settings);
      plans.set(stage, plan);
    }
    return plan;
  };

  // The part being read. The two source readers below are made once per table and read it from here: as
  // closures per school and numerator they were most of the garbage a county of 100,000 schools made.
  const cur: PartInProgress = { rec: NO_SCHOOL_YET, split: false, share: 1, studentShare: 1 };
  // Per-stage columns win; otherwise the whole-school figure, apportioned for split schools.
  const readSource = (src: ColumnSource, teacherLike: boolean): Quantity | undefined => {
    const { rec } = cur;
    const own = src.staged ? reader.read(rec.rows, src.staged, rec.name) : undefined;
    if (own && (own.value !== null || !src.whole)) return own;
    const whole = reader.read(rec.rows, src.key, rec.name);
    if (!whole || !cur.split || whole.value === null) return whole;
    const fields = (cur.apportionedFields ??= new Set());
    const apportioned = (cur.apportioned ??= { teacher: [], facility: [] });
    if (!fields.has(src.key)) {
      fields.add(src.key);
      (teacherLike ? apportioned.teacher : apportioned.facility).push(whole.field);
    }
    const factor = teacherLike ? cur.studentShare : cur.share;
    return { ...whole, value: whole.value * factor, apportioned: true };
  };
  const readTeacherSource = (src: ColumnSource): Quantity | undefined => readSource(src, true);
  const readFacilitySource = (src: ColumnSource): Quantity | undefined => readSource(src, false);

  for (const rec of records) {
    const first = rec.rows[0];
    // Where a finding about the whole school points: built only when one is raised.
    const where = (): { sheet: string; cell: string; school: string } => ({
      sheet: rec.sheet,
      cell: cellAddress(first.row, table.nameCol),
      school: rec.name,
    });
    const verdict = decideKind(rec, table, reader);
    if (verdict.excluded) {
      findings.add("school-excluded", where(), { reason: verdict.excluded });
      continue;
    }
    if (!verdict.kind) {
      findings.add("unknown-stage", where(), { reason: verdict.warning ?? "no-evidence" });
      continue;
    }
    // The stage was decided but on a weak reading ("一贯制" without 九年/十二年): a warning, the school is kept.
    if (verdict.warning) findings.add("stage-assumed", where(), { reason: verdict.warning });
    const kind = verdict.kind;
    const ownership = first.texts.ownership ?? "";
    const privateExcluded = policy.excludePrivate && /民办/.test(ownership);

    const total = reader.read(rec.rows, "students", rec.name);
    const split = kind === "nine-year" || kind === "twelve-year" || kind === "complete-secondary";
    // Students per stage: the stage's own column, else (single stage) the whole-school figure.
    let A = stageStudents(reader.read(rec.rows, "students@primary", rec.name), split, total);
    let B = stageStudents(reader.read(rec.rows, "students@junior", rec.name), split, total);
    let C = stageStudents(reader.read(rec.rows, "students@senior", rec.name), split, total);
    if (split && total?.value != null) {
      // Derive one missing stage from the total (A + B (+ C) = total).
      const known = [A, B, C]
        .filter((q) => q && q.value !== null)
        .reduce((s, q) => s + (q?.value ?? 0), 0);
      const needsC = kind !== "nine-year";
      const missing = [
        A?.value == null && kind !== "complete-secondary" ? "A" : "",
        B?.value == null ? "B" : "",
        needsC && C?.value == null ? "C" : "",
      ].filter(Boolean);
      if (missing.length === 1) {
        const q: Quantity = { value: total.value - known, cell: total.cell, field: total.field };
        if (missing[0] === "A") A = q;
        else if (missing[0] === "B") B = q;
        else C = q;
      }
    }
    const a = A?.value ?? 0;
    const b = B?.value ?? 0;
    const c = C?.value ?? 0;
    if (split && ((kind !== "complete-secondary" && A?.value == null) || B?.value == null)) {
      findings.add("unknown-stage", where(), { reason: "no-stage-students", kind });
      continue;
    }
    // Shares of §9: a 九年一贯制 has no 高中部; a 完全中学 has no 小学部 and weighs 高中 1.2 × 初中.
    const weights: SplitWeights =
      policy.splitMethod !== "weights"
        ? STUDENT_SHARE
        : kind === "complete-secondary"
          ? { primary: 0, junior: 1, senior: policy.completeSecondarySeniorWeight }
          : policy.splitWeights;
    const seniorCount = kind === "nine-year" ? 0 : c;
    const primaryCount = kind === "complete-secondary" ? 0 : a;
    startSchool(cur, rec, split);

    for (const stage of stagesOf(kind)) {
      const share = split ? (splitShare(stage, primaryCount, b, seniorCount, weights) ?? 0) : 1;
      cur.share = share;
      cur.studentShare = split
        ? (splitShare(stage, primaryCount, b, seniorCount, STUDENT_SHARE) ?? 0)
        : 1;
      const plan = planFor(stage);

      const numerators: SchoolPart["numerators"] = {};
      for (const { kind: n, teacherLike, read: readNumerator } of plan.numerators) {
        const q = readNumerator(teacherLike ? readTeacherSource : readFacilitySource);
        if (q) numerators[n] = q;
      }
      // A precomputed ratio of the whole school says nothing about one stage of a split school.
      const ratios: SchoolPart["ratios"] = {};
      for (const { id, src } of plan.ratios) {
        const own = src.staged ? reader.read(rec.rows, src.staged, rec.name) : undefined;
        const q =
          own ?? (!split && src.whole ? reader.read(rec.rows, src.key, rec.name) : undefined);
        if (q) ratios[id] = q;
      }
      const facts: SchoolPart["facts"] = {};
      for (const { key, src } of plan.facts) {
        const own = src.staged ? reader.read(rec.rows, src.staged, rec.name) : undefined;
        const q = own ?? (src.whole ? reader.read(rec.rows, src.key, rec.name) : undefined);
        // A whole-school fact of a split school is marked as such (one maximum class size for both stages).
        if (q) facts[key] = own || !split ? q : { ...q, apportioned: true };
      }
      const students = stage === "primary" ? A : B;
      const part: SchoolPart = {
        record: rec,
        stage,
        kind,
        split,
        share,
        students: students ?? { value: null, cell: null, problem: "missing", field: "在校生数" },
        compulsoryStudents: kind === "complete-secondary" ? b : a + b,
        totalStudentsCell: total?.cell ?? students?.cell ?? null,
        numerators,
        ratios,
        facts,
      };
      if (kind === "teaching-point" && (students?.value ?? 0) < policy.teachingPointMinStudents) {
        part.excluded = {
          reason: "small-teaching-point",
          minStudents: policy.teachingPointMinStudents,
        };
      }
      if (privateExcluded) part.excluded = { reason: "private" };
      if (plan.relax) {
        const relaxed = relaxedNumerators(
          plan.relax,
          numerators,
          kind,
          part.students.value,
          first,
          readTeacherSource,
          readFacilitySource
        );
        if (relaxed) part.relaxed = relaxed;
      }
      if (part.excluded) findings.add("school-excluded", { ...where(), stage }, part.excluded);
      visit(part);
    }
    const apportioned = cur.apportioned;
    if (apportioned) {
      findings.add(
        "split-apportioned",
        { sheet: rec.sheet, cell: null, school: rec.name },
        {
          kind,
          teacherColumns: apportioned.teacher,
          facilityColumns: apportioned.facility,
          method: policy.splitMethod,
          weights: { ...weights },
        }
      );
    }
  }
}

/**
 * §17.4 R3: 农村小规模学校 and 教学点 with 50 ≤ students < 100 count 交流轮岗、兼职、走教 PE and arts teachers;
 * R5: 中心城区 schools count leased off-campus venues and converted on-campus areas. Only where the extra is
 * more than 0 and the school's own numerator has a value (a relaxation never stands in for a missing figure).
 */
function relaxedNumerators(
  relax: NonNullable<StagePlan["relax"]>,
  numerators: SchoolPart["numerators"],
  kind: SchoolKind,
  students: number | null,
  row: TableRow,
  readTeacher: (src: ColumnSource) => Quantity | undefined,
  readFacility: (src: ColumnSource) => Quantity | undefined
): RelaxedNumerator[] | undefined {
  const out: RelaxedNumerator[] = [];
  const add = (item: RelaxedNumerator["item"], n: NumeratorKind, extra: number): void => {
    const own = numerators[n];
    if (!own || own.value === null || !(extra > 0)) return;
    out.push({ item, numerator: n, quantity: { ...own, value: own.value + extra, relaxed: true } });
  };
  const { from, below } = RELAXED_LIMITS.peArtsStudents;
  const small =
    (kind === "teaching-point" || flagOf(row.cells.value("rural_small")) === true) &&
    students !== null &&
    students >= from &&
    students < below;
  if (relax.teachers && small)
    add("R3", "pe_arts_teachers", readTeacher(relax.teachers)?.value ?? 0);
  if (relax.areas.length && flagOf(row.cells.value("city_center")) === true) {
    let extra = 0;
    for (const src of relax.areas) extra += readFacility(src)?.value ?? 0;
    add("R5", "sports_space", extra);
  }
  return out.length ? out : undefined;
}

/** What PartInProgress holds before the first school. */
const NO_SCHOOL_YET: SchoolRecord = { name: "", sheet: "", rows: [] };

/** The school part forEachPart is reading, and what it apportioned so far (split schools only). */
interface PartInProgress {
  rec: SchoolRecord;
  split: boolean;
  /** Facility share of the part's stage, and its student share (for teacher counts). */
  share: number;
  studentShare: number;
  apportionedFields?: Set<string>;
  apportioned?: { teacher: string[]; facility: string[] };
}

function startSchool(cur: PartInProgress, rec: SchoolRecord, split: boolean): void {
  cur.rec = rec;
  cur.split = split;
  cur.apportionedFields = undefined;
  cur.apportioned = undefined;
}

const BOTH_STAGES: readonly Stage[] = ["primary", "junior"];
const PRIMARY_ONLY: readonly Stage[] = ["primary"];
const JUNIOR_ONLY: readonly Stage[] = ["junior"];

function stagesOf(kind: SchoolKind): readonly Stage[] {
  if (kind === "nine-year" || kind === "twelve-year") return BOTH_STAGES;
  return kind === "junior" || kind === "complete-secondary" ? JUNIOR_ONLY : PRIMARY_ONLY;
}

/** A stage's students: its own column, else (single-stage school) the whole-school figure. */
function stageStudents(
  own: Quantity | undefined,
  split: boolean,
  total: Quantity | undefined
): Quantity | undefined {
  if (own && own.value !== null) return own;
  if (!split && total) return total;
  return own;
}

/**
 * Column keys that can supply each numerator (for "unmapped" and confidence), kept beside numeratorOf,
 * which reads them: a source added there must be added here.
 */
export const NUMERATOR_SOURCES: Record<NumeratorKind, string[]> = {
  qualified_teachers: [
    "qualified_teachers",
    "qualified_teachers.bachelor",
    "qualified_teachers.master",
    "bachelor_plus_teachers",
  ],
  key_teachers: ["key_teachers"],
  pe_arts_teachers: [
    "pe_arts_teachers",
    "pe_arts_teachers.pe",
    "pe_arts_teachers.arts",
    "pe_arts_teachers.music",
  ],
  teaching_space: ["teaching_space"],
  sports_space: ["sports_space", "sports_ground"],
  equipment_value: ["equipment_value"],
  multimedia_rooms: ["multimedia_rooms"],
  computers: ["computers"],
  books: ["books"],
  teachers: ["teachers"],
  senior_title_teachers: ["senior_title_teachers", "senior_title_teachers.intermediate"],
};

/** A column key as one stage reads it: its per-stage column if the table has one, and/or the whole-school one. */
interface ColumnSource {
  key: string;
  /** The stage's own column key ("books@junior"), when the table has it. */
  staged: string | null;
  /** The table has the whole-school column. */
  whole: boolean;
}

/** Reads one numerator of one school part, given a reader of column sources. */
type NumeratorRead = (read: (src: ColumnSource) => Quantity | undefined) => Quantity | undefined;

/** What one stage of one table reads, decided from its columns alone. */
interface StagePlan {
  numerators: { kind: NumeratorKind; teacherLike: boolean; read: NumeratorRead }[];
  /** §17.4 relaxation columns (quality-2017 only). */
  relax?: { teachers?: ColumnSource; areas: ColumnSource[] };
  ratios: { id: string; src: ColumnSource }[];
  facts: { key: FactKey; src: ColumnSource }[];
}

function planStage(
  stage: Stage,
  reader: QuantityReader,
  columns: Map<string, ColumnMatch>,
  settings: CheckSettings
): StagePlan {
  const { standard, policy } = settings;
  const source = (key: string): ColumnSource | undefined => {
    const sk = stagedKey(key, stage);
    const staged = reader.has(sk) ? sk : null;
    const whole = reader.has(key);
    return staged || whole ? { key, staged, whole } : undefined;
  };
  const numerators: StagePlan["numerators"] = [];
  for (const kind of new Set(standard.indicators.map((i) => i.numerator))) {
    const read = planNumerator(kind, stage, source, columns, policy.subtractIndoorSports);
    if (read) numerators.push({ kind, teacherLike: TEACHER_KINDS.includes(kind), read });
  }
  const ratios: StagePlan["ratios"] = [];
  for (const ind of standard.indicators) {
    const src = source(ratioKey(ind.id));
    if (src) ratios.push({ id: ind.id, src });
  }
  const facts: StagePlan["facts"] = [];
  for (const key of FACT_KEYS) {
    const src = source(key);
    if (src) facts.push({ key, src });
  }
  const plan: StagePlan = { numerators, ratios, facts };
  if (standard.id === "quality-2017") {
    const teachers = source("pe_arts_exchange_teachers");
    const areas = ["leased_sports_space", "converted_sports_space"]
      .map(source)
      .filter((x): x is ColumnSource => !!x);
    if (teachers || areas.length) plan.relax = { teachers, areas };
  }
  return plan;
}

/**
 * How a stage reads the numerator of an indicator, standards.md §3.2 (what counts), or undefined when
 * the table has no column for it.
 */
function planNumerator(
  n: NumeratorKind,
  stage: Stage,
  source: (key: string) => ColumnSource | undefined,
  columns: Map<string, ColumnMatch>,
  subtractIndoor: boolean
): NumeratorRead | undefined {
  const sumOf = (keys: string[], field: string): NumeratorRead | undefined => {
    const sources = keys.map(source).filter((s): s is ColumnSource => !!s);
    if (sources.length === 0) return undefined;
    return (read) => {
      // sumQuantities over the columns present, without collecting them first (once per school).
      // Every column is read (each reports its own bad cells); a blank is never 0, so the first part
      // without a value stands for the sum.
      let first: Quantity | undefined;
      let missing: Quantity | undefined;
      let value = 0;
      let apportioned = false;
      for (const src of sources) {
        const q = read(src);
        if (!q) continue;
        first ??= q;
        if (q.value === null) missing ??= q;
        else value += q.value;
        if (q.apportioned) apportioned = true;
      }
      return missing ?? (first && { value, cell: first.cell, field, apportioned });
    };
  };
  const one = (key: string): NumeratorRead | undefined => {
    const src = source(key);
    return src ? (read) => read(src) : undefined;
  };
  switch (n) {
    case "qualified_teachers": {
      const direct = one("qualified_teachers");
      if (direct) return direct;
      // 教师法 第十一条: 小学 needs 中师, 初中 专科, so 小学 counts 专科 and above, 初中 本科 and above.
      const levels =
        stage === "primary"
          ? ["doctor", "master", "bachelor", "associate"]
          : ["doctor", "master", "bachelor"];
      const byLevel = sumOf(
        levels.map((l) => `qualified_teachers.${l}`),
        "高于规定学历教师"
      );
      const bachelorPlus = one("bachelor_plus_teachers");
      if (!byLevel) return bachelorPlus;
      return (read) => byLevel(read) ?? bachelorPlus?.(read);
    }
    case "pe_arts_teachers": {
      const direct = one("pe_arts_teachers");
      if (direct) return direct;
      const artsTotal = columns.get("pe_arts_teachers.arts");
      const underArts = (k: string): boolean =>
        !!columns.get(k)?.role &&
        (columns.get(k)?.role as { underArts?: boolean }).underArts === true;
      const keys = [
        "pe_arts_teachers.pe",
        "pe_arts_teachers.arts",
        "pe_arts_teachers.music",
        "pe_arts_teachers.fine_art",
      ].filter(
        (k) => !(artsTotal && (k.endsWith(".music") || k.endsWith(".fine_art")) && underArts(k))
      );
      return sumOf(keys, "体育、艺术专任教师");
    }
    case "senior_title_teachers": {
      return (
        one("senior_title_teachers") ??
        sumOf(
          [
            "senior_title_teachers.intermediate",
            "senior_title_teachers.senior",
            "senior_title_teachers.full_senior",
          ],
          "中级及以上职称教师"
        )
      );
    }
    case "teaching_space": {
      const space = source("teaching_space");
      if (!space) return undefined;
      const indoor = subtractIndoor ? source("indoor_sports_space") : undefined;
      if (!indoor) return (read) => read(space);
      return (read) => {
        const t = read(space);
        if (!t || t.value === null) return t;
        // A blank or "/" 室内体育用房 means the school has none: nothing to subtract.
        const v = read(indoor)?.value ?? 0;
        return { ...t, value: t.value - v };
      };
    }
    case "sports_space": {
      // A combined 体育运动场馆面积 already includes the 体育馆: never add 室内体育用房 to it (§15.7).
      const combined = one("sports_space");
      if (combined) return combined;
      const ground = source("sports_ground");
      if (!ground) return undefined;
      const indoor = source("indoor_sports_space");
      if (!indoor) return (read) => read(ground);
      return (read) => {
        const g = read(ground);
        if (!g || g.value === null) return g;
        return { ...g, value: g.value + (read(indoor)?.value ?? 0) };
      };
    }
    default:
      return one(n);
  }
}
