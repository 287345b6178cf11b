/**
 * Column keys: how the engine names a mapped column (docs/report-format.md, "Column keys"). The grammar is built
 * and parsed here and nowhere else:
 *
 *   key   = base [ "@" stage ]                      students, students@primary
 *   base  = field | field "." part | "ratio." id    qualified_teachers.bachelor, ratio.books_per_student
 *   stage = "primary" | "junior" | "senior"
 */
import type { StageWord } from "./headerText";

/** A column key taken apart. */
export interface ParsedColumnKey {
  /** The key without its stage: "students", "qualified_teachers.bachelor", "ratio.books_per_student". */
  base: string;
  /** The field before the first dot ("ratio" for a precomputed ratio column). */
  field: string;
  /** After the first dot: the part of a field (「本科」 of 学历), or the indicator id of a ratio column. */
  part: string | undefined;
  /** The indicator id of a precomputed ratio column (`ratio.id`), else undefined. */
  indicator: string | undefined;
  /** After "@", as written (check it with isStageWord): undefined for a whole-school column. */
  stage: string | undefined;
}

const RATIO = "ratio.";

export function parseColumnKey(key: string): ParsedColumnKey {
  const [base, stage] = key.split("@");
  if (base.startsWith(RATIO)) {
    const id = base.slice(RATIO.length);
    return { base, field: "ratio", part: id, indicator: id, stage };
  }
  const dot = base.indexOf(".");
  return dot > 0
    ? { base, field: base.slice(0, dot), part: base.slice(dot + 1), indicator: undefined, stage }
    : { base, field: base, part: undefined, indicator: undefined, stage };
}

export function isStageWord(s: string | undefined): s is StageWord {
  return s === "primary" || s === "junior" || s === "senior";
}

/** The key of a part of a field: partKey("qualified_teachers", "bachelor") = "qualified_teachers.bachelor". */
export function partKey(field: string, part: string): string {
  return `${field}.${part}`;
}

/** The key, with its stage when it has one. */
export function columnKey(base: string, stage?: StageWord): string {
  return stage ? stagedKey(base, stage) : base;
}

/** `key` itself or one of its per-stage columns is among `keys` ("students" is covered by "students@junior"). */
export function hasColumnFor(keys: Iterable<string>, key: string): boolean {
  for (const k of keys) if (k === key || (k.startsWith(key) && k[key.length] === "@")) return true;
  return false;
}

/**
 * The key of a per-stage column ("students@primary"). Memoised without building a lookup string: making
 * the same strings for every school of a 100,000-row county was a measurable share of the engine's time
 * (docs/performance.md).
 */
const cache = new Map<string, Map<string, string>>();

export function stagedKey(key: string, stage: string): string {
  let byStage = cache.get(key);
  if (byStage === undefined) {
    byStage = new Map();
    cache.set(key, byStage);
  }
  let k = byStage.get(stage);
  if (k === undefined) {
    k = `${key}@${stage}`;
    byStage.set(stage, k);
  }
  return k;
}

/** The key of a precomputed ratio column: ratioKey("books_per_student") = "ratio.books_per_student". */
const ratioCache = new Map<string, string>();

export function ratioKey(indicator: string): string {
  let k = ratioCache.get(indicator);
  if (k === undefined) {
    k = RATIO + indicator;
    ratioCache.set(indicator, k);
  }
  return k;
}
