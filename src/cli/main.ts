/**
 * junheng check FILE.xlsx [MORE …] — the command-line door to the engine.
 * Exit status: 0 = checked, everything meets and no errors; 1 = something falls short or has errors;
 * 2 = could not check (one clear line on stderr, no stack trace). With several files, the worst of them.
 * Failing to write an output (--json FILE, --out) after a completed check is one line, not exit 2.
 */
import * as fs from "fs";
import * as path from "path";
import { buildMarks } from "../present/buildMarks";
import { buildReportSheet } from "../present/reportSheet";
import { reportJsonChunks } from "../engine/reportJson";
import { withMessages } from "../present/reportJson";
import { Lang } from "../engine/reportTypes";
import { workbookToXlsx } from "../host/legacy/toXlsx";
import { writeMarkedCopy, writeNewWorkbook } from "../host/xlsx";
import { crc32Node, inflateRawNode } from "../host/xlsx/inflateNode";
import { findCountySheet } from "../engine/assessment";
import type { SheetInput } from "../engine/workbook";
import { isJunhengReportSheet } from "../engine/table/sheetScope";
import { buildDeclaration } from "../present/declaration/buildDeclaration";
import { buildCountyTemplate } from "../present/countyTemplate/buildCountyTemplate";
import { CheckSettings, defaultSettings } from "../standards";
import { applyProfile, parseProfile, ProfileError } from "../standards/profile";
import { CliArgs, parseArgs, UsageError } from "./args";
import {
  CannotCheck,
  checkFile,
  FORMAT_NAME,
  readInputFile,
  readWorkbookFile,
  reportStatus,
  type CheckFileOptions,
} from "./checkFile";
import { collectWorkbookFiles } from "./files";
import { MSG } from "./messages";
import { fileLine, manyFilesJsonChunks, rollupTable, type FileResult } from "./manyFiles";
import { renderText } from "./printReport";
import { commandOf, runPlanCli } from "./plan";
import { runCompareCli } from "./compare";
import { runRollupCli } from "./rollup";
import { isSameFile, OutputError, writeFileSafely } from "./safeWrite";

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Progress lines ("正在读取 …"); given only when stderr is a terminal, so scripts see just the result. */
  progress?: (s: string) => void;
}

const defaultIo: CliIo = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  progress: process.stderr.isTTY ? (s) => process.stderr.write(s) : undefined,
};

