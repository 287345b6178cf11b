/** The sidebar shared by the Excel task pane (src/taskpane) and the browser page (src/app). */
export { Sidebar, type SidebarProps } from "./Sidebar/Sidebar";
export { CancelledError, type CancelToken, type Progress, type SidebarHost } from "./host";
export { STRINGS, strings, type Strings } from "./i18n";
