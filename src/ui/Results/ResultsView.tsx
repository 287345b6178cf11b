/**
 * The results screen, top to bottom in the order a clerk works: the verdict, what to do with the workbook
 * (mark / clear / report), the schools that miss, the data problems, then the county CV tables for reference.
 */
import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  CounterBadge,
  MessageBar,
  MessageBarBody,
  mergeClasses,
  ProgressBar,
  Switch,
} from "@fluentui/react-components";
import type { Finding } from "../../engine/reportTypes";
import { CappedList, FindingRow, glyphForSeverity, StatusGlyph } from "../common/FindingRow";
import { LeftOutList } from "../common/LeftOutList";
import { DiffBanner } from "./DiffBanner";
import { Tabs } from "../common/Tabs";
import { filterSchools, NO_FILTER, type SchoolFilter } from "../schoolFilter";
import { SchoolFilterBar } from "./SchoolFilterBar";
import { indicatorBasis } from "../labels";
import { leftOut, leftOutPlaces } from "../leftOut";
import { shownMeets } from "../submitVerdict";
import { MARK_GLYPH, useCommonStyles } from "../common/useCommonStyles";
import type { Strings } from "../i18n";
import {
  findingText,
  type CellRef,
  type FindingGroup,
  type IndicatorGroup,
  type SchoolGroup,
  type StageView,
} from "../reportView";
import type { SidebarActions, SidebarState } from "../Sidebar/useSidebar";
import { floorPercent } from "../../present/labels";
import { useIndicatorGroups, useResultsData, useSchoolsTab, type ResultsData } from "./useResults";
import type { CheckResult } from "../../engine/report";
import { useResultsStyles } from "./useResultsStyles";

interface Props {
  state: SidebarState;
  actions: SidebarActions;
}

export function verdictText(t: Strings, meets: boolean | null): string {
  return meets === true ? t.verdict.pass : meets === false ? t.verdict.fail : t.verdict.unknown;
}

/** The per-school floor share in force (a profile's, not the national 85 %), as the pane states it. */
function floorText(state: SidebarState): string {
  return floorPercent(state.result?.report.standard.perSchool?.floorShare);
}

export function ResultsView({ state, actions }: Props): React.JSX.Element | null {
  const result = state.result;
  if (!result) return null;
  return <Results state={state} actions={actions} result={result} />;
}

function Results({
  state,
  actions,
  result,
}: Props & { result: NonNullable<SidebarState["result"]> }): React.JSX.Element {
  const { t } = state;
  const data = useResultsData(result, state.lang);
  const s = useResultsStyles();
  return (
    <>
      <div className={s.toolbar}>
        <Button size="small" appearance="subtle" onClick={() => actions.run("check", true)}>
          {t.recheck}
        </Button>
        <Button size="small" appearance="subtle" onClick={() => actions.run("submit")}>
          {t.submitCheck}
        </Button>
      </div>
      <VerdictBanner state={state} stages={data.stages} />
      <DiffBanner state={state} />
      <LeftOutList schools={data.leftOut} state={state} actions={actions} />
      <ActionBar state={state} actions={actions} />
      <SchoolsSection state={state} actions={actions} data={data} />
      {data.rowChecks.length > 0 && (
        <FindingSection
          title={t.rowChecksTitle(data.rowChecks.length)}
          findings={data.rowChecks}
          state={state}
          onSelect={actions.select}
          id="row-checks"
        />
      )}
      <ProblemsSection state={state} actions={actions} data={data} />
      <CountySection state={state} stages={data.stages} />
      <MappingLink state={state} actions={actions} data={data} />
    </>
  );
}

