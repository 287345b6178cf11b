/**
 * 「达标测算」: the plan for the checked workbook — additions per school with their cost, transfers, CVs before and
 * after — with editable unit costs and amounts (what-if: the edited plan is re-checked by the engine at once).
 */
import * as React from "react";
import { Button, Field, Input, Select, mergeClasses } from "@fluentui/react-components";
import { formatNumber } from "../../engine/format";
import { KIND_LABEL, KIND_UNIT, PLAN_KINDS, planPartKey, type PlanKind } from "../../engine/plan";
import type { Lang } from "../../engine/reportTypes";
import { floorPercent } from "../../present/labels";
import { QUALITY_2017 } from "../../standards/quality-2017";
import { STAGES } from "../../standards/types";
import type { SidebarActions, SidebarState } from "../Sidebar/useSidebar";
import { planStrings } from "./planStrings";
import { usePlan, type PlanViewActions, type PlanViewState } from "./usePlan";
import { usePlanStyles } from "./usePlanStyles";

interface Props {
  state: SidebarState;
  actions: SidebarActions;
}

/** A bracketed aside in the language's own brackets: 「（小学）」, " (Primary)". */
const paren = (lang: Lang, text: string): string =>
  lang === "zh-CN" ? `（${text}）` : ` (${text})`;

const short = (id: string, lang: Lang): string =>
  QUALITY_2017.indicators.find((i) => i.id === id)?.short[lang] ?? id;

/** The button on the results screen that opens the view. */
export function PlanEntry({ state, actions }: Props): React.JSX.Element | null {
  const p = planStrings(state.lang);
  const s = usePlanStyles();
  if (!state.result || state.result.report.standard.id !== "quality-2017") return null;
  return (
    <div className={s.section}>
      <Button onClick={() => actions.show("plan")}>{p.open}</Button>
      <p className={s.hint}>{p.openHint}</p>
    </div>
  );
}

export function PlanView({ state, actions }: Props): React.JSX.Element {
  const [plan, planActions] = usePlan(state.input, state.overrides);
  const p = planStrings(state.lang);
  const s = usePlanStyles();
  return (
    <div className={s.section} data-testid="plan-view">
      <div className={s.head}>
        <h1 className={s.title}>{p.title}</h1>
        <Button size="small" appearance="subtle" onClick={() => actions.show("results")}>
          {p.back}
        </Button>
      </div>
      {!state.input ? (
        <p className={s.hint}>{p.noInput}</p>
      ) : plan.error ? (
        <p className={s.hint}>{p.notPossible}</p>
      ) : (
        <PlanBody lang={state.lang} plan={plan} actions={planActions} />
      )}
    </div>
  );
}

