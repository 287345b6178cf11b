/**
 * Differential test: seeded random counties written as real .xlsx files in the layouts bureaus use (title rows,
 * merged two-row headers, units in the headers, 万元 or 元, numbers typed as text, 合计 and 填表说明 rows, one sheet
 * per stage or one sheet with a 学校类型 column, 九年一贯制 rows with per-stage students), read by src/host/xlsx and
 * checked by the engine — and the same county judged by a small independent implementation of standards.md §3.1,
 * §3.3, §3.4, §5 and §9 written here from
 * the text alone (thresholds, floors and limits typed in from §3.1, no import from src/standards).
 *
 * If a threshold, a floor, the 6-of-7 rule, the unit factor, the weighting of the CV or the reading of a layout
 * were wrong, the two would disagree on some school or some CV of these 40 counties.
 */
import ExcelJS from "exceljs";
import { checkWorkbook } from "../../src/engine/report";
import { readXlsx } from "../../src/host/xlsx/read";
import { QUALITY_IDS } from "./helpers";
import { prng } from "./plan/helpers";

type StageId = "primary" | "junior";
const IDS = QUALITY_IDS;
// standards.md §3.1, typed in: thresholds, 85 % floors as exact decimals, and §3.4 CV limits.
const THRESHOLD: Record<StageId, number[]> = {
  primary: [4.2, 1, 0.9, 4.5, 7.5, 2000, 2.3],
  junior: [5.3, 1, 0.9, 5.8, 10.2, 2500, 2.4],
};
const FLOOR: Record<StageId, number[]> = {
  primary: [3.57, 0.85, 0.765, 3.825, 6.375, 1700, 1.955],
  junior: [4.505, 0.85, 0.765, 4.93, 8.67, 2125, 2.04],
};
const CV_LIMIT: Record<StageId, number> = { primary: 0.5, junior: 0.45 };

interface School {
  name: string;
  stage: StageId;
  students: number;
  /** A 九年一贯制 school written as one row: `students` are its 小学生 (A), these its 初中生 (B). */
  juniorStudents?: number;
  qualified: number;
  key: number;
  pe: number;
  music: number;
  art: number;
  teachingSpace: number;
  sportsSpace: number;
  /** 元. */
  equipment: number;
  rooms: number;
}

/**
 * A school around the thresholds: each indicator at lo … lo + span × its threshold. A tight county (0.93 + 0.6)
 * has passes, 85 % passes and near misses; a wide one (0.2 + 3) has CVs over their limits. One school in three
 * of the two near kinds meets six indicators and puts the seventh just above or below its 85 % floor.
 */
function makeSchool(
  rnd: () => number,
  stage: StageId,
  i: number,
  lo: number,
  span: number
): School {
  const students = 80 + Math.floor(rnd() * 2400);
  const t = THRESHOLD[stage];
  const ratio = IDS.map(() => lo + rnd() * span);
  if (lo < 1 && span < 1 && rnd() < 0.35) {
    for (let k = 0; k < 7; k++) ratio[k] = Math.max(ratio[k], 1.02);
    ratio[Math.floor(rnd() * 7)] = rnd() < 0.5 ? 0.84 : 0.86;
  }
  // Counts rounded to whole people and rooms (so the realised ratio is near, not at, the target).
  const count = (k: number, per = 100): number => Math.round((t[k] * ratio[k] * students) / per);
  return {
    name: stage === "primary" ? `第${i + 1}小学` : `第${i + 1}中学`,
    stage,
    students,
    qualified: count(0),
    key: count(1),
    pe: count(2, 300),
    music: count(2, 300),
    art: count(2, 300),
    teachingSpace: Math.round(t[3] * ratio[3] * students),
    sportsSpace: Math.round(t[4] * ratio[4] * students),
    // Whole 元, divisible by 100 so that a 万元 column holds at most 2 decimals.
    equipment: Math.round((t[5] * ratio[5] * students) / 100) * 100,
    rooms: count(6),
  };
}

/**
 * A row as the standard assesses it: a single-stage school is one part; a 九年一贯制 row is two (§9), students and
 * teachers by stage — whole-school teachers by student share A ÷ (A + B) — and 教学及辅助用房, 体育运动场馆,
 * 教学仪器设备值, 网络多媒体教室 by weighted students A ÷ (A + 1.1B) and 1.1B ÷ (A + 1.1B), fractional.
 */
