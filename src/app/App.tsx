/**
 * The browser page (app.html) for WPS / Mac users: open a local .xlsx (picker, drag-and-drop, or the bundled
 * sample), see each sheet in a read-only grid, and check it with the same <Sidebar> as the Excel task pane.
 */
import * as React from "react";
import {
  Button,
  CounterBadge,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  ProgressBar,
  Spinner,
} from "@fluentui/react-components";
import { RollupView } from "../ui/Compare/RollupView";
import { Sidebar } from "../ui/Sidebar";
import { Tabs } from "../ui/common/Tabs";
import { appTheme } from "../ui/theme";
import { SheetGrid } from "./Grid/SheetGrid";
import { displayValue, type TableFrame } from "./Grid/gridModel";
import type { TableReport } from "../engine/reportTypes";
import { parseAddress } from "../engine/workbook";
import { useApp, type AppActions, type AppState } from "./useApp";
import { useAppStyles, usePageStaticStyles } from "./useAppStyles";

export function App(): React.JSX.Element {
  usePageStaticStyles();
  const [state, actions] = useApp();
  const s = useAppStyles();
  const { t, snap } = state;
  const input = React.useRef<HTMLInputElement | null>(null);
  const file = snap.file;
  // Several files picked at once: the roll-up of the counties (issue 13 §5) instead of one workbook.
  const [rollup, setRollup] = React.useState<File[] | null>(null);
  // <html lang> follows the UI language: screen readers pick their voice and Chromium its CJK glyphs by it.
  React.useEffect(() => {
    document.documentElement.lang = state.lang;
  }, [state.lang]);
  return (
    // The provider carries no className: Fluent copies it onto portal layers (see Sidebar.tsx).
    <FluentProvider theme={appTheme}>
      <div className={s.root} lang={state.lang} {...actions.dragHandlers}>
        <header className={s.header}>
          <div className={s.brand}>
            <h1 className={s.brandTitle}>{t.appTitle}</h1>
            <span className={s.brandSub}>{t.pageSubtitle}</span>
          </div>
          <Button
            appearance={file ? "secondary" : "primary"}
            onClick={() => actions.pickFile(() => input.current?.click())}
          >
            {t.openFile}
          </Button>
          <Button onClick={actions.openSample}>{t.openSample}</Button>
          {file && (
            <span className={s.fileName} title={file.name} data-testid="file-name">
              {file.name}
            </span>
          )}
          <span className={s.spacer} />
          {file && (
            <>
              <Button
                appearance="primary"
                disabled={!state.result || state.copying}
                title={state.result ? undefined : t.downloadHint}
                onClick={actions.downloadCopy}
                icon={state.copying ? <Spinner size="tiny" aria-hidden /> : undefined}
                data-testid="download-copy"
                aria-busy={state.copying || undefined}
              >
                {state.copying ? t.writingCopy : t.downloadCopy}
              </Button>
              <Button
                disabled={!state.result}
                title={state.result ? undefined : t.downloadHint}
                onClick={actions.downloadJson}
              >
                {t.downloadJson}
              </Button>
            </>
          )}
          <Button
            appearance="subtle"
            lang={state.lang === "zh-CN" ? "en" : "zh-CN"}
            onClick={() => actions.setLang(state.lang === "zh-CN" ? "en" : "zh-CN")}
          >
            {t.switchLang}
          </Button>
          <input
            ref={input}
            className={s.hiddenInput}
            type="file"
            accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            data-testid="file-input"
            multiple
            onChange={(e) => {
              const list = Array.from(e.target.files ?? []);
              if (list.length > 1) setRollup(list);
              else if (list[0]) {
                setRollup(null);
                actions.openFile(list[0]);
              }
              e.target.value = "";
            }}
          />
        </header>
        {state.error && (
          <DismissibleBar
            intent="error"
            className={s.message}
            text={state.error}
            dismissLabel={t.dismiss}
            onDismiss={actions.dismissError}
          />
        )}
        {state.copyPercent !== null && (
          <div className={s.copyStrip} role="status" data-testid="copy-progress">
            <span className={s.copyLabel}>{t.copyProgress(state.copyPercent)}</span>
            <ProgressBar
              className={s.copyBar}
              thickness="large"
              value={state.copyPercent / 100}
              max={1}
              aria-label={t.copyProgress(state.copyPercent)}
            />
            <Button size="small" onClick={actions.cancelCopy} data-testid="copy-cancel">
              {t.cancel}
            </Button>
          </div>
        )}
        {state.notice && (
          <DismissibleBar
            intent="info"
            className={s.message}
            text={state.notice}
            dismissLabel={t.dismiss}
            onDismiss={actions.dismissNotice}
          />
        )}
        {rollup && (
          <RollupView
            files={rollup}
            lang={state.lang}
            save={(spec, name) => state.host.saveWorkbook(spec, name)}
            onClose={() => setRollup(null)}
          />
        )}
        <main className={s.main}>
          <section className={s.gridArea} aria-label={t.sheetTabs}>
            {state.loading ? (
              <Spinner label={state.loading} className={s.spinner} />
            ) : file && state.active ? (
              <Workbook state={state} actions={actions} />
            ) : (
              <Welcome
                state={state}
                actions={actions}
                onOpen={() => actions.pickFile(() => input.current?.click())}
              />
            )}
          </section>
          {file && (
            <aside className={s.pane} aria-label={t.appTitle} data-testid="pane">
              <Sidebar
                key={file.id}
                host={state.host}
                lang={state.lang}
                onResult={actions.setResult}
              />
            </aside>
          )}
        </main>
        {state.dragging && <div className={s.drop}>{t.dropHint}</div>}
      </div>
    </FluentProvider>
  );
}

