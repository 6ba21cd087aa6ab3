/**
 * What a function (or the account) consumes on the lines beyond requests and duration: the
 * optional parts of a FunctionUsage and the account-wide usage of an estimate. Quantities are
 * plain numbers as a user gives them; the pricing turns them into exact Decimals.
 */
export const EVENT_POLLER_SOURCES = ["kafka", "sqs"] as const;
export type EventPollerSource = (typeof EVENT_POLLER_SOURCES)[number];
export const LOG_CLASSES = ["standard", "infrequentAccess"] as const;
export type LogClass = (typeof LOG_CLASSES)[number];

/** SnapStart for one function: its published versions and how often a snapshot is restored. */
export interface SnapStartUsage {
  /** Published versions with SnapStart on, each caching its own snapshot. */
  versions: number;
  /** Hours each version is active this month (billed for at least 3). */
  activeHours: number;
  /** Snapshot restores (new execution environments) a month; or give restoreRate. */
  restores?: number | undefined;
  /** Share (0–1) of the function's on-demand invocations that restore a snapshot. */
  restoreRate?: number | undefined;
}

/** Responses of one average size (KB = KiB, 1,024 bytes, as in AWS's streaming example). */
export interface StreamingResponseGroup {
  responses: number;
  averageResponseKb: number;
}

export interface StreamingUsage {
  responseGroups: StreamingResponseGroup[];
}

export interface TenantIsolationUsage {
  /** Tenant-isolated execution environments Lambda creates this month. */
  newEnvironments: number;
}

/**
 * Durable functions. Data is in decimal units (1 GB = 1,000,000 KB) and retention in 30-day
 * months, as in AWS's worked example.
 */
export interface DurableUsage {
  executions: number;
  /** Durable operations per execution (start, each step, each wait, callbacks …). */
  operationsPerExecution: number;
  /** Data written by the operations of one execution (payloads and checkpoints), KB. */
  dataWrittenKbPerExecution: number;
  /** Days the data is kept while the execution runs (e.g. a 7-day wait). */
  runningDays: number;
  /** Days the data is kept after the execution completes (AWS: 1–90, default 14). */
  retentionDays: number;
}

/** Lambda Managed Instances: the function runs on EC2 instances Lambda manages. */
export interface ManagedInstancesFunctionUsage {
  instanceType: string;
  /** Instance-hours this month across the capacity provider's instances. */
  instanceHours: number;
  /** What the account pays per instance-hour (Savings Plan, RI); default: the on-demand price. */
  hourlyUsd?: number | undefined;
}

/** CloudWatch Logs written by the function this month. */
export interface LogsUsage {
  ingestedGb: number;
  logClass: LogClass;
  /** GB-months of log storage billed this month (0 when retention keeps nothing). */
  storedGb: number;
}

/** Event pollers of a provisioned-mode event source mapping (or a poller group). */
export interface EventPollerUsage {
  region: string;
  source: EventPollerSource;
  epuHours: number;
}

/** Account-wide usage of an estimate, beside its functions. */
export interface AccountUsage {
  eventPollers?: EventPollerUsage[] | undefined;
  /**
   * Response-streaming GiB still free this month for the account (AWS: 100; 0 when other
   * functions use it). Default: the table's allowance with the free tier on, 0 with it off.
   */
  streamingFreeGib?: number | undefined;
}
