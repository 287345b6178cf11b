/**
 * The Excel task pane and custom functions share this one runtime (manifest: Runtime = Page = FunctionFile).
 * Office.js comes from the CDN: when it is missing (offline, or opened in a plain browser) the pane still
 * renders and says so instead of staying blank (stack-notes trap 7).
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createExcelHost } from "../host/excel/excelHost";
import { registerFunctions } from "../functions/register";
import { Sidebar } from "../ui/Sidebar";
import type { Lang } from "../engine/reportTypes";
import { ModeNotice } from "./modeNotice";
import { EngineClient, pageWorker } from "../app/engine/client";
import type { SidebarHost } from "../ports/sidebarHost";

function displayLanguage(): Lang {
  const l = typeof Office !== "undefined" ? Office.context?.displayLanguage : navigator.language;
  return l && l.toLowerCase().startsWith("en") ? "en" : "zh-CN";
}

function render(content: React.ReactElement): void {
  const el = document.getElementById("root");
  if (el) createRoot(el).render(<FluentProvider theme={webLightTheme}>{content}</FluentProvider>);
}

function NoOffice(): React.ReactElement {
  return (
    <div style={{ padding: 16, lineHeight: 1.7 }}>
      <h3>需要在 Excel 中打开</h3>
      <p>
        未能加载 Office.js（可能未联网，或不是在 Excel 中打开）。没有 Excel 时，请使用浏览器页面检查
        .xlsx 文件：
      </p>
      <p>
        <a href="app.html">打开浏览器版「均衡检查」</a>
      </p>
    </div>
  );
}

// Custom functions are associated at module top level, as soon as the shared runtime loads this script: waiting
// for Office.onReady lets Excel calculate a cell before the association exists (#VALUE!, office-js #4769).
if (typeof CustomFunctions !== "undefined") registerFunctions();

if (typeof Office === "undefined") {
  render(<NoOffice />);
} else {
  void Office.onReady((info) => {
    if (info.host === Office.HostType.Excel) {
      // The engine runs in a worker beside the pane (the same engine-worker.js as the browser page), so a big
      // table does not freeze Excel's pane; where no worker starts, on the pane's thread as before.
      const engine = new EngineClient(pageWorker);
      const host = {
        ...createExcelHost(),
        check: engine.check.bind(engine) as NonNullable<SidebarHost["check"]>,
      };
      const lang = displayLanguage();
      render(
        <>
          <ModeNotice mode={host.mode} lang={lang} />
          <Sidebar host={host} lang={lang} />
        </>
      );
    } else {
      render(<NoOffice />);
    }
  });
}
