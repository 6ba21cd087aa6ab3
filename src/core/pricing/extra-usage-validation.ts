/**
 * Checks of the lines beyond requests and duration (./extra-usage.ts), so a library caller gets
 * the same one-line UsageError the CLI gives. Bounds are AWS's where it states one (durable
 * retention 1–90 days, a month's hours) and otherwise far above any real account, to keep every
 * quantity finite and exact.
 */
import { UsageError } from "../errors.js";
import { EXTRA_LINE_LIMITS as L, LAMBDA_LIMITS, type LimitRange } from "../lambda-limits.js";
import { billedEphemeralStorageMb } from "./ephemeral-storage.js";
import type { AccountUsage } from "./extra-usage.js";
import { EVENT_POLLER_SOURCES, type FunctionUsage, LOG_CLASSES } from "./types.js";

/** Lambda runtime identifiers: "python3.12", "java21", "dotnet8", "provided.al2023" … */
const RUNTIME = /^[a-z][a-z0-9.]{0,39}$/;

function fail(where: string, field: string, rule: string, value: unknown): never {
  throw new UsageError(`${where}${field} must be ${rule}; got ${JSON.stringify(value)}`);
}

const FRACTION: LimitRange = { min: 0, max: 1, unit: "" };

function numberIn(where: string, field: string, value: number, { min, max }: LimitRange) {
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max) {
    fail(where, field, `a number from ${min} to ${max}`, value);
  }
}

function wholeIn(where: string, field: string, value: number, min: number, max: number) {
  if (!Number.isInteger(value) || value < min || value > max) {
    fail(where, field, `a whole number from ${min} to ${max}`, value);
  }
}

function count(where: string, field: string, value: number) {
  wholeIn(where, field, value, 0, LAMBDA_LIMITS.monthlyRequests.max);
}

function notWith(where: string, field: string, other: string, why: string): never {
  throw new UsageError(`${where}${field} cannot be combined with ${other} (${why})`);
}

function checkCombinations(usage: FunctionUsage, where: string): void {
  const bigStorage = billedEphemeralStorageMb(usage.ephemeralStorageMb) > 0;
  if (usage.snapStart) {
    if (usage.provisioned)
      notWith(
        where,
        "snapStart",
        "provisioned",
        "SnapStart does not support provisioned concurrency",
      );
    if (bigStorage)
      notWith(
        where,
        "snapStart",
        "ephemeralStorageMb above 512",
        "SnapStart does not support more than 512 MB of ephemeral storage",
      );
  }
  if (usage.edge) {
    if (usage.architecture !== "x86_64")
      notWith(
        where,
        "edge",
        `architecture ${usage.architecture}`,
        "Lambda@Edge runs on x86_64 only",
      );
    if (usage.provisioned)
      notWith(where, "edge", "provisioned", "Lambda@Edge has no provisioned concurrency");
    if (usage.coldStartRate !== undefined)
      notWith(
        where,
        "edge",
        "coldStartRate",
        "give Lambda@Edge INIT time inside the average duration",
      );
    if (bigStorage)
      notWith(
        where,
        "edge",
        "ephemeralStorageMb above 512",
        "the table has no Lambda@Edge storage price",
      );
    if (usage.snapStart) notWith(where, "edge", "snapStart", "Lambda@Edge has no SnapStart");
  }
  if (usage.managedInstances) {
    const clash = (
      [
        ["provisioned", usage.provisioned],
        ["edge", usage.edge],
        ["snapStart", usage.snapStart],
        ["coldStartRate", usage.coldStartRate],
        ["tenantIsolation", usage.tenantIsolation],
        ["ephemeralStorageMb above 512", bigStorage || undefined],
      ] as const
    ).find(([, value]) => value !== undefined && value !== false);
    if (clash)
      notWith(
        where,
        "managedInstances",
        clash[0],
        "a Managed Instances function is billed by its instances, not per invocation",
      );
  }
}

/**
 * Throws UsageError on the first invalid extra field of one function (`where` prefixes it).
 *
 * @example
 * validateExtraUsage({ …, architecture: "arm64", edge: true }, "api: ");
 * // throws: api: edge cannot be combined with architecture arm64 (Lambda@Edge runs on x86_64 only)
 */
