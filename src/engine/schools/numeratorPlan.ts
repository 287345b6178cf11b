/**
 * What counts (standards.md §3.2): which columns supply each numerator and how they combine, declared once in
 * NUMERATORS. The plan of a stage (planStage) and the column coverage of a table (NUMERATOR_SOURCES, used by
 * checks/columnCoverage.ts) are both derived from it, so a source added there is both read and counted.
 */
import { CheckSettings } from "../../standards";
import { NumeratorKind, Stage } from "../../standards/types";
import { CLASS_BANDS, ROOM_SIZE_BANDS } from "../table/fields";
import { ColumnMatch } from "../table/matchColumn";
import { QuantityReader, Quantity } from "./quantities";
import { partKey, ratioKey, stagedKey } from "../table/columnKey";

/** How a numerator is read from a table's columns: data, interpreted by planNumerator. */
export type NumeratorSource =
  /** One column. */
  | { readonly column: string }
  /**
   * The columns the table has, summed; `field` names the sum. `skipUnderArts`: 音乐 / 美术 columns under an 艺术
   * total are parts of it, not added to it.
   */
  | { readonly sum: readonly string[]; readonly field: string; readonly skipUnderArts?: true }
  /** Another source per stage. */
  | { readonly byStage: Readonly<Record<Stage, NumeratorSource>> }
  /** The first alternative the table has a column for (decided once per table). */
  | { readonly first: readonly NumeratorSource[] }
  /** The first source, and per school the second where the first has no cell. */
  | { readonly orElse: readonly [NumeratorSource, NumeratorSource] }
  /**
   * A column with another added (`plus`) or taken off (`minus`, only with policy.subtractIndoorSports); a blank
   * or "/" in the other column counts as 0.
   */
  | { readonly adjusted: string; readonly plus: string }
  | { readonly adjusted: string; readonly minus: string };

const levels = (ls: readonly string[]): string[] => ls.map((l) => partKey("qualified_teachers", l));

/** Every numerator's sources, standards.md §3.2. */
export const NUMERATORS: Readonly<Record<NumeratorKind, NumeratorSource>> = {
  qualified_teachers: {
    first: [
      { column: "qualified_teachers" },
      {
        orElse: [
          // 教师法 第十一条: 小学 needs 中师, 初中 专科, so 小学 counts 专科 and above, 初中 本科 and above.
          {
            byStage: {
              primary: {
                sum: levels(["doctor", "master", "bachelor", "associate"]),
                field: "高于规定学历教师",
              },
              junior: { sum: levels(["doctor", "master", "bachelor"]), field: "高于规定学历教师" },
            },
          },
          { column: "bachelor_plus_teachers" },
        ],
      },
    ],
  },
  key_teachers: { column: "key_teachers" },
  pe_arts_teachers: {
    first: [
      { column: "pe_arts_teachers" },
      {
        sum: [
          "pe_arts_teachers.pe",
          "pe_arts_teachers.arts",
          "pe_arts_teachers.music",
          "pe_arts_teachers.fine_art",
        ],
        field: "体育、艺术专任教师",
        skipUnderArts: true,
      },
    ],
  },
  teaching_space: { adjusted: "teaching_space", minus: "indoor_sports_space" },
  // A combined 体育运动场馆面积 already includes the 体育馆: never add 室内体育用房 to it (§15.7).
  sports_space: {
    first: [{ column: "sports_space" }, { adjusted: "sports_ground", plus: "indoor_sports_space" }],
  },
  equipment_value: { column: "equipment_value" },
  multimedia_rooms: { column: "multimedia_rooms" },
  computers: { column: "computers" },
  books: { column: "books" },
  teachers: { column: "teachers" },
  senior_title_teachers: {
    first: [
      { column: "senior_title_teachers" },
      {
        sum: [
          "senior_title_teachers.intermediate",
          "senior_title_teachers.senior",
          "senior_title_teachers.full_senior",
        ],
        field: "中级及以上职称教师",
      },
    ],
  },
};

