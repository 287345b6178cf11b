/**
 * Reading cells and units, standards.md §11.3–§11.4 and default 7–8: missing is never zero, numeric text, negative and
 * fractional counts, the unit precedence cell > header > note > inference.
 */
import type { RawCell } from "../../../src/engine/workbook";
import { check, flatten, flattenWhere, schoolOf } from "./harness";

const HEADER = ["学校名称", "在校生数", "县级及以上骨干教师数", "教学及辅助用房面积(㎡)"];

describe("blank-ish markers are missing, never 0 (§11.4, §15.8)", () => {
  const markers: [string, RawCell][] = [
    ["blank", null],
    ["—", "—"],
    ["——", "——"],
    ["-", "-"],
    ["－", "－"],
    ["–", "–"],
    ["无", "无"],
    ["N/A", "N/A"],
    ["n/a", "n/a"],
    ["/", "/"],
  ];
  test.each(markers)("%s → value null, missing-value at the cell", (_, marker) => {
    const r = check("小学", [HEADER, ["甲小学", 1000, marker, 5000]]);
    const key = r.schools[0].indicators.key_teachers_per_100;
    expect(key.value).toBeNull();
    expect(key.meets).toBeNull();
    expect(flatten(r, ["missing-value"])).toEqual([["小学", "C2", "missing-value"]]);
    expect(r.schools[0].status).toBe("incomplete");
  });
  test.each(["#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!"])(
    "Excel error %s → error-value at the cell, value null",
    (err) => {
      const r = check("小学", [HEADER, ["甲小学", 1000, err, 5000]]);
      expect(r.schools[0].indicators.key_teachers_per_100.value).toBeNull();
      expect(flatten(r, ["error-value"])).toEqual([["小学", "C2", "error-value"]]);
      expect(r.findings.find((f) => f.code === "error-value")!.severity).toBe("error");
    }
  );
  test("text that is not a number → not-a-number at the cell", () => {
    const r = check("小学", [HEADER, ["甲小学", 1000, "约十二", 5000]]);
    expect(r.schools[0].indicators.key_teachers_per_100.value).toBeNull();
    expect(flattenWhere(r, ["not-a-number"])).toEqual([
      ["小学", "C2", "not-a-number", "甲小学", null, null],
    ]);
  });
  test("a real 0 stays 0", () => {
    const r = check("小学", [HEADER, ["甲小学", 1000, 0, 5000]]);
    expect(r.schools[0].indicators.key_teachers_per_100).toMatchObject({ value: 0, meets: false });
  });
});

describe("numeric text (§11.4)", () => {
  const r = check("小学", [
    HEADER,
    // full-width digits: "１２" → 12 → 1.2 per 100; "5,000" → 5000 ㎡ → 5.0
    ["甲小学", 1000, "１２", "5,000"],
    // " 12 " with an ideographic space, "5000平方米" (a trailing unit) and "5，000㎡" (Chinese comma)
    ["乙小学", "1000人", "\u300012\u3000", "5000平方米"],
    ["丙小学", 1000, "12名", "5，000㎡"],
  ]);
  test.each(["甲小学", "乙小学", "丙小学"])("%s reads 1.2 and 5.0", (name) => {
    const s = schoolOf(r, name);
    expect(s.students).toBe(1000);
    expect(s.indicators.key_teachers_per_100.value).toBeCloseTo(1.2, 12);
    expect(s.indicators.teaching_space_per_student.value).toBe(5);
  });
  test("none of them raises a data finding", () => {
    expect(r.findings.filter((f) => f.category === "data")).toEqual([]);
  });
  test("'12,5' is not silently 125", () => {
    const x = check("小学", [HEADER, ["甲小学", 1000, "12,5", 5000]]);
    expect(x.schools[0].indicators.key_teachers_per_100.value).toBeNull();
    expect(flatten(x, ["not-a-number"])).toEqual([["小学", "C2", "not-a-number"]]);
  });
});

describe("negative values are errors and never summed; fractional persons and rooms are warnings", () => {
  const r = check("小学", [
    ["学校名称", "是否计校数", "在校生数", "县级及以上骨干教师数", "教学及辅助用房面积(㎡)"],
    ["甲小学", 1, 1000, -5, 5000], // row 2: negative teachers
    ["乙小学", 1, 1000, 12, -200], // row 3: negative area
    ["丙小学", 1, 1000, 12.5, 5000], // row 4: 12.5 teachers → warning, value used (1.25)
    ["丁小学", 1, 1000, 10, 4000.5], // row 5: a fractional area is fine
    ["戊小学", 1, 800, 8, 4000], // row 6
    ["戊小学(东校区)", 0, 200, -2, 1000], // row 7: a negative branch figure is not subtracted from its parent
  ]);
  test("negative-value errors at their cells", () => {
    expect(flattenWhere(r, ["negative-value"])).toEqual([
      ["小学", "D2", "negative-value", "甲小学", null, null],
      ["小学", "D7", "negative-value", "戊小学", null, null],
      ["小学", "E3", "negative-value", "乙小学", null, null],
    ]);
    expect(r.findings.find((f) => f.code === "negative-value")!.severity).toBe("error");
  });
  test("the indicator has no value (not −0.5, not 0)", () => {
    expect(schoolOf(r, "甲小学").indicators.key_teachers_per_100.value).toBeNull();
    expect(schoolOf(r, "乙小学").indicators.teaching_space_per_student.value).toBeNull();
    // 戊: 8 + (−2) would be 6 → 0.6; the merged school's key value is unknown instead.
    expect(schoolOf(r, "戊小学").indicators.key_teachers_per_100.value).toBeNull();
    expect(schoolOf(r, "戊小学").indicators.teaching_space_per_student.value).toBe(5);
  });
  test("fractional-count warning for 12.5 teachers only, and the value is kept", () => {
    expect(flattenWhere(r, ["fractional-count"])).toEqual([
      ["小学", "D4", "fractional-count", "丙小学", null, null],
    ]);
    expect(r.findings.find((f) => f.code === "fractional-count")!.severity).toBe("warning");
    expect(schoolOf(r, "丙小学").indicators.key_teachers_per_100.value).toBeCloseTo(1.25, 12);
  });
});

