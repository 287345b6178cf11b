import type { IndicatorDefinition, Stage } from "../../standards/types";
import { NumberList } from "../indicators/county";
import type { IndicatorResult, SchoolResult } from "../reportTypes";
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
 *
 * Fed one school at a time while the schools are computed (report.ts), because a second walk over 100,000
 * school results spread over a large heap cost more than the check itself (docs/performance.md); `finish` raises
 * the findings in the order a walk over the finished list would: indicator by indicator, schools in list order,
 * a money indicator's stages in the order their first school with an amount appears.
 */
export class ValueScaleCheck {
  /** Per indicator of the standard (in its order): what it is, and what was gathered for it. */
  private readonly kinds: ("area" | "money" | null)[];
  /** Area indicators: the out-of-range schools with their result, in school order. */
  private readonly outOfRange: [SchoolResult, IndicatorResult][][];
  /** Money indicators: per stage (in the order first seen), the amounts > 0 and their schools, in school order. */
  private readonly amounts: Map<Stage, { values: NumberList; schools: SchoolResult[] }>[];

  constructor(private readonly indicators: readonly IndicatorDefinition[]) {
    this.kinds = indicators.map((d) => (isArea(d) ? "area" : isMoney(d) ? "money" : null));
    this.outOfRange = indicators.map(() => []);
    this.amounts = indicators.map(() => new Map());
  }

  /** One finished school; `ordered` = its results in the standard's order. */
  visit(s: SchoolResult, ordered: readonly IndicatorResult[]): void {
    if (s.excluded) return;
    for (let i = 0; i < this.kinds.length; i++) {
      const kind = this.kinds[i];
      if (kind === null) continue;
      const r = ordered[i];
      if (r.value === null) continue;
      if (kind === "area") {
        if (r.fromRatioColumn) continue;
        if (r.value >= AREA_PER_STUDENT.low && r.value <= AREA_PER_STUDENT.high) continue;
        this.outOfRange[i].push([s, r]);
      } else if (r.value > 0) {
        const byStage = this.amounts[i];
        let list = byStage.get(s.stage);
        if (!list) byStage.set(s.stage, (list = { values: new NumberList(), schools: [] }));
        list.values.push(r.value);
        list.schools.push(s);
      }
    }
  }

  finish(findings: CheckSink<Codes>): void {
    this.indicators.forEach((ind, i) => {
      if (this.kinds[i] === "area") {
        for (const [s, r] of this.outOfRange[i]) {
          findings.add(
            "value-scale-suspect",
            { sheet: s.sheet, cell: r.cell, school: s.name, stage: s.stage, indicator: ind.id },
            { reason: "area-out-of-range", value: r.value as number, ...AREA_PER_STUDENT }
          );
        }
      } else if (this.kinds[i] === "money") {
        for (const { values, schools } of this.amounts[i].values()) {
          if (schools.length < MIN_SCHOOLS_FOR_MEDIAN) continue;
          const inOrder = values.view();
          // A Float64Array sorts numerically without a comparator call per pair (the amounts are > 0).
          const sorted = inOrder.slice().sort();
          const median = sorted[Math.floor(sorted.length / 2)];
          for (let k = 0; k < inOrder.length; k++) {
            const factor = inOrder[k] / median;
            if (factor >= 1 / MONEY_OFF_SCALE && factor <= MONEY_OFF_SCALE) continue;
            const s = schools[k];
            const r = s.indicators[ind.id];
            findings.add(
              "value-scale-suspect",
              { sheet: s.sheet, cell: r.cell, school: s.name, stage: s.stage, indicator: ind.id },
              { reason: "money-off-scale", value: inOrder[k], median, factor }
            );
          }
        }
      }
    });
  }
}

/** The check over a finished list of schools (ValueScaleCheck fed in list order). */
export function checkValueScale(
  schools: readonly SchoolResult[],
  indicators: readonly IndicatorDefinition[],
  findings: CheckSink<Codes>
): void {
  const check = new ValueScaleCheck(indicators);
  for (const s of schools)
    check.visit(
      s,
      indicators.map((d) => s.indicators[d.id])
    );
  check.finish(findings);
}
