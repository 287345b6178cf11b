/**
 * Benchmark workbooks: one sheet, ONE header row, the 13 columns bench/peer_pandas.py expects, N school rows.
 *
 * Figures come from a seeded PRNG (mulberry32), so a size + seed always gives the same numbers. Values are plausible
 * rather than realistic: 50–3000 students, teachers at a usual student/teacher ratio, and each of the seven
 * quality-2017 numerators drawn around its threshold (standards.md §3.1) so that most schools pass, some fall into
 * the 85 % band and some fail — the engine does all of its work, not just the happy path.
 *
 * Written with exceljs' streaming writer and useSharedStrings: true, because Excel itself always writes strings to
 * the shared-string table (a file saved by Excel or WPS looks like this, not like inline strings).
 *
 * Files are cached as <os.tmpdir()>/junheng-bench/schools-<rows>-s<seed>-v<GEN_VERSION>.xlsx; bump GEN_VERSION when
 * the generator changes so stale files are not reused.
 */
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const ExcelJS = require("exceljs");

const GEN_VERSION = 1;
const SHEET = "学校基本情况";

const HEADER = [
  "学校名称",
  "学段",
  "在校生数(人)",
  "专任教师数",
  "高于规定学历教师数",
  "县级及以上骨干教师数",
  "体育专任教师",
  "音乐专任教师",
  "美术专任教师",
  "教学及辅助用房面积(㎡)",
  "体育运动场馆面积(㎡)",
  "教学仪器设备值(万元)",
  "网络多媒体教室数(间)",
];

// standards.md §3.1 thresholds (primary / junior).
const T = {
  小学: {
    qualified: 4.2,
    key: 1,
    peArts: 0.9,
    space: 4.5,
    sports: 7.5,
    equipment: 2000,
    rooms: 2.3,
    ratio: 17,
  },
  初中: {
    qualified: 5.3,
    key: 1,
    peArts: 0.9,
    space: 5.8,
    sports: 10.2,
    equipment: 2500,
    rooms: 2.4,
    ratio: 13,
  },
};

const TOWNS = [
  "城关",
  "河口",
  "李家庄",
  "王庄",
  "张村",
  "石桥",
  "柳林",
  "北山",
  "东关",
  "西关",
  "新区",
  "南湖",
  "青山",
  "白水",
  "红旗",
  "大河",
];

/** mulberry32: small, fast, good enough for test data. Returns floats in [0, 1). */
function prng(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Rows as arrays in HEADER order. Deterministic for (n, seed). */
function* schoolRows(n, seed) {
  const rnd = prng(seed);
  // A factor around 1: mostly 0.95–1.7 × the threshold, a 3 % tail below the 85 % floor. About four schools in five
  // pass (§3.3), the rest fail or need the 85 % rule — the engine walks every branch, not just the happy path.
  const factor = () => (rnd() < 0.03 ? 0.6 + rnd() * 0.25 : 0.95 + rnd() * 0.75);
  const round1 = (x) => Math.round(x * 10) / 10;
  for (let i = 1; i <= n; i++) {
    const stage = rnd() < 0.65 ? "小学" : "初中";
    const t = T[stage];
    // Skewed towards small schools, as in a real county: many village schools, a few big town schools.
    const students = 50 + Math.floor(2950 * Math.pow(rnd(), 1.8));
    const teachers = Math.max(3, Math.round((students / t.ratio) * (0.85 + rnd() * 0.35)));
    const qualified = Math.min(teachers, Math.round((t.qualified * factor() * students) / 100));
    const key = Math.min(teachers, Math.round((t.key * factor() * students) / 100));
    const peArts = Math.min(teachers, Math.round((t.peArts * factor() * students) / 100));
    const pe = Math.round(peArts * (0.4 + rnd() * 0.2));
    const music = Math.round((peArts - pe) / 2);
    const art = peArts - pe - music;
    const space = round1(t.space * factor() * students);
    const sports = round1(t.sports * factor() * students);
    const equipment = Math.round((t.equipment * factor() * students) / 100) / 100; // 万元, 2 dp
    const rooms = Math.max(1, Math.round((t.rooms * factor() * students) / 100));
    const town = TOWNS[i % TOWNS.length];
    const name = `${town}镇第${i}${stage === "小学" ? "小学" : "中学"}`;
    yield [
      name,
      stage,
      students,
      teachers,
      qualified,
      key,
      pe,
      music,
      art,
      space,
      sports,
      equipment,
      rooms,
    ];
  }
}

function cacheDir() {
  return path.join(os.tmpdir(), "junheng-bench");
}

function cachePath(rows, seed) {
  return path.join(cacheDir(), `schools-${rows}-s${seed}-v${GEN_VERSION}.xlsx`);
}

/** Returns the path of the workbook for (rows, seed), generating it if it is not cached yet. */
async function ensureWorkbook(rows, seed) {
  const file = cachePath(rows, seed);
  if (fs.existsSync(file)) return { file, generated: false, ms: 0 };
  fs.mkdirSync(cacheDir(), { recursive: true });
  const part = `${file}.${process.pid}.part`;
  const t0 = process.hrtime.bigint();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: part,
    useSharedStrings: true,
    useStyles: false,
  });
  wb.creator = "junheng bench";
  wb.created = new Date(Date.UTC(2025, 8, 1));
  wb.modified = wb.created;
  const ws = wb.addWorksheet(SHEET);
  ws.addRow(HEADER).commit();
  for (const r of schoolRows(rows, seed)) ws.addRow(r).commit();
  ws.commit();
  await wb.commit();
  fs.renameSync(part, file);
  return { file, generated: true, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
}

module.exports = { ensureWorkbook, schoolRows, prng, HEADER, SHEET, GEN_VERSION, cacheDir };

if (require.main === module) {
  // node scripts/bench/generate.js ROWS [SEED] → prints the cached file's path.
  const rows = Number(process.argv[2] || 1000);
  const seed = Number(process.argv[3] || 20250901);
  ensureWorkbook(rows, seed).then(
    (r) => console.log(r.file),
    (e) => {
      console.error(e);
      process.exit(1);
    }
  );
}
