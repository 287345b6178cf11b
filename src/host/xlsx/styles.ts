/**
 * Appends to xl/styles.xml what the marked copy needs, without touching existing entries: every existing style index
 * keeps its meaning, so unmarked cells look exactly as before.
 *
 * - two solid fills (one per mark kind),
 * - for each (existing cell style, mark kind) a clone of the <xf> with only fillId/applyFill changed, so a marked cell
 *   keeps its font, border, number format, alignment and protection,
 * - for the report sheet: a bold clone of the default font, custom number formats ("0.000"), and xfs combining them.
 */
import { markFillArgb, type MarkKind } from "../../present/marks";
import { applySplices, type Splice } from "./splice";
import {
  childElements,
  escapeAttr,
  parseAttrs,
  rootTag,
  setAttr,
  tagClose,
  type Element,
} from "./xml";

/** ARGB of the fills: light red for a missed standard, light yellow for a data problem (Excel's "bad"/"neutral"). */
export const MARK_FILL_ARGB: Record<MarkKind, string> = {
  standard: markFillArgb("standard"),
  data: markFillArgb("data"),
};

/** CT_Stylesheet child order; new sections are inserted at their schema position. */
const SECTION_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

/** A minimal styles part (one font, the two mandatory fills, one border, one xf) for packages that have none. */
export function defaultStylesXml(mainNs: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<styleSheet xmlns="${mainNs}">` +
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    "</styleSheet>"
  );
}

interface Section {
  name: string;
  /** The element, when it exists. */
  el?: Element;
  /** Number of existing child entries. */
  existing: number;
  /** Child XML strings to append. */
  added: string[];
}

/** Style requirements of a report-sheet cell. */
export interface ReportStyle {
  bold: boolean;
  /** Number format code ("0.00"), or undefined for General. */
  numFmt?: string;
  fill?: MarkKind;
}

export class StylesEditor {
  private readonly xml: string;
  /** Namespace prefix of the part ("" or "x:"), used for every element written. */
  private readonly p: string;
  private readonly root: Element;
  private readonly sections = new Map<string, Section>();
  private readonly xfStrings: string[];
  private readonly fontStrings: string[];
  private readonly fillStrings: string[];
  private readonly numFmtByCode = new Map<string, number>();
  private maxNumFmtId = 163;
  private readonly fillIds = new Map<MarkKind, number>();
  private readonly markedXfs = new Map<string, number>();
  /** Every clone of a cell's style for a mark: the earlier copy's (adopted from its record) and this run's. */
  private readonly clones: CloneEntry[] = [];
  private readonly reportXfs = new Map<string, number>();
  private boldFontId: number | undefined;
  private changed = false;

  constructor(xml: string) {
    this.xml = xml;
    const rt = rootTag(xml);
    if (!rt) throw new Error("styles part has no root element");
    const colon = rt.qname.indexOf(":");
    this.p = colon >= 0 ? rt.qname.slice(0, colon + 1) : "";
    const children = childElements(xml, rt);
    this.root = { name: rt.name, qname: rt.qname, start: rt.start, end: xml.length, open: rt };
    for (const name of ["numFmts", "fonts", "fills", "cellXfs"]) {
      const el = children.find((c) => c.name === name);
      this.sections.set(name, { name, el, existing: 0, added: [] });
    }
    this.rootChildren = children;
    const kids = (name: string): Element[] => {
      const s = this.sections.get(name) as Section;
      const list = s.el ? childElements(xml, s.el.open) : [];
      s.existing = list.length;
      return list;
    };
    this.xfStrings = kids("cellXfs").map((e) => xml.slice(e.start, e.end));
    this.fontStrings = kids("fonts").map((e) => xml.slice(e.start, e.end));
    this.fillStrings = kids("fills").map((e) => xml.slice(e.start, e.end));
    for (const nf of kids("numFmts")) {
      const a = parseAttrs(xml.slice(nf.open.start, nf.open.end));
      const id = Number(a.get("numFmtId"));
      const code = a.get("formatCode");
      if (!Number.isFinite(id)) continue;
      if (code !== undefined && !this.numFmtByCode.has(code)) this.numFmtByCode.set(code, id);
      this.maxNumFmtId = Math.max(this.maxNumFmtId, id);
    }
  }

  private readonly rootChildren: Element[];

  private append(section: string, xmlText: string): number {
    const s = this.sections.get(section) as Section;
    // Indexes with a fixed meaning: style 0 is every unstyled cell's, font 0 the default font, and Excel reserves
    // fills 0 and 1 (none, gray125). A part that lacks them gets them first, so an appended entry never takes one.
    const reserved = this.reserved(section);
    while (s.existing + s.added.length < reserved.length)
      s.added.push(reserved[s.existing + s.added.length]);
    s.added.push(xmlText);
    this.changed = true;
    return s.existing + s.added.length - 1;
  }

  private reserved(section: string): string[] {
    const p = this.p;
    if (section === "fills")
      return [
        `<${p}fill><${p}patternFill patternType="none"/></${p}fill>`,
        `<${p}fill><${p}patternFill patternType="gray125"/></${p}fill>`,
      ];
    if (section === "cellXfs")
      return [`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`];
    if (section === "fonts")
      return [
        `<${p}font><${p}sz val="11"/><${p}name val="Calibri"/><${p}family val="2"/></${p}font>`,
      ];
    return [];
  }

  /** Fill id of the solid fill for a mark kind (appended on first use). */
  fillFor(kind: MarkKind): number {
    let id = this.fillIds.get(kind);
    if (id === undefined) {
      // A marked copy marked again already has the fill (as has a workbook using Excel's 「差」 style): reuse it.
      const had = this.fillStrings.findIndex((f) => fillMarkKind(f) === kind);
      if (had >= 0) {
        this.fillIds.set(kind, had);
        return had;
      }
      const p = this.p;
      id = this.append(
        "fills",
        `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${MARK_FILL_ARGB[kind]}"/>` +
          `<${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`
      );
      this.fillIds.set(kind, id);
    }
    return id;
  }

  /** Style index for a marked cell whose current style index is `xf`: same style, mark fill. */
  markedXf(xf: number, kind: MarkKind): number {
    const key = `${xf}|${kind}`;
    let id = this.markedXfs.get(key);
    if (id === undefined) {
      const fillId = this.fillFor(kind);
      // An out-of-range index is a damaged file; Excel shows such cells with the default style.
      const base =
        this.xfStrings[xf] ??
        `<${this.p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
      id = this.append("cellXfs", cloneXf(base, { fillId: String(fillId), applyFill: "1" }));
      this.markedXfs.set(key, id);
      this.clones.push({ clone: id, original: xf, kind });
    }
    return id;
  }

  /** Number format id for a format code: built-in ids for "0" and "0.00", else an existing or new custom id ≥ 164. */
  numFmtId(code: string): number {
    if (code === "0") return 1;
    if (code === "0.00") return 2;
    let id = this.numFmtByCode.get(code);
    if (id === undefined) {
      id = ++this.maxNumFmtId;
      this.numFmtByCode.set(code, id);
      this.append(
        "numFmts",
        `<${this.p}numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`
      );
    }
    return id;
  }

  private boldFont(): number {
    if (this.boldFontId === undefined) {
      const p = this.p;
      const base = this.fontStrings[0] ?? `<${p}font/>`;
      // CT_Font is an unordered choice; put <b/> first (as Excel does) after dropping any existing <b …/>.
      let f = base.replace(
        new RegExp(`<${p}b(\\s[^>]*)?/>|<${p}b(\\s[^>]*)?>\\s*</${p}b>`, "g"),
        ""
      );
      if (/\/>$/.test(f) && !f.includes("><")) f = f.replace(/\s*\/>$/, `><${p}b/></${p}font>`);
      else f = f.replace(/^(<[^>]*>)/, `$1<${p}b/>`);
      // The report sheet of a marked copy marked again: its bold font is already there.
      const had = this.fontStrings.indexOf(f);
      this.boldFontId = had >= 0 ? had : this.append("fonts", f);
    }
    return this.boldFontId;
  }

  /** Style index for a report cell (0 = default). */
  reportXf(style: ReportStyle): number {
    if (!style.bold && !style.numFmt && !style.fill) return 0;
    const key = `${style.bold ? 1 : 0}|${style.numFmt ?? ""}|${style.fill ?? ""}`;
    let id = this.reportXfs.get(key);
    if (id === undefined) {
      const numFmtId = style.numFmt ? this.numFmtId(style.numFmt) : 0;
      const fontId = style.bold ? this.boldFont() : 0;
      const fillId = style.fill ? this.fillFor(style.fill) : 0;
      let xf = `<${this.p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"`;
      if (style.numFmt) xf += ' applyNumberFormat="1"';
      if (style.bold) xf += ' applyFont="1"';
      if (style.fill) xf += ' applyFill="1"';
      // Reused when the part already has it (the report sheet of a marked copy marked again), so styles.xml
      // does not grow each time a copy is marked again.
      const had = this.xfStrings.indexOf(`${xf}/>`);
      id = had >= 0 ? had : this.append("cellXfs", `${xf}/>`);
      this.reportXfs.set(key, id);
    }
    return id;
  }

  /**
   * Adopts the record of an earlier marked copy (markRecord.ts): each clone it lists is checked against the part as
   * it is now — the clone's fill is junheng's fill of its kind, and apart from fillId /
   * applyFill the two <xf> are the same. When every entry holds, the clones are reused (no clone of a clone, no
   * growth) and the map clone → original is returned; when any fails (another program renumbered the styles), the
   * record is not used at all and null is returned.
   */
  adoptRecord(entries: readonly CloneEntry[]): Map<number, number> | null {
    const n = this.xfStrings.length;
    for (const e of entries) {
      const ok =
        Number.isInteger(e.clone) &&
        Number.isInteger(e.original) &&
        e.clone >= 0 &&
        e.original >= 0 &&
        e.clone < n &&
        e.original < n &&
        e.clone !== e.original &&
        this.xfMarkKind(e.clone) === e.kind &&
        xfSignature(this.xfStrings[e.clone]) === xfSignature(this.xfStrings[e.original]);
      if (!ok) return null;
    }
    const restore = new Map<number, number>();
    for (const e of entries) {
      if (restore.has(e.clone)) continue;
      restore.set(e.clone, e.original);
      this.markedXfs.set(`${e.original}|${e.kind}`, e.clone);
      this.clones.push({ ...e });
      const fillId = Number(parseAttrs(openTagOf(this.xfStrings[e.clone])).get("fillId"));
      if (!this.fillIds.has(e.kind)) this.fillIds.set(e.kind, fillId);
    }
    return restore;
  }

  /** The mark kind whose fill an existing <xf> carries (a solid FFFFC7CE / FFFFEB9C fill), else undefined. */
  xfMarkKind(xf: number): MarkKind | undefined {
    const s = this.xfStrings[xf];
    if (s === undefined) return undefined;
    const fillId = Number(parseAttrs(openTagOf(s)).get("fillId") ?? 0);
    const fill = this.fillStrings[fillId];
    return fill === undefined ? undefined : fillMarkKind(fill);
  }

  /** Existing style indexes that carry one of junheng's fills (the fallback when a copy's record is gone). */
  markFilledXfs(): Set<number> {
    const out = new Set<number>();
    for (let i = 0; i < this.xfStrings.length; i++) if (this.xfMarkKind(i)) out.add(i);
    return out;
  }

  /** The record to keep in the copy: every clone in the part (adopted and new), and the part's xf count. */
  cloneRecord(): { cellXfs: number; clones: CloneEntry[] } {
    const s = this.sections.get("cellXfs") as Section;
    return { cellXfs: s.existing + s.added.length, clones: this.clones.map((c) => ({ ...c })) };
  }

  get isChanged(): boolean {
    return this.changed;
  }

  /** The edited part: original text plus appended entries and updated counts. */
  toString(): string {
    if (!this.changed) return this.xml;
    const splices: Splice[] = [];
    const p = this.p;
    for (const s of this.sections.values()) {
      if (s.added.length === 0) continue;
      const count = String(s.existing + s.added.length);
      const body = s.added.join("");
      if (s.el && s.el.open.kind === "open") {
        const o = s.el.open;
        splices.push({
          start: o.start,
          end: o.end,
          text: setAttr(this.xml.slice(o.start, o.end), "count", count),
        });
        const close = this.xml.lastIndexOf("</", s.el.end - 1);
        splices.push({ start: close, end: close, text: body });
      } else if (s.el) {
        // <fills count="0"/> → expand.
        const tag = setAttr(this.xml.slice(s.el.start, s.el.end), "count", count).replace(
          /\s*\/>$/,
          ">"
        );
        splices.push({ start: s.el.start, end: s.el.end, text: `${tag}${body}</${s.el.qname}>` });
      } else {
        const at = this.sectionInsertPoint(s.name);
        splices.push({
          start: at,
          end: at,
          text: `<${p}${s.name} count="${count}">${body}</${p}${s.name}>`,
          order: SECTION_ORDER.indexOf(s.name),
        });
      }
    }
    return applySplices(this.xml, splices);
  }

  /** Where a missing section goes: before the first existing section that follows it in schema order. */
  private sectionInsertPoint(name: string): number {
    const rank = SECTION_ORDER.indexOf(name);
    for (const c of this.rootChildren) {
      const r = SECTION_ORDER.indexOf(c.name);
      if (r > rank) return c.start;
    }
    const last = this.rootChildren[this.rootChildren.length - 1];
    return this.xml.indexOf("</", last ? last.end : this.root.open.end);
  }
}

