/** The sidebar legend and the browser grid use the same fills as the marked workbook. */
import { MARK_FILL_ARGB } from "../../../src/host/xlsx";
import { MARK_COLOR } from "../../../src/ui/common/useCommonStyles";

test("MARK_COLOR equals the writer's fills", () => {
  expect(MARK_COLOR.standard).toBe(`#${MARK_FILL_ARGB.standard.slice(2)}`);
  expect(MARK_COLOR.data).toBe(`#${MARK_FILL_ARGB.data.slice(2)}`);
});
