import type { Lang } from "./reportTypes";

/**
 * The first cell of every report sheet junheng writes, in each language: how a later check recognises its own
 * sheet (whatever the tab is called) and never reads it as school data. The layout itself is presentation
 * (src/present/reportSheet.ts); only this title is the engine's business.
 */
export const REPORT_SHEET_TITLE: Record<Lang, string> = {
  "zh-CN": "县域义务教育均衡发展 资源配置达标情况",
  en: "Compulsory-education balanced development: resource indicators",
};

export function reportSheetTitles(): string[] {
  return [REPORT_SHEET_TITLE["zh-CN"], REPORT_SHEET_TITLE.en];
}
