/** The sidebar legend and the browser grid use the same fills as the marked workbook. */
import { MARK_FILL_ARGB } from "../../../src/host/xlsx";
import { MARK_COLOR } from "../../../src/ui/common/useCommonStyles";
import { MARK_COLORS } from "../../../src/present/marks";
import { FILL_COLORS } from "../../../src/host/excel/marks";

test("MARK_COLOR equals the writer's fills", () => {
  expect(MARK_COLOR.standard).toBe(`#${MARK_FILL_ARGB.standard.slice(2)}`);
  expect(MARK_COLOR.data).toBe(`#${MARK_FILL_ARGB.data.slice(2)}`);
});

test("the one home of the colours: Excel's 'Bad' red and 'Neutral' yellow, as every writer uses them", () => {
  // Excel's built-in cell styles: Bad = fill FFC7CE, text 9C0006; Neutral = fill FFEB9C.
  expect(MARK_COLORS.standard).toEqual({ fill: "#FFC7CE", text: "#9C0006" });
  expect(MARK_COLORS.data.fill).toBe("#FFEB9C");
  expect(MARK_FILL_ARGB).toEqual({ standard: "FFFFC7CE", data: "FFFFEB9C" });
  expect(FILL_COLORS).toEqual({ standard: "#FFC7CE", data: "#FFEB9C" });
});
