/**
 * The sidebar's state: which screen is showing, the last check's result, the user's corrections, and the actions
 * the buttons call. All workbook access goes through the SidebarHost; all judging through the engine.
 */
import * as React from "react";
import { buildMarks } from "../../present/buildMarks";
import type { CheckOverrides, SchoolStageChoice, SheetOverrides } from "../../engine/overrides";
import { checkWorkbook, NoSchoolTableError, type CheckResult } from "../../engine/report";
import type { Lang } from "../../engine/reportTypes";
import { buildReportSheet } from "../../present/reportSheet";
import type { WorkbookInput } from "../../engine/workbook";
import { defaultSettings, type CheckSettings } from "../../standards";
import { applyProfile, parseProfile, ProfileError } from "../../standards/profile";
import type { StandardId } from "../../standards/types";
import { CancelledError, type MarkOutcome, type Progress, type SidebarHost } from "../host";
import { RereadError } from "../rereadError";
import { strings, type Strings } from "../i18n";
import { countMarks, mappingIssues, type CellRef } from "../reportView";

export type Screen =
  "start" | "busy" | "noTable" | "error" | "mapping" | "results" | "submit" | "plan" | "compare";
export type RunMode = "check" | "submit";
export type ActionKind = "mark" | "clear" | "report" | "forget";

export interface Notice {
  intent: "success" | "error" | "info";
  text: string;
}

export interface SidebarProps {
  host: SidebarHost;
  /** Language of the pane and of the report; zh-CN by default. */
  lang?: Lang;
  /** Called after every check (the browser page keeps the report for its JSON download). */
  onResult?: (result: CheckResult) => void;
}

/** The standard in force: the CLI's --standard, or a province profile (--profile) over its standard. */
export interface StandardChoice {
  id: StandardId;
  /** The profile's name (or file name) when one is applied, else null. */
  profile: string | null;
  /** The settings the profile produced (null without a profile: the standard's defaults). */
  settings: CheckSettings | null;
}

export interface SidebarState {
  lang: Lang;
  t: Strings;
  hostKind: SidebarHost["kind"];
  screen: Screen;
  /** The run in progress (busy) or the last run's mode. */
  mode: RunMode;
  progress: Progress | null;
  result: CheckResult | null;
  /** The check before `result` (a re-check of the same workbook), for 「已解决 N 项，新增 M 项」. */
  previous: CheckResult | null;
  /**
   * The last run was 重新检查 (the button), not a first check or a switch to 提交前检查: the diff then shows even
   * when nothing changed (「已解决 0 项，新增 0 项」); otherwise only when something did.
   */
  recheck: boolean;
  overrides: CheckOverrides;
  noTableSheets: string[];
  error: string | null;
  /** Feedback of the last action (marked, cleared, report written, cancelled). */
  notice: Notice | null;
  action: ActionKind | null;
  actionProgress: Progress | null;
  /**
   * 「忘记标注记录」 is offered (the host has a record: Excel) after marking or clearing failed or found notes the
   * user changed — the record may be damaged or belong to another copy of the workbook.
   */
  offerForget: boolean;
  standard: StandardChoice;
  /** Bumped when a run ends: the pane then moves focus to the new screen's heading ([data-autofocus]). */
  focusSeq: number;
  /** The values of the last check (the 达标测算 view plans on them). */
  input: WorkbookInput | null;
  /** Live mode (Excel): on or off; null where the host cannot watch edits (the browser page). */
  live: boolean | null;
}

export interface SidebarActions {
  /** `recheck`: the 重新检查 button (the diff since the last check shows even when nothing changed). */
  run(mode: RunMode, recheck?: boolean): void;
  cancel(): void;
  setColumnField(sheet: string, column: string, key: string): void;
  setColumnUnit(sheet: string, column: string, unit: string): void;
  setSheetStage(sheet: string, stage: "primary" | "junior" | null): void;
  /** One school's stage (a sheet mixing stages with no 学段 column); null gives the choice back to the row. */
  setSchoolStage(sheet: string, school: string, stage: SchoolStageChoice | null): void;
  resetSheet(sheet: string): void;
  show(screen: "mapping" | "results" | "submit" | "plan" | "compare"): void;
  markCells(): void;
  clearMarks(): void;
  /** 「忘记标注记录」: drops the host's record of its marks, touching no cell. */
  forgetMarks(): void;
  writeReport(): void;
  select(ref: CellRef): void;
  dismissNotice(): void;
  /** 2017 优质均衡 or 2012 基本均衡 (drops a profile). */
  setStandard(id: StandardId): void;
  /** A province profile file's text (JSON), or null to go back to the standard's defaults. */
  setProfile(file: { name: string; text: string } | null): void;
  /** Live mode on or off (Excel): check again after the user edits the workbook, and re-mark if marks are shown. */
  setLive(on: boolean): void;
}

