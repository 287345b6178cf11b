/**
 * junheng compare LAST THIS [--json OUT.json|-] [--out COMPARE.xlsx] — 与上年比较. Each input is a workbook (checked
 * here) or a JSON report of `junheng check --json`. Exit 0 when compared, 2 when it cannot (one line on stderr).
 */
import * as path from "path";
import { compareReports, looksLikeReport } from "../engine/compare";
import { checkWorkbook, NoSchoolTableError } from "../engine/report";
import type { Lang, Report } from "../engine/reportTypes";
import { writeNewWorkbook } from "../host/xlsx";
import { buildCompareWorkbook, renderCompareText } from "../present/compare/compareText";
import { defaultSettings, isStandardId, StandardId } from "../standards";
import { CannotCheck, readInputFile, readWorkbookFile } from "./checkFile";
import type { CliIo } from "./main";
import { MSG } from "./messages";
import { isSameFile } from "./safeWrite";
import { lastValue, parseSubcommand, SubcommandError, writeOutput } from "./subcommand";

const C = {
  "zh-CN": {
    usage: `用法：junheng compare 上年.xlsx|上年.json 本年.xlsx|本年.json [--json 输出.json|-] [--out 比较.xlsx] [--lang zh-CN|en]

与上年比较：各学段各指标两年的全县平均值、标准差、差异系数及变化，各校变化，新增与撤并的学校，以及监测表（6 位小数）。
输入可以是工作簿，也可以是 junheng check --json 写出的 JSON 报告。`,
    twoFiles: "请指定上年和本年两个文件：junheng compare 上年.xlsx 本年.xlsx",
    notReport: (f: string) => `${f} 不是 junheng 的 JSON 报告`,
    sameAsInput: "输出文件不能覆盖输入文件，请为 --out / --json 指定另一个文件名",
    wroteJson: (f: string) => `已写出 JSON 比较：${f}`,
    wroteXlsx: (f: string) => `已写出比较工作簿：${f}`,
  },
  en: {
    usage: `Usage: junheng compare LAST.xlsx|LAST.json THIS.xlsx|THIS.json [--json OUT.json|-] [--out COMPARE.xlsx] [--lang zh-CN|en]

Compared with last year: per stage and indicator the mean, SD and CV of both years and the change, each school's
changes, the schools added and closed, and the monitoring table (6 dp). Inputs are workbooks or JSON reports of
junheng check --json.`,
    twoFiles: "name last year's and this year's files: junheng compare LAST.xlsx THIS.xlsx",
    notReport: (f: string) => `${f} is not a junheng JSON report`,
    sameAsInput: "an output must not overwrite an input; give --out / --json another file name",
    wroteJson: (f: string) => `wrote the JSON comparison: ${f}`,
    wroteXlsx: (f: string) => `wrote the comparison workbook: ${f}`,
  },
};

class CannotCompare extends SubcommandError {}

interface CompareArgs {
  files: string[];
  json?: string;
  out?: string;
  standard: StandardId;
  lang: Lang;
  help?: boolean;
}

function parseCompareArgs(argv: string[]): CompareArgs {
  const a = parseSubcommand(argv, ["--json", "--out", "--standard"]);
  const standard = lastValue(a, "--standard") ?? "quality-2017";
  if (!isStandardId(standard)) throw new CannotCompare(MSG[a.lang].badStandard(standard));
  return {
    files: a.positional.slice(1), // positional[0] is "compare"
    json: lastValue(a, "--json"),
    out: lastValue(a, "--out"),
    standard,
    lang: a.lang,
    help: a.help,
  };
}

function loadReport(file: string, args: CompareArgs): Report {
  const c = C[args.lang];
  if (/\.json$/i.test(file)) {
    const bytes = readInputFile(file, args.lang);
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      throw new CannotCompare(c.notReport(file));
    }
    if (!looksLikeReport(json)) throw new CannotCompare(c.notReport(file));
    return json;
  }
  const wb = readWorkbookFile(readInputFile(file, args.lang), file, {
    lang: args.lang,
    sheets: [],
  });
  try {
    return checkWorkbook(wb, { settings: defaultSettings(args.standard) }).report;
  } catch (e) {
    if (e instanceof NoSchoolTableError) throw new CannotCompare(MSG[args.lang].noTable(file));
    throw e;
  }
}

export function runCompareCli(argv: string[], io: CliIo): number {
  let lang: Lang = "zh-CN";
  try {
    const args = parseCompareArgs(argv);
    lang = args.lang;
    const c = C[lang];
    if (args.help) {
      io.stdout(c.usage + "\n");
      return 0;
    }
    if (args.files.length !== 2) throw new CannotCompare(c.twoFiles);
    const [lastFile, thisFile] = args.files;
    for (const o of [args.out, args.json])
      if (o && o !== "-" && args.files.some((f) => isSameFile(f, o)))
        throw new CannotCompare(c.sameAsInput);
    const cmp = compareReports(loadReport(lastFile, args), loadReport(thisFile, args));
    const json = JSON.stringify(cmp, null, 2) + "\n";
    if (args.json === "-") io.stdout(json);
    else {
      io.stdout(renderCompareText(cmp, path.basename(lastFile), path.basename(thisFile), lang));
      if (args.json) {
        writeOutput(args.json, json, lang);
        io.stdout(c.wroteJson(args.json) + "\n");
      }
    }
    if (args.out) {
      writeOutput(args.out, writeNewWorkbook(buildCompareWorkbook(cmp, lang)), lang);
      (args.json === "-" ? io.stderr : io.stdout)(c.wroteXlsx(args.out) + "\n");
    }
    return 0;
  } catch (e) {
    const msg =
      e instanceof SubcommandError || e instanceof CannotCheck ? e.message : (e as Error).message;
    io.stderr(`junheng: ${msg}\n`);
    return 2;
  }
}
