/**
 * The sidebar's and the page's Fluent theme: webLightTheme with a font stack that names CJK fonts. Fluent's own
 * stack (Segoe UI, Roboto, …) has no Chinese face, so the browser falls back per glyph and mixes faces; the fonts
 * below are the ones a county office's computers have: Microsoft YaHei (Windows), PingFang SC (Mac), Noto Sans
 * CJK SC / Source Han Sans SC (Linux, WPS).
 */
import { webLightTheme, type Theme } from "@fluentui/react-components";

export const CJK_FONT_STACK =
  "'Segoe UI', 'Microsoft YaHei', 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', " +
  "'Source Han Sans SC', 'WenQuanYi Micro Hei', -apple-system, BlinkMacSystemFont, Roboto, " +
  "'Helvetica Neue', sans-serif";

export const appTheme: Theme = { ...webLightTheme, fontFamilyBase: CJK_FONT_STACK };
