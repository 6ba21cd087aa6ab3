/**
 * A V8 code cache for the bin's own files (dist/bin/chunks). Compiling them is the largest part
 * of what `estimate` adds to bare node's start-up; V8 can instead read back the code an earlier
 * run compiled, including every function that run compiled lazily (callgrind, Node 20.20:
 * `estimate` ~45M fewer instructions of ~215M). Node ≥ 22.1 has module.enableCompileCache(),
 * but it keeps only what is compiled before a file runs (~25M fewer on Node 22); this cache is
 * made when the process exits, so it holds what the run needed.
 *
 * It lives in a folder per user, Node version and build (cacheFolder), one file per bundle file
 * named by its name, size and modification time; a new build's first run removes the caches of
 * the same install's earlier builds. Each folder on the way must be a real folder (not a
 * symlink) owned by the user with no group or other write permission, or the bin runs without
 * a cache: someone else's code must never be run as ours. Files are written whole (a temporary name, then a rename), so a
 * concurrent run reads a complete file or none; V8 itself refuses a cache made by another Node
 * version or for other source. NODE_DISABLE_COMPILE_CACHE=1 (Node's switch for its own cache)
 * turns it off. Best effort throughout: any failure means compiling as usual.
 *
 * This file is bundled on its own (scripts/bundle-cli.mjs) and required by the bin before any
 * chunk, so it imports nothing of ours.
 */
import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import Module from "node:module";
import { tmpdir } from "node:os";
import { basename, dirname, join, sep } from "node:path";
import { Script } from "node:vm";

/** The parts of Node's CommonJS loader this replaces for our files (not in @types/node). */
interface LoaderModule {
  exports: unknown;
  require(id: string): unknown;
  _compile(content: string, filename: string): unknown;
}
interface LoaderStatics {
  wrap(script: string): string;
  _resolveFilename(
    request: string,
    parent: LoaderModule,
    isMain: boolean,
    options?: unknown,
  ): string;
  _cache: Record<string, unknown>;
  _extensions: Record<string, unknown>;
}

/**
 * The cache folder for this user, Node and build of `bundleFolder`, created if absent; undefined
 * where none is safe. A build is the folder's path and modification time (a rebuild empties and
 * refills it): `<tmpdir>/lambda-cost-compile-cache-<uid>/<node version>-<arch>/<path hash>-<mtime>`.
 */
export function cacheFolder(
  bundleFolder: string,
  env: NodeJS.ProcessEnv = process.env,
  root: string = tmpdir(),
): string | undefined {
  if (env.NODE_DISABLE_COMPILE_CACHE !== undefined && env.NODE_DISABLE_COMPILE_CACHE !== "")
    return undefined;
  const uid = process.getuid?.();
  if (uid === undefined) return undefined; // ownership cannot be checked (Windows)
  try {
    const user = join(root, `lambda-cost-compile-cache-${uid}`);
    const node = join(user, `${process.version}-${process.arch}`);
    const build = `${fnv1a32(bundleFolder)}-${Math.trunc(statSync(bundleFolder).mtimeMs)}`;
    const folder = join(node, build);
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    for (const path of [user, node, folder]) {
      const stats = lstatSync(path);
      if (!stats.isDirectory() || stats.uid !== uid || (stats.mode & 0o022) !== 0) return undefined;
    }
    return folder;
  } catch {
    return undefined;
  }
}

/** FNV-1a, 32 bits, as 8 hex digits: a short folder name, not a check (V8 checks the source). */
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
function removeEarlierBuilds(folder: string): void {
  const current = basename(folder);
  const pathHash = current.slice(0, current.indexOf("-") + 1);
  for (const name of readdirSync(dirname(folder))) {
    if (name.startsWith(pathHash) && name !== current)
      rmSync(join(dirname(folder), name), { recursive: true, force: true });
  }
}

/**
 * Loads every CommonJS file under `bundleFolder` through a vm.Script with the cached code, and
 * writes the caches that were missing or refused when the process exits.
 */
export function useCompileCache(bundleFolder: string, env: NodeJS.ProcessEnv = process.env): void {
  const folder = cacheFolder(bundleFolder, env);
  if (folder === undefined) return;
  const prefix = bundleFolder.endsWith(sep) ? bundleFolder : bundleFolder + sep;
  const loader = Module as unknown as LoaderStatics;
  const proto = Module.prototype as unknown as LoaderModule;
  const compile = proto._compile;
  const toWrite: Array<{ script: Script; cacheFile: string }> = [];

  proto._compile = function compileWithCache(this: LoaderModule, content, filename) {
    if (!filename.startsWith(prefix)) return compile.call(this, content, filename);
    const stats = statSync(filename);
    const cacheFile = join(folder, cacheFileName(filename, stats.size, stats.mtimeMs));
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
    const script = new Script(loader.wrap(content), { filename, cachedData });
    if (cachedData === undefined || script.cachedDataRejected === true)
      toWrite.push({ script, cacheFile });
    const wrapper = script.runInThisContext({ displayErrors: true }) as (
      ...args: unknown[]
    ) => unknown;
    return wrapper.call(
      this.exports,
      this.exports,
      requireFor(this, loader),
      this,
      filename,
      dirname(filename),
    );
  };

  process.once("exit", () => {
    if (toWrite.length === 0) return;
    try {
      removeEarlierBuilds(folder);
    } catch {
      // best effort, as below
    }
    for (const { script, cacheFile } of toWrite) {
      const temporary = `${cacheFile}.${process.pid}.tmp`;
      try {
        writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
        renameSync(temporary, cacheFile);
      } catch {
        rmSync(temporary, { force: true }); // best effort: the next run compiles and tries again
      }
    }
  });
}

/** The `require` a CommonJS file gets, as Node's loader makes it. */
function requireFor(module: LoaderModule, loader: LoaderStatics) {
  const require = (id: string) => module.require(id);
  require.resolve = (request: string, options?: unknown) =>
    loader._resolveFilename(request, module, false, options);
  require.main = process.mainModule;
  require.cache = loader._cache;
  require.extensions = loader._extensions;
  return require;
}
