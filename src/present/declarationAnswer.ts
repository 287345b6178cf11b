/**
 * The one answer to 「可以申报吗？」 (issue 12, standards.md §17.8), rendered from report.assessment alone so the CLI,
 * the report sheet and the sidebar say the same words. Presentation: the engine's report holds the verdict and the
 * item ids, never this text (docs/decisions.md, "A language-neutral report").
 */
import type { Lang } from "../engine/reportTypes";
import type { Assessment } from "../engine/assessment/types";

export interface DeclarationAnswer {
  ready: boolean;
  /** Items with meets false / null. */
  blocking: number;
  pending: number;
  text: string;
}

export function declarationAnswer(
  a: Pick<Assessment, "verdict" | "blocking" | "pending">,
  lang: Lang
): DeclarationAnswer {
  const ready = a.verdict === true;
  const n = a.blocking.length;
  const m = a.pending.length;
  let text: string;
  if (lang === "zh-CN") {
    if (ready) text = "可以申报";
    else if (n > 0) text = `暂不具备申报条件：${n} 项${m > 0 ? `，未填 ${m} 项` : ""}`;
    else text = `暂不具备申报条件：未填 ${m} 项`;
  } else if (ready) text = "Ready to apply";
  else if (n > 0)
    text = `Not yet eligible to apply: ${n} item${n === 1 ? "" : "s"}${m > 0 ? `, ${m} not filled in` : ""}`;
  else text = `Not yet eligible to apply: ${m} item${m === 1 ? "" : "s"} not filled in`;
  return { ready, blocking: n, pending: m, text };
}
