/**
 * junheng plan FILE.xlsx [--costs COSTS.json] [--json OUT.json|-] [--out PLAN.xlsx] — 达标测算: the cheapest additions
 * per school, transfers and additions for CVs over their limit, the cost, and the engine re-run with the plan applied.
 * Exit status as `check`: 0 = with the plan applied everything meets; 1 = something stays short (schools with
 * missing data, a CV that cannot be brought within its limit); 2 = could not run (one line on stderr).
 */
import * as fs from "fs";
import * as path from "path";
import { NoSchoolTableError } from "../engine/report";
import { Lang } from "../engine/reportTypes";
import { WorkbookInput } from "../engine/workbook";
import { CostsError, parseCosts, planWorkbook, PlanNotPossibleError } from "../engine/plan";
import { writeNewWorkbook } from "../host/xlsx";
import { buildPlanWorkbook } from "../present/plan/planSheets";
import { renderPlanText } from "../present/plan/planText";
import { CheckSettings, defaultSettings, isStandardId, StandardId } from "../standards";
import { applyProfile, parseProfile, ProfileError } from "../standards/profile";
import { CannotCheck, readInputFile, readWorkbookFile } from "./checkFile";
import type { CliIo } from "./main";
import { isSameFile } from "./safeWrite";
import { lastValue, parseSubcommand, SubcommandError, writeOutput } from "./subcommand";
import { MSG } from "./messages";

export interface PlanArgs {
  file?: string;
  costs?: string;
  json?: string;
  out?: string;
  standard: StandardId;
  profile?: string;
  sheets: string[];
  lang: Lang;
  help?: boolean;
}

const P = {
  "zh-CN": {
    usage: `用法：junheng plan 文件.xlsx [选项]

达标测算：每所未达标学校最省钱的补充方案、交流轮岗与差异系数、所需经费，以及按方案补充后重新检查的结果。

选项：
  --costs 单价.json      单价（元/人、元/㎡、元/元、元/间），未给出的项用默认值
  --json 输出.json|-      写出 JSON 方案（- 表示标准输出）
  --out 方案.xlsx         写出方案工作簿（原文件不会被修改）
  --standard、--profile、--sheet、--lang 同 junheng check

退出码：0 按方案补充后全部达标；1 仍有学校或差异系数无法达标；2 无法测算。`,
    missingFile: "请指定要测算的 .xlsx 文件：junheng plan 文件.xlsx",
    costs: (why: string) => `单价文件有误：${why}`,
    notJson: (f: string) => `单价文件 ${f} 不是有效的 JSON`,
    noPlan: "所选评估标准没有逐校达标要求（basic-2012），无法做达标测算",
    sameAsInput: "输出文件不能覆盖原文件，请为 --out / --json 指定另一个文件名",
    wroteJson: (f: string) => `已写出 JSON 方案：${f}`,
    wroteXlsx: (f: string) => `已写出方案工作簿：${f}`,
  },
  en: {
    usage: `Usage: junheng plan FILE.xlsx [options]

What it takes to pass: the cheapest additions for each school that falls short, transfers and additions for the CVs,
the cost, and the check re-run with the plan applied.

Options:
  --costs COSTS.json     unit costs (CNY per teacher, m², CNY, room); kinds left out keep their default
  --json OUT.json|-      write the plan as JSON (- for standard output)
  --out PLAN.xlsx        write the plan workbook (the input is never changed)
  --standard, --profile, --sheet, --lang as for junheng check

Exit status: 0 with the plan applied everything meets; 1 schools or CVs still fall short; 2 could not plan.`,
    missingFile: "name the .xlsx file to plan for: junheng plan FILE.xlsx",
    costs: (why: string) => `bad costs file: ${why}`,
    notJson: (f: string) => `the costs file ${f} is not valid JSON`,
    noPlan: "the chosen standard has no per-school thresholds (basic-2012): nothing to plan",
    sameAsInput: "an output must not overwrite the input; give --out / --json another file name",
    wroteJson: (f: string) => `wrote the JSON plan: ${f}`,
    wroteXlsx: (f: string) => `wrote the plan workbook: ${f}`,
  },
};

class CannotPlan extends SubcommandError {}

const VALUED = new Set([
  "--costs",
  "--json",
  "--out",
  "--standard",
  "--profile",
  "--sheet",
  "--lang",
  "--max-unzipped-mb",
]);

/** The first word of argv that is not an option or an option's value (the command). */
export function commandOf(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith("--") && a.includes("=")) continue;
    if (VALUED.has(a)) {
      i++;
      continue;
    }
    if (a.startsWith("-") && a !== "-") continue;
    return a;
  }
  return undefined;
}

