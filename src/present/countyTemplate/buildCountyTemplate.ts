/**
 * A blank 「县级指标」 sheet (standards.md §17.6) as a workbook spec, written from the code list the reader validates
 * against: codes, labels, units, what each is used for, and data validation on the value cells (是/否 lists for
 * judgements, Ⅰ–Ⅳ for levels, decimal ≥ 0 for counts, amounts and rates).
 */
import type {
  CellSpec,
  SheetSpec,
  ValidationSpec,
  WorkbookSpec,
} from "../../host/xlsx/newWorkbook";
import { COUNTY_CODES, COUNTY_SHEET_NAME } from "../../standards/county-codes-2017";

const HEAD = {
  bold: true,
  border: true,
  horizontal: "center" as const,
  vertical: "center" as const,
  fill: "FFD9D9D9",
};
const CELL = { border: true, vertical: "center" as const };
const VALUE = { border: true, fill: "FFFFF2CC" };

/** Row of the header (1-based); the title sits above it and is not read. */
export const COUNTY_TEMPLATE_HEADER_ROW = 2;

export function countyTemplateSheet(): SheetSpec {
  const cells: CellSpec[] = [
    {
      ref: "A1",
      value:
        "县级指标（请在「数值」列填写；是/否 项填“是”或“否”；不适用填“/”；金额单位可改为 万元）",
      style: { bold: true, fontSize: 12 },
    },
  ];
  ["代码", "指标", "数值", "单位", "说明", "用于（不读取）"].forEach((h, i) =>
    cells.push({
      ref: `${String.fromCharCode(65 + i)}${COUNTY_TEMPLATE_HEADER_ROW}`,
      value: h,
      style: HEAD,
    })
  );
  const lists: Record<string, string[]> = {
    judgement: [],
    level: [],
    number: [],
    rate: [],
    gap: [],
  };
  COUNTY_CODES.forEach((d, i) => {
    const r = COUNTY_TEMPLATE_HEADER_ROW + 1 + i;
    cells.push({ ref: `A${r}`, value: d.code, style: CELL });
    cells.push({ ref: `B${r}`, value: d.label["zh-CN"], style: { ...CELL, wrap: true } });
    cells.push({ ref: `C${r}`, value: null, style: VALUE });
    cells.push({ ref: `D${r}`, value: d.unit, style: CELL });
    cells.push({ ref: `E${r}`, value: null, style: { ...CELL, wrap: true } });
    cells.push({ ref: `F${r}`, value: d.usedBy, style: CELL });
    const bucket =
      d.kind === "judgement"
        ? "judgement"
        : d.kind === "level"
          ? "level"
          : d.kind === "gap" || d.kind === "rate"
            ? d.kind
            : "number";
    lists[bucket].push(`C${r}`);
  });
  const validations: ValidationSpec[] = [];
  if (lists.judgement.length)
    validations.push({
      range: lists.judgement.join(" "),
      type: "list",
      list: ["是", "否", "/"],
      error: "请填 是 或 否（不适用填 /）",
    });
  if (lists.level.length)
    validations.push({
      range: lists.level.join(" "),
      type: "list",
      list: ["Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ"],
      error: "请填 Ⅰ、Ⅱ、Ⅲ 或 Ⅳ",
    });
  if (lists.number.length)
    validations.push({
      range: lists.number.join(" "),
      type: "decimal",
      min: 0,
      // "/" (不适用, §17.6) is not a number: a warning lets the user keep it.
      errorStyle: "warning",
      error: "请填不小于 0 的数（不适用填 / 后选「是」保留）",
    });
  if (lists.rate.length)
    validations.push({
      range: lists.rate.join(" "),
      type: "decimal",
      min: 0,
      max: 100,
      errorStyle: "warning",
      error: "比例为 0 到 100 之间的百分数（不适用填 / 后选「是」保留）",
    });
  if (lists.gap.length)
    validations.push({
      range: lists.gap.join(" "),
      type: "decimal",
      min: 0,
      max: 1,
      errorStyle: "warning",
      error: "校际差异率应在 0 到 1 之间（未监测填 / 后选「是」保留）",
    });
  const last = COUNTY_TEMPLATE_HEADER_ROW + COUNTY_CODES.length;
  return {
    name: COUNTY_SHEET_NAME,
    cells,
    columnWidths: [28, 48, 14, 8, 40, 16],
    validations,
    freezeRows: COUNTY_TEMPLATE_HEADER_ROW,
    print: {
      area: `A1:F${last}`,
      titleRows: [COUNTY_TEMPLATE_HEADER_ROW, COUNTY_TEMPLATE_HEADER_ROW],
      landscape: false,
    },
  };
}

export function buildCountyTemplate(): WorkbookSpec {
  return { sheets: [countyTemplateSheet()] };
}
