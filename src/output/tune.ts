/**
 * The renderers of `tune`, one per output format, each loaded only when asked for. JSON
 * (tune-json.ts) is the stable contract; the table (with its charts), CSV and HTML render the same
 * TuneResult (src/core/tuning/types.ts), which the runner composes.
 */
import type { TuneResult } from "../core/tuning/types.js";
import type { OutputFormat, Renderer, RenderOptions } from "./format.js";

type LazyRenderer = () => Promise<Renderer<TuneResult>>;

export const tuneRenderers = {
  table: async () => (await import("./tune-table.js")).renderTuneTable,
  json: async () => (await import("./tune-json.js")).renderTuneJson,
  csv: async () => (await import("./tune-csv.js")).renderTuneCsv,
  html: async () => {
    const [{ renderTuneHtml }, { loadChartLibrary }] = await Promise.all([
      import("./tune-html.js"),
      import("./html/chart-library.js"),
    ]);
    const chartLibrary = await loadChartLibrary();
    return (result) => renderTuneHtml(result, { chartLibrary });
  },
} satisfies Record<OutputFormat, LazyRenderer>;

/** Renders a tune result in one format. `await renderTune("json", result)`. */
export async function renderTune(
  format: OutputFormat,
  result: TuneResult,
  options: RenderOptions = {},
): Promise<string> {
  const render = await tuneRenderers[format]();
  return render(result, options);
}
