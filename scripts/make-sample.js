#!/usr/bin/env node
/**
 * Builds samples/county-sample.xlsx: a workbook shaped like a real county's sheet (merged title, two-row
 * merged header with units incl. 万元, 小学 + 初中 + one 九年一贯制 school, a 教学点, a 合计 row, a 填表说明
 * block, a few numbers typed as text, schools that fail, and one CV over its limit: 小学 骨干教师).
 * Run: npm run sample. The numbers are chosen by hand, school by school, in the list below.
 */
"use strict";
const path = require("path");
const ExcelJS = require("exceljs");

const OUT = process.argv[2] || path.join(__dirname, "..", "samples", "county-sample.xlsx");

// 学校名称, 类型, 小学生, 初中生, 班级数, 最大班额, 专任教师, 高于规定学历, 骨干, 体育, 音乐, 美术, 教辅用房㎡, 场馆㎡, 仪器万元, 多媒体间
const SCHOOLS = [
  ["城关第一小学", "小学", 2400, null, 52, 48, 130, 128, 80, 10, 6, 6, 12000, 19200, 600, 60],
  ["城关第二小学", "小学", 1800, null, 40, 45, 96, 90, 30, 7, 5, 5, 8460, 14400, 400, 45],
  ["实验小学", "小学", 1500, null, 33, 46, 80, 75, 25, 6, 4, 4, 7200, 12000, 330, 36],
  ["东关小学", "小学", 900, null, 20, 45, 48, 42, 9, 4, 2, 3, 4200, 6300, 190, 22],
  ["西关小学", "小学", 800, null, 18, 44, 44, 36, 6, 4, 2, 2, 3800, 6400, 170, 20],
  ["河口镇中心小学", "小学", 600, null, 14, 43, 32, 27, 6, 3, 1, 2, 2820, 5400, 126, 15],
  ["李家庄小学", "小学", 300, null, 6, 50, 17, 12, 1, 1, 1, 0, 1200, 3000, 48, 6],
  ["王庄小学", "小学", 250, null, 6, 42, 14, 11, 1, 1, 1, 1, 1250, 2500, 55, 6],
  ["张村小学", "小学", 180, null, 6, 30, 10, 8, 0, 1, 1, 0, 900, 1800, 40, 5],
  // Numbers typed as text, as clerks paste them: thousands separators and full-width digits.
  [
    "新区小学",
    "小学",
    "1,200",
    null,
    26,
    45,
    62,
    "60",
    "18",
    5,
    3,
    3,
    "5,640",
    10800,
    "２６０",
    30,
  ],
  ["石桥小学", "小学", 420, null, 10, 42, 22, 20, 5, 2, 1, 1, 1932, 3360, 88, 10],
  // 骨干教师 not reported ("—"): the school cannot be judged until it is filled in.
  ["柳林小学", "小学", 360, null, 9, 40, 19, 16, "—", 2, 1, 1, 1700, 2900, 75, 9],
  ["北山村教学点", "教学点", 35, null, 3, 14, 3, 2, 0, 0, 0, 0, 150, 400, 5, 1],
  [
    "河口镇九年一贯制学校",
    "九年一贯制学校",
    500,
    400,
    20,
    48,
    60,
    55,
    12,
    5,
    3,
    2,
    5200,
    9000,
    230,
    24,
  ],
  ["城关中学", "初中", null, 1600, 32, 52, 110, 100, 24, 7, 4, 4, 9600, 17600, 440, 40],
  ["第二初级中学", "初中", null, 1200, 24, 50, 80, 70, 15, 6, 3, 3, 7200, 12600, 318, 30],
  ["河口镇初级中学", "初中", null, 700, 14, 50, 46, 40, 8, 4, 2, 1, 4200, 6650, 180, 17],
  ["李家庄初级中学", "初中", null, 400, 9, 48, 28, 19, 3, 2, 1, 1, 2200, 4400, 95, 9],
];

const HEAD_TOP = [
  "序号",
  "学校名称",
  "学校类型",
  "在校生数（人）",
  null,
  null,
  "班级数（个）",
  "最大班额（人）",
  "专任教师（人）",
  null,
  null,
  null,
  null,
  null,
  "办学条件",
  null,
  null,
  null,
  "备注",
];
const HEAD_SUB = [
  null,
  null,
  null,
  "合计",
  "小学",
  "初中",
  null,
  null,
  "合计",
  "高于规定学历",
  "县级及以上骨干",
  "体育",
  "音乐",
  "美术",
  "教学及辅助用房面积（㎡）",
  "体育运动场馆面积（㎡）",
  "教学仪器设备值（万元）",
  "网络多媒体教室（间）",
  null,
];

