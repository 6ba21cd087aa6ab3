/**
 * AWS Lambda's limits, in one place: every flag parser, scenario schema, validator and the
 * emulator read them from here. Dependency-free on purpose, so the CLI's flag declarations
 * can import it without loading the pricing engine.
 *
 * Sources (read 2026-11):
 * - Lambda quotas, https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html:
 *   memory 128–10,240 MB, ephemeral storage (/tmp) 512–10,240 MB, timeout 900 s,
 *   invocation payload 6 MB (synchronous).
 * - Execution environment lifecycle,
 *   https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html: the INIT
 *   phase of an on-demand environment is limited to 10 s (a longer one is retried inside the
 *   first invocation, under the function's timeout, and billed as its duration).
 * - Pricing, https://aws.amazon.com/lambda/pricing/: duration is billed per 1 ms, rounded up,
 *   so an invocation bills at least 1 ms.
 * - Defaults when a function sets nothing: memory 128 MB
 *   (https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html), timeout 3 s
 *   (https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html), ephemeral storage
 *   512 MB (https://docs.aws.amazon.com/lambda/latest/dg/configuration-ephemeral-storage.html).
 * - CPU: in proportion to memory, one full vCPU at 1,769 MB (configuration-memory.html above),
 *   up to 6 vCPUs at 10,240 MB (https://aws.amazon.com/about-aws/whats-new/2020/12/aws-lambda-supports-10gb-memory-6-vcpu-cores-lambda-functions/).
 */

/** An inclusive range with its unit, e.g. `{ min: 128, max: 10240, unit: "MB" }`. */
export interface LimitRange {
  readonly min: number;
  readonly max: number;
  readonly unit: string;
}

export const LAMBDA_LIMITS = {
  /** Configured memory, whole MB. */
  memoryMb: { min: 128, max: 10_240, unit: "MB" },
  /** Configured ephemeral storage (/tmp), whole MB; the first 512 MB are free. */
  ephemeralStorageMb: { min: 512, max: 10_240, unit: "MB" },
  /** One on-demand invocation: at least the 1 ms billing unit, at most the 900 s timeout. */
  durationMs: { min: 1, max: 900_000, unit: "ms" },
  /** One on-demand INIT phase. */
  initDurationMs: { min: 0, max: 10_000, unit: "ms" },
  /** The function timeout, whole seconds. */
  timeoutS: { min: 1, max: 900, unit: "s" },
  /** Provisioned concurrency on one function (the per-region quota can be raised far above). */
  provisionedConcurrency: { min: 1, max: 1_000_000, unit: "environments" },
  /** Hours PC can be enabled in one month: the longest month has 31 × 24. */
  hoursPerMonth: { min: 0, max: 744, unit: "h" },
  /**
   * Invocations in one month. No quota states it; this bound is far above what any account
   * could be billed for (1,000,000 concurrent environments × 1,000 requests a second each for
   * 31 days is 2.7e15) and keeps every count an exact integer (below 2^53).
   */
  monthlyRequests: { min: 0, max: 3e15, unit: "requests" },
  /** Synchronous invocation payload, bytes (6 MB). */
  payloadBytes: { min: 0, max: 6 * 1024 * 1024, unit: "bytes" },
} as const satisfies Record<string, LimitRange>;

/**
 * Bounds of the billing lines beyond requests and duration (estimate's SnapStart, streaming,
 * durable, Managed Instances, logs and event-poller inputs). AWS's where it states one — durable
 * retention 1–90 days (https://aws.amazon.com/lambda/pricing/), streamed responses up to 200 MB
 * (Lambda quotas) — otherwise far above any account's month, so every quantity stays finite.
 */
export const EXTRA_LINE_LIMITS = {
  snapStartVersions: { min: 1, max: 100_000, unit: "versions" },
  responseKb: { min: 0, max: 200 * 1024, unit: "KB" },
  durableOperationsPerExecution: { min: 0, max: 1_000_000, unit: "operations" },
  durableDataKbPerExecution: { min: 0, max: 1e9, unit: "KB" },
  durableRunningDays: { min: 0, max: 366, unit: "days" },
  durableRetentionDays: { min: 1, max: 90, unit: "days" },
  instanceHours: { min: 0, max: 1e12, unit: "instance-hours" },
  hourlyUsd: { min: 0, max: 1000, unit: "USD" },
  logsGb: { min: 0, max: 1e12, unit: "GB" },
  epuHours: { min: 0, max: 1e12, unit: "EPU-hours" },
  streamingFreeGib: { min: 0, max: 1_000_000, unit: "GiB" },
} as const satisfies Record<string, LimitRange>;

/** What Lambda configures when a function (or an API response) leaves a field out. */
export const LAMBDA_DEFAULTS = {
  memoryMb: LAMBDA_LIMITS.memoryMb.min,
  ephemeralStorageMb: LAMBDA_LIMITS.ephemeralStorageMb.min,
  timeoutS: 3,
} as const;

/** Lambda's CPU: memory / 1,769 MB of a vCPU, at most 6 vCPUs. */
export const LAMBDA_CPU = { mbPerVcpu: 1769, maxVcpus: 6 } as const;

/** `within(LAMBDA_LIMITS.memoryMb, 64)` is false. */
export function within(range: LimitRange, value: number): boolean {
  return Number.isFinite(value) && value >= range.min && value <= range.max;
}
