/** One advice result, three renderers (the HTML one joins them under --format html). */
import type { AdviceResult } from "../core/advice/types.js";
import { renderAdviseCsv } from "./advise-csv.js";
import { renderAdviseJson } from "./advise-json.js";
import { renderAdviseTable } from "./advise-table.js";
import type { Renderer } from "./format.js";

export const ADVISE_FORMATS = ["table", "json", "csv"] as const;
export type AdviseFormat = (typeof ADVISE_FORMATS)[number];

export const adviseRenderers = {
  table: renderAdviseTable,
  json: (result) => renderAdviseJson(result),
  csv: (result) => renderAdviseCsv(result),
} satisfies Record<AdviseFormat, Renderer<AdviceResult>>;