export function VerdictBanner({
  state,
  stages,
}: {
  state: SidebarState;
  stages: StageView[];
}): React.JSX.Element | null {
  const { t } = state;
  const s = useResultsStyles();
  const result = state.result;
  const report = result?.report;
  const left = React.useMemo(() => (result ? leftOut(result).schools : []), [result]);
  if (!report || !result) return null;
  // Never 达标 while a school is left out (src/ui/submitVerdict.ts shownMeets).
  const meets = shownMeets(result);
  const quality = report.standard.id === "quality-2017";
  const places = leftOutPlaces(result);
  const dataErrors = result.allFindings.filter(
    (f) => f.severity === "error" && f.category !== "standard" && !places.inList(f)
  ).length;
  // Counted apart, as 提交前检查 does: "12 errors" beside "fix 1 data error first" read as 12 entry mistakes.
  const shortfalls = result.allFindings.filter(
    (f) => f.severity === "error" && f.category === "standard"
  ).length;
  return (
    <section
      aria-labelledby="jh-verdict"
      data-testid="county-verdict"
      className={mergeClasses(
        s.banner,
        meets === true ? s.bannerPass : meets === false ? s.bannerFail : s.bannerUnknown
      )}
    >
      <h2 id="jh-verdict" className={s.bannerTitle} tabIndex={-1} data-autofocus="">
        {t.overall(
          left.length > 0 && report.summary.meets === true
            ? t.verdictLeftOut
            : verdictText(t, meets)
        )}
      </h2>
      {stages.map((st) => {
        const details = [
          st.cvOver.length
            ? t.stageCvOver(st.cvOver.join(state.lang === "zh-CN" ? "、" : ", "))
            : "",
          quality ? t.stageSchools(st.schoolsMeeting, st.schools) : "",
          st.cvIncomplete && st.meets !== false ? t.stageCvIncomplete : "",
        ].filter(Boolean);
        return (
          <div key={st.stage} className={s.bannerLine} data-stage={st.stage}>
            <StatusGlyph kind={st.meets === true ? "pass" : st.meets === false ? "fail" : "warn"} />
            <span>
              <strong>{t.stageLine(t.stage[st.stage], verdictText(t, st.meets))}</strong>
              {details.length > 0 && <> — {details.join(state.lang === "zh-CN" ? "；" : "; ")}</>}
            </span>
          </div>
        );
      })}
      {dataErrors > 0 && (
        <Button
          size="small"
          appearance="transparent"
          className={s.bannerLink}
          onClick={focusFirstDataError}
        >
          {t.fixDataFirst(dataErrors)}
        </Button>
      )}
      <div className={s.bannerCounts}>
        {t.counts(dataErrors, shortfalls, report.summary.warnings)}
      </div>
    </section>
  );
}

/** 「先改 N 项数据错误」: focus (and so scroll to) the first data error; the problems heading when none shows. */
export function focusFirstDataError(): void {
  const section = document.querySelector('[data-testid="problems"]');
  const first = section?.querySelector<HTMLElement>('[data-severity="error"]');
  const target = first ?? document.getElementById("jh-problems");
  if (!target) return;
  if (!first) target.tabIndex = -1;
  target.focus();
  target.scrollIntoView({ block: "center" });
}

export function ActionBar({ state, actions }: Props): React.JSX.Element {
  const { t } = state;
  const s = useResultsStyles();
  const c = useCommonStyles();
  const busy = state.action !== null;
  const p = state.actionProgress;
  return (
    <div className={c.section}>
      <div className={s.actions} role="group" aria-label={t.actionsLabel}>
        <Button appearance="primary" disabled={busy} onClick={actions.markCells}>
          {t.markCells}
        </Button>
        <Button disabled={busy} onClick={actions.clearMarks}>
          {t.clearMarks}
        </Button>
        <Button disabled={busy} onClick={actions.writeReport}>
          {t.writeReport}
        </Button>
      </div>
      {state.live !== null && (
        <Switch
          checked={state.live}
          label={t.liveMode}
          data-testid="live-mode"
          onChange={(_e, d) => actions.setLive(d.checked)}
        />
      )}
      <div className={s.legend} aria-hidden="true">
        <span>
          <span className={mergeClasses(c.swatch, c.swatchStandard)}>{MARK_GLYPH.standard}</span>
          {t.legendStandard}
        </span>
        <span>
          <span className={mergeClasses(c.swatch, c.swatchData)}>{MARK_GLYPH.data}</span>
          {t.legendData}
        </span>
      </div>
      <p className={c.note}>{t.legendStandardNote(floorText(state))}</p>
      {busy && (
        <ProgressBar
          aria-label={state.action ? t.phase[state.action === "report" ? "report" : "mark"] : ""}
          value={p && p.total > 0 ? p.done / p.total : undefined}
          max={1}
        />
      )}
      {state.notice && (
        <MessageBar intent={state.notice.intent} role="status" data-testid="action-notice">
          <MessageBarBody>{state.notice.text}</MessageBarBody>
        </MessageBar>
      )}
      {state.offerForget && (
        <div className={c.note} data-testid="forget-marks">
          <Button size="small" disabled={busy} onClick={actions.forgetMarks}>
            {t.forgetMarks}
          </Button>{" "}
          {t.forgetMarksHint}
        </div>
      )}
    </div>
  );
}

