/** Texts of the 「可以申报吗？」 block, zh-CN and en. */
import type { Lang } from "../../engine/reportTypes";

const STRINGS = {
  "zh-CN": {
    title: "可以申报吗？",
    blocking: "未达标的项目",
    pending: "未填或无法判定",
    noCounty:
      "未找到「县级指标」表：政府保障、教育质量、社会认可度等县级项目均为未填。下载模板填好后放进工作簿再检查。",
    county: (where: string) => `县级指标：${where}`,
    downloadDeclaration: "下载申报表",
    downloadTemplate: "下载县级指标模板",
    declarationFile: "申报表.xlsx",
    templateFile: "县级指标.xlsx",
    insertCounty: "插入县级指标表",
    inserted: (name: string) => `已插入「${name}」表：请在「数值」列填写，保存后再检查一次。`,
    insertedNoRules: (name: string) =>
      `已插入「${name}」表（此版本 Excel 不支持数据验证，填写的数值将在检查时核对）。`,
    alreadyThere: (name: string) => `工作簿中已有「${name}」表，未作改动。`,
    insertFailed: "未能插入县级指标表",
    relaxed: "已按《规程》放宽",
    wouldPass: (n: number) =>
      `按《规程》放宽后另有 ${n} 所学校的项目可达标（设置 policy.relaxations）`,
    more: (n: number) => `…… 另有 ${n} 项`,
    openDeclaration: "打开申报表（新窗口）",
    sentenceSep: "",
    insertDeclaration: "把申报表插入当前工作簿",
    declarationBusy: "正在生成申报表……",
    declarationOpened: "已在新窗口中打开申报表（表Ⅰ–表Ⅵ）：请在该窗口中保存。",
    declarationUnsupported:
      "此版本 Excel 不能新建工作簿（需要 ExcelApi 1.8），已改为把申报表插入当前工作簿。",
    declarationInserted: (names: string[]) =>
      `已插入 ${names.length} 张表：${names.map((n) => `「${n}」`).join("")}。删除这些表即可还原。`,
    declarationKept: (names: string[]) =>
      `工作簿中已有${names.map((n) => `「${n}」`).join("")}，未作改动（要更新请先删除）。`,
    declarationTooLarge: (mb: string, limit: string) =>
      `申报表太大（${mb} MB，一次请求最多 ${limit} MB），无法在新窗口打开。可以把它插入当前工作簿，或在浏览器页面 / 命令行（junheng check 文件 --declaration 申报表.xlsx）下载。`,
    declarationFailed: (message: string) =>
      `Excel 未能打开新工作簿：${message}。可以改为把申报表插入当前工作簿。`,
    declarationError: (message: string) => `未能生成申报表：${message}`,
  },
  en: {
    title: "Can the county apply?",
    blocking: "Items not met",
    pending: "Not filled in or undecided",
    noCounty:
      "No 「县级指标」 sheet: the county items (government provision, quality, satisfaction) are not filled in. Download the template, fill it in, add it to the workbook and check again.",
    county: (where: string) => `County data: ${where}`,
    downloadDeclaration: "Download the 申报表",
    downloadTemplate: "Download the county data template",
    declarationFile: "declaration.xlsx",
    templateFile: "county-data.xlsx",
    insertCounty: "Insert the 县级指标 sheet",
    inserted: (name: string) => `Inserted 「${name}」: fill in the 数值 column, then check again.`,
    insertedNoRules: (name: string) =>
      `Inserted 「${name}」 (this Excel has no data validation; the values are checked when you check).`,
    alreadyThere: (name: string) => `The workbook already has 「${name}」: left as it is.`,
    insertFailed: "Could not insert the 县级指标 sheet",
    relaxed: "with the 规程 relaxations",
    wouldPass: (n: number) =>
      `${n} more school item(s) would pass with the 规程 relaxations (policy.relaxations)`,
    more: (n: number) => `… and ${n} more`,
    openDeclaration: "Open the 申报表 (new window)",
    sentenceSep: " ",
    insertDeclaration: "Insert the 申报表 into this workbook",
    declarationBusy: "Making the 申报表…",
    declarationOpened: "Opened the 申报表 (表Ⅰ–表Ⅵ) in a new window: save it from there.",
    declarationUnsupported:
      "This Excel cannot create a workbook (ExcelApi 1.8 is missing), so the 申报表 was inserted into this workbook instead.",
    declarationInserted: (names: string[]) =>
      `Inserted ${names.length} sheet(s): ${names.map((n) => `「${n}」`).join(" ")}. Delete them to undo.`,
    declarationKept: (names: string[]) =>
      `The workbook already has ${names.map((n) => `「${n}」`).join(" ")}: left as it is (delete to refresh).`,
    declarationTooLarge: (mb: string, limit: string) =>
      `The 申报表 is too large to open in a new window (${mb} MB; one request to Excel carries at most ${limit} MB). Insert it into this workbook, or download it from the browser page or the CLI (junheng check FILE --declaration OUT.xlsx).`,
    declarationFailed: (message: string) =>
      `Excel could not open a new workbook: ${message}. You can insert the 申报表 into this workbook instead.`,
    declarationError: (message: string) => `Could not make the 申报表: ${message}`,
  },
} satisfies Record<Lang, unknown>;

export type AssessmentStrings = (typeof STRINGS)["zh-CN"];

export function assessmentStrings(lang: Lang): AssessmentStrings {
  return STRINGS[lang];
}