export function parsePlanArgs(argv: string[]): PlanArgs {
  const a = parseSubcommand(
    argv,
    [...VALUED].filter((o) => o !== "--lang")
  );
  const standard = lastValue(a, "--standard") ?? "quality-2017";
  if (!isStandardId(standard)) throw new CannotPlan(MSG[a.lang].badStandard(standard));
  return {
    file: a.positional[1], // positional[0] is "plan"
    costs: lastValue(a, "--costs"),
    json: lastValue(a, "--json"),
    out: lastValue(a, "--out"),
    standard,
    profile: lastValue(a, "--profile"),
    sheets: a.values["--sheet"] ?? [],
    lang: a.lang,
    help: a.help,
  };
}

/** The workbook's values, read as `check` reads them (any format junheng reads). */
function readInput(file: string, args: PlanArgs): WorkbookInput {
  const m = MSG[args.lang];
  const wb = readWorkbookFile(readInputFile(file, args.lang), file, {
    lang: args.lang,
    sheets: args.sheets,
  });
  for (const s of args.sheets)
    if (!wb.sheets.some((x) => x.name === s)) throw new CannotPlan(m.noSheet(s));
  return wb;
}

function loadSettings(args: PlanArgs): CheckSettings {
  const m = MSG[args.lang];
  if (!args.profile) return defaultSettings(args.standard);
  let text: string;
  try {
    text = fs.readFileSync(args.profile, "utf8");
  } catch {
    throw new CannotPlan(m.profile(m.notFound(args.profile)));
  }
  return applyProfile(parseProfile(text), args.standard);
}

function loadCosts(args: PlanArgs): ReturnType<typeof parseCosts> {
  const p = P[args.lang];
  if (!args.costs) return parseCosts({});
  let text: string;
  try {
    text = fs.readFileSync(args.costs, "utf8");
  } catch {
    throw new CannotPlan(p.costs(MSG[args.lang].notFound(args.costs)));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CannotPlan(p.notJson(args.costs));
  }
  return parseCosts(json);
}

export function runPlanCli(argv: string[], io: CliIo): number {
  let lang: Lang = "zh-CN";
  try {
    const args = parsePlanArgs(argv);
    lang = args.lang;
    const p = P[lang];
    if (args.help) {
      io.stdout(p.usage + "\n");
      return 0;
    }
    if (!args.file) throw new CannotPlan(p.missingFile);
    const file = args.file;
    // Never over an input (the workbook, --costs, --profile), nor --json and --out over each other.
    const inputs = [file, args.costs, args.profile].filter((f): f is string => !!f);
    for (const o of [args.out, args.json])
      if (o && o !== "-" && inputs.some((f) => isSameFile(f, o)))
        throw new CannotPlan(p.sameAsInput);
    if (args.out && args.json && args.json !== "-" && isSameFile(args.out, args.json))
      throw new CannotPlan(MSG[args.lang].outputsSame("--json", "--out"));
    const settings = loadSettings(args);
    const costs = loadCosts(args);
    const input = readInput(file, args);
    let result;
    try {
      result = planWorkbook(input, {
        settings,
        costs,
        sheets: args.sheets.length ? args.sheets : undefined,
      });
    } catch (e) {
      if (e instanceof NoSchoolTableError) throw new CannotPlan(MSG[lang].noTable(file));
      if (e instanceof PlanNotPossibleError) throw new CannotPlan(p.noPlan);
      throw e;
    }
    const { plan } = result;
    const json = JSON.stringify(plan, null, 2) + "\n";
    if (args.json === "-") io.stdout(json);
    else {
      io.stdout(renderPlanText(plan, path.basename(file), lang));
      if (args.json) {
        writeOutput(args.json, json, lang);
        io.stdout(p.wroteJson(args.json) + "\n");
      }
    }
    if (args.out) {
      writeOutput(args.out, writeNewWorkbook(buildPlanWorkbook(plan, lang)), lang);
      const msg = p.wroteXlsx(args.out) + "\n";
      if (args.json === "-") io.stderr(msg);
      else io.stdout(msg);
    }
    return plan.after.meets === true && plan.unplanned.length === 0 ? 0 : 1;
  } catch (e) {
    const msg =
      e instanceof SubcommandError || e instanceof CannotCheck
        ? e.message
        : e instanceof CostsError
          ? P[lang].costs(e.detail[lang])
          : e instanceof ProfileError
            ? MSG[lang].profile(e.detail[lang])
            : (e as Error).message;
    io.stderr(`junheng: ${msg}\n`);
    return 2;
  }
}
