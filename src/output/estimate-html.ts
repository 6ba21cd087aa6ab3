/**
 * `estimate --format html`: the bill's lines as a table beside a stacked bar of what each line
 * costs (one bar per function for a scenario), from the same EstimateReport as the JSON output,
 * which the page also embeds.
 */
import { type Decimal, formatCount, formatUsd, sum, ZERO } from "../core/money/index.js";
import { renderEstimateJson } from "./estimate-json.js";
import {
  type EstimateReport,
  type EstimateReportLine,
  lineOwner,
  reportArchitecture,
} from "./estimate-model.js";
import {
  type ChartFigure,
  figureHtml,
  type HtmlAssets,
  notesList,
  renderPage,
  sectionHtml,
} from "./html/page.js";
import { seriesColour } from "./html/palette.js";
import { type Cell, moneyCell, numberCell, tableHtml, textCell } from "./html/table.js";

const functionKey = (line: EstimateReportLine) => lineOwner(line);

function linesTable(report: EstimateReport, multi: boolean) {
  const rows: Cell[][] = report.lines.map((line, i) => [
    ...(multi ? [textCell(functionKey(line), true)] : []),
    textCell(line.name, !multi),
    numberCell(formatCount(line.quantity), line.quantity.toFixed(), `lines.${i}.quantity`),
    numberCell(
      line.freeTierQuantity ? formatCount(line.freeTierQuantity) : "",
      line.freeTierQuantity?.toFixed() ?? "0",
      line.freeTierQuantity ? `lines.${i}.freeTierQuantity` : undefined,
    ),
    textCell(line.unit),
    numberCell(`$${line.unitPrice.toFixed()}`, line.unitPrice.toFixed(), `lines.${i}.unitPrice`),
    moneyCell(line.cost, `lines.${i}.cost`),
  ]);
  const blanks = multi ? 5 : 4;
  return {
    id: "estimate-lines",
    caption: "Bill lines (per month)",
    columns: [
      ...(multi ? [{ text: "Function (region, arch)" }] : []),
      { text: "Line" },
      { text: "Quantity", numeric: true },
      { text: "Free tier", numeric: true },
      { text: "Unit" },
      { text: "Unit price", numeric: true },
      { text: "Cost", numeric: true },
    ],
    rows,
    foot: [
      [
        textCell("Total (per month)", true),
        ...Array.from({ length: blanks }, () => textCell("")),
        moneyCell(report.total, "total"),
      ],
    ],
    sortable: multi,
  };
}

/** What each line name costs per bar (a bar per function, or one bar for one function). */
function stackedBar(report: EstimateReport, multi: boolean): ChartFigure {
  const bars = multi ? [...new Set(report.lines.map(functionKey))] : ["Total"];
  const names = [...new Set(report.lines.map((l) => l.name))];
  const costOf = (bar: string, name: string): Decimal =>
    sum(
      report.lines
        .filter((l) => l.name === name && (!multi || functionKey(l) === bar))
        .map((l) => l.cost),
    );
  const datasets = names.map((name, i) => {
    const costs = bars.map((bar) => costOf(bar, name));
    return {
      label: name,
      data: costs.map((c) => c.toNumber()),
      lcExact: costs.map((c) => c.toFixed()),
      lcFormat: "usd",
      backgroundColor: seriesColour(i),
      borderColor: "#ffffff",
      borderWidth: 1,
    };
  });
  const barTotals = bars.map((bar) => sum(names.map((name) => costOf(bar, name))));
  const largest = [...names]
    .map((name) => ({ name, cost: sum(bars.map((bar) => costOf(bar, name))) }))
    .sort((a, b) => b.cost.comparedTo(a.cost));
  const share = (part: Decimal) =>
    report.total.isZero() ? "0" : part.div(report.total).times(100).toDecimalPlaces(0).toFixed();
  const summary = `Total ${formatUsd(report.total)} per month. ${largest
    .slice(0, 3)
    .map((l) => `${l.name} ${formatUsd(l.cost)} (${share(l.cost)}%)`)
    .join(", ")}${largest.length > 3 ? `, and ${largest.length - 3} more lines` : ""}.`;
  const table = multi
    ? {
        id: "estimate-by-function",
        caption: "Cost by function (per month)",
        columns: [
          { text: "Function (region, arch)" },
          ...names.map((text) => ({ text, numeric: true })),
          { text: "Total", numeric: true },
        ],
        rows: bars.map((bar, b) => [
          textCell(bar, true),
          ...names.map((name) => moneyCell(costOf(bar, name))),
          moneyCell(barTotals[b] ?? ZERO),
        ]),
      }
    : linesTable(report, false);
  return {
    id: "estimate-chart",
    title: multi ? "Monthly cost by function and line" : "Monthly cost by line",
    summary,
    heightPx: Math.max(160, 70 + 44 * bars.length),
    tableBelow: multi && names.length > 2,
    table,
    config: {
      type: "bar",
      data: { labels: bars, datasets },
      options: {
        indexAxis: "y",
        scales: {
          x: {
            stacked: true,
            beginAtZero: true,
            lcFormat: "usd",
            title: { display: true, text: "USD per month" },
          },
          y: { stacked: true },
        },
        plugins: { legend: { position: "bottom" } },
      },
    },
  };
}

export function renderEstimateHtml(report: EstimateReport, assets: HtmlAssets): string {
  const multi = report.lines.some((l) => l.function !== undefined);
  const a = report.assumptions;
  const where = multi
    ? report.regions.join(", ")
    : `${report.region}, ${reportArchitecture(report)}`;
  const freeTier = a.freeTier
    ? `Free tier applied once for the account: ${formatCount(a.freeTierUsed.requests)} requests and ${formatCount(a.freeTierUsed.gbSeconds)} GB-s taken off (--no-free-tier if your account already uses it).`
    : "Free tier not applied (--no-free-tier).";
  const body = [
    figureHtml(stackedBar(report, multi)),
    multi ? sectionHtml("Bill lines", tableHtml(linesTable(report, true))) : "",
    sectionHtml("Assumptions", notesList([freeTier, ...a.caveats.map((c) => `Caveat: ${c}`)])),
  ];
  return renderPage(
    {
      title: "Lambda estimate",
      subtitle: `${where}; prices as of ${report.priceTableAsOf} (USD)`,
      body,
      json: renderEstimateJson(report),
    },
    assets,
  );
}
