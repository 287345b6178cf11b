/**
 * 「提交前检查」: one verdict, then two parts counted separately (src/ui/submitVerdict.ts) —
 *   数据错误: what must be corrected before submitting (a missing value, a column not found, …), all open;
 *   未达标: the results to report or rectify (schools below the standard, CVs over the limit) —
 * the schools not assessed (named, with what to do), and the warnings to check (closed).
 * Green 「可以提交」 only when the data has no error, every school was assessed and the county meets the standard.
 */
import * as React from "react";
import { Button, CounterBadge, mergeClasses } from "@fluentui/react-components";
import { CappedList, StatusGlyph, type Glyph } from "../common/FindingRow";
import { LeftOutList } from "../common/LeftOutList";
import { useCommonStyles } from "../common/useCommonStyles";
import type { FindingGroup } from "../reportView";
import { DiffBanner } from "../Results/DiffBanner";
import { ActionBar, FindingGroups, FindingLine, verdictText } from "../Results/ResultsView";
import type { SidebarActions, SidebarState } from "../Sidebar/useSidebar";
import { shownMeets, submitVerdict, type SubmitState } from "../submitVerdict";
import { useSubmitStyles } from "./useSubmitStyles";

interface Props {
  state: SidebarState;
  actions: SidebarActions;
}

const GLYPH: Record<SubmitState, Glyph> = {
  "fix-data": "fail",
  "left-out": "warn",
  unknown: "warn",
  "ready-pass": "pass",
  "ready-fail": "info",
};

export function SubmitView({ state, actions }: Props): React.JSX.Element | null {
  if (!state.result) return null;
  return <Submit state={state} actions={actions} result={state.result} />;
}

function Submit({
  state,
  actions,
  result,
}: Props & { result: NonNullable<SidebarState["result"]> }): React.JSX.Element {
  const { t } = state;
  const s = useSubmitStyles();
  const c = useCommonStyles();
  const v = React.useMemo(() => submitVerdict(result, state.lang), [result, state.lang]);
  const tone =
    v.state === "ready-pass"
      ? s.verdictOk
      : v.state === "ready-fail"
        ? s.verdictNeutral
        : v.state === "fix-data"
          ? s.verdictFix
          : s.verdictWait;
  return (
    <>
      <div className={s.toolbar}>
        <Button size="small" appearance="subtle" onClick={() => actions.run("submit", true)}>
          {t.recheck}
        </Button>
      </div>
      <section
        className={mergeClasses(s.verdict, tone)}
        role="status"
        aria-labelledby="jh-submit-verdict"
        data-testid="submit-verdict"
        data-state={v.state}
      >
        <h2 id="jh-submit-verdict" className={s.verdictTitle} tabIndex={-1} data-autofocus="">
          <StatusGlyph kind={GLYPH[v.state]} />
          {t.submitState[v.state]}
        </h2>
        <div className={s.verdictBody}>{t.submitStateBody[v.state]}</div>
        <div className={s.verdictSub}>
          {t.overall(
            v.leftOutAll > 0 && result.report.summary.meets === true
              ? t.verdictLeftOut
              : verdictText(t, shownMeets(result))
          )}
        </div>
        <div className={s.verdictSub} data-testid="submit-counts">
          {t.submitCounts(v.dataErrors, v.shortfalls, v.warnings)}
        </div>
      </section>
      <DiffBanner state={state} />
      <LeftOutList schools={v.leftOut} state={state} actions={actions} />
      <Part
        id="submit-data"
        title={t.submitDataTitle(v.dataErrors)}
        none={t.submitDataNone}
        groups={v.data}
        glyph="fail"
        state={state}
        actions={actions}
      />
      <Part
        id="submit-results"
        title={t.submitResultsTitle(v.shortfalls)}
        hint={v.shortfalls > 0 ? t.submitResultsHint : undefined}
        none={t.submitResultsNone}
        groups={v.results}
        glyph="fail"
        state={state}
        actions={actions}
      />
      <ActionBar state={state} actions={actions} />
      {v.toCheck.length > 0 && (
        <section
          className={c.section}
          aria-labelledby="jh-submit-warnings"
          data-testid="submit-warnings"
        >
          <h2 id="jh-submit-warnings" className={c.sectionTitle}>
            {t.submitWarnings(v.warnings)}
          </h2>
          <FindingGroups
            groups={v.toCheck}
            state={state}
            onSelect={actions.select}
            openByDefault={() => false}
          />
        </section>
      )}
      <Button appearance="secondary" onClick={() => actions.show("results")}>
        {t.showFullResults}
      </Button>
    </>
  );
}

function Part({
  id,
  title,
  hint,
  none,
  groups,
  glyph,
  state,
  actions,
}: Props & {
  id: string;
  title: string;
  hint?: string;
  none: string;
  groups: FindingGroup[];
  glyph: Glyph;
}): React.JSX.Element {
  const s = useSubmitStyles();
  const c = useCommonStyles();
  const { t } = state;
  return (
    <section className={c.section} aria-labelledby={`jh-${id}`} data-testid={id}>
      <h2 id={`jh-${id}`} className={c.sectionTitle}>
        {title}
      </h2>
      {hint && <p className={s.hint}>{hint}</p>}
      {groups.length === 0 ? (
        <div className={c.row}>
          <StatusGlyph kind="pass" />
          <span>{none}</span>
        </div>
      ) : (
        groups.map((g) => (
          <div key={g.code} className={s.group} data-code={g.code}>
            <div className={s.groupHead}>
              <StatusGlyph kind={glyph} />
              {g.title}
              <CounterBadge
                count={g.items.length}
                overflowCount={9999}
                size="small"
                color="danger"
              />
            </div>
            <CappedList items={g.items} limit={10} t={t}>
              {(f, i) => (
                <FindingLine key={i} finding={f} state={state} onSelect={actions.select} />
              )}
            </CappedList>
          </div>
        ))
      )}
    </section>
  );
}
