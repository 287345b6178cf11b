/**
 * One line above the sidebar saying how this Excel marks cells (the host's `mode`, asked with isSetSupported):
 * Office 2021/2024 LTSC lack notes (ExcelApi 1.18), so marked cells get a fill only and the reasons stay in the
 * pane and the report sheet. Shown only when something is missing, so Microsoft 365 users see nothing extra.
 */
import * as React from "react";
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { Lang } from "../engine/reportTypes";
import type { HostMode } from "../ports/sidebarHost";

export function modeText(mode: HostMode, lang: Lang): string | null {
  const parts: string[] = [];
  const api = mode.excelApi ? ` (ExcelApi ${mode.excelApi})` : "";
  if (mode.marks === "fills-only")
    parts.push(
      lang === "en"
        ? `This Excel${api} cannot add notes: marked cells get a fill only; the reasons are in this pane and in the report sheet.`
        : `此版本 Excel${api} 不支持批注（备注）：标注只填充颜色，原因见本窗格和报告工作表。`
    );
  if (!mode.merges)
    parts.push(
      lang === "en"
        ? "Merged cells cannot be read here: a school name merged over several rows is read on its first row only."
        : "此版本无法读取合并单元格：跨多行合并的学校名称只在第一行读到。"
    );
  return parts.length ? parts.join(" ") : null;
}

export function ModeNotice(props: { mode?: HostMode; lang: Lang }): React.ReactElement | null {
  const text = props.mode ? modeText(props.mode, props.lang) : null;
  if (!text) return null;
  return (
    <MessageBar intent="info" data-testid="host-mode">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}
