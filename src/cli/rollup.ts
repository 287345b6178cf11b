/**
 * junheng rollup FILES|FOLDERS… [--out city.xlsx] [--json OUT.json|-] [--no-plan] — a city's counties side by side:
 * a row per county file and the indicators that fail most often. Files are collected as `check` collects them.
 * Exit 0 when every county meets, 1 otherwise, 2 when it cannot run (one line on stderr).
 */
import * as path from "path";
import { planWorkbook } from "../engine/plan";
import { checkWorkbook, NoSchoolTableError } from "../engine/report";
import type { Lang } from "../engine/reportTypes";
import { mostFailing, rollupError, rollupRow, type RollupRow } from "../engine/rollup";
import { writeNewWorkbook } from "../host/xlsx";
import { buildRollupWorkbook, renderRollupText } from "../present/rollup/rollupSheets";
import { defaultSettings, isStandardId, StandardId } from "../standards";
import { CannotCheck, readInputFile, readWorkbookFile } from "./checkFile";
import { collectWorkbookFiles } from "./files";
import type { CliIo } from "./main";
import { MSG } from "./messages";
import { isSameFile } from "./safeWrite";
import { lastValue, parseSubcommand, SubcommandError, writeOutput } from "./subcommand";

const R = {
  "zh-CN": {
    usage: `用法：junheng rollup 文件或文件夹 … [--out 汇总.xlsx] [--json 输出.json|-] [--no-plan] [--lang zh-CN|en]

多个县的文件汇总为一个工作簿：每县一行（各学段结论、各项差异系数、达标学校数、阻碍申报的项目、达标测算费用），以及最常不达标的指标。`,
    noFiles: "请指定要汇总的文件或文件夹：junheng rollup 县A.xlsx 县B.xlsx 目录/",
    sameAsInput: "输出文件不能覆盖输入文件，请为 --out / --json 指定另一个文件名",
    wroteXlsx: (f: string) => `已写出汇总工作簿：${f}`,
    wroteJson: (f: string) => `已写出 JSON 汇总：${f}`,
  },
  en: {
    usage: `Usage: junheng rollup FILES|FOLDERS … [--out city.xlsx] [--json OUT.json|-] [--no-plan] [--lang zh-CN|en]

Many county files in one workbook: a row per county (verdict per stage, each CV, schools meeting, items in the way,
plan cost), and the indicators that fail most often.`,
    noFiles: "name the files or folders to roll up: junheng rollup a.xlsx b.xlsx dir/",
    sameAsInput: "an output must not overwrite an input; give --out / --json another file name",
    wroteXlsx: (f: string) => `wrote the roll-up workbook: ${f}`,
    wroteJson: (f: string) => `wrote the JSON roll-up: ${f}`,
  },
};

class CannotRollup extends SubcommandError {}

interface RollupArgs {
  paths: string[];
  out?: string;
  json?: string;
  plan: boolean;
  standard: StandardId;
  lang: Lang;
  help?: boolean;
}

function parseRollupArgs(argv: string[]): RollupArgs {
  const a = parseSubcommand(argv, ["--out", "--json", "--standard"], ["--no-plan"]);
  const standard = lastValue(a, "--standard") ?? "quality-2017";
  if (!isStandardId(standard)) throw new CannotRollup(MSG[a.lang].badStandard(standard));
  return {
    paths: a.positional.slice(1), // positional[0] is "rollup"
    out: lastValue(a, "--out"),
    json: lastValue(a, "--json"),
    plan: !a.flags.has("--no-plan"),
    standard,
    lang: a.lang,
    help: a.help,
  };
}

function rowOf(file: string, args: RollupArgs): RollupRow {
  const settings = defaultSettings(args.standard);
  try {
    const input = readWorkbookFile(readInputFile(file, args.lang), file, {
      lang: args.lang,
      sheets: [],
    });
    const report = checkWorkbook(input, { settings }).report;
    let cost: number | null = null;
    if (args.plan && settings.standard.perSchool)
      cost = planWorkbook(input, { settings }).plan.total;
    return rollupRow(file, report, cost);
  } catch (e) {
    if (e instanceof CannotCheck) return rollupError(file, e.message);
    if (e instanceof NoSchoolTableError) return rollupError(file, MSG[args.lang].noTable(file));
    return rollupError(file, (e as Error).message);
  }
}

export function runRollupCli(argv: string[], io: CliIo): number {
  let lang: Lang = "zh-CN";
  try {
    const args = parseRollupArgs(argv);
    lang = args.lang;
    const r = R[lang];
    if (args.help) {
      io.stdout(r.usage + "\n");
      return 0;
    }
    const { files } = collectWorkbookFiles(args.paths);
    if (files.length === 0) throw new CannotRollup(r.noFiles);
    for (const o of [args.out, args.json])
      if (o && o !== "-" && files.some((f) => isSameFile(f, o)))
        throw new CannotRollup(r.sameAsInput);
    const rows = files.map((f) => rowOf(f, args));
    const shown = rows.map((x) => ({ ...x, file: path.basename(x.file) }));
    const failing = mostFailing(rows);
    const json = JSON.stringify({ counties: rows, failing }, null, 2) + "\n";
    if (args.json === "-") io.stdout(json);
    else {
      io.stdout(renderRollupText(shown, failing, lang));
      if (args.json) {
        writeOutput(args.json, json, lang);
        io.stdout(r.wroteJson(args.json) + "\n");
      }
    }
    if (args.out) {
      writeOutput(args.out, writeNewWorkbook(buildRollupWorkbook(shown, failing, lang)), lang);
      (args.json === "-" ? io.stderr : io.stdout)(r.wroteXlsx(args.out) + "\n");
    }
    return rows.every((x) => !x.error && x.meets === true) ? 0 : 1;
  } catch (e) {
    io.stderr(`junheng: ${(e as Error).message}\n`);
    return 2;
  }
}
