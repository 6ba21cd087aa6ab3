/**
 * `crossover --format html`: monthly cost against requests a month on log–log axes for every
 * option (Lambda, LMI, Fargate, EC2), each break-even volume marked and labelled, the volume
 * asked about marked, and a strip along the axis coloured by the cheapest option. The lines are
 * the model's own chart points (12 a decade); the tables are the JSON's sweep and break-evens.
 */
import type { CrossoverResult, SweepRow } from "../core/crossover/crossover.js";
import type { BreakEven } from "../core/crossover/types.js";
import { type Decimal, formatCount, formatUsd } from "../core/money/index.js";
import { compactCount, describeBreakEven } from "./crossover-format.js";
import { renderCrossoverJson } from "./crossover-json.js";
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
import { type Cell, moneyCell, numberCell, tableHtml, textCell } from "./html/table.js";

type Option = SweepRow["cheapest"];

/** Name, colour, dash and marker of each option: told apart by more than colour. */
const OPTIONS: Record<Option, { name: string; colour: string; dash: number[]; marker: string }> = {
  lambda: { name: "Lambda", colour: OKABE_ITO.blue, dash: [], marker: "circle" },
  managedInstances: {
    name: "LMI",
    colour: OKABE_ITO.reddishPurple,
    dash: [2, 3],
    marker: "triangle",
  },
  fargate: { name: "Fargate", colour: OKABE_ITO.orange, dash: [8, 4], marker: "rect" },
  ec2: { name: "EC2", colour: OKABE_ITO.bluishGreen, dash: [12, 3, 3, 3], marker: "rectRot" },
};
const ORDER: Option[] = ["lambda", "managedInstances", "fargate", "ec2"];

const costOf = (row: SweepRow, option: Option): Decimal | null => row[option];

function available(r: CrossoverResult, option: Option): boolean {
  if (option === "ec2") return !r.ec2.unavailable && r.ec2.monthlyCost !== null;
  if (option === "managedInstances") {
    return !r.managedInstances.unavailable && r.managedInstances.monthlyCost !== null;
  }
  return true;
}

function breakEvenOf(r: CrossoverResult, option: Option): BreakEven | null {
  if (option === "fargate") return r.fargate.breakEven;
  if (option === "ec2") return r.ec2.breakEven;
  if (option === "managedInstances") return r.managedInstances.breakEven;
  return null;
}

function costChart(r: CrossoverResult): ChartFigure {
  const options = ORDER.filter((o) => available(r, o));
  const datasets = options.map((o) => {
    const style = OPTIONS[o];
    return {
      label: style.name,
      // A log axis cannot show $0 (Lambda inside the free tier): such points are left out.
      data: r.chart.map((row) => {
        const cost = costOf(row, o);
        return { x: row.monthlyRequests, y: cost?.gt(0) ? cost.toNumber() : null };
      }),
      lcExact: r.chart.map((row) => costOf(row, o)?.toFixed() ?? null),
      lcFormat: "usd",
      borderColor: style.colour,
      backgroundColor: style.colour,
      borderDash: style.dash,
      borderWidth: 2,
      pointStyle: style.marker,
      pointRadius: 0,
      pointHitRadius: 6,
      spanGaps: false,
    };
  });
  const lines: Array<Record<string, unknown>> = [
    {
      at: r.input.monthlyRequests,
      colour: "#444444",
      label: `asked: ${compactCount(r.input.monthlyRequests)}`,
    },
  ];
  for (const o of options) {
    const b = breakEvenOf(r, o);
    if (b?.status === "from" && b.requestsPerMonth !== null) {
      lines.push({
        at: b.requestsPerMonth,
        colour: OPTIONS[o].colour,
        label: `${OPTIONS[o].name} = Lambda at ${compactCount(b.requestsPerMonth)}`,
      });
    }
  }
  const rows = r.chart;
  const segments = rows.map((row, i) => {
    const prev = rows[i - 1]?.monthlyRequests ?? row.monthlyRequests;
    const next = rows[i + 1]?.monthlyRequests ?? row.monthlyRequests;
    return {
      from: Math.sqrt(prev * row.monthlyRequests),
      to: Math.sqrt(row.monthlyRequests * next),
      colour: OPTIONS[row.cheapest].colour,
    };
  });
  return {
    id: "crossover-chart",
    title: "Monthly cost against requests a month (log–log)",
    summary: chartSummary(r, options),
    heightPx: 380,
    tableBelow: true,
    config: {
      type: "line",
      data: { datasets },
      options: {
        parsing: true,
        interaction: { mode: "nearest", axis: "x", intersect: false },
        scales: {
          x: {
            type: "logarithmic",
            lcFormat: "count",
            title: { display: true, text: "Requests a month" },
          },
          y: {
            type: "logarithmic",
            lcFormat: "usd",
            title: { display: true, text: "USD a month" },
          },
        },
        plugins: {
          legend: { position: "bottom", labels: { usePointStyle: true } },
          lcLines: lines,
          lcStrip: { segments },
        },
      },
    },
    table: sweepTable(r, options),
  };
}

