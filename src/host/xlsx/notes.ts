/**
 * Cell notes as legacy comments: a comments part (the text) plus a VML drawing (one hidden Note shape per comment,
 * which is what makes Excel show the red triangle and the pop-up). This is the format Excel, LibreOffice, WPS and
 * exceljs all read; modern "threaded comments" are an Excel-only layer on top of it.
 */
import { cellAddress, parseAddress } from "../../engine/workbook";
import { applySplices, type Splice } from "./splice";
import { childElements, decodeText, escapeText, parseAttrs, rootTag, type Element } from "./xml";

export const NOTE_AUTHOR = "junheng";

export interface NoteToAdd {
  row: number;
  col: number;
  text: string;
}

/** Run properties of junheng's note text: 9 pt like Excel's own notes, SimSun so Chinese renders everywhere. */
function run(p: string, text: string): string {
  return (
    `<${p}r><${p}rPr><${p}sz val="9"/><${p}rFont val="宋体"/><${p}charset val="134"/></${p}rPr>` +
    `<${p}t xml:space="preserve">${escapeText(text)}</${p}t></${p}r>`
  );
}

/** A new comments part holding `notes`. */
export function newCommentsXml(mainNs: string, notes: NoteToAdd[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<comments xmlns="${mainNs}"><authors><author>${NOTE_AUTHOR}</author></authors><commentList>` +
    notes
      .map(
        (n) =>
          `<comment ref="${cellAddress(n.row, n.col)}" authorId="0"><text>${run("", n.text)}</text></comment>`
      )
      .join("") +
    "</commentList></comments>"
  );
}

function normRef(ref: string): string {
  try {
    const a = parseAddress(ref.trim());
    return cellAddress(a.row, a.col);
  } catch {
    return ref.trim().toUpperCase();
  }
}

/**
 * Adds notes to an existing comments part. A note for a cell that already has a comment is appended to that
 * comment's text after a blank line (the user's text stays first and unchanged); other notes become new comments at
 * the end of the list. Returns the edited part and the notes that became new comments (they need VML shapes).
 */
export function appendToCommentsXml(
  xml: string,
  notes: NoteToAdd[]
): { xml: string; added: NoteToAdd[] } {
  const root = rootTag(xml);
  if (!root) throw new Error("comments part has no root element");
  const colon = root.qname.indexOf(":");
  const p = colon >= 0 ? root.qname.slice(0, colon + 1) : "";
  const children = childElements(xml, root);
  const splices: Splice[] = [];

  // Author id for "junheng": reuse when present, else append.
  const authorsEl = children.find((c) => c.name === "authors");
  const authors = authorsEl
    ? childElements(xml, authorsEl.open).filter((a) => a.name === "author")
    : [];
  let authorId = authors.findIndex(
    (a) => decodeText(xml.slice(a.open.end, xml.lastIndexOf("</", a.end - 1))) === NOTE_AUTHOR
  );
  if (authorId < 0) {
    authorId = authors.length;
    const authorXml = `<${p}author>${NOTE_AUTHOR}</${p}author>`;
    if (!authorsEl)
      splices.push({
        start: root.end,
        end: root.end,
        text: `<${p}authors>${authorXml}</${p}authors>`,
      });
    else splices.push(...appendChild(xml, authorsEl, authorXml));
  }

  // Existing comments by normalised reference.
  const listEl = children.find((c) => c.name === "commentList");
  const existing = new Map<string, Element>();
  if (listEl) {
    for (const c of childElements(xml, listEl.open)) {
      if (c.name !== "comment") continue;
      const ref = parseAttrs(xml.slice(c.open.start, c.open.end)).get("ref");
      if (ref) existing.set(normRef(ref), c);
    }
  }

  const added: NoteToAdd[] = [];
  const newXml: string[] = [];
  // junheng's author id before this edit: comments by it are junheng's own notes from an earlier --out.
  const ownAuthor = authorId < authors.length ? String(authorId) : null;
  for (const n of notes) {
    const c = existing.get(cellAddress(n.row, n.col));
    if (c) {
      // The note already says exactly this (a marked copy re-saved by LibreOffice, which loses the author of each
      // comment, then marked again with the same findings): nothing to add.
      const had = commentText(xml, c);
      if (had === n.text || had.endsWith(`\n\n${n.text}`)) continue;
      const attrs = parseAttrs(xml.slice(c.open.start, c.open.end));
      // A marked copy marked again: junheng's note is replaced, never stacked (issue 14); a user's note keeps
      // its own text, and junheng's earlier paragraph at its end gives way to the new one.
      if (ownAuthor !== null && attrs.get("authorId") === ownAuthor)
        splices.push(...replaceCommentText(xml, c, p, n.text));
      // An earlier paragraph of junheng's can only be there when junheng wrote to this part before (it is one of
      // its authors): in a workbook never marked, a user's run that starts with a blank line is the user's text.
      else splices.push(...appendToComment(xml, c, p, n.text, ownAuthor !== null));
    } else {
      added.push(n);
      newXml.push(
        `<${p}comment ref="${cellAddress(n.row, n.col)}" authorId="${authorId}"><${p}text>${run(p, n.text)}</${p}text></${p}comment>`
      );
    }
  }
  if (newXml.length) {
    const body = newXml.join("");
    if (listEl) splices.push(...appendChild(xml, listEl, body));
    else {
      const at = xml.lastIndexOf("</");
      splices.push({ start: at, end: at, text: `<${p}commentList>${body}</${p}commentList>` });
    }
  }
  return { xml: applySplices(xml, splices), added };
}

/** Splices appending `body` as the last children of `el` (expanding a self-closing element). */
function appendChild(xml: string, el: Element, body: string): Splice[] {
  if (el.open.kind === "empty") {
    const open = xml.slice(el.start, el.end).replace(/\s*\/>$/, ">");
    return [{ start: el.start, end: el.end, text: `${open}${body}</${el.qname}>` }];
  }
  const at = xml.lastIndexOf("</", el.end - 1);
  return [{ start: at, end: at, text: body }];
}

/**
 * Appends "\n\n" + text as a new run of an existing comment. CT_Rst allows a plain <t> followed by runs, but readers
 * such as exceljs only look at runs, so a plain <t> is first wrapped in a run of its own (same text, default font).
 */
/** The plain text of a comment: its <t> elements, decoded and joined. */
function commentText(xml: string, comment: Element): string {
  const textEl = childElements(xml, comment.open).find((c) => c.name === "text");
  if (!textEl || textEl.open.kind === "empty") return "";
  const texts: string[] = [];
  const visit = (el: Element): void => {
    if (el.name === "t") {
      if (el.open.kind !== "empty")
        texts.push(decodeText(xml.slice(el.open.end, xml.lastIndexOf("</", el.end - 1))));
      return;
    }
    if (el.name === "r") for (const k of childElements(xml, el.open)) visit(k);
  };
  for (const k of childElements(xml, textEl.open)) visit(k);
  return texts.join("");
}

/** A comment junheng wrote itself: its whole text becomes `text`. */
function replaceCommentText(xml: string, comment: Element, p: string, text: string): Splice[] {
  const textEl = childElements(xml, comment.open).find((c) => c.name === "text");
  const body = `<${p}text>${run(p, text)}</${p}text>`;
  if (!textEl) {
    const at = xml.lastIndexOf("</", comment.end - 1);
    return [{ start: at, end: at, text: body }];
  }
  return [{ start: textEl.start, end: textEl.end, text: body }];
}

/**
 * junheng's paragraph appended to a user's note by an earlier --out: the first run after the first whose text
 * starts with a blank line, through the last run. Null when there is none.
 */
function junhengTail(xml: string, kids: Element[]): { start: number; end: number } | null {
  const runs = kids.filter((k) => k.name === "r");
  for (let i = 1; i < runs.length; i++) {
    const t = childElements(xml, runs[i].open).find((k) => k.name === "t");
    if (!t || t.open.kind === "empty") continue;
    const inner = decodeText(xml.slice(t.open.end, xml.lastIndexOf("</", t.end - 1)));
    if (inner.startsWith("\n\n")) return { start: runs[i].start, end: runs[runs.length - 1].end };
  }
  return null;
}

function appendToComment(
  xml: string,
  comment: Element,
  p: string,
  text: string,
  mayHaveOwnTail: boolean
): Splice[] {
  const textEl = childElements(xml, comment.open).find((c) => c.name === "text");
  if (!textEl) {
    const at = xml.lastIndexOf("</", comment.end - 1);
    return [{ start: at, end: at, text: `<${p}text>${run(p, text)}</${p}text>` }];
  }
  if (textEl.open.kind === "empty") {
    return [{ start: textEl.start, end: textEl.end, text: `<${p}text>${run(p, text)}</${p}text>` }];
  }
  const out: Splice[] = [];
  const kids = childElements(xml, textEl.open);
  const tail = mayHaveOwnTail ? junhengTail(xml, kids) : null;
  if (tail) return [{ start: tail.start, end: tail.end, text: run(p, `\n\n${text}`) }];
  const plainT = kids.find((k) => k.name === "t");
  if (plainT) {
    out.push({ start: plainT.start, end: plainT.start, text: `<${p}r>` });
    out.push({ start: plainT.end, end: plainT.end, text: `</${p}r>` });
  }
  // Runs go before phonetic data (rPh, phoneticPr), which CT_Rst puts last.
  const phon = kids.find((k) => k.name === "rPh" || k.name === "phoneticPr");
  const at = phon ? phon.start : xml.lastIndexOf("</", textEl.end - 1);
  out.push({ start: at, end: at, text: run(p, `\n\n${text}`), order: 1 });
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// VML

const VML_NS =
  'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"';

const SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

/** Shape ids live in 1024-id blocks declared by <o:idmap data="…">; blocks must be unique in the workbook. */
const BLOCK = 1024;

/** idmap blocks declared by a VML part. */
export function vmlBlocks(vml: string): number[] {
  const out: number[] = [];
  const re = /<o:idmap\b[^>]*\bdata\s*=\s*["']([^"']*)["']/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(vml)))
    for (const s of m[1].split(/[\s,]+/)) if (/^\d+$/.test(s)) out.push(Number(s));
  return out;
}

/** Picks unused idmap blocks and hands out shape ids. `used` is shared by all VML parts of the package. */
class ShapeIds {
  private block = -1;
  private next = 0;
  readonly newBlocks: number[] = [];
  constructor(
    private readonly used: Set<number>,
    /** Blocks already owned by this drawing (appending), and ids taken in them. */
    own: number[] = [],
    private readonly taken: Set<number> = new Set()
  ) {
    this.owned = [...own];
  }
  private readonly owned: number[];
  id(): number {
    for (;;) {
      if (this.block < 0 || this.next >= (this.block + 1) * BLOCK) {
        const ownedNext = this.owned.shift();
        if (ownedNext !== undefined) this.block = ownedNext;
        else {
          let b = 1;
          while (this.used.has(b)) b++;
          this.used.add(b);
          this.newBlocks.push(b);
          this.block = b;
        }
        this.next = this.block * BLOCK + 1;
      }
      const id = this.next++;
      if (!this.taken.has(id)) return id;
    }
  }
}

function shapeXml(id: number, n: NoteToAdd, z: number): string {
  // Anchor (columns/rows are 0-based, offsets in pixels): a box to the right of the cell, taller for longer notes.
  const lines = n.text.split("\n").reduce((s, l) => s + Math.max(1, Math.ceil(l.length / 18)), 0);
  const height = Math.min(24, Math.max(4, lines + 1));
  const top = Math.max(0, n.row - 1);
  const anchor = [n.col + 1, 15, top, 10, n.col + 4, 15, top + height, 4].join(", ");
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;` +
    `width:160pt;height:${height * 15}pt;z-index:${z};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    '<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>' +
    `<x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill>` +
    `<x:Row>${n.row}</x:Row><x:Column>${n.col}</x:Column></x:ClientData></v:shape>`
  );
}

/** A new VML drawing with one Note shape per note. `usedBlocks` gains the blocks it takes. */
export function newVml(notes: NoteToAdd[], usedBlocks: Set<number>): string {
  const ids = new ShapeIds(usedBlocks);
  const shapes = notes.map((n, i) => shapeXml(ids.id(), n, i + 1)).join("");
  if (ids.newBlocks.length === 0) ids.id(); // an empty drawing still declares a block of its own
  return vmlSkeleton(ids.newBlocks) + shapes + "</xml>";
}

/**
 * Appends Note shapes to an existing VML drawing (the user's notes, form controls… stay). Shape ids continue in the
 * drawing's own idmap blocks; when those are full, new blocks are added to its idmap.
 */
export function appendToVml(vml: string, notes: NoteToAdd[], usedBlocks: Set<number>): string {
  if (notes.length === 0) return vml;
  const own = vmlBlocks(vml);
  const taken = new Set<number>();
  for (const m of vml.matchAll(/_x0000_s(\d+)/g)) taken.add(Number(m[1]));
  const ids = new ShapeIds(usedBlocks, own, taken);
  const z0 = (vml.match(/<v:shape\b/g) ?? []).length;
  let shapes = notes.map((n, i) => shapeXml(ids.id(), n, z0 + i + 1)).join("");
  if (!/id\s*=\s*["']_x0000_t202["']/.test(vml)) shapes = SHAPETYPE + shapes;

  const splices: Splice[] = [];
  const end = vml.lastIndexOf("</xml>");
  if (end < 0) throw new Error("VML drawing has no </xml>");
  splices.push({ start: end, end, text: shapes });

  const root = /<xml\b[^>]*>/.exec(vml);
  if (root) {
    // Declare any of v/o/x the drawing lacks (a drawing made only for other shapes may not use x:).
    const missing = ["v", "o", "x"].filter((pre) => !new RegExp(`xmlns:${pre}\\s*=`).test(root[0]));
    if (missing.length) {
      const decl = VML_NS.split(" ").filter((d) =>
        missing.some((m) => d.startsWith(`xmlns:${m}=`))
      );
      const at = root.index + root[0].length - (root[0].endsWith("/>") ? 2 : 1);
      splices.push({ start: at, end: at, text: ` ${decl.join(" ")}` });
    }
  }
  if (ids.newBlocks.length) {
    const idmap = /<o:idmap\b[^>]*\bdata\s*=\s*(["'])([^"']*)\1/.exec(vml);
    if (idmap) {
      const valueStart = idmap.index + idmap[0].length - 1 - idmap[2].length;
      const value = [idmap[2], ...ids.newBlocks].filter(Boolean).join(",");
      splices.push({ start: valueStart, end: valueStart + idmap[2].length, text: value });
    } else if (root) {
      const at = root.index + root[0].length;
      splices.push({
        start: at,
        end: at,
        text: `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${ids.newBlocks.join(",")}"/></o:shapelayout>`,
      });
    }
  }
  return applySplices(vml, splices);
}