/** What an action says when it ends (the notice), and whether to offer 「忘记标注记录」. */
interface Done {
  text: string;
  intent?: Notice["intent"];
  offerForget?: boolean;
}

/**
 * A mark or clear pass as the host reports it (MarkOutcome): what was done, then what was not — protected sheets
 * left alone, cells with a comment given a fill only, notes the user changed left as they are.
 */
export function outcomeText(done: string, outcome: MarkOutcome | void, lang: Lang): Done {
  if (!outcome) return { text: done };
  const t = strings(lang);
  const sep = lang === "zh-CN" ? "、" : ", ";
  const parts = [done];
  if (outcome.protectedSheets.length)
    parts.push(t.markProtected(outcome.protectedSheets.join(sep)));
  if (outcome.commentCells.length) parts.push(t.markComments(outcome.commentCells.length));
  if (outcome.changedNotes > 0) parts.push(t.notesChanged(outcome.changedNotes));
  const partial = parts.length > 1;
  return {
    text: parts.join(lang === "zh-CN" ? "" : " "),
    intent: partial ? "info" : "success",
    offerForget: outcome.changedNotes > 0,
  };
}

/** Lets the browser paint the progress bar before the synchronous engine call. */
function yieldToPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame === "function")
      requestAnimationFrame(() => setTimeout(resolve, 0));
    else setTimeout(resolve, 0);
  });
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function withoutEmpty(o: CheckOverrides): CheckOverrides {
  const out: CheckOverrides = {};
  for (const [sheet, so] of Object.entries(o)) {
    const clean: SheetOverrides = {};
    if (so.columns && Object.keys(so.columns).length) clean.columns = so.columns;
    if (so.units && Object.keys(so.units).length) clean.units = so.units;
    if (so.stage !== undefined) clean.stage = so.stage;
    if (so.schoolStages && Object.keys(so.schoolStages).length)
      clean.schoolStages = so.schoolStages;
    if (Object.keys(clean).length) out[sheet] = clean;
  }
  return out;
}

/** The standard a new pane starts with (the browser page's worker checks with it right after a read). */
export const FIRST_STANDARD: StandardId = "quality-2017";

const INITIAL = {
  screen: "start" as Screen,
  mode: "check" as RunMode,
  progress: null,
  result: null,
  previous: null,
  recheck: false,
  overrides: {},
  noTableSheets: [],
  error: null,
  notice: null,
  action: null,
  actionProgress: null,
  offerForget: false,
  focusSeq: 0,
  standard: { id: FIRST_STANDARD, profile: null, settings: null } as StandardChoice,
};

type Model = Omit<SidebarState, "lang" | "t" | "hostKind" | "input" | "live">;

