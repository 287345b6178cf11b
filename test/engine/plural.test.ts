/** English counts agree in number (issue 10: "1 multimedia classrooms", "1 indicators met"). */
import { formatQuantity } from "../../src/engine/format";
import { gapText as gapOf } from "../../src/present/labels";
import type { IndicatorDefinition } from "../../src/standards/types";
import { STANDARDS } from "../../src/standards";

const ind = (id: string) => {
  const i = STANDARDS["quality-2017"].indicators.find((x) => x.id === id);
  if (!i) throw new Error(id);
  return i;
};

/** The gap of `ind` in natural units, as the renderer writes it (src/present/labels.ts). */
const gapText = (i: IndicatorDefinition, gap: number, lang: "zh-CN" | "en"): string =>
  gapOf(gap, i.numerator, lang, formatQuantity);

test("one of a counted unit is singular, more are plural; ㎡ and zh-CN are unchanged", () => {
  expect(gapText(ind("multimedia_rooms_per_100"), 1, "en")).toBe("1 multimedia classroom");
  expect(gapText(ind("multimedia_rooms_per_100"), 2, "en")).toBe("2 multimedia classrooms");
  expect(gapText(ind("key_teachers_per_100"), 1, "en")).toBe("1 key teacher");
  expect(gapText(ind("teaching_space_per_student"), 1, "en")).toBe("1 m²");
  expect(gapText(ind("key_teachers_per_100"), 1, "zh-CN")).toBe("1 名县级以上骨干教师");
});
