/**
 * What the whole assessment needs of each school part (standards.md §17.2, §17.7), kept while the engine walks the
 * schools (each part is let go after it is finished, report.ts): a few numbers per part, not the part itself.
 */
import type { Stage } from "../../standards/types";
import type { RelaxationNote, SchoolDeclarationFacts } from "./types";
import type { SchoolResult } from "../reportTypes";
import type { SchoolPart } from "../schools/buildParts";
import type { FactKey } from "../schools/numeratorPlan";
import type { SchoolKind } from "../schools/stageOf";
import { flagOf, yearOf } from "../schools/flags";
import { CLASS_BANDS, ROOM_SIZE_BANDS, type ClassBandKey, type RoomSizeKey } from "../table/fields";

/**
 * The facts of every part, column by column: per fact key a Float64Array of values and a Uint8Array of states, per
 * relaxation flag an Int8Array, indexed by the part's place in report.schools. A county has 100,000 parts with a
 * dozen facts each: an object per part and per fact was 36 MB that lived until the assessment was built, which
 * the garbage collector copied into old space and page faults made dearer (docs/performance.md, the ninth pass).
 */
class FactStore {
  private capacity = 0;
  private readonly values = new Map<AssessmentFactKey, Float64Array>();
  private readonly states = new Map<AssessmentFactKey, Uint8Array>();
  /** builtBy2010, builtBy2016, ruralSmall: 1 true, 0 false, -1 not known. */
  private flags = new Int8Array(0);
  readonly ownership: (string | null)[] = [];

  /** Room for part `at` (the store grows by doubling; new states are ABSENT, new flags unknown). */
  ensure(at: number): void {
    if (at < this.capacity) return;
    const cap = Math.max(1024, this.capacity * 2, at + 1);
    for (const [k, v] of this.values) {
      const nv = new Float64Array(cap);
      nv.set(v);
      this.values.set(k, nv);
      const ns = new Uint8Array(cap);
      ns.set(this.states.get(k)!);
      this.states.set(k, ns);
    }
    const nf = new Int8Array(cap * 3).fill(-1);
    nf.set(this.flags);
    this.flags = nf;
    this.capacity = cap;
  }

  private columnOf(key: AssessmentFactKey): [Float64Array, Uint8Array] {
    let v = this.values.get(key);
    let st = this.states.get(key);
    if (!v || !st) {
      v = new Float64Array(this.capacity);
      st = new Uint8Array(this.capacity);
      this.values.set(key, v);
      this.states.set(key, st);
    }
    return [v, st];
  }

  setValue(at: number, key: AssessmentFactKey, value: number, whole: boolean): void {
    const [v, st] = this.columnOf(key);
    v[at] = value;
    st[at] = whole ? WHOLE : VALUE;
  }

  setMissing(at: number, key: AssessmentFactKey): void {
    this.columnOf(key)[1][at] = MISSING;
  }

  state(at: number, key: AssessmentFactKey): number {
    return this.states.get(key)?.[at] ?? ABSENT;
  }

  value(at: number, key: AssessmentFactKey): number {
    return this.values.get(key)![at];
  }

  setFlag(at: number, flag: number, value: boolean | undefined): void {
    this.flags[at * 3 + flag] = value === undefined ? -1 : value ? 1 : 0;
  }

  flag(at: number, flag: number): boolean | undefined {
    const f = this.flags[at * 3 + flag];
    return f < 0 ? undefined : f === 1;
  }
}

/** A fact's state in FactStore: no column or not applicable, a value, a whole-school value, empty or unusable. */
const ABSENT = 0;
const VALUE = 1;
const WHOLE = 2;
const MISSING = 3;
const BUILT_BY_2010 = 0;
const BUILT_BY_2016 = 1;
const RURAL_SMALL = 2;

/**
 * One school part as the whole assessment sees it: what report.schools already says about it, read from its result,
 * and its facts, read from the collector's columns. Four fields per part (a county has 100,000).
 */
export class PartFacts {
  constructor(
    private readonly result: SchoolResult,
    /** Index in report.schools. */
    readonly index: number,
    /** The first part of its school (a combined school has two). */
    readonly first: boolean,
    private readonly store: FactStore
  ) {}

