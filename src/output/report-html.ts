/**
 * `report --format html` (and `report --html`, written beside the CSV): cost by function (the
 * top ten as bars, the rest as one), by region and architecture, the change against last
 * month's report when one is in --out-dir, and the full table, sortable. Built from the
 * MonthlyReport the JSON output is made of; figures are rounded exactly as the JSON rounds them
 * (report-json.ts), so a table cell and its JSON field agree digit for digit.
 */
import { type Decimal, formatCount, formatUsd, sum, ZERO } from "../core/money/index.js";
import type { MonthlyReport, ReportRow } from "../core/report/types.js";
import {
  type ChartFigure,
  figureHtml,
  type HtmlAssets,
  notesList,
  paragraph,
  renderPage,
  sectionHtml,
} from "./html/page.js";
import { OKABE_ITO, REST_GREY, seriesColour } from "./html/palette.js";
import { type Cell, moneyCell, numberCell, tableHtml, textCell } from "./html/table.js";
import { renderReportJson, reportPlaces } from "./report-json.js";
import type { PreviousReport } from "./report-summary.js";

/** What the report page shows: the month's report and, when found, last month's. */
export interface ReportHtmlModel {
  report: MonthlyReport;
  previous?: PreviousReport | undefined;
}

const TOP_COUNT = 10;
/** A figure as the JSON writes the field `key` (rounded to that field's places). */
const asJson = (value: Decimal, key: string) => value.toDecimalPlaces(reportPlaces(key));
const fn = (row: { region: string; functionName: string }) => `${row.functionName} (${row.region})`;

function share(part: Decimal, whole: Decimal): string {
  return whole.isZero() ? "0%" : `${part.div(whole).times(100).toDecimalPlaces(1).toFixed(1)}%`;
}

function barConfig(labels: string[], datasets: Array<Record<string, unknown>>, stacked: boolean) {
  return {
    type: "bar",
    data: { labels, datasets },
    options: {
      indexAxis: "y",
      scales: {
        x: { stacked, lcFormat: "usd", title: { display: true, text: "USD" } },
        y: { stacked },
      },
      plugins: { legend: { display: datasets.length > 1, position: "bottom" } },
    },
  };
}

function topFunctions(report: MonthlyReport): ChartFigure {
  const total = report.totals.totalCost;
  const ranked = report.rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => b.row.totalCost.comparedTo(a.row.totalCost) || a.index - b.index);
  const top = ranked.slice(0, TOP_COUNT);
  const rest = ranked.slice(TOP_COUNT);
  const restCost = sum(rest.map((r) => r.row.totalCost));
  const bars = [
    ...top.map(({ row }) => ({ label: fn(row), cost: asJson(row.totalCost, "totalCost") })),
    ...(rest.length > 0
      ? [{ label: `${rest.length} other functions`, cost: asJson(restCost, "totalCost") }]
      : []),
  ];
  const rows: Cell[][] = [
    ...top.map(({ row, index }, rank) => [
      numberCell(String(rank + 1), rank + 1),
      textCell(fn(row), true),
      moneyCell(asJson(row.totalCost, "totalCost"), `rows.${index}.totalCost`),
      numberCell(share(row.totalCost, total), row.totalCost.toFixed()),
    ]),
    ...(rest.length > 0
      ? [
          [
            textCell(""),
            textCell(`${rest.length} other functions`, true),
            moneyCell(asJson(restCost, "totalCost")),
            numberCell(share(restCost, total), restCost.toFixed()),
          ],
        ]
      : []),
  ];
  const first = top[0]?.row;
  return {
    id: "report-top",
    title: `Cost by function (top ${Math.min(TOP_COUNT, ranked.length)}${rest.length > 0 ? ", the rest grouped" : ""})`,
    summary: first
      ? `${report.rows.length} functions cost ${formatUsd(total)}. The most expensive is ${fn(first)} at ${formatUsd(first.totalCost)} (${share(first.totalCost, total)}); the top ${top.length} make ${share(sum(top.map((t) => t.row.totalCost)), total)} of the total.`
      : "No functions in this report.",
    heightPx: 60 + 30 * bars.length,
    config: barConfig(
      bars.map((b) => b.label),
      [
        {
          label: "Total cost",
          data: bars.map((b) => b.cost.toNumber()),
          lcExact: bars.map((b) => b.cost.toFixed()),
          lcFormat: "usd",
          backgroundColor: bars.map((_, i) =>
            rest.length > 0 && i === bars.length - 1 ? REST_GREY : OKABE_ITO.blue,
          ),
        },
      ],
      false,
    ),
    table: {
      id: "report-top-table",
      caption: "Most expensive functions",
      columns: [
        { text: "#", numeric: true },
        { text: "Function (region)" },
        { text: "Total", numeric: true },
        { text: "Share", numeric: true },
      ],
      rows,
    },
  };
}

