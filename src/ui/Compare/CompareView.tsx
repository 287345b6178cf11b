/**
 * 「与上年比较」: last year's workbook or JSON report picked, compared by the engine (compareReports) with this
 * year's check — per stage and indicator the means and CVs of both years and the change, the monitoring table as
 * counties print it (6 dp), schools whose verdict changed, schools added and closed — and the comparison workbook
 * (src/present/compare) to download where the host can hand files to the user.
 */
import * as React from "react";
import { Button, mergeClasses } from "@fluentui/react-components";
import { compareReports, type Comparison } from "../../engine/compare";
import { formatNumber } from "../../engine/format";
import type { Lang } from "../../engine/reportTypes";
import { buildCompareWorkbook } from "../../present/compare/compareText";
import { QUALITY_2017 } from "../../standards/quality-2017";
import { BASIC_2012 } from "../../standards/basic-2012";
import type { SidebarHost } from "../host";
import type { SidebarActions, SidebarState } from "../Sidebar/useSidebar";
import { usePlanStyles } from "../Plan/usePlanStyles";
import { compareStrings } from "./compareStrings";
import { fileBytes, loadReport, LoadError, type LoadProblem } from "./loadReport";

interface Props {
  state: SidebarState;
  actions: SidebarActions;
}

export const indicatorShort = (id: string, lang: Lang): string =>
  [...QUALITY_2017.indicators, ...BASIC_2012.indicators].find((i) => i.id === id)?.short[lang] ??
  id;

/** The button on the results screen that opens the view. */
export function CompareEntry({ state, actions }: Props): React.JSX.Element | null {
  const w = compareStrings(state.lang);
  const s = usePlanStyles();
  if (!state.result) return null;
  return (
    <div className={s.section}>
      <Button onClick={() => actions.show("compare")}>{w.open}</Button>
      <p className={s.hint}>{w.openHint}</p>
    </div>
  );
}

interface Picked {
  name: string;
  comparison: Comparison | null;
  problem: LoadProblem | null;
}

