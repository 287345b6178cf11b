/**
 * The national 申报表 (standards.md §17.10) as a workbook spec: pure, report in → spec out; written by
 * src/host/xlsx/newWorkbook.ts. Numbers are written already rounded half up (§7) with a matching number format;
 * a value that cannot be computed is left blank (fill-in blanks in sentences as ＿＿).
 */
import type { Assessment, AssessmentItem, CountyEntry } from "../../engine/assessment/types";
import { roundHalfUp } from "../../engine/format";
import type { Report, SchoolResult } from "../../engine/reportTypes";
import type {
  CellSpec,
  CellStyle,
  CellValue,
  SheetSpec,
  WorkbookSpec,
} from "../../host/xlsx/newWorkbook";
import { Q9_SUBJECTS } from "../../standards/assessment-2017";
import type { Stage } from "../../standards/types";
import {
  BLANK,
  governmentRowTexts,
  INDICATOR_HEADERS,
  LEVEL_NUMERALS,
  QUALITY_ROW_TEXTS,
  SHEET_NAMES,
  T1_NOTE,
  T3_NOTE,
  T4_NOTE,
  t22Note,
  TITLES,
} from "./texts";

/** Dark solid fill of a cell below its threshold (2012 填报说明 "用深色背景做标志"). */
export const BELOW_FILL = "FF808080";

const FMT = { 0: "0", 1: "0.0", 2: "0.00", 3: "0.000" } as const;
type Decimals = keyof typeof FMT;

const TITLE: CellStyle = { bold: true, fontSize: 14, horizontal: "center", vertical: "center" };
const HEAD: CellStyle = {
  bold: true,
  border: true,
  wrap: true,
  horizontal: "center",
  vertical: "center",
};
const CODE: CellStyle = { border: true, horizontal: "center", vertical: "center" };
const TEXT: CellStyle = { border: true, wrap: true, vertical: "center" };
const NOTE: CellStyle = { wrap: true, vertical: "top" };

const STAGE_NAME: Record<Stage, string> = { primary: "小学", junior: "初中" };

function col(i: number): string {
  return String.fromCharCode(65 + i);
}

class Sheet {
  readonly cells: CellSpec[] = [];
  readonly merges: string[] = [];
  constructor(readonly name: string) {}

  set(ref: string, value: CellValue, style?: CellStyle): void {
    this.cells.push(style ? { ref, value, style } : { ref, value });
  }

  /** A number rounded half up to `d` decimals with the matching format; null/undefined → a blank bordered cell. */
  num(ref: string, value: number | null | undefined, d: Decimals, extra: CellStyle = {}): void {
    const style: CellStyle = {
      border: true,
      horizontal: "center",
      vertical: "center",
      numFmt: FMT[d],
      ...extra,
    };
    this.set(
      ref,
      value === null || value === undefined || !Number.isFinite(value)
        ? null
        : roundHalfUp(value, d),
      style
    );
  }

  merge(range: string, value?: CellValue, style?: CellStyle): void {
    this.merges.push(range);
    const [a, b] = range.split(":");
    if (value !== undefined) this.set(a, value, style);
    // Borders on every cell of a bordered merge, so the printed frame is whole.
    if (style?.border) {
      const c0 = a.charCodeAt(0);
      const c1 = b.charCodeAt(0);
      const r0 = Number(a.slice(1));
      const r1 = Number(b.slice(1));
      for (let r = r0; r <= r1; r++)
        for (let c = c0; c <= c1; c++) {
          const ref = `${String.fromCharCode(c)}${r}`;
          if (ref !== a) this.set(ref, null, { border: true });
        }
    }
  }

  spec(extra: Omit<SheetSpec, "name" | "cells" | "merges">): SheetSpec {
    return { name: this.name, cells: this.cells, merges: this.merges, ...extra };
  }
}

function entry(a: Assessment, code: string): number | undefined {
  const e: CountyEntry | undefined = a.entries.find((x) => x.code === code);
  return typeof e?.value === "number" ? e.value : undefined;
}

function itemOf(a: Assessment, id: string): AssessmentItem | undefined {
  return a.items.find((i) => i.id === id);
}

/** An input of an item (county code or school-side figure) as a number. */
function inputOf(item: AssessmentItem | undefined, code: string): number | undefined {
  const v = item?.inputs?.find((i) => i.code === code)?.value;
  return typeof v === "number" ? v : undefined;
}

