/**
 * <Sidebar host={…} lang="zh-CN" />: the one sidebar of the Excel task pane and of the browser page.
 * State in useSidebar, layout in useSidebarStyles, each screen in its own component.
 */
import * as React from "react";
import {
  Button,
  Field,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  type Theme,
} from "@fluentui/react-components";
import { MappingView } from "../Mapping/MappingView";
import { StandardPicker } from "./StandardPicker";
import { appTheme } from "../theme";
import { CompareEntry, CompareView } from "../Compare/CompareView";
import { PlanEntry, PlanView } from "../Plan/PlanView";
import { AssessmentBlock } from "../Assessment/AssessmentBlock";
import { ResultsView } from "../Results/ResultsView";
import { SubmitView } from "../Submit/SubmitView";
import {
  useSidebar,
  type SidebarActions,
  type SidebarProps,
  type SidebarState,
} from "./useSidebar";
import { useSidebarStyles } from "./useSidebarStyles";

export type { SidebarProps } from "./useSidebar";

export function Sidebar(props: SidebarProps & { theme?: Theme }): React.JSX.Element {
  const [state, actions] = useSidebar(props);
  const styles = useSidebarStyles();
  const root = React.useRef<HTMLDivElement | null>(null);
  // After a check (or a switch of screen) focus goes to the new screen's heading, not to <body>: a keyboard or
  // screen-reader user hears the verdict and continues from there.
  React.useEffect(() => {
    if (state.focusSeq === 0) return;
    root.current?.querySelector<HTMLElement>("[data-autofocus]")?.focus();
  }, [state.focusSeq]);
  // <html lang> follows the pane's language (the task pane has nothing else that sets it).
  React.useEffect(() => {
    if (typeof document !== "undefined") document.documentElement.lang = state.lang;
  }, [state.lang]);
  return (
    // No className on the provider: Fluent copies it onto every portal layer (Dropdown, Menu, Popover,
    // Tooltip), and a provider styled with a height and a background paints a page-sized block over the app
    // (stack-notes trap 8; microsoft/fluentui #33949). The pane's own look lives on the inner element.
    <FluentProvider theme={props.theme ?? appTheme}>
      <div ref={root} className={styles.root} lang={state.lang} data-screen={state.screen}>
        {renderScreen(state, actions, props.host)}
      </div>
    </FluentProvider>
  );
}

function renderScreen(
  state: SidebarState,
  actions: SidebarActions,
  host: SidebarProps["host"]
): React.JSX.Element {
  switch (state.screen) {
    case "start":
      return <StartView state={state} actions={actions} />;
    case "busy":
      return <BusyView state={state} actions={actions} />;
    case "noTable":
      return <NoTableView state={state} actions={actions} />;
    case "error":
      return <ErrorView state={state} actions={actions} />;
    case "mapping":
      return <MappingView state={state} actions={actions} />;
    case "results":
      return (
        <>
          <ResultsView state={state} actions={actions} />
          {state.result && (
            <AssessmentBlock report={state.result.report} lang={state.lang} host={host} />
          )}
          <PlanEntry state={state} actions={actions} />
          <CompareEntry state={state} actions={actions} />
        </>
      );
    case "submit":
      return <SubmitView state={state} actions={actions} />;
    case "plan":
      return <PlanView state={state} actions={actions} />;
    case "compare":
      return <CompareView state={state} actions={actions} host={host} />;
  }
}

interface ViewProps {
  state: SidebarState;
  actions: SidebarActions;
}

function StartView({ state, actions }: ViewProps): React.JSX.Element {
  const { t } = state;
  const styles = useSidebarStyles();
  return (
    <>
      <h1 className={styles.title}>{t.startTitle}</h1>
      <p className={styles.intro}>{t.startIntro}</p>
      {state.notice && (
        <MessageBar intent={state.notice.intent}>
          <MessageBarBody>{state.notice.text}</MessageBarBody>
        </MessageBar>
      )}
      <Button
        appearance="primary"
        size="large"
        className={styles.bigButton}
        onClick={() => actions.run("check")}
      >
        {t.startCheck}
      </Button>
      <StandardPicker state={state} actions={actions} />
      <div className={styles.stack}>
        <Button className={styles.wideButton} onClick={() => actions.run("submit")}>
          {t.startSubmit}
        </Button>
        <p className={styles.hint}>{t.startSubmitHint}</p>
      </div>
      <p className={styles.hint}>{t.privacyExcel}</p>
    </>
  );
}

function BusyView({ state, actions }: ViewProps): React.JSX.Element {
  const { t, progress } = state;
  const styles = useSidebarStyles();
  const phase = progress?.phase ?? "read";
  const known = progress !== null && progress.total > 0;
  return (
    <div className={styles.busy} aria-busy="true">
      <Field
        label={t.phase[phase]}
        hint={known ? t.progressOf(progress.done, progress.total) : undefined}
        validationState="none"
      >
        <ProgressBar
          thickness="large"
          value={known ? progress.done / progress.total : undefined}
          max={1}
        />
      </Field>
      <Button onClick={actions.cancel}>{t.cancel}</Button>
    </div>
  );
}

function NoTableView({ state, actions }: ViewProps): React.JSX.Element {
  const { t } = state;
  const styles = useSidebarStyles();
  return (
    <>
      <MessageBar intent="warning" layout="multiline" tabIndex={-1} data-autofocus="">
        <MessageBarBody>
          <MessageBarTitle>{t.noTableTitle}</MessageBarTitle>
          <p className={styles.intro}>{t.noTableBody}</p>
          <ul className={styles.list}>
            {t.noTableNeeded.map((h) => (
              <li key={h}>{h}</li>
            ))}
          </ul>
        </MessageBarBody>
      </MessageBar>
      {state.noTableSheets.length > 0 && (
        <p className={styles.hint}>
          {t.noTableSheets(state.noTableSheets.join(state.lang === "zh-CN" ? "、" : ", "))}
        </p>
      )}
      <Button appearance="primary" onClick={() => actions.run("check")}>
        {t.tryAgain}
      </Button>
    </>
  );
}

function ErrorView({ state, actions }: ViewProps): React.JSX.Element {
  const { t } = state;
  return (
    <>
      <MessageBar intent="error" layout="multiline" tabIndex={-1} data-autofocus="">
        <MessageBarBody>
          <MessageBarTitle>{t.errorTitle}</MessageBarTitle>
          {state.error}
        </MessageBarBody>
      </MessageBar>
      <Button appearance="primary" onClick={() => actions.run("check")}>
        {t.tryAgain}
      </Button>
    </>
  );
}