export function CompareView({
  state,
  actions,
  host,
}: Props & { host: SidebarHost }): React.JSX.Element {
  const w = compareStrings(state.lang);
  const s = usePlanStyles();
  const [picked, setPicked] = React.useState<Picked | null>(null);
  const [busy, setBusy] = React.useState(false);
  const report = state.result?.report ?? null;

  const onFile = async (file: File | undefined): Promise<void> => {
    if (!file || !report) return;
    setBusy(true);
    try {
      const bytes = await fileBytes(file);
      const last = loadReport({ name: file.name, bytes }, report.standard.id);
      setPicked({
        name: file.name,
        comparison: compareReports(last.report, report),
        problem: null,
      });
    } catch (e) {
      if (!(e instanceof LoadError)) throw e;
      setPicked({ name: file.name, comparison: null, problem: e.problem });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={s.section} data-testid="compare-view">
      <div className={s.head}>
        <h1 className={s.title}>{w.title}</h1>
        <Button size="small" appearance="subtle" onClick={() => actions.show("results")}>
          {w.back}
        </Button>
      </div>
      <label className={s.section}>
        <span>{w.pick}</span>
        <input
          type="file"
          accept=".xlsx,.json"
          aria-label={w.pick}
          data-testid="compare-file"
          onChange={(e) => void onFile(e.target.files?.[0])}
        />
      </label>
      {busy && <p className={s.hint}>{w.reading}</p>}
      {picked && <p className={s.hint}>{w.last(picked.name)}</p>}
      {picked?.problem && (
        <p className={s.fail} role="alert">
          {w.problem[picked.problem]}
        </p>
      )}
      {picked?.comparison && (
        <CompareBody
          lang={state.lang}
          cmp={picked.comparison}
          onDownload={
            host.saveWorkbook
              ? () =>
                  void host.saveWorkbook!(
                    buildCompareWorkbook(picked.comparison!, state.lang),
                    w.fileName
                  )
              : null
          }
        />
      )}
    </div>
  );
}

function CompareBody({
  lang,
  cmp,
  onDownload,
}: {
  lang: Lang;
  cmp: Comparison;
  onDownload: (() => void) | null;
}): React.JSX.Element {
  const w = compareStrings(lang);
  const s = usePlanStyles();
  const fmt = (v: number | null, d: number): string => (v === null ? "—" : formatNumber(v, d));
  const signed = (v: number | null, d: number): string =>
    v === null ? "—" : (v > 0 ? "+" : "") + formatNumber(v, d);
  const changed = cmp.schools.filter((x) => x.statusLast !== x.statusThis);
  return (
    <>
      {onDownload && (
        <div>
          <Button onClick={onDownload}>{w.download}</Button>
        </div>
      )}
      {cmp.stages.map((st) => (
        <section key={st.stage} className={s.section}>
          <h2 className={s.h2}>{w.stage[st.stage]}</h2>
          <div data-testid={`compare-meeting-${st.stage}`}>
            {w.meeting(
              w.stage[st.stage],
              st.last ? `${st.last.schoolsMeeting}/${st.last.schools}` : "—",
              st.this ? `${st.this.schoolsMeeting}/${st.this.schools}` : "—"
            )}
          </div>
          <table className={s.table} data-testid={`compare-${st.stage}`}>
            <thead>
              <tr>
                <th className={s.cellLeft}>{w.indicator}</th>
                <th className={s.cell}>{w.lastMean}</th>
                <th className={s.cell}>{w.thisMean}</th>
                <th className={s.cell}>{w.lastCv}</th>
                <th className={s.cell}>{w.thisCv}</th>
                <th className={s.cell}>{w.change}</th>
              </tr>
            </thead>
            <tbody>
              {st.indicators.map((i) => (
                <tr key={i.id} data-indicator={i.id}>
                  <td className={s.cellLeft}>{indicatorShort(i.id, lang)}</td>
                  <td className={s.cell}>{fmt(i.last.mean, 2)}</td>
                  <td className={s.cell}>{fmt(i.this.mean, 2)}</td>
                  <td className={mergeClasses(s.cell, i.last.meets === false && s.fail)}>
                    {fmt(i.last.cv, 3)}
                  </td>
                  <td className={mergeClasses(s.cell, i.this.meets === false && s.fail)}>
                    {fmt(i.this.cv, 3)}
                  </td>
                  <td className={s.cell}>{signed(i.change.cv, 3)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className={s.table} data-testid={`monitoring-${st.stage}`}>
            <caption className={s.cellLeft}>{w.monitoring(w.stage[st.stage])}</caption>
            <thead>
              <tr>
                <th className={s.cellLeft}>{w.indicator}</th>
                <th className={s.cell}>{w.mean}</th>
                <th className={s.cell}>{w.sd}</th>
                <th className={s.cell}>{w.cv}</th>
              </tr>
            </thead>
            <tbody>
              {cmp.monitoring.this
                .filter((r) => r.stage === st.stage)
                .map((r) => (
                  <tr key={r.indicator} data-indicator={r.indicator}>
                    <td className={s.cellLeft}>{indicatorShort(r.indicator, lang)}</td>
                    <td className={s.cell}>{r.mean}</td>
                    <td className={s.cell}>{r.sd}</td>
                    <td className={s.cell}>{r.cv}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      ))}
      <section className={s.section}>
        <div>{w.both(cmp.schools.length)}</div>
        <h2 className={s.h2}>{w.statusChanged}</h2>
        {changed.length === 0 ? (
          <p className={s.hint}>{w.noneChanged}</p>
        ) : (
          <ul data-testid="compare-changed">
            {changed.map((x) => (
              <li key={`${x.name}|${x.stage}`}>
                {x.name}（{w.stage[x.stage]}）：{w.status[x.statusLast] ?? x.statusLast} →{" "}
                {w.status[x.statusThis] ?? x.statusThis}
              </li>
            ))}
          </ul>
        )}
        <h2 className={s.h2}>{w.added}</h2>
        <p data-testid="compare-added">
          {cmp.added.length
            ? cmp.added.map((x) => `${x.name}（${w.stage[x.stage]}）`).join("、")
            : w.none}
        </p>
        <h2 className={s.h2}>{w.closed}</h2>
        <p data-testid="compare-closed">
          {cmp.closed.length
            ? cmp.closed.map((x) => `${x.name}（${w.stage[x.stage]}）`).join("、")
            : w.none}
        </p>
      </section>
    </>
  );
}
