/**
 * What the whole assessment needs of each school part (standards.md §17.2, §17.7), kept while the engine walks the
 * schools (each part is let go after it is finished, report.ts): a few numbers per part, not the part itself.
 */
import type { Stage } from "../../standards/types";
import type { RelaxationNote, SchoolDeclarationFacts } from "./types";
import type { SchoolCheckResult, SchoolResult } from "../reportTypes";
import type { SchoolPart } from "../schools/buildParts";
import type { FactKey } from "../schools/numeratorPlan";
import type { SchoolKind } from "../schools/stageOf";
import { flagOf, yearOf } from "../schools/flags";
import { CLASS_BANDS, ROOM_SIZE_BANDS, type ClassBandKey, type RoomSizeKey } from "../table/fields";

/** A number read for a part: its value, or why there is none; `whole` = a whole-school figure of a split school. */
export interface FactValue {
  value: number | null;
  whole: boolean;
}

export interface PartFacts {
  /** Index in report.schools. */
  index: number;
  name: string;
  stage: Stage;
  kind: SchoolKind;
  split: boolean;
  /** The first part of its school (a combined school has two). */
  first: boolean;
  /** Excluded from the resource list (教学点 < 50, 民办 by setting). */
  excluded: boolean;
  students: number | null;
  ownership: string | null;
  facts: Partial<Record<AssessmentFactKey, FactValue>>;
  /** Present columns with a missing value (so an item can say `missing`). */
  missing: ReadonlySet<AssessmentFactKey>;
  checks: SchoolResult["checks"];
  /** §17.4 relaxation inputs of the school (whole-school columns). */
  builtBy2010?: boolean;
  builtBy2016?: boolean;
  ruralSmall?: boolean;
}

export type AssessmentFactKey = Extract<
  FactKey,
  | "classes"
  | "teachers"
  | "staff"
  | "max_class_size"
  | "grades"
  | "public_funds"
  | "public_budget"
  | "public_final"
  | "training_funds"
  | "certified_teachers"
  | "trained_teachers"
  | "migrant_students"
  | "music_rooms"
  | "art_rooms"
  | "music_room_area"
  | "art_room_area"
  | RoomSizeKey
  | Q1FactKey
  | ClassBandKey
>;

/** §17.7: the five Q1 numbers a junior row may carry (G, N, I, O, D of §17.3). */
export type Q1FactKey = "graduates" | "cohort_start" | "transfer_in" | "transfer_out" | "deaths";
export const Q1_FACT_KEYS: Q1FactKey[] = [
  "graduates",
  "cohort_start",
  "transfer_in",
  "transfer_out",
  "deaths",
];

const KEYS: AssessmentFactKey[] = [
  "classes",
  "teachers",
  "staff",
  "max_class_size",
  "grades",
  "public_funds",
  "public_budget",
  "public_final",
  "training_funds",
  "certified_teachers",
  "trained_teachers",
  "migrant_students",
  "music_rooms",
  "art_rooms",
  "music_room_area",
  "art_room_area",
  ...ROOM_SIZE_BANDS.map((b) => b.key),
  ...Q1_FACT_KEYS,
  ...CLASS_BANDS.map((b) => b.key),
];

const KEY_SET: ReadonlySet<string> = new Set(KEYS);

const NOTHING_MISSING: ReadonlySet<AssessmentFactKey> = new Set();

/**
 * 表Ⅰ L9–L24's counts from the school rows (countyBasics in index.ts; 2012 填报说明 rule 4: 小学 includes
 * 一贯制小学部 and 教学点), tallied part by part as the parts come.
 */
export class BasicsTally {
  readonly schools = { primary: 0, nineYear: 0, junior: 0, completeSecondary: 0, twelveYear: 0 };
  readonly teachingPoints: { all: number; atLeast50: number | null } = { all: 0, atLeast50: 0 };
  pointsUnknown = false;
  // Students per stage: every part of the stage has a student count → their sum, in part order.
  readonly stageParts: Record<Stage, number> = { primary: 0, junior: 0 };
  readonly stageSum: Record<Stage, number> = { primary: 0, junior: 0 };
  readonly stageKnown: Record<Stage, boolean> = { primary: true, junior: true };