function PlanBody({
  lang,
  plan: st,
  actions,
}: {
  lang: Lang;
  plan: PlanViewState;
  actions: PlanViewActions;
}): React.JSX.Element | null {
  const p = planStrings(lang);
  const s = usePlanStyles();
  const { plan, outcome } = st;
  if (!plan || !outcome || !st.result) return null;
  const before = st.result.plan.before;
  const money = (v: number): string => p.yuan(formatNumber(v, 0));
  const dataEdited = Object.keys(st.dataEdits).length > 0;
  const edited = Object.keys(st.edits).length > 0 || dataEdited || st.replanned;
  const verdict = (m: boolean | null): React.JSX.Element => (
    <span className={m === true ? s.pass : m === false ? s.fail : undefined}>
      {m === true ? p.pass : m === false ? p.fail : p.open2}
    </span>
  );
  const statusOf = (sheet: string, row: number, stage: string): boolean | null =>
    st.report?.schools.find((x) => x.sheet === sheet && x.row === row && x.stage === stage)
      ?.meets ?? null;
  return (
    <>
      <p className={s.intro}>{p.intro(floorPercent(plan.floorShare))}</p>
      <div className={s.total} data-testid="plan-total">
        {p.total(money(plan.total))}
      </div>
      <div data-testid="plan-meeting">{p.meeting(outcome.schoolsMeeting, outcome.schools)}</div>
      {edited && (
        <div className={s.head}>
          <span className={s.hint}>{p.edited}</span>
          <Button size="small" onClick={actions.reset}>
            {p.reset}
          </Button>
        </div>
      )}

      <section className={s.section}>
        <h2 className={s.h2}>{p.schools}</h2>
        {plan.schools.length === 0 && <p className={s.hint}>{p.noSchools}</p>}
        {plan.schools.map((school) => {
          const key = planPartKey(school);
          return (
            <div key={key} className={s.card} data-school={school.name} data-stage={school.stage}>
              <div className={s.cardHead}>
                <strong>
                  {school.name}
                  {paren(lang, p.stage[school.stage])}
                </strong>
                {verdict(statusOf(school.sheet, school.row, school.stage))}
              </div>
              {school.exempt && (
                <span className={s.hint}>
                  {p.exempt(short(school.exempt, lang), floorPercent(plan.floorShare))}
                </span>
              )}
              <div className={s.grid}>
                {PLAN_KINDS.map((k: PlanKind) => (
                  <Field
                    key={k}
                    label={`${KIND_LABEL[k][lang]}${paren(lang, KIND_UNIT[k][lang])}`}
                    size="small"
                  >
                    <Input
                      className={s.input}
                      size="small"
                      type="number"
                      min={0}
                      aria-label={`${school.name} ${KIND_LABEL[k][lang]}`}
                      value={String(Math.round((school.additions[k] ?? 0) * 100) / 100)}
                      onChange={(_e, d) => actions.setAmount(key, k, Number(d.value))}
                    />
                  </Field>
                ))}
              </div>
              <span>{p.cost(money(school.cost))}</span>
            </div>
          );
        })}
      </section>

      <DataWhatIf lang={lang} plan={st} actions={actions} />

      {plan.transfers.length > 0 && (
        <section className={s.section}>
          <h2 className={s.h2}>{p.transfers}</h2>
          <ul>
            {plan.transfers.map((t) => (
              <li key={`${t.kind}|${t.fromSheet}|${t.fromRow}|${t.toSheet}|${t.toRow}`}>
                {p.transfer(t.from, t.to, KIND_LABEL[t.kind][lang], t.count)}
              </li>
            ))}
          </ul>
        </section>
      )}

      {plan.unplanned.length > 0 && (
        <section className={s.section}>
          <h2 className={s.h2}>{p.unplanned}</h2>
          <ul>
            {plan.unplanned.map((u) => (
              <li key={`${u.sheet}|${u.row}|${u.stage}`}>
                {u.name}
                {paren(lang, p.stage[u.stage])}
                {lang === "zh-CN" ? "：" : ": "}
                {u.indicators.map((i) => short(i, lang)).join(lang === "zh-CN" ? "、" : ", ")}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className={s.section}>
        <h2 className={s.h2}>{p.cvs}</h2>
        {STAGES.filter((stage) => outcome.county[stage]).map((stage) => (
          <table key={stage} className={s.table} data-testid={`plan-cvs-${stage}`}>
            <caption className={s.cellLeft}>
              {p.stage[stage]} {verdict(outcome.county[stage]?.meets ?? null)}
            </caption>
            <thead>
              <tr>
                <th className={s.cellLeft} />
                <th className={s.cell}>{p.before}</th>
                <th className={s.cell}>{p.after}</th>
                <th className={s.cell}>{p.limit}</th>
              </tr>
            </thead>
            <tbody>
              {QUALITY_2017.indicators.map((ind) => {
                const b = before.county[stage]?.indicators[ind.id];
                const a = outcome.county[stage]?.indicators[ind.id];
                const fmt = (v: number | null | undefined): string =>
                  v === null || v === undefined ? "—" : formatNumber(v, 3);
                return (
                  <tr key={ind.id} data-indicator={ind.id}>
                    <td className={s.cellLeft}>{ind.short[lang]}</td>
                    <td className={mergeClasses(s.cell, b?.meets === false && s.fail)}>
                      {fmt(b?.cv)}
                    </td>
                    <td className={mergeClasses(s.cell, a?.meets === false && s.fail)}>
                      {fmt(a?.cv)}
                    </td>
                    <td className={s.cell}>
                      {a?.limit === null || a?.limit === undefined ? "—" : formatNumber(a.limit, 2)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ))}
      </section>

      <section className={s.section}>
        <h2 className={s.h2}>{p.costs}</h2>
        <div className={s.grid}>
          {PLAN_KINDS.map((k) => (
            <Field
              key={k}
              label={`${KIND_LABEL[k][lang]}${paren(lang, `/${KIND_UNIT[k][lang]}`)}`}
              size="small"
            >
              <Input
                className={s.input}
                size="small"
                type="number"
                min={0}
                aria-label={`${p.costs} ${KIND_LABEL[k][lang]}`}
                value={String(st.costs[k])}
                onChange={(_e, d) => actions.setCost(k, Number(d.value))}
              />
            </Field>
          ))}
        </div>
      </section>
    </>
  );
}

/** 「改学校数据」: a school's own figures changed, the verdicts and CVs re-checked by the engine at once. */
function DataWhatIf({
  lang,
  plan: st,
  actions,
}: {
  lang: Lang;
  plan: PlanViewState;
  actions: PlanViewActions;
}): React.JSX.Element | null {
  const p = planStrings(lang);
  const s = usePlanStyles();
  if (!st.result) return null;
  const schools = st.result.beforeReport.schools.filter((x) => !x.excluded);
  const key = st.selected;
  const school = key ? schools.find((x) => planPartKey(x) === key) : undefined;
  const statusIn = (r: typeof st.report): string | null =>
    (key && r?.schools.find((x) => planPartKey(x) === key)?.status) || null;
  const word = (status: string | null): React.JSX.Element => (
    <span className={status === "pass" ? s.pass : status ? s.fail : undefined}>
      {status === "pass" ? p.pass : status === "fail" ? p.fail : p.open2}
    </span>
  );
  const unitOf = (rawPerBase: number, kind: PlanKind): string =>
    Math.abs(rawPerBase - 1e-4) < 1e-12 ? p.wan : KIND_UNIT[kind][lang];
  return (
    <section className={s.section} data-testid="plan-data">
      <h2 className={s.h2}>{p.dataTitle}</h2>
      <p className={s.hint}>{p.dataHint}</p>
      <Field label={p.pickSchool} size="small">
        <Select
          size="small"
          value={key ?? ""}
          onChange={(_e, d) => actions.select(d.value === "" ? null : d.value)}
        >
          <option value="">{p.pickNone}</option>
          {schools.map((x) => (
            <option key={planPartKey(x)} value={planPartKey(x)}>
              {x.name}
              {paren(lang, p.stage[x.stage])}
            </option>
          ))}
        </Select>
      </Field>
      {school && (
        <>
          <div className={s.grid}>
            {st.selectedCells.map((c) => (
              <Field
                key={c.kind}
                label={`${KIND_LABEL[c.kind][lang]}${paren(lang, unitOf(c.rawPerBase, c.kind))}`}
                size="small"
              >
                <Input
                  className={s.input}
                  size="small"
                  type="number"
                  min={0}
                  aria-label={`${school.name} ${p.data} ${KIND_LABEL[c.kind][lang]}`}
                  value={c.value === null ? "" : String(c.value)}
                  onChange={(_e, d) => actions.setData(c.sheet, c.cell, Number(d.value))}
                />
              </Field>
            ))}
          </div>
          <div data-testid="plan-data-verdict">
            {p.withoutPlan} {word(statusIn(st.dataBefore ?? st.result.beforeReport))} · {p.withPlan}{" "}
            {word(statusIn(st.report))}
          </div>
        </>
      )}
      {Object.keys(st.dataEdits).length > 0 && (
        <div>
          <Button size="small" onClick={actions.replan}>
            {p.replan}
          </Button>
        </div>
      )}
    </section>
  );
}