/** A number in a sentence: half up to `d` decimals, plain digits; ＿＿ when missing. */
function fill(v: number | null | undefined, d: Decimals = 0): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return BLANK;
  return roundHalfUp(v, d).toFixed(d);
}

function pct(num: number | undefined, den: number | undefined): number | undefined {
  return num !== undefined && den !== undefined && den > 0 ? (num * 100) / den : undefined;
}

function yesNo(m: boolean | null): string | null {
  return m === true ? "是" : m === false ? "否" : null;
}

// ---------------------------------------------------------------------------------------------------------------

function table1(a: Assessment): SheetSpec {
  const s = new Sheet(SHEET_NAMES[0]);
  s.merge("A1:X1", TITLES.t1, TITLE);
  s.merge("A2:D2", "自然情况", HEAD);
  s.merge("E2:H2", "经济情况", HEAD);
  s.merge("I2:M2", "普通中小学校数(所)", HEAD);
  s.merge("N2:N4", "特殊教育学校(所)", HEAD);
  s.merge("O2:P2", "小学教学点数(个)", HEAD);
  s.merge("Q2:R2", "教学班数(个)", HEAD);
  s.merge("S2:T2", "在校学生数(人)", HEAD);
  s.merge("U2:X2", "教职工数(人)", HEAD);
  const tall = [
    "人口总数(万人)",
    "农业人口数(万人)",
    "乡镇数(个)",
    "行政村数(个)",
    "年人均国内生产总值(元)",
    "年人均地方财政收入(元)",
    "农民年人均纯收入(元)",
    "城镇居民年人均可支配收入(元)",
    "小学",
    "九年一贯制学校",
    "初中",
    "完全中学",
    "十二年一贯制学校",
  ];
  tall.forEach((h, i) => s.merge(`${col(i)}3:${col(i)}4`, h, HEAD));
  s.merge("O3:O4", "计", HEAD);
  s.merge("P3:P4", "其中：50人及以上", HEAD);
  s.merge("Q3:Q4", "小学", HEAD);
  s.merge("R3:R4", "初中", HEAD);
  s.merge("S3:S4", "小学", HEAD);
  s.merge("T3:T4", "初中", HEAD);
  s.merge("U3:V3", "小学", HEAD);
  s.merge("W3:X3", "初中", HEAD);
  s.set("U4", "合计", HEAD);
  s.set("V4", "其中专任教师", HEAD);
  s.set("W4", "合计", HEAD);
  s.set("X4", "其中专任教师", HEAD);
  for (let i = 0; i < 24; i++) s.set(`${col(i)}5`, `L${i + 1}`, CODE);

  const b = a.basics;
  const values: [number | null | undefined, Decimals][] = [
    [entry(a, "T1.population"), 2],
    [entry(a, "T1.agri_population"), 2],
    [entry(a, "T1.towns"), 0],
    [entry(a, "T1.villages"), 0],
    [entry(a, "T1.gdp_per_capita"), 0],
    [entry(a, "T1.revenue_per_capita"), 0],
    [entry(a, "T1.farmer_income"), 0],
    [entry(a, "T1.urban_income"), 0],
    [b.schools.primary, 0],
    [b.schools.nineYear, 0],
    [b.schools.junior, 0],
    [b.schools.completeSecondary, 0],
    [b.schools.twelveYear, 0],
    [b.specialSchools, 0],
    [b.teachingPoints.all, 0],
    [b.teachingPoints.atLeast50, 0],
    [b.classes.primary, 0],
    [b.classes.junior, 0],
    [b.students.primary, 0],
    [b.students.junior, 0],
    [b.staff.primary, 0],
    [b.teachers.primary, 0],
    [b.staff.junior, 0],
    [b.teachers.junior, 0],
  ];
  values.forEach(([v, d], i) => s.num(`${col(i)}6`, v, d));
  s.merge("A7:X7", T1_NOTE, NOTE);
  return s.spec({
    // 人口总数(万人) … 城镇居民年人均可支配收入(元) need room for two lines without a lone ")" (seen in LibreOffice).
    // U–X (教职工 合计 / 其中专任教师) need room for 「其中专任教师」 on two lines (seen in LibreOffice).
    columnWidths: Array.from({ length: 24 }, (_, i) => (i < 8 ? 12 : i >= 20 ? 10 : 9)),
    rowHeights: { 1: 30, 3: 48, 4: 36, 6: 22, 7: 30 },
    print: { area: "A1:X7", titleRows: [1, 5] },
  });
}

