// Bundles the library's public entries (src/index.ts → dist/index.js, src/api/<name>.ts →
// dist/api/<name>.js) so `import … from "lambda-cost"` reads two files of ours instead of ~40:
// each ESM module costs node a resolve, a read, a parse and a link, and the root entry's budget
// is 1.3× bare node (npm run bench:import). tsc (run before this) still writes the .d.ts files
// the "types" conditions point at; its per-module .js output is removed here, so the package
// ships one copy of the code.
//
// The entries share one module graph (code splitting): an error class, a cached price table,
// the Decimal constructor exist once however many sub-paths a program imports, so
// `error instanceof UsageError` holds for an error thrown by lambda-cost/tune. esbuild puts
// code reached by the same set of entries in one chunk; each sub-path entry also imports the
// root entry (below), so everything the root needs is reached by all five and lands in one
// chunk, instead of being cut into one chunk per combination of sub-paths that use it.
//
// Dependencies stay external (npm installs and dedupes them), except decimal.js: the money
// layer uses its own clone of the constructor (src/core/money/money.ts) anyway, and bundled
// it is one file fewer and ~40% fewer bytes (no comments) on the root's start-up path.
// The AWS SDK is never bundled here.
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { build } from "esbuild";
import { jsonAsParse } from "./esbuild-json-as-parse.mjs";

const SUB_PATHS = ["crossover", "emulator", "report", "tune"];

/** `export * from "src/api/<name>.ts"` plus a bare import of the root entry (see above). */
const subPathEntries = {
  name: "sub-path-entries",
  setup(build) {
    build.onResolve({ filter: /^lc-sub-path:/ }, ({ path }) => ({
      path: path.slice("lc-sub-path:".length),
      namespace: "lc-sub-path",
    }));
    build.onLoad({ filter: /.*/, namespace: "lc-sub-path" }, ({ path }) => ({
      contents: `import "../index.ts";\nexport * from "./${path}.ts";\n`,
      resolveDir: join(process.cwd(), "src/api"),
      loader: "ts",
    }));
  },
};

const { dependencies } = JSON.parse(await readFile("package.json", "utf8"));
const external = Object.keys(dependencies).filter((name) => name !== "decimal.js");

const result = await build({
  entryPoints: {
    index: "src/index.ts",
    ...Object.fromEntries(SUB_PATHS.map((name) => [`api/${name}`, `lc-sub-path:${name}`])),
  },
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external,
  chunkNames: "chunks/[name]-[hash]",
  sourcemap: "linked",
  // Names stay (stack traces read like the source); the source maps map the rest back.
  minifyWhitespace: true,
  logLevel: "warning",
  plugins: [jsonAsParse, subPathEntries],
  write: false,
});

/** Every .js and .js.map tsc wrote under dist/ (not dist/bin: the CLI's own bundle). */
async function tscOutput(dir) {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (path !== join("dist", "bin")) found.push(...(await tscOutput(path)));
    } else if (/\.js(\.map)?$/.test(entry.name)) {
      found.push(path);
    }
  }
  return found;
}

await Promise.all((await tscOutput("dist")).map((path) => rm(path)));
await rm("dist/chunks", { recursive: true, force: true });
for (const file of result.outputFiles) {
  await mkdir(dirname(file.path), { recursive: true });
  await writeFile(file.path, file.text);
}
