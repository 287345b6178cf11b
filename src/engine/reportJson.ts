/**
 * The report as JSON text (docs/report-format.md), for the CLI's --json and the browser page's download.
 */

/** Above this many schools the JSON is compact: a 10,000-school report shrinks by 40 % and is written twice as fast. */
export const COMPACT_JSON_ABOVE = 2000;

/**
 * The report as JSON, in chunks whose concatenation is exactly `JSON.stringify(report, null, indent) + "\n"`
 * (indented by 2 up to COMPACT_JSON_ABOVE schools, compact above). A large report's schools are serialised a block
 * at a time, so a 100,000-school report is never held as one 240 MB string: write or stream the chunks in order.
 */
export function* reportJsonChunks(
  report: { schools: readonly unknown[] },
  schoolsPerChunk = 1000
): Generator<string> {
  if (report.schools.length <= COMPACT_JSON_ABOVE) {
    yield JSON.stringify(report, null, 2) + "\n";
    return;
  }
  // The report with a marker in place of its schools (spreading keeps the key order). The marker holds NUL
  // characters, which no workbook text can (XML forbids them), so `"schools":"\u0000…"` occurs only there.
  const value = "\u0000junheng-schools\u0000";
  const marker = `"schools":${JSON.stringify(value)}`;
  const shell = JSON.stringify({ ...report, schools: value });
  const at = shell.indexOf(marker) + '"schools":'.length;
  yield shell.slice(0, at) + "[";
  for (let i = 0; i < report.schools.length; i += schoolsPerChunk) {
    const block = JSON.stringify(report.schools.slice(i, i + schoolsPerChunk));
    yield (i > 0 ? "," : "") + block.slice(1, -1);
  }
  yield "]" + shell.slice(at + JSON.stringify(value).length) + "\n";
}