/** The resource list of a stage in the order of the school table (excluded 教学点 not listed). */
function stageParts(report: Report, stage: Stage): { s: SchoolResult; index: number }[] {
  return report.schools
    .map((s, index) => ({ s, index }))
    .filter(({ s }) => s.stage === stage && !s.excluded);
}

function table21(report: Report): SheetSpec {
  const s = new Sheet(SHEET_NAMES[1]);
  s.merge("A1:J1", TITLES.t21, TITLE);
  s.merge("A2:B3", "", HEAD);
  INDICATOR_HEADERS.forEach((h, i) => s.set(`${col(2 + i)}2`, h, HEAD));
  s.set("J2", "综合评估", HEAD);
  for (let i = 0; i < 8; i++) s.set(`${col(2 + i)}3`, `L${i + 1}`, CODE);
  const ids = report.indicators.map((i) => i.id);
  (["primary", "junior"] as Stage[]).forEach((stage, k) => {
    const r = 4 + 2 * k;
    s.merge(`A${r}:A${r + 1}`, STAGE_NAME[stage], HEAD);
    s.set(`B${r}`, "达标学校总数", TEXT);
    s.set(`B${r + 1}`, "达标学校比例（%）", TEXT);
    const parts = stageParts(report, stage);
    const n = parts.length;
    const counts = ids.map(
      (id) => parts.filter(({ s: p }) => p.indicators[id]?.meets === true).length
    );
    counts.push(parts.filter(({ s: p }) => p.meets === true).length);
    counts.forEach((c, i) => {
      s.num(`${col(2 + i)}${r}`, n ? c : null, 0);
      // 比例: count × 100 ÷ schools in the stage, 1 dp (our convention, as §16's "50.0%").
      s.num(`${col(2 + i)}${r + 1}`, n ? (c * 100) / n : null, 1);
    });
  });
  return s.spec({
    columnWidths: [8, 18, 14, 14, 16, 14, 14, 14, 14, 12],
    rowHeights: { 1: 30, 2: 75 },
    print: { area: "A1:J7", titleRows: [1, 3] },
  });
}

function remark(report: Report, school: SchoolResult, tolerance: number): string {
  const met: string[] = [];
  const floor: string[] = [];
  const below: string[] = [];
  const missing: string[] = [];
  report.indicators.forEach((ind, i) => {
    const code = `L${7 + i}`;
    const r = school.indicators[ind.id];
    if (!r || r.value === null) missing.push(code);
    else if (r.meets === true) met.push(code);
    else {
      const f = ind.floor?.[school.stage];
      if (f !== undefined && r.value >= f - tolerance * f) floor.push(code);
      else below.push(code);
    }
  });
  const groups: string[] = [];
  if (met.length) groups.push(`达标：${met.join("、")}`);
  if (floor.length) groups.push(`达到85%：${floor.join("、")}`);
  if (below.length) groups.push(`未达85%：${below.join("、")}`);
  if (missing.length) groups.push(`缺数据：${missing.join("、")}`);
  return groups.join("；");
}

