/**
 * One self-contained HTML page: styles, Chart.js, the page's script, the charts' data and the
 * command's JSON output all inline; a Content-Security-Policy that allows no network request at
 * all, so the file opens from file:// (or a mail attachment) exactly as it was written.
 */
import { CLIENT_SCRIPT } from "./client-script.js";
import { escapeHtml, escapeScriptJson } from "./escape.js";
import { PAGE_STYLES } from "./styles.js";
import { type HtmlTable, tableHtml } from "./table.js";

/** What an HTML renderer needs besides the model: the charting library's source text. */
export interface HtmlAssets {
  chartLibrary: string;
}

/** One chart: its Chart.js configuration (plain JSON), a text summary and its data table. */
export interface ChartFigure {
  id: string;
  title: string;
  summary: string;
  /** Chart.js configuration; see client-script.ts for the `lc…` keys it may use. */
  config: Record<string, unknown>;
  table: HtmlTable;
  /** CSS height of the plot in px (a bar per category needs room). */
  heightPx?: number | undefined;
  /** The table goes under the chart even on a wide screen (it has many columns). */
  tableBelow?: boolean | undefined;
}

export interface HtmlPage {
  title: string;
  subtitle: string;
  /** The page's body, already HTML (sections built with the helpers below). */
  body: string[];
  /** The command's `--format json` output, embedded as is (exact decimals). */
  json: string;
}

/** A chart with its summary and its data table beside it. */
export function figureHtml(figure: ChartFigure): string {
  const height = figure.heightPx ?? 320;
  return [
    `<figure class="chart${figure.tableBelow ? " table-below" : ""}" id="${figure.id}-figure">`,
    `<figcaption><h3>${escapeHtml(figure.title)}</h3><p class="summary" id="${figure.id}-summary">${escapeHtml(figure.summary)}</p></figcaption>`,
    `<div class="chart-box" style="height:${height}px"><canvas id="${figure.id}" role="img" aria-label="${escapeHtml(figure.title)}" aria-describedby="${figure.id}-summary"></canvas></div>`,
    `<script type="application/json" class="lc-chart" data-canvas="${figure.id}">${escapeScriptJson(JSON.stringify(figure.config))}</script>`,
    tableHtml(figure.table),
    "</figure>",
  ].join("\n");
}

/** A titled section. */
export function sectionHtml(title: string, ...parts: string[]): string {
  return `<section>\n<h2>${escapeHtml(title)}</h2>\n${parts.join("\n")}\n</section>`;
}

/** A paragraph of text. */
export function paragraph(text: string, className?: string): string {
  return `<p${className ? ` class="${className}"` : ""}>${escapeHtml(text)}</p>`;
}

/** A list of notes (assumptions, caveats). */
export function notesList(notes: readonly string[]): string {
  if (notes.length === 0) return "";
  return `<ul class="notes">${notes.map((n) => `<li>${escapeHtml(n)}</li>`).join("")}</ul>`;
}

/** No fetch, no font, no image from anywhere: everything the page needs is inside it. */
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** The whole document. */
export function renderPage(page: HtmlPage, assets: HtmlAssets): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="lambda-cost">
<title>${escapeHtml(page.title)}</title>
<style>${PAGE_STYLES}</style>
</head>
<body>
<header>
<h1>${escapeHtml(page.title)}</h1>
<p class="subtitle">${escapeHtml(page.subtitle)}</p>
</header>
<main>
${page.body.filter((part) => part !== "").join("\n")}
</main>
<footer>
<p>Made by lambda-cost. Tables show cents; hover a figure (or read the data in this file) for its exact value. The command's JSON output is embedded below as <code>lambda-cost-json</code>.</p>
</footer>
<script type="application/json" id="lambda-cost-json">${escapeScriptJson(page.json.trimEnd())}</script>
<script>${assets.chartLibrary}</script>
<script>${CLIENT_SCRIPT}</script>
</body>
</html>
`;
}
