/**
 * The report as the CLI's --json and the browser page's download write it: the engine's language-neutral report
 * with, at output time, the language asked for (`lang`), the names and units of the standard, its indicators and
 * assessment items in that language, and each finding's messages (`message` in `lang`, `messages` in both), so a
 * reader of the file needs no renderer. The engine's report itself holds no label and no prose (docs/decisions.md,
 * "A language-neutral report"); these fields keep the file as it was before the engine dropped them.
 */
import type { AssessmentItem } from "../engine/assessment/types";
import type { Finding, Lang, Report } from "../engine/reportTypes";
import { renderMessages } from "./findingText";
import {
  indicatorGapUnit,
  indicatorName,
  indicatorShort,
  indicatorUnit,
  itemName,
  standardName,
} from "./labels";

/** A finding as written to JSON: its data and its rendered messages. */
export type FindingWithMessages = Finding & {
  /** Rendered in the report's language (report.lang). */
  message: string;
  messages: Record<Lang, string>;
};

/** An indicator as written to JSON: the engine's entry with its names and units in `lang`. */
export type LabelledIndicator = Report["indicators"][number] & {
  name: string;
  short: string;
  /** Unit of the value ("㎡", "元"; "" for a count per 100 students). */
  unit: string;
  /** Unit of a school's `gap` (teachers, ㎡, 元, rooms). */
  gapUnit: string;
};

/** An assessment item as written to JSON: with its name in `lang`. */
export type LabelledItem = AssessmentItem & { name: string };

/** The report with its labels in one language, findings still bare (what `scripts/bench/report-hash.js` hashes). */
export type LabelledReport = Omit<Report, "standard" | "indicators" | "assessment"> & {
  /** The language of the labels and of `message` (the CLI's --lang). */
  lang: Lang;
  standard: Report["standard"] & { name: string };
  indicators: LabelledIndicator[];
  assessment?: Omit<NonNullable<Report["assessment"]>, "items"> & { items: LabelledItem[] };
};

/** The JSON report: labels in `lang` and every kept finding's messages (docs/report.schema.json). */
export type JsonReport = Omit<LabelledReport, "findings"> & { findings: FindingWithMessages[] };

/**
 * The report with the names of its ids in `lang`. The keys come in the order the engine wrote them before it
 * dropped the labels, so the JSON text is unchanged.
 */
export function withLabels(report: Report, lang: Lang): LabelledReport {
  const { tool, standard, policy, limits, indicators, assessment, ...rest } = report;
  const { id, ...std } = standard;
  const out: LabelledReport = {
    tool,
    lang,
    standard: { id, name: standardName(id, lang), ...std },
    policy,
    limits,
    indicators: indicators.map(({ id, code, decimals, ...more }) => ({
      id,
      code,
      name: indicatorName(id, lang),
      short: indicatorShort(id, lang),
      unit: indicatorUnit(id, lang),
      decimals,
      gapUnit: indicatorGapUnit(id, lang),
      ...more,
    })),
    ...rest,
  };
  if (assessment)
    out.assessment = {
      ...assessment,
      items: assessment.items.map(({ id, part, ...item }) => ({
        id,
        part,
        name: itemName(id, lang),
        ...item,
      })),
    };
  return out;
}

/** The JSON report: `withLabels` and every kept finding's messages. */
export function withMessages(report: Report, lang: Lang): JsonReport {
  const labelled = withLabels(report, lang);
  return {
    ...labelled,
    findings: report.findings.map((f) => {
      const messages = renderMessages(f);
      return { ...f, message: messages[lang], messages };
    }),
  };
}