/** The column keys that can supply a source (not those that only adjust it: 室内体育用房 alone is no 校舍). */
function suppliers(src: NumeratorSource): string[] {
  if ("column" in src) return [src.column];
  if ("sum" in src) return [...src.sum];
  if ("byStage" in src)
    return [...suppliers(src.byStage.primary), ...suppliers(src.byStage.junior)];
  if ("first" in src) return src.first.flatMap(suppliers);
  if ("orElse" in src) return src.orElse.flatMap(suppliers);
  return [src.adjusted];
}

/** Column keys that can supply each numerator (for "unmapped" and confidence), derived from NUMERATORS. */
export const NUMERATOR_SOURCES: Readonly<Record<NumeratorKind, readonly string[]>> =
  Object.fromEntries(
    Object.entries(NUMERATORS).map(([n, src]) => [n, [...new Set(suppliers(src))]])
  ) as Record<NumeratorKind, string[]>;

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
  ...ROOM_SIZE_BANDS.map((b) => b.key),
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

/** A column key as one stage reads it: its per-stage column if the table has one, and/or the whole-school one. */
export interface ColumnSource {
  key: string;
  /** The stage's own column key ("books@junior"), when the table has it. */
  staged: string | null;
  /** The table has the whole-school column. */
  whole: boolean;
}

/** Reads one numerator of one school part, given a reader of column sources. */
export type NumeratorRead = (
  read: (src: ColumnSource) => Quantity | undefined
) => Quantity | undefined;

/** What one stage of one table reads, decided from its columns alone. */
export interface StagePlan {
  numerators: { kind: NumeratorKind; teacherLike: boolean; read: NumeratorRead }[];
  ratios: { id: string; src: ColumnSource }[];
  facts: { key: FactKey; src: ColumnSource }[];
  /** §17.4 relaxation columns (quality-2017 only): R3 visiting teachers, R5 leased / converted areas. */
  relax?: { teachers?: ColumnSource; areas: ColumnSource[] };
}

export function planStage(
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
 * the table has no column for it: NUMERATORS[n] interpreted against the table's columns.
 */
function planNumerator(
  n: NumeratorKind,
  stage: Stage,
  source: (key: string) => ColumnSource | undefined,
  columns: Map<string, ColumnMatch>,
  subtractIndoor: boolean
): NumeratorRead | undefined {
  const sumOf = (keys: readonly string[], field: string): NumeratorRead | undefined => {
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
  const artsTotal = columns.get("pe_arts_teachers.arts");
  const underArts = (k: string): boolean =>
    !!columns.get(k)?.role && (columns.get(k)?.role as { underArts?: boolean }).underArts === true;
  const plan = (src: NumeratorSource): NumeratorRead | undefined => {
    if ("column" in src) return one(src.column);
    if ("sum" in src) {
      const keys = src.skipUnderArts
        ? src.sum.filter(
            (k) => !(artsTotal && (k.endsWith(".music") || k.endsWith(".fine_art")) && underArts(k))
          )
        : src.sum;
      return sumOf(keys, src.field);
    }
    if ("byStage" in src) return plan(src.byStage[stage]);
    if ("first" in src) {
      for (const alt of src.first) {
        const read = plan(alt);
        if (read) return read;
      }
      return undefined;
    }
    if ("orElse" in src) {
      const a = plan(src.orElse[0]);
      const b = plan(src.orElse[1]);
      if (!a) return b;
      if (!b) return a;
      return (read) => a(read) ?? b(read);
    }
    const base = source(src.adjusted);
    if (!base) return undefined;
    if ("minus" in src) {
      const indoor = subtractIndoor ? source(src.minus) : undefined;
      if (!indoor) return (read) => read(base);
      return (read) => {
        const t = read(base);
        if (!t || t.value === null) return t;
        // A blank or "/" 室内体育用房 means the school has none: nothing to subtract.
        const v = read(indoor)?.value ?? 0;
        return { ...t, value: t.value - v };
      };
    }
    const indoor = source(src.plus);
    if (!indoor) return (read) => read(base);
    return (read) => {
      const g = read(base);
      if (!g || g.value === null) return g;
      return { ...g, value: g.value + (read(indoor)?.value ?? 0) };
    };
  };
  return plan(NUMERATORS[n]);
}