function SchoolsSection({
  state,
  actions,
  data,
}: Props & { data: ResultsData }): React.JSX.Element {
  const { t } = state;
  const c = useCommonStyles();
  const s = useResultsStyles();
  const [tab, setTab] = useSchoolsTab();
  const [filter, setFilter] = React.useState<SchoolFilter>(NO_FILTER);
  const report = state.result?.report;
  const shown = React.useMemo(
    () => (report ? filterSchools(data.schools, report, filter) : data.schools),
    [data.schools, report, filter]
  );
  const indicators = useIndicatorGroups(
    state.result as CheckResult,
    state.lang,
    tab === "indicator"
  );
  const none = data.schools.length === 0 && !data.anyBelow;
  const noneText = data.leftOutAll > 0 ? t.schoolsNoneAssessed : t.schoolsNone;
  return (
    <section className={c.section} aria-labelledby="jh-schools" data-testid="schools">
      <h2 id="jh-schools" className={c.sectionTitle}>
        {t.schoolsTitle(
          data.schools.filter((g) => g.status === "fail").length,
          data.schools.filter((g) => g.status === "incomplete").length
        )}
      </h2>
      {none ? (
        <div className={c.row}>
          <StatusGlyph kind="pass" />
          <span>{noneText}</span>
        </div>
      ) : (
        <>
          {/* One line per glyph, each drawn as the list draws it (the two ran together on one line). */}
          <div className={c.note} data-testid="glyph-legend">
            <div className={c.noteLine}>
              <StatusGlyph kind="fail" />
              <span>{t.glyphLegendFail(floorText(state))}</span>
            </div>
            <div className={c.noteLine}>
              <StatusGlyph kind="warn" />
              <span>{t.glyphLegendWarn(floorText(state))}</span>
            </div>
          </div>
          <Tabs
            className={s.tabs}
            label={t.viewLabel}
            selected={tab}
            onSelect={setTab}
            items={[
              { value: "school", label: t.viewBySchool },
              { value: "indicator", label: t.viewByIndicator },
            ]}
          />
          {tab === "school" && report && data.schools.length > 3 && (
            <SchoolFilterBar
              filter={filter}
              onChange={setFilter}
              report={report}
              t={t}
              lang={state.lang}
              shown={shown.length}
              total={data.schools.length}
            />
          )}
          {tab === "school" ? (
            <CappedList items={shown} limit={20} t={t}>
              {(g) => <SchoolCard key={g.key} group={g} state={state} onSelect={actions.select} />}
            </CappedList>
          ) : (
            indicators.map((g) => (
              <IndicatorCard key={g.id} group={g} state={state} onSelect={actions.select} />
            ))
          )}
        </>
      )}
    </section>
  );
}

