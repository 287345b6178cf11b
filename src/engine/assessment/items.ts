/**
 * Computes the 40 items of the whole quality-2017 assessment (standards.md §17.2, §17.3) from the report's resource
 * results, the school parts' facts and 「县级指标」. Every threshold and comparison comes from the item definitions
 * (src/standards/assessment-2017.ts) or the settings; a missing input is `missing` (meets null), never a pass.
 */
import {
  ASSESSMENT_2017,
  AssessmentItemDefinition,
  Q9_GAP_LIMIT,
  Q9_LEVEL_MIN,
  Q9_SUBJECTS,
  RESOURCE_INDICATOR_IDS,
} from "../../standards/assessment-2017";
import { RELAXED_LIMITS } from "../../standards/assessment-2017";
import type { Comparison, SchoolRowLimits, Stage } from "../../standards/types";
import { STAGES } from "../../standards/types";
import type { FindingCollector } from "../findings/collector";
import type { PartialInputReason } from "../findings/params";
import type { Report } from "../reportTypes";
import type { CountyData } from "./countySheet";
import {
  PartFacts,
  sumFact,
  type AssessmentFactKey,
  type FactSum,
  type Q1FactKey,
} from "./schoolFacts";
import { CLASS_BANDS, ROOM_SIZE_BANDS } from "../table/fields";
import { roomsOfAtLeast } from "../checks/specialRooms";
import type {
  AssessmentInput,
  AssessmentItem,
  AssessmentItemPart,
  AssessmentSettings,
  CountyEntry,
  ItemStatus,
  RelaxationNote,
} from "./types";

export interface ItemContext {
  report: Pick<Report, "schools" | "county">;
  parts: PartFacts[];
  /** The parts grouped by school, in order (SchoolFactsCollector.records: made at the first call). */
  records: () => PartFacts[][];
  /** sumFact over every part (SchoolFactsCollector.sumFact). */
  sumFact: (key: AssessmentFactKey) => FactSum;
  /** Fact columns present in some table (SchoolFactsCollector.columns): a fact no table has sums to nothing. */
  columns: ReadonlySet<AssessmentFactKey>;
  county: CountyData | null;
  settings: AssessmentSettings;
  tolerance: number;
  limits: SchoolRowLimits;
  findings: FindingCollector;
  /** §17.4: relaxations applied (on), or schools that would pass with them (off). */
  relaxations: { applied: RelaxationNote[]; wouldPass: RelaxationNote[] };
}

/** v compared with t with the relative tolerance of §7 (≥ and ≤ forgive 1e-9·t; "<" is strict). */
export function compare(v: number, t: number, cmp: Comparison, tolerance: number): boolean {
  const tol = tolerance * Math.abs(t);
  if (cmp === ">=") return v >= t - tol;
  if (cmp === "<=") return v <= t + tol;
  return v < t;
}

/** §17.3: meets is false when any part is false, else null when any is null, else true. */
export function combine(values: (boolean | null)[]): boolean | null {
  if (values.some((m) => m === false)) return false;
  if (values.some((m) => m === null)) return null;
  return true;
}

type Draft = Omit<AssessmentItem, "id" | "part" | "name">;

/** Reads 「县级指标」 codes for one item and records them as its inputs. */
class Inputs {
  readonly list: AssessmentInput[] = [];
  constructor(private readonly county: CountyData | null) {}

  entry(code: string): CountyEntry | undefined {
    return this.county?.byCode.get(code);
  }

  /** A number ≥ 0; undefined when absent or blank; "n/a" for "/". */
  num(code: string): number | undefined | "n/a" {
    const e = this.entry(code);
    if (!e || e.value === null) return undefined;
    this.list.push({
      code: e.code,
      value: e.value === "n/a" ? null : e.value,
      unit: e.unit ?? undefined,
      source: "county",
      cell: e.cell,
    });
    if (e.value === "n/a") return "n/a";
    return typeof e.value === "number" ? e.value : undefined;
  }

  /** A number, "/" read as absent. */
  n(code: string): number | undefined {
    const v = this.num(code);
    return typeof v === "number" ? v : undefined;
  }

  bool(code: string): boolean | undefined {
    const e = this.entry(code);
    if (!e || typeof e.value !== "boolean") return undefined;
    this.list.push({ code: e.code, value: e.value, source: "county", cell: e.cell });
    return e.value;
  }

  school(code: string, value: number | null, unit?: string): void {
    this.list.push({ code, value, source: "schools", ...(unit ? { unit } : {}) });
  }

  note(code: string): string | undefined {
    return this.entry(code)?.note ?? undefined;
  }
}

function pct(num: number, den: number): number | null {
  return den > 0 ? (num * 100) / den : null;
}

const missing = (extra: Partial<Draft> = {}): Draft => ({
  value: null,
  threshold: null,
  meets: null,
  status: "missing",
  ...extra,
});

/** A count item (threshold 0, value ≤ 0): value failures; `open` = parts undecided or missing. */
function countDraft(failures: number | null, open: number, status: ItemStatus = "computed"): Draft {
  if (failures === null) return missing({ threshold: 0 });
  const meets = failures > 0 ? false : open > 0 ? null : true;
  // §17.8: a missing item has no value (0 failures so far is not 0 failures).
  const missingNow = open > 0 && failures === 0;
  return {
    value: missingNow ? null : failures,
    threshold: 0,
    meets,
    status: missingNow ? "missing" : status,
  };
}