function byRegionAndArch(report: MonthlyReport): ChartFigure {
  const regions = [...new Set(report.rows.map((r) => r.region))].sort();
  const arches = [...new Set(report.rows.map((r) => r.architecture))].sort();
  const costOf = (region: string, arch: string) =>
    sum(
      report.rows
        .filter((r) => r.region === region && r.architecture === arch)
        .map((r) => r.totalCost),
    );
  const datasets = arches.map((arch, i) => {
    const costs = regions.map((region) => asJson(costOf(region, arch), "totalCost"));
    return {
      label: arch,
      data: costs.map((c) => c.toNumber()),
      lcExact: costs.map((c) => c.toFixed()),
      lcFormat: "usd",
      backgroundColor: seriesColour(i),
    };
  });
  const regionTotals = regions.map((region) => sum(arches.map((a) => costOf(region, a))));
  const biggest = regions
    .map((region, i) => ({ region, cost: regionTotals[i] ?? ZERO }))
    .sort((a, b) => b.cost.comparedTo(a.cost))[0];
  const archTotals = arches.map((arch) => ({
    arch,
    cost: sum(regions.map((region) => costOf(region, arch))),
  }));
  return {
    id: "report-regions",
    title: "Cost by region and architecture",
    summary: biggest
      ? `${regions.length} region${regions.length === 1 ? "" : "s"}; the largest is ${biggest.region} at ${formatUsd(biggest.cost)}. By architecture: ${archTotals.map((a) => `${a.arch} ${formatUsd(a.cost)}`).join(", ")}.`
      : "No functions in this report.",
    heightPx: 90 + 40 * Math.max(1, regions.length),
    config: barConfig(regions, datasets, true),
    table: {
      id: "report-regions-table",
      caption: "Cost by region and architecture",
      columns: [
        { text: "Region" },
        ...arches.map((text) => ({ text, numeric: true })),
        { text: "Total", numeric: true },
      ],
      rows: regions.map((region, i) => [
        textCell(region, true),
        ...arches.map((arch) => moneyCell(asJson(costOf(region, arch), "totalCost"))),
        moneyCell(asJson(regionTotals[i] ?? ZERO, "totalCost")),
      ]),
    },
  };
}

/** Every function's change against last month's report, largest first (gone ones too). */
function changes(report: MonthlyReport, previous: PreviousReport) {
  const key = (r: { region: string; functionName: string }) => `${r.region}/${r.functionName}`;
  const old = new Map(previous.rows.map((r) => [key(r), r]));
  const list = report.rows.map((row) => {
    const was = old.get(key(row));
    old.delete(key(row));
    return {
      label: fn(row),
      before: was?.totalCost ?? null,
      now: row.totalCost as Decimal | null,
      delta: row.totalCost.minus(was?.totalCost ?? ZERO),
    };
  });
  for (const gone of old.values()) {
    list.push({ label: fn(gone), before: gone.totalCost, now: null, delta: gone.totalCost.neg() });
  }
  return list
    .filter((c) => !c.delta.isZero())
    .sort((a, b) => b.delta.abs().comparedTo(a.delta.abs()) || (a.label < b.label ? -1 : 1));
}

function changeSection(report: MonthlyReport, previous: PreviousReport | undefined): string {
  if (!previous) {
    return sectionHtml(
      "Change against last month",
      paragraph(
        "No report of the month before in the output directory, so there is nothing to compare with (the monthly schedule keeps them).",
        "note",
      ),
    );
  }
  const before = sum(previous.rows.map((r) => r.totalCost));
  const now = report.totals.totalCost;
  const delta = now.minus(before);
  const signed = (d: Decimal) => (d.isNegative() ? formatUsd(d) : `+${formatUsd(d)}`);
  const all = changes(report, previous);
  const shown = all.slice(0, TOP_COUNT);
  const summary = `Against ${previous.month}: ${formatUsd(before)} → ${formatUsd(now)} (${signed(delta)}${before.isZero() ? "" : `, ${share(delta, before)}`}). ${all.length} function${all.length === 1 ? "" : "s"} changed${shown.length < all.length ? `; the ${shown.length} largest changes are shown` : ""}. Increases are orange, decreases blue.`;
  const figure: ChartFigure = {
    id: "report-change",
    title: `Change against ${previous.month}, by function`,
    summary,
    heightPx: 60 + 30 * Math.max(1, shown.length),
    config: barConfig(
      shown.map((c) => c.label),
      [
        {
          label: "Change",
          data: shown.map((c) => c.delta.toNumber()),
          lcExact: shown.map((c) => c.delta.toFixed()),
          lcFormat: "usd",
          backgroundColor: shown.map((c) =>
            c.delta.isNegative() ? OKABE_ITO.blue : OKABE_ITO.orange,
          ),
        },
      ],
      false,
    ),
    table: {
      id: "report-change-table",
      caption: `Largest changes against ${previous.month}`,
      columns: [
        { text: "Function (region)" },
        { text: previous.month, numeric: true },
        { text: report.month, numeric: true },
        { text: "Change", numeric: true },
      ],
      rows: shown.map((c) => [
        textCell(c.label, true),
        c.before ? moneyCell(c.before) : textCell("new"),
        c.now ? moneyCell(c.now) : textCell("gone"),
        moneyCell(c.delta),
      ]),
    },
  };
  return sectionHtml("Change against last month", figureHtml(figure));
}

