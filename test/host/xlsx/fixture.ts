/** A small county workbook built with exceljs, with the features a real school workbook has. */
import ExcelJS from "exceljs";
import { extras, toBytes } from "./helpers";

export const TITLE = "2024年某县义务教育学校办学条件统计表";

export async function countyWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "test";
  const ws = wb.addWorksheet("学校", { views: [{ state: "frozen", xSplit: 1, ySplit: 3 }] });
  // Merged title over A1:F1.
  ws.getCell("A1").value = TITLE;
  ws.mergeCells("A1:F1");
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getCell("A1").alignment = { horizontal: "center" };
  // Two-row merged header.
  ws.getCell("A2").value = "学校名称";
  ws.mergeCells("A2:A3");
  ws.getCell("B2").value = "学生数";
  ws.mergeCells("B2:C2");
  ws.getCell("B3").value = "小学";
  ws.getCell("C3").value = "初中";
  ws.getCell("D2").value = "教师数";
  ws.mergeCells("D2:D3");
  ws.getCell("E2").value = "师生比";
  ws.mergeCells("E2:E3");
  ws.getCell("F2").value = "备注";
  ws.mergeCells("F2:F3");
  for (const a of ["A2", "B2", "B3", "C3", "D2", "E2", "F2"]) {
    ws.getCell(a).border = { bottom: { style: "thin" } };
    ws.getCell(a).font = { bold: true };
  }

  // Data rows.
  ws.getCell("A4").value = "第一小学";
  ws.getCell("A4").note = "用户批注：数据来自2023年报";
  ws.getCell("B4").value = 120;
  ws.getCell("B4").numFmt = "#,##0";
  ws.getCell("C4").value = "85"; // a number stored as text
  ws.getCell("D4").value = 12;
  ws.getCell("E4").value = { formula: "B4/D4", result: 10 };
  ws.getCell("E4").numFmt = "0.0";
  ws.getCell("F4").value = {
    richText: [
      { text: "重点" },
      { text: "学校", font: { bold: true, color: { argb: "FFFF0000" } } },
    ],
  };

  ws.getCell("A5").value = "第二小学";
  ws.getCell("B5").value = 0;
  ws.getCell("D5").value = 0;
  ws.getCell("E5").value = { error: "#DIV/0!" };
  ws.getRow(5).hidden = true;

  ws.getCell("A6").value = "第三 & <中学>";
  ws.getCell("B6").value = 300.5;
  ws.getCell("C6").value = true;
  ws.getCell("D6").value = 20;
  ws.getCell("F6").value = "  前后空格  ";

  // A text value that looks like a number and a shared string used twice.
  ws.getCell("A7").value = "第一小学";
  ws.getCell("B7").value = "0012";

  ws.getColumn(1).width = 24;
  ws.getColumn(6).width = 30;
  extras(ws).dataValidations.add("B4:D10", {
    type: "whole",
    operator: "greaterThanOrEqual",
    allowBlank: true,
    formulae: [0],
    showErrorMessage: true,
    errorTitle: "错误",
    error: "必须 >= 0",
  });
  ws.addConditionalFormatting({
    ref: "D4:D10",
    rules: [
      {
        type: "cellIs",
        operator: "lessThan",
        formulae: [1],
        priority: 1,
        style: { font: { italic: true } },
      },
    ],
  });
  wb.definedNames.add("'学校'!$A$4:$A$7", "学校名单");

  const other = wb.addWorksheet("汇总");
  other.getCell("A1").value = "学校数";
  other.getCell("B1").value = { formula: "COUNTA(学校!A4:A7)", result: 4 };
  other.getCell("A3").value = 3.25;
  return toBytes(wb);
}