export function useSidebar(props: SidebarProps): [SidebarState, SidebarActions] {
  const { host, onResult } = props;
  const lang: Lang = props.lang ?? "zh-CN";
  const t = strings(lang);
  const [model, setModel] = React.useState<Model>(INITIAL);
  const workbook = React.useRef<WorkbookInput | null>(null);
  // Live mode: on/off, whether junheng's marks are on the sheet (they follow a live re-check), and whether the
  // run in progress was started by an edit.
  const [live, setLive] = React.useState(false);
  const marksShown = React.useRef(false);
  const liveRun = React.useRef(false);
  const token = React.useRef<{ cancelled: boolean } | null>(null);
  // The latest values for callbacks that outlive a render (async runs).
  const latest = React.useRef({ lang, model, onResult });
  latest.current = { lang, model, onResult };

  /**
   * The engine on the values read: in the host's worker when it has one (a promise), else here and now. A
   * result that arrives after a newer evaluation started is dropped by the callers (`evalSeq`).
   */
  const evaluate = React.useCallback(
    (
      wb: WorkbookInput,
      overrides: CheckOverrides,
      onProgress: (p: Progress) => void = () => undefined,
      cancel: { cancelled: boolean } = { cancelled: false }
    ): CheckResult | Promise<CheckResult> => {
      const std = latest.current.model.standard;
      const settings = std.settings ?? defaultSettings(std.id);
      const options = { overrides, settings };
      const done = (result: CheckResult): CheckResult => {
        latest.current.onResult?.(result);
        return result;
      };
      if (host.check) return host.check(wb, options, onProgress, cancel).then(done);
      return done(checkWorkbook(wb, options));
    },
    [host]
  );
  const evalSeq = React.useRef(0);
  /** Applies an evaluation's result: at once when it is one, when it arrives when it is a promise. */
  const settle = React.useCallback(
    (r: CheckResult | Promise<CheckResult>, apply: (result: CheckResult) => void): void => {
      const seq = ++evalSeq.current;
      if (!(r instanceof Promise)) {
        apply(r);
        return;
      }
      r.then(
        (result) => {
          if (seq === evalSeq.current) apply(result);
        },
        (e: unknown) => {
          if (seq !== evalSeq.current || e instanceof CancelledError) return;
          setModel((m) => ({
            ...m,
            notice: {
              intent: "error",
              text: strings(latest.current.lang).actionFailed(messageOf(e)),
            },
          }));
        }
      );
    },
    []
  );

  const run = React.useCallback(
    (mode: RunMode, recheck = false): void => {
      const mine = { cancelled: false };
      token.current = mine;
      setModel((m) => ({
        ...m,
        screen: "busy",
        mode,
        progress: { phase: "read", done: 0, total: 0 },
        notice: null,
        error: null,
      }));
      const onProgress = (p: Progress): void => {
        if (!mine.cancelled) setModel((m) => ({ ...m, progress: p }));
      };
      void (async () => {
        try {
          const wb = await host.readWorkbook(onProgress, mine);
          if (mine.cancelled) throw new CancelledError();
          const overrides = (await host.loadOverrides()) ?? {};
          onProgress({ phase: "check", done: 0, total: 1 });
          await yieldToPaint();
          if (mine.cancelled) throw new CancelledError();
          evalSeq.current++; // a correction still being checked must not overwrite this run
          const result = await evaluate(wb, overrides, onProgress, mine);
          if (mine.cancelled) throw new CancelledError();
          workbook.current = wb;
          const screen: Screen =
            mode === "submit"
              ? "submit"
              : mappingIssues(result.allFindings).length > 0
                ? "mapping"
                : "results";
          // A transition: React renders the new screen in slices, so a county of 10,000 schools does not hold
          // the page's main thread in one long task (the first render of the results builds many rows).
          React.startTransition(() =>
            setModel((m) => ({
              ...m,
              screen,
              result,
              previous: m.result,
              recheck: recheck && m.result !== null,
              overrides,
              progress: null,
              focusSeq: m.focusSeq + 1,
            }))
          );
        } catch (e) {
          if (token.current !== mine) return; // a newer run took over
          if (mine.cancelled || e instanceof CancelledError) return; // cancel() already showed the start screen
          if (e instanceof NoSchoolTableError) {
            setModel((m) => ({
              ...m,
              screen: "noTable",
              noTableSheets: e.sheets,
              progress: null,
              focusSeq: m.focusSeq + 1,
            }));
            return;
          }
          const t2 = strings(latest.current.lang);
          setModel((m) => ({
            ...m,
            screen: "error",
            error: e instanceof RereadError ? t2.rereadNeeded(e.fileName) : messageOf(e),
            progress: null,
            focusSeq: m.focusSeq + 1,
          }));
        }
      })();
    },
    [host, evaluate]
  );

  const cancel = React.useCallback((): void => {
    if (token.current) token.current.cancelled = true;
    const t2 = strings(latest.current.lang);
    React.startTransition(() =>
      setModel((m) => ({
        ...m,
        screen: m.result ? (m.mode === "submit" ? "submit" : "results") : "start",
        progress: null,
        notice: { intent: "info", text: t2.cancelled },
      }))
    );
  }, []);

  /** Saves a correction with the workbook and checks the cached values again (no re-read). */
  const correct = React.useCallback(
    (sheet: string, patch: (o: SheetOverrides) => SheetOverrides | null): void => {
      const wb = workbook.current;
      if (!wb) return;
      const current = latest.current.model.overrides;
      const next = { ...current };
      const patched = patch({ ...(current[sheet] ?? {}) });
      if (patched) next[sheet] = patched;
      else delete next[sheet];
      const clean = withoutEmpty(next);
      latest.current.model = { ...latest.current.model, overrides: clean };
      setModel((m) => ({ ...m, overrides: clean, notice: null }));
      settle(evaluate(wb, clean), (result) => setModel((m) => ({ ...m, result })));
      host.saveOverrides(clean).then(
        () =>
          setModel((m) => ({
            ...m,
            notice: { intent: "success", text: strings(latest.current.lang).mappingSaved },
          })),
        (e: unknown) =>
          setModel((m) => ({
            ...m,
            notice: {
              intent: "error",
              text: strings(latest.current.lang).actionFailed(messageOf(e)),
            },
          }))
      );
    },
    [host, evaluate, settle]
  );

  const setColumnField = React.useCallback(
    (sheet: string, column: string, key: string): void =>
      correct(sheet, (o) => {
        const columns = { ...(o.columns ?? {}), [column]: key };
        // A field lives in one column: the column that had it before gives it up.
        const table = latest.current.model.result?.report.tables.find((x) => x.sheet === sheet);
        const holder = key ? table?.columns[key] : undefined;
        if (holder && holder !== column) columns[holder] = "";
        return { ...o, columns };
      }),
    [correct]
  );

  const setColumnUnit = React.useCallback(
    (sheet: string, column: string, unit: string): void =>
      correct(sheet, (o) => ({ ...o, units: { ...(o.units ?? {}), [column]: unit } })),
    [correct]
  );

  const setSheetStage = React.useCallback(
    (sheet: string, stage: "primary" | "junior" | null): void =>
      correct(sheet, (o) => ({ ...o, stage })),
    [correct]
  );

  const setSchoolStage = React.useCallback(
    (sheet: string, school: string, stage: SchoolStageChoice | null): void =>
      correct(sheet, (o) => {
        const schoolStages = { ...(o.schoolStages ?? {}) };
        if (stage) schoolStages[school] = stage;
        else delete schoolStages[school];
        return { ...o, schoolStages };
      }),
    [correct]
  );

  const resetSheet = React.useCallback(
    (sheet: string): void => correct(sheet, () => null),
    [correct]
  );

  const show = React.useCallback(
    (screen: "mapping" | "results" | "submit" | "plan" | "compare"): void =>
      setModel((m) => ({ ...m, screen, notice: null, focusSeq: m.focusSeq + 1 })),
    []
  );

  const act = React.useCallback(
    (kind: ActionKind, work: (result: CheckResult, lang: Lang) => Promise<string | Done>): void => {
      const result = latest.current.model.result;
      if (!result) return;
      const l = latest.current.lang;
      const canForget = typeof host.forgetMarks === "function";
      setModel((m) => ({ ...m, action: kind, actionProgress: null, notice: null }));
      work(result, l).then(
        (done) => {
          const d: Done = typeof done === "string" ? { text: done } : done;
          setModel((m) => ({
            ...m,
            action: null,
            actionProgress: null,
            offerForget: canForget && kind !== "forget" && (d.offerForget ?? m.offerForget),
            notice: { intent: d.intent ?? "success", text: d.text },
          }));
        },
        (e: unknown) =>
          setModel((m) => ({
            ...m,
            action: null,
            actionProgress: null,
            offerForget: canForget && (kind === "mark" || kind === "clear" || m.offerForget),
            notice: { intent: "error", text: strings(l).actionFailed(messageOf(e)) },
          }))
      );
    },
    [host]
  );

  const markCells = React.useCallback(
    (): void =>
      act("mark", async (result, l) => {
        const marks = buildMarks(result.allFindings, l);
        marksShown.current = true;
        const outcome = await host.applyMarks(marks, (p) =>
          setModel((m) => ({ ...m, actionProgress: p }))
        );
        const skipped = new Set(outcome?.protectedSheets ?? []);
        const c = countMarks(marks.filter((m) => !skipped.has(m.sheet)));
        return outcomeText(strings(l).marked(c.total, c.standard, c.data), outcome, l);
      }),
    [act, host]
  );

  const clearMarks = React.useCallback(
    (): void =>
      act("clear", async (_result, l) => {
        marksShown.current = false;
        return outcomeText(strings(l).cleared, await host.clearMarks(), l);
      }),
    [act, host]
  );

  const forgetMarks = React.useCallback(
    (): void =>
      act("forget", async (_result, l) => {
        await host.forgetMarks?.();
        return strings(l).forgotMarks;
      }),
    [act, host]
  );

  const writeReport = React.useCallback(
    (): void =>
      act("report", async (result, l) => {
        const name = await host.writeReportSheet(buildReportSheet(result.report, l));
        return strings(l).reportWritten(name);
      }),
    [act, host]
  );

  const select = React.useCallback(
    (ref: CellRef): void => {
      host.selectCell(ref.sheet, ref.cell).catch((e: unknown) =>
        setModel((m) => ({
          ...m,
          notice: {
            intent: "error",
            text: strings(latest.current.lang).actionFailed(messageOf(e)),
          },
        }))
      );
    },
    [host]
  );

  /** A new standard in force: re-check the values already read (none yet: the next check uses it). */
  const recheckWith = React.useCallback(
    (standard: StandardChoice, notice: Notice | null): void => {
      latest.current.model = { ...latest.current.model, standard };
      const wb = workbook.current;
      const m = latest.current.model;
      setModel((x) => ({ ...x, standard, previous: null, notice }));
      if (wb && m.result)
        settle(evaluate(wb, m.overrides), (result) => setModel((x) => ({ ...x, result })));
    },
    [evaluate, settle]
  );

  const setStandard = React.useCallback(
    (id: StandardId): void => recheckWith({ id, profile: null, settings: null }, null),
    [recheckWith]
  );

  const setProfile = React.useCallback(
    (file: { name: string; text: string } | null): void => {
      const l = latest.current.lang;
      const current = latest.current.model.standard;
      if (!file) {
        recheckWith({ id: current.id, profile: null, settings: null }, null);
        return;
      }
      try {
        const settings = applyProfile(parseProfile(file.text), current.id);
        const name =
          settings.profile && settings.profile !== "profile" ? settings.profile : file.name;
        recheckWith(
          { id: settings.standard.id, profile: name, settings },
          { intent: "success", text: strings(l).profileLoaded(name) }
        );
      } catch (e) {
        const why = e instanceof ProfileError ? e.detail[l] : messageOf(e);
        setModel((m) => ({
          ...m,
          notice: { intent: "error", text: strings(l).profileError(file.name, why) },
        }));
      }
    },
    [recheckWith]
  );

  const dismissNotice = React.useCallback(
    (): void => setModel((m) => ({ ...m, notice: null })),
    []
  );

  // A language switch only re-renders: the report holds ids and codes, named in `lang` by src/present, so the
  // check is not run again (docs/decisions.md, "A language-neutral report").

  // Live mode: watch edits while it is on; an edit starts the ordinary check (not while a run or an action is
  // in progress), and when junheng's marks are on the sheet they are applied again to the new findings.
  React.useEffect(() => {
    if (!live || !host.watchEdits) return;
    let stop: (() => Promise<void>) | null = null;
    let gone = false;
    host
      .watchEdits(() => {
        const m = latest.current.model;
        if (m.screen === "busy" || m.action !== null || !m.result) return;
        liveRun.current = true;
        run(m.mode === "submit" ? "submit" : "check");
      })
      .then(
        (s) => (gone ? void s() : (stop = s)),
        (e: unknown) =>
          setModel((m) => ({
            ...m,
            notice: {
              intent: "error",
              text: strings(latest.current.lang).actionFailed(messageOf(e)),
            },
          }))
      );
    return () => {
      gone = true;
      if (stop) void stop();
    };
  }, [live, host, run]);

  React.useEffect(() => {
    if (!liveRun.current || model.screen === "busy") return;
    liveRun.current = false;
    if (model.result && marksShown.current) markCells();
  }, [model.result, model.screen, markCells]);

  const state: SidebarState = {
    ...model,
    lang,
    t,
    hostKind: host.kind,
    input: model.result ? workbook.current : null,
    live: host.watchEdits ? live : null,
  };
  const actions: SidebarActions = {
    run,
    cancel,
    setColumnField,
    setColumnUnit,
    setSheetStage,
    setSchoolStage,
    resetSheet,
    show,
    markCells,
    clearMarks,
    forgetMarks,
    writeReport,
    select,
    dismissNotice,
    setStandard,
    setProfile,
    setLive,
  };
  return [state, actions];
}
