/**
 * The engine's one entry point: workbook values in, one JSON-able report out.
 *   normalise cells → detect the table → build schools → compute indicators → verdicts and findings.
 */
import { CheckSettings, defaultSettings } from "../standards";
import { STAGES } from "../standards/types";
import { FindingCollector } from "./findings/collector";
import { computeIndicator, judgeResults, stageLimitsOf } from "./indicators/schoolIndicators";
import { countyStage, StageTally } from "./indicators/county";
import { IndicatorResult, Report, SchoolResult, TableReport } from "./reportTypes";
import { forEachPart, SchoolPart } from "./schools/buildParts";
import { mergeBranches, SchoolRecord } from "./schools/branches";
import { resolveColumnUnits } from "./schools/columnUnits";
import {
  checkColumnCoverage,
  checkDegreeBasis,
  checkTotals,
  DuplicateCheck,
  ValueScaleCheck,
  runSchoolChecks,
  SchoolCheckInput,
} from "./checks";
import { QuantityReader } from "./schools/quantities";
import { reportHiddenColumns, reportHiddenRows, reportNamelessRows } from "./schools/namelessRows";
import { columnsByKey, readTableRows, TableRow } from "./schools/tableRows";
import { DetectedTable } from "./table/detectTable";
import { detectTables } from "./table/detectTables";
import { reportUncachedFormulas, uncachedCellsOfTable } from "./table/uncachedFormulas";
import { sheetsToCheck } from "./table/sheetScope";
import { townshipColumn, townshipReader } from "./table/township";
import { cellAddress, columnLetter, WorkbookInput } from "./workbook";
import { applyOverrides, CheckOverrides, overridesWithin } from "./overrides";
import {
  buildAssessment,
  CountyData,
  findCountySheet,
  isCountySheetName,
  readCountySheet,
  SchoolFactsCollector,
} from "./assessment";
import type { SheetInput } from "./workbook";
import { NULL_FOR_PRIMING, primeShape } from "./shapes";

export const ENGINE_VERSION = "0.1.0";

export interface CheckOptions {
  settings?: CheckSettings;
  /** Only these sheets (by name). */
  sheets?: string[];
  /** Findings kept per code in the report (all are used for marks). */
  findingsPerCode?: number;
  onProgress?: (stage: string, done: number, total: number) => void;
  /** The user's corrections of detection, per sheet (saved in the workbook by the hosts). */
  overrides?: CheckOverrides;
  /**
   * 「县级指标」 from a separate workbook (CLI --county, standards.md §17.9). Without it the sheet is looked for in
   * the checked workbook; with it, a 「县级指标」 sheet there is ignored with a warning.
   */
  county?: { sheet: SheetInput; file: string | null };
}

export interface CheckResult {
  report: Report;
  /** Every finding, uncapped (the report caps them per code). */
  allFindings: Report["findings"];
}

/** No school table anywhere: the workbook cannot be checked. */
export class NoSchoolTableError extends Error {
  constructor(
    public readonly sheets: string[],
    /** Sheets whose figures are all formulas without results (the likely reason nothing was found). */
    public readonly uncachedFormulaSheets: string[] = []
  ) {
    super("no school table found");
    this.name = "NoSchoolTableError";
  }
}

/**
 * One school's result, with the keys every result has in the JSON's order (the rare ones are added after). Its
 * shape is primed with nulls so that the student count is not boxed per school (shapes.ts).
 */
function newSchoolResult(
  name: string,
  stage: SchoolResult["stage"],
  sheet: string,
  row: number,
  students: number | null,
  type: SchoolResult["type"],
  indicators: SchoolResult["indicators"],
  metCount: number,
  atFloor: SchoolResult["atFloor"],
  meets: boolean | null,
  status: SchoolResult["status"],
  split: boolean,
  excluded: SchoolResult["excluded"]
): SchoolResult {
  return {
    name,
    stage,
    sheet,
    row,
    students,
    type,
    indicators,
    metCount,
    atFloor,
    meets,
    status,
    split,
    excluded,
  };
}
primeShape(() => {
  const N = NULL_FOR_PRIMING;
  return newSchoolResult(N, N, N, N, N, N, N, N, N, N, N, N, N);
});