export function validateExtraUsage(usage: FunctionUsage, where: string): void {
  if (
    usage.runtime !== undefined &&
    (typeof usage.runtime !== "string" || !RUNTIME.test(usage.runtime))
  ) {
    fail(
      where,
      "runtime",
      'a Lambda runtime identifier such as "python3.12" or "java21"',
      usage.runtime,
    );
  }
  const { snapStart, streaming, tenantIsolation, durable, managedInstances, logs } = usage;
  if (snapStart) {
    const { snapStartVersions: versions } = L;
    wholeIn(where, "snapStart.versions", snapStart.versions, versions.min, versions.max);
    numberIn(where, "snapStart.activeHours", snapStart.activeHours, LAMBDA_LIMITS.hoursPerMonth);
    if ((snapStart.restores === undefined) === (snapStart.restoreRate === undefined)) {
      throw new UsageError(
        `${where}snapStart needs exactly one of restores (a count) or restoreRate (0–1)`,
      );
    }
    if (snapStart.restores !== undefined) count(where, "snapStart.restores", snapStart.restores);
    if (snapStart.restoreRate !== undefined)
      numberIn(where, "snapStart.restoreRate", snapStart.restoreRate, FRACTION);
  }
  if (streaming) {
    if (!Array.isArray(streaming.responseGroups) || streaming.responseGroups.length === 0) {
      fail(where, "streaming.responseGroups", "a non-empty list", streaming.responseGroups);
    }
    streaming.responseGroups.forEach((group, i) => {
      count(where, `streaming.responseGroups[${i}].responses`, group.responses);
      const field = `streaming.responseGroups[${i}].averageResponseKb`;
      numberIn(where, field, group.averageResponseKb, L.responseKb);
    });
  }
  if (tenantIsolation)
    count(where, "tenantIsolation.newEnvironments", tenantIsolation.newEnvironments);
  if (durable) {
    count(where, "durable.executions", durable.executions);
    const ops = L.durableOperationsPerExecution;
    wholeIn(
      where,
      "durable.operationsPerExecution",
      durable.operationsPerExecution,
      ops.min,
      ops.max,
    );
    numberIn(
      where,
      "durable.dataWrittenKbPerExecution",
      durable.dataWrittenKbPerExecution,
      L.durableDataKbPerExecution,
    );
    numberIn(where, "durable.runningDays", durable.runningDays, L.durableRunningDays);
    numberIn(where, "durable.retentionDays", durable.retentionDays, L.durableRetentionDays);
  }
  if (managedInstances) {
    if (typeof managedInstances.instanceType !== "string" || managedInstances.instanceType === "") {
      fail(
        where,
        "managedInstances.instanceType",
        'an EC2 instance type such as "m7g.xlarge"',
        managedInstances.instanceType,
      );
    }
    numberIn(
      where,
      "managedInstances.instanceHours",
      managedInstances.instanceHours,
      L.instanceHours,
    );
    if (managedInstances.hourlyUsd !== undefined) {
      numberIn(where, "managedInstances.hourlyUsd", managedInstances.hourlyUsd, L.hourlyUsd);
    }
  }
  if (logs) {
    numberIn(where, "logs.ingestedGb", logs.ingestedGb, L.logsGb);
    numberIn(where, "logs.storedGb", logs.storedGb, L.logsGb);
    if (!(LOG_CLASSES as readonly string[]).includes(logs.logClass)) {
      fail(where, "logs.logClass", `one of ${LOG_CLASSES.join(", ")}`, logs.logClass);
    }
  }
  checkCombinations(usage, where);
}

/**
 * Throws UsageError on the first invalid account-wide field.
 *
 * @example
 * validateAccountUsage({ eventPollers: [{ region: "us-east-1", source: "kinesis", epuHours: 1 }] });
 * // throws: eventPollers[0].source must be one of kafka, sqs; got "kinesis"
 */
export function validateAccountUsage(account: AccountUsage | undefined): void {
  if (!account) return;
  if (account.streamingFreeGib !== undefined) {
    numberIn("", "streamingFreeGiB", account.streamingFreeGib, L.streamingFreeGib);
  }
  (account.eventPollers ?? []).forEach((poller, i) => {
    if (!(EVENT_POLLER_SOURCES as readonly string[]).includes(poller.source)) {
      fail(
        "",
        `eventPollers[${i}].source`,
        `one of ${EVENT_POLLER_SOURCES.join(", ")}`,
        poller.source,
      );
    }
    numberIn("", `eventPollers[${i}].epuHours`, poller.epuHours, L.epuHours);
  });
}
