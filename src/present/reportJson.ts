/**
 * The report as the CLI's --json and the browser page's download write it: the engine's language-neutral report,
 * each finding with its messages rendered at output time (`message` in the report's language, `messages` in
 * both), so a reader of the file needs no renderer. The engine's report itself holds no prose
 * (docs/decisions.md, "Findings are data").
 */
import type { Finding, Lang, Report } from "../engine/reportTypes";
import { renderMessages } from "./findingText";

/** A finding as written to JSON: its data and its rendered messages. */
export type FindingWithMessages = Finding & {
  /** Rendered in the report's language (report.lang). */
  message: string;
  messages: Record<Lang, string>;
};

/** The JSON report: the engine's report with every kept finding's messages (docs/report.schema.json). */
export type JsonReport = Omit<Report, "findings"> & { findings: FindingWithMessages[] };

export function withMessages(report: Report): JsonReport {
  return {
    ...report,
    findings: report.findings.map((f) => {
      const messages = renderMessages(f);
      return { ...f, message: messages[report.lang], messages };
    }),
  };
}
