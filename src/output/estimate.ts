/**
 * The renderers of `estimate`, one per output format; JSON is the stable contract. The table
 * (the default, with no dependencies) is imported directly; the others are loaded only when
 * asked for, so the default run never reads csv-stringify or Chart.js (estimate's start-up
 * budget: npm run bench:startup).
 */
import type { EstimateReport } from "./estimate-model.js";
import { renderEstimateTable } from "./estimate-table.js";
import type { OutputFormat, Renderer, RenderOptions } from "./format.js";

type LazyRenderer = () => Promise<Renderer<EstimateReport>>;

export const estimateRenderers = {
  table: async () => renderEstimateTable,
  json: async () => (await import("./estimate-json.js")).renderEstimateJson,
  csv: async () => (await import("./estimate-csv.js")).renderEstimateCsv,
  html: async () => {
    const [{ renderEstimateHtml }, { loadChartLibrary }] = await Promise.all([
      import("./estimate-html.js"),
      import("./html/chart-library.js"),
    ]);
    const chartLibrary = await loadChartLibrary();
    return (report) => renderEstimateHtml(report, { chartLibrary });
  },
} satisfies Record<OutputFormat, LazyRenderer>;

export async function renderEstimate(
  format: OutputFormat,
  report: EstimateReport,
  options: RenderOptions = {},
): Promise<string> {
  const render = await estimateRenderers[format]();
  return render(report, options);
}