/** A rate or amount against a threshold. */
function numberDraft(
  value: number | null,
  threshold: number | null,
  cmp: Comparison,
  tol: number,
  status: ItemStatus
): Draft {
  if (value === null || threshold === null) return missing({ threshold });
  return { value, threshold, meets: compare(value, threshold, cmp, tol), status };
}

function part(
  id: string,
  value: number | null,
  threshold: number,
  cmp: Comparison,
  tol: number
): AssessmentItemPart {
  return {
    id,
    value,
    threshold,
    meets: value === null ? null : compare(value, threshold, cmp, tol),
  };
}

function compound(
  parts: AssessmentItemPart[],
  status: ItemStatus,
  extra: Partial<Draft> = {}
): Draft {
  const anyMissing = parts.length === 0 || parts.some((p) => p.value === null && p.meets === null);
  return {
    value: null,
    threshold: null,
    meets: parts.length === 0 ? null : combine(parts.map((p) => p.meets)),
    status: anyMissing ? "missing" : status,
    parts,
    ...extra,
  };
}

/** The record (a school's parts, one after the other) whose first part is parts[i]. */
function recordAt(parts: PartFacts[], i: number): PartFacts[] {
  let end = i + 1;
  while (end < parts.length && !parts[end].first) end++;
  return parts.slice(i, end);
}

function recordFact(
  rec: PartFacts[],
  key: AssessmentFactKey,
  columns: ReadonlySet<AssessmentFactKey>
): number | null | undefined {
  const { sum, missing: miss } = sumFact(rec, key, columns);
  if (miss > 0) return null;
  return sum === null ? undefined : sum;
}

type Ctx = ItemContext;

type ItemFn = (def: AssessmentItemDefinition, ctx: Ctx, inp: Inputs) => Draft;

// Without 「县级指标」 the school-row items add no findings of their own: their schools are already reported by the
// §10 checks, and a workbook checked as before keeps the findings it had.
const partial = (
  ctx: ItemContext,
  item: string,
  why: PartialInputReason,
  school: string | null = null
): void => {
  if (!ctx.county) return;
  ctx.findings.add(
    "assessment-partial-input",
    { sheet: ctx.county?.sheet ?? null, school },
    { item, ...why }
  );
};

// ---------------------------------------------------------------------------------------------------------------
// 资源配置

function resourceCv(index: number): ItemFn {
  return (def, ctx) => {
    const id = RESOURCE_INDICATOR_IDS[index];
    const parts: AssessmentItemPart[] = [];
    for (const stage of STAGES) {
      const c = ctx.report.county[stage];
      if (!c) continue;
      const r = c.indicators[id];
      parts.push({
        id: `${def.id}.${stage}`,
        value: r?.cv ?? null,
        threshold: r?.limit ?? null,
        meets: r?.meets ?? null,
      });
    }
    return compound(parts, "computed");
  };
}

const resourceSchool: ItemFn = (_def, ctx) => {
  // One pass over the assessed parts (not excluded): the failing ones, and the undecided ones.
  let assessed = 0;
  let open = 0;
  const fails: string[] = [];
  for (const s of ctx.report.schools) {
    if (s.excluded) continue;
    assessed++;
    if (s.status === "fail") fails.push(s.name);
    if (s.status === "incomplete" || s.meets === null) open++;
  }
  if (assessed === 0) return missing({ threshold: 0 });
  return { ...countDraft(fails.length, open), schools: fails };
};

const resourceAllCv: ItemFn = (_def, ctx) => {
  let over = 0;
  let open = 0;
  let any = false;
  for (const stage of STAGES) {
    const c = ctx.report.county[stage];
    if (!c) continue;
    for (const id of RESOURCE_INDICATOR_IDS) {
      any = true;
      const m = c.indicators[id]?.meets ?? null;
      if (m === false) over++;
      else if (m === null) open++;
    }
  }
  return any ? countDraft(over, open) : missing({ threshold: 0 });
};

// ---------------------------------------------------------------------------------------------------------------
// Judgements and vetoes

const judgementItem: ItemFn = (def, ctx, inp) => {
  const code = def.judgementCode as string;
  const b = inp.bool(code);
  const note = inp.note(code);
  const extra: Partial<Draft> = note ? { note } : {};
  if (b === undefined) return missing(extra);
  let meets: boolean | null = b;
  // G2 with limits.fundingBase: the county's 定额 must also reach the province's floor (§17.5).
  if (def.id === "G2" && ctx.settings.fundingBase && b) {
    const floors = ctx.settings.fundingBase;
    const checks = (["primary", "junior"] as Stage[]).map((s) => {
      const base = inp.n(`G2.base_${s}`);
      return base === undefined ? null : compare(base, floors[s], ">=", ctx.tolerance);
    });
    meets = combine([true, ...checks]);
  }
  return {
    value: null,
    threshold: null,
    meets,
    status: meets === null ? "missing" : "entered",
    ...extra,
  };
};

