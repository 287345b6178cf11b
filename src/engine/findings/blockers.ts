import { FINDINGS } from "./catalog";
import type { Finding } from "../reportTypes";

/**
 * How many findings keep the verdict from passing: those whose catalogue entry says part of the workbook
 * was not assessed (`blocksVerdict`). The one rule behind `summary.meets` null and `readyToSubmit` false.
 */
export function countVerdictBlockers(findings: readonly Finding[]): number {
  let n = 0;
  for (const f of findings) if ((FINDINGS[f.code] as { blocksVerdict?: true }).blocksVerdict) n++;
  return n;
}
