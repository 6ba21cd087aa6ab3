/**
 * The renderers of `crossover`, one per output format, each loaded only when asked for. JSON
 * (crossover-json.ts) is the stable contract; the table, CSV and HTML render the same result.
 */
import type { CrossoverReport } from "./crossover-report.js";
import type { OutputFormat, Renderer, RenderOptions } from "./format.js";

type LazyRenderer = () => Promise<Renderer<CrossoverReport>>;

export const crossoverRenderers = {
  table: async () => (await import("./crossover-table.js")).renderCrossoverTable,
  json: async () => (await import("./crossover-json.js")).renderCrossoverJson,
  csv: async () => (await import("./crossover-csv.js")).renderCrossoverCsv,
  html: async () => {
    const [{ renderCrossoverHtml }, { loadChartLibrary }] = await Promise.all([
      import("./crossover-html.js"),
      import("./html/chart-library.js"),
    ]);
    const chartLibrary = await loadChartLibrary();
    return (report) => renderCrossoverHtml(report.result, { chartLibrary });
  },
} satisfies Record<OutputFormat, LazyRenderer>;

export async function renderCrossover(
  format: OutputFormat,
  report: CrossoverReport,
  options: RenderOptions = {},
): Promise<string> {
  const render = await crossoverRenderers[format]();
  return render(report, options);
}
