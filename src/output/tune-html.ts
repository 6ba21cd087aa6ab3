/**
 * `tune --format html`: cost per 1M invocations and warm duration against memory, each with its
 * 95% interval as error bars, infeasible sizes marked, the recommendation highlighted and the
 * sizes that cannot be told apart from it shaded; the monthly projection when known. Built from
 * the TuneResult the JSON output is made of, with the JSON's own rounding, so every figure in
 * the tables is the JSON's figure.
 */
import { type Decimal, formatCount, formatUsd, roundTo } from "../core/money/index.js";
import type { SizeSummary, TuneResult } from "../core/tuning/types.js";
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
import { PER_INVOCATION_PLACES, PER_MILLION_PLACES, renderTuneJson } from "./tune-json.js";

/** Each size's architecture (the function's own unless the run measured another). */
const archOf = (result: TuneResult, s: { architecture?: string | undefined }) =>
  s.architecture ?? result.architecture;
/** More than one architecture measured: every size is named with its architecture. */
const multiArch = (result: TuneResult) =>
  new Set(result.sizes.map((s) => archOf(result, s))).size > 1;
const labelOf = (result: TuneResult) => (s: SizeSummary) =>
  multiArch(result) ? `${s.memoryMb} MB ${archOf(result, s)}` : `${s.memoryMb} MB`;
/** Whether a size is the recommended one (memory and, when several were measured, architecture). */
const isRecommended = (result: TuneResult, s: SizeSummary) => {
  const r = result.recommendation;
  return r !== null && s.memoryMb === r.memoryMb && archOf(result, s) === archOf(result, r);
};
/** Durations as the JSON writes them: ms to 0.01, null when there is none. */
const ms = (v: number | null | undefined) =>
  v === null || v === undefined || !Number.isFinite(v) ? null : Math.round(v * 100) / 100;
/** The JSON's `costPerMillion` (rounded to its places); null when it does not exist. */
const costPerMillion = (s: SizeSummary) =>
  s.costPerMillion.isFinite() ? roundTo(s.costPerMillion, PER_MILLION_PLACES) : null;
/** An interval bound per 1M: the JSON's per-invocation bound (15 places) × 1M, exact. */
const perMillion = (perInvocation: Decimal) =>
  perInvocation.isFinite() ? roundTo(perInvocation, PER_INVOCATION_PLACES).times(1_000_000) : null;

/** The sizes that cannot be told apart from the recommendation (empty when it stands alone). */
function indistinct(result: TuneResult): number[] {
  const r = result.recommendation;
  if (!r) return [];
  const set = new Set([r.memoryMb, ...(r.equivalentMemoryMb ?? [])]);
  if (!r.distinguishable && r.runnerUpMemoryMb !== undefined) set.add(r.runnerUpMemoryMb);
  return set.size > 1 ? [...set] : [];
}

/** Shading and marks shared by both charts: the indistinct band, each infeasible size. */
function bands(result: TuneResult) {
  const recArch = result.recommendation ? archOf(result, result.recommendation) : undefined;
  const index = (mb: number) =>
    result.sizes.findIndex((s) => s.memoryMb === mb && archOf(result, s) === recArch);
  const out: Array<Record<string, unknown>> = [];
  const band = indistinct(result)
    .map(index)
    .filter((i) => i >= 0);
  if (band.length > 0) {
    out.push({
      axis: "x",
      from: Math.min(...band) - 0.45,
      to: Math.max(...band) + 0.45,
      colour: "rgba(86, 180, 233, 0.22)",
      label: "not distinguishable",
    });
  }
  result.sizes.forEach((s, i) => {
    if (!s.feasible) {
      out.push({
        axis: "x",
        from: i - 0.45,
        to: i + 0.45,
        colour: "rgba(213, 94, 0, 0.14)",
        label: "✕ infeasible",
      });
    }
  });
  return out;
}

function chartConfig(
  result: TuneResult,
  series: { label: string; values: Array<number | null>; exact: Array<string | null> },
  errorBars: Array<[number | null, number | null] | null>,
  format: "usd" | "ms",
  axisTitle: string,
) {
  const label = labelOf(result);
  const isRec = result.sizes.map((s) => isRecommended(result, s));
  return {
    type: "line",
    data: {
      labels: result.sizes.map(label),
      datasets: [
        {
          label: series.label,
          data: series.values,
          lcExact: series.exact,
          lcFormat: format,
          lcErrorBars: errorBars,
          showLine: false,
          borderColor: OKABE_ITO.blue,
          backgroundColor: isRec.map((r) => (r ? OKABE_ITO.bluishGreen : OKABE_ITO.blue)),
          pointStyle: isRec.map((r) => (r ? "rectRot" : "circle")),
          pointRadius: isRec.map((r) => (r ? 9 : 5)),
          pointHoverRadius: isRec.map((r) => (r ? 11 : 7)),
        },
      ],
    },
    options: {
      scales: {
        x: { offset: true, title: { display: true, text: "Memory" } },
        // Room above and below, so a point at the extreme is not drawn on the axis.
        y: { lcFormat: format, grace: "8%", title: { display: true, text: axisTitle } },
      },
      plugins: { legend: { display: false }, lcBands: bands(result) },
    },
  };
}

