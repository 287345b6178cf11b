/**
 * The sidebar's host port now lives in src/ports/sidebarHost.ts (neutral ground, so src/host/excel does not import
 * from ui/). Re-exported here so existing imports keep working.
 */
export {
  CancelledError,
  type CancelToken,
  type HostMode,
  type MarkMode,
  type MarkOutcome,
  type OpenWorkbookOutcome,
  type Progress,
  type SidebarHost,
} from "../ports/sidebarHost";