  get name(): string {
    return this.result.name;
  }
  get stage(): Stage {
    return this.result.stage;
  }
  get kind(): SchoolKind {
    return this.result.type;
  }
  get split(): boolean {
    return this.result.split;
  }
  /** Excluded from the resource list (教学点 < 50, 民办 by setting). */
  get excluded(): boolean {
    return this.result.excluded !== false;
  }
  get students(): number | null {
    return this.result.students;
  }
  get checks(): SchoolResult["checks"] {
    return this.result.checks;
  }
  get ownership(): string | null {
    return this.store.ownership[this.index];
  }
  /** §17.4 relaxation inputs of the school (whole-school columns). */
  get builtBy2010(): boolean | undefined {
    return this.store.flag(this.index, BUILT_BY_2010);
  }
  get builtBy2016(): boolean | undefined {
    return this.store.flag(this.index, BUILT_BY_2016);
  }
  get ruralSmall(): boolean | undefined {
    return this.store.flag(this.index, RURAL_SMALL);
  }

  /** The part has a value of `key`. */
  has(key: AssessmentFactKey): boolean {
    const s = this.store.state(this.index, key);
    return s === VALUE || s === WHOLE;
  }
  /** The part's value of `key`; undefined when it has none (no column, 不适用, empty or unusable). */
  value(key: AssessmentFactKey): number | undefined {
    const s = this.store.state(this.index, key);
    return s === VALUE || s === WHOLE ? this.store.value(this.index, key) : undefined;
  }
  /** The value is a whole-school figure of a split school. */
  whole(key: AssessmentFactKey): boolean {
    return this.store.state(this.index, key) === WHOLE;
  }
  /** The part's table has the column and its cell is empty or unusable (not 不适用): an item can say `missing`. */
  isMissing(key: AssessmentFactKey): boolean {
    return this.store.state(this.index, key) === MISSING;
  }
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

  private readonly store = new FactStore();

  visit(part: SchoolPart, result: SchoolResult, index: number, first: boolean): void {
    const store = this.store;
    store.ensure(index);
    // The part's own facts (a table has a few of the 27 keys): no lookup of every key per part.
    for (const k in part.facts) {
      if (!KEY_SET.has(k)) continue;
      const key = k as AssessmentFactKey;
      const q = part.facts[key];
      if (!q) continue;
      this.columns.add(key);
      if (q.value === null) {
        if (q.problem !== "not-applicable") {
          store.setMissing(index, key);
          const sums = this.sumsOf(key);
          sums.all.missing++;
          sums[part.stage].missing++;
        }
        continue;
      }
      const whole = !!q.apportioned;
      store.setValue(index, key, q.value, whole);
      const sums = this.sumsOf(key);
      addValue(sums.all, q.value, whole, first);
      addValue(sums[part.stage], q.value, whole, first);
    }
    const row = part.record.rows[0];
    const founded = yearOf(row?.cells.value("founded"));
    // The built-by flags win over 建校年份 (§17.7).
    const builtBy2010 =
      flagOf(row?.cells.value("built_by_2010")) ??
      (founded === undefined ? undefined : founded <= 2010);
    const builtBy2016 =
      flagOf(row?.cells.value("built_by_2016")) ??
      (builtBy2010 === true ? true : founded === undefined ? undefined : founded <= 2016);
    store.setFlag(index, BUILT_BY_2010, builtBy2010);
    store.setFlag(index, BUILT_BY_2016, builtBy2016);
    store.setFlag(index, RURAL_SMALL, flagOf(row?.cells.value("rural_small")));
    const ownership = row?.texts.ownership ?? null;
    store.ownership[index] = ownership;
    const pf = new PartFacts(result, index, first, store);
    this.parts.push(pf);
    this.basics.add(pf);
    const grades = pf.whole("grades") ? undefined : pf.value("grades");
    const classes = pf.whole("classes") ? undefined : pf.value("classes");
    this.declarations[index] = {
      kind: pf.kind,
      ownership: ownershipCode(ownership),
      grades: grades ?? null,
      classes: classes ?? null,
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
  const value = p.value(key);
  if (value === undefined) {
    if (p.isMissing(key)) acc.missing++;
    return;
  }
  addValue(acc, value, p.whole(key), p.first);
}

/** A part's value of a fact into a sum: a whole-school figure of a split school only on its first part. */
function addValue(acc: FactSum, value: number, whole: boolean, first: boolean): void {
  if (whole) {
    acc.whole = true;
    if (!first) return;
  }
  acc.sum = (acc.sum ?? 0) + value;
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