function status(result: TuneResult, s: SizeSummary): string {
  if (!s.feasible) return `infeasible: ${s.reason ?? "no successful invocation"}`;
  return isRecommended(result, s) ? "recommended" : "feasible";
}

function costFigure(result: TuneResult): ChartFigure {
  const label = labelOf(result);
  const recommended = result.recommendation?.memoryMb;
  const costs = result.sizes.map((s) => (s.feasible ? costPerMillion(s) : null));
  const intervals = result.sizes.map((s) => s.costPerInvocationCi95.map(perMillion));
  const rows: Cell[][] = result.sizes.map((s, i) => {
    const cost = costPerMillion(s);
    const [lo, hi] = intervals[i] ?? [null, null];
    return [
      textCell(label(s), true),
      numberCell(formatCount(s.invocations), s.invocations, `sizes.${i}.invocations`),
      numberCell(formatCount(s.errors), s.errors, `sizes.${i}.errors`),
      textCell(status(result, s)),
      cost ? moneyCell(cost, `sizes.${i}.costPerMillion`) : textCell("—"),
      lo ? moneyCell(lo) : textCell("—"),
      hi ? moneyCell(hi) : textCell("—"),
    ];
  });
  const rec = result.sizes.find((s) => isRecommended(result, s));
  const recCost = rec ? costPerMillion(rec) : null;
  const infeasible = result.sizes.filter((s) => !s.feasible);
  const band = indistinct(result);
  const summary = [
    rec && recCost
      ? `Recommended: ${label(rec)} at ${formatUsd(recCost)} per 1M invocations (${result.strategy} strategy): ${result.recommendation?.reason ?? ""}.`
      : "No size is feasible, so there is no recommendation.",
    band.length > 0
      ? `Not distinguishable from it at 95%: ${band
          .filter((mb) => mb !== recommended)
          .map((mb) => `${mb} MB`)
          .join(", ")} (shaded).`
      : "",
    infeasible.length > 0
      ? `Infeasible: ${infeasible.map((s) => `${label(s)} (${s.reason ?? "no successful invocation"})`).join(", ")}.`
      : "",
  ]
    .filter((t) => t !== "")
    .join(" ");
  return {
    id: "tune-cost",
    tableBelow: true,
    title: "Cost per 1M invocations by memory (95% intervals)",
    summary,
    config: chartConfig(
      result,
      {
        label: "Cost per 1M invocations",
        values: costs.map((c) => (c ? c.toNumber() : null)),
        exact: costs.map((c) => (c ? c.toFixed() : null)),
      },
      intervals.map(([lo, hi]) => [lo ? lo.toNumber() : null, hi ? hi.toNumber() : null]),
      "usd",
      "USD per 1M invocations",
    ),
    table: {
      id: "tune-cost-table",
      caption: "Cost per 1M invocations",
      columns: [
        { text: "Memory" },
        { text: "Invocations", numeric: true },
        { text: "Errors", numeric: true },
        { text: "Status" },
        { text: "Cost per 1M", numeric: true },
        { text: "95% low", numeric: true },
        { text: "95% high", numeric: true },
      ],
      rows,
    },
  };
}

function durationFigure(result: TuneResult): ChartFigure {
  const label = labelOf(result);
  const plotted = result.sizes.map((s) => (s.feasible ? ms(s.durationMs.mean) : null));
  const rows: Cell[][] = result.sizes.map((s, i) => {
    const cell = (v: number | null | undefined, key: string) => {
      const value = ms(v);
      return value === null
        ? textCell("—")
        : numberCell(value.toFixed(2), value, `sizes.${i}.durationMs.${key}`);
    };
    return [
      textCell(label(s), true),
      cell(s.durationMs.mean, "mean"),
      cell(s.durationMs.ci95?.[0], "ci95.0"),
      cell(s.durationMs.ci95?.[1], "ci95.1"),
      cell(s.durationMs.p90, "p90"),
      numberCell(`${s.maxMemoryUsedMb}`, s.maxMemoryUsedMb, `sizes.${i}.maxMemoryUsedMb`),
    ];
  });
  const fastest = result.sizes
    .filter((s) => s.feasible && Number.isFinite(s.durationMs.mean))
    .sort((a, b) => a.durationMs.mean - b.durationMs.mean)[0];
  return {
    id: "tune-duration",
    tableBelow: true,
    title: "Mean warm duration by memory (95% intervals)",
    summary: fastest
      ? `Fastest: ${label(fastest)} at ${ms(fastest.durationMs.mean)?.toFixed(2)} ms mean warm duration.`
      : "No feasible size has a warm duration to show.",
    config: chartConfig(
      result,
      {
        label: "Mean warm duration",
        values: plotted,
        exact: plotted.map((v) => (v === null ? null : `${v.toFixed(2)} ms`)),
      },
      result.sizes.map((s) =>
        s.feasible && s.durationMs.ci95
          ? [ms(s.durationMs.ci95[0]), ms(s.durationMs.ci95[1])]
          : null,
      ),
      "ms",
      "Milliseconds",
    ),
    table: {
      id: "tune-duration-table",
      caption: "Warm duration (ms) and memory used (MB)",
      columns: [
        { text: "Memory" },
        { text: "Mean", numeric: true },
        { text: "95% low", numeric: true },
        { text: "95% high", numeric: true },
        { text: "p90", numeric: true },
        { text: "Max used", numeric: true },
      ],
      rows,
    },
  };
}