const vetoItem: ItemFn = (def, _ctx, inp) => {
  const code = def.judgementCode as string;
  const b = inp.bool(code);
  const note = inp.note(code);
  const extra: Partial<Draft> = note ? { note } : {};
  // 否 = no such case = meets (§17.3).
  if (b === undefined) return missing(extra);
  return { value: null, threshold: null, meets: !b, status: "entered", ...extra };
};

// ---------------------------------------------------------------------------------------------------------------
// 政府保障: school rows

/** The largest class of a school: 最大班额, else the upper bound of its highest non-empty band (§17.4). */
function largestClass(p: PartFacts): number | undefined {
  const max = p.value("max_class_size");
  if (typeof max === "number") return max;
  let top: number | undefined;
  for (const b of CLASS_BANDS) if ((p.value(b.key) ?? 0) > 0) top = Math.max(top ?? 0, b.high);
  return top;
}

/** §17.4 relaxed minimum room area (the lower one when two apply), or undefined when none applies. */
function relaxedRoomMin(p: PartFacts, kind: "music" | "art"): number | undefined {
  const mins: number[] = [];
  if (p.builtBy2016) mins.push(RELAXED_LIMITS.roomsBuiltBy2016[kind]);
  const largest = largestClass(p);
  if (p.ruralSmall && largest !== undefined && largest < RELAXED_LIMITS.ruralSmallLargestClassBelow)
    mins.push(RELAXED_LIMITS.roomsRuralSmall[p.stage]);
  return mins.length ? Math.min(...mins) : undefined;
}

/** Would the school's rooms pass with the relaxed minimum area (enough rooms, each of the relaxed size)? */
function roomsPassRelaxed(p: PartFacts, limits: SchoolRowLimits): boolean {
  const classes = p.value("classes");
  if (typeof classes !== "number") return false;
  const required = Math.max(1, Math.ceil(classes / limits.classesPerSpecialRoom));
  for (const kind of ["music", "art"] as const) {
    const normal = kind === "music" ? limits.musicRoomMinArea : limits.artRoomMinArea;
    const min = Math.min(relaxedRoomMin(p, kind) ?? normal, normal);
    // Room-size bands: the rooms of at least the relaxed minimum each (§17.3).
    const sized = roomsOfAtLeast((k) => p.value(k), kind, min);
    if (sized !== undefined) {
      if (sized === null || sized < required) return false;
      continue;
    }
    const rooms = p.value(`${kind}_rooms`);
    const area = p.value(`${kind}_room_area`);
    if (typeof rooms !== "number" || rooms < required) return false;
    if (typeof area !== "number" || rooms === 0) continue;
    if (area / rooms < min) return false;
  }
  return true;
}

function relaxed(ctx: ItemContext, item: string, p: PartFacts): boolean {
  const note: RelaxationNote = { item, school: p.name, stage: p.stage };
  if (ctx.settings.relaxations === "guicheng-2019") {
    ctx.relaxations.applied.push(note);
    return true;
  }
  ctx.relaxations.wouldPass.push(note);
  return false;
}

const G3: ItemFn = (_def, ctx, inp) => {
  // No table has room columns: no school has a room check, so the item has nothing to judge.
  if (
    !ctx.columns.has("music_rooms") &&
    !ctx.columns.has("art_rooms") &&
    !ROOM_SIZE_BANDS.some((b) => ctx.columns.has(b.key))
  )
    return missing({ threshold: 0 });
  // Schools of the resource list (教学点 < 50 not tested), judged once per school (first part).
  const schools = ctx.parts.filter((p) => p.first && !p.excluded);
  let failing = 0;
  let open = 0;
  let any = false;
  const names: string[] = [];
  for (const p of schools) {
    const music = p.checks?.music_rooms;
    const art = p.checks?.art_rooms;
    if (!music && !art) {
      open++;
      continue;
    }
    any = true;
    if (music?.meets === false || art?.meets === false) {
      if (roomsPassRelaxed(p, ctx.limits) && relaxed(ctx, "G3", p)) continue;
      failing++;
      names.push(p.name);
    } else if (!music || !art) open++;
  }
  if (!any) return missing({ threshold: 0 });
  // §17.3: with 间数 + 面积 (no room-size bands) the average room stands for each room: a warning says so.
  const averaged = schools.filter((p) =>
    (["music", "art"] as const).some(
      (k) =>
        typeof p.value(`${k}_room_area`) === "number" &&
        roomsOfAtLeast((key) => p.value(key), k, 0) === undefined
    )
  ).length;
  if (averaged > 0) partial(ctx, "G3", { reason: "average-room-area", schools: averaged });
  inp.school("G3.failing", failing);
  return { ...countDraft(failing, open), schools: names };
};

