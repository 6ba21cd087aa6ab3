/** `crossover --format table` (the default): costs at the asked volume, break-even, sweep, chart. */
import type { CrossoverResult } from "../core/crossover/crossover.js";
import { formatCount, formatUsd, groupDigits, roundTo } from "../core/money/index.js";
import { renderCrossoverChart } from "./crossover-chart.js";
import { compactCount, describeBreakEven } from "./crossover-format.js";
import type { CrossoverReport } from "./crossover-report.js";
import type { RenderOptions } from "./format.js";
import { renderTable, wrapProse } from "./text-table.js";

const NAMES = {
  lambda: "Lambda",
  managedInstances: "LMI",
  fargate: "Fargate",
  ec2: "EC2",
} as const;
/** What set the LMI fleet's size, in the table's words. */
const SIZED_BY = {
  cpu: "CPU",
  concurrency: "concurrency limit",
  minimum: "minimum",
  given: "as given",
} as const;

function summaryTable(r: CrossoverResult, maxWidth: number): string {
  const table: string[][] = [];
  const i = r.input;
  const mark = (option: keyof typeof NAMES) => (r.cheapest === option ? " *" : "");
  table.push([
    `Lambda${mark("lambda")}`,
    `${i.memoryMb} MB ${i.architecture}, ${i.durationMs} ms`,
    "",
    formatUsd(r.lambda.monthlyCost),
    "",
  ]);
  const lmi = r.managedInstances;
  if (lmi.unavailable || lmi.monthlyCost === null) {
    table.push(["LMI", "no prices for this region", "", "", ""]);
  } else {
    table.push([
      `LMI${mark("managedInstances")}`,
      `${lmi.instanceType}, cheapest of ${lmi.candidates.length}, ${lmi.runtime}`,
      `${lmi.instances} instances (${SIZED_BY[lmi.sizedBy ?? "given"]})`,
      formatUsd(lmi.monthlyCost),
      describeBreakEven(lmi.breakEven),
    ]);
  }
  table.push([
    `Fargate${mark("fargate")}`,
    `${r.fargate.task} ${r.fargate.architecture}${r.fargate.spot ? " Spot" : ""}`,
    `${r.fargate.tasks} tasks`,
    formatUsd(r.fargate.monthlyCost),
    describeBreakEven(r.fargate.breakEven),
  ]);
  if (r.ec2.unavailable || r.ec2.monthlyCost === null) {
    table.push(["EC2", "no prices for this region", "", "", ""]);
  } else {
    table.push([
      `EC2${mark("ec2")}`,
      `${r.ec2.instanceType}, cheapest of ${r.ec2.candidates.length}`,
      `${r.ec2.instances} instances`,
      formatUsd(r.ec2.monthlyCost),
      describeBreakEven(r.ec2.breakEven),
    ]);
  }
  return renderTable(
    [
      { head: "Option" },
      { head: "Configuration" },
      { head: "Fleet", align: "right" },
      { head: "Monthly cost", align: "right" },
      // Break-even sentences wrap instead of pushing the table wide, even in a file.
      { head: "No dearer than Lambda from", wrapAt: 50 },
    ],
    table,
    { maxWidth },
  );
}

function sweepTable(r: CrossoverResult, maxWidth: number): string {
  const table: string[][] = [];
  for (const row of r.sweep) {
    const star = (option: keyof typeof NAMES) => (row.cheapest === option ? "*" : " ");
    table.push([
      compactCount(row.monthlyRequests),
      groupDigits(roundTo(row.averageRps, 1).toFixed(1)),
      `${formatUsd(row.lambda)}${star("lambda")}`,
      `${formatUsd(row.fargate)} (${row.fargateTasks})${star("fargate")}`,
      row.ec2 === null
        ? "-"
        : `${formatUsd(row.ec2)} (${row.ec2Instances} ${row.ec2InstanceType})${star("ec2")}`,
      row.managedInstances === null
        ? "-"
        : `${formatUsd(row.managedInstances)} (${row.managedInstancesCount} ${row.managedInstancesType})${star("managedInstances")}`,
      NAMES[row.cheapest],
    ]);
  }
  return renderTable(
    [
      { head: "Requests/month", align: "right" },
      { head: "Avg rps", align: "right" },
      { head: "Lambda", align: "right" },
      { head: "Fargate (tasks)", align: "right" },
      { head: "EC2 (instances)", align: "right" },
      { head: "LMI (instances)", align: "right" },
      { head: "Cheapest" },
    ],
    table,
    { maxWidth },
  );
}

/** The three LMI bill lines, so the fee and the request charge are visible. */
function lmiBreakdown(r: CrossoverResult): string[] {
  const m = r.managedInstances;
  if (m.instanceCost === null || m.managementFee === null || m.requestCost === null) return [];
  return [
    `LMI ${m.instanceType}: instances ${formatUsd(m.instanceCost)} + management fee ${formatUsd(m.managementFee)} + requests ${formatUsd(m.requestCost)}`,
  ];
}

export function renderCrossoverTable(
  { result: r, color }: CrossoverReport,
  options: RenderOptions = {},
): string {
  const maxWidth = options.maxWidth ?? Number.POSITIVE_INFINITY;
  const prose = (text: string) => wrapProse(text, maxWidth);
  const out = [
    prose(
      `Lambda vs LMI and containers at ${formatCount(r.input.monthlyRequests)} requests a month (${r.averageRps.toDecimalPlaces(2).toFixed(2)} rps average) in ${r.input.region}, USD a month; * cheapest`,
    ),
    prose(
      `Work: ${r.cpuSecondsPerRequest.toDecimalPlaces(6).toFixed()} vCPU-s a request → ${r.vcpusNeeded.toDecimalPlaces(3).toFixed()} vCPUs at the peak`,
    ),
    summaryTable(r, maxWidth),
    ...lmiBreakdown(r).map(prose),
    "",
    "Sweep (* cheapest):",
    sweepTable(r, maxWidth),
    "",
    prose(renderCrossoverChart(r, color)),
    "",
    "Assumptions:",
    ...r.assumptions.map((a) => prose(`- ${a}`)),
  ];
  if (r.caveats.length > 0) out.push("Caveats:", ...r.caveats.map((c) => prose(`- ${c}`)));
  return `${out.join("\n")}\n`;
}
