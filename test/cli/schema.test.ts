/**
 * The JSON outputs against their JSON Schemas (docs/report.schema.json, files.schema.json, plan.schema.json,
 * generated from the types by scripts/report-schema.js): the schemas are up to date, and the CLI's --json on every
 * workbook of the repository and on generated workbooks raising many finding codes validates against them. The
 * engine's report of each survives structuredClone and a JSON round trip unchanged.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import Ajv, { type ValidateFunction } from "ajv";
import ExcelJS from "exceljs";
import { checkFile } from "../../src/cli/checkFile";
import { defaultSettings } from "../../src/standards";
import type { JsonReport } from "../../src/present/reportJson";
import { HEADER, JUNIOR, PRIMARY, named } from "../engine/layouts/fixtures";
import { run } from "./run";

// ts-json-schema-generator builds a TypeScript program and exceljs writes the workbooks: room on a loaded machine.
jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, "..", "..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "junheng-schema-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const { generateSchemas, SCHEMAS } = require("../../scripts/report-schema.js") as {
  generateSchemas: () => { file: string; text: string }[];
  SCHEMAS: { file: string }[];
};

const WORKBOOK = /\.(xlsx|xlsm|xls|xlsb|et|ods|csv)$/i;

/** Every workbook file of the repository (samples/, test fixtures), wherever it lies. */
function repoWorkbooks(dir = ROOT, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith(".") || ["node_modules", "dist", "coverage"].includes(e.name)) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) repoWorkbooks(p, out);
    else if (WORKBOOK.test(e.name) && !e.name.startsWith("~$")) out.push(p);
  }
  return out.sort();
}

function validator(file: string): ValidateFunction {
  // discriminator: a finding is checked against the variant of its own code (scripts/report-schema.js).
  const ajv = new Ajv({ allErrors: true, strict: false, discriminator: true });
  return ajv.compile(JSON.parse(fs.readFileSync(path.join(ROOT, file), "utf8")));
}

/** Fails with ajv's errors (path and message), the first few, when `value` does not validate. */
function expectValid(validate: ValidateFunction, value: unknown, what: string): void {
  const ok = validate(value);
  const errors = (validate.errors ?? [])
    .slice(0, 8)
    .map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
  expect([what, ok ? [] : errors]).toEqual([what, []]);
}

// ---------------------------------------------------------------------------------------------------------------
// Generated workbooks: each raises findings of several codes, so that their params meet the schema too.

async function writeXlsx(
  file: string,
  sheets: {
    name: string;
    rows: ExcelJS.CellValue[][];
    hidden?: boolean;
    merges?: string[];
  }[]
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, s.hidden ? { state: "hidden" } : undefined);
    s.rows.forEach((r) => ws.addRow(r));
    for (const m of s.merges ?? []) ws.mergeCells(m);
  }
  const p = path.join(tmp, file);
  await wb.xlsx.writeFile(p);
  return p;
}

/** Data problems of many kinds on one sheet, a junior sheet, a hidden sheet and a sheet without a table. */
function problems(): Promise<string> {
  return writeXlsx("problems.xlsx", [
    {
      name: "小学",
      rows: [
        HEADER,
        ...named(PRIMARY, "小学"),
        ["庚小学", "约三百", 20, 5, 4, 2000, 3000, 60, 8], // not-a-number
        ["辛小学", 400, -3, 5, 4, 2000, 3000, 60, 8], // negative-value
        ["壬小学", 400, 20.5, 5, 4, 2000, 3000, 60, 8], // fractional-count
        ["癸小学", 400, 20, null, 4, 2000, 3000, 60, 8], // missing-value
        ["子小学", 400, 20, 5, 4, { error: "#DIV/0!" } as never, 3000, 60, 8], // error-value
        ["丑小学", 0, 20, 5, 4, 2000, 3000, 60, 8], // impossible-value: teachers without students
        ["甲小学", 1000, 50, 12, 10, 5000, 8000, 220, 25], // duplicate-school
        [null, 300, 20, 5, 4, 2000, 3000, 60, 8], // name-missing
        ["寅教学点", 20, 1, 0, 1, 100, 200, 2, 1], // school-excluded (< 50 students)
        ["辰小学", 900, 30, 5, 4, 3000, 5000, 100, 10], // below-standard, school-fails
        ["合计", 1, 1, 1, 1, 1, 1, 1, 1], // total-mismatch
      ],
    },
    { name: "初中", rows: [HEADER, ...named(JUNIOR, "初中")] },
    { name: "隐藏", rows: [HEADER, ...named(PRIMARY, "小学")], hidden: true },
    { name: "说明", rows: [["本表为县域学校基本情况"], ["填表人：某某"]] },
  ]);
}