function table22(report: Report, a: Assessment): SheetSpec {
  const s = new Sheet(SHEET_NAMES[2]);
  s.merge("A1:O1", TITLES.t22, TITLE);
  const heads = [
    "序号",
    "学校名称",
    "举办者类型",
    "在校生数",
    "年级数",
    "班级数",
    ...INDICATOR_HEADERS,
    "该校综合评估是否达标",
    "备注（注明有哪几项指标达标，哪几项指标达到85%）",
  ];
  heads.forEach((h, i) => s.set(`${col(i)}2`, h, HEAD));
  for (let i = 0; i < 14; i++) s.set(`${col(i)}3`, `L${i + 1}`, CODE);
  s.set("O3", null, CODE);
  let row = 4;
  const counts = { n: 0, a: 0, b: 0, m: 0, c: 0, d: 0 };
  const tolerance = report.policy.tolerance;
  const remarkLines = new Map<number, number>();
  for (const stage of ["primary", "junior"] as Stage[]) {
    let seq = 0;
    for (const { s: school, index } of stageParts(report, stage)) {
      const facts = a.schoolFacts[index];
      const kind = facts?.kind;
      if (stage === "primary") {
        counts.n++;
        if (kind === "nine-year" || kind === "twelve-year") counts.a++;
        if (kind === "teaching-point") counts.b++;
      } else {
        counts.m++;
        if (kind === "nine-year" || kind === "twelve-year") counts.c++;
        if (kind === "complete-secondary") counts.d++;
      }
      const name = school.split
        ? `${school.name}${stage === "primary" ? "（小学部）" : "（初中部）"}`
        : school.name;
      s.num(`A${row}`, ++seq, 0);
      s.set(`B${row}`, name, TEXT);
      s.num(`C${row}`, facts?.ownership ?? null, 0);
      s.num(`D${row}`, school.students, 0);
      s.num(`E${row}`, facts?.grades ?? null, 0);
      s.num(`F${row}`, facts?.classes ?? null, 0);
      report.indicators.forEach((ind, i) => {
        const r = school.indicators[ind.id];
        const below = r?.value !== null && r?.value !== undefined && r.meets === false;
        s.num(`${col(6 + i)}${row}`, r?.value ?? null, 2, below ? { fill: BELOW_FILL } : {});
      });
      // L14: the number 1 when the school passes §3.3, empty when it does not ("达标的填1，不达标的不填").
      s.num(`N${row}`, school.meets === true ? 1 : null, 0);
      const relaxedCodes = [
        ["R3", "L9"],
        ["R5", "L11"],
      ]
        .filter(([item]) =>
          a.relaxations.applied.some(
            (x) => x.item === item && x.school === school.name && x.stage === stage
          )
        )
        .map(([, code]) => code);
      const relaxed = relaxedCodes.length ? `；按《规程》放宽：${relaxedCodes.join("、")}` : "";
      const note = remark(report, school, tolerance) + relaxed;
      s.set(`O${row}`, note, TEXT);
      // Column O is 44 wide (a CJK character takes 2, L7 and 85% 1 each): a row tall enough for every line.
      const units = [...note].reduce((n, ch) => n + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0);
      remarkLines.set(row, Math.ceil(units / 42));
      row++;
    }
  }
  s.merge(
    `A${row}:O${row}`,
    t22Note(counts.n, counts.a, counts.b, counts.m, counts.c, counts.d),
    NOTE
  );
  // Data rows tall enough for a 备注 of two lines.
  const heights: Record<number, number> = { 1: 30, 2: 90, [row]: 45 };
  for (let r = 4; r < row; r++) heights[r] = Math.max(30, 14 * (remarkLines.get(r) ?? 1) + 6);
  return s.spec({
    columnWidths: [6, 24, 8, 9, 7, 7, 11, 11, 12, 11, 11, 11, 11, 10, 44],
    rowHeights: heights,
    print: { area: `A1:O${row}`, titleRows: [1, 3] },
  });
}

function table3(report: Report): SheetSpec {
  const s = new Sheet(SHEET_NAMES[3]);
  s.merge("A1:J1", TITLES.t3, TITLE);
  s.merge("A2:B3", "", HEAD);
  INDICATOR_HEADERS.forEach((h, i) => s.set(`${col(2 + i)}2`, h, HEAD));
  s.set("J2", "综合", HEAD);
  for (let i = 0; i < 8; i++) s.set(`${col(2 + i)}3`, `L${i + 1}`, CODE);
  (["primary", "junior"] as Stage[]).forEach((stage, k) => {
    const r = 4 + 2 * k;
    s.merge(`A${r}:A${r + 1}`, STAGE_NAME[stage], HEAD);
    s.set(`B${r}`, "全县平均值", TEXT);
    s.set(`B${r + 1}`, "差异系数", TEXT);
    const c = report.county[stage];
    report.indicators.forEach((ind, i) => {
      const ci = c?.indicators[ind.id];
      s.num(`${col(2 + i)}${r}`, ci?.mean ?? null, 2);
      s.num(`${col(2 + i)}${r + 1}`, ci?.cv ?? null, 3);
    });
    // No composite under 2017 (§3.4).
    s.set(`J${r}`, "——", CODE);
    s.set(`J${r + 1}`, "——", CODE);
  });
  s.merge("A8:J8", T3_NOTE, NOTE);
  return s.spec({
    columnWidths: [8, 14, 14, 14, 16, 14, 14, 14, 14, 10],
    rowHeights: { 1: 30, 2: 75 },
    print: { area: "A1:J8", titleRows: [1, 3] },
  });
}

