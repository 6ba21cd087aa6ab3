// Bundles the CLI into dist/bin so start-up reads a few files instead of hundreds: `estimate`
// must start close to bare `node` (npm run bench:startup). Lazily imported commands become
// their own chunks; the AWS SDK stays external and is loaded only by commands that call AWS.
import { readFile, rm } from "node:fs/promises";
import { build } from "esbuild";

// Old chunks would pile up (their names carry a content hash); start from an empty folder.
await rm("dist/bin", { recursive: true, force: true });

/**
 * The price tables are JSON modules (src/prices imports them). esbuild would turn each into a JS
 * object literal; a string handed to JSON.parse starts faster (V8 parses JSON in one cheap pass),
 * and `estimate` start-up is the budget this bundle exists for.
 */
const jsonAsParse = {
  name: "json-as-parse",
  setup(build) {
    build.onLoad({ filter: /[\\/]pricing[\\/][^\\/]+\.json$/ }, async ({ path }) => {
      const text = JSON.stringify(JSON.parse(await readFile(path, "utf8")));
      return { contents: `export default JSON.parse(${JSON.stringify(text)});`, loader: "js" };
    });
  },
};

await build({
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
  logLevel: "warning",
  plugins: [jsonAsParse],
  // CommonJS dependencies (csv-stringify, asciichart, …) may call require(); give the ESM bundle one.
  banner: {
    js: 'import { createRequire as __lcCreateRequire } from "node:module"; const require = __lcCreateRequire(import.meta.url);',
  },
});
