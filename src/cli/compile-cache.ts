/**
 * A V8 code cache for the bin's own files (dist/bin/chunks). Compiling them is the largest part
 * of what `estimate` adds to bare node's start-up; V8 can instead read back the code an earlier
 * run compiled, including every function that run compiled lazily (callgrind, Node 20.20:
 * `estimate` ~45M fewer instructions of ~215M). Node ≥ 22.1 has module.enableCompileCache(),
 * but it keeps only what is compiled before a file runs (~25M fewer on Node 22); this cache is
 * made when the process exits, so it holds what the run needed.
 *
 * It lives in a folder per user, Node version and build, one file per bundle file named by its
 * name, size and modification time; a new build's first run removes the caches of the same
 * install's earlier builds. compile-cache-folder.ts makes sure each folder and file is the
 * user's own, or the bin runs without a cache. The cache is skipped when source maps are on
 * (--enable-source-maps maps stack traces through Node's loader, which this bypasses).
 * NODE_DISABLE_COMPILE_CACHE=1 (Node's switch for its own cache) turns it off. Best effort
 * throughout: any failure means compiling as usual.
 *
 * This file is bundled on its own with compile-cache-folder.ts (scripts/bundle-cli.mjs) and
 * required by the bin before any chunk, so it imports nothing else of ours.
 */
import { statSync } from "node:fs";
import Module from "node:module";
import { dirname, join, sep } from "node:path";
import { Script } from "node:vm";
import {
  cacheFileName,
  cacheFolder,
  readCacheFile,
  removeEarlierBuilds,
  writeCacheFile,
} from "./compile-cache-folder.js";

/** The parts of Node's CommonJS loader this replaces for our files (not in @types/node). */
interface LoaderModule {
  exports: unknown;
  require(id: string): unknown;
  _compile(content: string, filename: string): unknown;
}
interface LoaderStatics {
  wrap(script: string): string;
  wrapper: readonly [string, string];
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
 * Loads every CommonJS file under `bundleFolder` through a vm.Script with the cached code, and
 * writes the caches that were missing or refused when the process exits.
 */
export function useCompileCache(bundleFolder: string, env: NodeJS.ProcessEnv = process.env): void {
  if ((process as { sourceMapsEnabled?: boolean }).sourceMapsEnabled === true) return;
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
    const cachedData = readCacheFile(cacheFile);
    // Node's wrapper goes before line 1's code: stack traces give that line's columns as the
    // file has them, as Node's own loader does.
    const script = new Script(loader.wrap(content), {
      filename,
      cachedData,
      columnOffset: -loader.wrapper[0].length,
    });
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
    for (const { script, cacheFile } of toWrite)
      writeCacheFile(cacheFile, script.createCachedData());
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
