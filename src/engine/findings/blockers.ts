import { FINDINGS } from "./catalog";
import type { FindingCode } from "./params";
import type { Finding } from "../reportTypes";

/**
 * Whether a finding of this code keeps the verdict from passing: its catalogue entry says part of the workbook
 * was not assessed (`blocksVerdict`). The one rule behind `summary.meets` null and `readyToSubmit` false
 * (the engine counts them as they are added: FindingCollector.verdictBlockers).
 */
export function blocksVerdict(code: FindingCode): boolean {
  return (FINDINGS[code] as { blocksVerdict?: true }).blocksVerdict === true;
}

/** How many of `findings` keep the verdict from passing. */
export function countVerdictBlockers(findings: readonly Finding[]): number {
  let n = 0;
  for (const f of findings) if (blocksVerdict(f.code)) n++;
  return n;
}
