/**
 * The output of a many-file run (`junheng check a.xlsx b.xlsx 目录/`): one line per file, a roll-up table, and the
 * JSON `{"files": [{"file", "report" | "error"}]}` (docs/report-format.md).
 */
import { STAGE_HEADING } from "../present/labels";
import { formatNumber } from "../engine/format";
import { reportJsonChunks } from "../engine/reportJson";
import type { Lang, Report } from "../engine/reportTypes";
import { withMessages, type JsonReport } from "../present/reportJson";
import { STAGES } from "../standards/types";
import { messageNamesFile, type CannotCheckCode } from "./checkFile";
import { shownStageMeets } from "./printReport";

export type FileResult =
  | { file: string; report: Report; error?: undefined }
  | { file: string; report?: undefined; error: { code: CannotCheckCode; message: string } };

/** The JSON of a many-file run, as manyFilesJsonChunks writes it (docs/files.schema.json). */
export interface ManyFilesJson {
  files: (
    | { file: string; report: JsonReport }
    | { file: string; error: { code: CannotCheckCode; message: string } }
  )[];
}

const L = {
  "zh-CN": {
    stage: STAGE_HEADING["zh-CN"],
    pass: "达标",
    fail: "不达标",
    incomplete: "无法判定",
    none: "—",
    errors: (n: number) => `错误 ${n} 项`,
    cannot: "无法检查",
    head: ["文件", "小学", "初中", "超限差异系数", "达标学校", "错误"],
    total: (n: number, ok: number, bad: number, no: number) =>
      `共 ${n} 个文件：${ok} 个全部达标，${bad} 个有未达标项或错误，${no} 个无法检查`,
  },
  en: {
    stage: STAGE_HEADING.en,
    pass: "meets",
    fail: "does not meet",
    incomplete: "cannot judge",
    none: "—",
    errors: (n: number) => `${n} errors`,
    cannot: "cannot check",
    head: ["File", "Primary", "Junior", "CVs over limit", "Schools meeting", "Errors"],
    total: (n: number, ok: number, bad: number, no: number) =>
      `${n} files: ${ok} meet everything, ${bad} fall short or have errors, ${no} could not be checked`,
  },
};

function verdict(meets: boolean | null | "left-out" | undefined, lang: Lang): string {
  const t = L[lang];
  return meets === true
    ? t.pass
    : meets === false
      ? t.fail
      : meets === null || meets === "left-out"
        ? t.incomplete
        : t.none;
}

/** CVs over their limit, per stage present: county indicators whose meets is false. */
function cvsOver(report: Report): { over: number; of: number } {
  let over = 0;
  let of = 0;
  for (const st of STAGES) {
    const c = report.county[st];
    if (!c) continue;
    for (const ci of Object.values(c.indicators)) {
      if (ci.limit === null || ci.limit === undefined) continue;
      of++;
      if (ci.meets === false) over++;
    }
  }
  return { over, of };
}

/** The line printed as each file is done: its verdict per stage and its error count, or why it was not checked. */
export function fileLine(r: FileResult, lang: Lang): string {
  const t = L[lang];
  if (!r.report)
    return messageNamesFile(r.error.code)
      ? `✗ ${r.error.message}`
      : `✗ ${r.file}${lang === "en" ? ": " : "："}${r.error.message}`;
  const rep = r.report;
  const ok = rep.summary.meets === true && rep.summary.errors === 0;
  const stages = STAGES.filter((st) => rep.county[st])
    .map((st) => `${t.stage[st]} ${verdict(shownStageMeets(rep, st), lang)}`)
    .join(lang === "en" ? ", " : "，");
  const sep = lang === "en" ? ": " : "：";
  const tail =
    lang === "en" ? `; ${t.errors(rep.summary.errors)}` : `；${t.errors(rep.summary.errors)}`;
  return `${ok ? "✓" : "✗"} ${r.file}${sep}${stages}${tail}`;
}

/** Display width in a terminal: CJK and full-width forms take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6)
        ? 2
        : 1;
  }
  return w;
}

function pad(s: string, w: number): string {
  return s + " ".repeat(Math.max(0, w - width(s)));
}

/** The roll-up table: file, each stage's verdict, CVs over their limit, schools meeting, errors. */
export function rollupTable(results: FileResult[], lang: Lang): string {
  const t = L[lang];
  const rows: string[][] = [t.head];
  let ok = 0;
  let bad = 0;
  let no = 0;
  for (const r of results) {
    if (!r.report) {
      no++;
      rows.push([r.file, t.cannot, "", "", "", ""]);
      continue;
    }
    const rep = r.report;
    if (rep.summary.meets === true && rep.summary.errors === 0) ok++;
    else bad++;
    const cv = cvsOver(rep);
    rows.push([
      r.file,
      verdict(shownStageMeets(rep, "primary"), lang),
      verdict(shownStageMeets(rep, "junior"), lang),
      cv.of ? `${cv.over}/${cv.of}` : t.none,
      `${formatNumber(rep.summary.schoolsMeeting, 0)}/${formatNumber(rep.summary.schools, 0)}`,
      String(rep.summary.errors),
    ]);
  }
  const widths = t.head.map((_h, i) => Math.max(...rows.map((row) => width(row[i]))));
  const lines = rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : pad(cell, widths[i])))
      .join("  ")
      .trimEnd()
  );
  lines.splice(1, 0, widths.map((w) => "-".repeat(w)).join("  "));
  lines.push("", t.total(results.length, ok, bad, no));
  return lines.join("\n") + "\n";
}

/**
 * `{"files": [{"file": …, "report": {…}} | {"file": …, "error": {"code", "message"}}]}` in chunks: each report is
 * the one-file JSON (labels and messages in `lang`: src/present/reportJson.ts), streamed as reportJsonChunks
 * writes it, so a city's worth of counties is never one giant string.
 */
export function* manyFilesJsonChunks(results: FileResult[], lang: Lang): Generator<string> {
  yield '{\n  "files": [';
  for (let i = 0; i < results.length; i++) {
    const r = results[i];
    yield `${i ? "," : ""}\n    {"file": ${JSON.stringify(r.file)}, `;
    if (r.report) {
      yield '"report": ';
      let prev: string | undefined;
      for (const chunk of reportJsonChunks(withMessages(r.report, lang))) {
        if (prev !== undefined) yield prev;
        prev = chunk;
      }
      if (prev !== undefined) yield prev.replace(/\n$/, "");
      yield "}";
    } else yield `"error": ${JSON.stringify(r.error)}}`;
  }
  yield "\n  ]\n}\n";
}
