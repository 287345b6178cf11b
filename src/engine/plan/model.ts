/**
 * What the planner knows of a county: every assessed school part with its seven values, thresholds and floors,
 * and for each value the input cell an addition is written to and how much of what is written that part sees.
 *
 * The "how much" is measured, not re-derived: the engine is re-run once per numerator kind with every planned
 * cell raised by a known amount, and each part's change is read off its report. A plain school sees all of it
 * (coefficient 1); a stage part of a 一贯制 school whose facilities are whole-school figures sees its share
 * (standards.md §9: 1 : 1.1 weights for facilities, student share for teachers); a per-stage column is seen whole.
 * This way the plan follows every reading rule of the engine (units, summed level columns, 室内体育用房,
 * merged branch rows) without a second copy of them.
 */
import { normalizeCell } from "../cells/normalize";
import { lookupUnit } from "../cells/units";
import { checkWorkbook, CheckOptions } from "../report";
import { Report, SchoolResult, SchoolStatus } from "../reportTypes";
import { parseAddress, WorkbookInput } from "../workbook";
import { IndicatorDefinition, Stage, StandardDefinition } from "../../standards/types";
import { applyWrites, CellWrite } from "./apply";
import { isPlanKind, PlanKind } from "./costs";

export interface IndicatorModel {
  id: string;
  kind: PlanKind;
  scale: number;
  /** Unrounded value, and the numerator it stands for (value × students ÷ scale). */
  value: number | null;
  numerator: number | null;
  threshold: number;
  floor: number;
  /** Key of the target cell written to raise this value (null: nothing to write to). */
  target: string | null;
  /** Numerator units this part gains per base unit written to the target (0 when unknown). */
  coef: number;
}

export interface PartModel {
  /** sheet|row|stage: the same part in every re-run. */
  key: string;
  /** sheet|row: the parts of one 一贯制 school share it. */
  recordKey: string;
  name: string;
  stage: Stage;
  sheet: string;
  row: number;
  students: number | null;
  status: SchoolStatus;
  inds: IndicatorModel[];
}

export interface TargetCell {
  key: string;
  sheet: string;
  cell: string;
  kind: PlanKind;
  rawPerBase: number;
  /** The parts (and indicator index) that read this cell. */
  readers: { part: PartModel; index: number }[];
  /** The cell's value before the plan, in base units (null: not a number). A transfer never takes it below 0. */
  start: number | null;
}

export interface CountyModel {
  parts: PartModel[];
  targets: Map<string, TargetCell>;
}

/** The amount written to every target cell when measuring coefficients (base units). */
const PROBE = 100;

export const partKey = (s: Pick<SchoolResult, "sheet" | "row" | "stage">): string =>
  `${s.sheet}|${s.row}|${s.stage}`;

/** Raw units per base unit of a column: 1 ÷ 10000 for a 万元 column (the unit the report states). */
function rawPerBaseOf(report: Report, sheet: string, cell: string): number {
  const { row } = parseAddress(cell);
  const letter = cell.replace(/\d+$/, "");
  let factor = 1;
  for (const t of report.tables) {
    if (t.sheet !== sheet || t.firstDataRow > row + 1) continue;
    const d = t.columnDetails.find((c) => c.column === letter);
    if (d) factor = d.unit ? (lookupUnit(d.unit)?.factor ?? 1) : 1;
  }
  return 1 / factor;
}

function indicatorModels(
  s: SchoolResult,
  standard: StandardDefinition
): { inds: IndicatorModel[]; ratioCells: Map<number, true> } {
  const ratioCells = new Map<number, true>();
  const inds = standard.indicators.map((def: IndicatorDefinition, i): IndicatorModel => {
    const r = s.indicators[def.id];
    const P = s.students;
    const value = r?.value ?? null;
    if (r?.fromRatioColumn) ratioCells.set(i, true);
    return {
      id: def.id,
      kind: def.numerator as PlanKind,
      scale: def.scale,
      value,
      numerator: value !== null && P !== null && P > 0 ? (value * P) / def.scale : null,
      threshold: def.threshold?.[s.stage] ?? NaN,
      floor: def.floor?.[s.stage] ?? NaN,
      target: value !== null && r?.cell ? `${s.sheet}!${r.cell}` : null,
      coef: 0,
    };
  });
  return { inds, ratioCells };
}

/**
 * Brings the parts' values, numerators and verdicts up to date from a re-run of the engine (after some of a plan
 * is applied); targets and coefficients stay as measured.
 */