/**
 * A marked copy marked again: junheng's notes on cells that get no note now are taken away — a comment by the
 * author "junheng" entirely (its VML shape too: the caller removes `removed` from the drawing), and in a user's
 * comment junheng's paragraph after the user's text. Nothing happens when no author of the part is junheng (an
 * ordinary workbook, or a copy re-saved by a program that drops authors). `keep(row, col)`: the cell gets a note
 * now (appendToCommentsXml replaces junheng's text there).
 */
export function removeOwnNotes(
  xml: string,
  keep: (row: number, col: number) => boolean
): { xml: string; removed: { row: number; col: number }[]; trimmed: number } {
  const none = { xml, removed: [], trimmed: 0 };
  const root = rootTag(xml);
  if (!root) return none;
  const children = childElements(xml, root);
  const authorsEl = children.find((c) => c.name === "authors");
  const authors = authorsEl
    ? childElements(xml, authorsEl.open).filter((a) => a.name === "author")
    : [];
  const own = authors.findIndex(
    (a) => decodeText(xml.slice(a.open.end, xml.lastIndexOf("</", a.end - 1))) === NOTE_AUTHOR
  );
  if (own < 0) return none;
  const listEl = children.find((c) => c.name === "commentList");
  if (!listEl) return none;
  const splices: Splice[] = [];
  const removed: { row: number; col: number }[] = [];
  let trimmed = 0;
  // Does junheng's author still serve a comment that stays (its own, one whose text it replaces now, one not read)?
  let ownLeft = false;
  for (const c of childElements(xml, listEl.open)) {
    if (c.name !== "comment") continue;
    const attrs = parseAttrs(xml.slice(c.open.start, c.open.end));
    let at: { row: number; col: number };
    try {
      at = parseAddress((attrs.get("ref") ?? "").trim());
    } catch {
      if (attrs.get("authorId") === String(own)) ownLeft = true;
      continue;
    }
    if (keep(at.row, at.col)) {
      ownLeft = true;
      continue;
    }
    if (attrs.get("authorId") === String(own)) {
      splices.push({ start: c.start, end: c.end, text: "" });
      removed.push(at);
      continue;
    }
    const textEl = childElements(xml, c.open).find((k) => k.name === "text");
    if (!textEl || textEl.open.kind === "empty") continue;
    // A user's plain <t> stays in the run appendToComment wrapped it in: the same text, and exceljs, which reads
    // only runs, still reads it (a user's own <r><t>…</t></r>, as exceljs writes a note, looks just the same).
    const tail = junhengTail(xml, childElements(xml, textEl.open));
    if (tail) {
      splices.push({ start: tail.start, end: tail.end, text: "" });
      trimmed++;
    }
  }
  // The author "junheng" that appendToCommentsXml appended to a user's authors goes too once nothing uses it. Only
  // when it is the last one (removing another would renumber the authorIds after it), and never the only one: a part
  // whose one author is junheng is junheng's own, and the caller deletes it when it is empty (isEmptyOwnComments).
  if (!ownLeft && own === authors.length - 1 && authors.length > 1)
    splices.push({ start: authors[own].start, end: authors[own].end, text: "" });
  return { xml: applySplices(xml, splices), removed, trimmed };
}