/** Which option is cheapest over which range of volumes, in words. */
function cheapestRanges(r: CrossoverResult): string {
  const ranges: Array<{ option: Option; from: number; to: number }> = [];
  for (const row of r.chart) {
    const last = ranges.at(-1);
    if (last && last.option === row.cheapest) last.to = row.monthlyRequests;
    else ranges.push({ option: row.cheapest, from: row.monthlyRequests, to: row.monthlyRequests });
  }
  return ranges
    .map((g) =>
      g.from === g.to
        ? `${OPTIONS[g.option].name} at ${compactCount(g.from)}`
        : `${OPTIONS[g.option].name} ${compactCount(g.from)}–${compactCount(g.to)}`,
    )
    .join(", ");
}

function chartSummary(r: CrossoverResult, options: Option[]): string {
  const breakEvens = options
    .filter((o) => o !== "lambda")
    .map((o) => `${OPTIONS[o].name}: ${describeBreakEven(breakEvenOf(r, o) as BreakEven)}`)
    .join("; ");
  return `At ${formatCount(r.input.monthlyRequests)} requests a month the cheapest is ${OPTIONS[r.cheapest].name}. No dearer than Lambda from — ${breakEvens}. Cheapest by volume (the strip under the plot): ${cheapestRanges(r)}.`;
}

function sweepTable(r: CrossoverResult, options: Option[]) {
  const rows: Cell[][] = r.sweep.map((row, i) => [
    numberCell(
      compactCount(row.monthlyRequests),
      row.monthlyRequests,
      `sweep.${i}.monthlyRequests`,
    ),
    ...options.map((o) => {
      const cost = costOf(row, o);
      return cost === null ? textCell("—") : moneyCell(cost, `sweep.${i}.${o}`);
    }),
    textCell(OPTIONS[row.cheapest].name),
  ]);
  return {
    id: "crossover-sweep",
    caption: "USD a month at each volume",
    columns: [
      { text: "Requests/month", numeric: true },
      ...options.map((o) => ({ text: OPTIONS[o].name, numeric: true })),
      { text: "Cheapest" },
    ],
    rows,
    sortable: true,
  };
}

function summaryTable(r: CrossoverResult): string {
  const row = (o: Option, config: string, cost: Decimal | null, json: string): Cell[] => {
    const b = breakEvenOf(r, o);
    return [
      textCell(`${OPTIONS[o].name}${r.cheapest === o ? " (cheapest)" : ""}`, true),
      textCell(config),
      cost === null ? textCell("no prices for this region") : moneyCell(cost, json),
      textCell(b ? describeBreakEven(b) : "—"),
    ];
  };
  const i = r.input;
  const m = r.managedInstances;
  const rows = [
    row(
      "lambda",
      `${i.memoryMb} MB ${i.architecture}, ${i.durationMs} ms`,
      r.lambda.monthlyCost,
      "lambda.monthlyCost",
    ),
    row(
      "managedInstances",
      m.instanceType ? `${m.instances} × ${m.instanceType}, ${m.runtime}` : "—",
      available(r, "managedInstances") ? m.monthlyCost : null,
      "managedInstances.monthlyCost",
    ),
    row(
      "fargate",
      `${r.fargate.tasks} × ${r.fargate.task} ${r.fargate.architecture}${r.fargate.spot ? " Spot" : ""}`,
      r.fargate.monthlyCost,
      "fargate.monthlyCost",
    ),
    row(
      "ec2",
      r.ec2.instanceType ? `${r.ec2.instances} × ${r.ec2.instanceType}` : "—",
      available(r, "ec2") ? r.ec2.monthlyCost : null,
      "ec2.monthlyCost",
    ),
  ];
  return tableHtml({
    id: "crossover-summary",
    caption: `At ${formatCount(i.monthlyRequests)} requests a month`,
    columns: [
      { text: "Option" },
      { text: "Configuration" },
      { text: "Monthly cost", numeric: true },
      { text: "No dearer than Lambda from" },
    ],
    rows,
  });
}

export function renderCrossoverHtml(r: CrossoverResult, assets: HtmlAssets): string {
  const body = [
    paragraph(
      `Work: ${r.cpuSecondsPerRequest.toDecimalPlaces(6).toFixed()} vCPU-s a request → ${r.vcpusNeeded.toDecimalPlaces(3).toFixed()} vCPUs at the peak; ${r.averageRps.toDecimalPlaces(2).toFixed(2)} requests a second on average. Cheapest: ${OPTIONS[r.cheapest].name} at ${formatUsd(costAt(r, r.cheapest) ?? r.lambda.monthlyCost)} a month.`,
      "summary",
    ),
    summaryTable(r),
    figureHtml(costChart(r)),
    sectionHtml("Assumptions", notesList(r.assumptions)),
    r.caveats.length > 0 ? sectionHtml("Caveats", notesList(r.caveats)) : "",
  ];
  return renderPage(
    {
      title: "Lambda vs LMI, Fargate and EC2",
      subtitle: `${r.input.region}; ${formatCount(r.input.monthlyRequests)} requests a month; USD a month`,
      body,
      json: renderCrossoverJson({ result: r, color: false }),
    },
    assets,
  );
}

function costAt(r: CrossoverResult, o: Option): Decimal | null {
  if (o === "lambda") return r.lambda.monthlyCost;
  if (o === "fargate") return r.fargate.monthlyCost;
  if (o === "ec2") return r.ec2.monthlyCost;
  return r.managedInstances.monthlyCost;
}
