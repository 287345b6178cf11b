import { checkWorkbook } from "../../src/engine/report";
import { COMPACT_JSON_ABOVE, reportJsonChunks } from "../../src/engine/reportJson";
import { RawCell } from "../../src/engine/workbook";
import { SECTION16_HEADER, SECTION16_ROWS, sheet, workbook } from "./helpers";

/** §16's four schools repeated under new names until the table has `n` schools (names must differ). */
function county(n: number): RawCell[][] {
  const rows: RawCell[][] = [SECTION16_HEADER];
  for (let i = 0; i < n; i++) {
    const [, ...figures] = SECTION16_ROWS[i % SECTION16_ROWS.length];
    rows.push([`第${i + 1}小学`, ...figures]);
  }
  return rows;
}

describe("reportJsonChunks", () => {
  test("a county's report: one indented text, exactly JSON.stringify(report, null, 2)", () => {
    const { report } = checkWorkbook(workbook(sheet("小学", county(4))));
    const chunks = [...reportJsonChunks(report)];
    expect(chunks).toEqual([JSON.stringify(report, null, 2) + "\n"]);
  });

  test("above the limit: compact, written a block of schools at a time, the same text as one stringify", () => {
    const n = COMPACT_JSON_ABOVE + 5;
    const { report } = checkWorkbook(workbook(sheet("小学", county(n))));
    expect(report.schools).toHaveLength(n);
    const chunks = [...reportJsonChunks(report, 7)];
    // The part before the schools, ⌈2005 / 7⌉ = 287 blocks of schools, the part after them.
    expect(chunks).toHaveLength(1 + Math.ceil(n / 7) + 1);
    expect(chunks.join("")).toBe(JSON.stringify(report) + "\n");
    expect(JSON.parse(chunks.join("")).schools[n - 1].name).toBe(`第${n}小学`);
  });
});
