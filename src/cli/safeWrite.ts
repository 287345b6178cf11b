/**
 * Writing the CLI's outputs (--json, --out) so that they can never hurt: never over the input (by real path and by
 * device + inode, so a symlink or a hard link to the input counts), and never half-written (a temporary file beside
 * the target, renamed over it only once every byte is on disk — a full disk leaves the old target, or nothing).
 */
import * as fs from "fs";
import * as path from "path";

/** A file-system failure while writing one output; `code` is Node's (EACCES, ENOSPC, …). */
export class OutputError extends Error {
  constructor(
    readonly code: string,
    readonly target: string
  ) {
    super(`${code}: ${target}`);
    this.name = "OutputError";
  }
}

/** The real path of `p`, or — when `p` does not exist yet — its folder's real path joined with its name. */
function realTarget(p: string): string {
  const abs = path.resolve(p);
  try {
    return fs.realpathSync(abs);
  } catch {
    try {
      return path.join(fs.realpathSync(path.dirname(abs)), path.basename(abs));
    } catch {
      return abs;
    }
  }
}

/**
 * True when writing `target` would write over `input`: the same path, the same real path (symlinks), or the same
 * device and inode (hard links). A target that does not exist cannot be the input, except through a dangling path
 * that resolves to it.
 */
export function isSameFile(input: string, target: string): boolean {
  if (path.resolve(input) === path.resolve(target)) return true;
  if (realTarget(input) === realTarget(target)) return true;
  try {
    const a = fs.statSync(input);
    const b = fs.statSync(target);
    return a.dev === b.dev && a.ino === b.ino;
  } catch {
    return false;
  }
}

export interface WriteResult {
  /** An existing file was replaced. */
  replaced: boolean;
}

let counter = 0;

/**
 * Writes `chunks` to `target` through a temporary file in the same folder (so the rename stays on one file system)
 * and renames it into place. On any failure the temporary file is removed and the target is left as it was.
 *
 * @throws OutputError with the file-system error's code.
 */
export function writeFileSafely(
  target: string,
  chunks: Iterable<string | Uint8Array>
): WriteResult {
  let replaced = false;
  try {
    const st = fs.statSync(target);
    if (st.isDirectory()) throw new OutputError("EISDIR", target);
    // A device or a pipe (/dev/null, /dev/stdout, a FIFO, `--json >(jq …)`) is written to, never replaced: a
    // rename over it put a regular file where /dev/null or /dev/stdout was (as root) and the pipe's reader got
    // nothing. Nothing can be half-written there that a rename would have prevented.
    if (!st.isFile()) {
      writeInPlace(target, chunks);
      return { replaced: false };
    }
    replaced = true;
  } catch (e) {
    if (e instanceof OutputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== "ENOENT") throw new OutputError(code ?? "EIO", target);
  }
  // Through a symlink the file it points to is replaced, and the link stays a link. A file whose real path cannot
  // be told (/dev/stdout redirected to a file since deleted) is written in place rather than renamed over the link.
  let real = path.resolve(target);
  if (replaced) {
    try {
      real = fs.realpathSync(real);
    } catch {
      writeInPlace(target, chunks);
      return { replaced: true };
    }
  }
  const dir = path.dirname(real);
  const tmp = path.join(dir, `.${path.basename(real)}.junheng-${process.pid}-${++counter}.tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(tmp, "wx", 0o644);
    for (const chunk of chunks) fs.writeFileSync(fd, chunk); // loops over partial writes
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    if (replaced) {
      // Keep the replaced file's permission bits, as an editor saving over it would.
      try {
        fs.chmodSync(tmp, fs.statSync(real).mode & 0o7777);
      } catch {
        /* best effort */
      }
    }
    fs.renameSync(tmp, real);
  } catch (e) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        /* already failing */
      }
    }
    try {
      fs.unlinkSync(tmp);
    } catch {
      /* never created */
    }
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code !== "string") throw e; // not the file system: our bug, reported as such
    throw new OutputError(code, target);
  }
  return { replaced };
}

/** Writes to an existing device or pipe as it is (no temporary file, no rename). */
function writeInPlace(target: string, chunks: Iterable<string | Uint8Array>): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(target, "w");
    for (const chunk of chunks) fs.writeFileSync(fd, chunk);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code !== "string") throw e;
    throw new OutputError(code, target);
  } finally {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        /* nothing more to do */
      }
    }
  }
}