export function refreshModel(
  model: CountyModel,
  report: Report,
  standard: StandardDefinition
): void {
  const byKey = new Map(report.schools.map((s) => [partKey(s), s]));
  for (const part of model.parts) {
    const s = byKey.get(part.key);
    if (!s) continue;
    part.status = s.status;
    part.students = s.students;
    const fresh = indicatorModels(s, standard).inds;
    part.inds.forEach((m, i) => {
      m.value = fresh[i].value;
      m.numerator = fresh[i].numerator;
    });
  }
}

/**
 * The county model: parts from `report`, target cells, and each part's coefficient measured by one re-run per
 * numerator kind.
 */
export function buildCountyModel(
  input: WorkbookInput,
  report: Report,
  options: CheckOptions & { standard: StandardDefinition }
): CountyModel {
  const { standard } = options;
  if (!standard.indicators.every((d) => isPlanKind(d.numerator) && d.threshold && d.floor))
    throw new Error("a plan needs a standard with per-school thresholds and floors");
  const parts: PartModel[] = [];
  const targets = new Map<string, TargetCell>();
  for (const s of report.schools) {
    if (s.excluded) continue;
    const { inds, ratioCells } = indicatorModels(s, standard);
    const part: PartModel = {
      key: partKey(s),
      recordKey: `${s.sheet}|${s.row}`,
      name: s.name,
      stage: s.stage,
      sheet: s.sheet,
      row: s.row,
      students: s.students,
      status: s.status,
      inds,
    };
    parts.push(part);
    inds.forEach((m, index) => {
      if (!m.target) return;
      let t = targets.get(m.target);
      if (!t) {
        const cell = m.target.slice(m.target.lastIndexOf("!") + 1);
        const P = s.students ?? 0;
        t = {
          key: m.target,
          sheet: s.sheet,
          cell,
          kind: m.kind,
          // A precomputed 生均/每百名 cell takes the addition as value × scale ÷ students.
          rawPerBase: ratioCells.has(index) ? m.scale / P : rawPerBaseOf(report, s.sheet, cell),
          readers: [],
          start: null,
        };
        t.start = cellBase(input, t);
        targets.set(m.target, t);
      }
      t.readers.push({ part, index });
    });
  }

  // One probe for every target cell at once: each cell feeds one kind, and an indicator reads one target cell, so
  // every part's change in an indicator comes from its own cell. Only when some cell feeds indicators of two kinds
  // (never in the layouts we know) is each kind probed on its own.
  const byKey = new Map(parts.map((p) => [p.key, p]));
  const shared = [...targets.values()].some((t) =>
    t.readers.some((r) => r.part.inds[r.index].kind !== t.kind)
  );
  const kinds = [...new Set([...targets.values()].map((t) => t.kind))];
  const batches: (PlanKind | null)[] = shared ? kinds : [null];
  for (const kind of batches) {
    const writes: CellWrite[] = [];
    for (const t of targets.values())
      if (kind === null || t.kind === kind)
        writes.push({ sheet: t.sheet, cell: t.cell, rawPerBase: t.rawPerBase, base: PROBE });
    const probed = checkWorkbook(applyWrites(input, writes), options).report;
    for (const s of probed.schools) {
      const part = byKey.get(partKey(s));
      if (!part || s.excluded) continue;
      part.inds.forEach((m) => {
        if ((kind !== null && m.kind !== kind) || m.numerator === null) return;
        if (s.students !== part.students || !part.students) return;
        const v = s.indicators[m.id]?.value;
        if (v === null || v === undefined) return;
        const gain = ((v * part.students) / m.scale - m.numerator) / PROBE;
        m.coef = snap(gain);
      });
    }
  }
  return { parts, targets };
}

/** A target cell's value in base units (raw ÷ rawPerBase), null when it holds no number. */
/** A cell's value in base units (null: not a number). */
export function cellBase(
  input: WorkbookInput,
  t: Pick<TargetCell, "sheet" | "cell" | "rawPerBase">
): number | null {
  const sheet = input.sheets.find((x) => x.name === t.sheet);
  const { row, col } = parseAddress(t.cell);
  const v = normalizeCell(sheet?.rows[row]?.[col]);
  if (v.kind !== "number" || !(t.rawPerBase > 0)) return null;
  const raw = v.unit ? v.value * v.unit.factor * t.rawPerBase : v.value;
  return raw / t.rawPerBase;
}

/** 1 when it is 1 up to float noise (a plain school sees all of what is written). */
function snap(c: number): number {
  if (!(c > 1e-9)) return 0;
  return Math.abs(c - 1) < 1e-7 ? 1 : c;
}
