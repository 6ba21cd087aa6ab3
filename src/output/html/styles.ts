/**
 * The one stylesheet of every HTML page: readable from 360 px (a phone) to 1440 px and beyond,
 * tables that scroll sideways instead of the page, and a print stylesheet (no buttons, charts
 * and tables kept whole on a page, black text).
 */
export const PAGE_STYLES = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #555; --rule: #d0d0d0; --accent: #0072B2; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1200px; padding: 16px; color: var(--ink); background: #fff;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main, header, footer { overflow-wrap: break-word; }
header { border-bottom: 2px solid var(--accent); margin-bottom: 16px; }
h1 { font-size: 1.5rem; margin: 0 0 4px; overflow-wrap: anywhere; }
h2 { font-size: 1.2rem; margin: 28px 0 8px; }
h3 { font-size: 1rem; margin: 0 0 4px; }
p { margin: 4px 0 8px; }
.subtitle, .note { color: var(--muted); }
.summary { font-size: 1rem; }
ul.notes { padding-left: 20px; color: var(--muted); }
figure.chart { margin: 0 0 24px; display: grid; grid-template-columns: 1fr; gap: 12px; }
figure.chart figcaption { grid-column: 1 / -1; }
.chart-box { position: relative; width: 100%; min-width: 0; }
.chart-box canvas { display: block; }
.table-wrap { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { padding: 4px 8px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid var(--ink); white-space: nowrap; }
tfoot td, tfoot th { border-top: 2px solid var(--ink); font-weight: 600; }
.num { text-align: right; white-space: nowrap; }
tr.highlight td, tr.highlight th { background: #e8f1f8; font-weight: 600; }
tr.infeasible td, tr.infeasible th { color: #8a3300; }
th button { font: inherit; font-weight: 600; border: 0; background: none; padding: 0; cursor: pointer; color: inherit; }
th[aria-sort="ascending"] button::after { content: " \\25B2"; }
th[aria-sort="descending"] button::after { content: " \\25BC"; }
th button:focus-visible, .table-wrap:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.legend-swatch { display: inline-block; width: 0.9em; height: 0.9em; vertical-align: -0.1em; margin-right: 4px; border-radius: 2px; }
footer { margin-top: 32px; color: var(--muted); font-size: 0.85rem; }
@media (min-width: 960px) {
  figure.chart { grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); align-items: start; }
  figure.chart.table-below { grid-template-columns: 1fr; }
}
@media (max-width: 480px) {
  body { padding: 10px; font-size: 14px; }
  th, td { padding: 3px 5px; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  main, header, footer { overflow-wrap: break-word; }
header { border-bottom-color: #000; }
  figure.chart, table, .table-wrap { break-inside: avoid; }
  .table-wrap { overflow: visible; }
  th button { cursor: auto; }
  th[aria-sort] button::after { content: ""; }
  a { color: inherit; text-decoration: none; }
}
`;
