/**
 * The user's corrections of table detection, saved IN the workbook (Excel.SettingCollection, ExcelApi 1.4) so
 * the next check of the same template needs no clicks. One key; the value is JSON.
 */
import { CheckOverrides } from "../../engine/overrides";

export const OVERRIDES_KEY = "junheng.overrides.v1";

export async function loadOverrides(context: Excel.RequestContext): Promise<CheckOverrides | null> {
  const s = context.workbook.settings.getItemOrNullObject(OVERRIDES_KEY);
  s.load("value");
  await context.sync();
  if (s.isNullObject) return null;
  try {
    const v: unknown = typeof s.value === "string" ? JSON.parse(s.value) : s.value;
    return v && typeof v === "object" ? (v as CheckOverrides) : null;
  } catch {
    return null;
  }
}

export async function saveOverrides(
  context: Excel.RequestContext,
  overrides: CheckOverrides
): Promise<void> {
  context.workbook.settings.add(OVERRIDES_KEY, JSON.stringify(overrides));
  await context.sync();
}
