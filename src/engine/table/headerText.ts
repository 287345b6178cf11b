import { toHalfWidth } from "../cells/normalize";

const NEEDS_NORMALISING = /[\s\u00a0【〔［[】〕］\]\uff01-\uff5e\u3000]/;

/**
 * Header text normalisation, standards.md §11.1: remove whitespace, full-width → half-width,
 * （）【】〔〕 → (). Applied alike to header cells and to synonyms so they compare as equals.
 */
export function normalizeHeader(text: string): string {
  // Most texts (school names) are already normal: one test instead of four rewrites.
  if (!NEEDS_NORMALISING.test(text)) return text;
  return toHalfWidth(text)
    .replace(/[\s\u00a0]+/g, "")
    .replace(/[【〔［[]/g, "(")
    .replace(/[】〕］\]]/g, ")");
}

/** Bracketed parts "(㎡)", "(小学)", "(账面原值)" of a normalised header. */
export function bracketParts(text: string): string[] {
  const out: string[] = [];
  const re = /\(([^()]*)\)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push(m[1]);
  return out;
}

/** The header without its bracketed parts: "学校(单位)名称" → "学校名称". */
export function withoutBrackets(text: string): string {
  return text.replace(/\([^()]*\)/g, "");
}

export type StageWord = "primary" | "junior" | "senior";

/** 小学 / 初中 / 高中 named in a header (a per-stage column). Both or none → undefined; 中小学 names both. */
export function stageWordIn(raw: string): StageWord | undefined {
  const text = raw.replace(/中小学/g, "");
  const p = /小学/.test(text);
  const j = /初中|初级中学/.test(text);
  const s = /高中/.test(text) && !/高中阶段|高中以下|高中及以下/.test(text);
  const n = Number(p) + Number(j) + Number(s);
  if (n !== 1) return undefined;
  return p ? "primary" : j ? "junior" : "senior";
}

export function stripStageWords(text: string): string {
  return text.replace(/中小学|小学|初中|初级中学|高中(?!阶段|以下|及以下)/g, "");
}

/** Leaves that only say "total of the group above": the field is named by the parent ("在校生数 › 合计"). */
export const GENERIC_LEAVES = new Set([
  "合计",
  "计",
  "小计",
  "总计",
  "合计数",
  "总数",
  "数量",
  "人数",
]);