export function checkWorkbook(input: WorkbookInput, options: CheckOptions = {}): CheckResult {
  const settings = options.settings ?? defaultSettings();
  const findings = new FindingCollector();
  const { standard } = settings;
  const progress = options.onProgress ?? (() => undefined);

  const sheets = sheetsToCheck(
    input.sheets,
    options.sheets,
    settings.policy.includeHiddenSheets,
    findings
  ).filter((s) => !isCountySheetName(s.name)); // 「县级指标」 is never a school table (§17.6)
  const assessing = standard.id === "quality-2017";
  const schoolFacts = assessing ? new SchoolFactsCollector() : undefined;
  const tables: TableReport[] = [];
  const detected: DetectedTable[] = [];
  // Cells holding formulas without results, per sheet: reported once per sheet, never one by one.
  const uncachedBySheet = new Map<string, Set<string>>();
  const uncachedOnly: string[] = [];

  // Each school is finished (indicators, verdict, findings, county tally) as soon as its part is built,
  // so the part can be let go before the next: see forEachPart.
  const schools: SchoolResult[] = [];
  const tallies = {
    primary: new StageTally(standard.indicators.length),
    junior: new StageTally(standard.indicators.length),
  } satisfies Record<(typeof STAGES)[number], StageTally>;
  const duplicates = new DuplicateCheck(findings);
  const valueScale = new ValueScaleCheck(standard.indicators);
  let lastRecord: SchoolRecord | undefined;
  const ordered: IndicatorResult[] = [];
  const limits = stageLimitsOf(standard.indicators);
  let checkInput: SchoolCheckInput | undefined;
  // The 乡镇 of the current table's rows, when it has such a column (table/township.ts).
  let townshipOf: ((row: number) => string | undefined) | undefined;
  const finishSchool = (part: SchoolPart): void => {
    findings.phase = "duplicates";
    duplicates.visit(part);
    findings.phase = "schools";
    // The results in the standard's order (reused from school to school) for the passes below, and by id
    // for the report.
    const indicators: Record<string, IndicatorResult> = {};
    // §17.4 R3 / R5: the relaxed numerators count only under policy.relaxations (off by default); either way the
    // other reading is computed too, to name the schools the relaxation decides (applied / would pass).
    const relaxedOn = settings.policy.relaxations === "guicheng-2019";
    const own = part.numerators;
    let relaxedNums: SchoolPart["numerators"] | undefined;
    if (part.relaxed) {
      relaxedNums = { ...own };
      for (const r of part.relaxed) relaxedNums[r.numerator] = r.quantity;
      if (relaxedOn) part.numerators = relaxedNums;
    }
    const stageLimits = limits[part.stage];
    for (let i = 0; i < standard.indicators.length; i++) {
      const ind = standard.indicators[i];
      const r = computeIndicator(part, ind, settings, findings, stageLimits[i]);
      ordered[i] = r;
      indicators[ind.id] = r;
    }
    if (part.relaxed && relaxedNums && schoolFacts && !part.excluded) {
      const other = { ...part, numerators: relaxedOn ? own : relaxedNums };
      for (const rn of part.relaxed) {
        const ind = standard.indicators.find((d) => d.numerator === rn.numerator);
        if (!ind) continue;
        const alt = computeIndicator(other, ind, settings, new FindingCollector());
        const now = indicators[ind.id].meets;
        const decided = relaxedOn
          ? now === true && alt.meets === false
          : now === false && alt.meets === true;
        if (decided) schoolFacts.relaxationNote(relaxedOn, rn.item, part.record.name, part.stage);
      }
    }
    const verdict = judgeResults(ordered, settings);
    const first = part.record.rows[0];
    const result = newSchoolResult(
      part.record.name,
      part.stage,
      part.record.sheet,
      first.row + 1,
      part.students.value,
      part.kind,
      indicators,
      verdict.metCount,
      verdict.atFloor,
      part.excluded ? null : verdict.meets,
      part.excluded ? "excluded" : verdict.status,
      part.split,
      part.excluded ? part.excluded.reason : false
    );
    const town = townshipOf?.(first.row);
    if (town) result.township = town;
    if (part.split) result.share = part.share;
    if (part.record.rows.length > 1)
      result.mergedRows = part.record.rows.slice(1).map((r) => r.row + 1);
    // The parts of a combined school arrive one after the other.
    const firstPart = part.record !== lastRecord;
    lastRecord = part.record;
    if (!part.excluded) {
      // One input object for every part (a county has 100,000): filled here, read by the checks.
      const uncached = uncachedBySheet.get(part.record.sheet);
      const c = (checkInput ??= {
        part,
        result,
        ordered,
        verdict,
        settings,
        findings,
        firstPart,
        uncached,
      });
      c.part = part;
      c.result = result;
      c.verdict = verdict;
      c.firstPart = firstPart;
      c.uncached = uncached;
      runSchoolChecks(c);
    }
    schoolFacts?.visit(part, result, schools.length, firstPart);
    schools.push(result);
    valueScale.visit(result, ordered);
    if (!result.excluded) tallies[part.stage].add(result, ordered);
    findings.phase = "tables";
  };

  sheets.forEach((sheet, si) => {
    progress("detect", si, sheets.length);
    const { tables: sheetTables, unreadable } = detectTables(sheet);
    const perSheet = options.overrides?.[sheet.name];
    const found = sheetTables.map((t) => applyOverrides(t, overridesWithin(perSheet, t)));
    if (found.length === 0) {
      if (sheet.uncachedFormulas?.length) {
        // Headers but no numbers: most likely every figure is a formula nobody has calculated yet.
        uncachedOnly.push(sheet.name);
        reportUncachedFormulas(
          sheet.name,
          sheet.uncachedFormulas.map((c) => cellAddress(c.row, c.col)),
          findings
        );
      } else if (
        sheet.rows.some((r) => r && r.some((v) => v !== null && v !== undefined && v !== ""))
      ) {
        findings.add("no-table", { sheet: sheet.name }, {});
      }
      return;
    }
    for (const u of unreadable) {
      findings.add(
        "table-unreadable",
        { sheet: sheet.name, cell: cellAddress(u.row, 0) },
        { row: u.row + 1 }
      );
    }
    // Formulas without results: one finding for the sheet, whichever of its tables they are in, raised
    // before any school so that no school reports them as 「未填写」.
    const uncached = found.flatMap((t) => uncachedCellsOfTable(sheet, t, columnsByKey(t)));
    reportUncachedFormulas(sheet.name, uncached, findings);
    if (uncached.length) uncachedBySheet.set(sheet.name, new Set(uncached));
    // School rows of the tables above on this sheet, for a grand total under the last one.
    const schoolRowsAbove: TableRow[] = [];
    for (const table of found) {
      detected.push(table);
      const columns = columnsByKey(table);
      const rows = readTableRows(sheet, table, columns);
      reportNamelessRows(rows, findings);
      reportHiddenRows(rows, sheet.hiddenRows, findings);
      reportHiddenColumns(table, columns, sheet.hiddenCols, findings);
      const units = resolveColumnUnits(
        sheet.name,
        columns,
        table.noteUnits,
        rows,
        settings.policy.inferUnits,
        findings
      );
      const reader = new QuantityReader(sheet.name, columns, units, findings);

      const { unmapped, confidence } = checkColumnCoverage(
        sheet.name,
        table,
        columns,
        standard,
        findings
      );

      checkTotals(rows, columns, findings, schoolRowsAbove);
      for (const r of rows) if (r.kind === "school") schoolRowsAbove.push(r);
      const records = mergeBranches(rows, table, settings, findings);
      const townCol = townshipColumn(table.unknownHeaders);
      townshipOf =
        townCol === undefined ? undefined : townshipReader(sheet, townCol, table.dataStart);
      let done = 0;
      let primaryParts = 0;
      forEachPart(records, table, columns, reader, settings, findings, (part) => {
        if (done % 500 === 0) progress("schools", Math.min(done, records.length), records.length);
        done++;
        if (part.stage === "primary") primaryParts++;
        finishSchool(part);
      });
      checkDegreeBasis(sheet.name, columns, primaryParts, findings);

      tables.push({
        sheet: sheet.name,
        headerRows: table.headerRows.map((r) => r + 1),
        firstDataRow: table.dataStart + 1,
        columns: Object.fromEntries([...columns].map(([k, m]) => [k, columnLetter(m.col)])),
        columnDetails: [...columns].map(([k, m]) => {
          const u = units.get(k);
          return {
            key: k,
            column: columnLetter(m.col),
            header: m.path.join(" › "),
            unit: u?.label ?? null,
            unitSource: u?.source ?? null,
          };
        }),
        unmapped,
        unknownHeaders: table.unknownHeaders.map((h) => ({
          column: columnLetter(h.col),
          header: h.path.join(" › "),
        })),
        stage: table.sheetStage ?? null,
        confidence,
        skippedRows: rows
          .filter((r) => r.kind !== "school")
          .map((r) => ({ row: r.row + 1, label: r.label, reason: r.kind })),
      });
    }
  });

  if (detected.length === 0)
    throw new NoSchoolTableError(
      sheets.map((s) => s.name),
      uncachedOnly
    );

  // Needs every school of a stage (a median): gathered school by school above, raised once all are read.
  findings.phase = "schools";
  valueScale.finish(findings);
  findings.phase = "county";
  const county: Report["county"] = {};
  for (const stage of STAGES) {
    const c = countyStage(stage, tallies[stage], settings, findings);
    if (c) county[stage] = c;
  }

  let countyData: CountyData | null = null;
  if (assessing && schoolFacts) {
    findings.phase = "county";
    const own = findCountySheet(input.sheets);
    if (options.county) {
      if (own)
        findings.add(
          "county-sheet-ignored",
          { sheet: own.name },
          { file: options.county.file ?? "" }
        );
      countyData = readCountySheet(options.county.sheet, options.county.file, findings);
    } else if (own) countyData = readCountySheet(own, null, findings);
  }
  const assessment =
    assessing && schoolFacts
      ? buildAssessment({
          report: { schools, county },
          facts: schoolFacts,
          resourceRelaxations: schoolFacts.relaxations,
          county: countyData,
          settings,
          findings,
        })
      : undefined;

  const { findings: capped, omitted } = findings.capped(options.findingsPerCode ?? 500);
  const { error: errors, warning: warnings } = findings.countBySeverity();
  const stageVerdicts = Object.values(county).map((c) => c.meets);
  // A school left out (stage unknown, no name, unreadable formulas) could change every CV: no verdict,
  // neither pass nor fail, until it is fixed (docs/decisions.md, "A school left out").
  const leftOut = findings.verdictBlockers;
  const meets =
    stageVerdicts.length === 0 || leftOut > 0
      ? null
      : stageVerdicts.some((m) => m === false)
        ? false
        : stageVerdicts.every((m) => m === true)
          ? true
          : null;
  // The summary's counts in one walk over a county's 100,000 schools, without a filtered copy of them.
  let assessed = 0;
  let schoolsMeeting = 0;
  for (let i = 0; i < schools.length; i++) {
    const s = schools[i];
    if (s.excluded) continue;
    assessed++;
    if (s.meets === true) schoolsMeeting++;
  }

  const report: Report = {
    tool: { name: "junheng", version: ENGINE_VERSION },
    standard: {
      id: standard.id,
      document: standard.document,
      profile: settings.profile ?? null,
      stages: STAGES.filter((s) => county[s]),
      perSchool: standard.perSchool
        ? { minMet: standard.perSchool.minMet, floorShare: standard.perSchool.floorShare }
        : null,
    },
    policy: settings.policy,
    limits: settings.limits,
    indicators: standard.indicators.map((i) => ({
      id: i.id,
      code: i.code,
      decimals: i.decimals,
      threshold: i.threshold ?? null,
      floor: i.floor ?? null,
    })),
    tables,
    schools,
    county,
    findings: capped,
    findingsOmitted: omitted,
    summary: {
      schools: assessed,
      schoolsMeeting,
      errors,
      warnings,
      meets,
      readyToSubmit: errors === 0 && leftOut === 0,
      leftOut,
    },
  };
  if (assessment) report.assessment = assessment;
  progress("done", 1, 1);
  return { report, allFindings: findings.all };
}
