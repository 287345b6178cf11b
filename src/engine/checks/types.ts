/**
 * What every check in this folder is: a module that declares the finding codes it raises and runs over a table,
 * a school part or a cell. A check receives its findings through a `CheckSink` typed with its own codes, so it
 * cannot raise a code it does not declare (the compiler says so); test/engine/checks.test.ts runs each check's
 * fixtures and asserts the same at run time.
 */
import type { FindingWhere } from "../findings/collector";
import type { FindingCode, FindingParamsByCode } from "../findings/params";
import type { Finding } from "../reportTypes";

/** A finding collector that accepts only the codes `C` (a FindingCollector is one for every code). */
export interface CheckSink<C extends FindingCode> {
  add<K extends C>(code: K, where: FindingWhere, params: FindingParamsByCode[K]): Finding;
}

/** One check: a name a newcomer can find, the codes it raises, the file it lives in (relative to src/engine). */
export interface CheckDeclaration<C extends FindingCode = FindingCode> {
  id: string;
  codes: readonly C[];
  file: string;
  /** The rule in standards.md / docs/decisions.md the check implements. */
  rule: string;
}
