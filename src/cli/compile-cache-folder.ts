/**
 * Where the bin's code cache (compile-cache.ts) lives, and reading and writing its files so that
 * no one else's code is ever run as ours: a cache file is code the process will run.
 *
 * - The temporary folder, resolved to its real path, and every folder above it must belong to
 *   the user or to root, and be sticky (as /tmp is) when others may write to it; otherwise
 *   someone could rename a folder on the way and put theirs in its place. Every later path is
 *   built from that real path.
 * - Each folder below it is made one level at a time and must then be a real folder (not a
 *   symlink), owned by the user, with no group or other write permission.
 * - A cache file is opened without following a symlink and used only if it is a regular file
 *   with one link, owned by the user and writable by no one else. V8 checks little of a cache
 *   (the Node version, its flags and the source's length, not the source itself), so these
 *   checks are what keeps it ours.
 * - A cache file is written under a new temporary name (exclusive create, so never through a
 *   link or over a file), then renamed: a concurrent run reads a whole file or none.
 */
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  type Stats,
  statSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, isAbsolute, join } from "node:path";

const privateTo = (stats: Stats, uid: number) => stats.uid === uid && (stats.mode & 0o022) === 0;

/**
 * The cache folder for this user, Node and build of `bundleFolder`, created if absent; undefined
 * where none is safe. A build is the folder's path and modification time (a rebuild empties and
 * refills it): `<tmpdir>/lambda-cost-compile-cache-<uid>/<node version>-<arch>/<path hash>-<mtime>`.
 */
export function cacheFolder(
  bundleFolder: string,
  env: NodeJS.ProcessEnv = process.env,
  root: string = posixTmpdir(env),
): string | undefined {
  if (env.NODE_DISABLE_COMPILE_CACHE !== undefined && env.NODE_DISABLE_COMPILE_CACHE !== "")
    return undefined;
  const uid = process.getuid?.();
  if (uid === undefined || !isAbsolute(root)) return undefined; // Windows; a relative TMPDIR
  try {
    const base = trustedFolder(root, uid);
    if (base === undefined) return undefined;
    const build = `${fnv1a32(bundleFolder)}-${Math.trunc(statSync(bundleFolder).mtimeMs)}`;
    let folder = base;
    for (const part of [
      `lambda-cost-compile-cache-${uid}`,
      `${process.version}-${process.arch}`,
      build,
    ]) {
      folder = join(folder, part);
      try {
        mkdirSync(folder, { mode: 0o700 });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") return undefined;
      }
      const stats = lstatSync(folder);
      if (!stats.isDirectory() || !privateTo(stats, uid)) return undefined;
    }
    return folder;
  } catch {
    return undefined;
  }
}

/**
 * `root` resolved to its real path when that path and every folder above it belong to the user
 * or to root, and none can be written by others unless sticky (OpenSSH's rule for its files):
 * then no one else can move anything on the way to it. Undefined otherwise.
 */
function trustedFolder(root: string, uid: number): string | undefined {
  const real = realpathSync(root);
  for (let path = real; ; path = dirname(path)) {
    const stats = lstatSync(path);
    if (!stats.isDirectory() || (stats.uid !== uid && stats.uid !== 0)) return undefined;
    if ((stats.mode & 0o022) !== 0 && (stats.mode & 0o1000) === 0) return undefined;
    if (dirname(path) === path) return real;
  }
}

/** os.tmpdir() on POSIX (Node's rule), without loading node:os: ~2M instructions of start-up. */
export function posixTmpdir(env: NodeJS.ProcessEnv): string {
  const dir = env.TMPDIR || env.TMP || env.TEMP || "/tmp";
  return dir.length > 1 && dir.endsWith("/") ? dir.slice(0, -1) : dir;
}

/** A cache file's bytes, or undefined when it is absent or not surely the user's own. */
export function readCacheFile(path: string): Buffer | undefined {
  const uid = process.getuid?.();
  if (uid === undefined) return undefined;
  let fd: number | undefined;
  try {
    // Not blocking on a FIFO, not following a link; then only a regular file is read.
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    const stats = fstatSync(fd);
    if (!stats.isFile() || stats.nlink !== 1 || !privateTo(stats, uid)) return undefined;
    return readFileSync(fd);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Writes a cache file whole; best effort (the next run compiles and tries again). */
export function writeCacheFile(path: string, bytes: Uint8Array): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, bytes, { mode: 0o600, flag: "wx" });
  } catch {
    return; // not ours to remove: exclusive create failed, or nothing was made
  }
  try {
    renameSync(temporary, path);
  } catch {
    rmSync(temporary, { force: true });
  }
}

/** FNV-1a, 32 bits, as 8 hex digits: a short folder name, not a check. */
export function fnv1a32(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/** The cache file of one bundle file: its name, size and modification time. */
export function cacheFileName(filename: string, sizeBytes: number, modifiedMs: number): string {
  return `${basename(filename, ".js")}-${sizeBytes}-${Math.trunc(modifiedMs)}.cache`;
}

/** Removes the caches of this install's earlier builds (same path hash, other time). */
export function removeEarlierBuilds(folder: string): void {
  const current = basename(folder);
  const pathHash = current.slice(0, current.indexOf("-") + 1);
  for (const name of readdirSync(dirname(folder))) {
    if (name.startsWith(pathHash) && name !== current)
      rmSync(join(dirname(folder), name), { recursive: true, force: true });
  }
}
