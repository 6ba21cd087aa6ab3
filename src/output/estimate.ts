/**
 * The renderers of `estimate`, one per output format; JSON is the stable contract. Each is
 * loaded only when asked for, so `--format table` never reads csv-stringify and `--format
 * csv` never reads cli-table3 (estimate's start-up budget: npm run bench:startup).
 */
import type { EstimateReport } from "./estimate-model.js";
import type { OutputFormat, Renderer } from "./format.js";

type LazyRenderer = () => Promise<Renderer<EstimateReport>>;

export const estimateRenderers = {
  table: async () => (await import("./estimate-table.js")).renderEstimateTable,
  json: async () => (await import("./estimate-json.js")).renderEstimateJson,
  csv: async () => (await import("./estimate-csv.js")).renderEstimateCsv,
} satisfies Record<OutputFormat, LazyRenderer>;

export async function renderEstimate(
  format: OutputFormat,
  report: EstimateReport,
): Promise<string> {
  const render = await estimateRenderers[format]();
  return render(report);
}
