/** Fakes and fixtures for the sidebar's component tests: a SidebarHost that records calls, and real workbooks. */
import * as fs from "fs";
import * as path from "path";
import type { CellMark, ReportSheetSpec } from "../../src/present/marks";
import type { CheckOverrides } from "../../src/engine/overrides";
import type { RawCell, WorkbookInput } from "../../src/engine/workbook";
import { readXlsx } from "../../src/host/xlsx";
import type { CancelToken, Progress, SidebarHost } from "../../src/ui/host";
import { SECTION16_HEADER, sheet, workbook } from "../engine/helpers";

/** A SECTION16_HEADER row comfortably above every 2017 threshold for both stages, scaled by students (CVs 0). */
export function passingRow(name: string, students: number): RawCell[] {
  const k = students / 1000;
  return [
    name,
    students,
    80 * k,
    20 * k,
    5 * k,
    4 * k,
    4 * k,
    6000 * k,
    11000 * k,
    300 * k,
    30 * k,
  ];
}

export const SAMPLE_PATH = path.join(__dirname, "..", "..", "samples", "county-sample.xlsx");

export function sampleWorkbook(): WorkbookInput {
  return readXlsx(new Uint8Array(fs.readFileSync(SAMPLE_PATH)));
}

// The §16 header (one row, eleven columns) is the engine tests' own.
const HEADER = SECTION16_HEADER;

/** A 小学 comfortably above every 2017 threshold, scaled by its students (so every CV is 0). */
function goodSchool(name: string, students: number): RawCell[] {
  const k = students / 1000;
  return [name, students, 60 * k, 15 * k, 4 * k, 3 * k, 3 * k, 5000 * k, 8000 * k, 250 * k, 25 * k];
}

/** Four 小学 that all pass, in one sheet 「小学」. */
export function passingWorkbook(): WorkbookInput {
  return workbook(
    sheet("小学", [
      HEADER,
      goodSchool("一小", 1000),
      goodSchool("二小", 2000),
      goodSchool("三小", 1000),
      goodSchool("四小", 2000),
    ])
  );
}

/** The passing workbook with the 骨干教师 header renamed to something detection does not know (column D). */
export function unknownHeaderWorkbook(): WorkbookInput {
  const wb = passingWorkbook();
  wb.sheets[0].rows[0] = HEADER.map((h, i) => (i === 3 ? "名师数" : h));
  return wb;
}

/** The passing workbook with 二小's 骨干教师 left as "—" (a missing value, row 3 → D3). */
export function missingValueWorkbook(): WorkbookInput {
  const wb = passingWorkbook();
  wb.sheets[0].rows[2][3] = "—";
  return wb;
}

export function noTableWorkbook(): WorkbookInput {
  return workbook(
    sheet("说明", [["本表用于统计"], ["请勿修改"]]),
    sheet("Sheet2", [
      [1, 2, 3],
      [4, 5, 6],
    ])
  );
}

/** A SidebarHost over a fixed workbook that records every call. */
export class FakeHost implements SidebarHost {
  readonly kind = "excel" as const;
  calls: string[] = [];
  selected: { sheet: string; cell: string }[] = [];
  marks: CellMark[] | null = null;
  reportSpec: ReportSheetSpec | null = null;
  saved: CheckOverrides[] = [];
  /** When set, readWorkbook waits for this promise (to test progress and cancel). */
  gate: Promise<void> | null = null;
  readError: Error | null = null;

  constructor(
    public workbook: WorkbookInput,
    public overrides: CheckOverrides | null = null
  ) {}

  async readWorkbook(
    onProgress: (p: Progress) => void,
    _cancel: CancelToken
  ): Promise<WorkbookInput> {
    this.calls.push("readWorkbook");
    onProgress({ phase: "read", done: 0, total: 2 });
    if (this.gate) await this.gate;
    if (this.readError) throw this.readError;
    onProgress({ phase: "read", done: 2, total: 2 });
    return this.workbook;
  }

  async applyMarks(marks: CellMark[], onProgress: (p: Progress) => void): Promise<void> {
    this.calls.push("applyMarks");
    this.marks = marks;
    onProgress({ phase: "mark", done: marks.length, total: marks.length });
  }

  async clearMarks(): Promise<void> {
    this.calls.push("clearMarks");
    this.marks = null;
  }

  async writeReportSheet(spec: ReportSheetSpec): Promise<string> {
    this.calls.push("writeReportSheet");
    this.reportSpec = spec;
    return spec.name;
  }

  async selectCell(sheetName: string, cell: string): Promise<void> {
    this.calls.push("selectCell");
    this.selected.push({ sheet: sheetName, cell });
  }

  async loadOverrides(): Promise<CheckOverrides | null> {
    this.calls.push("loadOverrides");
    return this.overrides;
  }

  async saveOverrides(overrides: CheckOverrides): Promise<void> {
    this.calls.push("saveOverrides");
    this.saved.push(overrides);
    this.overrides = overrides;
  }
}
