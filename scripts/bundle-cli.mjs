// Bundles the CLI into dist/bin so start-up reads a few files instead of hundreds: `estimate`
// must start close to bare `node` (npm run bench:startup). Lazily imported commands become
// their own chunks; the AWS SDK stays external and is loaded only by commands that call AWS.
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { build } from "esbuild";
import { jsonAsParse } from "./esbuild-json-as-parse.mjs";

// The CLI does not validate the shipped price tables at run time (start-up): they are checked
// here, once, with the same checks a user's file gets (tsc has just built dist/).
const { checkLambdaPriceTable } = await import("../dist/core/pricing/price-table-schema.js");
const { checkEc2PriceTable, checkFargatePriceTable } = await import(
  "../dist/core/crossover/price-tables.js"
);
const { parseShippedTable } = await import("../dist/prices/price-files.js");
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

const result = await build({
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
  plugins: [jsonAsParse],
  banner: { js: REQUIRE_BANNER },
  write: false,
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
