/**
 * Monthly cost against volume (1M–10B requests, log scale on both axes) as an ASCII chart
 * (asciichart), with a row under it marking the cheapest option at each volume so the chart
 * reads without colour too.
 */
import * as asciichart from "asciichart";
import type { CrossoverResult } from "../core/crossover/crossover.js";
import { compactCount } from "./crossover-format.js";

const LETTER = { lambda: "L", managedInstances: "M", fargate: "F", ec2: "E" } as const;
/** Costs below a cent are drawn at a cent (log scale). */
const FLOOR_USD = 0.01;

function usdLabel(log10: number): string {
  const usd = 10 ** log10;
  const text = usd >= 1 ? `$${compactCount(Math.round(usd))}` : `$${usd.toPrecision(1)}`;
  return text.padStart(8);
}

export function renderCrossoverChart(result: CrossoverResult, color: boolean): string {
  const points = result.chart;
  const log = (v: number) => Math.log10(Math.max(v, FLOOR_USD));
  const series = [
    points.map((p) => log(p.lambda.toNumber())),
    points.map((p) => log(p.fargate.toNumber())),
  ];
  const hasEc2 = points.every((p) => p.ec2 !== null);
  const colors = [asciichart.blue, asciichart.green];
  if (hasEc2) {
    series.push(points.map((p) => log(p.ec2?.toNumber() ?? 0)));
    colors.push(asciichart.yellow);
  }
  const hasLmi = points.every((p) => p.managedInstances !== null);
  if (hasLmi) {
    series.push(points.map((p) => log(p.managedInstances?.toNumber() ?? 0)));
    colors.push(asciichart.magenta);
  }
  const plot = asciichart.plot(series, {
    height: 14,
    format: usdLabel,
    ...(color ? { colors } : {}),
  });
  const lines = plot.split("\n");
  // The first data column sits just after the axis character of the bottom line.
  const bottom = lines[lines.length - 1] ?? "";
  const axis = Math.max(bottom.indexOf("┼"), bottom.indexOf("┤"), 8);
  const pad = " ".repeat(axis + 1);
  const cheapest = points.map((p) => LETTER[p.cheapest]).join("");
  const ticks = Array.from({ length: points.length }, () => " ");
  const labels: string[] = [];
  points.forEach((p, i) => {
    if (Math.log10(p.monthlyRequests) % 1 === 0) {
      ticks[i] = "|";
      labels.push(
        `${" ".repeat(Math.max(0, i - labels.join("").length))}${compactCount(p.monthlyRequests)}`,
      );
    }
  });
  const lmiName = hasLmi ? (color ? `, ${asciichart.magenta}LMI${asciichart.reset}` : ", LMI") : "";
  const legend = color
    ? `${asciichart.blue}Lambda${asciichart.reset}, ${asciichart.green}Fargate${asciichart.reset}${hasEc2 ? `, ${asciichart.yellow}EC2${asciichart.reset}` : ""}${lmiName}`
    : `Lambda, Fargate${hasEc2 ? ", EC2" : ""}${lmiName} (run in a colour terminal to tell the lines apart)`;
  return [
    `Monthly cost (log scale) against requests a month: ${legend}`,
    plot,
    `${pad}${ticks.join("")}`,
    `${pad}${labels.join("")}`,
    `${" ".repeat(Math.max(0, axis - 8))}cheapest ${cheapest}   (L Lambda, F Fargate, E EC2, M LMI)`,
  ].join("\n");
}