export function runCli(argv: string[], io: CliIo = defaultIo): number {
  const command = commandOf(argv);
  if (command === "plan") return runPlanCli(argv, io);
  if (command === "compare") return runCompareCli(argv, io);
  if (command === "rollup") return runRollupCli(argv, io);
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`junheng: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const m = MSG[args.lang];
  if (args.command === "help") {
    io.stdout(m.usage + "\n");
    return argv.length === 0 ? 2 : 0;
  }
  if (args.command === "version") {
    io.stdout(`junheng ${readVersion()}\n`);
    return 0;
  }
  try {
    if (args.command === "template") return writeTemplate(args, io);
    return check(args, io);
  } catch (e) {
    if (e instanceof CannotCheck) {
      io.stderr(`junheng: ${e.message}\n`);
      return 2;
    }
    if (e instanceof ProfileError) {
      io.stderr(`junheng: ${m.profile(e.detail[args.lang])}\n`);
      return 2;
    }
    // Anything else is our bug: still one line, with the detail for a bug report.
    io.stderr(`junheng: ${(e as Error).message}\n`);
    return 2;
  }
}

function readVersion(): string {
  try {
    const pkg = JSON.parse(
      fs.readFileSync(path.join(__dirname, "..", "..", "..", "package.json"), "utf8")
    ) as { version: string };
    return pkg.version;
  } catch {
    return "0.0.0";
  }
}

function loadSettings(args: CliArgs): CheckSettings {
  const m = MSG[args.lang];
  if (!args.profile) return defaultSettings(args.standard);
  let text: string;
  try {
    text = fs.readFileSync(args.profile, "utf8");
  } catch {
    throw new CannotCheck("usage", m.profile(m.notFound(args.profile)));
  }
  return applyProfile(parseProfile(text), args.standard);
}

/** `junheng template county OUT.xlsx`: a blank 「县级指标」 sheet (standards.md §17.6). */
function writeTemplate(args: CliArgs, io: CliIo): number {
  const m = MSG[args.lang];
  const out = args.template!.out;
  try {
    const r = writeFileSafely(out, [writeNewWorkbook(buildCountyTemplate())]);
    io.stdout(m.wroteTemplate(out) + (r.replaced ? m.replaced : "") + "\n");
  } catch (e) {
    if (!(e instanceof OutputError)) throw e;
    throw new CannotCheck("cannot-read", m.cannotWrite(out, m.fsError(e.code)));
  }
  return 0;
}

/** 「县级指标」 from --county FILE (§17.9): unreadable file or no such sheet → exit 2 with one line. */
function readCountyFile(file: string, lang: Lang): SheetInput {
  const m = MSG[lang];
  let bytes: Uint8Array;
  try {
    bytes = readInputFile(file, lang);
  } catch (e) {
    if (e instanceof CannotCheck && e.code === "not-found")
      throw new CannotCheck("not-found", m.countyNotFound(file));
    throw e;
  }
  let sheet: SheetInput | undefined;
  try {
    sheet = findCountySheet(readWorkbookFile(bytes, file, { lang, sheets: [] }).sheets);
  } catch {
    throw new CannotCheck("corrupt", m.countyUnreadable(file));
  }
  if (!sheet) throw new CannotCheck("no-sheet", m.countyNoSheet(file));
  return sheet;
}

function checkOptions(args: CliArgs, io: CliIo): CheckFileOptions {
  const settings = loadSettings(args);
  if (args.includeHidden) settings.policy.includeHiddenSheets = true;
  return {
    county: args.county
      ? { sheet: readCountyFile(args.county, args.lang), file: path.basename(args.county) }
      : undefined,
    settings,
    lang: args.lang,
    sheets: args.sheets,
    maxInflatedBytes:
      args.maxUnzippedMiB === undefined ? undefined : Math.round(args.maxUnzippedMiB * 2 ** 20),
    progress: (s) => io.progress?.(`${s}\n`),
  };
}

function check(args: CliArgs, io: CliIo): number {
  const m = MSG[args.lang];
  const collected = collectWorkbookFiles(args.files);
  if (collected.files.length === 0) throw new CannotCheck("not-found", m.noFiles);
  const files = collected.files;
  // Outputs are never an input — the workbooks, the --county workbook, the --profile — nor each other (the later
  // write would silently replace the earlier): checked before anything is read or written.
  const inputs = [...files, args.county, args.profile].filter((f): f is string => !!f);
  const outputs: [string, string | undefined, string][] = [
    ["--json", args.json === "-" ? undefined : args.json, m.jsonSameAsInput],
    ["--out", args.out, m.sameAsInput],
    ["--declaration", args.declaration, m.declarationSameAsInput],
  ];
  for (const [, o, sameAsInput] of outputs)
    if (o && inputs.some((f) => isSameFile(f, o))) throw new CannotCheck("usage", sameAsInput);
  for (let i = 0; i < outputs.length; i++)
    for (let j = i + 1; j < outputs.length; j++) {
      const [a, oa] = outputs[i];
      const [b, ob] = outputs[j];
      if (oa && ob && isSameFile(oa, ob)) throw new CannotCheck("usage", m.outputsSame(a, b));
    }
  if (args.declaration) {
    // The 申报表 exists for quality-2017 only (§17.9), for one county.
    if (args.standard !== "quality-2017" && !args.profile)
      throw new CannotCheck("unsupported", m.declarationBasic);
    if (files.length > 1 || collected.sawFolder)
      throw new CannotCheck("usage", m.declarationManyFiles);
  }
  if (files.length === 1 && !collected.sawFolder) {
    // A copy keeps the package's content type: a macro workbook's copy named .xlsx (or the reverse) is a file
    // Excel refuses to open. Legacy formats are copied to a new .xlsx, whatever --out says.
    const ext = path.extname(files[0]).toLowerCase();
    if (args.out && (ext === ".xlsx" || ext === ".xlsm")) {
      const outExt = path.extname(args.out).toLowerCase();
      if ((outExt === ".xlsx" || outExt === ".xlsm") && outExt !== ext)
        throw new CannotCheck("usage", m.outExtension(ext));
    }
    return checkOne(files[0], args, io);
  }
  if (args.out) throw new CannotCheck("usage", m.outManyFiles);
  return checkMany(files, args, io, checkOptions(args, io));
}

/** One file: the full text summary (or the JSON alone with --json -), the JSON report, the marked copy. */
function checkOne(file: string, args: CliArgs, io: CliIo): number {
  const m = MSG[args.lang];
  const lang: Lang = args.lang;
  const opts = checkOptions(args, io);
  if (args.declaration && opts.settings.standard.id !== "quality-2017")
    throw new CannotCheck("unsupported", m.declarationBasic);
  const { bytes, format, workbook, report, allFindings } = checkFile(file, opts);
  const status = reportStatus(report);
  // Everything below reports a failure to write as one line and keeps the check's own exit status.
  const notice = (s: string): void =>
    args.json === "-" ? io.stderr(s + "\n") : io.stdout(s + "\n");

  let jsonLine: string | undefined;
  if (args.json === "-") {
    // In chunks: a large county's report is never one giant string (reportJson.ts).
    for (const chunk of reportJsonChunks(withMessages(report, args.lang))) io.stdout(chunk);
  } else if (args.json) {
    try {
      const r = writeFileSafely(args.json, reportJsonChunks(withMessages(report, args.lang)));
      jsonLine = m.wroteJson(args.json) + (r.replaced ? m.replaced : "");
    } catch (e) {
      if (!(e instanceof OutputError)) throw e;
      jsonLine = m.notWrittenJson(args.json, m.fsError(e.code));
    }
  }
  if (args.json !== "-") io.stdout(renderText(report, path.basename(file), lang));
  if (jsonLine) io.stdout(jsonLine + "\n");

  if (args.out) {
    opts.progress(`${m.writing} …`);
    // A legacy input (.xls, .ods, .csv, …) gets an .xlsx copy of its values, named .xlsx whatever --out said.
    const converted = format !== "xlsx";
    const target =
      converted && !/\.xlsx$/i.test(args.out)
        ? args.out.replace(/\.[^./\\]*$/, "") + ".xlsx"
        : args.out;
    if (converted && isSameFile(file, target)) {
      notice(m.notWrittenCopy(target, m.sameAsInput));
      return status;
    }
    const marks = buildMarks(allFindings, lang);
    let copy;
    try {
      copy = writeMarkedCopy(
        converted ? workbookToXlsx(workbook) : bytes,
        marks,
        buildReportSheet(report, lang),
        {
          inflateRaw: inflateRawNode,
          crc32: crc32Node,
          maxInflatedBytes: opts.maxInflatedBytes,
          // A marked copy: its report sheet is refreshed, not joined by a second one.
          // (An .xls/.ods copy converts the old report sheet's values too: it is replaced the same way.)
          replaceReportSheet: workbook.sheets.find((s) => isJunhengReportSheet(s))?.name,
        }
      );
    } catch {
      // The check read this file, so this is a writer limit, not bad input: say so and keep the check's status.
      notice(m.notWrittenCopy(target, m.copyFailed));
      return status;
    }
    try {
      const r = writeFileSafely(target, copy.chunks);
      notice(
        m.wroteCopy(target, marks.length, copy.reportSheetName ?? "") +
          (r.replaced ? m.replaced : "") +
          (converted ? (lang === "en" ? "; " : "；") + m.convertedCopy(FORMAT_NAME[format]) : "")
      );
      if (copy.unrestored) notice(m.staleMarks(copy.unrestored.cells));
    } catch (e) {
      if (!(e instanceof OutputError)) throw e;
      notice(m.notWrittenCopy(target, m.fsError(e.code)));
    }
  }
  if (args.declaration) {
    // Written whatever the verdict: a new workbook, never the input (§17.9).
    try {
      const r = writeFileSafely(args.declaration, [writeNewWorkbook(buildDeclaration(report))]);
      notice(m.wroteDeclaration(args.declaration) + (r.replaced ? m.replaced : ""));
    } catch (e) {
      if (!(e instanceof OutputError)) throw e;
      notice(m.cannotWrite(args.declaration, m.fsError(e.code)));
    }
  }
  return status;
}

/** Several files: one line per file as it is checked, then the roll-up table; the worst status wins. */
function checkMany(files: string[], args: CliArgs, io: CliIo, opts: CheckFileOptions): number {
  const m = MSG[args.lang];
  const results: FileResult[] = [];
  let worst = 0;
  for (const file of files) {
    let result: FileResult;
    try {
      const { report } = checkFile(file, opts);
      result = { file, report };
      worst = Math.max(worst, reportStatus(report));
    } catch (e) {
      if (!(e instanceof CannotCheck)) throw e;
      result = { file, error: { code: e.code, message: e.message } };
      worst = 2;
      if (args.json === "-") io.stderr(`junheng: ${e.message}\n`);
    }
    results.push(result);
    if (args.json !== "-") io.stdout(fileLine(result, args.lang) + "\n");
  }
  if (args.json === "-") {
    for (const chunk of manyFilesJsonChunks(results, args.lang)) io.stdout(chunk);
    return worst;
  }
  io.stdout("\n" + rollupTable(results, args.lang));
  if (args.json) {
    try {
      const r = writeFileSafely(args.json, manyFilesJsonChunks(results, args.lang));
      io.stdout(m.wroteJson(args.json) + (r.replaced ? m.replaced : "") + "\n");
    } catch (e) {
      if (!(e instanceof OutputError)) throw e;
      io.stdout(m.notWrittenJson(args.json, m.fsError(e.code)) + "\n");
    }
  }
  return worst;
}

/** `junheng check … | head` closes the pipe early: that is not an error worth a stack trace. */
export function ignoreBrokenPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
}

/**
 * Ends the process with `code` once stdout and stderr have flushed what was written. Nothing else is left to run
 * after a check, and letting Node dispose of a large county's heap piece by piece on a natural exit costs tens of
 * milliseconds (docs/performance.md).
 */
export function exitWhenFlushed(code: number): void {
  process.exitCode = code;
  let pending = 2;
  const done = (): void => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write("", done);
  process.stderr.write("", done);
}

if (require.main === module) {
  ignoreBrokenPipe();
  exitWhenFlushed(runCli(process.argv.slice(2)));
}
