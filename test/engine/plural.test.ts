/** English counts agree in number (issue 10: "1 multimedia classrooms", "1 indicators met"). */
import { gapText } from "../../src/engine/indicators/schoolIndicators";
import { STANDARDS } from "../../src/standards";

const ind = (id: string) => {
  const i = STANDARDS["quality-2017"].indicators.find((x) => x.id === id);
  if (!i) throw new Error(id);
  return i;
};

test("one of a counted unit is singular, more are plural; ㎡ and zh-CN are unchanged", () => {
  expect(gapText(ind("multimedia_rooms_per_100"), 1, "en")).toBe("1 multimedia classroom");
  expect(gapText(ind("multimedia_rooms_per_100"), 2, "en")).toBe("2 multimedia classrooms");
  expect(gapText(ind("key_teachers_per_100"), 1, "en")).toBe("1 key teacher");
  expect(gapText(ind("teaching_space_per_student"), 1, "en")).toBe("1 m²");
  expect(gapText(ind("key_teachers_per_100"), 1, "zh-CN")).toBe("1 名县级以上骨干教师");
});