/** 表Ⅳ column B: the form's sentence with its blanks filled (ratios 1 dp, other numbers integers). */
function governmentSentence(a: Assessment, id: string): string | null {
  const it = itemOf(a, id);
  const n = (code: string) => inputOf(it, code);
  const partValue = (pid: string) => it?.parts?.find((p) => p.id === pid)?.value ?? undefined;
  switch (id) {
    case "G3":
      if (!it || it.status === "missing") return null;
      return it.schools?.length ? `未达标学校：${it.schools.join("、")}` : "全部达标";
    case "G4":
      if (!it || it.status === "missing")
        return `超过2000人的小学${BLANK}所，初中${BLANK}所，超过2500人的一贯制学校${BLANK}所`;
      return `超过2000人的小学${fill(n("G4.primary_over"))}所，初中${fill(n("G4.junior_over"))}所，超过2500人的一贯制学校${fill(n("G4.through_train_over"))}所`;
    case "G5":
      // Missing = no class over the limit found so far, but some school undecided: 0 would be invented.
      if (!it || it.status === "missing")
        return `超过45人的小学班级${BLANK}个，超过50人的初中班级${BLANK}个`;
      return `超过45人的小学班级${fill(n("G5.primary_over"))}个，超过50人的初中班级${fill(n("G5.junior_over"))}个`;
    case "G6":
      if (it?.status === "not-applicable") return "不足100人的规模较小学校学生数0人，公用经费0元。";
      return `不足100人的规模较小学校学生数${fill(n("G6.students"))}人，公用经费${fill(n("G6.funds"))}元。`;
    case "G7": {
      const funds = n("G7.special_funds");
      const students = n("G7.special_students");
      return `特殊教育学校公用经费为${fill(funds === undefined ? undefined : funds / 10000)}万元，特殊教育学生数为${fill(students)}人，特殊教育学校生均公用经费为${fill(it?.value)}元`;
    }
    case "G8":
      return `全县义务教育学校教师年平均工资收入为${fill(n("G8.teacher_salary"))}元，当地公务员年平均工资收入${fill(n("G8.civil_salary"))}元`;
    case "G9":
    case "G12": {
      const num =
        id === "G9"
          ? (n("G9.trained") ?? n("G9.trained_teachers"))
          : (n("G12.certified") ?? n("G12.certified_teachers"));
      const den = n(`${id}.teachers`);
      return id === "G9"
        ? `完成360学时培训的教师${fill(num)}人，全县教师${fill(den)}人，教师培训完成率${fill(it?.value, 1)}%`
        : `全县在岗专任教师${fill(den)}人，其中持有教师资格证的专任教师${fill(num)}人，占比${fill(it?.value, 1)}%`;
    }
    case "G11":
      return (
        `全县符合交流轮岗条件教师总数${fill(n("G11.eligible"))}名，上一年度交流轮岗教师${fill(n("G11.rotated"))}名，` +
        `交流轮岗教师占符合交流轮岗条件教师总数的比例${fill(partValue("G11.rotation"), 1)}%；` +
        `交流轮岗的骨干教师${fill(n("G11.key_rotated"))}名，占交流轮岗教师总数的比例${fill(partValue("G11.key"), 1)}%`
      );
    case "G13": {
      const [p1, p2] = it?.parts ?? [];
      return `城区和镇区公办小学、初中（均不含寄宿制学校）就近划片入学比例分别${fill(p1?.value, 1)}%、${fill(p2?.value, 1)}%。`;
    }
    case "G14": {
      const allocated = n("G14.quota_allocated");
      const rural = n("G14.quota_rural");
      return (
        `全县优质高中招生名额总数${fill(n("G14.quota_total"))}人，分配名额${fill(allocated)}人，占比${fill(it?.value, 1)}%。` +
        `其中分配农村学校的名额${fill(rural)}人，占分配名额总数的${fill(pct(rural, allocated), 1)}%`
      );
    }
    case "G15": {
      const pub = n("G15.public");
      const bought = n("G15.purchased");
      // 合计 only from both numbers: a blank is never 0.
      const sum = pub === undefined || bought === undefined ? undefined : pub + bought;
      return (
        `全县符合条件的随迁子女数${fill(n("G15.eligible"))}人，在公办学校就读${fill(pub)}人，` +
        `在政府购买服务的民办学校就读${fill(bought)}人，合计${fill(sum)}人，占比${fill(it?.value, 1)}%`
      );
    }
    default:
      // G1, G2, G10: the 说明 text of their 「县级指标」 row.
      return it?.note ?? null;
  }
}

