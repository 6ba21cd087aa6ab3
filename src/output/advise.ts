/** One advice result, four renderers: table, JSON (the contract), CSV and an HTML page. */
import type { AdviceResult } from "../core/advice/types.js";
import { renderAdviseCsv } from "./advise-csv.js";
import { renderAdviseJson } from "./advise-json.js";
import { renderAdviseTable } from "./advise-table.js";
import type { OutputFormat, Renderer } from "./format.js";

type LazyRenderer = () => Promise<Renderer<AdviceResult>>;

/** Each format's renderer; the HTML page (and Chart.js) is loaded only when asked for. */
export const adviseRenderers = {
  table: async () => renderAdviseTable,
  json: async () => (result) => renderAdviseJson(result),
  csv: async () => (result) => renderAdviseCsv(result),
  html: async () => {
    const [{ renderAdviseHtml }, { loadChartLibrary }] = await Promise.all([
      import("./advise-html.js"),
      import("./html/chart-library.js"),
    ]);
    const chartLibrary = await loadChartLibrary();
    return (result) => renderAdviseHtml(result, { chartLibrary });
  },
} satisfies Record<OutputFormat, LazyRenderer>;
