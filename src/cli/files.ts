/**
 * The files a `junheng check A B DIR/` run covers: every path named, and inside each folder (recursively) every file
 * in a format junheng reads. Exported for the city roll-up, which checks a folder of county workbooks the same way.
 */
import * as fs from "fs";
import * as path from "path";

/** Extensions junheng reads (lower case, with the dot): .xlsx/.xlsm natively, the rest through the legacy adapter. */
export const WORKBOOK_EXTENSIONS = [
  ".xlsx",
  ".xlsm",
  ".xls",
  ".et",
  ".xlsb",
  ".ods",
  ".csv",
] as const;

export function isWorkbookName(name: string): boolean {
  const lower = name.toLowerCase();
  // "~$name.xlsx" is the lock file Excel and WPS leave beside an open workbook, not a workbook.
  if (lower.startsWith("~$") || lower.startsWith(".~")) return false;
  return WORKBOOK_EXTENSIONS.some((e) => lower.endsWith(e));
}

export interface CollectedFiles {
  /** Files to check, in the order named; a folder's files sorted by path (so runs are repeatable). */
  files: string[];
  /** True when some argument was a folder (the run is then a many-file run even with one file in it). */
  sawFolder: boolean;
}

/**
 * Expands `paths`: a file is kept as named (whatever its extension — the reader says what it is; a missing path
 * too, so its error is reported in its place); a folder contributes its workbooks, recursively, hidden entries
 * and folders already visited (symlink loops) skipped.
 */
export function collectWorkbookFiles(paths: readonly string[]): CollectedFiles {
  const files: string[] = [];
  const seen = new Set<string>();
  const visited = new Set<string>();
  let sawFolder = false;
  const add = (f: string): void => {
    const key = path.resolve(f);
    if (!seen.has(key)) {
      seen.add(key);
      files.push(f);
    }
  };
  const walk = (dir: string): void => {
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch {
      return;
    }
    if (visited.has(real)) return;
    visited.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    const names = entries.filter((e) => !e.name.startsWith(".")).map((e) => e.name);
    names.sort();
    for (const name of names) {
      const p = path.join(dir, name);
      let st: fs.Stats;
      try {
        st = fs.statSync(p);
      } catch {
        continue; // a dangling link
      }
      if (st.isDirectory()) walk(p);
      else if (st.isFile() && isWorkbookName(name)) add(p);
    }
  };
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = fs.statSync(p).isDirectory();
    } catch {
      /* reported as not found when read */
    }
    if (isDir) {
      sawFolder = true;
      walk(p);
    } else add(p);
  }
  return { files, sawFolder };
}
