/**
 * Every string the sidebar and the browser page show, in zh-CN (first) and en. Finding messages come from the
 * engine (report.findings[].messages) and are not repeated here. test/ui/i18n.test.ts fails when a key exists in
 * one language only; the `Strings` type makes the English table follow the Chinese one at compile time.
 */
import { STAGE_HEADING } from "../present/labels";
import type { Lang } from "../engine/reportTypes";

const zh = {
  appTitle: "均衡检查",
  stage: STAGE_HEADING["zh-CN"],
  verdict: { pass: "达标", fail: "不达标", unknown: "无法判定" },

  // Start
  startTitle: "义务教育优质均衡 · 资源配置检查",
  startIntro:
    "读取当前工作簿中的学校数据，按《县域义务教育优质均衡发展督导评估办法》逐校、逐项检查。",
  startCheck: "开始检查",
  startSubmit: "提交前检查",
  startSubmitHint: "一键检查数据和达标情况，给出能否提交的结论。",
  cancelled: "已取消检查。",
  privacyExcel: "检查在本机完成，数据不会上传。",

  // Busy
  phase: {
    read: "正在读取工作簿…",
    check: "正在检查…",
    mark: "正在标注单元格…",
    report: "正在生成报告工作表…",
  } as Record<"read" | "check" | "mark" | "report", string>,
  progressOf: (done: number, total: number) => `${done} / ${total}`,
  cancel: "取消",

  // Failure states
  noTableTitle: "没有找到学校数据表",
  noTableBody:
    "工作簿中没有哪一张表能认出学校名单。请确认有一张工作表：表头在前几行，每所学校占一行，且表头中至少有下面这些列：",
  noTableNeeded: [
    "学校名称",
    "在校生数",
    "专任教师中高于规定学历的教师数",
    "县级及以上骨干教师数",
    "体育、音乐、美术专任教师数",
    "教学及辅助用房面积（㎡）",
    "体育运动场馆面积（㎡）",
    "教学仪器设备值（万元或元）",
    "网络多媒体教室数（间）",
  ],
  noTableSheets: (names: string) => `已查看的工作表：${names}`,
  errorTitle: "无法检查",
  tryAgain: "重新检查",

  // Mapping
  mappingWhereIs: (field: string) => `「${field}」在哪一列？`,
  mappingWhereIsHint: "选中这一项所在的列；表中确实没有这一项时，请补上这一列。",
  mappingPickColumn: "选择列…",
  mappingSchoolStages: (n: number) => `为学校选择学段（${n}）`,
  mappingSchoolStagesHint: "这些学校名称和表中数据都看不出学段。选好后立即重新计算。",
  schoolStageChoice: { primary: "小学", junior: "初中", "nine-year": "九年一贯制" } as Record<
    "primary" | "junior" | "nine-year",
    string
  >,
  schoolStageAuto: "自动",
  mappingTitle: "请确认识别结果",
  mappingIntro: "下面是从表头中认出的列。如有不对，直接在下拉框中更正。",
  mappingSavedWhere: {
    excel: "更正保存在本工作簿中，下次检查同一模板无需再改。",
    browser: "更正保存在本浏览器中（按表头识别同一模板），下次打开同一模板的文件无需再改。",
  } as Record<"excel" | "browser", string>,
  unitLine: (unit: string, source: string) => `单位：${unit}（${source}）`,
  mappingIssues: (n: number) => `有 ${n} 处需要确认`,
  mappingSheet: (sheet: string) => `工作表「${sheet}」`,
  mappingHeaderRows: (rows: string, first: number) => `表头第 ${rows} 行，数据从第 ${first} 行开始`,
  mappingStage: "学段",
  mappingStageAuto: "按学校类型判断",
  mappingUnmapped: "未找到的列（相关指标无法计算）：",
  mappingUnmappedHint: "如果表中其实有这一列，请在「未识别的列」里把它指定为对应的字段。",
  mappingColumns: (n: number) => `已识别的列（${n}）`,
  mappingUnknown: (n: number) => `未识别的列（${n}）`,
  mappingSkipped: (n: number) => `跳过的行（${n}）`,
  mappingColumn: "列",
  mappingField: "字段",
  mappingUnit: "单位",
  mappingIgnore: "（不使用此列）",
  unitSource: {
    header: "来自表头",
    note: "来自表格说明",
    inferred: "按数值推断",
  } as Record<"header" | "note" | "inferred", string>,
  unitInferredWarn: "单位是推断的，请确认",
  skippedReason: {
    summary: "合计/小计行",
    note: "说明文字",
    "notes-start": "填表说明",
    placeholder: "占位行",
    section: "分组标题",
    empty: "空行",
  } as Record<string, string>,
  skippedRow: (row: number, label: string, reason: string) =>
    `第 ${row} 行${label ? `「${label}」` : ""}：${reason}`,
  mappingContinue: "确认，查看结果",
  mappingReset: "恢复自动识别",
  mappingSaved: "更正已保存。",
  editMappingLine: (cols: number, sheets: number) => `识别结果：${sheets} 张表，${cols} 列`,
  editMappingOpen: "查看 / 更正",

  // Results
  countyTitle: "县域资源配置",
  overall: (v: string) => `县域资源配置：${v}`,
  stageLine: (stage: string, v: string) => `${stage}：${v}`,
  stageCvOver: (names: string) => `差异系数超标：${names}`,
  stageSchools: (meeting: number, total: number) => `${meeting}/${total} 所学校达标`,
  stageCvIncomplete: "部分差异系数数据不全",
  counts: (data: number, results: number, warnings: number) =>
    `数据错误 ${data} 项 · 未达标 ${results} 项 · 警告 ${warnings} 项`,
  fixDataFirst: (n: number) => `先改 ${n} 项数据错误，结论才可靠`,
  cvTableTitle: (stage: string) => `${stage}差异系数`,
  cvLimit: (limit: string) => `限值 ≤ ${limit}`,
  cvCol: "差异系数",
  meanCol: "全县均值",
  indicatorCol: "指标",
  partial: (k: number, n: number) => `（${k}/${n} 所）`,
  compositeRow: "综合差异系数",
  schoolsTitle: (fail: number, incomplete: number) =>
    `未达标的学校（${fail}）` + (incomplete ? ` · 数据不全（${incomplete}）` : ""),
  schoolsNone: "所有学校均达标。",
  schoolsNoneAssessed: "已评估的学校均达标（有学校未纳入评估，见上）。",
  viewLabel: "查看方式",
  filterLabel: "查找学校",
  filterSearch: "按校名搜索",
  filterSearchHint: "输入校名的一部分",
  filterStage: "学段",
  filterTownship: "乡镇",
  filterStatus: "情况",
  filterIndicator: "指标",
  filterSort: "排序",
  filterAll: "全部",
  sortRow: "按表中顺序",
  sortGap: "差距最大的在前",
  filterShown: (shown: number, total: number) => `显示 ${shown} / ${total} 所`,
  basis: { per100: "每百名学生", perStudent: "生均" } as Record<"per100" | "perStudent", string>,
  // The floor share is the one in force (report.standard.perSchool), never the national 85 % as a literal.
  glyphLegendFail: (floor: string) => `未达到标准的 ${floor}`,
  glyphLegendWarn: (floor: string) => `低于标准，但达到 ${floor}（学校仍可达标），或未填写`,
  legendStandardNote: (floor: string) =>
    `红色也会标在达标学校的单项上：该项低于标准，但达到标准的 ${floor}。`,
  viewBySchool: "按学校",
  viewByIndicator: "按指标",
  schoolMeta: (stage: string, sheet: string, row: number) => `${stage} · ${sheet} 第 ${row} 行`,
  schoolMetaShort: (stage: string, row: number) => `${stage} · 第 ${row} 行`,
  schoolFail: "未达标",
  schoolIncomplete: "数据不全",
  missingValue: "未填写",
  stillShort: (gap: string) => `还差 ${gap}`,
  atFloor: (floor: string) => `达到 ${floor}，学校仍达标`,
  atFloorOnly: (floor: string) => `已达到标准的 ${floor}`,
  indicatorSchools: (n: number) => `${n} 所学校未达到`,
  threshold: (t: string) => `标准 ${t}`,
  rowChecksTitle: (n: number) => `班额、规模、音美教室（${n}）`,
  problemsTitle: (n: number) => `数据问题（${n}）`,
  problemsNone: "没有发现数据问题。",
  notesTitle: (n: number) => `说明（${n}）`,
  showMore: (n: number) => `再显示 ${n} 项`,
  goTo: (where: string) => `定位到 ${where}`,
  schoolPrefix: (school: string) => `${school}：`,
  paren: (text: string) => `（${text}）`,
  severity: { error: "错误", warning: "警告", info: "说明" } as Record<
    "error" | "warning" | "info",
    string
  >,

  // Actions
  actionsLabel: "操作",
  markCells: "标注问题单元格",
  clearMarks: "清除标注",
  liveMode: "实时检查：修改表格后自动重新检查，并更新已有的标注",
  writeReport: "生成报告工作表",
  recheck: "重新检查",
  submitCheck: "提交前检查",
  marked: (n: number, red: number, yellow: number) =>
    `已标注 ${n} 个单元格：红色 ${red} 个（未达标），黄色 ${yellow} 个（数据问题）。`,
  cleared: "已清除 均衡检查 添加的标注。",
  markProtected: (sheets: string) =>
    `受保护的工作表没有改动：${sheets}。取消工作表保护后再点一次。`,
  markComments: (n: number) =>
    `${n} 个单元格已有批注，只加了颜色、没有加注释（原因见本窗格和报告工作表）。`,
  notesChanged: (n: number) => `${n} 条注释在标注后被改过或删掉了，已保持原样。`,
  forgetMarks: "忘记标注记录",
  forgetMarksHint:
    "标注记录损坏、或属于另一份工作簿时使用：只删除记录，不改动任何单元格；已有的颜色和注释需手动删除。",
  forgotMarks: "已忘记标注记录，没有改动任何单元格。",
  reportWritten: (name: string) => `已生成工作表「${name}」。`,
  actionFailed: (why: string) => `操作失败：${why}`,
  legendStandard: "未达标",
  legendData: "数据问题",

  // Submit
  submitWarnings: (n: number) => `建议核对（${n}）`,
  showFullResults: "查看完整检查结果",
  backToSubmit: "返回提交结论",

  // Standard and profile (the CLI's --standard / --profile)
  standardTitle: "评估标准",
  standardName: { "quality-2017": "2017 优质均衡", "basic-2012": "2012 基本均衡" } as Record<
    "quality-2017" | "basic-2012",
    string
  >,
  profileLoad: "载入省级配置文件…",
  profileInUse: (name: string, std: string) => `正在使用配置「${name}」（${std}）`,
  profileRemove: "不用配置文件",
  profileLoaded: (name: string) => `已载入配置「${name}」。`,
  profileError: (file: string, why: string) => `无法使用配置文件「${file}」：${why}`,

  // Re-check
  diffTotal: (resolved: number, added: number) =>
    `与上次检查相比：已解决 ${resolved} 项，新增 ${added} 项`,
  diffLine: (what: string, resolved: number, added: number) =>
    `${what}：已解决 ${resolved} 项，新增 ${added} 项`,
  diffBySchool: "按学校",
  diffByIndicator: "按指标：",
  diffMore: (n: number) => `另有 ${n} 所学校有变化`,
  rereadNeeded: (name: string) =>
    `浏览器无法再次读取「${name}」（文件在打开后已被修改）。请点上方「打开文件…」再次选择这个文件，然后点「重新检查」。用 Chrome 或 Edge 打开时，重新检查会直接读取保存后的文件。`,

  // Submit, in two parts (src/ui/submitVerdict.ts)
  submitState: {
    "fix-data": "还不能提交：先改数据错误",
    "left-out": "还不能提交：有学校未纳入评估",
    unknown: "还不能提交：无法得出结论",
    "ready-pass": "可以提交",
    "ready-fail": "数据完整，可以提交",
  } as Record<"fix-data" | "left-out" | "unknown" | "ready-pass" | "ready-fail", string>,
  submitStateBody: {
    "fix-data": "下面的数据错误会影响结论，改正后点「重新检查」。",
    "left-out": "下面的学校没有参加计算，全县结论不完整。按提示补充后点「重新检查」。",
    unknown: "报告没有得出结论，请查看下面的提示。",
    "ready-pass": "数据没有错误，所有学校均已纳入评估。",
    "ready-fail": "数据没有错误，所有学校均已纳入评估。未达标的结果按实际情况上报，并列入整改。",
  } as Record<"fix-data" | "left-out" | "unknown" | "ready-pass" | "ready-fail", string>,
  submitDataTitle: (n: number) => `数据错误（${n}）· 提交前必须改正`,
  submitDataNone: "没有数据错误。",
  submitResultsTitle: (n: number) => `未达标（${n}）· 如实上报或列入整改`,
  submitResultsHint: "这些是检查结论，不是填报错误：请按实际情况上报，不要为了达标而修改数据。",
  submitResultsNone: "没有未达标的项目。",
  submitCounts: (data: number, results: number, warnings: number) =>
    `数据错误 ${data} 项 · 未达标 ${results} 项 · 待核对 ${warnings} 项`,
  leftOutTitle: (n: number) => `${n} 所学校未纳入评估`,
  leftOutWhy: {
    stage: "学段不明",
    column: "找不到所需的列",
    value: "数据未填写或无效",
  } as Record<"stage" | "column" | "value", string>,
  leftOutDo: {
    stage: "在「识别结果」中为该校选择学段",
    column: "在「识别结果」中指出这一项在哪一列",
    value: "在表中补填后点「重新检查」",
  } as Record<"stage" | "column" | "value", string>,
  leftOutFix: "去更正",
  leftOutBecause: (n: number) =>
    n === 1 ? "（该校因此未纳入评估）" : `（${n} 所学校因此未纳入评估）`,
  verdictLeftOut: "有学校未纳入评估，不能判定达标",

  // Browser page (src/app)
  pageSubtitle: "浏览器版 · 适用于 WPS、Mac 等没有 Excel 加载项的电脑",
  openFile: "打开文件…",
  openSample: "打开示例",
  downloadCopy: "下载标注副本",
  writingCopy: "正在生成标注副本…",
  copyProgress: (percent: number) => `正在生成标注副本：${percent}%`,
  copyCancelled: "已取消生成标注副本，没有下载任何文件。",
  dismiss: "关闭",
  downloadJson: "下载 JSON 报告",
  downloadHint: "先完成检查，才能下载",
  copySuffix: "已检查",
  jsonSuffix: "检查报告",
  switchLang: "English",
  welcomeTitle: "把 .xlsx 文件拖到这里",
  welcomeBody:
    "或点「打开文件」选择本机上的学校数据表；也可以先「打开示例」看看检查结果是什么样子。",
  privacyPage: "文件只在本机浏览器中读取和检查，不会上传到任何地方；本页面不连接网络。",
  dropHint: "松开鼠标即可打开",
  reading: (name: string) => `正在读取「${name}」…`,
  readError: (name: string, why: string) => `无法读取「${name}」：${why}`,
  readErrorCode: {
    "not-a-zip": "这不是 .xlsx 文件（.xls 文件请先在 WPS 或 Excel 中另存为 .xlsx）",
    "encrypted-or-xls": "文件已加密，或是旧版 .xls 格式，请另存为 .xlsx",
    corrupt: "文件已损坏。请在 WPS 或 Excel 中打开它，另存为 .xlsx 后再打开",
    empty: "工作簿中没有工作表",
  } as Record<string, string>,
  notXlsxName: "请选择 .xlsx 文件",
  sampleError: (why: string) => `无法加载示例文件：${why}`,
  downloadFailed: (why: string) => `无法生成下载文件：${why}`,
  sheetTabs: "工作表",
  reportTab: (name: string) => `${name}（将写入副本）`,
  markedCount: (n: number) => `${n} 处标注`,
  statusEmpty: "点击单元格查看内容；标注的单元格会显示原因。",
};

