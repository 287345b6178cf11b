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
import { readXlsx, writeMarkedCopy, writeNewWorkbook, XlsxReadError } from "../host/xlsx";
import { findCountySheet } from "../engine/assessment";
import type { SheetInput } from "../engine/workbook";
import { buildDeclaration } from "../present/declaration/buildDeclaration";
import { buildCountyTemplate } from "../present/countyTemplate/buildCountyTemplate";
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
    throw new CannotCheck(m.profile(m.notFound(args.profile)));
  }
  return applyProfile(parseProfile(text), args.standard);
}

/** `junheng template county OUT.xlsx`: a blank 「县级指标」 sheet (standards.md §17.6). */
function writeTemplate(args: CliArgs, io: CliIo): number {
  const m = MSG[args.lang];
  const out = args.template!.out;
  try {
    fs.writeFileSync(out, writeNewWorkbook(buildCountyTemplate()));
  } catch (e) {
    throw new CannotCheck(
      m.cannotWrite(out, (e as NodeJS.ErrnoException).code ?? (e as Error).message)
    );
  }
  io.stdout(m.wroteTemplate(out) + "\n");
  return 0;
}

/** 「县级指标」 from --county FILE (§17.9): unreadable file or no such sheet → exit 2 with one line. */
function readCountyFile(file: string, m: (typeof MSG)[Lang]): SheetInput {
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CannotCheck(
      code === "ENOENT" ? m.countyNotFound(file) : m.cannotRead(file, code ?? "")
    );
  }
  let sheet: SheetInput | undefined;
  try {
    sheet = findCountySheet(readXlsx(bytes, { inflateRaw: inflateRawNode }).sheets);
  } catch {
    throw new CannotCheck(m.countyUnreadable(file));
  }
  if (!sheet) throw new CannotCheck(m.countyNoSheet(file));
  return sheet;
}

function check(args: CliArgs, io: CliIo): number {
  const m = MSG[args.lang];
  const lang: Lang = args.lang;
  const file = args.file as string;
  const settings = loadSettings(args);
  if (args.out && path.resolve(args.out) === path.resolve(file))
    throw new CannotCheck(m.sameAsInput);
  if (args.declaration && settings.standard.id !== "quality-2017")
    throw new CannotCheck(m.declarationBasic);
  if (args.declaration && path.resolve(args.declaration) === path.resolve(file))
    throw new CannotCheck(m.declarationSameAsInput);
  const county = args.county
    ? { sheet: readCountyFile(args.county, m), file: path.basename(args.county) }
    : undefined;

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
      // 「县级指标」 is read with the school sheets when --sheet narrows them (standards.md §17.6).
      sheets: args.sheets.length ? [...args.sheets, "县级指标", " 县级指标 "] : undefined,
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
      county,
    });
  } catch (e) {
    if (e instanceof NoSchoolTableError) throw new CannotCheck(m.noTable(file));
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
  if (args.declaration) {
    // Written whatever the verdict; a new workbook, never the input (§17.9).
    try {
      fs.writeFileSync(args.declaration, writeNewWorkbook(buildDeclaration(report)));
    } catch (e) {
      throw new CannotCheck(
        m.cannotWrite(args.declaration, (e as NodeJS.ErrnoException).code ?? (e as Error).message)
      );
    }
    const msg = m.wroteDeclaration(args.declaration);
    if (args.json === "-") io.stderr(msg + "\n");
    else io.stdout(msg + "\n");
  }
  const ok = report.summary.meets === true && report.summary.errors === 0;
  // With 「县级指标」 read, exit 0 also needs 「可以申报」 (§17.8).
  if (report.assessment?.county && report.assessment.verdict !== true) return 1;
  return ok ? 0 : 1;
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
