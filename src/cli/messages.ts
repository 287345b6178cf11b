import { Lang } from "../engine/reportTypes";

/** File-system error codes in words (Node's codes; anything else is shown with its code). */
const FS_ZH: Record<string, string> = {
  EACCES: "没有权限",
  EPERM: "没有权限",
  ENOSPC: "磁盘空间不足",
  EDQUOT: "超出磁盘配额",
  EISDIR: "这是一个文件夹，不是文件",
  ENOTDIR: "路径中有一段不是文件夹",
  ENOENT: "文件夹不存在",
  EROFS: "磁盘是只读的",
  EBUSY: "文件正被占用",
  EMFILE: "打开的文件太多",
  ENAMETOOLONG: "文件名太长",
  EEXIST: "文件已存在",
  EIO: "磁盘读写出错",
  EFBIG: "文件太大",
  ERR_FS_FILE_TOO_LARGE: "文件太大（超过 2 GB）",
};
const FS_EN: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "permission denied",
  ENOSPC: "the disk is full",
  EDQUOT: "disk quota exceeded",
  EISDIR: "it is a folder, not a file",
  ENOTDIR: "part of the path is not a folder",
  ENOENT: "the folder does not exist",
  EROFS: "the disk is read-only",
  EBUSY: "the file is in use",
  EMFILE: "too many open files",
  ENAMETOOLONG: "the file name is too long",
  EEXIST: "the file already exists",
  EIO: "a disk input/output error",
  EFBIG: "the file is too large",
  ERR_FS_FILE_TOO_LARGE: "the file is too large (over 2 GB)",
};

