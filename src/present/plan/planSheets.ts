/**
 * PLAN.xlsx: the 达标测算 plan as a new workbook (written by src/host/xlsx/newWorkbook.ts): the schools and their
 * additions, the transfers, the CVs before and after, the unit costs used, and the schools that could not be planned.
 */
import type { SheetSpec, WorkbookSpec } from "../../host/xlsx/newWorkbook";
import { headedSheet } from "../headedSheet";
import { KIND_UNIT, PLAN_KINDS } from "../../engine/plan/costs";
import { Plan } from "../../engine/plan/types";
import { Lang } from "../../engine/reportTypes";
import { STAGES } from "../../standards/types";
import { QUALITY_2017 } from "../../standards/quality-2017";
import { indicatorShort, kindWord, STAGE_WORD, verdictWord } from "./planLabels";
import { floorPercent } from "../labels";

const T = {
  "zh-CN": {
    plan: "达标测算",
    transfers: "交流轮岗",
    cvs: "差异系数",
    costs: "单价",
    unplanned: "无法测算",
    school: "学校",
    stage: "学段",
    sheet: "工作表",
    row: "行",
    township: "乡镇",
    teachers: "专任教师（人，随上述教师）",
    cost: "费用（元）",
    exempt: (floor: string) => `按${floor}达标的指标`,
    total: "合计",
    from: "调出学校",
    to: "调入学校",
    kind: "教师类别",
    count: "人数",
    indicator: "指标",
    before: "测算前",
    after: "测算后",
    limit: "限值",
    verdict: "测算后结论",
    item: "项目",
    unitCost: "单价（元）",
    unit: "单位",
    reason: "原因",
    missing: "缺少数据",
    cannotWrite: "无可写入的单元格",
  },
  en: {
    plan: "Plan",
    transfers: "Transfers",
    cvs: "CVs",
    costs: "Unit costs",
    unplanned: "Not planned",
    school: "School",
    stage: "Stage",
    sheet: "Sheet",
    row: "Row",
    township: "Township",
    teachers: "Full-time teachers (with the teachers above)",
    cost: "Cost (CNY)",
    exempt: (floor: string) => `Left at ${floor}`,
    total: "Total",
    from: "From",
    to: "To",
    kind: "Teachers",
    count: "Count",
    indicator: "Indicator",
    before: "Before",
    after: "After",
    limit: "Limit",
    verdict: "Verdict after",
    item: "Item",
    unitCost: "Cost (CNY)",
    unit: "Unit",
    reason: "Reason",
    missing: "missing data",
    cannotWrite: "no cell to write to",
  },
};

export function buildPlanWorkbook(plan: Plan, lang: Lang): WorkbookSpec {
  const t = T[lang];
  const hasTownship = plan.schools.some((s) => s.township);
  const kindHead = PLAN_KINDS.map((k) => `${kindWord(k, lang)}（${KIND_UNIT[k][lang]}）`);
  // 专任教师 raised with the teachers added (PlanSchool.teachers): a column only when some school has it.
  const hasTeachers = plan.schools.some((s) => s.teachers);
  const header = [
    t.school,
    t.stage,
    t.sheet,
    t.row,
    ...(hasTownship ? [t.township] : []),
    ...kindHead,
    ...(hasTeachers ? [t.teachers] : []),
    t.cost,
    t.exempt(floorPercent(plan.floorShare)),
  ];
  const rows: (string | number | null)[][] = plan.schools.map((s) => [
    s.name,
    STAGE_WORD[s.stage][lang],
    s.sheet,
    s.row,
    ...(hasTownship ? [s.township ?? ""] : []),
    ...PLAN_KINDS.map((k) => s.additions[k] ?? null),
    ...(hasTeachers ? [s.teachers ?? null] : []),
    s.cost,
    s.exempt ? indicatorShort(s.exempt, lang) : "",
  ]);
  const lead = hasTownship ? 5 : 4;
  rows.push([
    t.total,
    "",
    "",
    "",
    ...(hasTownship ? [""] : []),
    ...PLAN_KINDS.map((k) => plan.totals[k] ?? null),
    ...(hasTeachers ? [plan.schools.reduce((n, s) => n + (s.teachers ?? 0), 0)] : []),
    plan.total,
    "",
  ]);
  const costCol = lead + PLAN_KINDS.length + (hasTeachers ? 1 : 0);
  const fmts = header.map((_, c) => (c === costCol ? "#,##0" : undefined));
  const sheets: SheetSpec[] = [table(t.plan, header, rows, fmts)];

  sheets.push(
    table(
      t.transfers,
      [t.from, t.to, t.stage, t.kind, t.count],
      plan.transfers.map((x) => [
        x.from,
        x.to,
        STAGE_WORD[x.fromStage][lang],
        kindWord(x.kind, lang),
        x.count,
      ]),
      [undefined, undefined, undefined, undefined, "0"]
    )
  );

  const cvRows: (string | number | null)[][] = [];
  for (const st of STAGES) {
    const b = plan.before.county[st];
    const a = plan.after.county[st];
    if (!b) continue;
    for (const ind of QUALITY_2017.indicators) {
      const bi = b.indicators[ind.id];
      const ai = a?.indicators[ind.id];
      cvRows.push([
        STAGE_WORD[st][lang],
        ind.short[lang],
        bi?.cv ?? null,
        ai?.cv ?? null,
        bi?.limit ?? null,
        verdictWord(ai?.meets ?? null, lang),
      ]);
    }
  }
  sheets.push(
    table(t.cvs, [t.stage, t.indicator, t.before, t.after, t.limit, t.verdict], cvRows, [
      undefined,
      undefined,
      "0.000",
      "0.000",
      "0.00",
      undefined,
    ])
  );
  sheets.push(
    table(
      t.costs,
      [t.item, t.unitCost, t.unit],
      PLAN_KINDS.map((k) => [kindWord(k, lang), plan.costs[k], KIND_UNIT[k][lang]]),
      [undefined, "#,##0.##", undefined]
    )
  );
  if (plan.unplanned.length)
    sheets.push(
      table(
        t.unplanned,
        [t.school, t.stage, t.sheet, t.row, t.reason],
        plan.unplanned.map((u) => [
          u.name,
          STAGE_WORD[u.stage][lang],
          u.sheet,
          u.row,
          `${u.reason === "missing-values" ? t.missing : t.cannotWrite}：${u.indicators.map((i) => indicatorShort(i, lang)).join("、")}`,
        ]),
        [undefined, undefined, undefined, "0", undefined]
      )
    );
  return { sheets };
}

/** The plan's sheets: a column's numbers take `fmts[col]`. */
function table(
  name: string,
  header: string[],
  rows: (string | number | null)[][],
  fmts: (string | undefined)[]
): SheetSpec {
  return headedSheet(name, header, rows, (c) => fmts[c], { first: 24, other: 12 });
}
