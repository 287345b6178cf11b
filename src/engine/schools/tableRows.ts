import { CellValue, normalizeCell } from "../cells/normalize";
import { classifyRow, RowKind } from "../table/classifyRow";
import { DetectedTable } from "../table/detectTable";
import { ColumnMatch } from "../table/matchColumn";
import { SheetInput, cellAddress } from "../workbook";
import { normalizeHeader, stageWordIn } from "../table/headerText";

export interface CellRef {
  col: number;
  cell: string;
  value: CellValue;
}

/** One data row of a detected table, cells keyed by column key ("students@primary", "pe_arts_teachers.music"). */
export interface TableRow {
  sheet: string;
  /** 0-based sheet row. */
  row: number;
  /** 0-based column of the 学校名称 cell. */
  nameCol: number;
  kind: RowKind;
  label: string;
  cells: Map<string, CellRef>;
  texts: Map<string, string>;
  /** Stage named by the nearest block heading above ("一、小学", "初中"), if any. */
  sectionStage?: "primary" | "junior";
}

const TEXT_FIELDS = new Set(["name", "code", "county", "type", "ownership"]);

/** One column per key: when two columns claim the same key, the better header match wins. */
export function columnsByKey(table: DetectedTable): Map<string, ColumnMatch> {
  const out = new Map<string, ColumnMatch>();
  for (const m of table.columns) {
    if (m.col === table.nameCol && !(m.role.kind === "field" && m.role.field === "name")) continue;
    const cur = out.get(m.key);
    if (!cur || m.score > cur.score) out.set(m.key, m);
  }
  return out;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  return String(v).trim();
}

/** Reads and classifies every row below the header (standards.md §8.1). Stops at a 填表说明 block. */
export function readTableRows(
  sheet: SheetInput,
  table: DetectedTable,
  columns: Map<string, ColumnMatch>
): TableRow[] {
  const out: TableRow[] = [];
  const cols = [...columns.values()];
  // A 学校名称 merged down over several rows (a 一贯制 school on a 小学 row and an 初中 row) names each of them.
  const mergedName = new Map<number, string>();
  for (const m of sheet.merges ?? []) {
    if (m.left > table.nameCol || m.right < table.nameCol || m.bottom < table.dataStart) continue;
    const name = cellText(sheet.rows[m.top]?.[m.left]);
    for (let r = Math.max(m.top + 1, table.dataStart); r <= m.bottom; r++) mergedName.set(r, name);
  }
  let sectionStage: TableRow["sectionStage"];
  for (let r = table.dataStart; r < sheet.rows.length; r++) {
    const raw = sheet.rows[r] ?? [];
    const name = cellText(raw[table.nameCol]) || mergedName.get(r) || "";
    const cells = new Map<string, CellRef>();
    const texts = new Map<string, string>();
    let anyNumber = false;
    for (const m of cols) {
      const v = raw[m.col];
      if (m.role.kind === "field" && TEXT_FIELDS.has(m.role.field)) {
        texts.set(m.key, cellText(v));
        continue;
      }
      const value = normalizeCell(v);
      if (value.kind === "number") anyNumber = true;
      cells.set(m.key, { col: m.col, cell: cellAddress(r, m.col), value });
    }
    texts.set("name", name);
    const label = name || cellText(raw.find((v) => cellText(v) !== ""));
    // Pre-numbered empty template rows (only a 序号) are empty, not schools named "2", "3".
    if (name === "" && !anyNumber && /^\d+$/.test(label)) continue;
    let kind = classifyRow(label === "" ? undefined : label);
    if (kind === "notes-start") break;
    if (kind === "empty") continue;
    // A row with figures is never a block heading, whatever its first cell says.
    if (kind === "section" && anyNumber) kind = "school";
    if (kind === "section") {
      const st = stageWordIn(normalizeHeader(label));
      sectionStage = st === "primary" || st === "junior" ? st : undefined;
    }
    // A lone label with no data at all in a note-like position: "制表人：…" lines.
    if (kind === "school" && !anyNumber && /[:：]/.test(label)) kind = "note";
    const row: TableRow = {
      sheet: sheet.name,
      row: r,
      nameCol: table.nameCol,
      kind,
      label,
      cells,
      texts,
    };
    if (sectionStage && kind === "school") row.sectionStage = sectionStage;
    out.push(row);
  }
  return out;
}