  add(p: PartFacts): void {
    const { schools, teachingPoints } = this;
    this.stageParts[p.stage]++;
    if (p.students === null) this.stageKnown[p.stage] = false;
    else this.stageSum[p.stage] += p.students;
    if (!p.first) return;
    if (p.kind === "teaching-point") {
      teachingPoints.all++;
      // A 教学点 without 在校生数 cannot be placed: L16 stays blank, never a guess.
      if (p.students === null) this.pointsUnknown = true;
      else if (p.students >= 50) teachingPoints.atLeast50 = (teachingPoints.atLeast50 ?? 0) + 1;
    } else if (p.kind === "primary") schools.primary++;
    else if (p.kind === "junior") schools.junior++;
    else if (p.kind === "nine-year") schools.nineYear++;
    else if (p.kind === "twelve-year") schools.twelveYear++;
    else schools.completeSecondary++;
  }
}

export class SchoolFactsCollector {
  readonly parts: PartFacts[] = [];
  /** 表Ⅰ's counts of the parts so far (a walk over a county's 100,000 parts afterwards was 1–2 % of the engine). */
  readonly basics = new BasicsTally();
  /** 表Ⅱ-2's facts of each school of report.schools, in its order (each school is one part). */
  readonly declarations: SchoolDeclarationFacts[] = [];
  /**
   * sumFact of every part, and per stage, per fact key, added up as the parts come: the same additions in the same
   * order as a walk over `parts` afterwards, which touched each of a county's 100,000 parts again per key
   * (docs/performance.md).
   */
  private readonly sums = new Map<AssessmentFactKey, Record<"all" | Stage, FactSum>>();
  /** Columns seen in any table (an item whose column exists nowhere is `missing` without naming schools). */
  readonly columns = new Set<AssessmentFactKey>();
  /** §17.4 R3 / R5 schools the relaxation decided (on) or would decide (off), in school order. */
  readonly relaxations: { applied: RelaxationNote[]; wouldPass: RelaxationNote[] } = {
    applied: [],
    wouldPass: [],
  };

  relaxationNote(applied: boolean, item: string, school: string, stage: Stage): void {
    (applied ? this.relaxations.applied : this.relaxations.wouldPass).push({ item, school, stage });
  }

  visit(part: SchoolPart, result: SchoolResult, index: number, first: boolean): void {
    const facts: PartFacts["facts"] = {};
    // Most parts miss nothing: they share one empty set.
    let missing: Set<AssessmentFactKey> | undefined;
    // The part's own facts (a table has a few of the 27 keys): no lookup of every key per part.
    for (const k in part.facts) {
      if (!KEY_SET.has(k)) continue;
      const key = k as AssessmentFactKey;
      const q = part.facts[key];
      if (!q) continue;
      this.columns.add(key);
      if (q.value === null) {
        if (q.problem !== "not-applicable") {
          (missing ??= new Set()).add(key);
          const sums = this.sumsOf(key);
          sums.all.missing++;
          sums[part.stage].missing++;
        }
        continue;
      }
      const f: FactValue = { value: q.value, whole: !!q.apportioned };
      facts[key] = f;
      const sums = this.sumsOf(key);
      addValue(sums.all, f, first);
      addValue(sums[part.stage], f, first);
    }
    const checks: Partial<Record<string, SchoolCheckResult>> | undefined = result.checks;
    const row = part.record.rows[0];
    const founded = yearOf(row?.cells.value("founded"));
    // The built-by flags win over 建校年份 (§17.7).
    const builtBy2010 =
      flagOf(row?.cells.value("built_by_2010")) ??
      (founded === undefined ? undefined : founded <= 2010);
    const builtBy2016 =
      flagOf(row?.cells.value("built_by_2016")) ??
      (builtBy2010 === true ? true : founded === undefined ? undefined : founded <= 2016);
    const ruralSmall = flagOf(row?.cells.value("rural_small"));
    const pf: PartFacts = {
      builtBy2010,
      builtBy2016,
      ruralSmall,
      index,
      name: part.record.name,
      stage: part.stage,
      kind: part.kind,
      split: part.split,
      first,
      excluded: !!part.excluded,
      students: part.students.value,
      ownership: part.record.rows[0]?.texts.ownership ?? null,
      facts,
      missing: missing ?? NOTHING_MISSING,
      checks: checks as SchoolResult["checks"],
    };
    this.parts.push(pf);
    this.basics.add(pf);
    this.declarations[index] = {
      kind: pf.kind,
      ownership: ownershipCode(pf.ownership),
      grades: facts.grades && !facts.grades.whole ? facts.grades.value : null,
      classes: facts.classes && !facts.classes.whole ? facts.classes.value : null,
    };
  }

