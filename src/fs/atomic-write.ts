/**
 * The one way lambda-cost writes a file that must never be seen half-written (the tune
 * journal, `tune --out`, report CSVs): the bytes go to a temporary file created EXCLUSIVELY
 * (O_CREAT|O_EXCL, so a planted file or symlink makes the write fail instead of redirecting
 * it) under an unpredictable name in the target's own directory; the file is fsynced, renamed
 * over the target (atomic within a file system on POSIX), and the directory is fsynced so the
 * rename itself survives a power loss. A temporary file left by a killed writer is removed by
 * the next write to the same directory (see removeStaleTemps).
 *
 * Why not the npm package write-file-atomic: it opens its temporary file without O_EXCL and does
 * not fsync the directory; this is ~60 lines with neither gap.
 */
import { randomBytes } from "node:crypto";
import {
  closeSync,
  fsyncSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import { makeDirectorySync } from "./make-directory.js";

const TEMP_SUFFIX = ".lc-tmp";
/** `.<name>.<pid>-<16 hex>.lc-tmp`: the pid says whose it is; the random part makes it unguessable. */
const TEMP_NAME = /^\.(.+)\.(\d+)-[0-9a-f]{16}\.lc-tmp$/;
/** A write takes milliseconds: a temporary file this old is a leftover, whoever wrote it. */
const STALE_AFTER_MS = 10 * 60_000;

export interface AtomicWriteOptions {
  /** File mode of the new file (default 0o644; the journal uses 0o600). */
  mode?: number | undefined;
  /** Mode for directories created on the way (default 0o755). */
  dirMode?: number | undefined;
}

/** Writes `content` to `path` atomically (see the file comment); throws the fs error as is. */
export function writeFileAtomicSync(
  path: string,
  content: string | Uint8Array,
  options: AtomicWriteOptions = {},
): void {
  const file = openAtomicFile(path, options);
  try {
    file.write(content);
  } catch (error) {
    file.abort();
    throw error;
  }
  file.commit();
}

/** A file written in pieces and published atomically: nothing is visible until commit(). */
export interface AtomicFile {
  write(content: string | Uint8Array): void;
  /** fsync, rename over the target, fsync the directory. */
  commit(): void;
  /** Closes and removes the temporary file; the target is untouched. */
  abort(): void;
}

/**
 * The streaming form of writeFileAtomicSync, for files too large to build as one string (an
 * organisation's CSV of 100,000 functions): same exclusive temporary file, same publication.
 */
export function openAtomicFile(path: string, options: AtomicWriteOptions = {}): AtomicFile {
  const dir = dirname(path);
  makeDirectorySync(dir, options.dirMode ?? 0o755);
  removeStaleTemps(dir);
  const temp = join(
    dir,
    `.${basename(path)}.${process.pid}-${randomBytes(8).toString("hex")}${TEMP_SUFFIX}`,
  );
  const fd = openSync(temp, "wx", options.mode ?? 0o644);
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  return {
    write(content) {
      // writeFileSync on a descriptor writes at the file's position and loops until every byte
      // is written (one call may be a 250 MB zip); writeSync may write only part.
      writeFileSync(fd, content);
    },
    commit() {
      try {
        fsyncSync(fd);
        close();
        renameSync(temp, path);
      } catch (error) {
        close();
        rmSync(temp, { force: true });
        throw error;
      }
      syncDirectory(dir);
    },
    abort() {
      close();
      rmSync(temp, { force: true });
    },
  };
}

/**
 * Removes temporary files of earlier writes in `dir` whose writer is gone (its pid no longer
 * runs here) or that are older than any write could take. Returns the names removed.
 */
export function removeStaleTemps(dir: string, nowMs = Date.now()): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = TEMP_NAME.exec(name);
    if (!match) continue;
    const pid = Number(match[2]);
    const path = join(dir, name);
    try {
      const stale = nowMs - statSync(path).mtimeMs > STALE_AFTER_MS || !processRuns(pid);
      if (!stale || pid === process.pid) continue;
      rmSync(path, { force: true });
      removed.push(name);
    } catch {
      // Gone meanwhile (its writer renamed it): nothing to clean.
    }
  }
  return removed;
}

function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** fsync on a directory persists a rename; some platforms (Windows) cannot open one: skip. */
function syncDirectory(dir: string): void {
  let fd: number;
  try {
    fd = openSync(dir, "r");
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // EINVAL/EISDIR where directories cannot be synced: the rename is still atomic.
  } finally {
    closeSync(fd);
  }
}
