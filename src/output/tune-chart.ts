/**
 * Terminal charts of cost and duration against memory (asciichart). Only measured sizes are
 * plotted, each as a flat, labelled segment on a categorical axis (not to scale): nothing is
 * drawn as if a size between two measured ones had been measured — Power Tuning's charts
 * interpolate between sizes and are misread.
 */
import { plot } from "asciichart";
import { dec, formatUsd } from "../core/money/index.js";
import type { SizeSummary, TuneResult } from "../core/tuning/types.js";

const HEIGHT = 7;
const LABEL_WIDTH = 12;

/** Both charts, or a one-line note when no size could be plotted. */
export function renderTuneCharts(result: TuneResult): string {
  const plotted = result.sizes.filter((s) => s.feasible && Number.isFinite(s.durationMs.mean));
  if (plotted.length === 0) return "No feasible size to chart.\n";
  const several = new Set(plotted.map((s) => s.architecture)).size > 1;
  const rec = result.recommendation;
  // With two architectures each size × architecture is its own category: 512x, 512a.
  const name = (s: SizeSummary) =>
    several ? `${s.memoryMb}${s.architecture === "arm64" ? "a" : "x"}` : String(s.memoryMb);
  const recommended = !rec
    ? undefined
    : plotted.find(
        (s) => s.memoryMb === rec.memoryMb && (!several || s.architecture === rec.architecture),
      );
  const cost = chart(
    "Cost per 1M invocations",
    plotted,
    plotted.map((s) => s.costPerMillion.toNumber()),
    (v) => formatUsd(dec(v), 4),
    recommended,
    name,
  );
  const duration = chart(
    "Mean warm duration",
    plotted,
    plotted.map((s) => s.durationMs.mean),
    (v) => `${v.toFixed(v < 100 ? 1 : 0)} ms`,
    recommended,
    name,
  );
  const skipped = result.sizes.filter((s) => !plotted.includes(s));
  const note =
    skipped.length > 0
      ? `Not plotted: ${skipped.map((s) => `${s.memoryMb} MB (${s.reason ?? "no data"})`).join(", ")}\n`
      : "";
  const legend = several ? " MB x = x86_64, MB a = arm64." : "";
  return `${cost}\n${duration}\n${note}Each flat segment is one measured size; sizes are categories, not to scale; [x] marks the recommendation.${legend}\n`;
}

function chart(
  title: string,
  sizes: readonly SizeSummary[],
  values: number[],
  label: (value: number) => string,
  recommended: SizeSummary | undefined,
  nameOf: (s: SizeSummary) => string,
): string {
  const segment = Math.max(4, Math.min(10, Math.floor(64 / sizes.length)));
  const series = values.flatMap((v) => Array<number>(segment).fill(v));
  const text = plot(series, {
    height: HEIGHT,
    format: (v: number) => label(v).padStart(LABEL_WIDTH),
  });
  const firstLine = text.split("\n")[0] ?? "";
  const axisColumn = Math.max(firstLine.indexOf("┤"), firstLine.indexOf("┼"));
  // Column of series index i is axisColumn + 1 + i; centre each size's label on its segment.
  let axis = " ".repeat(axisColumn + 1);
  sizes.forEach((s, index) => {
    const name = s === recommended ? `[${nameOf(s)}]` : nameOf(s);
    const centre = axisColumn + 1 + index * segment + Math.floor(segment / 2);
    const start = Math.max(axis.length, centre - Math.floor(name.length / 2));
    axis = axis.padEnd(start) + name;
  });
  return `${title}\n${text}\n${axis}  MB\n`;
}