  private recordList: PartFacts[][] | undefined;

  /**
   * The parts grouped by school (a combined school has two, one after the other), made at the first call: only
   * the items that need every record's parts together ask (Q4, G9/G12's schools short); G4 and G6 walk the parts.
   */
  records(): PartFacts[][] {
    if (!this.recordList) {
      const out: PartFacts[][] = [];
      for (const p of this.parts) {
        if (p.first || out.length === 0) out.push([p]);
        else out[out.length - 1].push(p);
      }
      this.recordList = out;
    }
    return this.recordList;
  }

  private sumsOf(key: AssessmentFactKey): Record<"all" | Stage, FactSum> {
    let s = this.sums.get(key);
    if (!s) this.sums.set(key, (s = { all: noSum(), primary: noSum(), junior: noSum() }));
    return s;
  }

  /** sumFact(this.parts, key, this.columns), without walking the parts. */
  sumFact(key: AssessmentFactKey): FactSum {
    const s = this.sums.get(key);
    return s && this.columns.has(key) ? { ...s.all } : noSum();
  }

  /** sumFact of the parts of each stage, without walking them. */
  sumFactByStage(key: AssessmentFactKey): Record<Stage, FactSum> {
    const s = this.sums.get(key);
    return s
      ? { primary: { ...s.primary }, junior: { ...s.junior } }
      : { primary: noSum(), junior: noSum() };
  }
}

/** 举办者类型 code of 表Ⅱ-2 L3 (§17.10) from the 举办者 text; 7 (县级教育部门) when the table has no such column. */
export function ownershipCode(text: string | null): number | null {
  if (text === null || text === undefined) return 7;
  const t = text.replace(/\s/g, "");
  if (t === "") return 7;
  const n = Number(t);
  if (Number.isInteger(n) && n >= 1 && n <= 10) return n;
  if (/民办|私立/.test(t)) return 10;
  if (/企业/.test(t)) return 9;
  const edu = /教育/.test(t);
  if (/中央|部属|国家/.test(t)) return edu ? 1 : 2;
  if (/省/.test(t)) return edu ? 3 : 4;
  if (/地级|地市|市级|州/.test(t)) return edu ? 5 : 6;
  if (/县|区|市/.test(t)) return edu ? 7 : 8;
  // 公办, 教育部门 and the like: the county's own schools (not confirmed).
  return 7;
}

/** One sum of sumFact: null when no part has the column; `missing` counts parts without it. */
export interface FactSum {
  sum: number | null;
  missing: number;
  /** Some part holds a whole-school figure of a split school (counted once, on its first part). */
  whole: boolean;
}

const noSum = (): FactSum => ({ sum: null, missing: 0, whole: false });

function addFact(acc: FactSum, p: PartFacts, key: AssessmentFactKey): void {
  const f = p.facts[key];
  if (!f) {
    if (p.missing.has(key)) acc.missing++;
    return;
  }
  addValue(acc, f, p.first);
}

/** A part's value of a fact into a sum: a whole-school figure of a split school only on its first part. */
function addValue(acc: FactSum, f: FactValue, first: boolean): void {
  if (f.whole) {
    acc.whole = true;
    if (!first) return;
  }
  acc.sum = (acc.sum ?? 0) + (f.value ?? 0);
}

/**
 * A school-side sum over every part (教学点 included): a per-stage column is summed part by part; a whole-school
 * figure of a split school is counted once.
 */
export function sumFact(
  parts: PartFacts[],
  key: AssessmentFactKey,
  /** The columns seen in any table (SchoolFactsCollector.columns): without `key` among them no part has it. */
  columns?: ReadonlySet<AssessmentFactKey>
): FactSum {
  const acc = noSum();
  if (columns && !columns.has(key)) return acc;
  for (const p of parts) addFact(acc, p, key);
  return acc;
}
