/** `crossover --format table` (the default): costs at the asked volume, break-even, sweep, chart. */
import Table from "cli-table3";
import type { CrossoverResult } from "../core/crossover/crossover.js";
import { formatUsd } from "../core/money/index.js";
import type { CrossoverReport } from "./crossover.js";
import { renderCrossoverChart } from "./crossover-chart.js";
import { compactCount, describeBreakEven, grouped } from "./crossover-format.js";

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
/** No rule between body rows: the tables stay readable and half as tall. */
const COMPACT = { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" };

function summaryTable(r: CrossoverResult): string {
  const table = new Table({
    head: ["Option", "Configuration", "Fleet", "Monthly cost", "No dearer than Lambda from"],
    style: { head: [], border: [] },
    chars: COMPACT,
    // Break-even sentences wrap instead of pushing the table past a terminal's width.
    colWidths: [null, null, null, null, 52],
    wordWrap: true,
    colAligns: ["left", "left", "right", "right", "left"],
  });
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
  return table.toString();
}

function sweepTable(r: CrossoverResult): string {
  const table = new Table({
    head: [
      "Requests/month",
      "Avg rps",
      "Lambda",
      "Fargate (tasks)",
      "EC2 (instances)",
      "LMI (instances)",
      "Cheapest",
    ],
    style: { head: [], border: [] },
    chars: COMPACT,
    colAligns: ["right", "right", "right", "right", "right", "right", "left"],
  });
  for (const row of r.sweep) {
    const star = (option: keyof typeof NAMES) => (row.cheapest === option ? "*" : " ");
    table.push([
      compactCount(row.monthlyRequests),
      row.averageRps.toDecimalPlaces(1).toFixed(1),
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
  return table.toString();
}

/** The three LMI bill lines, so the fee and the request charge are visible. */
function lmiBreakdown(r: CrossoverResult): string[] {
  const m = r.managedInstances;
  if (m.instanceCost === null || m.managementFee === null || m.requestCost === null) return [];
  return [
    `LMI ${m.instanceType}: instances ${formatUsd(m.instanceCost)} + management fee ${formatUsd(m.managementFee)} + requests ${formatUsd(m.requestCost)}`,
  ];
}

export function renderCrossoverTable({ result: r, color }: CrossoverReport): string {
  const out = [
    `Lambda vs LMI and containers at ${grouped(r.input.monthlyRequests)} requests a month (${r.averageRps.toDecimalPlaces(2).toFixed(2)} rps average) in ${r.input.region}, USD a month; * cheapest`,
    `Work: ${r.cpuSecondsPerRequest.toDecimalPlaces(6).toFixed()} vCPU-s a request → ${r.vcpusNeeded.toDecimalPlaces(3).toFixed()} vCPUs at the peak`,
    summaryTable(r),
    ...lmiBreakdown(r),
    "",
    "Sweep (* cheapest):",
    sweepTable(r),
    "",
    renderCrossoverChart(r, color),
    "",
    "Assumptions:",
    ...r.assumptions.map((a) => `- ${a}`),
  ];
  if (r.caveats.length > 0) out.push("Caveats:", ...r.caveats.map((c) => `- ${c}`));
  return `${out.join("\n")}\n`;
}