function partsOf(s: School): { name: string; stage: StageId; students: number; q: number[] }[] {
  const q = [
    s.qualified,
    s.key,
    s.pe + s.music + s.art,
    s.teachingSpace,
    s.sportsSpace,
    s.equipment,
    s.rooms,
  ];
  if (s.juniorStudents === undefined)
    return [{ name: s.name, stage: s.stage, students: s.students, q }];
  const A = s.students;
  const B = s.juniorStudents;
  const teacher = [A / (A + B), B / (A + B)];
  const facility = [A / (A + 1.1 * B), (1.1 * B) / (A + 1.1 * B)];
  return (["primary", "junior"] as StageId[]).map((stage, p) => ({
    name: s.name,
    stage,
    students: p === 0 ? A : B,
    q: q.map((x, k) => x * (k < 3 ? teacher[p] : facility[p])),
  }));
}

/** The independent judgement: §3.1 per-school values, §3.3 pass rule, §5 weighted CV, §3.4 limits. */
function oracle(schools: School[]) {
  const PER_100 = [true, true, true, false, false, false, true];
  const judged = schools.flatMap(partsOf).map((s) => {
    const v = s.q.map((x, k) => (PER_100[k] ? (x * 100) / s.students : x / s.students));
    const met = v.map((x, k) => x >= THRESHOLD[s.stage][k] * (1 - 1e-9));
    const metCount = met.filter(Boolean).length;
    const floorsOk = v.every((x, k) => met[k] || x >= FLOOR[s.stage][k] * (1 - 1e-9));
    return { s, v, metCount, pass: metCount >= 6 && floorsOk };
  });
  const county: Partial<Record<StageId, { cv: number[]; meets: boolean }>> = {};
  for (const stage of ["primary", "junior"] as StageId[]) {
    const part = judged.filter((j) => j.s.stage === stage);
    if (!part.length) continue;
    const P = part.reduce((a, j) => a + j.s.students, 0);
    const cv = IDS.map((_, k) => {
      const mean = part.reduce((a, j) => a + j.s.students * j.v[k], 0) / P;
      const variance = part.reduce((a, j) => a + j.s.students * (j.v[k] - mean) ** 2, 0) / P;
      return Math.sqrt(variance) / mean;
    });
    const cvOk = cv.every((c) => c <= CV_LIMIT[stage] * (1 + 1e-9));
    county[stage] = { cv, meets: cvOk && part.every((j) => j.pass) };
  }
  return { judged, county };
}

interface Layout {
  oneSheet: boolean;
  /** One sheet with 小学在校学生数 and 初中在校学生数 columns, and 九年一贯制 rows. */
  nineYear: boolean;
  wan: boolean;
  title: boolean;
  twoRowHeader: boolean;
  text: boolean;
  totals: boolean;
  note: boolean;
}