function SchoolCard({
  group,
  state,
  onSelect,
}: {
  group: SchoolGroup;
  state: SidebarState;
  onSelect: (r: CellRef) => void;
}): React.JSX.Element {
  const { t } = state;
  const s = useResultsStyles();
  const c = useCommonStyles();
  // One school table (the usual case): the row number is enough; with several, the sheet name too.
  const oneSheet = (state.result?.report.tables.length ?? 0) <= 1;
  return (
    <div className={s.card} data-school={group.name} data-stage={group.stage}>
      <FindingRow
        glyph={group.status === "fail" ? "fail" : "warn"}
        at={group.at}
        onSelect={onSelect}
        t={t}
      >
        <span className={s.cardName}>{group.name}</span>{" "}
        <span className={c.secondary}>
          {oneSheet
            ? t.schoolMetaShort(t.stage[group.stage], group.row)
            : t.schoolMeta(t.stage[group.stage], group.sheet, group.row)}
        </span>
      </FindingRow>
      {group.reason && <div className={s.reason}>{group.reason}</div>}
      {group.items.map((it) => (
        <FindingRow
          key={it.indicatorId}
          glyph={it.meets === null || it.atFloor ? "warn" : "fail"}
          at={it.at}
          onSelect={onSelect}
          t={t}
        >
          <span className={c.strong}>{it.short}</span>
          <Basis id={it.indicatorId} t={t} lang={state.lang} />{" "}
          {it.meets === null ? (
            t.missingValue
          ) : (
            <>
              {withUnit(it.display, it.unit)} &lt; {withUnit(it.threshold, it.unit)}
              {it.gap && (
                <>
                  {" "}
                  <span className={c.gap}>{t.stillShort(it.gap)}</span>
                </>
              )}
              {it.atFloor && (
                <span className={c.secondary}> {t.paren(t.atFloorOnly(floorText(state)))}</span>
              )}
            </>
          )}
        </FindingRow>
      ))}
    </div>
  );
}

/** 「（每百名学生）」 / 「（生均）」 after an indicator's short name: what the value is counted per. */
function Basis({
  id,
  t,
  lang,
}: {
  id: string;
  t: Strings;
  lang: SidebarState["lang"];
}): React.JSX.Element | null {
  const c = useCommonStyles();
  const b = indicatorBasis(id);
  // Full-width parentheses need no space in Chinese; English puts one before "(per 100 students)".
  return b ? (
    <span className={c.secondary}>
      {lang === "en" ? " " : ""}
      {t.paren(t.basis[b])}
    </span>
  ) : null;
}

function withUnit(v: string | null, unit: string): string {
  if (v === null) return "—";
  return unit ? `${v} ${unit}` : v;
}

function IndicatorCard({
  group,
  state,
  onSelect,
}: {
  group: IndicatorGroup;
  state: SidebarState;
  onSelect: (r: CellRef) => void;
}): React.JSX.Element {
  const { t } = state;
  const s = useResultsStyles();
  const c = useCommonStyles();
  return (
    <div className={s.card} data-indicator={group.id}>
      <div className={s.cardHead}>
        <span className={s.cardName}>
          {group.code} {group.short}
          <Basis id={group.id} t={t} lang={state.lang} />
        </span>
        <span className={c.secondary}>{t.indicatorSchools(group.items.length)}</span>
      </div>
      <CappedList items={group.items} t={t}>
        {(it, i) => (
          <FindingRow
            key={i}
            glyph={it.atFloor ? "warn" : "fail"}
            at={it.at}
            onSelect={onSelect}
            t={t}
          >
            <span className={c.strong}>{it.school}</span>{" "}
            <span className={c.secondary}>{t.stage[it.stage]}</span> {withUnit(it.display, it.unit)}{" "}
            &lt; {withUnit(it.threshold, it.unit)}
            {it.gap && (
              <>
                {" "}
                <span className={c.gap}>{t.stillShort(it.gap)}</span>
              </>
            )}
            {it.atFloor && (
              <span className={c.secondary}> {t.paren(t.atFloor(floorText(state)))}</span>
            )}
          </FindingRow>
        )}
      </CappedList>
    </div>
  );
}

