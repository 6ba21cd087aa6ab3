/**
 * Data tables for the HTML pages: every chart has one beside it (its figures, for screen readers
 * and for copying), and the full tables are sortable. A money cell shows cents and carries the
 * exact decimal (`data-exact`, and a tooltip); a cell that prints a figure of the JSON output
 * names it (`data-json="lines.0.cost"`), which is how the browser test checks that the page and
 * `--format json` agree.
 */
import { type Decimal, formatUsd } from "../../core/money/index.js";
import { escapeHtml } from "./escape.js";

export interface Cell {
  /** What the cell shows (escaped here). */
  text: string;
  /** A figure: right-aligned, tabular digits. */
  numeric?: boolean | undefined;
  /** The exact value behind the text (every digit of a Decimal). */
  exact?: string | undefined;
  /** Where the same figure sits in the command's JSON output (`sizes.1.costPerMillion`). */
  json?: string | undefined;
  /** What to sort by when not the text (a plain number, as a string). */
  sortKey?: string | undefined;
  /** A header cell of its row (the row's name). */
  rowHeader?: boolean | undefined;
  /** "money": the text is `exact` rounded to cents (the browser test checks it). */
  kind?: "money" | undefined;
}

export interface TableColumn {
  text: string;
  numeric?: boolean | undefined;
}

export interface HtmlTable {
  id: string;
  caption: string;
  columns: TableColumn[];
  rows: Cell[][];
  foot?: Cell[][] | undefined;
  /** Column headers become buttons that sort the rows (the page's script does it). */
  sortable?: boolean | undefined;
}

/** A money cell: cents shown, every digit in `data-exact` and the tooltip. */
export function moneyCell(value: Decimal, json?: string): Cell {
  const exact = value.toFixed();
  return { text: formatUsd(value), numeric: true, exact, json, sortKey: exact, kind: "money" };
}

/** A plain cell. */
export function textCell(text: string, rowHeader = false): Cell {
  return { text, rowHeader };
}

/** A number that is not money (a count, ms, MB), shown as given. */
export function numberCell(text: string, sortKey: string | number, json?: string): Cell {
  return { text, numeric: true, sortKey: String(sortKey), exact: String(sortKey), json };
}

function cellHtml(cell: Cell, tag: "td" | "th"): string {
  const attrs: string[] = [];
  const classes = cell.numeric ? ["num"] : [];
  if (classes.length > 0) attrs.push(`class="${classes.join(" ")}"`);
  if (tag === "th") attrs.push('scope="row"');
  if (cell.exact !== undefined) attrs.push(`data-exact="${escapeHtml(cell.exact)}"`);
  if (cell.exact !== undefined && cell.exact !== cell.text.replace(/[$,]/g, "")) {
    attrs.push(`title="${escapeHtml(cell.exact)}"`);
  }
  if (cell.kind !== undefined) attrs.push(`data-kind="${cell.kind}"`);
  if (cell.json !== undefined) attrs.push(`data-json="${escapeHtml(cell.json)}"`);
  if (cell.sortKey !== undefined) attrs.push(`data-sort="${escapeHtml(cell.sortKey)}"`);
  return `<${tag}${attrs.length > 0 ? ` ${attrs.join(" ")}` : ""}>${escapeHtml(cell.text)}</${tag}>`;
}

function rowHtml(cells: Cell[]): string {
  return `<tr>${cells.map((c) => cellHtml(c, c.rowHeader ? "th" : "td")).join("")}</tr>`;
}

/** The table, in a wrapper that scrolls sideways on a narrow screen instead of the page. */
export function tableHtml(table: HtmlTable): string {
  const head = table.columns
    .map((c) => {
      const cls = c.numeric ? ' class="num"' : "";
      const label = escapeHtml(c.text);
      return table.sortable
        ? `<th scope="col"${cls} aria-sort="none"><button type="button">${label}</button></th>`
        : `<th scope="col"${cls}>${label}</th>`;
    })
    .join("");
  const foot =
    table.foot && table.foot.length > 0
      ? `<tfoot>\n${table.foot.map(rowHtml).join("\n")}\n</tfoot>`
      : "";
  const sortable = table.sortable ? ' class="sortable"' : "";
  return `<div class="table-wrap" role="region" aria-labelledby="${table.id}-caption" tabindex="0"><table id="${table.id}"${sortable}><caption id="${table.id}-caption">${escapeHtml(table.caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${table.rows.map(rowHtml).join("\n")}\n</tbody>${foot}</table></div>`;
}
