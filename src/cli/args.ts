import { Lang } from "../engine/reportTypes";
import { StandardId, isStandardId } from "../standards";
import { MSG } from "./messages";

export interface CliArgs {
  command: "check" | "help" | "version" | "template";
  /** The first file named (the only one in a one-file run). */
  file?: string;
  /** Every file or folder named after the command (`check a.xlsx b.xlsx 目录/`). */
  files: string[];
  /** Cap on the total unzipped size of one workbook, in MiB (default: 50 × the file, at most 1 GiB). */
  maxUnzippedMiB?: number;
  standard: StandardId;
  profile?: string;
  json?: string;
  out?: string;
  sheets: string[];
  /** --include-hidden: read hidden sheets too (policy.includeHiddenSheets). */
  includeHidden?: boolean;
  lang: Lang;
  /** 「县级指标」 from a separate workbook (standards.md §17.9). */
  county?: string;
  /** Write the national 申报表 to this new workbook (§17.10). */
  declaration?: string;
  /** `junheng template county OUT.xlsx`: which template, and where. */
  template?: { kind: "county"; out: string };
}

export class UsageError extends Error {}

/** Parses argv (without node and script). The language is found first so every error is in it. */
export function parseArgs(argv: string[]): CliArgs {
  const langIdx = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  let lang: Lang = "zh-CN";
  if (langIdx >= 0) {
    const v = argv[langIdx].includes("=") ? argv[langIdx].split("=")[1] : argv[langIdx + 1];
    if (v === "en" || v === "zh-CN") lang = v;
    else if (v === "zh" || v === "zh-cn") lang = "zh-CN";
    else throw new UsageError(MSG["zh-CN"].badLang(String(v)));
  }
  const m = MSG[lang];
  const args: CliArgs = {
    command: "check",
    standard: "quality-2017",
    sheets: [],
    files: [],
    lang,
  };
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let inline: string | undefined;
    if (a.startsWith("--") && a.includes("=")) {
      inline = a.slice(a.indexOf("=") + 1);
      a = a.slice(0, a.indexOf("="));
    }
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith("--")))
        throw new UsageError(m.missingValue(a));
      return v;
    };
    switch (a) {
      case "-h":
      case "--help":
        return { ...args, command: "help" };
      case "-v":
      case "--version":
        return { ...args, command: "version" };
      case "--standard": {
        const s = value();
        if (!isStandardId(s)) throw new UsageError(m.badStandard(s));
        args.standard = s;
        break;
      }
      case "--profile":
        args.profile = value();
        break;
      case "--json":
        args.json = value();
        break;
      case "--out":
        args.out = value();
        break;
      case "--sheet":
        args.sheets.push(value());
        break;
      case "--county":
        args.county = value();
        break;
      case "--declaration":
        args.declaration = value();
        break;
      case "--include-hidden":
        args.includeHidden = true;
        break;
      case "--max-unzipped-mb": {
        const v = value();
        const n = Number(v);
        if (!Number.isFinite(n) || n <= 0) throw new UsageError(m.badNumber(a, v));
        args.maxUnzippedMiB = n;
        break;
      }
      case "--lang":
        value();
        break;
      default:
        if (a.startsWith("-") && a !== "-") throw new UsageError(m.unknownOption(a));
        rest.push(a);
    }
  }
  if (rest.length === 0) return { ...args, command: "help" };
  if (rest[0] === "template") {
    if (rest[1] !== "county") throw new UsageError(m.unknownTemplate(rest[1] ?? ""));
    if (!rest[2]) throw new UsageError(m.missingTemplateOut);
    return { ...args, command: "template", template: { kind: "county", out: rest[2] } };
  }
  if (rest[0] !== "check") throw new UsageError(m.unknownCommand(rest[0]));
  if (!rest[1]) throw new UsageError(m.missingFile);
  args.files = rest.slice(1);
  args.file = args.files[0];
  if (args.out && args.files.length > 1) throw new UsageError(m.outManyFiles);
  return args;
}