/** One finding as a row: the school in bold when the message does not name it. */
export function FindingLine({
  finding,
  state,
  onSelect,
}: {
  finding: Finding;
  state: SidebarState;
  onSelect: (r: CellRef) => void;
}): React.JSX.Element {
  const c = useCommonStyles();
  const { school, message } = findingText(finding, state.lang);
  const at = finding.sheet && finding.cell ? { sheet: finding.sheet, cell: finding.cell } : null;
  const left = state.result ? leftOutPlaces(state.result).leftOutBy(finding) : 0;
  return (
    <FindingRow
      glyph={glyphForSeverity(finding.severity)}
      severity={finding.severity}
      at={at}
      onSelect={onSelect}
      t={state.t}
    >
      {school && <span className={c.strong}>{state.t.schoolPrefix(school)}</span>}
      {message}
      {left > 0 && <span className={c.secondary}>{state.t.leftOutBecause(left)}</span>}
    </FindingRow>
  );
}

function FindingSection({
  title,
  findings,
  state,
  onSelect,
  id,
}: {
  title: string;
  findings: Finding[];
  state: SidebarState;
  onSelect: (r: CellRef) => void;
  id: string;
}): React.JSX.Element {
  const c = useCommonStyles();
  return (
    <section className={c.section} aria-labelledby={`jh-${id}`} data-testid={id}>
      <h2 id={`jh-${id}`} className={c.sectionTitle}>
        {title}
      </h2>
      <CappedList items={findings} t={state.t}>
        {(f, i) => <FindingLine key={i} finding={f} state={state} onSelect={onSelect} />}
      </CappedList>
    </section>
  );
}

