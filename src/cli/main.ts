/**
 * junheng check FILE.xlsx — the command-line door to the engine.
 * Exit status: 0 = checked, everything meets and no errors; 1 = something falls short or has errors;
 * 2 = could not check (one clear line on stderr, no stack trace).
 */
import * as fs from "fs";
import * as path from "path";
import { checkWorkbook, NoSchoolTableError } from "../engine/report";
import { buildMarks } from "../engine/buildMarks";
import { buildReportSheet } from "../engine/reportSheet";
import { reportJsonChunks } from "../engine/reportJson";
import { Lang } from "../engine/reportTypes";
import { readXlsx, writeMarkedCopy, XlsxReadError } from "../host/xlsx";
import { inflateRawNode } from "../host/xlsx/inflateNode";
import { CheckSettings, defaultSettings } from "../standards";
import { applyProfile, parseProfile, ProfileError } from "../standards/profile";
import { CliArgs, parseArgs, UsageError } from "./args";
import { MSG } from "./messages";
import { renderText } from "./printReport";

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Progress lines go to stderr only when it is a terminal or the file is large. */
  progress?: (s: string) => void;
}

class CannotCheck extends Error {}

const defaultIo: CliIo = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
};

export function runCli(argv: string[], io: CliIo = defaultIo): number {
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
    throw new CannotCheck(m.profile(m.notFound(args.profile)));
  }
  return applyProfile(parseProfile(text), args.standard);
}

function check(args: CliArgs, io: CliIo): number {
  const m = MSG[args.lang];
  const lang: Lang = args.lang;
  const file = args.file as string;
  const settings = loadSettings(args);
  if (args.includeHidden) settings.policy.includeHiddenSheets = true;
  if (args.out && path.resolve(args.out) === path.resolve(file))
    throw new CannotCheck(m.sameAsInput);

  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CannotCheck(
      code === "ENOENT" ? m.notFound(file) : m.cannotRead(file, code ?? (e as Error).message)
    );
  }
  const large = bytes.length > 2_000_000;
  const progress = (s: string): void => {
    if (large || io.progress) (io.progress ?? io.stderr)(`${s}\n`);
  };
  progress(`${m.reading} ${file} …`);

  let workbook;
  try {
    workbook = readXlsx(bytes, {
      inflateRaw: inflateRawNode,
      sheets: args.sheets.length ? args.sheets : undefined,
    });
  } catch (e) {
    if (e instanceof XlsxReadError) {
      const why =
        e.code === "not-a-zip"
          ? m.notXlsx(file)
          : e.code === "encrypted-or-xls"
            ? m.encrypted(file)
            : e.code === "empty"
              ? m.empty(file)
              : m.corrupt(file);
      throw new CannotCheck(why);
    }
    throw new CannotCheck(m.corrupt(file));
  }
  for (const s of args.sheets)
    if (!workbook.sheets.some((x) => x.name === s)) throw new CannotCheck(m.noSheet(s));

  progress(`${m.checking} …`);
  let result;
  try {
    result = checkWorkbook(workbook, {
      settings,
      lang,
      sheets: args.sheets.length ? args.sheets : undefined,
    });
  } catch (e) {
    if (e instanceof NoSchoolTableError)
      throw new CannotCheck(
        e.uncachedFormulaSheets.length ? m.uncachedFormulas(file) : m.noTable(file)
      );
    throw e;
  }
  const { report, allFindings } = result;

  if (args.json) {
    // In chunks: a large county's report is never one giant string (reportJson.ts).
    if (args.json === "-") {
      for (const chunk of reportJsonChunks(report)) io.stdout(chunk);
    } else {
      const fd = fs.openSync(args.json, "w");
      try {
        for (const chunk of reportJsonChunks(report)) fs.writeFileSync(fd, chunk); // all of it, even on a pipe
      } finally {
        fs.closeSync(fd);
      }
    }
  }
  if (args.json !== "-") io.stdout(renderText(report, path.basename(file), lang));
  if (args.json && args.json !== "-") io.stdout(m.wroteJson(args.json) + "\n");

  if (args.out) {
    progress(`${m.writing} …`);
    const marks = buildMarks(allFindings, lang);
    const copy = writeMarkedCopy(bytes, marks, buildReportSheet(report, lang));
    fs.writeFileSync(args.out, copy.bytes);
    const msg = m.wroteCopy(args.out, marks.length, copy.reportSheetName ?? "");
    if (args.json === "-") io.stderr(msg + "\n");
    else io.stdout(msg + "\n");
  }
  return report.summary.meets === true && report.summary.errors === 0 ? 0 : 1;
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
