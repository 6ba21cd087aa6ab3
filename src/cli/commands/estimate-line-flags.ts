/**
 * The extra-line flags of `estimate` (./estimate-line-options.ts) as one function's usage and
 * the account's: the flags that only make sense together are checked here, one message each.
 * Loaded lazily with the rest of the estimate run.
 */
import { UsageError } from "../../core/errors.js";
import type { AccountUsage } from "../../core/pricing/extra-usage.js";
import type { FunctionUsage } from "../../core/pricing/types.js";
import type { EstimateLineFlags } from "./estimate-line-options.js";

/** Every extra-line flag, by its key, for messages and the --scenario clash check. */
export const LINE_FLAGS: Array<[keyof EstimateLineFlags, string]> = [
  ["runtime", "--runtime"],
  ["snapstartRestores", "--snapstart-restores"],
  ["snapstartRestoreRate", "--snapstart-restore-rate"],
  ["snapstartVersions", "--snapstart-versions"],
  ["snapstartHours", "--snapstart-hours"],
  ["streamResponseSize", "--stream-response-size"],
  ["streamResponses", "--stream-responses"],
  ["streamingFreeGib", "--streaming-free-gib"],
  ["edge", "--edge"],
  ["tenantEnvironments", "--tenant-environments"],
  ["durableExecutions", "--durable-executions"],
  ["durableOperations", "--durable-operations"],
  ["durableDataKb", "--durable-data-kb"],
  ["durableRunningDays", "--durable-running-days"],
  ["durableRetentionDays", "--durable-retention-days"],
  ["lmiInstanceType", "--lmi-instance-type"],
  ["lmiInstanceHours", "--lmi-instance-hours"],
  ["lmiHourlyUsd", "--lmi-hourly-usd"],
  ["logsGb", "--logs-gb"],
  ["logsClass", "--logs-class"],
  ["logsStoredGb", "--logs-stored-gb"],
  ["eventPollers", "--event-pollers"],
];

const flagName = (key: keyof EstimateLineFlags) =>
  LINE_FLAGS.find(([k]) => k === key)?.[1] ?? String(key);

/** Throws when a flag of a group is given without the ones the group needs. */
function needs(
  flags: EstimateLineFlags,
  group: Array<keyof EstimateLineFlags>,
  required: Array<keyof EstimateLineFlags>,
  example: string,
): boolean {
  const given = group.find((key) => flags[key] !== undefined);
  if (given === undefined) return false;
  const missing = required.filter((key) => flags[key] === undefined);
  if (missing.length > 0) {
    throw new UsageError(
      `${flagName(given)} needs ${missing.map(flagName).join(" and ")} too (e.g. ${example})`,
    );
  }
  return true;
}

export function lineUsageFromFlags(
  flags: EstimateLineFlags,
  region: string,
  requests: number,
): { usage: Partial<FunctionUsage>; account: AccountUsage } {
  const usage: Partial<FunctionUsage> = {};
  if (flags.runtime !== undefined) usage.runtime = flags.runtime;
  if (flags.edge) usage.edge = true;
  const snap = [
    "snapstartRestores",
    "snapstartRestoreRate",
    "snapstartVersions",
    "snapstartHours",
  ] as const;
  if (snap.some((key) => flags[key] !== undefined)) {
    if ((flags.snapstartRestores === undefined) === (flags.snapstartRestoreRate === undefined)) {
      throw new UsageError(
        "SnapStart needs exactly one of --snapstart-restores or --snapstart-restore-rate (e.g. --snapstart-restore-rate 0.01)",
      );
    }
    usage.snapStart = {
      versions: flags.snapstartVersions ?? 1,
      activeHours: flags.snapstartHours ?? 730,
      restores: flags.snapstartRestores,
      restoreRate: flags.snapstartRestoreRate,
    };
  }
  if (
    needs(
      flags,
      ["streamResponses", "streamResponseSize"],
      ["streamResponseSize"],
      "--stream-response-size 7MB",
    )
  ) {
    const responses = flags.streamResponses ?? requests;
    usage.streaming = {
      responseGroups: [{ responses, averageResponseKb: flags.streamResponseSize as number }],
    };
  }
  if (flags.tenantEnvironments !== undefined) {
    usage.tenantIsolation = { newEnvironments: flags.tenantEnvironments };
  }
  const durable = [
    "durableExecutions",
    "durableOperations",
    "durableDataKb",
    "durableRunningDays",
    "durableRetentionDays",
  ] as const;
  if (
    needs(
      flags,
      [...durable],
      ["durableExecutions", "durableOperations", "durableDataKb"],
      "--durable-executions 1M --durable-operations 4 --durable-data-kb 104",
    )
  ) {
    usage.durable = {
      executions: flags.durableExecutions as number,
      operationsPerExecution: flags.durableOperations as number,
      dataWrittenKbPerExecution: flags.durableDataKb as number,
      runningDays: flags.durableRunningDays ?? 0,
      retentionDays: flags.durableRetentionDays ?? 14,
    };
  }
  if (
    needs(
      flags,
      ["lmiInstanceType", "lmiInstanceHours", "lmiHourlyUsd"],
      ["lmiInstanceType", "lmiInstanceHours"],
      "--lmi-instance-type m7g.xlarge --lmi-instance-hours 2000",
    )
  ) {
    usage.managedInstances = {
      instanceType: flags.lmiInstanceType as string,
      instanceHours: flags.lmiInstanceHours as number,
      hourlyUsd: flags.lmiHourlyUsd,
    };
  }
  if (needs(flags, ["logsGb", "logsClass", "logsStoredGb"], ["logsGb"], "--logs-gb 500")) {
    usage.logs = {
      ingestedGb: flags.logsGb as number,
      logClass: flags.logsClass === "infrequent-access" ? "infrequentAccess" : "standard",
      storedGb: flags.logsStoredGb ?? 0,
    };
  }
  const account: AccountUsage = {
    eventPollers: (flags.eventPollers ?? []).map((p) => ({ region, ...p })),
    ...(flags.streamingFreeGib === undefined ? {} : { streamingFreeGib: flags.streamingFreeGib }),
  };
  return { usage, account };
}