/** Findings grouped by code in an accordion: title + count in the header, the findings inside. */
export function FindingGroups({
  groups,
  state,
  onSelect,
  openByDefault,
}: {
  groups: FindingGroup[];
  state: SidebarState;
  onSelect: (r: CellRef) => void;
  openByDefault: (g: FindingGroup) => boolean;
}): React.JSX.Element {
  const s = useResultsStyles();
  const [open, setOpen] = React.useState<string[]>(() =>
    groups.filter(openByDefault).map((g) => g.code)
  );
  return (
    <Accordion
      multiple
      collapsible
      openItems={open}
      onToggle={(_e, d) => setOpen(d.openItems.map(String))}
    >
      {groups.map((g) => (
        <AccordionItem key={g.code} value={g.code} data-code={g.code}>
          <AccordionHeader size="small" className={s.accordionHeader}>
            <StatusGlyph kind={glyphForSeverity(g.severity)} className={s.glyphGap} />
            {g.title}
            <CounterBadge
              className={s.groupCount}
              count={g.items.length}
              overflowCount={9999}
              size="small"
              appearance="filled"
              color={
                g.severity === "error"
                  ? "danger"
                  : g.severity === "warning"
                    ? "important"
                    : "informative"
              }
            />
          </AccordionHeader>
          <AccordionPanel>
            <CappedList items={g.items} t={state.t}>
              {(f, i) => <FindingLine key={i} finding={f} state={state} onSelect={onSelect} />}
            </CappedList>
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}

function ProblemsSection({
  state,
  actions,
  data,
}: Props & { data: ResultsData }): React.JSX.Element {
  const { t } = state;
  const c = useCommonStyles();
  const count = data.problems.reduce((n, g) => n + g.items.length, 0);
  const notes = data.notes.reduce((n, g) => n + g.items.length, 0);
  return (
    <>
      <section className={c.section} aria-labelledby="jh-problems" data-testid="problems">
        <h2 id="jh-problems" className={c.sectionTitle}>
          {t.problemsTitle(count)}
        </h2>
        {count === 0 ? (
          <div className={c.row}>
            <StatusGlyph kind="pass" />
            <span>{t.problemsNone}</span>
          </div>
        ) : (
          <FindingGroups
            groups={data.problems}
            state={state}
            onSelect={actions.select}
            openByDefault={(g) => g.severity === "error"}
          />
        )}
      </section>
      {notes > 0 && (
        <section className={c.section} aria-labelledby="jh-notes" data-testid="notes">
          <h2 id="jh-notes" className={c.sectionTitle}>
            {t.notesTitle(notes)}
          </h2>
          <FindingGroups
            groups={data.notes}
            state={state}
            onSelect={actions.select}
            openByDefault={() => false}
          />
        </section>
      )}
    </>
  );
}

function CountySection({
  state,
  stages,
}: {
  state: SidebarState;
  stages: StageView[];
}): React.JSX.Element {
  const { t } = state;
  const c = useCommonStyles();
  const s = useResultsStyles();
  return (
    <section className={c.section} aria-labelledby="jh-county" data-testid="county">
      <h2 id="jh-county" className={c.sectionTitle}>
        {t.countyTitle}
      </h2>
      {stages.map((st) => {
        const limits = new Set(st.rows.map((r) => r.limit));
        const oneLimit = limits.size === 1 ? [...limits][0] : null;
        return (
          <div key={st.stage} className={s.card} data-stage={st.stage}>
            <div className={s.stageHead}>
              <span className={s.cardName}>
                <StatusGlyph
                  kind={st.meets === true ? "pass" : st.meets === false ? "fail" : "warn"}
                />{" "}
                {t.stageLine(t.stage[st.stage], verdictText(t, st.meets))}
              </span>
              {oneLimit && <span className={c.secondary}>{t.cvLimit(oneLimit)}</span>}
            </div>
            <table className={s.table} aria-label={t.cvTableTitle(t.stage[st.stage])}>
              <thead>
                <tr>
                  <th scope="col">{t.indicatorCol}</th>
                  <th scope="col" className={mergeClasses(s.num, s.numCol)}>
                    {t.cvCol}
                  </th>
                  {!oneLimit && (
                    <th scope="col" className={mergeClasses(s.num, s.limitCol)}>
                      ≤
                    </th>
                  )}
                  <th scope="col" className={mergeClasses(s.num, s.numCol)}>
                    {t.meanCol}
                  </th>
                </tr>
              </thead>
              <tbody>
                {st.rows.map((r) => (
                  <tr
                    key={r.id}
                    className={r.meets === false ? s.rowFail : undefined}
                    data-indicator={r.id}
                  >
                    <td>
                      {r.code} {r.short}
                      {r.partial && (
                        <span className={c.secondary}>{t.partial(r.partial.k, r.partial.n)}</span>
                      )}
                    </td>
                    <td className={s.num}>
                      <StatusGlyph
                        kind={r.meets === true ? "pass" : r.meets === false ? "fail" : "warn"}
                        className={s.glyphGap}
                      />
                      {r.cv ?? "—"}
                    </td>
                    {!oneLimit && <td className={s.num}>{r.limit ?? "—"}</td>}
                    <td className={s.num}>{r.mean ?? "—"}</td>
                  </tr>
                ))}
                {st.composite && (
                  <tr className={st.composite.meets === false ? s.rowFail : undefined}>
                    <td>{t.compositeRow}</td>
                    <td className={s.num}>
                      <StatusGlyph
                        kind={
                          st.composite.meets === true
                            ? "pass"
                            : st.composite.meets === false
                              ? "fail"
                              : "warn"
                        }
                      />
                      {st.composite.cv ?? "—"}
                    </td>
                    {!oneLimit && <td className={s.num}>{st.composite.limit}</td>}
                    <td className={s.num}>—</td>
                  </tr>
                )}
              </tbody>
            </table>
          </div>
        );
      })}
    </section>
  );
}

function MappingLink({ state, actions, data }: Props & { data: ResultsData }): React.JSX.Element {
  const { t } = state;
  const s = useResultsStyles();
  const c = useCommonStyles();
  return (
    <div className={s.footerLink}>
      <span className={c.secondary}>{t.editMappingLine(data.columns, data.sheets)}</span>
      <Button size="small" appearance="transparent" onClick={() => actions.show("mapping")}>
        {t.editMappingOpen}
      </Button>
    </div>
  );
}