function num(v) {
  if (typeof v === "number") return v;
  if (typeof v === "string") {
    // "—" and other blanks add nothing, as Excel's SUM skips them.
    const n = Number(
      v.replace(/,/g, "").replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    );
    return Number.isFinite(n) ? n : 0;
  }
  return 0;
}

async function main() {
  const wb = new ExcelJS.Workbook();
  wb.creator = "junheng sample";
  wb.created = new Date(Date.UTC(2025, 8, 1));
  wb.modified = wb.created;
  const ws = wb.addWorksheet("学校基本情况", {
    views: [{ state: "frozen", xSplit: 2, ySplit: 4 }],
  });
  const lastCol = HEAD_TOP.length; // S

  ws.mergeCells(1, 1, 1, lastCol);
  ws.getCell(1, 1).value = "××县2025年义务教育学校资源配置情况统计表";
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: "center" };
  ws.getRow(1).height = 28;
  ws.mergeCells(2, 1, 2, 8);
  ws.getCell(2, 1).value = "填报单位：××县教育局（盖章）";
  ws.mergeCells(2, 15, 2, lastCol);
  ws.getCell(2, 15).value = "统计时间：2025年9月";

  HEAD_TOP.forEach((v, i) => v !== null && (ws.getCell(3, i + 1).value = v));
  HEAD_SUB.forEach((v, i) => v !== null && (ws.getCell(4, i + 1).value = v));
  for (const c of [1, 2, 3, 7, 8, 19]) ws.mergeCells(3, c, 4, c);
  ws.mergeCells(3, 4, 3, 6);
  ws.mergeCells(3, 9, 3, 14);
  ws.mergeCells(3, 15, 3, 18);
  for (let r = 3; r <= 4; r++) {
    for (let c = 1; c <= lastCol; c++) {
      const cell = ws.getCell(r, c);
      cell.font = { bold: true };
      cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
      cell.border = {
        top: { style: "thin" },
        left: { style: "thin" },
        bottom: { style: "thin" },
        right: { style: "thin" },
      };
    }
  }
  ws.getRow(4).height = 42;

  let r = 5;
  const totals = new Array(lastCol + 1).fill(0);
  SCHOOLS.forEach((s, i) => {
    // A sample school is its row without the 序号 and 在校生数合计 columns (and the trailing 备注).
    const [name, type, a, b, ...rest] = s;
    const row = [i + 1, name, type, num(a) + num(b), a, b, ...rest, null];
    row.forEach((v, c) => {
      if (v === null) return;
      ws.getCell(r, c + 1).value = v;
      if (c >= 3 && c <= 17) totals[c] += num(v);
    });
    for (let c = 1; c <= lastCol; c++)
      ws.getCell(r, c).border = {
        top: { style: "thin" },
        left: { style: "thin" },
        bottom: { style: "thin" },
        right: { style: "thin" },
      };
    r++;
  });
  ws.getCell(13, 19).value = "骨干教师待核实";
  // 合计 row, as a clerk types it.
  ws.getCell(r, 2).value = "合计";
  ws.getCell(r, 2).font = { bold: true };
  for (let c = 3; c <= 17; c++) if (c !== 7) ws.getCell(r, c + 1).value = totals[c];
  r += 2;
  ws.mergeCells(r, 1, r, lastCol);
  ws.getCell(r, 1).value = "填表说明：";
  ws.getCell(r + 1, 1).value =
    "1．在校生数以学年初学籍数为准；一贯制学校分别填写小学、初中在校生数。";
  ws.getCell(r + 2, 1).value = "2．教学仪器设备值按资产账面原值填写，单位为万元。";
  ws.getCell(r + 3, 1).value = "3．高于规定学历：小学为专科及以上，初中为本科及以上。";

  const widths = [6, 22, 14, 9, 8, 8, 8, 8, 8, 10, 10, 7, 7, 7, 12, 12, 12, 11, 16];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  // A list validation on 学校类型, as templates carry (the marked copy must keep it).
  for (let row = 5; row < 5 + SCHOOLS.length; row++) {
    ws.getCell(row, 3).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: ['"小学,初中,九年一贯制学校,十二年一贯制学校,完全中学,教学点"'],
    };
  }
  wb.definedNames.add("'学校基本情况'!$A$3:$S$22", "学校数据");

  await wb.xlsx.writeFile(OUT);
  process.stdout.write(`wrote ${OUT}\n`);
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + "\n");
  process.exit(1);
});