const G4: ItemFn = (_def, ctx, inp) => {
  const over = { primary: 0, junior: 0, throughTrain: 0 };
  let open = 0;
  let any = false;
  const names: string[] = [];
  // One pass over the schools (the first part of each; its record only for a school over the limit): looking a
  // school's parts up per failing school was quadratic (1.5 s of a 10,000-row county).
  const parts = ctx.parts;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (!p.first || p.excluded) continue;
    const c = p.checks?.school_size;
    if (!c) {
      open++;
      continue;
    }
    any = true;
    if (c.meets === false) {
      // §17.4: built by 2010, or more than half 随迁子女 → 2400 (一贯制 3000).
      const throughTrain = p.kind === "nine-year" || p.kind === "twelve-year";
      const migrant = recordFact(recordAt(parts, i), "migrant_students", ctx.columns);
      const mostlyMigrant =
        typeof migrant === "number" &&
        c.value !== null &&
        c.value > 0 &&
        (migrant * 100) / c.value > RELAXED_LIMITS.migrantShareAbove;
      const limit = throughTrain
        ? RELAXED_LIMITS.throughTrainSchoolSize
        : RELAXED_LIMITS.schoolSize;
      if (
        (p.builtBy2010 || mostlyMigrant) &&
        c.value !== null &&
        c.value <= limit &&
        relaxed(ctx, "G4", p)
      )
        continue;
      names.push(p.name);
      if (p.kind === "nine-year" || p.kind === "twelve-year") over.throughTrain++;
      else if (p.kind === "junior" || p.kind === "complete-secondary") over.junior++;
      else over.primary++;
    }
  }
  if (!any) return missing({ threshold: 0 });
  inp.school("G4.primary_over", over.primary);
  inp.school("G4.junior_over", over.junior);
  inp.school("G4.through_train_over", over.throughTrain);
  return { ...countDraft(over.primary + over.junior + over.throughTrain, open), schools: names };
};

/** Bands whose classes are all over the stage's limit, and bands straddling it (§17.3 G5). */
function bandsOver(stage: Stage, limit: number): { over: string[]; straddle: string[] } {
  const over: string[] = [];
  const straddle: string[] = [];
  for (const b of CLASS_BANDS) {
    if (b.low > limit) over.push(b.key);
    else if (b.high > limit) straddle.push(b.key);
  }
  void stage;
  return { over, straddle };
}

const G5_LIMIT: Record<Stage, number> = { primary: 45, junior: 50 };

const G5: ItemFn = (_def, ctx, inp) => {
  const over: Record<Stage, number> = { primary: 0, junior: 0 };
  let undetermined = 0;
  let open = 0;
  let lowerBound = 0;
  let any = false;
  const names = new Set<string>();
  // The band columns of any table; a part can only have those.
  const present = CLASS_BANDS.map((b) => b.key).filter((k) => ctx.columns.has(k));
  const none: AssessmentFactKey[] = [];
  for (const p of ctx.parts) {
    const limit = G5_LIMIT[p.stage];
    const bandKeys = present.length ? present.filter((k) => p.has(k)) : none;
    if (bandKeys.length > 0) {
      any = true;
      const whole = bandKeys.some((k) => p.whole(k));
      if (whole) {
        // Whole-school bands of a combined school: counted once; > 50 is over for both stages, 46–50 unplaceable.
        if (!p.first) continue;
        const { over: sure, straddle } = bandsOver(
          p.stage,
          Math.max(G5_LIMIT.primary, G5_LIMIT.junior)
        );
        const lowStraddle = bandsOver(p.stage, Math.min(G5_LIMIT.primary, G5_LIMIT.junior));
        const n = sure.reduce((s, k) => s + (p.value(k as AssessmentFactKey) ?? 0), 0);
        // Classes over 50 cannot be told by stage either: counted as 初中 (the stage whose limit they break for sure).
        over.junior += n;
        const unplaced = [
          ...new Set([...straddle, ...lowStraddle.over.filter((k) => !sure.includes(k))]),
        ].reduce((s, k) => s + (p.value(k as AssessmentFactKey) ?? 0), 0);
        if (unplaced > 0) undetermined++;
        if (n > 0) names.add(p.name);
        continue;
      }
      const { over: keys, straddle } = bandsOver(p.stage, limit);
      const n = keys.reduce((s, k) => s + (p.value(k as AssessmentFactKey) ?? 0), 0);
      const unsure = straddle.reduce((s, k) => s + (p.value(k as AssessmentFactKey) ?? 0), 0);
      over[p.stage] += n;
      if (n > 0) names.add(p.name);
      if (unsure > 0) undetermined++;
      const classes = p.value("classes");
      const total = bandKeys.reduce((s, k) => s + (p.value(k) ?? 0), 0);
      if (
        classes !== undefined &&
        classes !== null &&
        !p.whole("classes") &&
        Math.abs(total - classes) > 1e-9
      )
        partial(ctx, "G5", { reason: "bands-mismatch", bands: total, classes }, p.name);
      continue;
    }
    const c = p.checks?.class_size;
    if (!c) {
      // 教学点 < 50 have no checks run: a class of fewer than 50 pupils breaks neither limit.
      if (p.excluded && (p.students ?? Infinity) <= limit) continue;
      open++;
      continue;
    }
    any = true;
    if (c.meets === false) {
      // Without bands a largest class over the limit is at least 1 class (a lower bound, §17.3).
      over[p.stage] += 1;
      lowerBound++;
      names.add(p.name);
    } else if (c.meets === null) undetermined++;
  }
  if (!any) return missing({ threshold: 0 });
  if (lowerBound > 0) partial(ctx, "G5", { reason: "largest-class-only", schools: lowerBound });
  inp.school("G5.primary_over", over.primary);
  inp.school("G5.junior_over", over.junior);
  const total = over.primary + over.junior;
  const d = countDraft(total, undetermined + open);
  return { ...d, status: open > 0 && total === 0 ? "missing" : "computed", schools: [...names] };
};

