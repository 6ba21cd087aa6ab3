/**
 * `estimate`'s flags for the billing lines beyond requests and duration, for the common
 * single-function cases (a scenario file describes every case; docs/estimate.md). Declarations
 * only: commander, the flag parsers and the limits, so start-up loads no pricing code.
 */
import type { Command } from "commander";
import { InvalidArgumentError } from "commander";
import {
  EXTRA_LINE_LIMITS as L,
  LAMBDA_LIMITS,
  type LimitRange,
} from "../../core/lambda-limits.js";
import { fraction, integerInRange, numberIn, oneOf, parseCount } from "../parse.js";

export interface EstimateLineFlags {
  runtime?: string;
  snapstartVersions?: number;
  snapstartHours?: number;
  snapstartRestores?: number;
  snapstartRestoreRate?: number;
  streamResponses?: number;
  streamResponseSize?: number;
  streamingFreeGib?: number;
  edge?: boolean;
  tenantEnvironments?: number;
  durableExecutions?: number;
  durableOperations?: number;
  durableDataKb?: number;
  durableRunningDays?: number;
  durableRetentionDays?: number;
  lmiInstanceType?: string;
  lmiInstanceHours?: number;
  lmiHourlyUsd?: number;
  logsGb?: number;
  logsClass?: "standard" | "infrequent-access";
  logsStoredGb?: number;
  eventPollers?: Array<{ source: "kafka" | "sqs"; epuHours: number }>;
}

const whole = ({ min, max, unit }: LimitRange) => integerInRange(min, max, unit);

const SIZE_KB: Record<string, number> = { kb: 1, kib: 1, mb: 1024, mib: 1024 };
const SIZE_RIGHT = "use a size such as 100KB or 7MB (KB = 1,024 bytes, as AWS counts them)";

/** A streamed response size, "7MB" or "100KB", in KB (KiB); at most 200 MB. */
export function parseResponseSizeKb(raw: string): number {
  const match = /^(.*?)\s*([a-z]+)$/i.exec(raw.trim());
  const factor = SIZE_KB[(match?.[2] ?? "").toLowerCase()];
  if (!match || factor === undefined) {
    throw new InvalidArgumentError(`"${raw}" has no unit; ${SIZE_RIGHT}`);
  }
  const limit = { ...L.responseKb, max: L.responseKb.max / factor, unit: match[2] ?? "" };
  return numberIn(limit)(match[1] ?? "") * factor;
}

const parseLogClass = oneOf(["standard", "infrequent-access"] as const);
const EVENT_POLLER_RIGHT = "use SOURCE:EPU_HOURS with SOURCE kafka or sqs, e.g. kafka:800";

/** `--event-pollers kafka:800`, repeatable: one entry per mapping or poller group. */
function parseEventPollers(
  raw: string,
  previous: EstimateLineFlags["eventPollers"] = [],
): NonNullable<EstimateLineFlags["eventPollers"]> {
  const [source, hours, ...rest] = raw.split(":");
  if ((source !== "kafka" && source !== "sqs") || hours === undefined || rest.length > 0) {
    throw new InvalidArgumentError(`"${raw}" is not an event-poller entry; ${EVENT_POLLER_RIGHT}`);
  }
  return [...previous, { source, epuHours: numberIn(L.epuHours)(hours) }];
}

export function addEstimateLineOptions(command: Command): Command {
  const hours = LAMBDA_LIMITS.hoursPerMonth;
  return command
    .option("--runtime <id>", "Lambda runtime, e.g. python3.12 (SnapStart is free for java*)")
    .option("--snapstart-restores <count>", "SnapStart: snapshot restores a month", parseCount)
    .option(
      "--snapstart-restore-rate <fraction>",
      "SnapStart: share of invocations that restore a snapshot, 0–1",
      fraction({ allowZero: true }),
    )
    .option(
      "--snapstart-versions <N>",
      "SnapStart: published versions (default: 1)",
      whole(L.snapStartVersions),
    )
    .option(
      "--snapstart-hours <H>",
      `SnapStart: hours each version is active, ${hours.min}–${hours.max} (default: 730; billed for at least 3)`,
      numberIn(hours),
    )
    .option(
      "--stream-response-size <size>",
      "response streaming: average response, e.g. 7MB (beyond 6 MB is billed)",
      parseResponseSizeKb,
    )
    .option(
      "--stream-responses <count>",
      "response streaming: streamed responses a month (default: --requests)",
      parseCount,
    )
    .option(
      "--streaming-free-gib <GiB>",
      "response-streaming GiB still free this month (default: 100, 0 with --no-free-tier)",
      numberIn(L.streamingFreeGib),
    )
    .option("--edge", "price as Lambda@Edge (its own rates, no free tier, x86_64)")
    .option(
      "--tenant-environments <count>",
      "tenant isolation: new execution environments a month",
      parseCount,
    )
    .option("--durable-executions <count>", "durable functions: executions a month", parseCount)
    .option(
      "--durable-operations <N>",
      "durable functions: operations per execution (start, steps, waits …)",
      whole(L.durableOperationsPerExecution),
    )
    .option(
      "--durable-data-kb <KB>",
      "durable functions: KB written per execution (1 GB = 1,000,000 KB)",
      numberIn(L.durableDataKbPerExecution),
    )
    .option(
      "--durable-running-days <days>",
      "durable functions: days an execution runs (default: 0)",
      numberIn(L.durableRunningDays),
    )
    .option(
      "--durable-retention-days <days>",
      "durable functions: retention after completion, 1–90 (default: 14)",
      numberIn(L.durableRetentionDays),
    )
    .option(
      "--lmi-instance-type <type>",
      "Lambda Managed Instances: EC2 instance type, e.g. m7g.xlarge",
    )
    .option(
      "--lmi-instance-hours <H>",
      "Lambda Managed Instances: instance-hours a month",
      numberIn(L.instanceHours),
    )
    .option(
      "--lmi-hourly-usd <USD>",
      "Lambda Managed Instances: the rate you pay per hour (default: on-demand)",
      numberIn(L.hourlyUsd),
    )
    .option("--logs-gb <GB>", "CloudWatch Logs: GB the function logs a month", numberIn(L.logsGb))
    .option(
      "--logs-class <class>",
      "CloudWatch Logs: standard or infrequent-access (default: standard)",
      parseLogClass,
    )
    .option(
      "--logs-stored-gb <GB>",
      "CloudWatch Logs: GB-months stored (default: 0)",
      numberIn(L.logsGb),
    )
    .option(
      "--event-pollers <source:hours>",
      "provisioned event source mapping EPU-hours, e.g. kafka:800 (repeatable)",
      parseEventPollers,
    );
}
