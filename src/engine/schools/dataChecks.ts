import { FindingCollector } from "../findings/collector";
import { formatQuantity } from "../format";
import { isGrandTotal } from "../table/classifyRow";
import { ColumnMatch } from "../table/matchColumn";
import { normalizeHeader } from "../table/headerText";
import { SchoolPart } from "./buildParts";
import { TableRow } from "./tableRows";
import { cellAddress } from "../workbook";

/** Columns whose 合计 is not the sum of its rows. */
const NOT_ADDITIVE =
  /^(counted|max_class_size|avg_class_size|founded|built_by_2010|built_by_2016|rural_small|ratio\.)/;

/** The sum of a column over rows in the total's unit; null when a row holds something other than a number. */
function sumOf(rows: readonly TableRow[], key: string, factor: number): number | null {
  let sum = 0;
  for (const r of rows) {
    const c = r.cells.value(key);
    if (c && c.kind === "number") sum += (c.value * (c.unit?.factor ?? 1)) / factor;
    else if (!c || c.kind !== "empty") return null;
  }
  return sum;
}

/**
 * total-mismatch: a 合计 / 小计 row against the sum of the school rows it covers. `above` holds the school
 * rows of the tables above on the same sheet: a grand total (总计) under the last of stacked tables may
 * cover them all, so it is a mismatch only when it matches neither its own table nor the whole sheet.
 */
export function checkTotals(
  rows: TableRow[],
  columns: Map<string, ColumnMatch>,
  findings: FindingCollector,
  above: readonly TableRow[] = []
): void {
  let blockStart = 0;
  rows.forEach((row, i) => {
    if (row.kind !== "summary") return;
    const grand = isGrandTotal(row.label);
    // A total above the schools (some templates put 合计 first) covers every school row below it.
    const covered =
      i === 0
        ? rows.filter((r) => r.kind === "school")
        : rows.slice(grand ? 0 : blockStart, i).filter((r) => r.kind === "school");
    blockStart = i + 1;
    if (covered.length === 0) return;
    const wider = grand && i > 0 && above.length ? [...above, ...covered] : undefined;
    for (const [key, m] of columns) {
      if (NOT_ADDITIVE.test(key)) continue;
      const t = row.cells.get(key);
      if (!t || t.value.kind !== "number") continue;
      const factor = t.value.unit?.factor ?? 1;
      const sum = sumOf(covered, key, factor);
      if (sum === null) continue;
      const total = t.value.value;
      const differs = (s: number): boolean =>
        Math.abs(total - s) > Math.max(0.011, 1e-6 * Math.abs(s));
      const sheetSum = wider ? sumOf(wider, key, factor) : null;
      if (differs(sum) && (sheetSum === null || differs(sheetSum))) {
        findings.add(
          "total-mismatch",
          { sheet: row.sheet, cell: t.cell },
          {
            label: row.label,
            field: m.path.join(" › "),
            total: formatQuantity(total),
            sum: formatQuantity(sum),
          }
        );
      }
    }
  });
}

/** duplicate-school: the same name (spaces and width folded) twice in the same stage; one part at a time. */
export class DuplicateCheck {
  // Per stage, the first school of each name: where it is, not the school (which can then be let go). The
  // parts of one combined school differ in stage, so a name seen before in the same stage is another school.
  // The place is one small integer (sheet number × 2^21 + row; a sheet has at most 2^20 rows): a county of
  // 100,000 schools would otherwise keep 100,000 objects and key strings alive for the whole check.
  private readonly seen = new Map<string, Map<string, number>>();
  private readonly sheets: string[] = [];
  constructor(private readonly findings: FindingCollector) {}

  visit(p: SchoolPart): void {
    let byName = this.seen.get(p.stage);
    if (!byName) this.seen.set(p.stage, (byName = new Map()));
    const key = normalizeHeader(p.record.name);
    const prev = byName.get(key);
    const row = p.record.rows[0];
    if (prev !== undefined) {
      const prevSheet = this.sheets[Math.floor(prev / SHEET_STRIDE)];
      const prevRow = prev % SHEET_STRIDE;
      this.findings.add(
        "duplicate-school",
        {
          sheet: p.record.sheet,
          cell: cellAddress(row.row, row.nameCol),
          school: p.record.name,
          stage: p.stage,
        },
        { school: p.record.name, other: `${prevSheet}!${prevRow + 1}` }
      );
    } else {
      let sheet = this.sheets.lastIndexOf(p.record.sheet);
      if (sheet < 0) sheet = this.sheets.push(p.record.sheet) - 1;
      byName.set(key, sheet * SHEET_STRIDE + row.row);
    }
  }
}

const SHEET_STRIDE = 2 ** 21;

/** Teacher counts that cannot exceed the school's 专任教师. */
const TEACHER_SUBSETS = [
  ["qualified_teachers", "高于规定学历教师", "qualified teachers"],
  ["key_teachers", "骨干教师", "key teachers"],
  ["pe_arts_teachers", "体育、艺术专任教师", "PE/arts teachers"],
] as const;

/** impossible-value: more qualified, key or PE/arts teachers than teachers; no students but resources. */
export function checkImpossible(part: SchoolPart, findings: FindingCollector): void {
  const name = part.record.name;
  const teachers = part.numerators.teachers ?? part.facts.teachers;
  const sheet = part.record.sheet;
  if (teachers && teachers.value !== null && !part.split) {
    for (const [kind, zh, en] of TEACHER_SUBSETS) {
      const q = part.numerators[kind];
      if (q && q.value !== null && q.value > teachers.value + 1e-9) {
        findings.add(
          "impossible-value",
          { sheet, cell: q.cell, school: name, stage: part.stage },
          {
            detail: {
              "zh-CN": `「${name}」${zh} ${formatQuantity(q.value)} 人多于专任教师 ${formatQuantity(teachers.value)} 人`,
              en: `"${name}": ${formatQuantity(q.value)} ${en} > ${formatQuantity(teachers.value)} teachers`,
            },
          }
        );
      }
    }
  }
  if (part.students.value === 0) {
    const hasResources = Object.values(part.numerators).some(
      (q) => q.value !== null && q.value > 0
    );
    if (hasResources) {
      findings.add(
        "impossible-value",
        { sheet, cell: part.students.cell, school: name, stage: part.stage },
        {
          detail: {
            "zh-CN": `「${name}」在校生数为 0，但填有教师或校舍数据`,
            en: `"${name}" has 0 students but teachers or facilities`,
          },
        }
      );
    }
  }
}
