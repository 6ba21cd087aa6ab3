/**
 * `advise --format html`: what each recommendation would save a month, as a floating bar from
 * its lower to its upper estimate (the ten largest), and every recommendation in a sortable
 * table with its evidence and next step. Built from the AdviceResult the JSON output is made of,
 * with the JSON's rounding (dollars to 6 places), so each table figure is the JSON's figure.
 */
import type { AdviceResult, Recommendation } from "../core/advice/types.js";
import { type Decimal, formatCount, formatUsd } from "../core/money/index.js";
import { ADVISE_JSON_USD_PLACES, renderAdviseJson } from "./advise-json.js";
import {
  type ChartFigure,
  figureHtml,
  type HtmlAssets,
  notesList,
  paragraph,
  renderPage,
  sectionHtml,
} from "./html/page.js";
import { OKABE_ITO } from "./html/palette.js";
import { moneyCell, tableHtml, textCell } from "./html/table.js";

const TOP_COUNT = 10;
const asJson = (d: Decimal) => d.toDecimalPlaces(ADVISE_JSON_USD_PLACES);
const name = (r: Recommendation) => `${r.kind}: ${r.functionName} (${r.region})`;
const range = (lower: Decimal, upper: Decimal) =>
  lower.eq(upper) ? formatUsd(lower) : `${formatUsd(lower)} to ${formatUsd(upper)}`;

function savingsChart(result: AdviceResult): ChartFigure {
  const shown = result.recommendations.slice(0, TOP_COUNT);
  const total = result.summary.totalMonthlySaving;
  return {
    id: "advise-savings",
    title: `Monthly saving by recommendation (the ${shown.length} largest, lower to upper estimate)`,
    summary:
      shown.length === 0
        ? "No recommendation: nothing found to change."
        : `${result.recommendations.length} recommendation${result.recommendations.length === 1 ? "" : "s"} would save ${range(asJson(total.lower), asJson(total.upper))} a month together. The largest: ${name(shown[0] as Recommendation)}, ${range(asJson((shown[0] as Recommendation).monthlySaving.lower), asJson((shown[0] as Recommendation).monthlySaving.upper))}.`,
    heightPx: 90 + 44 * Math.max(1, shown.length),
    config: {
      type: "bar",
      data: {
        // Two lines per label (kind, then function): long kinds would be cut off on one.
        labels: shown.map((r) => [r.kind, `${r.functionName} (${r.region})`]),
        datasets: [
          {
            label: "Saving at least (lower estimate)",
            data: shown.map((r) => asJson(r.monthlySaving.lower).toNumber()),
            lcExact: shown.map((r) => asJson(r.monthlySaving.lower).toFixed()),
            lcFormat: "usd",
            backgroundColor: OKABE_ITO.bluishGreen,
            grouped: false,
          },
          {
            // A floating bar from the lower to the upper estimate, over the first.
            label: "Up to (upper estimate)",
            data: shown.map((r) => [
              asJson(r.monthlySaving.lower).toNumber(),
              asJson(r.monthlySaving.upper).toNumber(),
            ]),
            lcExact: shown.map((r) => `$${asJson(r.monthlySaving.upper).toFixed()}`),
            lcFormat: "range",
            backgroundColor: "rgba(86, 180, 233, 0.55)",
            borderColor: OKABE_ITO.skyBlue,
            borderWidth: 1,
            grouped: false,
          },
        ],
      },
      options: {
        indexAxis: "y",
        scales: { x: { lcFormat: "usd", title: { display: true, text: "USD a month" } } },
        plugins: { legend: { position: "bottom" } },
      },
    },
    table: {
      id: "advise-savings-table",
      caption: "Monthly saving, lower and upper estimate",
      columns: [
        { text: "Recommendation" },
        { text: "Lower", numeric: true },
        { text: "Upper", numeric: true },
      ],
      rows: shown.map((r, i) => [
        textCell(name(r), true),
        moneyCell(asJson(r.monthlySaving.lower), `recommendations.${i}.monthlySaving.lower`),
        moneyCell(asJson(r.monthlySaving.upper), `recommendations.${i}.monthlySaving.upper`),
      ]),
    },
  };
}

function allRecommendations(result: AdviceResult): string {
  return tableHtml({
    id: "advise-recommendations",
    caption: "Every recommendation (select a column heading to sort)",
    columns: [
      { text: "Kind" },
      { text: "Function" },
      { text: "Region" },
      { text: "Saving, lower", numeric: true },
      { text: "Saving, upper", numeric: true },
      { text: "Evidence" },
      { text: "Next step" },
    ],
    rows: result.recommendations.map((r, i) => [
      textCell(r.kind),
      textCell(r.functionName, true),
      textCell(r.region),
      moneyCell(asJson(r.monthlySaving.lower), `recommendations.${i}.monthlySaving.lower`),
      moneyCell(asJson(r.monthlySaving.upper), `recommendations.${i}.monthlySaving.upper`),
      textCell(r.evidence),
      textCell(r.nextStep),
    ]),
    sortable: true,
  });
}

export function renderAdviseHtml(result: AdviceResult, assets: HtmlAssets): string {
  const s = result.summary;
  const failures = result.failures.map(
    (f) => `FAILED: ${f.region} (${f.what}): ${f.message}; the advice covers the rest.`,
  );
  const body = [
    paragraph(
      `${formatCount(s.functionsScanned)} functions scanned in ${result.regions.join(", ")} over ${result.window.days} days (${result.window.start.toISOString().slice(0, 10)} to ${result.window.end.toISOString().slice(0, 10)}); ${formatCount(s.functionsBelowMinInvocations)} below --min-invocations. Logs Insights scanned ${formatCount(s.scan.bytesScanned)} bytes in ${s.scan.queries} queries for ${formatUsd(s.scan.cost, 4)}.`,
      "summary",
    ),
    failures.length > 0 ? notesList(failures) : "",
    figureHtml(savingsChart(result)),
    sectionHtml("All recommendations", allRecommendations(result)),
    sectionHtml("Notes", notesList(result.notes)),
  ];
  return renderPage(
    {
      title: "Lambda cost advice",
      subtitle: `${result.regions.join(", ")}; prices as of ${result.priceTableAsOf} (USD a month)`,
      body,
      json: renderAdviseJson(result),
    },
    assets,
  );
}