function Workbook({
  state,
  actions,
}: {
  state: AppState;
  actions: AppActions;
}): React.JSX.Element | null {
  const s = useAppStyles();
  const { t, active, snap } = state;
  const table = active
    ? state.result?.report.tables.find((x) => x.sheet === active.name)
    : undefined;
  const frame = React.useMemo(() => tableFrame(table), [table]);
  if (!active) return null;
  const sel = snap.selection && snap.selection.sheet === active.name ? snap.selection : null;
  return (
    <>
      <SheetGrid
        key={active.name}
        frame={frame}
        sheet={active.sheet}
        marks={active.marks}
        selection={sel}
        onSelect={actions.selectCell}
        label={active.label}
      />
      <StatusBar state={state} />
      <div className={s.tabs}>
        <Tabs
          label={t.sheetTabs}
          selected={active.name}
          onSelect={actions.setActiveSheet}
          items={state.tabs.map((tab) => ({
            value: tab.name,
            data: { "data-sheet-tab": tab.name },
            label: (
              <>
                {tab.label}
                {tab.markCount > 0 && (
                  <CounterBadge
                    className={s.tabCount}
                    size="small"
                    color="danger"
                    count={tab.markCount}
                    overflowCount={9999}
                    aria-label={t.markedCount(tab.markCount)}
                  />
                )}
              </>
            ),
          }))}
        />
      </div>
    </>
  );
}

/** The header rows and the name column of the table the engine recognised on a sheet: the grid keeps them in view. */
function tableFrame(table: TableReport | undefined): TableFrame | null {
  if (!table) return null;
  const letter = table.columns.name;
  let nameCol: number | null = null;
  if (letter) {
    try {
      nameCol = parseAddress(`${letter}1`).col;
    } catch {
      nameCol = null;
    }
  }
  return { headerRows: table.headerRows, nameCol };
}

/** The selected cell's address, value and, for a marked cell, the full note (tooltips are not enough). */
/** A page message (an error, a notice) the clerk closes with ✕. */
function DismissibleBar(props: {
  intent: "error" | "info";
  className: string;
  text: string;
  dismissLabel: string;
  onDismiss: () => void;
}): React.JSX.Element {
  return (
    <MessageBar intent={props.intent} className={props.className}>
      <MessageBarBody>{props.text}</MessageBarBody>
      <MessageBarActions>
        <Button
          size="small"
          appearance="transparent"
          aria-label={props.dismissLabel}
          onClick={props.onDismiss}
        >
          ✕
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

function StatusBar({ state }: { state: AppState }): React.JSX.Element {
  const s = useAppStyles();
  const { active, snap, t } = state;
  const sel = active && snap.selection?.sheet === active.name ? snap.selection : null;
  if (!active || !sel) return <div className={s.status}>{t.statusEmpty}</div>;
  const { row, col } = parseAddress(sel.cell);
  const value = displayValue(active.sheet.rows[row]?.[col]);
  const mark = active.marks?.get(sel.cell);
  // The school of the selected row, as the report names it (none on a header or total row).
  const school = state.result?.report.schools.find(
    (x) => x.sheet === active.name && x.row === row + 1
  )?.name;
  return (
    <div className={s.status} role="status" data-testid="status">
      <span className={s.statusAddr}>{sel.cell}</span>
      {school && (
        <span className={s.statusSchool} data-testid="status-school">
          {school}
        </span>
      )}
      <span className={s.statusValue}>{value}</span>
      {mark?.note && <span className={s.statusNote}>{mark.note}</span>}
    </div>
  );
}

function Welcome({
  state,
  actions,
  onOpen,
}: {
  state: AppState;
  actions: AppActions;
  onOpen: () => void;
}): React.JSX.Element {
  const s = useAppStyles();
  const { t } = state;
  return (
    <div className={s.welcome}>
      <h2 className={s.welcomeTitle}>{t.welcomeTitle}</h2>
      <p className={s.welcomeBody}>{t.welcomeBody}</p>
      <div className={s.buttons}>
        <Button appearance="primary" size="large" onClick={onOpen}>
          {t.openFile}
        </Button>
        <Button size="large" onClick={actions.openSample}>
          {t.openSample}
        </Button>
      </div>
      <p className={s.privacy}>{t.privacyPage}</p>
    </div>
  );
}