const G6: ItemFn = (_def, ctx, inp) => {
  const small: { rec: PartFacts[]; students: number; funds: number | null | undefined }[] = [];
  let unknownStudents = 0;
  // Record by record (a school and its stage parts, one after the other), without a list per school.
  const parts = ctx.parts;
  for (let start = 0, end = 0; start < parts.length; start = end) {
    end = start + 1;
    while (end < parts.length && !parts[end].first) end++;
    let students: number | null = 0;
    for (let j = start; j < end; j++) {
      const p = parts[j];
      if (p.students === null) {
        students = null;
        break;
      }
      students += p.students;
    }
    if (students === null) {
      unknownStudents++;
      continue;
    }
    if (students >= 100) continue;
    const rec = parts.slice(start, end);
    const funds =
      recordFact(rec, "public_funds", ctx.columns) ?? recordFact(rec, "public_budget", ctx.columns);
    small.push({ rec, students, funds });
  }
  if (small.length === 0) {
    if (unknownStudents > 0) return missing({ threshold: 0 });
    return { value: null, threshold: 0, meets: true, status: "not-applicable" };
  }
  const bases: Record<Stage, number | undefined> = {
    primary: inp.n("G2.base_primary"),
    junior: inp.n("G2.base_junior"),
  };
  let failing = 0;
  let open = unknownStudents;
  let students = 0;
  // The total only when every small school has its figure: a blank is never 0 (表Ⅳ then shows ＿＿).
  let funds: number | null = 0;
  const names: string[] = [];
  for (const s of small) {
    students += s.students;
    if (typeof s.funds === "number" && funds !== null) funds += s.funds;
    else funds = null;
    const stageBases = s.rec.map((p) => bases[p.stage]);
    if (typeof s.funds !== "number" || stageBases.some((b) => b === undefined)) {
      open++;
      continue;
    }
    // A school with both stages uses the larger 定额 (not confirmed, §17.3).
    const base = Math.max(...(stageBases as number[]));
    if (!compare(s.funds, 100 * base, ">=", ctx.tolerance)) {
      failing++;
      names.push(s.rec[0].name);
    }
  }
  inp.school("G6.students", students, "人");
  inp.school("G6.funds", funds, "元");
  inp.school("G6.schools", small.length);
  return { ...countDraft(failing, open), schools: names };
};

// ---------------------------------------------------------------------------------------------------------------
// 政府保障: county figures

const G7: ItemFn = (_def, ctx, inp) => {
  const funds = inp.num("G7.special_funds");
  const students = inp.num("G7.special_students");
  const threshold = ctx.settings.specialFundsPerStudent;
  if (students === "n/a" || students === 0)
    return { value: null, threshold, meets: true, status: "not-applicable" };
  if (typeof funds !== "number" || students === undefined) return missing({ threshold });
  const value = funds / students;
  const d = numberDraft(value, threshold, ">=", ctx.tolerance, "computed");
  if (d.meets === false) d.gap = { value: threshold * students - funds, unit: "yuan" };
  return d;
};

const G8: ItemFn = (_def, ctx, inp) => {
  const teacher = inp.n("G8.teacher_salary");
  const civil = inp.n("G8.civil_salary");
  const perf = inp.bool("G8.performance_pay");
  if (teacher === undefined || civil === undefined) return missing({ threshold: civil ?? null });
  const d = numberDraft(teacher, civil, ">=", ctx.tolerance, "computed");
  if (perf === false) d.meets = false;
  if (perf === undefined)
    partial(ctx, "G8", {
      reason: "condition-not-entered",
      code: "G8.performance_pay",
      judgedOn: "salaries",
    });
  if (d.meets === false && teacher < civil) d.gap = { value: civil - teacher, unit: "yuan" };
  return d;
};

/** G9 / G12 per school: the schools whose 持证 / 360学时 teachers are fewer than their 专任教师 (issue 12 Deliver 3). */
function schoolsShort(ctx: Ctx, key: AssessmentFactKey): string[] {
  if (!ctx.columns.has(key)) return [];
  const names: string[] = [];
  for (const rec of ctx.records()) {
    const n = recordFact(rec, key, ctx.columns);
    const t = recordFact(rec, "teachers", ctx.columns);
    if (typeof n === "number" && typeof t === "number" && n < t - 1e-9) names.push(rec[0].name);
  }
  return names;
}

