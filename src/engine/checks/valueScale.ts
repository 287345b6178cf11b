import type { IndicatorDefinition, Stage } from "../../standards/types";
import type { SchoolResult } from "../reportTypes";
import type { CheckDeclaration, CheckSink } from "./types";

export const VALUE_SCALE = {
  id: "value-scale",
  codes: ["value-scale-suspect"],
  file: "checks/valueScale.ts",
  rule: "a per-student area lies within 0.2–200 ㎡; a per-student amount is within 300× of its stage's median (standards.md §11.3)",
} as const satisfies CheckDeclaration;
type Codes = (typeof VALUE_SCALE.codes)[number];

/** standards.md §11.3: "Heuristic warning only: areas > 200 or < 0.2 ㎡ per student". */
export const AREA_PER_STUDENT = { low: 0.2, high: 200 } as const;

/**
 * How far from its stage's median a school's amount per student may lie before it reads as typed in another unit.
 * Real counties spread by at most a few tens (standards.md §14: county means 961–5,806 元, single CVs ≤ 1.3);
 * 万元 typed into a 元 column is 10,000 times off and 千元 1,000 times: 300 separates the two (docs/decisions.md).
 */
export const MONEY_OFF_SCALE = 300;

/** The median needs a few schools to mean anything. */
const MIN_SCHOOLS_FOR_MEDIAN = 3;

const isArea = (d: IndicatorDefinition): boolean => d.scale === 1 && d.unit.en === "m²";
const isMoney = (d: IndicatorDefinition): boolean => d.scale === 1 && d.unit.en === "CNY";

/**
 * value-scale-suspect: per-student values no real school has, named by school and cell so the clerk can look at
 * the one cell (a school that typed 万元 into a 元 column, an area in 亩, students typed into the area column).
 * A warning only: the value is used as read, and its verdict stands.
 */
export function checkValueScale(
  schools: readonly SchoolResult[],
  indicators: readonly IndicatorDefinition[],
  findings: CheckSink<Codes>
): void {
  for (const ind of indicators) {
    if (isArea(ind)) {
      for (const s of schools) {
        const r = s.excluded ? undefined : s.indicators[ind.id];
        if (!r || r.value === null || r.fromRatioColumn) continue;
        if (r.value >= AREA_PER_STUDENT.low && r.value <= AREA_PER_STUDENT.high) continue;
        findings.add(
          "value-scale-suspect",
          { sheet: s.sheet, cell: r.cell, school: s.name, stage: s.stage, indicator: ind.id },
          { reason: "area-out-of-range", value: r.value, ...AREA_PER_STUDENT }
        );
      }
    } else if (isMoney(ind)) {
      const byStage = new Map<Stage, SchoolResult[]>();
      for (const s of schools) {
        const r = s.excluded ? undefined : s.indicators[ind.id];
        if (!r || r.value === null || !(r.value > 0)) continue;
        const list = byStage.get(s.stage);
        if (list) list.push(s);
        else byStage.set(s.stage, [s]);
      }
      for (const list of byStage.values()) {
        if (list.length < MIN_SCHOOLS_FOR_MEDIAN) continue;
        const values = list.map((s) => s.indicators[ind.id]!.value as number).sort((a, b) => a - b);
        const median = values[Math.floor(values.length / 2)];
        for (const s of list) {
          const r = s.indicators[ind.id]!;
          const factor = (r.value as number) / median;
          if (factor >= 1 / MONEY_OFF_SCALE && factor <= MONEY_OFF_SCALE) continue;
          findings.add(
            "value-scale-suspect",
            { sheet: s.sheet, cell: r.cell, school: s.name, stage: s.stage, indicator: ind.id },
            { reason: "money-off-scale", value: r.value as number, median, factor }
          );
        }
      }
    }
  }
}
