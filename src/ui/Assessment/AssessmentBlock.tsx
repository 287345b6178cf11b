/**
 * The 「可以申报吗？」 block of the results screen (standards.md §17.8): the one answer, the items in the way, those
 * not filled in, and (where the host can save files) the 申报表 and the 「县级指标」 template. It renders
 * report.assessment; the workbooks are laid out by src/present and written by the host.
 */
import * as React from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { declarationAnswer } from "../../present/declarationAnswer";
import type { Lang, Report } from "../../engine/reportTypes";
import { formatNumber } from "../../engine/format";
import { itemGapText, itemName } from "../../present/labels";
import {
  buildCountyTemplate,
  countyTemplateSheet,
} from "../../present/countyTemplate/buildCountyTemplate";
import { buildDeclaration } from "../../present/declaration/buildDeclaration";
import type { OpenWorkbookOutcome, SidebarHost } from "../host";
import { assessmentStrings, type AssessmentStrings } from "./assessmentStrings";

const useStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  answer: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  ready: { color: tokens.colorStatusSuccessForeground1 },
  notReady: { color: tokens.colorStatusDangerForeground1 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
  hint: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

const MAX_ITEMS = 12;

/** Sheets of the 申报表 inserted into the open workbook are named 「申报表-表Ⅰ」 …: never a user's 「表Ⅰ」. */
export const DECLARATION_SHEET_PREFIX = "申报表-";

const mb = (bytes: number): string => (bytes / (1024 * 1024)).toFixed(2);

/** What the pane says after 「打开申报表」, and whether to offer inserting the sheets instead. */
function declarationText(
  out: OpenWorkbookOutcome,
  t: AssessmentStrings
): { text: string; offerInsert: boolean } {
  switch (out.how) {
    case "opened":
      return { text: t.declarationOpened, offerInsert: false };
    case "inserted": {
      const made = out.sheets.filter((x) => x.created).map((x) => x.name);
      const kept = out.sheets.filter((x) => !x.created).map((x) => x.name);
      const parts = [
        out.why === "unsupported" ? t.declarationUnsupported : "",
        made.length ? t.declarationInserted(made) : "",
        kept.length ? t.declarationKept(kept) : "",
      ];
      return { text: parts.filter(Boolean).join(t.sentenceSep), offerInsert: false };
    }
    case "too-large":
      return { text: t.declarationTooLarge(mb(out.bytes), mb(out.limit)), offerInsert: true };
    case "failed":
      return { text: t.declarationFailed(out.message), offerInsert: true };
  }
}

export function AssessmentBlock({
  report,
  lang,
  host,
}: {
  report: Report;
  /** The language shown: the report holds ids only (names from src/present/labels.ts). */
  lang: Lang;
  host: SidebarHost;
}): React.JSX.Element | null {
  const a = report.assessment;
  const s = useStyles();
  const [inserted, setInserted] = React.useState<string | null>(null);
  const [declared, setDeclared] = React.useState<{ text: string; offerInsert: boolean } | null>(
    null
  );
  const [declaring, setDeclaring] = React.useState(false);
  if (!a) return null;
  const t = assessmentStrings(lang);
  const answer = declarationAnswer(a, lang);
  const byId = new Map(a.items.map((i) => [i.id, i]));
  const save = host.saveWorkbook;
  const insert = host.insertSheet;
  const insertCounty = async (): Promise<void> => {
    if (!insert) return;
    try {
      const out = await insert.call(host, countyTemplateSheet());
      setInserted(
        !out.created
          ? t.alreadyThere(out.name)
          : out.validation
            ? t.inserted(out.name)
            : t.insertedNoRules(out.name)
      );
    } catch {
      setInserted(t.insertFailed);
    }
  };
  const open = host.openWorkbook;
  const openDeclaration = async (asSheets: boolean): Promise<void> => {
    if (!open) return;
    setDeclaring(true);
    setDeclared({ text: t.declarationBusy, offerInsert: false });
    try {
      const out = await open.call(host, buildDeclaration(report), {
        sheetPrefix: DECLARATION_SHEET_PREFIX,
        asSheets,
      });
      setDeclared(declarationText(out, t));
    } catch (e) {
      setDeclared({
        text: t.declarationError(e instanceof Error ? e.message : String(e)),
        offerInsert: false,
      });
    } finally {
      setDeclaring(false);
    }
  };
  const sep = lang === "zh-CN" ? "、" : ", ";
  return (
    <section className={s.section} data-testid="assessment">
      <h2 className={s.title}>{t.title}</h2>
      <p
        className={`${s.answer} ${answer.ready ? s.ready : s.notReady}`}
        data-testid="assessment-answer"
      >
        {answer.text}
      </p>
      <p className={s.hint}>
        {a.county
          ? t.county(`${a.county.file ? a.county.file + " › " : ""}${a.county.sheet}`)
          : t.noCounty}
        {a.settings.relaxations !== "none" ? ` · ${t.relaxed}` : ""}
      </p>
      {a.blocking.length > 0 && (
        <>
          <p className={s.hint}>{t.blocking}</p>
          <ul className={s.list} data-testid="assessment-blocking">
            {a.blocking.slice(0, MAX_ITEMS).map((id) => {
              const it = byId.get(id);
              // A 九年一贯制 school whose two parts fail is named once; English lines take English brackets.
              const names = [...new Set(it?.schools ?? [])].slice(0, 3).join(sep);
              const schools = !names ? "" : lang === "zh-CN" ? `（${names}）` : ` (${names})`;
              return (
                <li key={id}>
                  {id} {it ? itemName(id, lang) : ""}
                  {it?.gap
                    ? `${lang === "zh-CN" ? "，" : "; "}${itemGapText(it.gap, lang, (n) => formatNumber(n, 0))}`
                    : ""}
                  {schools}
                </li>
              );
            })}
            {a.blocking.length > MAX_ITEMS && <li>{t.more(a.blocking.length - MAX_ITEMS)}</li>}
          </ul>
        </>
      )}
      {a.pending.length > 0 && (
        <p className={s.hint} data-testid="assessment-pending">
          {t.pending}: {a.pending.join(sep)}
        </p>
      )}
      {a.relaxations.wouldPass.length > 0 && (
        <p className={s.hint}>{t.wouldPass(a.relaxations.wouldPass.length)}</p>
      )}
      {(insert || open) && (
        <div className={s.buttons}>
          {open && (
            <Button
              appearance="primary"
              disabled={declaring}
              onClick={() => void openDeclaration(false)}
            >
              {t.openDeclaration}
            </Button>
          )}
          {open && declared?.offerInsert && (
            <Button disabled={declaring} onClick={() => void openDeclaration(true)}>
              {t.insertDeclaration}
            </Button>
          )}
          {insert && <Button onClick={() => void insertCounty()}>{t.insertCounty}</Button>}
        </div>
      )}
      {declared && (
        <p className={s.hint} role="status" data-testid="declaration-outcome">
          {declared.text}
        </p>
      )}
      {inserted && (
        <p className={s.hint} role="status" data-testid="county-inserted">
          {inserted}
        </p>
      )}
      {save && (
        <div className={s.buttons}>
          <Button onClick={() => void save.call(host, buildDeclaration(report), t.declarationFile)}>
            {t.downloadDeclaration}
          </Button>
          <Button onClick={() => void save.call(host, buildCountyTemplate(), t.templateFile)}>
            {t.downloadTemplate}
          </Button>
        </div>
      )}
    </section>
  );
}
