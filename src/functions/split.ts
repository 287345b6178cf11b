/**
 * 一贯制 / 完全中学 apportioning, standards.md §9: a stage part's share of a whole-school quantity is its weighted
 * students over all weighted students (1 : 1.1 : 1.32 by default; plain student share for teacher counts).
 *
 * The engine's own splitShare (src/engine/schools/splitShare.ts), which buildParts uses too;
 * test/functions/user.test.ts checks that both give the same part values on the sample's 九年一贯制 school. 完全中学 (no 小学部): pass 0 primary students; 1.1B ÷ (1.1B + 1.32C) = B ÷ (B + 1.2C), the engine's rule.
 */
export { splitShare } from "../engine/schools/splitShare";