/** One clone of a cell's style for a mark: its index, the index it was cloned from, and the mark kind. */
export interface CloneEntry {
  clone: number;
  original: number;
  kind: MarkKind;
}

function openTagOf(el: string): string {
  return el.slice(0, tagClose(el, 0) + 1);
}

/** The mark kind of a fill that is one of junheng's (solid, fgColor rgb = the kind's ARGB), else undefined. */
function fillMarkKind(fill: string): MarkKind | undefined {
  if (!/patternType\s*=\s*["']solid["']/.test(fill)) return undefined;
  const rgb = /<(?:\w+:)?fgColor\b[^>]*\brgb\s*=\s*["']([0-9A-Fa-f]{8})["']/
    .exec(fill)?.[1]
    ?.toUpperCase();
  return (Object.keys(MARK_FILL_ARGB) as MarkKind[]).find((k) => MARK_FILL_ARGB[k] === rgb);
}

/** An <xf> without its fill: attributes (sorted, fillId / applyFill left out) and children without whitespace. */
function xfSignature(xf: string): string {
  const open = openTagOf(xf);
  const attrs = [...parseAttrs(open)]
    .filter(([k]) => k !== "fillId" && k !== "applyFill")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join(" ");
  const rest = xf.slice(open.length).replace(/>\s+</g, "><").trim();
  return `${attrs}|${rest}`;
}

/** A copy of an <xf …> element with some attributes set; child elements (alignment, protection) are kept. */
function cloneXf(xf: string, attrs: Record<string, string>): string {
  const gt = tagClose(xf, 0);
  let open = xf.slice(0, gt + 1);
  for (const [k, v] of Object.entries(attrs)) open = setAttr(open, k, v);
  return open + xf.slice(gt + 1);
}