/** G9 / G12: a county count wins over the school sum; a difference is a warning (§17.3, §17.6). */
function teacherRate(
  id: "G9" | "G12",
  numCode: string,
  denCode: string,
  rateCode: string,
  schoolKey: AssessmentFactKey,
  label: { zh: string; en: string }
): ItemFn {
  return (def, ctx, inp) => {
    const threshold = def.threshold as number;
    const schoolNum = ctx.sumFact(schoolKey);
    const schoolDen = ctx.sumFact("teachers");
    const countyNum = inp.n(numCode);
    const countyDen = inp.n(denCode);
    const check = (
      code: string,
      county: number | undefined,
      schools: number | null,
      _what: string,
      _whatEn: string
    ) => {
      if (county !== undefined && schools !== null && Math.abs(county - schools) > 1e-9)
        ctx.findings.add(
          "county-school-mismatch",
          { sheet: ctx.county?.sheet ?? null, cell: ctx.county?.byCode.get(code)?.cell ?? null },
          { code, county, schools }
        );
    };
    check(numCode, countyNum, schoolNum.sum, label.zh, label.en);
    check(denCode, countyDen, schoolDen.sum, "专任教师数", "full-time teachers");
    let num = countyNum;
    let den = countyDen;
    if (num === undefined && schoolNum.sum !== null && schoolNum.missing === 0) {
      num = schoolNum.sum;
      inp.school(`${id}.${schoolKey}`, num, "人");
    }
    if (den === undefined && schoolDen.sum !== null && schoolDen.missing === 0) {
      den = schoolDen.sum;
      inp.school(`${id}.teachers`, den, "人");
    }
    const value = num !== undefined && den !== undefined ? pct(num, den) : null;
    const entered = inp.n(rateCode);
    if (value !== null) {
      if (entered !== undefined && Math.abs(entered - value) >= 0.05)
        ctx.findings.add(
          "county-rate-differs",
          {
            sheet: ctx.county?.sheet ?? null,
            cell: ctx.county?.byCode.get(rateCode)?.cell ?? null,
          },
          { code: rateCode, entered, computed: value }
        );
      const d = numberDraft(value, threshold, ">=", ctx.tolerance, "computed");
      if (d.meets === false && num !== undefined && den !== undefined)
        d.gap = { value: Math.ceil((threshold / 100) * den - num - 1e-9), unit: "teachers" };
      if (d.meets === false) d.schools = schoolsShort(ctx, schoolKey);
      return d;
    }
    if (entered !== undefined)
      return numberDraft(entered, threshold, ">=", ctx.tolerance, "entered");
    return missing({ threshold });
  };
}

const G11: ItemFn = (def, ctx, inp) => {
  const [rotDef, keyDef] = def.parts!;
  const eligible = inp.n("G11.eligible");
  const rotated = inp.n("G11.rotated");
  const key = inp.n("G11.key_rotated");
  let rotation: number | null =
    eligible !== undefined && rotated !== undefined ? pct(rotated, eligible) : null;
  let keyShare: number | null =
    rotated !== undefined && key !== undefined ? pct(key, rotated) : null;
  let status: ItemStatus = "computed";
  if (rotation === null) {
    const r = inp.n("G11.rotation_rate");
    if (r !== undefined) {
      rotation = r;
      status = "entered";
    }
  }
  if (keyShare === null && rotated !== 0) {
    const r = inp.n("G11.key_rate");
    if (r !== undefined) {
      keyShare = r;
      status = "entered";
    }
  }
  const parts = [
    part(`G11.${rotDef.key}`, rotation, rotDef.threshold, rotDef.comparison, ctx.tolerance),
    part(`G11.${keyDef.key}`, keyShare, keyDef.threshold, keyDef.comparison, ctx.tolerance),
  ];
  // rotated = 0: the rotation share fails and the key share is null (§17.3).
  if (rotated === 0) parts[1] = { ...parts[1], value: null, meets: null };
  const d = compound(parts, status);
  if (rotated === 0) d.status = status;
  if (parts[0].meets === false && eligible !== undefined && rotated !== undefined)
    d.gap = {
      value: Math.ceil((rotDef.threshold / 100) * eligible - rotated - 1e-9),
      unit: "teachers",
    };
  // Enough teachers rotated but too few 骨干 among them: the gap is the 骨干 still to send.
  else if (parts[1].meets === false && rotated !== undefined && key !== undefined)
    d.gap = {
      value: Math.ceil((keyDef.threshold / 100) * rotated - key - 1e-9),
      unit: "teachers",
    };
  return d;
};

const G13: ItemFn = (def, ctx, inp) => {
  const area = ctx.settings.nearbyPairing === "area";
  const entrants = ctx.settings.nearbyBasis === "entrants";
  const groups = area ? ["urban", "town"] : ["primary", "junior"];
  let status: ItemStatus = "computed";
  const parts = groups.map((g, i) => {
    const pdef = def.parts![i];
    const nearby = inp.n(
      area ? `G13.${g}_nearby` : entrants ? `G13.${g}_entrants_nearby` : `G13.${g}_nearby`
    );
    const students = inp.n(
      area ? `G13.${g}_students` : entrants ? `G13.${g}_entrants` : `G13.${g}_students`
    );
    let v = nearby !== undefined && students !== undefined ? pct(nearby, students) : null;
    if (v === null && !area) {
      const r = inp.n(`G13.${g}_rate`);
      if (r !== undefined) {
        v = r;
        status = "entered";
      }
    }
    return part(`G13.${g}`, v, pdef.threshold, pdef.comparison, ctx.tolerance);
  });
  return compound(parts, status);
};

