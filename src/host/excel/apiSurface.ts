/**
 * Every Office.js member src/host/excel calls, with its requirement set (the `[Api set: …]` tag of
 * @types/office-js) and the capability that guards it when it is above the manifest's floor (ExcelApi 1.9).
 * The tests check this table against the typings, against the code (every Excel member the code names is
 * listed), against manifest.xml (the floor covers every unguarded entry) and against docs/office-host.md (one
 * row per entry). Platform columns follow from the set: Office 2021 LTSC ≤ ExcelApi 1.14, Office 2024 LTSC ≤ 1.17,
 * Microsoft 365 on Windows, Mac and the web = latest.
 */
import type { ExcelCapabilities } from "./platform";

export interface ApiUse {
  /** Class and member as in the typings: "Worksheet.notes". */
  api: string;
  /** Minor version of ExcelApi: 9 = "ExcelApi 1.9". */
  minor: number;
  /** The capability flag that must be true before the call; absent = at or below the manifest's floor. */
  guard?: keyof Omit<ExcelCapabilities, "excelApi">;
  /** What junheng uses it for. */
  use: string;
}

export const API_SURFACE: ApiUse[] = [
  { api: "Workbook.worksheets", minor: 1, use: "every operation" },
  { api: "Workbook.customXmlParts", minor: 5, use: "junheng's record of its marks" },
  { api: "Workbook.settings", minor: 4, use: "saved corrections" },
  { api: "Workbook.application", minor: 1, use: "screen updating" },
  { api: "Application.suspendScreenUpdatingUntilNextSync", minor: 9, use: "marks, report" },
  { api: "WorksheetCollection.getItem", minor: 1, use: "every operation" },
  { api: "WorksheetCollection.add", minor: 1, use: "report sheet (first time)" },
  { api: "WorksheetCollection.onChanged", minor: 9, use: "live mode: check again after an edit" },
  {
    api: "WorksheetChangedEventArgs.triggerSource",
    minor: 14,
    guard: "addinTrigger",
    use: "live mode: junheng's own edits start no check",
  },
  { api: "Worksheet.name", minor: 1, use: "sheet list" },
  { api: "Worksheet.id", minor: 1, use: "report sheet found again after a rename" },
  { api: "Worksheet.visibility", minor: 1, use: "hidden sheets" },
  { api: "Worksheet.protection", minor: 2, use: "protected sheets are reported, not marked" },
  { api: "WorksheetProtection.protected", minor: 2, use: "protected sheets" },
  { api: "Worksheet.getUsedRangeOrNullObject", minor: 4, use: "read (values only)" },
  { api: "Worksheet.getRange", minor: 1, use: "whole sheet (clear, report)" },
  { api: "Worksheet.getRangeByIndexes", minor: 7, use: "read blocks, report blocks" },
  { api: "Worksheet.getRanges", minor: 9, use: "fills over many cells in one call" },
  { api: "Worksheet.activate", minor: 1, use: "go to a cell, show the report" },
  { api: "Worksheet.charts", minor: 1, use: "report charts" },
  { api: "Worksheet.notes", minor: 18, guard: "notes", use: "reason on each marked cell" },
  {
    api: "Worksheet.comments",
    minor: 10,
    guard: "notes",
    use: "cells with a threaded comment get no note",
  },
  { api: "Range.values", minor: 1, use: "read, report" },
  { api: "Range.numberFormat", minor: 1, use: "report" },
  { api: "Range.formulas", minor: 1, use: "report (live means and CVs)" },
  { api: "Range.rowIndex", minor: 1, use: "used range" },
  { api: "Range.columnIndex", minor: 1, use: "used range" },
  { api: "Range.rowCount", minor: 1, use: "used range" },
  { api: "Range.columnCount", minor: 1, use: "used range" },
  { api: "Range.address", minor: 1, use: "merged areas" },
  { api: "Range.format", minor: 1, use: "report formats" },
  { api: "Range.clear", minor: 1, use: "report refreshed in place" },
  { api: "Range.select", minor: 1, use: "go to a cell" },
  { api: "Range.conditionalFormats", minor: 6, use: "find junheng's fills on a sheet" },
  {
    api: "Range.getMergedAreasOrNullObject",
    minor: 13,
    guard: "merges",
    use: "merged key cells",
  },
  { api: "RangeAreas.format", minor: 9, use: "fills over many cells" },
  { api: "RangeAreas.conditionalFormats", minor: 9, use: "one fill rule over many cells" },
  { api: "RangeAreas.areas", minor: 9, use: "merged areas" },
  { api: "RangeFormat.fill", minor: 1, use: "report fail cells" },
  { api: "RangeFormat.font", minor: 1, use: "report bold rows" },
  { api: "RangeFormat.columnWidth", minor: 2, use: "report column widths" },
  { api: "RangeFill.color", minor: 1, use: "report fail cells" },
  { api: "RangeFont.bold", minor: 1, use: "report bold rows" },
  { api: "ConditionalFormatCollection.add", minor: 6, use: "junheng's fill rule" },
  { api: "ConditionalFormat.type", minor: 6, use: "find junheng's rules" },
  { api: "ConditionalFormat.id", minor: 6, use: "fetch a rule again in a later sync" },
  {
    api: "ConditionalFormatCollection.getItem",
    minor: 6,
    use: "fetch a rule again in a later sync",
  },
  {
    api: "NoteCollection.getItem",
    minor: 18,
    guard: "notes",
    use: "restore a note found by its text",
  },
  { api: "NoteCollection.getCount", minor: 18, guard: "notes", use: "page through notes on clear" },
  {
    api: "NoteCollection.items",
    minor: 18,
    guard: "notes",
    use: "the user's notes before marking",
  },
  {
    api: "NoteCollection.getItemAt",
    minor: 18,
    guard: "notes",
    use: "find junheng's notes by their text",
  },
  { api: "Note.getLocation", minor: 18, guard: "notes", use: "where a note is now" },
  { api: "ConditionalFormat.custom", minor: 6, use: "junheng's rule" },
  { api: "ConditionalFormat.delete", minor: 6, use: "clear fills exactly" },
  { api: "CustomConditionalFormat.rule", minor: 6, use: "junheng's marker formula" },
  { api: "CustomConditionalFormat.format", minor: 6, use: "fill colour" },
  { api: "ConditionalFormatRule.formula", minor: 6, use: "junheng's marker formula" },
  { api: "ConditionalRangeFormat.fill", minor: 6, use: "fill colour" },
  { api: "ConditionalRangeFill.color", minor: 6, use: "fill colour" },
  { api: "NoteCollection.add", minor: 18, guard: "notes", use: "a note on a cell" },
  { api: "Note.content", minor: 18, guard: "notes", use: "note text, verified before restore" },
  { api: "Note.delete", minor: 18, guard: "notes", use: "remove junheng's note" },
  { api: "CommentCollection.items", minor: 10, guard: "notes", use: "threaded comments" },
  { api: "Comment.getLocation", minor: 10, guard: "notes", use: "cells with a threaded comment" },
  { api: "CustomXmlPartCollection.add", minor: 5, use: "junheng's record of its marks" },
  { api: "CustomXmlPartCollection.getByNamespace", minor: 5, use: "find the record" },
  {
    api: "CustomXmlPartScopedCollection.items",
    minor: 5,
    use: "every record part (two parts are merged)",
  },
  { api: "CustomXmlPart.getXml", minor: 5, use: "read the record" },
  { api: "CustomXmlPart.delete", minor: 5, use: "replace / forget the record" },
  { api: "SettingCollection.getItemOrNullObject", minor: 4, use: "saved corrections" },
  { api: "SettingCollection.add", minor: 4, use: "saved corrections" },
  { api: "Setting.value", minor: 4, use: "saved corrections" },
  { api: "ChartCollection.add", minor: 1, use: "report charts" },
  { api: "ChartCollection.items", minor: 1, use: "old charts removed on refresh" },
  { api: "Chart.delete", minor: 1, use: "old charts removed on refresh" },
  { api: "Chart.series", minor: 1, use: "report charts" },
  { api: "Chart.title", minor: 1, use: "report charts" },
  { api: "Chart.legend", minor: 1, use: "report charts" },
  { api: "Chart.setPosition", minor: 1, use: "report charts" },
  { api: "ChartSeriesCollection.getItemAt", minor: 1, use: "report charts" },
  { api: "ChartSeries.setXAxisValues", minor: 7, use: "school names as categories" },
  { api: "ChartTitle.text", minor: 1, use: "chart title in the user's language" },
  { api: "ChartLegend.visible", minor: 1, use: "report charts" },
  { api: "Worksheet.freezePanes", minor: 7, use: "「县级指标」 header kept in view" },
  { api: "WorksheetFreezePanes.freezeRows", minor: 7, use: "「县级指标」 header kept in view" },
  { api: "RangeFormat.wrapText", minor: 1, use: "「县级指标」 labels" },
  { api: "RangeFormat.verticalAlignment", minor: 1, use: "「县级指标」 layout" },
  { api: "RangeFormat.horizontalAlignment", minor: 1, use: "「县级指标」 header" },
  {
    api: "Range.dataValidation",
    minor: 8,
    guard: "dataValidation",
    use: "「县级指标」 value cells: 是/否, Ⅰ–Ⅳ, numbers ≥ 0",
  },
  { api: "DataValidation.rule", minor: 8, guard: "dataValidation", use: "「县级指标」 rules" },
  {
    api: "DataValidation.errorAlert",
    minor: 8,
    guard: "dataValidation",
    use: "「县级指标」 message for a wrong value",
  },
];