/** A 九年一贯制 school split by its per-stage students, a branch campus, and 「县级指标」 for the whole assessment. */
function assessment(): Promise<string> {
  const head = [
    "学校名称",
    "学校类型",
    "是否计校数",
    "在校生数",
    "小学在校生数",
    "初中在校生数",
    "班级数",
    "最大班额(人)",
    "专任教师数",
    ...HEADER.slice(2),
  ];
  return writeXlsx("assessment.xlsx", [
    {
      name: "学校",
      rows: [
        head,
        ["甲小学", "小学", 1, 1000, 1000, null, 24, 48, 60, 50, 12, 10, 5000, 8000, 220, 25],
        ["乙小学", "小学", 1, 800, 800, null, 18, 44, 48, 42, 10, 8, 4200, 6800, 176, 20],
        // branch-merged: 是否计校数 0, its name is the parent's with 分校.
        ["乙小学(分校)", "小学", 0, 100, 100, null, 3, 40, 6, 5, 1, 1, 500, 800, 20, 2],
        // split-apportioned: whole-school figures shared by its per-stage students; class-size: 52 > 45.
        ["丙学校", "九年一贯制", 1, 1500, 900, 600, 33, 52, 95, 80, 18, 15, 7500, 12000, 330, 36],
        ["丁初中", "初中", 1, 1000, null, 1000, 20, 50, 70, 60, 12, 10, 6000, 11000, 270, 25],
        // unknown-stage: 中学 with no type and no per-stage students (junior or senior?).
        ["戊中学", null, 1, 600, null, null, 12, 45, 40, 30, 6, 5, 3000, 5000, 130, 12],
      ],
    },
    {
      name: "县级指标",
      rows: [
        ["代码", "数值", "单位", "说明"],
        ["G7.special_funds", 300, "万元"],
        ["G7.special_students", 500],
        ["G8.teacher_salary", 98000, "元"],
        ["G8.civil_salary", 97000, "元"], // G8.performance_pay not entered: assessment-partial-input
        ["G9.teachers", 999, "人"], // county-school-mismatch
        ["G14.quota_total", 1000],
        ["G14.quota_allocated", 520],
        ["G14.rate", 40], // county-rate-differs (the counts give 52)
        ["G1.met", "也许"], // county-bad-value
        ["X9.nothing", 3], // county-unknown-code
        ["V1.exam_admission", "否"],
      ],
    },
  ]);
}

/** §16's schools as a UTF-8 CSV (the CSV reader's path to the same report). */
function csv(): string {
  const p = path.join(tmp, "county.csv");
  const rows = [HEADER, ...named(PRIMARY, "小学"), ...named(JUNIOR, "初中")];
  fs.writeFileSync(p, rows.map((r) => r.join(",")).join("\n") + "\n");
  return p;
}

// ---------------------------------------------------------------------------------------------------------------

test("docs/*.schema.json are what scripts/report-schema.js generates from the types (npm run schema)", () => {
  // A type changed (a finding code or parameter added, a report field): `npm run schema` and commit the files.
  for (const { file, text } of generateSchemas()) {
    const fresh = fs.readFileSync(path.join(ROOT, file), "utf8") === text;
    expect([file, fresh ? "fresh" : "stale: run npm run schema"]).toEqual([file, "fresh"]);
  }
  expect(SCHEMAS.map((s) => s.file).sort()).toEqual([
    "docs/files.schema.json",
    "docs/plan.schema.json",
    "docs/report.schema.json",
  ]);
});

