/**
 * `crossover --format csv`: one table, one header. `kind` says what a row is: the asked volume
 * ("volume"), a sweep volume ("sweep"), a break-even ("break-even-fargate", "break-even-ec2",
 * "break-even-lmi"), or a line of text ("assumption", "caveat") in `note`. The LMI columns come
 * last, after `note`, so readers of the older columns are unaffected. Money is exact.
 */

import type { SweepRow } from "../core/crossover/crossover.js";
import type { BreakEven } from "../core/crossover/types.js";
import { type Decimal, toPlainString } from "../core/money/index.js";
import type { CrossoverReport } from "./crossover-report.js";
import { toCsv } from "./csv.js";

export const CROSSOVER_CSV_COLUMNS = [
  "kind",
  "monthlyRequests",
  "averageRps",
  "lambda",
  "fargate",
  "fargateTasks",
  "ec2",
  "ec2InstanceType",
  "ec2Instances",
  "cheapest",
  "note",
  "managedInstances",
  "managedInstancesType",
  "managedInstancesCount",
] as const;

const plain = (d: Decimal | null) => (d === null ? "" : toPlainString(d));
const rate = (d: Decimal | null) => (d === null ? "" : toPlainString(d.toDecimalPlaces(6)));

function volumeRow(kind: string, row: SweepRow): string[] {
  return [
    kind,
    String(row.monthlyRequests),
    rate(row.averageRps),
    plain(row.lambda),
    plain(row.fargate),
    String(row.fargateTasks),
    plain(row.ec2),
    row.ec2InstanceType ?? "",
    row.ec2Instances === null ? "" : String(row.ec2Instances),
    row.cheapest,
    "",
    plain(row.managedInstances),
    row.managedInstancesType ?? "",
    row.managedInstancesCount === null ? "" : String(row.managedInstancesCount),
  ];
}

function breakEvenRow(kind: string, b: BreakEven): string[] {
  const n = b.requestsPerMonth === null ? "" : String(b.requestsPerMonth);
  const note =
    b.status === "never"
      ? "never below 1e12 requests a month"
      : `${b.status}; no dearer at every volume up to 10B from ${b.steadyFromRequestsPerMonth ?? "none"}`;
  const type = b.instanceType ?? "";
  // An instance type goes in the column of its option: EC2's, or LMI's after `note`.
  return kind === "break-even-lmi"
    ? [kind, n, rate(b.averageRps), "", "", "", "", "", "", "", note, "", type, ""]
    : [kind, n, rate(b.averageRps), "", "", "", "", type, "", "", note, "", "", ""];
}

const textRow = (kind: string, note: string) => [
  kind,
  ...Array.from({ length: 9 }, () => ""),
  note,
  "",
  "",
  "",
];

export function renderCrossoverCsv({ result: r }: CrossoverReport): string {
  const asked: SweepRow = {
    monthlyRequests: r.input.monthlyRequests,
    averageRps: r.averageRps,
    lambda: r.lambda.monthlyCost,
    fargate: r.fargate.monthlyCost,
    fargateTasks: r.fargate.tasks,
    ec2: r.ec2.monthlyCost,
    ec2InstanceType: r.ec2.instanceType,
    ec2Instances: r.ec2.instances,
    managedInstances: r.managedInstances.monthlyCost,
    managedInstancesType: r.managedInstances.instanceType,
    managedInstancesCount: r.managedInstances.instances,
    cheapest: r.cheapest,
  };
  const rows = [
    [...CROSSOVER_CSV_COLUMNS],
    volumeRow("volume", asked),
    breakEvenRow("break-even-fargate", r.fargate.breakEven),
    ...(r.ec2.unavailable
      ? [textRow("break-even-ec2", r.ec2.unavailable)]
      : [breakEvenRow("break-even-ec2", r.ec2.breakEven)]),
    ...(r.managedInstances.unavailable
      ? [textRow("break-even-lmi", r.managedInstances.unavailable)]
      : [breakEvenRow("break-even-lmi", r.managedInstances.breakEven)]),
    ...r.sweep.map((row) => volumeRow("sweep", row)),
    ...r.assumptions.map((a) => textRow("assumption", a)),
    ...r.caveats.map((c) => textRow("caveat", c)),
  ];
  return toCsv(rows);
}
