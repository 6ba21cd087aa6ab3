// Bundles the CLI into dist/bin so start-up reads a few files instead of hundreds: `estimate`
// must start close to bare `node` (npm run bench:startup). Lazily imported commands become
// their own chunks; the AWS SDK stays external and is loaded only by commands that call AWS.
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { build } from "esbuild";
import { jsonAsParse } from "./esbuild-json-as-parse.mjs";

// The CLI does not validate the shipped price tables at run time (start-up): they are checked
// here, once, with the same checks a user's file gets (bundled from src/ into memory: dist/
// holds no per-module JavaScript, see scripts/bundle-library.mjs).
const checker = await build({
  stdin: {
    contents: [
      'export { checkLambdaPriceTable } from "./src/core/pricing/price-table-schema.ts";',
      'export { checkEc2PriceTable, checkFargatePriceTable } from "./src/core/crossover/price-tables.ts";',
      'export { parseShippedTable } from "./src/prices/price-files.ts";',
    ].join("\n"),
    resolveDir: process.cwd(),
    loader: "ts",
  },
  bundle: true,
  format: "esm",
  platform: "node",
  write: false,
  logLevel: "warning",
});
const { checkLambdaPriceTable, checkEc2PriceTable, checkFargatePriceTable, parseShippedTable } =
  await import(
    `data:text/javascript;base64,${Buffer.from(checker.outputFiles[0].contents).toString("base64")}`
  );
for (const [file, check] of [
  ["lambda.json", checkLambdaPriceTable],
  ["fargate.json", checkFargatePriceTable],
  ["ec2.json", checkEc2PriceTable],
]) {
  parseShippedTable(file, JSON.parse(await readFile(`pricing/${file}`, "utf8")), check);
}

// Old chunks would pile up (their names carry a content hash); start from an empty folder.
await rm("dist/bin", { recursive: true, force: true });

/**
 * The bin is CommonJS, made in two passes. esbuild splits code into shared chunks only in ESM
 * output, so the first pass bundles and splits as ESM (into ESM_DIR), and the second turns each
 * of those files into a CommonJS file of the same name in dist/bin (dist/bin/package.json says
 * "commonjs"; the library bundles stay ESM). Node loads CommonJS with less work: an ESM entry
 * starts the ESM loader (callgrind: ~18M instructions for an empty file) and reads, links and
 * evaluates each file through it; `estimate` went from ~205M to ~188M instructions (bare node
 * ~86M, without NODE_EXTRA_CA_CERTS). A lazily loaded command is `require()`d when it runs.
 */
const ESM_DIR = ".tmp/bin-esm";
await rm(ESM_DIR, { recursive: true, force: true });

const OPTIONS = {
  entryPoints: { "lambda-cost": "src/cli/main.ts" },
  outdir: ESM_DIR,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "bundle",
  external: ["@aws-sdk/*", "@smithy/*"],
  chunkNames: "chunks/[name]-[hash]",
  sourcemap: "linked",
  // Without comments and indentation `estimate` reads, decodes and scans ~25% fewer bytes
  // (callgrind: ~17M fewer instructions a run); names stay, and the source maps map it back.
  minifyWhitespace: true,
  logLevel: "warning",
  write: false,
};

/**
 * commander requires node:child_process when it loads, for executable subcommands (separate
 * `lambda-cost-<name>` programs), which lambda-cost has none of; child_process brings net,
 * dgram and the stream modules (callgrind: ~7M instructions of every start-up). commander gets
 * a `spawn` that loads child_process if it is ever called.
 */
const lazyChildProcess = {
  name: "lazy-child-process",
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, ({ path, importer }) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(importer)
        ? { path, namespace: "lc-lazy-child-process" }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "lc-lazy-child-process" }, () => ({
      contents:
        'module.exports = { spawn: (...args) => require("node:child_process").spawn(...args) };',
      loader: "js",
    }));
  },
};

/**
 * esbuild treats every `import()` target as an entry of its own and cuts the code into one chunk
 * per set of entries that reach it, not knowing that the bin's own modules are always loaded
 * before any lazy one: `estimate` read 19 files. So the bin entry and every lazily imported file
 * of ours also import the program (commander and every command's flags): all of it is then
 * reached by every entry and lands in one chunk. Every lazily imported file also imports the
 * estimate action, whose code then lands in a second chunk (not loaded by `--version` or
 * `--help`). `estimate` reads the bin, those two chunks and its action's two-line entry file:
 * 4 files, not 19. The lazily imported files are found by a first build (its metafile).
 */
const PROGRAM_CORE = ["src/cli/program.ts", "src/cli/io.ts"];
const ESTIMATE_CORE = ["src/cli/commands/estimate-action.ts"];

async function lazyImportedSources() {
  const { metafile } = await build({ ...OPTIONS, plugins: [jsonAsParse], metafile: true });
  const lazy = new Set();
  for (const input of Object.values(metafile.inputs)) {
    for (const { path, kind } of input.imports) {
      if (kind === "dynamic-import" && path.startsWith("src/")) lazy.add(resolve(path));
    }
  }
  return lazy;
}

