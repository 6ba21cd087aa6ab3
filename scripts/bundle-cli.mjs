// Bundles the CLI into dist/bin so start-up reads a few files instead of hundreds: `estimate`
// must start close to bare `node` (npm run bench:startup). Lazily imported commands become
// their own chunks; the AWS SDK stays external and is loaded only by commands that call AWS.
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
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

// CommonJS dependencies (commander, csv-stringify, asciichart, …) may call require(); esbuild's
// ESM output routes those calls through one runtime chunk, which needs a `require`. The banner
// gives every file one; it is blanked below in files that never use it, because each
// createRequire costs start-up and `estimate` loads about 20 files.
const REQUIRE_BANNER =
  'import { createRequire as __lcCreateRequire } from "node:module"; const require = __lcCreateRequire(import.meta.url);';

const OPTIONS = {
  entryPoints: { "lambda-cost": "src/cli/main.ts" },
  outdir: "dist/bin",
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
  banner: { js: REQUIRE_BANNER },
  write: false,
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

const result = await build({
  ...OPTIONS,
  plugins: [jsonAsParse, sharedCores(await lazyImportedSources())],
});

for (const file of result.outputFiles) {
  let text = file.text;
  // Blanked, not removed, so the source maps' line numbers stay right.
  if (file.path.endsWith(".js") && !/\brequire\b/.test(text.replace(REQUIRE_BANNER, ""))) {
    text = text.replace(REQUIRE_BANNER, "");
  }
  await mkdir(dirname(file.path), { recursive: true });
  await writeFile(file.path, text, file.path.endsWith("lambda-cost.js") ? { mode: 0o755 } : {});
}