/** A county share (count × 100 ÷ base) with an optional 是/否 condition and an entered rate. */
function countyShare(
  numerator: (inp: Inputs) => number | undefined,
  denominator: string,
  rateCode: string,
  condition?: { code: string }
): ItemFn {
  return (def, ctx, inp) => {
    const threshold = def.threshold as number;
    const num = numerator(inp);
    const den = inp.n(denominator);
    let d: Draft;
    const value = num !== undefined && den !== undefined ? pct(num, den) : null;
    const entered = inp.n(rateCode);
    if (value !== null) {
      if (entered !== undefined && Math.abs(entered - value) >= 0.05)
        ctx.findings.add(
          "county-rate-differs",
          {
            sheet: ctx.county?.sheet ?? null,
            cell: ctx.county?.byCode.get(rateCode)?.cell ?? null,
          },
          { code: rateCode, entered, computed: value }
        );
      d = numberDraft(value, threshold, ">=", ctx.tolerance, "computed");
      if (d.meets === false && num !== undefined && den !== undefined)
        d.gap = {
          value: Math.ceil((threshold / 100) * den - num - 1e-9),
          unit: def.id === "G14" ? "places" : "students",
        };
    } else if (entered !== undefined)
      d = numberDraft(entered, threshold, ">=", ctx.tolerance, "entered");
    else d = missing({ threshold });
    if (condition) {
      const b = inp.bool(condition.code);
      if (b === false) d.meets = false;
      if (b === undefined && d.meets !== null)
        partial(ctx, def.id, {
          reason: "condition-not-entered",
          code: condition.code,
          judgedOn: "share",
        });
    }
    return d;
  };
}

const G14 = countyShare((inp) => inp.n("G14.quota_allocated"), "G14.quota_total", "G14.rate", {
  code: "G14.rural_tilt",
});
// Read 农村 places for the 表Ⅳ sentence too.
const G14withRural: ItemFn = (def, ctx, inp) => {
  const d = G14(def, ctx, inp);
  inp.n("G14.quota_rural");
  return d;
};

const G15 = countyShare(
  (inp) => {
    const pub = inp.n("G15.public");
    const bought = inp.n("G15.purchased");
    // Both numbers are needed: a blank is never 0 (a county without such pupils enters 0).
    return pub === undefined || bought === undefined ? undefined : pub + bought;
  },
  "G15.eligible",
  "G15.rate",
  { code: "G15.left_behind_care" }
);

// ---------------------------------------------------------------------------------------------------------------
// 教育质量

/**
 * Q1's five numbers from the 初中 rows (§17.7, "junior rows summed"): every 初中 part, 教学点 never being one. A
 * whole-school figure of a split school (九年一贯制, 完全中学) may hold 小学 or 高中 pupils too: it is not used.
 * undefined when no part has the column or any part lacks the value.
 */
function juniorSum(parts: PartFacts[], key: Q1FactKey): number | undefined {
  let sum: number | undefined;
  let gaps = 0;
  for (const p of parts) {
    if (p.stage !== "junior") continue;
    const value = p.value(key);
    if (value === undefined || p.whole(key)) {
      if (p.isMissing(key) || p.whole(key)) gaps++;
      continue;
    }
    sum = (sum ?? 0) + value;
  }
  return gaps > 0 ? undefined : sum;
}

const Q1_CODES: [string, Q1FactKey][] = [
  ["Q1.graduates", "graduates"],
  ["Q1.entrants", "cohort_start"],
  ["Q1.transfer_in", "transfer_in"],
  ["Q1.transfer_out", "transfer_out"],
  ["Q1.deaths", "deaths"],
];

const Q1: ItemFn = (def, ctx, inp) => {
  const threshold = def.threshold as number;
  // Each number: the county code when given (it wins, §17.6), else the 初中 rows' sum; a difference is a warning.
  const anyJunior = ctx.parts.some((p) => p.stage === "junior");
  const [G, N, I, O, D] = Q1_CODES.map(([code, key]) => {
    const county = inp.n(code);
    // A column no table has: no part has the number, so there is no sum (no walk over every part).
    const schools = anyJunior && ctx.columns.has(key) ? juniorSum(ctx.parts, key) : undefined;
    if (county !== undefined && schools !== undefined && Math.abs(county - schools) > 1e-9)
      ctx.findings.add(
        "county-school-mismatch",
        { sheet: ctx.county?.sheet ?? null, cell: ctx.county?.byCode.get(code)?.cell ?? null },
        { code, county, schools }
      );
    if (county !== undefined) return county;
    if (schools !== undefined) inp.school(code, schools, "人");
    return schools;
  });
  const formula = ctx.settings.consolidationFormula;
  let value: number | null = null;
  if (G !== undefined && N !== undefined) {
    if (formula === "plain") value = pct(G, N);
    else if (I !== undefined && O !== undefined && D !== undefined) {
      value = formula === "retained" ? pct(G - I + O, N - D) : pct(G, N + I - O - D);
    }
  }
  const entered = inp.n("Q1.rate");
  if (value !== null) {
    if (entered !== undefined && Math.abs(entered - value) >= 0.05)
      ctx.findings.add(
        "county-rate-differs",
        { sheet: ctx.county?.sheet ?? null, cell: ctx.county?.byCode.get("Q1.rate")?.cell ?? null },
        { code: "Q1.rate", entered, computed: value }
      );
    return numberDraft(value, threshold, ">=", ctx.tolerance, "computed");
  }
  if (entered !== undefined) return numberDraft(entered, threshold, ">=", ctx.tolerance, "entered");
  return missing({ threshold });
};

const Q2: ItemFn = (def, ctx, inp) => {
  const d = countyShare((i) => i.n("Q2.disabled_enrolled"), "Q2.disabled_children", "Q2.rate")(
    def,
    ctx,
    inp
  );
  inp.n("Q2.special_school_enrolled");
  if (d.gap) d.gap.unit = "people";
  return d;
};