/** 「（按《规程》放宽认定：…）」 for the schools a §17.4 relaxation decided on this item; "" when none. */
function relaxedNote(a: Assessment, item: string): string {
  const names = [
    ...new Set(a.relaxations.applied.filter((r) => r.item === item).map((r) => r.school)),
  ];
  return names.length ? `（按《规程》放宽认定：${names.join("、")}）` : "";
}

function table4(a: Assessment): SheetSpec {
  const s = new Sheet(SHEET_NAMES[4]);
  s.merge("A1:C1", TITLES.t4, TITLE);
  s.set("A2", "名称", HEAD);
  s.set("B2", "指标值或简要结论", HEAD);
  s.set("C2", "是否达标", HEAD);
  const texts = governmentRowTexts(a.settings.specialFundsPerStudent);
  for (let i = 0; i < 15; i++) {
    const id = `G${i + 1}`;
    const r = 3 + i;
    s.set(`A${r}`, texts[i], TEXT);
    const sentence = governmentSentence(a, id);
    // The 规程 relaxations are named wherever they decided a verdict (§17.4: "named in every report that uses it").
    const relaxed = id === "G3" || id === "G4" ? relaxedNote(a, id) : "";
    s.set(`B${r}`, sentence === null && !relaxed ? null : `${sentence ?? ""}${relaxed}`, TEXT);
    s.set(`C${r}`, yesNo(itemOf(a, id)?.meets ?? null), CODE);
  }
  s.merge("A18:C18", T4_NOTE, NOTE);
  return s.spec({
    columnWidths: [48, 70, 10],
    // The title needs its own height: at the default it touches the header (seen in LibreOffice).
    rowHeights: {
      1: 30,
      2: 22,
      ...Object.fromEntries(Array.from({ length: 15 }, (_, i) => [3 + i, 50])),
    },
    print: { area: "A1:C18", titleRows: [1, 2] },
  });
}

function qualitySentence(a: Assessment, id: string): string | null {
  const it = itemOf(a, id);
  const n = (code: string) => inputOf(it, code);
  switch (id) {
    case "Q1":
      return (
        `全县初中毕业班学生数为${fill(n("Q1.graduates"))}人，三年前该年级入学学生数为${fill(n("Q1.entrants"))}人，` +
        `毕业年级三年转入学生数为${fill(n("Q1.transfer_in"))}人，死亡学生数为${fill(n("Q1.deaths"))}人，` +
        `转出学生数为${fill(n("Q1.transfer_out"))}人，全县初中三年巩固率为${fill(it?.value, 1)}%`
      );
    case "Q2": {
      const enrolled = n("Q2.disabled_enrolled");
      const special = n("Q2.special_school_enrolled");
      // e = d × 100 ÷ b: a share of those enrolled (our reading, §17.10).
      return (
        `全县残疾儿童少年为${fill(n("Q2.disabled_children"))}人，入学${fill(enrolled)}人，入学率为${fill(it?.value, 1)}%。` +
        `其中，在特殊教育学校就读${fill(special)}人，占比${fill(pct(special, enrolled), 1)}%。`
      );
    }
    case "Q4":
      if (!it || it.status === "missing") return null;
      return it.schools?.length ? `未达到5%的学校：${it.schools.join("、")}` : "全部达标";
    case "Q9": {
      const part = (pid: string) => it?.parts?.find((p) => p.id === pid)?.value ?? undefined;
      return (
        Q9_SUBJECTS.map((sub) => {
          const level = part(`Q9.${sub.key}.level`);
          const gap = part(`Q9.${sub.key}.gap`);
          const l =
            level !== undefined && level >= 1 && level <= 4
              ? LEVEL_NUMERALS[Math.round(level)]
              : BLANK;
          return `${sub.name["zh-CN"]}${l}级、校际差异率${fill(gap, 2)}`;
        }).join("；") + "。"
      );
    }
    default:
      return it?.note ?? null;
  }
}

