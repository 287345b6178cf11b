import { normalizeHeader } from "../table/headerText";
import type { SchoolPart } from "../schools/buildParts";
import type { RowCells } from "../schools/tableRows";
import { cellAddress } from "../workbook";
import type { CheckDeclaration, CheckSink } from "./types";

export const DUPLICATES = {
  id: "duplicates",
  codes: ["duplicate-school", "duplicate-row"],
  file: "checks/duplicates.ts",
  rule: "a school name appears once per stage (spaces and width folded); a row typed twice is an error",
} as const satisfies CheckDeclaration;
type Codes = (typeof DUPLICATES.codes)[number];

/**
 * duplicate-school: the same name (spaces and width folded) twice in the same stage; one part at a time. Two
 * schools may share a name (a 中心小学 in two 乡镇), so that is a warning. The same name with the same figure in
 * every column of the same table is one school typed twice, counted twice in every sum and CV: duplicate-row, an
 * error, so the workbook is never 「可以提交」 with it.
 */
export class DuplicateCheck {
  // Per stage, the first school of each name: where it is, not the school (which can then be let go). The
  // parts of one combined school differ in stage, so a name seen before in the same stage is another school.
  // The place is one small integer (sheet number × 2^21 + row; a sheet has at most 2^20 rows): a county of
  // 100,000 schools would otherwise keep 100,000 objects and key strings alive for the whole check.
  private readonly seen = new Map<string, NameTable>();
  private readonly sheets: string[] = [];
  constructor(private readonly findings: CheckSink<Codes>) {}

  visit(p: SchoolPart): void {
    let byName = this.seen.get(p.stage);
    if (!byName) this.seen.set(p.stage, (byName = new NameTable()));
    const key = normalizeHeader(p.record.name);
    const row = p.record.rows[0];
    const slot = byName.find(key);
    if (byName.has(slot)) {
      const prev = byName.placeAt(slot);
      const prevSheet = this.sheets[Math.floor(prev / SHEET_STRIDE)];
      const prevRow = prev % SHEET_STRIDE;
      this.findings.add(
        byName.cellsAt(slot).sameFigures(row.cells) ? "duplicate-row" : "duplicate-school",
        {
          sheet: p.record.sheet,
          cell: cellAddress(row.row, row.nameCol),
          school: p.record.name,
          stage: p.stage,
        },
        { otherSheet: prevSheet, otherRow: prevRow + 1 }
      );
    } else {
      let sheet = this.sheets.lastIndexOf(p.record.sheet);
      if (sheet < 0) sheet = this.sheets.push(p.record.sheet) - 1;
      byName.insert(slot, key, sheet * SHEET_STRIDE + row.row, row.cells);
    }
  }
}

const SHEET_STRIDE = 2 ** 21;

/**
 * Name → place, for up to a county's 100,000 names: open addressing over one typed array, the names themselves
 * compared only when their hashes are equal. A Map of 100,000 strings cost three cache misses a lookup (its
 * bucket, its entry, the key string's header) and was 4 % of the engine's time (docs/performance.md). A slot holds
 * the name's hash and its index side by side, so a probe touches one cache line; places and cells are kept in the
 * order the names came, where an append touches memory just written.
 */
class NameTable {
  private mask = 1023;
  /** Per slot, [hash, index in `names`]; hash 0 = empty (hashes are made odd, so never 0). */
  private slots = new Int32Array((this.mask + 1) * 2);
  /** The names in the order they came: a packed list, never rebuilt when the table grows. */
  private readonly names: string[] = [];
  /** The place of each name, in the same order. */
  private readonly places: number[] = [];
  /** The first row's cells of each name, in the same order (to tell a row typed twice). */
  private readonly cells: RowCells[] = [];
  /** The hash of the last find(), for insert(). */
  private lastHash = 0;

  /** The slot holding `key`, or the empty slot where it would go. */
  find(key: string): number {
    // FNV-1a over the UTF-16 code units.
    let h = 0x811c9dc5;
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
    h |= 1;
    this.lastHash = h;
    const slots = this.slots;
    let i = h & this.mask;
    for (;;) {
      const at = slots[2 * i];
      if (at === 0 || (at === h && this.names[slots[2 * i + 1]] === key)) return i;
      i = (i + 1) & this.mask;
    }
  }

  has(slot: number): boolean {
    return this.slots[2 * slot] !== 0;
  }

  placeAt(slot: number): number {
    return this.places[this.slots[2 * slot + 1]];
  }

  cellsAt(slot: number): RowCells {
    return this.cells[this.slots[2 * slot + 1]];
  }

  /** Puts `key` into the empty slot find(key) returned just before. */
  insert(slot: number, key: string, place: number, cells: RowCells): void {
    this.slots[2 * slot] = this.lastHash;
    this.slots[2 * slot + 1] = this.names.push(key) - 1;
    this.cells.push(cells);
    this.places.push(place);
    if (this.names.length * 2 > this.mask) this.grow();
  }

  private grow(): void {
    const old = this.slots;
    this.mask = this.mask * 2 + 1;
    const slots = (this.slots = new Int32Array((this.mask + 1) * 2));
    for (let j = 0; j < old.length; j += 2) {
      const h = old[j];
      if (h === 0) continue;
      let i = h & this.mask;
      while (slots[2 * i] !== 0) i = (i + 1) & this.mask;
      slots[2 * i] = h;
      slots[2 * i + 1] = old[j + 1];
    }
  }
}