export type Strings = typeof zh;

const en: Strings = {
  appTitle: "Junheng balance check",
  stage: STAGE_HEADING.en,
  verdict: { pass: "Meets", fail: "Does not meet", unknown: "Cannot be judged" },

  startTitle: "Compulsory-education balance · resource indicators",
  startIntro:
    "Reads the school data in this workbook and checks every school and indicator against the 2017 county balanced-development standard.",
  startCheck: "Check",
  startSubmit: "Check before submitting",
  startSubmitHint:
    "Checks the data and the standards in one go and says whether the file is ready to submit.",
  cancelled: "Check cancelled.",
  privacyExcel: "The check runs on this computer; no data is uploaded.",

  phase: {
    read: "Reading the workbook…",
    check: "Checking…",
    mark: "Marking cells…",
    report: "Writing the report sheet…",
  },
  progressOf: (done: number, total: number) => `${done} of ${total}`,
  cancel: "Cancel",

  noTableTitle: "No school table found",
  noTableBody:
    "No sheet in this workbook looks like a list of schools. The check needs a sheet with the header in its first rows, one school per row, and at least these columns:",
  noTableNeeded: [
    "School name",
    "Students",
    "Teachers above the required qualification",
    "County-level or higher key teachers",
    "PE, music and art teachers",
    "Teaching and auxiliary space (m²)",
    "Sports ground and hall area (m²)",
    "Teaching equipment value (CNY or 10,000 CNY)",
    "Networked multimedia classrooms",
  ],
  noTableSheets: (names: string) => `Sheets looked at: ${names}`,
  errorTitle: "Cannot check",
  tryAgain: "Check again",

  mappingWhereIs: (field: string) => `Which column holds "${field}"?`,
  mappingWhereIsHint:
    "Pick the column that holds it; if the sheet really has no such column, add one.",
  mappingPickColumn: "Pick a column…",
  mappingSchoolStages: (n: number) => `Choose the stage of ${n} ${n === 1 ? "school" : "schools"}`,
  mappingSchoolStagesHint:
    "Neither the name nor the figures tell these schools' stage. The check re-runs as soon as you choose.",
  schoolStageChoice: { primary: "Primary", junior: "Junior", "nine-year": "Nine-year" },
  schoolStageAuto: "Auto",
  mappingTitle: "Please confirm what was recognised",
  mappingIntro:
    "These are the columns recognised from the headers. Correct any that are wrong with the drop-downs. ",
  mappingSavedWhere: {
    excel:
      "Corrections are saved in this workbook: the next check of the same template needs no clicks.",
    browser:
      "Corrections are saved in this browser (by the header rows): the next file of the same template needs no clicks.",
  },
  unitLine: (unit: string, source: string) => `unit: ${unit} (${source})`,
  mappingIssues: (n: number) => `${n} ${n === 1 ? "item needs" : "items need"} confirming`,
  mappingSheet: (sheet: string) => `Sheet "${sheet}"`,
  mappingHeaderRows: (rows: string, first: number) => `Header rows ${rows}, data from row ${first}`,
  mappingStage: "Stage",
  mappingStageAuto: "From each school's type",
  mappingUnmapped: "Columns not found (their indicators cannot be computed):",
  mappingUnmappedHint:
    'If the sheet does have such a column, assign it under "Columns not recognised".',
  mappingColumns: (n: number) => `Recognised columns (${n})`,
  mappingUnknown: (n: number) => `Columns not recognised (${n})`,
  mappingSkipped: (n: number) => `Rows skipped (${n})`,
  mappingColumn: "Column",
  mappingField: "Field",
  mappingUnit: "Unit",
  mappingIgnore: "(do not use)",
  unitSource: {
    header: "from the header",
    note: "from a sheet note",
    inferred: "inferred from the values",
  },
  unitInferredWarn: "The unit was inferred; please confirm",
  skippedReason: {
    summary: "total / subtotal",
    note: "note",
    "notes-start": "instructions",
    placeholder: "placeholder",
    section: "section heading",
    empty: "empty",
  },
  skippedRow: (row: number, label: string, reason: string) =>
    `Row ${row}${label ? ` "${label}"` : ""}: ${reason}`,
  mappingContinue: "Confirm and show results",
  mappingReset: "Back to automatic",
  mappingSaved: "Correction saved.",
  editMappingLine: (cols: number, sheets: number) =>
    `Recognised: ${sheets} ${sheets === 1 ? "sheet" : "sheets"}, ${cols} columns`,
  editMappingOpen: "View / correct",

  countyTitle: "County resource indicators",
  overall: (v: string) => `County resource indicators: ${v}`,
  stageLine: (stage: string, v: string) => `${stage}: ${v}`,
  stageCvOver: (names: string) => `CV over the limit: ${names}`,
  stageSchools: (meeting: number, total: number) =>
    `${meeting} of ${total} schools meet the standard`,
  stageCvIncomplete: "Some CVs use only part of the schools",
  fixDataFirst: (n: number) =>
    `Fix ${n} data ${n === 1 ? "error" : "errors"} first: the verdict depends on them`,
  counts: (data: number, results: number, warnings: number) =>
    `${data} data ${data === 1 ? "error" : "errors"} · ${results} below standard · ${warnings} ${warnings === 1 ? "warning" : "warnings"}`,
  cvTableTitle: (stage: string) => `${stage}: coefficients of variation`,
  cvLimit: (limit: string) => `limit ≤ ${limit}`,
  cvCol: "CV",
  meanCol: "County mean",
  indicatorCol: "Indicator",
  partial: (k: number, n: number) => ` (${k}/${n} schools)`,
  compositeRow: "Composite CV",
  schoolsTitle: (fail: number, incomplete: number) =>
    `Schools below the standard (${fail})` + (incomplete ? ` · incomplete (${incomplete})` : ""),
  schoolsNone: "Every school meets the standard.",
  schoolsNoneAssessed:
    "Every school assessed meets the standard (some were not assessed: see above).",
  viewLabel: "View",
  filterLabel: "Find a school",
  filterSearch: "Search by name",
  filterSearchHint: "Part of the school name",
  filterStage: "Stage",
  filterTownship: "Township",
  filterStatus: "Status",
  filterIndicator: "Indicator",
  filterSort: "Order",
  filterAll: "All",
  sortRow: "As in the sheet",
  sortGap: "Largest gap first",
  filterShown: (shown: number, total: number) =>
    `Showing ${shown} of ${total} ${total === 1 ? "school" : "schools"}`,
  basis: { per100: "per 100 students", perStudent: "per student" },
  glyphLegendFail: (floor: string) => `below ${floor} of the standard`,
  glyphLegendWarn: (floor: string) =>
    `below the standard but at ${floor} or more (the school can still pass), or empty`,
  legendStandardNote: (floor: string) =>
    `Red also marks single indicators of passing schools: below the standard but at ${floor} of it or more.`,
  viewBySchool: "By school",
  viewByIndicator: "By indicator",
  schoolMeta: (stage: string, sheet: string, row: number) => `${stage} · ${sheet} row ${row}`,
  schoolMetaShort: (stage: string, row: number) => `${stage} · row ${row}`,
  schoolFail: "Below standard",
  schoolIncomplete: "Incomplete",
  missingValue: "empty",
  stillShort: (gap: string) => `short by ${gap}`,
  atFloor: (floor: string) => `at ${floor}: the school still meets the standard`,
  atFloorOnly: (floor: string) => `at ${floor} of the standard`,
  indicatorSchools: (n: number) => `${n} ${n === 1 ? "school" : "schools"} below`,
  threshold: (t: string) => `standard ${t}`,
  rowChecksTitle: (n: number) => `Class size, school size, music/art rooms (${n})`,
  problemsTitle: (n: number) => `Data problems (${n})`,
  problemsNone: "No data problems found.",
  notesTitle: (n: number) => `Notes (${n})`,
  showMore: (n: number) => `Show ${n} more`,
  goTo: (where: string) => `Go to ${where}`,
  schoolPrefix: (school: string) => `${school}: `,
  paren: (text: string) => `(${text})`,
  severity: { error: "Error", warning: "Warning", info: "Note" },

  actionsLabel: "Actions",
  markCells: "Mark problem cells",
  clearMarks: "Clear marks",
  liveMode: "Live check: check again after each edit, and update the marks shown",
  writeReport: "Write report sheet",
  recheck: "Check again",
  submitCheck: "Check before submitting",
  marked: (n: number, red: number, yellow: number) =>
    `Marked ${n} ${n === 1 ? "cell" : "cells"}: ${red} red (below standard), ${yellow} yellow (data ${yellow === 1 ? "problem" : "problems"}).`,
  cleared: "Removed the marks the checker added.",
  markProtected: (sheets: string) =>
    `Protected sheets were left unchanged: ${sheets}. Unprotect them and try again.`,
  markComments: (n: number) =>
    `${n} ${n === 1 ? "cell has" : "cells have"} a comment: filled only, no note (the reasons are in this pane and the report sheet).`,
  notesChanged: (n: number) =>
    `${n} ${n === 1 ? "note was" : "notes were"} edited or deleted after marking and ${n === 1 ? "was" : "were"} left as ${n === 1 ? "it is" : "they are"}.`,
  forgetMarks: "Forget the marking record",
  forgetMarksHint:
    "For a record that is damaged or belongs to another copy of the workbook: deletes the record only and changes no cell; remove any fills and notes left by hand.",
  forgotMarks: "Forgot the marking record; no cell was changed.",
  reportWritten: (name: string) => `Wrote the sheet "${name}".`,
  actionFailed: (why: string) => `Failed: ${why}`,
  legendStandard: "below standard",
  legendData: "data problem",

  submitWarnings: (n: number) => `Worth checking (${n})`,
  showFullResults: "Show the full results",
  backToSubmit: "Back to the verdict",

  standardTitle: "Standard",
  standardName: { "quality-2017": "2017 quality", "basic-2012": "2012 basic" },
  profileLoad: "Load a province profile…",
  profileInUse: (name: string, std: string) => `Using profile "${name}" (${std})`,
  profileRemove: "No profile",
  profileLoaded: (name: string) => `Profile "${name}" loaded.`,
  profileError: (file: string, why: string) => `Cannot use the profile "${file}": ${why}`,
  diffTotal: (resolved: number, added: number) =>
    `Since the last check: ${resolved} resolved, ${added} new`,
  diffLine: (what: string, resolved: number, added: number) =>
    `${what}: ${resolved} resolved, ${added} new`,
  diffBySchool: "By school",
  diffByIndicator: "By indicator: ",
  diffMore: (n: number) => `${n} more ${n === 1 ? "school" : "schools"} changed`,
  rereadNeeded: (name: string) =>
    `The browser cannot read "${name}" again (it changed after it was opened). Choose "Open file…" above, pick the same file, then Check again. In Chrome or Edge, Check again reads the saved file directly.`,
  submitState: {
    "fix-data": "Not ready: fix the data errors first",
    "left-out": "Not ready: some schools were not assessed",
    unknown: "Not ready: no verdict could be reached",
    "ready-pass": "Ready to submit",
    "ready-fail": "Data complete, ready to submit",
  },
  submitStateBody: {
    "fix-data": "The data errors below affect the verdict. Correct them, then choose Check again.",
    "left-out":
      "The schools below were not part of the calculation, so the county verdict is incomplete. Do what each line says, then choose Check again.",
    unknown: "The report reached no verdict; see the notes below.",
    "ready-pass": "No data errors, and every school was assessed.",
    "ready-fail":
      "No data errors, and every school was assessed. Report the shortfalls as they are and plan their rectification.",
  },
  submitDataTitle: (n: number) => `Data errors (${n}) · fix before submitting`,
  submitDataNone: "No data errors.",
  submitResultsTitle: (n: number) => `Below standard (${n}) · report or rectify`,
  submitResultsHint:
    "These are results, not entry mistakes: report them as they are; never change figures to pass.",
  submitResultsNone: "Nothing below the standard.",
  submitCounts: (data: number, results: number, warnings: number) =>
    `${data} data ${data === 1 ? "error" : "errors"} · ${results} below standard · ${warnings} to check`,
  leftOutTitle: (n: number) => `${n} ${n === 1 ? "school was" : "schools were"} not assessed`,
  leftOutWhy: {
    stage: "stage unknown",
    column: "a required column was not found",
    value: "values empty or invalid",
  },
  leftOutDo: {
    stage: "choose its stage under Recognised columns",
    column: "show which column holds it under Recognised columns",
    value: "fill them in, then choose Check again",
  },
  leftOutFix: "Correct",
  leftOutBecause: (n: number) =>
    n === 1 ? " (so the school was not assessed)" : ` (so ${n} schools were not assessed)`,
  verdictLeftOut: "Some schools were not assessed: no verdict",

  pageSubtitle: "Browser edition · for WPS, Mac and computers without the Excel add-in",
  openFile: "Open file…",
  openSample: "Open the sample",
  downloadCopy: "Download marked copy",
  writingCopy: "Writing the marked copy…",
  copyProgress: (percent: number) => `Writing the marked copy: ${percent}%`,
  copyCancelled: "The marked copy was cancelled; nothing was downloaded.",
  dismiss: "Close",
  downloadJson: "Download JSON report",
  downloadHint: "Run the check first",
  copySuffix: "checked",
  jsonSuffix: "report",
  switchLang: "中文",
  welcomeTitle: "Drop an .xlsx file here",
  welcomeBody:
    'or choose "Open file" to pick a school workbook on this computer; "Open the sample" shows what a check looks like.',
  privacyPage:
    "The file is read and checked in this browser only and is never uploaded; this page makes no network connections.",
  dropHint: "Release to open",
  reading: (name: string) => `Reading "${name}"…`,
  readError: (name: string, why: string) => `Cannot read "${name}": ${why}`,
  readErrorCode: {
    "not-a-zip": "not an .xlsx file (save .xls files as .xlsx in WPS or Excel first)",
    "encrypted-or-xls": "the file is encrypted or an old .xls file; save it as .xlsx",
    corrupt:
      "the file is damaged. Open it in WPS or Excel, save it as .xlsx again, then open that file here",
    empty: "the workbook has no worksheets",
  },
  notXlsxName: "Please choose an .xlsx file",
  sampleError: (why: string) => `Cannot load the sample: ${why}`,
  downloadFailed: (why: string) => `Cannot create the download: ${why}`,
  sheetTabs: "Sheets",
  reportTab: (name: string) => `${name} (in the copy)`,
  markedCount: (n: number) => `${n} marked`,
  statusEmpty: "Click a cell to see its content; marked cells show why.",
};

export const STRINGS: Record<Lang, Strings> = { "zh-CN": zh, en };

export function strings(lang: Lang): Strings {
  return STRINGS[lang];
}