function sharedCores(lazy) {
  const main = resolve("src/cli/main.ts");
  const cores = { "lc-program-core": PROGRAM_CORE, "lc-estimate-core": ESTIMATE_CORE };
  return {
    name: "shared-cores",
    setup(build) {
      build.onResolve({ filter: /^lc-(program|estimate)-core$/ }, ({ path }) => ({
        path,
        namespace: "lc-core",
      }));
      build.onLoad({ filter: /.*/, namespace: "lc-core" }, ({ path }) => ({
        contents: cores[path].map((file) => `import ${JSON.stringify(resolve(file))};`).join("\n"),
        resolveDir: process.cwd(),
        loader: "js",
      }));
      build.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
        if (path !== main && !lazy.has(path)) return undefined;
        const imports =
          path === main
            ? 'import "lc-program-core";'
            : 'import "lc-program-core";import "lc-estimate-core";';
        // Appended on the last line, so the source map's lines stay the file's own.
        return { contents: `${await readFile(path, "utf8")}\n${imports}\n`, loader: "ts" };
      });
    },
  };
}

const esm = await build({
  ...OPTIONS,
  plugins: [jsonAsParse, lazyChildProcess, sharedCores(await lazyImportedSources())],
});
for (const file of esm.outputFiles) {
  await mkdir(dirname(file.path), { recursive: true });
  await writeFile(file.path, file.contents);
}
// Without a "type" here the first pass's files are not Node ESM (the repository's package.json
// says "module"), so the second pass's `import()` of a sibling reads the `__esModule` mark the
// sibling's CommonJS exports carry: `(await import("yaml")).default` is yaml's default export
// again, not the sibling's whole exports object (Node's rule for importing CommonJS).
await writeFile(join(ESM_DIR, "package.json"), "{}\n");

/**
 * Second pass: each ESM file becomes a CommonJS file, its imports of the other files kept as
 * `require("./…")` of the same names. esbuild reads the first pass's source maps, so dist/bin's
 * maps still lead to src/. CommonJS has no import.meta: `import.meta.url` (two lazily loaded
 * files) becomes the file's URL from __filename, on a first line of its own.
 */
const IMPORT_META_URL = "__lcImportMetaUrl";
const keepSiblingsExternal = {
  name: "keep-siblings-external",
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, ({ path, kind }) =>
      kind === "entry-point" ? undefined : { path, external: true },
    );
  },
};
const cjs = await build({
  entryPoints: (await readdir(ESM_DIR, { recursive: true }))
    .filter((file) => file.endsWith(".js"))
    .map((file) => join(ESM_DIR, file)),
  outbase: ESM_DIR,
  outdir: "dist/bin",
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  packages: "external",
  plugins: [keepSiblingsExternal],
  // A lazily loaded command stays lazy: a `require()` when its action runs, not at start-up.
  supported: { "dynamic-import": false },
  define: { "import.meta.url": IMPORT_META_URL },
  sourcemap: "linked",
  minifyWhitespace: true,
  logLevel: "warning",
  write: false,
});
const maps = new Map(cjs.outputFiles.map((file) => [file.path, file.text]));
for (const file of cjs.outputFiles) {
  if (file.path.endsWith(".map")) continue;
  let text = file.text;
  let map = maps.get(`${file.path}.map`);
  // A file of imports and exports only (an action's entry) maps to the first pass's file alone.
  if (map !== undefined && JSON.parse(map).sources.every((source) => source.includes(ESM_DIR))) {
    map = JSON.stringify({ version: 3, sources: [], names: [], mappings: "" });
  }
  if (text.includes(IMPORT_META_URL)) {
    const hashbang = text.startsWith("#!") ? text.slice(0, text.indexOf("\n") + 1) : "";
    const url = `"use strict";var ${IMPORT_META_URL}=require("node:url").pathToFileURL(__filename).href;`;
    text = `${hashbang}${url}\n${text.slice(hashbang.length)}`;
    // One more generated line before the code: one more ";" where it was inserted.
    const json = JSON.parse(map);
    json.mappings = hashbang ? json.mappings.replace(/^[^;]*/, "$&;") : `;${json.mappings}`;
    map = JSON.stringify(json);
  }
  await mkdir(dirname(file.path), { recursive: true });
  await writeFile(file.path, text, file.path.endsWith("lambda-cost.js") ? { mode: 0o755 } : {});
  if (map !== undefined) await writeFile(`${file.path}.map`, map);
}
/**
 * The code cache (src/cli/compile-cache.ts) is a file of its own, required by the bin before
 * any chunk: bundled into a chunk, it would be loaded after the chunks it is meant to load.
 */
await build({
  entryPoints: ["src/cli/compile-cache.ts"],
  outfile: "dist/bin/compile-cache.js",
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  sourcemap: "linked",
  minifyWhitespace: true,
  logLevel: "warning",
});
const BIN = "dist/bin/lambda-cost.js";
const bin = await readFile(BIN, "utf8");
const hashbang = bin.slice(0, bin.indexOf("\n") + 1);
const useCache =
  '"use strict";require("./compile-cache.js").useCompileCache(require("node:path").join(__dirname,"chunks"));\n';
await writeFile(BIN, hashbang + useCache + bin.slice(hashbang.length), { mode: 0o755 });
const binMap = JSON.parse(await readFile(`${BIN}.map`, "utf8"));
binMap.mappings = binMap.mappings.replace(/^[^;]*/, "$&;"); // one more generated line
await writeFile(`${BIN}.map`, JSON.stringify(binMap));
await writeFile("dist/bin/package.json", '{ "type": "commonjs" }\n');
await rm(ESM_DIR, { recursive: true, force: true });
