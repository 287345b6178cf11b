import { CellValue, normalizeCell } from "../cells/normalize";
import { classifyRow, RowKind } from "../table/classifyRow";
import { DetectedTable } from "../table/detectTable";
import { ColumnMatch } from "../table/matchColumn";
import { SheetInput, cellAddress } from "../workbook";

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
  const hidden = new Set(sheet.hiddenRows ?? []);
  const cols = [...columns.values()];
  for (let r = table.dataStart; r < sheet.rows.length; r++) {
    const raw = sheet.rows[r] ?? [];
    let label = cellText(raw[table.nameCol]);
    if (label === "") label = cellText(raw.find((v) => cellText(v) !== ""));
    let kind = classifyRow(label === "" ? undefined : label);
    if (kind === "notes-start") break;
    if (kind === "empty") continue;
    // A hidden row is still data: Excel's SUM counts it too. We only note it.
    void hidden;
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
    texts.set("name", cellText(raw[table.nameCol]));
    // A lone label with no data at all in a note-like position: "制表人：…" lines.
    if (kind === "school" && !anyNumber && /[:：]/.test(label)) kind = "note";
    out.push({ sheet: sheet.name, row: r, nameCol: table.nameCol, kind, label, cells, texts });
  }
  return out;
}
