/**
 * 「提交前检查」: one verdict — 「可以提交」 or 「需修改：N 项」 — then every blocking error (grouped, all open),
 * then the warnings (grouped, closed). N is the report's error count (report.summary.errors).
 */
import * as React from "react";
import { Button, CounterBadge, mergeClasses } from "@fluentui/react-components";
import { CappedList, StatusGlyph } from "../common/FindingRow";
import { useCommonStyles } from "../common/useCommonStyles";
import { ActionBar, FindingGroups, FindingLine, verdictText } from "../Results/ResultsView";
import { useResultsData } from "../Results/useResults";
import type { SidebarActions, SidebarState } from "../Sidebar/useSidebar";
import { useSubmitStyles } from "./useSubmitStyles";

interface Props {
  state: SidebarState;
  actions: SidebarActions;
}

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
  const data = useResultsData(result, state.lang);
  const { summary } = result.report;
  const ok = summary.errors === 0;
  return (
    <>
      <div className={s.toolbar}>
        <Button size="small" appearance="subtle" onClick={() => actions.run("submit")}>
          {t.recheck}
        </Button>
      </div>
      <section
        className={mergeClasses(s.verdict, ok ? s.verdictOk : s.verdictFix)}
        role="status"
        aria-labelledby="jh-submit-verdict"
        data-testid="submit-verdict"
      >
        <h2 id="jh-submit-verdict" className={s.verdictTitle} tabIndex={-1} data-autofocus="">
          <StatusGlyph kind={ok ? "pass" : "fail"} />
          {ok ? t.submitOk : t.submitFix(summary.errors)}
        </h2>
        <div className={s.verdictBody}>
          {ok
            ? [t.submitOkBody, summary.warnings ? t.submitOkWarnings(summary.warnings) : ""].join(
                " "
              )
            : t.submitFixBody}
        </div>
        <div className={s.verdictSub}>{t.overall(verdictText(t, summary.meets))}</div>
      </section>
      <ActionBar state={state} actions={actions} />
      {data.submit.errors.length > 0 && (
        <section
          className={c.section}
          aria-labelledby="jh-submit-errors"
          data-testid="submit-errors"
        >
          <h2 id="jh-submit-errors" className={c.sectionTitle}>
            {t.submitErrors(summary.errors)}
          </h2>
          {data.submit.errors.map((g) => (
            <div key={g.code} className={s.group} data-code={g.code}>
              <div className={s.groupHead}>
                <StatusGlyph kind="fail" />
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
          ))}
        </section>
      )}
      {data.submit.warnings.length > 0 && (
        <section
          className={c.section}
          aria-labelledby="jh-submit-warnings"
          data-testid="submit-warnings"
        >
          <h2 id="jh-submit-warnings" className={c.sectionTitle}>
            {t.submitWarnings(summary.warnings)}
          </h2>
          <FindingGroups
            groups={data.submit.warnings}
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