describe("units: header > sheet note > inference; a cell's own unit wins with a warning (§11.3)", () => {
  test("a header unit: 万元 × 10000", () => {
    const r = check("小学", [
      ["学校名称", "在校生数", "教学仪器设备值(万元)"],
      ["甲小学", 1000, 250],
    ]);
    expect(r.schools[0].indicators.equipment_value_per_student.value).toBe(2500);
    expect(r.tables[0].columnDetails.find((c) => c.key === "equipment_value")).toMatchObject({
      unit: "万元",
      unitSource: "header",
    });
    expect(flatten(r, ["unit-inferred"])).toEqual([]);
  });
  test("a sheet note 「单位：万元」 covers a money column without its own unit", () => {
    const r = check("小学", [
      ["单位：万元"],
      ["学校名称", "在校生数", "教学仪器设备值"],
      ["甲小学", 1000, 250],
    ]);
    expect(r.schools[0].indicators.equipment_value_per_student.value).toBe(2500);
    expect(r.tables[0].columnDetails.find((c) => c.key === "equipment_value")?.unitSource).toBe(
      "note"
    );
  });
  test("the header's unit wins over the note", () => {
    const r = check("小学", [
      ["单位：万元"],
      ["学校名称", "在校生数", "教学仪器设备值(元)"],
      ["甲小学", 1000, 2500000],
    ]);
    expect(r.schools[0].indicators.equipment_value_per_student.value).toBe(2500);
  });
  test("no unit: < 50 元 per student is 万元 (× 10000), with a unit-inferred warning and no cell", () => {
    const r = check("小学", [
      ["学校名称", "在校生数", "教学仪器设备值"],
      ["甲小学", 1000, 250], // 0.25 per student
      ["乙小学", 500, 100],
    ]);
    expect(r.schools[0].indicators.equipment_value_per_student.value).toBe(2500);
    expect(flattenWhere(r, ["unit-inferred"])).toEqual([
      ["小学", null, "unit-inferred", null, null, null],
    ]);
    expect(r.tables[0].columnDetails.find((c) => c.key === "equipment_value")).toMatchObject({
      unit: "万元",
      unitSource: "inferred",
    });
  });
  test("no unit: 50 元 per student or more is 元", () => {
    const r = check("小学", [
      ["学校名称", "在校生数", "教学仪器设备值"],
      ["甲小学", 1000, 2500000],
    ]);
    expect(r.schools[0].indicators.equipment_value_per_student.value).toBe(2500);
    expect(r.tables[0].columnDetails[2]).toMatchObject({ unit: "元", unitSource: "inferred" });
    expect(flatten(r, ["unit-inferred"])).toEqual([["小学", null, "unit-inferred"]]);
  });
  test("the inference boundary: a median of 49 元 per student is 万元, 50 is 元", () => {
    const wan = check("小学", [
      ["学校名称", "在校生数", "教学仪器设备值"],
      ["甲小学", 1000, 49000], // 49 per student → 万元: 49000 × 10000 ÷ 1000 = 490,000
    ]);
    expect(wan.schools[0].indicators.equipment_value_per_student.value).toBe(490000);
    const yuan = check("小学", [
      ["学校名称", "在校生数", "教学仪器设备值"],
      ["甲小学", 1000, 50000], // 50 per student → 元: 50
    ]);
    expect(yuan.schools[0].indicators.equipment_value_per_student.value).toBe(50);
  });
  test("a cell's own unit differing from its header's: the cell's is used, unit-conflict at the cell", () => {
    const r = check("小学", [
      ["学校名称", "在校生数", "教学仪器设备值(元)"],
      ["甲小学", 1000, "250万元"],
      ["乙小学", 1000, 2500000],
    ]);
    expect(schoolOf(r, "甲小学").indicators.equipment_value_per_student.value).toBe(2500);
    expect(flattenWhere(r, ["unit-conflict"])).toEqual([
      ["小学", "C2", "unit-conflict", "甲小学", null, null],
    ]);
    expect(r.findings.find((f) => f.code === "unit-conflict")!.severity).toBe("warning");
  });
  test("a header in 千元 is converted (issue 14): 2500 千元 ÷ 1000 students = 2500 元", () => {
    const r = check("小学", [
      ["学校名称", "在校生数", "教学仪器设备值(千元)"],
      ["甲小学", 1000, 2500],
    ]);
    expect(r.schools[0].indicators.equipment_value_per_student.value).toBe(2500);
    expect(flatten(r, ["unit-unknown", "unit-inferred"])).toEqual([]);
  });
  test("a header in a unit we refuse to guess (百元): unit-unknown, the column is not used", () => {
    const r = check("小学", [
      ["学校名称", "在校生数", "教学仪器设备值(百元)"],
      ["甲小学", 1000, 2500],
    ]);
    expect(r.schools[0].indicators.equipment_value_per_student.value).toBeNull();
    expect(flatten(r, ["unit-unknown"])).toEqual([["小学", null, "unit-unknown"]]);
    expect(r.findings.find((f) => f.code === "unit-unknown")!.severity).toBe("error");
  });
});
