/**
 * The roll-up of several county files opened at once (browser page): each file read and checked by the engine and
 * planned (达标测算 total), one row per county (rollupRow), the indicators failing most often (mostFailing), and
 * the roll-up workbook (src/present/rollup) to download. Files are worked one at a time, so the page stays alive.
 */
import * as React from "react";
import { Button, Spinner } from "@fluentui/react-components";
import { formatNumber } from "../../engine/format";
import type { Lang } from "../../engine/reportTypes";
import { mostFailing, rollupError, rollupRow, type RollupRow } from "../../engine/rollup";
import type { WorkbookSpec } from "../../host/xlsx";
import { buildRollupWorkbook } from "../../present/rollup/rollupSheets";
import { usePlanStyles } from "../Plan/usePlanStyles";
import { compareStrings } from "./compareStrings";
import { indicatorShort } from "./CompareView";
import { fileBytes, loadReport, LoadError, planCostOf } from "./loadReport";

interface Props {
  files: readonly File[];
  lang: Lang;
  save?: (spec: WorkbookSpec, fileName: string) => Promise<void>;
  onClose(): void;
}

const STAGES = ["primary", "junior"] as const;

export function RollupView({ files, lang, save, onClose }: Props): React.JSX.Element {
  const w = React.useMemo(() => compareStrings(lang), [lang]);
  const s = usePlanStyles();
  const [rows, setRows] = React.useState<RollupRow[]>([]);
  const [done, setDone] = React.useState(false);

  React.useEffect(() => {
    let live = true;
    setRows([]);
    setDone(false);
    void (async () => {
      const out: RollupRow[] = [];
      for (const f of files) {
        // Let the page paint between files.
        await new Promise((r) => setTimeout(r, 0));
        if (!live) return;
        try {
          const loaded = loadReport({ name: f.name, bytes: await fileBytes(f) }, "quality-2017");
          out.push(rollupRow(f.name, loaded.report, planCostOf(loaded, "quality-2017")));
        } catch (e) {
          out.push(rollupError(f.name, e instanceof LoadError ? w.problem[e.problem] : String(e)));
        }
        if (live) setRows(out.slice());
      }
      if (live) setDone(true);
    })();
    return () => {
      live = false;
    };
  }, [files, lang, w]);

  const failing = React.useMemo(() => (done ? mostFailing(rows) : []), [done, rows]);
  const verdict = (m: boolean | null | undefined): string =>
    m === true ? w.pass : m === false ? w.fail : w.open2;

  return (
    <section
      className={s.section}
      data-testid="rollup-view"
      aria-label={w.rollupTitle(files.length)}
    >
      <div className={s.head}>
        <h2 className={s.h2}>{w.rollupTitle(files.length)}</h2>
        <Button size="small" appearance="subtle" onClick={onClose}>
          {w.rollupClose}
        </Button>
      </div>
      <p className={s.hint}>{w.rollupHint}</p>
      {!done && <Spinner size="tiny" label={`${rows.length}/${files.length}`} />}
      {done && save && (
        <div>
          <Button
            onClick={() => void save(buildRollupWorkbook(rows, failing, lang), w.rollupFileName)}
          >
            {w.rollupDownload}
          </Button>
        </div>
      )}
      <table className={s.table} data-testid="rollup-table">
        <thead>
          <tr>
            <th className={s.cellLeft}>{w.file}</th>
            {STAGES.map((st) => (
              <th key={st} className={s.cell}>
                {w.stage[st]} {w.verdict} · {w.schoolsMeeting}
              </th>
            ))}
            <th className={s.cellLeft}>{w.cvsOver}</th>
            <th className={s.cell}>{w.cost}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.file} data-file={r.file}>
              <td className={s.cellLeft}>{r.file}</td>
              {r.error ? (
                <td className={s.cellLeft} colSpan={4}>
                  {w.error}：{r.error}
                </td>
              ) : (
                <>
                  {STAGES.map((st) => {
                    const x = r.stages[st];
                    return (
                      <td key={st} className={s.cell}>
                        {x ? `${verdict(x.meets)} · ${x.schoolsMeeting}/${x.schools}` : "—"}
                      </td>
                    );
                  })}
                  <td className={s.cellLeft}>
                    {STAGES.flatMap((st) =>
                      Object.entries(r.stages[st]?.cvMeets ?? {})
                        .filter(([, m]) => m === false)
                        .map(
                          ([id]) =>
                            `${w.stage[st]}${indicatorShort(id, lang)} ${formatNumber(r.stages[st]!.cvs[id] ?? 0, 3)}`
                        )
                    ).join("、") || "—"}
                  </td>
                  <td className={s.cell}>
                    {r.planCost === null ? "—" : formatNumber(r.planCost, 0)}
                  </td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {done && failing.length > 0 && (
        <>
          <h2 className={s.h2}>{w.failing}</h2>
          <ol data-testid="rollup-failing">
            {failing.map((f) => (
              <li key={`${f.stage}|${f.indicator}`}>
                {w.stage[f.stage]}
                {indicatorShort(f.indicator, lang)}：{w.schoolsBelow(f.schoolsBelow)}，
                {w.countiesOver(f.countiesOverLimit)}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