const Q4: ItemFn = (_def, ctx, inp) => {
  const base: AssessmentFactKey =
    ctx.settings.trainingFundsBase === "final" ? "public_final" : "public_budget";
  // No table has 教师培训经费: no school can be judged.
  if (!ctx.columns.has("training_funds")) return missing({ threshold: 0 });
  let failing = 0;
  let open = 0;
  let judged = 0;
  const names: string[] = [];
  for (const rec of ctx.records()) {
    const training = recordFact(rec, "training_funds", ctx.columns);
    let budget = recordFact(rec, base, ctx.columns);
    // A table with one 公用经费 column serves G6 and Q4 alike (§17.3).
    if (budget === undefined && base === "public_budget")
      budget = recordFact(rec, "public_funds", ctx.columns);
    if (typeof training !== "number" || typeof budget !== "number") {
      // A 教学点 with neither value (blank cells or no column) is funded through its 中心校: skipped (§17.3).
      if (
        rec[0].kind === "teaching-point" &&
        typeof training !== "number" &&
        typeof budget !== "number"
      )
        continue;
      open++;
      continue;
    }
    judged++;
    const share = budget > 0 ? (training * 100) / budget : training > 0 ? Infinity : null;
    if (share === null || !compare(share, 5, ">=", ctx.tolerance)) {
      failing++;
      names.push(rec[0].name);
    }
  }
  if (judged === 0) return missing({ threshold: 0 });
  inp.school("Q4.failing", failing);
  return { ...countDraft(failing, open), schools: names };
};

const Q9: ItemFn = (_def, ctx, inp) => {
  const parts: AssessmentItemPart[] = [];
  for (const s of Q9_SUBJECTS) {
    const level = inp.n(`Q9.${s.key}.level`);
    const gap = inp.n(`Q9.${s.key}.gap`);
    if (level === undefined && gap === undefined) continue;
    parts.push(part(`Q9.${s.key}.level`, level ?? null, Q9_LEVEL_MIN, ">=", ctx.tolerance));
    parts.push(part(`Q9.${s.key}.gap`, gap ?? null, Q9_GAP_LIMIT, "<", ctx.tolerance));
  }
  if (parts.length === 0) return missing();
  return compound(parts, "entered");
};

const S1: ItemFn = (def, ctx, inp) => {
  const [surveyDef, visitDef] = def.parts!;
  const valid = inp.n("S1.valid");
  const satisfied = inp.n("S1.satisfied");
  const visits = inp.n("S1.visits");
  const visitSatisfied = inp.n("S1.visit_satisfied");
  inp.n("S1.surveys");
  const survey = valid !== undefined && satisfied !== undefined ? pct(satisfied, valid) : null;
  if (survey === null) {
    const rate = inp.n("S1.rate");
    // The national survey's single figure stands for the item (§17.2).
    if (rate !== undefined)
      return numberDraft(rate, surveyDef.threshold, ">=", ctx.tolerance, "entered");
    return missing();
  }
  const parts = [
    part("S1.survey", survey, surveyDef.threshold, surveyDef.comparison, ctx.tolerance),
  ];
  if (visits !== undefined && visits > 0 && visitSatisfied !== undefined)
    parts.push(
      part(
        "S1.visit",
        pct(visitSatisfied, visits),
        visitDef.threshold,
        visitDef.comparison,
        ctx.tolerance
      )
    );
  return compound(parts, "computed");
};

const ITEM_FNS: Record<string, ItemFn> = {
  R1: resourceCv(0),
  R2: resourceCv(1),
  R3: resourceCv(2),
  R4: resourceCv(3),
  R5: resourceCv(4),
  R6: resourceCv(5),
  R7: resourceCv(6),
  "R-school": resourceSchool,
  "R-cv": resourceAllCv,
  G3,
  G4,
  G5,
  G6,
  G7,
  G8,
  G9: teacherRate("G9", "G9.trained", "G9.teachers", "G9.rate", "trained_teachers", {
    zh: "完成360学时培训教师数",
    en: "teachers with 360 training hours",
  }),
  G11,
  G12: teacherRate("G12", "G12.certified", "G12.teachers", "G12.rate", "certified_teachers", {
    zh: "持证专任教师数",
    en: "certified teachers",
  }),
  G13,
  G14: G14withRural,
  G15,
  Q1,
  Q2,
  Q4,
  Q9,
  S1,
};

export function computeItems(ctx: ItemContext): AssessmentItem[] {
  return ASSESSMENT_2017.map((def) => {
    const inp = new Inputs(ctx.county);
    const fn =
      ITEM_FNS[def.id] ??
      (def.kind === "veto" ? vetoItem : def.kind === "judgement" ? judgementItem : undefined);
    if (!fn) throw new Error(`no rule for assessment item ${def.id}`);
    const d = fn(def, ctx, inp);
    const item: AssessmentItem = {
      id: def.id,
      part: def.part,
      value: d.value,
      threshold: d.threshold,
      meets: d.meets,
      status: d.status,
    };
    if (inp.list.length) item.inputs = inp.list;
    if (d.parts) item.parts = d.parts;
    if (d.schools && d.schools.length) item.schools = d.schools;
    if (d.gap) item.gap = d.gap;
    if (d.note) item.note = d.note;
    return item;
  });
}