/** Writes the county in the layout with exceljs (an independent writer) and returns the .xlsx bytes. */
async function writeCounty(schools: School[], L: Layout): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const groups: [string, School[]][] = L.oneSheet
    ? [["学校基本情况", schools]]
    : [
        ["小学", schools.filter((s) => s.stage === "primary")],
        ["初中", schools.filter((s) => s.stage === "junior")],
      ];
  for (const [name, list] of groups) {
    if (!list.length) continue;
    const ws = wb.addWorksheet(name);
    const lead = L.oneSheet ? ["学校名称", "学校类型"] : ["学校名称"];
    const studentHeads = L.nineYear ? ["小学在校学生数", "初中在校学生数"] : ["在校生数"];
    const money = L.wan ? "教学仪器设备值(万元)" : "教学仪器设备值(元)";
    const flat = [
      ...lead,
      ...studentHeads,
      "高于规定学历教师数",
      "县级及以上骨干教师数",
      "体育专任教师",
      "音乐专任教师",
      "美术专任教师",
      "教学及辅助用房面积(㎡)",
      "体育运动场馆面积(㎡)",
      money,
      "网络多媒体教室数(间)",
    ];
    let r = 1;
    if (L.title) {
      ws.getCell(1, 1).value = "某县义务教育学校办学条件统计表（2024年）";
      ws.mergeCells(1, 1, 1, flat.length);
      r = 2;
    }
    if (L.twoRowHeader) {
      // Group headers over two rows: 学校名称 … merged down; 专任教师 over the four teacher columns, etc.
      const groupsRow: (string | null)[] = flat.map(() => null);
      const n = lead.length + studentHeads.length - 1;
      groupsRow[n + 1] = "专任教师(人)";
      groupsRow[n + 6] = "办学条件";
      const leaves = flat.map((h, i) =>
        i > n && i <= n + 5
          ? h.replace("专任教师", "").replace("教师数", "")
          : i >= n + 6
            ? h
            : null
      );
      flat.forEach((h, i) => {
        const c = i + 1;
        if (leaves[i] === null) {
          ws.getCell(r, c).value = h;
          ws.mergeCells(r, c, r + 1, c);
        } else {
          ws.getCell(r + 1, c).value = leaves[i];
        }
      });
      ws.getCell(r, n + 2).value = groupsRow[n + 1];
      ws.mergeCells(r, n + 2, r, n + 6);
      ws.getCell(r, n + 7).value = groupsRow[n + 6];
      ws.mergeCells(r, n + 7, r, flat.length);
      r += 2;
    } else {
      flat.forEach((h, i) => (ws.getCell(r, i + 1).value = h));
      r += 1;
    }
    const cell = (x: number): string | number =>
      L.text ? (x >= 1000 ? x.toLocaleString("en-US") : String(x)) : x;
    for (const s of list) {
      const equipment = L.wan ? s.equipment / 10000 : s.equipment;
      const row = [
        s.name,
        ...(L.oneSheet
          ? [
              s.juniorStudents !== undefined
                ? "九年一贯制学校"
                : s.stage === "primary"
                  ? "小学"
                  : "初级中学",
            ]
          : []),
        ...(L.nineYear
          ? s.juniorStudents !== undefined
            ? [cell(s.students), cell(s.juniorStudents)]
            : s.stage === "primary"
              ? [cell(s.students), null]
              : [null, cell(s.students)]
          : [cell(s.students)]),
        cell(s.qualified),
        cell(s.key),
        cell(s.pe),
        cell(s.music),
        cell(s.art),
        cell(s.teachingSpace),
        cell(s.sportsSpace),
        L.text ? String(equipment) : equipment,
        cell(s.rooms),
      ];
      row.forEach((v, i) => (ws.getCell(r, i + 1).value = v));
      r++;
    }
    if (L.totals && !L.nineYear) {
      ws.getCell(r, 1).value = "合计";
      ws.getCell(r, lead.length + 1).value = list.reduce((a, s) => a + s.students, 0);
      r++;
    }
    if (L.note)
      ws.getCell(r + 1, 1).value = "填表说明：1. 在校生数以学籍为准；2. 设备值按账面原值填写。";
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const COUNTIES = 40;
const STATS = {
  schools: 0,
  pass: 0,
  at85: 0,
  stages: 0,
  stagesMeeting: 0,
  cvOver: 0,
  nineYearParts: 0,
};
const cases = Array.from({ length: COUNTIES }, (_, c) => c);

describe.each(cases)("county %i", (c) => {
  const rnd = prng(20261202 + c * 7919);
  const nPrimary = 2 + Math.floor(rnd() * 25);
  const nJunior = Math.floor(rnd() * 10);
  // Four kinds of county: all passing, near misses, mixed, and wide (CVs over their limits).
  const [lo, span] = [
    [1, 0.25],
    [0.93, 0.6],
    [0.8, 0.7],
    [0.2, 3],
  ][c % 4];
  const schools = [
    ...Array.from({ length: nPrimary }, (_, i) => makeSchool(rnd, "primary", i, lo, span)),
    ...Array.from({ length: nJunior }, (_, i) => makeSchool(rnd, "junior", i, lo, span)),
  ];
  const oneSheet = rnd() < 0.5;
  const nineYear = oneSheet && rnd() < 0.6;
  if (nineYear) {
    // 1–3 九年一贯制 schools: whole-school figures for A + 1.1B weighted students, so their parts land near the
    // thresholds too (a facility part gets X × its weighted share, a teacher part X × its student share).
    for (let i = 0; i < 1 + Math.floor(rnd() * 3); i++) {
      const base = makeSchool(rnd, "primary", i, lo, span);
      const B = 60 + Math.floor(rnd() * 900);
      const j = makeSchool(rnd, "junior", i, lo, span);
      const scale = (x: number, y: number): number => x + Math.round((y * B) / j.students);
      schools.push({
        ...base,
        name: `第${i + 1}九年一贯制学校`,
        juniorStudents: B,
        qualified: scale(base.qualified, j.qualified),
        key: scale(base.key, j.key),
        pe: scale(base.pe, j.pe),
        music: scale(base.music, j.music),
        art: scale(base.art, j.art),
        teachingSpace: scale(base.teachingSpace, j.teachingSpace),
        sportsSpace: scale(base.sportsSpace, j.sportsSpace),
        equipment: Math.round(scale(base.equipment, j.equipment) / 100) * 100,
        rooms: scale(base.rooms, j.rooms),
      });
    }
  }
  const layout: Layout = {
    oneSheet,
    nineYear,
    wan: rnd() < 0.6,
    title: rnd() < 0.7,
    twoRowHeader: rnd() < 0.5,
    text: rnd() < 0.3,
    totals: rnd() < 0.5,
    note: rnd() < 0.5,
  };
  const expected = oracle(schools);
  STATS.schools += expected.judged.length;
  STATS.nineYearParts += schools.filter((x) => x.juniorStudents !== undefined).length * 2;
  STATS.pass += expected.judged.filter((j) => j.pass).length;
  STATS.at85 += expected.judged.filter((j) => j.pass && j.metCount === 6).length;
  for (const [stage, st] of Object.entries(expected.county)) {
    STATS.stages++;
    if (st.cv.some((x) => x > CV_LIMIT[stage as StageId])) STATS.cvOver++;
    if (st.meets) STATS.stagesMeeting++;
  }

  test(`every school and every CV as the independent judgement says (${JSON.stringify(layout)})`, async () => {
    const bytes = await writeCounty(schools, layout);
    const { report } = checkWorkbook(readXlsx(bytes));
    const assessed = report.schools.filter((s) => s.excluded === false);
    expect(assessed.map((s) => `${s.stage}:${s.name}`).sort()).toEqual(
      expected.judged.map((j) => `${j.s.stage}:${j.s.name}`).sort()
    );
    for (const j of expected.judged) {
      const got = assessed.find((s) => s.name === j.s.name && s.stage === j.s.stage)!;
      expect({
        name: got.name,
        students: got.students,
        metCount: got.metCount,
        meets: got.meets,
      }).toEqual({
        name: j.s.name,
        students: j.s.students,
        metCount: j.metCount,
        meets: j.pass,
      });
      IDS.forEach((id, k) => {
        const v = got.indicators[id].value as number;
        expect(Math.abs(v - j.v[k])).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(j.v[k])));
      });
    }
    for (const stage of ["primary", "junior"] as StageId[]) {
      const want = expected.county[stage];
      const got = report.county[stage];
      if (!want) {
        expect(got).toBeUndefined();
        continue;
      }
      IDS.forEach((id, k) => {
        const cv = got!.indicators[id].cv as number;
        expect(Math.abs(cv - want.cv[k])).toBeLessThanOrEqual(1e-9);
      });
      expect(got!.meets).toBe(want.meets);
    }
    // The whole-county answer: meets only when every stage does.
    const stages = Object.values(expected.county);
    expect(report.summary.meets).toBe(stages.every((s) => s!.meets));
  });
});

test("the counties exercise every outcome: passes, passes at 85 %, failures, stages meeting, CVs over the limit", () => {
  // Without these the comparison above could agree on easy cases only.
  expect(STATS.pass).toBeGreaterThan(100);
  expect(STATS.at85).toBeGreaterThan(50);
  expect(STATS.schools - STATS.pass).toBeGreaterThan(100);
  expect(STATS.stagesMeeting).toBeGreaterThan(3);
  expect(STATS.cvOver).toBeGreaterThan(3);
  expect(STATS.nineYearParts).toBeGreaterThan(20);
});