function table5(a: Assessment): SheetSpec {
  const s = new Sheet(SHEET_NAMES[5]);
  s.merge("A1:C1", TITLES.t5, TITLE);
  s.merge("A2:A3", "名称", HEAD);
  s.merge("B2:B3", "指标值或简要结论", HEAD);
  s.merge("C2:C3", "是否达标", HEAD);
  for (let i = 0; i < 9; i++) {
    const id = `Q${i + 1}`;
    const r = 4 + i;
    s.set(`A${r}`, QUALITY_ROW_TEXTS[i], TEXT);
    s.set(`B${r}`, qualitySentence(a, id), TEXT);
    s.set(`C${r}`, yesNo(itemOf(a, id)?.meets ?? null), CODE);
  }
  s.merge("A13:C13", T4_NOTE, NOTE);
  return s.spec({
    columnWidths: [48, 70, 10],
    rowHeights: {
      1: 30,
      ...Object.fromEntries(Array.from({ length: 9 }, (_, i) => [4 + i, 45])),
    },
    print: { area: "A1:C13", titleRows: [1, 3] },
  });
}

function table6(a: Assessment): SheetSpec {
  const s = new Sheet(SHEET_NAMES[6]);
  s.merge("A1:H1", TITLES.t6, TITLE);
  s.merge("A2:A4", "", HEAD);
  s.merge("B2:D2", "问卷总数", HEAD);
  s.merge("B3:B4", "计", HEAD);
  s.merge("C3:D3", "其中：回收有效问卷数", HEAD);
  s.set("C4", "计", HEAD);
  s.set("D4", "其中：满意问卷数", HEAD);
  s.merge("E2:E4", "问卷调查综合满意度（%）", HEAD);
  s.merge("F2:G2", "实地走访人数", HEAD);
  s.merge("F3:F4", "计", HEAD);
  s.merge("G3:G4", "其中：满意人数", HEAD);
  s.merge("H2:H4", "实地走访满意度（%）", HEAD);
  s.set("A5", null, CODE);
  for (let i = 0; i < 7; i++) s.set(`${col(1 + i)}5`, `L${i + 1}`, CODE);
  const rows: [number, string, string][] = [
    [6, "计", "S1."],
    [7, "其中：家长", "S1.parent_"],
  ];
  for (const [r, label, prefix] of rows) {
    s.set(`A${r}`, label, TEXT);
    const surveys = entry(a, `${prefix}surveys`);
    const valid = entry(a, `${prefix}valid`);
    const satisfied = entry(a, `${prefix}satisfied`);
    const visits = entry(a, `${prefix}visits`);
    const visitSatisfied = entry(a, `${prefix}visit_satisfied`);
    s.num(`B${r}`, surveys, 0);
    s.num(`C${r}`, valid, 0);
    s.num(`D${r}`, satisfied, 0);
    s.num(`E${r}`, pct(satisfied, valid), 1);
    s.num(`F${r}`, visits, 0);
    s.num(`G${r}`, visitSatisfied, 0);
    s.num(`H${r}`, pct(visitSatisfied, visits), 1);
  }
  return s.spec({
    columnWidths: [12, 11, 11, 12, 14, 11, 12, 14],
    rowHeights: { 1: 30, 3: 30, 4: 30 },
    print: { area: "A1:H7", titleRows: [1, 5] },
  });
}

/** Thrown for a report the 申报表 cannot be built from (basic-2012: no assessment, §17.9). */
export class DeclarationUnavailableError extends Error {}

/** The seven sheets 表Ⅰ, 表Ⅱ-1, 表Ⅱ-2, 表Ⅲ, 表Ⅳ, 表Ⅴ, 表Ⅵ, in that order. */
export function buildDeclaration(report: Report): WorkbookSpec {
  const a = report.assessment;
  if (report.standard.id !== "quality-2017" || !a)
    throw new DeclarationUnavailableError("the 申报表 exists for quality-2017 only");
  return {
    sheets: [
      table1(a),
      table21(report),
      table22(report, a),
      table3(report),
      table4(a),
      table5(a),
      table6(a),
    ],
  };
}