/** CLI texts in both languages. Chinese is the default (the users are bureau staff). */
export const MSG = {
  "zh-CN": {
    usage: `用法：junheng check 文件.xlsx [更多文件或文件夹 …] [选项]
      junheng plan 文件.xlsx [--costs 单价.json] [--json 输出.json] [--out 方案.xlsx]（达标测算，详见 junheng plan --help）

可检查 .xlsx、.xlsm，以及 .xls、.et（WPS）、.xlsb、.ods、.csv；文件夹中的这些文件会逐个检查，
最后列出汇总表（退出码取最差的一个）。

选项：
  --standard quality-2017|basic-2012   评估标准（默认 quality-2017 优质均衡）
  --profile 配置.json                  省级配置文件（覆盖阈值与设置）
  --json 输出.json|-                    写出 JSON 报告（- 表示标准输出）
  --out 标注副本.xlsx                   另存一份标注了问题单元格的副本（原文件不会被修改）
  --sheet 工作表名                       只检查该工作表（可重复）
  --county 县级指标.xlsx                从另一个工作簿读取「县级指标」表（默认在被检查的工作簿中查找）
  --declaration 申报表.xlsx             写出全国优质均衡申报表 表Ⅰ–表Ⅵ（新工作簿，仅 quality-2017）
  --include-hidden                     同时检查隐藏的工作表（默认跳过）
  --max-unzipped-mb 数字               单个文件解压后的大小上限（默认：文件大小的 50 倍，最多 1024 MB）
  --lang zh-CN|en                      输出语言（默认 zh-CN）
  -h, --help                           显示帮助
  -v, --version                        显示版本

       junheng template county 输出.xlsx     生成空白「县级指标」模板

退出码：0 全部达标且无错误（有县级指标时还须「可以申报」）；1 有未达标项或数据错误；2 无法检查。`,
    unknownTemplate: (t: string) =>
      `未知的模板「${t}」，目前只有：junheng template county 输出.xlsx`,
    missingTemplateOut: "请指定模板的输出文件：junheng template county 输出.xlsx",
    countyNotFound: (f: string) => `找不到县级指标文件：${f}`,
    countyUnreadable: (f: string) => `无法读取县级指标文件 ${f}（不是有效的 .xlsx）`,
    countyNoSheet: (f: string) => `${f} 中没有名为「县级指标」的工作表`,
    declarationBasic: "申报表（表Ⅰ–表Ⅵ）只适用于 quality-2017；basic-2012 的表格尚无规定",
    declarationSameAsInput: "申报表不能覆盖原文件，请为 --declaration 指定另一个文件名",
    declarationManyFiles: "--declaration 只能用于一个县的一个文件",
    wroteDeclaration: (f: string) => `已写出申报表：${f}（表Ⅰ、表Ⅱ-1、表Ⅱ-2、表Ⅲ、表Ⅳ、表Ⅴ、表Ⅵ）`,
    wroteTemplate: (f: string) => `已写出「县级指标」模板：${f}`,
    cannotWrite: (f: string, why: string) => `无法写出 ${f}：${why}`,
    unknownCommand: (c: string) =>
      `未知命令「${c}」。请使用 junheng check 文件.xlsx（junheng --help 查看帮助）`,
    missingFile: "请指定要检查的 .xlsx 文件：junheng check 文件.xlsx",
    unknownOption: (o: string) => `未知选项「${o}」（junheng --help 查看帮助）`,
    missingValue: (o: string) => `选项 ${o} 需要一个值`,
    badStandard: (s: string) => `未知的评估标准「${s}」，应为 quality-2017 或 basic-2012`,
    badLang: (s: string) => `未知的语言「${s}」，应为 zh-CN 或 en`,
    badNumber: (o: string, v: string) => `选项 ${o} 需要一个正数，而不是「${v}」`,
    notFound: (f: string) => `找不到文件：${f}`,
    cannotRead: (f: string, why: string) => `无法读取文件 ${f}：${why}`,
    tooLargeFile: (f: string) => `${f} 太大（超过 2 GB），不像是学校统计表，无法读取`,
    notXlsx: (f: string) =>
      `${f} 不是 .xlsx 文件（或已损坏）；请在 Excel 或 WPS 中打开并另存为 .xlsx 后再检查`,
    encrypted: (f: string) =>
      `${f} 是设了打开密码的工作簿，请在 Excel 或 WPS 中取消密码并另存为 .xlsx 后再检查`,
    corrupt: (f: string) => `${f} 已损坏，无法读取`,
    corruptLegacy: (f: string, fmt: string) =>
      `${f} 看起来是 ${fmt} 文件，但已损坏或无法识别；请在 Excel 或 WPS 中打开并另存为 .xlsx 后再检查`,
    unsupported: (f: string) =>
      `${f} 不是 junheng 能读的表格文件（可读 .xlsx、.xls、.et、.xlsb、.ods、.csv）；请在 Excel 或 WPS 中另存为 .xlsx 后再检查`,
    convertedCopy: (from: string) =>
      `原文件是 ${from} 格式，副本存为 .xlsx（只含数值，原文件的格式、公式和图表不会带过来）`,
    tooLargeUnzipped: (f: string, mb: number) =>
      `${f} 解压后超过 ${mb} MB，已停止读取（可能是“压缩炸弹”）；如确为正常文件，可用 --max-unzipped-mb 提高上限`,
    duplicateEntry: (f: string, entry: string) =>
      `${f} 中有两个同名部件「${entry}」，无法确定该读哪一个（文件可能被改动过）；请在 Excel 或 WPS 中打开并另存为 .xlsx 后再检查`,
    badSharedString: (f: string, cell: string) =>
      `${f} 的单元格 ${cell} 引用了不存在的文本（共享字符串表不完整），文件已损坏；请在 Excel 或 WPS 中打开并另存为 .xlsx 后再检查`,
    outOfRange: (f: string, where: string) =>
      `${f} 中有超出 Excel 表格范围（最多 XFD 列、1048576 行）的单元格「${where}」，文件已损坏`,
    empty: (f: string) => `${f} 中没有工作表`,
    uncachedFormulas: (f: string) =>
      `${f} 中的公式没有计算结果：请在 Excel 或 WPS 中打开并保存后再检查`,
    noTable: (f: string) => `在 ${f} 中没有找到学校名单（需要「学校名称」「在校生数」等表头）`,
    textLost: (f: string) =>
      `${f} 中的中文已变成「?」（另存为 CSV 时选了不含中文的编码），无法恢复：请从原表格另存为 .xlsx 或「CSV UTF-8」后再检查`,
    noSheet: (s: string) => `工作簿中没有名为「${s}」的工作表`,
    sameAsInput: "标注副本不能覆盖原文件，请为 --out 指定另一个文件名",
    outExtension: (ext: string) =>
      `标注副本须与原文件同为 ${ext} 文件（扩展名不同，Excel 会拒绝打开），请把 --out 改为 ….${ext.slice(1)}`,
    jsonSameAsInput: "JSON 报告不能覆盖原文件，请为 --json 指定另一个文件名",
    outputsSame: (a: string, b: string) => `${a} 与 ${b} 不能是同一个文件`,
    outManyFiles: "检查多个文件时不能使用 --out（标注副本一次只能写一个文件）",
    fsError: (code: string) => FS_ZH[code] ?? `文件系统错误（${code}）`,
    notWrittenCopy: (f: string, why: string) => `未写出标注副本 ${f}：${why}（检查结果不受影响）`,
    notWrittenJson: (f: string, why: string) => `未写出 JSON 报告 ${f}：${why}（检查结果不受影响）`,
    replaced: "（已替换原有文件）",
    copyFailed: "无法在这个工作簿上写出标注",
    noFiles: "没有找到可检查的文件（.xlsx、.xls、.et、.xlsb、.ods、.csv）",
    profile: (why: string) => `配置文件有误：${why}`,
    reading: "正在读取",
    checking: "正在检查",
    writing: "正在写出标注副本",
    wroteJson: (f: string) => `已写出 JSON 报告：${f}`,
    wroteCopy: (f: string, n: number, sheet: string) =>
      `已写出标注副本：${f}（标注 ${n} 个单元格，报告见工作表「${sheet}」）`,
    staleMarks: (n: number) =>
      `注意：输入的标注副本里没有可用的原格式记录（由旧版 junheng 写出，或经其他程序保存过），其中 ${n} 个单元格这次不再标注，但无法得知它们原来的格式，仍保留上次标注的底色（可能还有批注，均未改动）；要得到干净的副本，请对原始文件重新标注`,
  },
  en: {
    usage: `Usage: junheng check FILE.xlsx [MORE FILES OR FOLDERS …] [options]
       junheng plan FILE.xlsx [--costs COSTS.json] [--json OUT.json] [--out PLAN.xlsx] (see junheng plan --help)

Reads .xlsx and .xlsm, and .xls, .et (WPS), .xlsb, .ods and .csv; the files in a folder are checked one by one
and a roll-up table follows (the exit status is the worst one).

Options:
  --standard quality-2017|basic-2012   standard to check against (default quality-2017)
  --profile FILE.json                  province profile (overrides thresholds and settings)
  --json OUT.json|-                    write the JSON report (- for standard output)
  --out CHECKED.xlsx                   write a copy with the problem cells marked (the input is never changed)
  --sheet NAME                         check only this sheet (repeatable)
  --county COUNTY.xlsx                 read 「县级指标」 from another workbook (default: look in the checked one)
  --declaration OUT.xlsx               write the national 申报表 表Ⅰ–表Ⅵ (a new workbook; quality-2017 only)
  --include-hidden                     also check hidden sheets (skipped by default)
  --max-unzipped-mb N                  cap on one file's unzipped size (default: 50 × the file, at most 1024 MB)
  --lang zh-CN|en                      output language (default zh-CN)
  -h, --help                           show this help
  -v, --version                        show the version

       junheng template county OUT.xlsx     write a blank 「县级指标」 template

Exit status: 0 everything meets and no errors (with county data, also "ready to apply"); 1 something falls short or has errors; 2 could not check.`,
    unknownTemplate: (t: string) =>
      `unknown template "${t}"; the only one is: junheng template county OUT.xlsx`,
    missingTemplateOut: "name the template's output file: junheng template county OUT.xlsx",
    countyNotFound: (f: string) => `county data file not found: ${f}`,
    countyUnreadable: (f: string) => `cannot read the county data file ${f} (not a valid .xlsx)`,
    countyNoSheet: (f: string) => `${f} has no sheet named 「县级指标」`,
    declarationBasic:
      "the 申报表 (表Ⅰ–表Ⅵ) exists for quality-2017 only; the basic-2012 tables are not specified",
    declarationManyFiles: "--declaration works on one county's file at a time",
    declarationSameAsInput:
      "the 申报表 must not overwrite the input; give --declaration another file name",
    wroteDeclaration: (f: string) =>
      `wrote the 申报表: ${f} (表Ⅰ, 表Ⅱ-1, 表Ⅱ-2, 表Ⅲ, 表Ⅳ, 表Ⅴ, 表Ⅵ)`,
    wroteTemplate: (f: string) => `wrote the 「县级指标」 template: ${f}`,
    cannotWrite: (f: string, why: string) => `cannot write ${f}: ${why}`,
    unknownCommand: (c: string) =>
      `unknown command "${c}"; use junheng check FILE.xlsx (junheng --help)`,
    missingFile: "name the .xlsx file to check: junheng check FILE.xlsx",
    unknownOption: (o: string) => `unknown option "${o}" (see junheng --help)`,
    missingValue: (o: string) => `option ${o} needs a value`,
    badStandard: (s: string) => `unknown standard "${s}"; use quality-2017 or basic-2012`,
    badLang: (s: string) => `unknown language "${s}"; use zh-CN or en`,
    badNumber: (o: string, v: string) => `option ${o} needs a positive number, not "${v}"`,
    notFound: (f: string) => `file not found: ${f}`,
    cannotRead: (f: string, why: string) => `cannot read ${f}: ${why}`,
    tooLargeFile: (f: string) =>
      `${f} is too large (over 2 GB) to be a school table; it cannot be read`,
    notXlsx: (f: string) =>
      `${f} is not an .xlsx file (or it is damaged); open it in Excel or WPS and save it as .xlsx`,
    encrypted: (f: string) =>
      `${f} is a password-protected workbook; remove the password in Excel or WPS and save it as .xlsx first`,
    corrupt: (f: string) => `${f} is damaged and cannot be read`,
    // "an HTML file", "an XML 2003 file", but "a .xls file" (read "a dot-x-l-s").
    corruptLegacy: (f: string, fmt: string) =>
      `${f} looks like ${/^[HX]/.test(fmt) ? "an" : "a"} ${fmt} file but is damaged or not recognised; open it in Excel or WPS and save it as .xlsx`,
    unsupported: (f: string) =>
      `${f} is not a spreadsheet junheng reads (.xlsx, .xls, .et, .xlsb, .ods, .csv); save it as .xlsx in Excel or WPS`,
    convertedCopy: (from: string) =>
      `the input is ${from}; the copy is an .xlsx (values only: the input's formatting, formulas and charts are not carried over)`,
    tooLargeUnzipped: (f: string, mb: number) =>
      `${f} unzips to more than ${mb} MB; reading stopped (it may be a zip bomb); if the file is genuine, raise the cap with --max-unzipped-mb`,
    duplicateEntry: (f: string, entry: string) =>
      `${f} holds two parts named "${entry}", so which one to read cannot be known (the file may have been tampered with); open it in Excel or WPS and save it as .xlsx`,
    badSharedString: (f: string, cell: string) =>
      `cell ${cell} of ${f} refers to text that is not in the file (its shared-string table is incomplete): the file is damaged; open it in Excel or WPS and save it as .xlsx`,
    outOfRange: (f: string, where: string) =>
      `${f} has a cell beyond Excel's grid (column XFD, row 1048576 at most): "${where}"; the file is damaged`,
    empty: (f: string) => `${f} has no worksheets`,
    uncachedFormulas: (f: string) =>
      `the formulas in ${f} have no computed results: open and save it in Excel or WPS, then check again`,
    noTable: (f: string) =>
      `no school table found in ${f} (headers such as 学校名称 and 在校生数 are needed)`,
    textLost: (f: string) =>
      `the Chinese text in ${f} was replaced by "?" when it was saved as CSV in an encoding without Chinese, and cannot be recovered: save the original as .xlsx or "CSV UTF-8", then check again`,
    noSheet: (s: string) => `the workbook has no sheet named "${s}"`,
    sameAsInput: "the marked copy must not overwrite the input; give --out another file name",
    outExtension: (ext: string) =>
      `the marked copy must be a ${ext} file like the input (Excel refuses to open it under another extension); give --out a name ending in ${ext}`,
    jsonSameAsInput: "the JSON report must not overwrite the input; give --json another file name",
    outputsSame: (a: string, b: string) => `${a} and ${b} must not name the same file`,
    outManyFiles:
      "--out cannot be used when checking several files (a marked copy is written for one file)",
    fsError: (code: string) => FS_EN[code] ?? `file-system error (${code})`,
    notWrittenCopy: (f: string, why: string) =>
      `the marked copy ${f} was not written: ${why} (the check itself is unaffected)`,
    notWrittenJson: (f: string, why: string) =>
      `the JSON report ${f} was not written: ${why} (the check itself is unaffected)`,
    replaced: " (replaced the existing file)",
    copyFailed: "marks cannot be written into this workbook",
    noFiles: "no files to check were found (.xlsx, .xls, .et, .xlsb, .ods, .csv)",
    profile: (why: string) => `bad profile: ${why}`,
    reading: "reading",
    checking: "checking",
    writing: "writing the marked copy",
    wroteJson: (f: string) => `wrote the JSON report: ${f}`,
    wroteCopy: (f: string, n: number, sheet: string) =>
      `wrote the marked copy: ${f} (${n} cells marked; report in sheet "${sheet}")`,
    staleMarks: (n: number) =>
      `note: the input marked copy has no usable record of the original formats (written by an older junheng, or saved by another program since); ${n} cells are no longer marked, but their original format is not known, so they keep the earlier mark's fill (and perhaps its note; left as they are); mark the original file for a clean copy`,
  },
} satisfies Record<Lang, unknown>;
