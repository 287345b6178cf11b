/**
 * School parts, the unit the indicators are computed for (standards.md §8, §9): each school record (branches.ts)
 * gets its kind (schoolKind.ts), a combined school is split into stage parts (combinedSchools.ts), and each part
 * reads its numerators, ratios and facts by the plan of its stage (numeratorPlan.ts).
 */
import { CheckSettings } from "../../standards";
import { NumeratorKind, Stage } from "../../standards/types";
import { FindingCollector } from "../findings/collector";
import { DetectedTable } from "../table/detectTable";
import { ColumnMatch } from "../table/matchColumn";
import { anyAboveZero, QuantityReader, Quantity } from "./quantities";
import { SchoolKind } from "./stageOf";
import type { ExcludedReason } from "../findings/params";
import { cellAddress } from "../workbook";
import { splitShare, STUDENT_SHARE } from "./splitShare";
import type { SchoolRecord } from "./branches";
import { decideKind } from "./schoolKind";
import {
  isCombined,
  readStageStudents,
  StageStudents,
  splitWeightsOf,
  stagesOf,
} from "./combinedSchools";
import { ColumnSource, FactKey, planStage, StagePlan } from "./numeratorPlan";
import type { TableRow } from "./tableRows";
import { flagOf } from "./flags";
import { RELAXED_LIMITS } from "../../standards/assessment-2017";

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

/**
 * The ratios of every part of a table without precomputed ratio columns (most tables): one frozen empty record,
 * which computeIndicator recognises without looking each indicator up in it (a keyed load that misses, 700,000
 * times in a county of 100,000 schools).
 */
export const NO_RATIOS: SchoolPart["ratios"] = Object.freeze({});

export interface RelaxedNumerator {
  item: "R3" | "R5";
  numerator: NumeratorKind;
  quantity: Quantity;
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
  const perStage: StageStudents = { A: undefined, B: undefined, C: undefined };

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
    const split = isCombined(kind);
    readStageStudents(perStage, rec, kind, split, total, reader);
    const { A, B, C } = perStage;
    const a = A?.value ?? 0;
    const b = B?.value ?? 0;
    const c = C?.value ?? 0;
    if (split && ((kind !== "complete-secondary" && A?.value == null) || B?.value == null)) {
      findings.add("unknown-stage", where(), { reason: "no-stage-students", kind });
      continue;
    }
    const weights = splitWeightsOf(kind, policy);
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
      const ratios: SchoolPart["ratios"] = plan.ratios.length ? {} : NO_RATIOS;
      for (const { id, src } of plan.ratios) {
        const own = src.staged ? reader.read(rec.rows, src.staged, rec.name) : undefined;
        const q =
          own ?? (!split && src.whole ? reader.read(rec.rows, src.key, rec.name) : undefined);
        if (q) ratios[id] = q;
      }
      const facts: SchoolPart["facts"] = {};
      for (const { key, src } of plan.facts) {
        const read = src.staged ? reader.read(rec.rows, src.staged, rec.name) : undefined;
        // As for numerators: a blank stage cell (a 小学's 「班级数 › 初中」) gives way to the 合计 column.
        const own = read && (read.value !== null || !src.whole) ? read : undefined;
        const q = own ?? (src.whole ? reader.read(rec.rows, src.key, rec.name) : read);
        // A whole-school fact of a split school is marked as such (one maximum class size for both stages).
        if (q) facts[key] = own || !split || q === read ? q : { ...q, apportioned: true };
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
      // §6: a school (or stage part) with 0 students and nothing else (a closed school's row of zeros) has no
      // ratio to judge: skipped with a finding, out of the CV and of its "k of n", rather than seven 「未填写」
      // for cells that hold 0. With teachers or rooms it stays in, for impossible-value to report.
      else if (students?.value === 0 && !anyAboveZero(numerators))
        part.excluded = { reason: "no-students" };
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
      // The one finding of the exclusion: a row of zeros is a warning of its own (§6), the rest are listed.
      if (part.excluded?.reason === "no-students")
        findings.add("school-no-students", { ...where(), stage }, {});
      else if (part.excluded) findings.add("school-excluded", { ...where(), stage }, part.excluded);
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