describe("the CLI's JSON on every fixture validates against its schema", () => {
  const report = validator("docs/report.schema.json");
  const files = validator("docs/files.schema.json");
  const plan = validator("docs/plan.schema.json");
  let generated: string[] = [];
  beforeAll(async () => {
    generated = [await problems(), await assessment(), csv()];
  });
  const runs = (): { file: string; extra: string[] }[] => [
    ...repoWorkbooks().map((file) => ({ file, extra: [] })),
    ...generated.map((file) => ({ file, extra: [] })),
    ...generated.slice(0, 1).map((file) => ({ file, extra: ["--include-hidden"] })),
    // basic-2012: the composite CV, no assessment, no per-school verdict.
    ...repoWorkbooks().map((file) => ({ file, extra: ["--standard", "basic-2012"] })),
  ];

  test("the repository holds at least the bundled sample", () => {
    expect(repoWorkbooks()).toContain(path.join(ROOT, "samples", "county-sample.xlsx"));
  });

  test("junheng check FILE --json - (both languages): valid, and the engine's report is plain data", () => {
    const codes = new Set<string>();
    for (const { file, extra } of runs()) {
      const name = `${path.relative(ROOT, file)} ${extra.join(" ")}`;
      for (const lang of ["zh-CN", "en"] as const) {
        const r = run(["check", file, "--json", "-", "--lang", lang, ...extra]);
        expect([name, r.code === 0 || r.code === 1, r.err]).toEqual([name, true, ""]);
        const json = JSON.parse(r.out) as JsonReport;
        expectValid(report, json, `${name} ${lang}`);
        expect(json.lang).toBe(lang);
        for (const f of json.findings) codes.add(f.code);
      }
      const settings = defaultSettings(
        extra.includes("basic-2012") ? "basic-2012" : "quality-2017"
      );
      settings.policy.includeHiddenSheets = extra.includes("--include-hidden");
      const { report: engine, allFindings } = checkFile(file, {
        lang: "zh-CN",
        settings,
        sheets: [],
        progress: () => undefined,
      });
      expect(structuredClone(engine)).toEqual(engine);
      expect(JSON.parse(JSON.stringify(engine))).toEqual(engine);
      expect(structuredClone(allFindings)).toEqual(allFindings);
    }
    // The fixtures exercise the finding variants they were written for (see the comments on their rows).
    const notRaised = [
      "not-a-number",
      "negative-value",
      "fractional-count",
      "missing-value",
      "error-value",
      "impossible-value",
      "duplicate-school",
      "name-missing",
      "school-excluded",
      "unknown-stage",
      "below-standard",
      "school-fails",
      "total-mismatch",
      "hidden-sheet-skipped",
      "no-table",
      "split-apportioned",
      "branch-merged",
      "class-size",
      "assessment-partial-input",
      "county-school-mismatch",
      "county-rate-differs",
      "county-bad-value",
      "county-unknown-code",
      "assessment-item-fails",
      "cv-over-limit",
    ].filter((c) => !codes.has(c));
    expect(notRaised).toEqual([]);
  });

  test("several files: {files: [...]} with reports and errors validates against files.schema.json", () => {
    const missing = path.join(tmp, "no-such.xlsx");
    const corrupt = path.join(tmp, "corrupt.xlsx");
    fs.writeFileSync(corrupt, "PK\u0003\u0004 not a zip");
    const r = run(["check", ...repoWorkbooks(), ...generated, missing, corrupt, "--json", "-"]);
    expect(r.code).toBe(2);
    const json = JSON.parse(r.out) as { files: { file: string; error?: { code: string } }[] };
    expectValid(files, json, "files");
    expect(json.files.filter((f) => f.error).map((f) => f.error!.code)).toEqual([
      "not-found",
      "corrupt",
    ]);
  });

  test("junheng plan FILE --json - validates against plan.schema.json", () => {
    for (const file of [...repoWorkbooks(), generated[1]]) {
      const r = run(["plan", file, "--json", "-"]);
      const name = path.relative(ROOT, file);
      expect([name, r.code === 0 || r.code === 1]).toEqual([name, true]);
      expectValid(plan, JSON.parse(r.out), name);
    }
  });

  test("a broken report fails: a renamed field, a wrong type, an unknown code or indicator, params of another code", () => {
    const r = run(["check", path.join(ROOT, "samples", "county-sample.xlsx"), "--json", "-"]);
    const good = JSON.parse(r.out) as JsonReport;
    expect(report(good)).toBe(true);
    const broken: ((j: Record<string, any>) => void)[] = [
      (j) => {
        j.summary.schoolsMet = j.summary.schoolsMeeting;
        delete j.summary.schoolsMeeting;
      },
      (j) => (j.schools[0].row = String(j.schools[0].row)),
      (j) => (j.findings[0].code = "no-such-code"),
      (j) => {
        const f = j.findings.find((x: { code: string }) => x.code === "below-standard");
        f.params = { row: 3 };
      },
      (j) => delete j.findings[0].messages,
      (j) => (j.schools[0].excluded = "closed"),
      // Indicator ids are the standards' own (IndicatorId), not any string.
      (j) => (j.indicators[0].id = "books_per_teacher"),
      (j) => {
        const f = j.findings.find((x: { indicator: string | null }) => x.indicator !== null);
        f.indicator = "books_per_teacher";
      },
      (j) => (j.schools.find((s: { atFloor: string[] }) => s.atFloor.length > 0).atFloor[0] = "x"),
    ];
    for (const breakIt of broken) {
      const j = JSON.parse(r.out) as Record<string, any>;
      breakIt(j);
      expect([breakIt.toString(), report(j)]).toEqual([breakIt.toString(), false]);
    }
  });
});
