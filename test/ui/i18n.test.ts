/** Every string of the sidebar and the browser page exists in both languages, with the same shape. */
import { STRINGS } from "../../src/ui/i18n";

type Shape = string | { [k: string]: Shape };

/** Key paths with the kind of value: "fn/2" for a function of two arguments, "array/9", "string". */
function shape(value: unknown, prefix = ""): string[] {
  if (typeof value === "function") return [`${prefix}: fn/${value.length}`];
  if (Array.isArray(value)) return [`${prefix}: array/${value.length}`];
  if (value && typeof value === "object")
    return Object.keys(value)
      .sort()
      .flatMap((k) => shape((value as Record<string, Shape>)[k], prefix ? `${prefix}.${k}` : k));
  return [`${prefix}: ${typeof value}`];
}

test("zh-CN and en have the same keys, function arities and list lengths", () => {
  expect(shape(STRINGS.en)).toEqual(shape(STRINGS["zh-CN"]));
});

test("no empty strings in either language", () => {
  for (const lang of ["zh-CN", "en"] as const) {
    const empty = shape(STRINGS[lang])
      .filter((s) => s.endsWith(": string"))
      .filter((s) => {
        const path = s.slice(0, s.indexOf(":")).split(".");
        let v: unknown = STRINGS[lang];
        for (const k of path) v = (v as Record<string, unknown>)[k];
        return v === "";
      });
    expect(empty).toEqual([]);
  }
});

test("functions produce text in both languages", () => {
  expect(STRINGS["zh-CN"].submitCounts(1, 11, 20)).toBe(
    "数据错误 1 项 · 未达标 11 项 · 待核对 20 项"
  );
  expect(STRINGS.en.submitCounts(1, 11, 1)).toBe("1 data error · 11 below standard · 1 to check");
  expect(STRINGS["zh-CN"].stillShort("2 名县级以上骨干教师")).toBe("还差 2 名县级以上骨干教师");
});