function projectionSection(result: TuneResult): string {
  const p = result.monthlyProjection;
  if (!p) return "";
  const round = (d: Decimal) => roundTo(d, PER_MILLION_PLACES);
  const saving =
    p.monthlySaving && p.currentMonthlyCost
      ? `At ${formatCount(p.monthlyInvocations)} invocations a month (${p.source === "flag" ? "as given" : "from CloudWatch"}): ${p.currentMemoryMb} MB now costs ${formatUsd(round(p.currentMonthlyCost))}, the recommendation ${formatUsd(round(p.recommendedMonthlyCost))} (saving ${formatUsd(round(p.monthlySaving))} a month).`
      : `At ${formatCount(p.monthlyInvocations)} invocations a month the recommendation costs ${formatUsd(round(p.recommendedMonthlyCost))}.`;
  const table = tableHtml({
    id: "tune-projection",
    caption: "Monthly cost by memory size",
    columns: [{ text: "Memory" }, { text: "Monthly cost", numeric: true }],
    rows: p.bySize.map((r, i) => [
      textCell(
        `${r.memoryMb} MB${multiArch(result) && r.architecture ? ` ${r.architecture}` : ""}`,
        true,
      ),
      moneyCell(round(r.monthlyCost), `monthlyProjection.bySize.${i}.monthlyCost`),
    ]),
  });
  return sectionHtml("Monthly projection", paragraph(saving, "summary"), table);
}

export function renderTuneHtml(result: TuneResult, assets: HtmlAssets): string {
  const notes = [
    `Function ${result.restored ? "restored exactly as found" : "NOT confirmed restored: see the run's messages"}.`,
    `The tuning run itself cost ${formatUsd(result.tuningCost, 4)} (${result.tuningCost.toFixed()} exactly)${result.totalInvocations === undefined ? "" : ` for ${formatCount(result.totalInvocations)} invocations`}.`,
    ...(result.stopReason ? [`Sampling stopped: ${result.stopReason}.`] : []),
    ...(result.throttles ? [`Throttled invocations retried: ${result.throttles}.`] : []),
    ...(result.skippedArchitectures ?? []).map(
      (a) => `${a.architecture} was not measured: ${a.reason}.`,
    ),
    "Error bars are 95% intervals of the mean; sizes are categories, not to scale.",
  ];
  const body = [
    architectureSummary(result),
    figureHtml(costFigure(result)),
    figureHtml(durationFigure(result)),
    projectionSection(result),
    sectionHtml("Run", notesList(notes)),
  ];
  return renderPage(
    {
      title: `Memory tuning: ${result.function}`,
      subtitle: `${result.region}, ${result.architecture}; strategy ${result.strategy}; was ${result.originalMemoryMb} MB`,
      body,
      json: renderTuneJson(result),
    },
    assets,
  );
}

/** arm64 against x86_64 at the recommended size, when both were measured. */
function architectureSummary(result: TuneResult): string {
  const c = result.architectureComparison;
  if (!c) return "";
  const percent = (c.arm64RelativeDifference * 100).toFixed(1);
  return paragraph(
    `At ${c.memoryMb} MB, arm64 costs ${formatUsd(c.arm64CostPerMillion)} per 1M invocations against x86_64's ${formatUsd(c.x86CostPerMillion)} (${c.arm64RelativeDifference < 0 ? "" : "+"}${percent}%; ${c.distinguishable ? "a difference the 95% interval confirms" : "not distinguishable at 95%"}); mean warm duration ${c.arm64DurationMs.toFixed(2)} ms against ${c.x86DurationMs.toFixed(2)} ms.`,
    "summary",
  );
}