/**
 * A comments part exactly as junheng creates it, holding no comment any more: junheng made it for a sheet that had
 * none (newCommentsXml), so it is deleted, not left empty. A user's part never reads like this.
 */
export function isEmptyOwnComments(xml: string, mainNs: string): boolean {
  return xml === newCommentsXml(mainNs, []);
}

/** A VML drawing exactly as newVml writes it, with no shape left: junheng's own, deleted when empty. */
export function isEmptyOwnVml(vml: string): boolean {
  const blocks = vmlBlocks(vml);
  return blocks.length > 0 && vml === vmlSkeleton(blocks) + "</xml>";
}

function vmlSkeleton(blocks: number[]): string {
  return (
    `<xml ${VML_NS}><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${blocks.join(",")}"/></o:shapelayout>` +
    SHAPETYPE
  );
}

/** Removes the Note shapes anchored at `cells` (x:Row / x:Column, 0-based) from a VML drawing. */
export function removeVmlNotes(vml: string, cells: { row: number; col: number }[]): string {
  if (!cells.length) return vml;
  const want = new Set(cells.map((c) => `${c.row},${c.col}`));
  const splices: Splice[] = [];
  let i = 0;
  for (;;) {
    const s = vml.indexOf("<v:shape", i);
    if (s < 0) break;
    const after = vml.charCodeAt(s + 8);
    // <v:shapetype> and <v:shapelayout> are not shapes.
    if (after !== 32 && after !== 9 && after !== 10 && after !== 13 && after !== 62) {
      i = s + 8;
      continue;
    }
    const e = vml.indexOf("</v:shape>", s);
    if (e < 0) break;
    const end = e + "</v:shape>".length;
    const body = vml.slice(s, end);
    const row = /<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(body)?.[1];
    const col = /<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(body)?.[1];
    if (/ObjectType\s*=\s*["']Note["']/.test(body) && row !== undefined && col !== undefined)
      if (want.has(`${Number(row)},${Number(col)}`)) splices.push({ start: s, end, text: "" });
    i = end;
  }
  return applySplices(vml, splices);
}
