/**
 * The charting library every HTML page carries inline: Chart.js's own minified UMD build
 * (node_modules/chart.js/dist/chart.umd.min.js, MIT, its licence banner kept), read from disk
 * only when `--format html` is asked for, so no other format pays for it (estimate's start-up
 * budget, npm run bench:startup). Why Chart.js: docs/html.md.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

let cached: Promise<string> | undefined;

/** The library's source text, safe to place inside a `<script>` element. */
export function loadChartLibrary(): Promise<string> {
  cached ??= readLibrary();
  return cached;
}

async function readLibrary(): Promise<string> {
  // "chart.js" resolves to dist/chart.cjs; the UMD build sits beside it (the package's exports
  // map does not list it, so it is found through the entry it does list).
  const entry = createRequire(import.meta.url).resolve("chart.js");
  const text = await readFile(join(dirname(entry), "chart.umd.min.js"), "utf8");
  return (
    text
      // A page opened from file:// must not even try to fetch a source map.
      .replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, "\n")
      .replace(/<\/script/gi, "<\\/script")
  );
}