const FULL_COLUMNS: Array<{ text: string; key?: keyof ReportRow; numeric?: boolean }> = [
  { text: "Region" },
  { text: "Function" },
  { text: "Arch" },
  { text: "MB", numeric: true },
  { text: "Invocations", key: "invocations", numeric: true },
  { text: "GB-s", key: "gbSeconds", numeric: true },
  { text: "Requests", key: "requestCost", numeric: true },
  { text: "Duration", key: "durationCost", numeric: true },
  { text: "Storage", key: "ephemeralStorageCost", numeric: true },
  { text: "PC", key: "provisionedConcurrencyCost", numeric: true },
  { text: "Free tier credit", key: "freeTierCredit", numeric: true },
  { text: "Total", key: "totalCost", numeric: true },
];

function fullTable(report: MonthlyReport): string {
  const rows = report.rows.map((r, i) => [
    textCell(r.region),
    textCell(r.functionName, true),
    textCell(r.architecture),
    numberCell(String(r.memoryMb), r.memoryMb, `rows.${i}.memoryMb`),
    ...FULL_COLUMNS.slice(4).map(({ key }) => {
      const k = key as keyof ReportRow;
      const value = asJson(r[k] as Decimal, k);
      if (k === "invocations") {
        return numberCell(formatCount(value, 0), value.toFixed(), `rows.${i}.${k}`);
      }
      if (k === "gbSeconds") {
        return numberCell(formatCount(value, 1), value.toFixed(), `rows.${i}.${k}`);
      }
      return moneyCell(value, `rows.${i}.${k}`);
    }),
  ]);
  const t = report.totals;
  const foot: Cell[] = [
    textCell("Total", true),
    textCell(""),
    textCell(""),
    textCell(""),
    numberCell(
      formatCount(asJson(t.invocations, "invocations"), 0),
      t.invocations.toFixed(),
      "totals.invocations",
    ),
    numberCell(
      formatCount(asJson(t.gbSeconds, "gbSeconds"), 1),
      asJson(t.gbSeconds, "gbSeconds").toFixed(),
      "totals.gbSeconds",
    ),
    ...(
      [
        "requestCost",
        "durationCost",
        "ephemeralStorageCost",
        "provisionedConcurrencyCost",
        "freeTierCredit",
        "totalCost",
      ] as const
    ).map((k) => moneyCell(asJson(t[k], k), `totals.${k}`)),
  ];
  return tableHtml({
    id: "report-functions",
    caption: "Every function (select a column heading to sort)",
    columns: FULL_COLUMNS.map(({ text, numeric }) => ({ text, numeric })),
    rows,
    foot: [foot],
    sortable: true,
  });
}

export function renderReportHtml(model: ReportHtmlModel, assets: HtmlAssets): string {
  const { report, previous } = model;
  const t = report.totals;
  const failed = report.failedRegions.map(
    (f) => `FAILED: region ${f.region} is not in this report: ${f.message}`,
  );
  const body = [
    paragraph(
      `Total ${formatUsd(t.totalCost)}: requests ${formatUsd(t.requestCost)}, duration ${formatUsd(t.durationCost)}, ephemeral storage ${formatUsd(t.ephemeralStorageCost)}, provisioned concurrency ${formatUsd(t.provisionedConcurrencyCost)}, free tier ${formatUsd(t.freeTierCredit.negated())}.`,
      "summary",
    ),
    failed.length > 0 ? notesList(failed) : "",
    figureHtml(topFunctions(report)),
    figureHtml(byRegionAndArch(report)),
    changeSection(report, previous),
    sectionHtml("All functions", fullTable(report)),
    sectionHtml(
      "Notes",
      notesList([
        "Estimate from CloudWatch metrics; the notes say what they cannot show.",
        ...report.notes,
      ]),
    ),
  ];
  return renderPage(
    {
      title: `Lambda cost report ${report.month}`,
      subtitle: `account ${report.accountId} · ${formatCount(report.rows.length)} functions in ${report.regions.join(", ")} · prices as of ${report.priceTableAsOf} (USD)`,
      body,
      json: renderReportJson(report),
    },
    assets,
  );
}
