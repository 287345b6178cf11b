/** IndicatorId: the ids of the standards' indicators, checked both ways (the type checks the other). */
import { STANDARDS } from "../../src/standards";
import { INDICATOR_IDS, isIndicatorId } from "../../src/standards/types";

test("every IndicatorId is an indicator of some standard", () => {
  const used = new Set(Object.values(STANDARDS).flatMap((s) => s.indicators.map((i) => i.id)));
  expect([...INDICATOR_IDS].filter((id) => !used.has(id))).toEqual([]);
});

test("quality-2017 has the seven ids of standards.md §3.1, basic-2012 eight of which three are shared", () => {
  expect(STANDARDS["quality-2017"].indicators.map((i) => i.id)).toEqual([
    "qualified_teachers_per_100",
    "key_teachers_per_100",
    "pe_arts_teachers_per_100",
    "teaching_space_per_student",
    "sports_space_per_student",
    "equipment_value_per_student",
    "multimedia_rooms_per_100",
  ]);
  expect(STANDARDS["basic-2012"].indicators.length).toBe(8);
  expect(INDICATOR_IDS.length).toBe(7 + 8 - 3);
});

test("isIndicatorId", () => {
  expect(isIndicatorId("books_per_student")).toBe(true);
  expect(isIndicatorId("books")).toBe(false);
});
