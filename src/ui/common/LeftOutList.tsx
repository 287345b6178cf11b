/**
 * The schools a check did not assess, each with why and what to do (src/ui/leftOut.ts), and a button to the
 * correction screen when the fix is made there (a stage to choose, a column to point at).
 */
import * as React from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { indicatorShort } from "../../present/labels";
import type { LeftOutSchool } from "../leftOut";
import type { SidebarActions, SidebarState } from "../Sidebar/useSidebar";
import { CappedList, FindingRow } from "./FindingRow";
import { useCommonStyles } from "./useCommonStyles";

export function LeftOutList({
  schools,
  state,
  actions,
}: {
  schools: LeftOutSchool[];
  state: SidebarState;
  actions: SidebarActions;
}): React.JSX.Element | null {
  const { t } = state;
  const c = useCommonStyles();
  if (schools.length === 0) return null;
  const short = (id: string): string => indicatorShort(id, state.lang);
  const sep = state.lang === "zh-CN" ? "、" : ", ";
  const needsMapping = schools.some((s) => s.reason !== "value");
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="left-out">
      <MessageBarBody>
        <MessageBarTitle>{t.leftOutTitle(schools.length)}</MessageBarTitle>
        <CappedList items={schools} limit={10} t={t}>
          {(s) => (
            <FindingRow
              key={`${s.sheet}\u0000${s.name}`}
              glyph="warn"
              severity="warning"
              at={s.at}
              onSelect={actions.select}
              t={t}
            >
              <span className={c.strong}>{s.name}</span>{" "}
              {t.paren(
                t.leftOutWhy[s.reason] +
                  (s.fields.length
                    ? `${state.lang === "zh-CN" ? "：" : ": "}${s.fields.map(short).join(sep)}`
                    : "")
              )}{" "}
              <span className={c.secondary}>{t.leftOutDo[s.reason]}</span>
            </FindingRow>
          )}
        </CappedList>
        {needsMapping && (
          <Button size="small" appearance="primary" onClick={() => actions.show("mapping")}>
            {t.leftOutFix}
          </Button>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
