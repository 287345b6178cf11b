/**
 * What the CLI's subcommands (plan, compare, rollup) share: the language found first (so every error is in it), their
 * options read into a plain record, and outputs written safely (never over an input, never half-written).
 */
import type { Lang } from "../engine/reportTypes";
import { MSG } from "./messages";
import { OutputError, writeFileSafely } from "./safeWrite";

/** A subcommand cannot run: its one line for stderr. */
export class SubcommandError extends Error {}

export interface SubcommandArgs {
  lang: Lang;
  help: boolean;
  /** Options that take a value, by name (repeatable ones keep every value). */
  values: Record<string, string[]>;
  /** Options without a value that were given. */
  flags: Set<string>;
  /** The words that are not options, the command first. */
  positional: string[];
}

/** The --lang value (zh-CN by default), read before anything else. */
export function langOf(argv: readonly string[]): Lang {
  const i = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  if (i < 0) return "zh-CN";
  const v = argv[i].includes("=") ? argv[i].split("=")[1] : argv[i + 1];
  if (v === "en") return "en";
  if (v === "zh-CN" || v === "zh" || v === "zh-cn") return "zh-CN";
  throw new SubcommandError(MSG["zh-CN"].badLang(String(v)));
}

/** Reads argv: `valued` options take a value (--x v or --x=v), `flags` take none; anything else is refused. */
export function parseSubcommand(
  argv: readonly string[],
  valued: readonly string[],
  flags: readonly string[] = []
): SubcommandArgs {
  const lang = langOf(argv);
  const m = MSG[lang];
  const out: SubcommandArgs = { lang, help: false, values: {}, flags: new Set(), positional: [] };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let inline: string | undefined;
    if (a.startsWith("--") && a.includes("=")) {
      inline = a.slice(a.indexOf("=") + 1);
      a = a.slice(0, a.indexOf("="));
    }
    if (a === "-h" || a === "--help") out.help = true;
    else if (a === "--lang" || valued.includes(a)) {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith("--")))
        throw new SubcommandError(m.missingValue(a));
      (out.values[a] ??= []).push(v);
    } else if (flags.includes(a)) out.flags.add(a);
    else if (a.startsWith("-") && a !== "-") throw new SubcommandError(m.unknownOption(a));
    else out.positional.push(a);
  }
  return out;
}

/** The last value of an option, if given. */
export const lastValue = (a: SubcommandArgs, name: string): string | undefined =>
  a.values[name]?.[a.values[name].length - 1];

/** Writes one output through a temporary file; a file-system failure becomes one line. */
export function writeOutput(target: string, data: string | Uint8Array, lang: Lang): void {
  try {
    writeFileSafely(target, [data]);
  } catch (e) {
    if (e instanceof OutputError)
      throw new SubcommandError(`${target}：${MSG[lang].fsError(e.code)}`);
    throw e;
  }
}
