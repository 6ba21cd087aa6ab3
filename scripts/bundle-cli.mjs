// Bundles the CLI into dist/bin so start-up reads a few files instead of hundreds: `estimate`
// must start close to bare `node` (npm run bench:startup). Lazily imported commands become
// their own chunks; the AWS SDK stays external and is loaded only by commands that call AWS.
import { rm } from "node:fs/promises";
import { build } from "esbuild";

// Old chunks would pile up (their names carry a content hash); start from an empty folder.
await rm("dist/bin", { recursive: true, force: true });

await build({
  entryPoints: { "lambda-cost": "src/cli/main.ts" },
  outdir: "dist/bin",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node22",
  packages: "bundle",
  external: ["@aws-sdk/*", "@smithy/*"],
  chunkNames: "chunks/[name]-[hash]",
  sourcemap: "linked",
  logLevel: "warning",
  // CommonJS dependencies (csv-stringify, asciichart, …) may call require(); give the ESM bundle one.
  banner: {
    js: 'import { createRequire as __lcCreateRequire } from "node:module"; const require = __lcCreateRequire(import.meta.url);',
  },
});
