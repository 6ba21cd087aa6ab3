/**
 * The bin's V8 code cache (src/cli/compile-cache.ts): the first run writes one cache file per
 * bundle file it loaded, the next run uses them (V8 accepts them, so nothing is rewritten) and
 * prints the same bytes; a damaged cache is compiled past and replaced; a folder someone else
 * could write to, or a symlink, gets no cache; NODE_DISABLE_COMPILE_CACHE turns it off. Each
 * test points the cache at its own TMPDIR.
 */
import { execFileSync, spawnSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import {
  cacheFileName,
  cacheFolder,
  fnv1a32,
  posixTmpdir,
  readCacheFile,
  writeCacheFile,
} from "../../src/cli/compile-cache-folder.js";
import { BIN, runBin } from "./run-cli.js";

const ESTIMATE = ["estimate", "--memory", "1536", "--duration", "120ms", "--requests", "3M"];
const CHUNKS = join(dirname(BIN), "chunks");
const uid = process.getuid?.() ?? 0;

function freshTmp(): string {
  return mkdtempSync(join(tmpdir(), "lc-compile-cache-"));
}

/** Every cache file under `root`, with its modification time and inode. */
function cacheFiles(root: string): Map<string, { mtimeMs: number; ino: number; size: number }> {
  const files = new Map<string, { mtimeMs: number; ino: number; size: number }>();
  if (!existsSync(root)) return files;
  for (const name of readdirSync(root, { recursive: true }) as string[]) {
    const path = join(root, name);
    if (!name.endsWith(".cache")) continue;
    const { mtimeMs, ino, size } = statSync(path);
    files.set(name, { mtimeMs, ino, size });
  }
  return files;
}

describe.skipIf(process.platform === "win32")("the bin's code cache", () => {
  it("is written on the first run, used on the second, and changes nothing the user sees", () => {
    const tmp = freshTmp();
    const plain = runBin(ESTIMATE, { env: { NODE_DISABLE_COMPILE_CACHE: "1", TMPDIR: tmp } });
    expect(plain.code).toBe(0);
    expect(readdirSync(tmp)).toEqual([]); // turned off: not even the folder

    const first = runBin(ESTIMATE, { env: { TMPDIR: tmp } });
    const written = cacheFiles(tmp);
    // estimate loads the program's chunk, the estimate chunk, its action's entry and esbuild's
    // helpers (test/cli/estimate-startup-modules.test.ts); the bin's own entry is not cached.
    expect(written.size).toBe(4);
    for (const [name, { size }] of written) {
      expect(name).toMatch(
        new RegExp(
          `^lambda-cost-compile-cache-${uid}/${process.version}-${process.arch}/[0-9a-f]{8}-\\d+/[\\w-]+-\\d+-\\d+\\.cache$`,
        ),
      );
      expect(size).toBeGreaterThan(1000);
    }
    const second = runBin(ESTIMATE, { env: { TMPDIR: tmp } });
    expect(cacheFiles(tmp)).toEqual(written); // V8 accepted every file: none was rewritten
    for (const run of [first, second]) {
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(plain.stdout);
      expect(run.stderr).toBe(plain.stderr);
    }
  });

  it("compiles past a damaged cache file and replaces it", () => {
    const tmp = freshTmp();
    const expected = runBin(ESTIMATE, { env: { TMPDIR: tmp } });
    const [name] = [...cacheFiles(tmp).keys()].filter((file) => file.includes("/chunk-"));
    writeFileSync(join(tmp, name!), Buffer.alloc(4096, 0x5a));
    const run = runBin(ESTIMATE, { env: { TMPDIR: tmp } });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(expected.stdout);
    const rewritten = cacheFiles(tmp).get(name!);
    expect(rewritten?.size).toBeGreaterThan(1000);
    expect(rewritten?.size).not.toBe(4096);
  });

  it("uses no folder that a symlink leads to, or that others may write to, and makes nothing there", () => {
    const tmp = freshTmp();
    const elsewhere = mkdtempSync(join(tmpdir(), "lc-compile-cache-target-"));
    symlinkSync(elsewhere, join(tmp, `lambda-cost-compile-cache-${uid}`));
    expect(runBin(ESTIMATE, { env: { TMPDIR: tmp } }).code).toBe(0);
    expect(readdirSync(elsewhere)).toEqual([]);

    const open = freshTmp();
    mkdirSync(join(open, `lambda-cost-compile-cache-${uid}`));
    chmodSync(join(open, `lambda-cost-compile-cache-${uid}`), 0o777);
    expect(runBin(ESTIMATE, { env: { TMPDIR: open } }).code).toBe(0);
    expect(readdirSync(join(open, `lambda-cost-compile-cache-${uid}`))).toEqual([]);
  });

  it("runs without a cache when source maps are on (they map traces through Node's loader)", () => {
    const tmp = freshTmp();
    const run = runBin(ESTIMATE, { env: { TMPDIR: tmp, NODE_OPTIONS: "--enable-source-maps" } });
    expect(run.code).toBe(0);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it("gives stack traces the positions Node's own loader gives, cold and warm", () => {
    const tmp = freshTmp();
    const bundle = join(freshTmp(), "chunks");
    mkdirSync(bundle);
    // A minified chunk's code is on line 1, after Node's 62-character wrapper.
    writeFileSync(
      join(bundle, "chunk-T.js"),
      '"use strict";module.exports=()=>new Error("here").stack;\n',
    );
    const script = `require(${JSON.stringify(join(dirname(BIN), "compile-cache.js"))}).useCompileCache(${JSON.stringify(bundle)});
process.stdout.write(require(${JSON.stringify(join(bundle, "chunk-T.js"))})().split("\\n")[1]);`;
    const run = (env: NodeJS.ProcessEnv) =>
      spawnSync(process.execPath, ["-e", script], {
        env: { ...process.env, TMPDIR: tmp, ...env },
        encoding: "utf8",
      });
    const plain = run({ NODE_DISABLE_COMPILE_CACHE: "1" });
    expect(plain.stdout).toBe(`    at module.exports (${join(bundle, "chunk-T.js")}:1:33)`); // 13 + 15 + 4 characters before "new"
    expect(run({}).stdout).toBe(plain.stdout); // cold: compiled, cache written at exit
    expect(cacheFiles(tmp).size).toBe(1);
    expect(run({}).stdout).toBe(plain.stdout); // warm: read from the cache
  });

  it("keeps one build per install: a rebuild's first run removes the earlier build's caches", () => {
    const tmp = freshTmp();
    const install = join(freshTmp(), "bin");
    cpSync(dirname(BIN), install, { recursive: true });
    const copiedBin = join(install, "lambda-cost.js");
    const run = () =>
      spawnSync(process.execPath, [copiedBin, ...ESTIMATE], {
        env: { ...process.env, TMPDIR: tmp },
      });
    expect(run().status).toBe(0);
    const builds = () =>
      readdirSync(
        join(tmp, `lambda-cost-compile-cache-${uid}`, `${process.version}-${process.arch}`),
      );
    const [first] = builds();
    // A rebuild empties and refills dist/bin/chunks, which changes the folder's modification time.
    const later = new Date(statSync(join(install, "chunks")).mtimeMs + 5000);
    utimesSync(join(install, "chunks"), later, later);
    expect(run().status).toBe(0);
    expect(builds()).toHaveLength(1);
    expect(builds()[0]).not.toBe(first);
    expect(builds()[0]!.slice(0, 9)).toBe(first!.slice(0, 9)); // the same install's path hash
  });
});

describe("cache names", () => {
  it("hashes with FNV-1a 32 (published test vectors)", () => {
    // The FNV reference (isthe.com/chongo/tech/comp/fnv): "" → 811c9dc5, "a" → e40c292c,
    // "foobar" → bf9cf968.
    expect(fnv1a32("")).toBe("811c9dc5");
    expect(fnv1a32("a")).toBe("e40c292c");
    expect(fnv1a32("foobar")).toBe("bf9cf968");
  });

  it("name a bundle file's cache by its name, size and whole-millisecond modification time", () => {
    expect(cacheFileName(join(CHUNKS, "chunk-ABC.js"), 161_800, 1_764_600_000_123.75)).toBe(
      "chunk-ABC-161800-1764600000123.cache",
    );
  });

  it("refuses a temporary folder others may write to unless it is sticky, a relative or a missing one", () => {
    const shared = freshTmp();
    chmodSync(shared, 0o777);
    expect(cacheFolder(CHUNKS, {}, shared)).toBeUndefined();
    expect(readdirSync(shared)).toEqual([]);
    chmodSync(shared, 0o1777); // as /tmp: others cannot rename or remove what is ours
    expect(cacheFolder(CHUNKS, {}, shared)).toBeDefined();
    if (uid === 0) {
      // Root owns /tmp; a folder another user owns can have its entries renamed by that user.
      chownSync(shared, 1234, 1234);
      expect(cacheFolder(CHUNKS, {}, shared)).toBeUndefined();
    }
    // A relative TMPDIR names a folder that depends on where the bin was started.
    const safe = freshTmp();
    expect(cacheFolder(CHUNKS, {}, safe)).toBeDefined();
    expect(cacheFolder(CHUNKS, {}, relative(process.cwd(), safe))).toBeUndefined();
  });

  it("checks every folder on the way: none others may write to (unless sticky), symlinks resolved", () => {
    const parent = freshTmp();
    const tmp = join(parent, "tmp");
    mkdirSync(tmp, { mode: 0o700 });
    chmodSync(parent, 0o777); // others could rename tmp away and put theirs in its place
    expect(cacheFolder(CHUNKS, {}, tmp)).toBeUndefined();
    expect(readdirSync(tmp)).toEqual([]);
    chmodSync(parent, 0o700);
    expect(cacheFolder(CHUNKS, {}, tmp)?.startsWith(`${tmp}/`)).toBe(true);

    // Reached through a symlink, the folders are made under the real path, which was checked.
    const link = join(freshTmp(), "tmp-link");
    symlinkSync(tmp, link);
    expect(cacheFolder(CHUNKS, {}, link)?.startsWith(`${realpathSync(tmp)}/`)).toBe(true);
  });

  it("reads only a regular file of the user's own, with one link, that no one else may write", () => {
    const folder = freshTmp();
    const own = join(folder, "own.cache");
    writeFileSync(own, "cached code", { mode: 0o600 });
    expect(readCacheFile(own)?.toString()).toBe("cached code");

    const link = join(folder, "link.cache");
    symlinkSync(own, link);
    expect(readCacheFile(link)).toBeUndefined();
    const writable = join(folder, "writable.cache");
    writeFileSync(writable, "cached code");
    chmodSync(writable, 0o666);
    expect(readCacheFile(writable)).toBeUndefined();
    const hardLinked = join(folder, "hard.cache");
    linkSync(own, hardLinked);
    expect(readCacheFile(hardLinked)).toBeUndefined();
    expect(readCacheFile(join(folder, "absent.cache"))).toBeUndefined();
    const fifo = join(folder, "fifo.cache");
    execFileSync("mkfifo", ["-m", "600", fifo]);
    expect(readCacheFile(fifo)).toBeUndefined(); // and it returns at once: no writer is waited for
  });

  it("writes a new file whole, never through a link planted at its temporary name", () => {
    const folder = freshTmp();
    const victim = join(freshTmp(), "victim");
    writeFileSync(victim, "precious", { mode: 0o600 });
    const target = join(folder, "chunk-A-1-2.cache");
    symlinkSync(victim, `${target}.${process.pid}.tmp`);
    writeCacheFile(target, Buffer.from("code"));
    expect(readFileSync(victim, "utf8")).toBe("precious");
    expect(existsSync(target)).toBe(false);

    const clean = join(folder, "chunk-B-1-2.cache");
    writeCacheFile(clean, Buffer.from("code"));
    expect(readFileSync(clean, "utf8")).toBe("code");
    expect(statSync(clean).mode & 0o777).toBe(0o600);
    expect(readdirSync(folder).filter((name) => name.endsWith(".tmp"))).toHaveLength(1); // the planted link only
  });

  it("finds the temporary folder as os.tmpdir() does on POSIX", () => {
    expect(posixTmpdir({ TMPDIR: "/var/tmp/" })).toBe("/var/tmp");
    expect(posixTmpdir({ TMP: "/scratch", TEMP: "/other" })).toBe("/scratch");
    expect(posixTmpdir({ TEMP: "/other" })).toBe("/other");
    expect(posixTmpdir({ TMPDIR: "" })).toBe("/tmp");
    expect(posixTmpdir({ TMPDIR: "/" })).toBe("/");
    if (process.platform !== "win32") expect(posixTmpdir(process.env)).toBe(tmpdir());
  });

  it("is off with NODE_DISABLE_COMPILE_CACHE, Node's own switch", () => {
    expect(cacheFolder(CHUNKS, { NODE_DISABLE_COMPILE_CACHE: "1" }, freshTmp())).toBeUndefined();
    const root = freshTmp();
    const folder = cacheFolder(CHUNKS, {}, root);
    expect(folder?.startsWith(join(root, `lambda-cost-compile-cache-${uid}`))).toBe(true);
    expect(statSync(folder!).mode & 0o777).toBe(0o700);
  });
});
