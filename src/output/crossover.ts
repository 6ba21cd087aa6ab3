/**
 * The renderers of `crossover`, one per output format, each loaded only when asked for. JSON
 * (crossover-json.ts) is the stable contract; the table and CSV render the same result.
 */
import type { CrossoverReport } from "./crossover-report.js";
import type { OutputFormat, Renderer, RenderOptions } from "./format.js";

type LazyRenderer = () => Promise<Renderer<CrossoverReport>>;

export const crossoverRenderers = {
  table: async () => (await import("./crossover-table.js")).renderCrossoverTable,
  json: async () => (await import("./crossover-json.js")).renderCrossoverJson,
  csv: async () => (await import("./crossover-csv.js")).renderCrossoverCsv,
} satisfies Record<OutputFormat, LazyRenderer>;

export async function renderCrossover(
  format: OutputFormat,
  report: CrossoverReport,
  options: RenderOptions = {},
): Promise<string> {
  const render = await crossoverRenderers[format]();
  return render(report, options);
}
