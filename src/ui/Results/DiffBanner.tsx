/**
 * After 重新检查: what changed since the last check (src/engine/diff/reportDiff.ts) — 「已解决 3 项，新增 0 项」 —
 * then per school and per indicator. Not after a first check, nor after a switch to 提交前检查 that changed nothing.
 */
import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { diffFindings } from "../../engine/diff/reportDiff";
import { indicatorShort } from "../../present/labels";
import { useCommonStyles } from "../common/useCommonStyles";
import type { SidebarState } from "../Sidebar/useSidebar";

export function DiffBanner({ state }: { state: SidebarState }): React.JSX.Element | null {
  const { t, previous, result } = state;
  const c = useCommonStyles();
  const d = React.useMemo(
    () => (previous && result ? diffFindings(previous.allFindings, result.allFindings) : null),
    [previous, result]
  );
  // After a first check there is nothing to compare; after a switch to 提交前检查 (a second read of an unchanged
  // workbook) 「已解决 0 项，新增 0 项」 would only puzzle: shown then only when something changed.
  if (!d || !result) return null;
  if (!state.recheck && d.resolved === 0 && d.added === 0) return null;
  const short = (id: string): string => indicatorShort(id, state.lang);
  const schools = d.bySchool.slice(0, 10);
  return (
    <MessageBar
      intent={d.added > 0 ? "warning" : "info"}
      layout="multiline"
      role="status"
      data-testid="recheck-diff"
    >
      <MessageBarBody>
        <MessageBarTitle>{t.diffTotal(d.resolved, d.added)}</MessageBarTitle>
        {schools.length > 0 && (
          <ul className={c.plainList} aria-label={t.diffBySchool}>
            {schools.map((g) => (
              <li key={`${g.key}\u0000${g.stage ?? ""}`} data-school={g.key}>
                {t.diffLine(g.key, g.resolved, g.added)}
              </li>
            ))}
            {d.bySchool.length > schools.length && (
              <li className={c.secondary}>{t.diffMore(d.bySchool.length - schools.length)}</li>
            )}
          </ul>
        )}
        {d.byIndicator.length > 0 && (
          <div className={c.secondary} data-testid="recheck-diff-indicators">
            {t.diffByIndicator}
            {d.byIndicator
              .map((g) => t.diffLine(short(g.key), g.resolved, g.added))
              .join(state.lang === "zh-CN" ? "；" : "; ")}
          </div>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
