/**
 * Checks one FunctionUsage before it is priced, so a library caller gets the same one-line
 * UsageError the CLI gives, against Lambda's limits (../lambda-limits.ts).
 */
import { UsageError } from "../errors.js";
import { LAMBDA_LIMITS, type LimitRange } from "../lambda-limits.js";
import { validateExtraUsage } from "./extra-usage-validation.js";
import { ARCHITECTURES, type FunctionUsage } from "./types.js";

// Kept for the package API; the values live in ../lambda-limits.ts.
export const MEMORY_MB_MIN = LAMBDA_LIMITS.memoryMb.min;
export const MEMORY_MB_MAX = LAMBDA_LIMITS.memoryMb.max;
export const EPHEMERAL_STORAGE_MB_MIN = LAMBDA_LIMITS.ephemeralStorageMb.min;
export const EPHEMERAL_STORAGE_MB_MAX = LAMBDA_LIMITS.ephemeralStorageMb.max;
/** The longest month (31 days); PC cannot be enabled for more hours than that. */
export const HOURS_PER_MONTH_MAX = LAMBDA_LIMITS.hoursPerMonth.max;

function fail(where: string, field: string, rule: string, value: unknown): never {
  throw new UsageError(`${where}${field} must be ${rule}; got ${JSON.stringify(value)}`);
}

function wholeInRange(where: string, field: string, value: number, min: number, max: number) {
  if (!Number.isInteger(value) || value < min || value > max) {
    fail(where, field, `a whole number from ${min} to ${max}`, value);
  }
}

/** A whole count of invocations, at most what AWS could bill in a month. */
function count(where: string, field: string, value: number) {
  const { min, max } = LAMBDA_LIMITS.monthlyRequests;
  wholeInRange(where, field, value, min, max);
}

/**
 * An average invocation duration: at most the 900 s timeout, and at least the 1 ms Lambda bills
 * whenever there are invocations to bill (with none, the duration prices nothing).
 */
function duration(where: string, field: string, value: number, requests: number) {
  const { min, max }: LimitRange = LAMBDA_LIMITS.durationMs;
  const low = requests > 0 ? min : 0;
  if (!Number.isFinite(value) || value < low || value > max) {
    fail(where, field, `a number of ms from ${low} to ${max}`, value);
  }
}

/**
 * Throws UsageError on the first invalid field.
 *
 * @example
 * validateUsage({ region: "us-east-1", architecture: "x86_64", memoryMb: 64, monthlyRequests: 1, averageDurationMs: 1 });
 * // throws: memoryMb must be a whole number from 128 to 10240; got 64
 */
export function validateUsage(usage: FunctionUsage, label?: string): void {
  const where = label ? `${label}: ` : "";
  if (!(ARCHITECTURES as readonly string[]).includes(usage.architecture)) {
    fail(where, "architecture", `one of ${ARCHITECTURES.join(", ")}`, usage.architecture);
  }
  wholeInRange(where, "memoryMb", usage.memoryMb, MEMORY_MB_MIN, MEMORY_MB_MAX);
  count(where, "monthlyRequests", usage.monthlyRequests);
  duration(where, "averageDurationMs", usage.averageDurationMs, usage.monthlyRequests);
  if (usage.ephemeralStorageMb !== undefined) {
    const { ephemeralStorageMb: mb } = usage;
    wholeInRange(
      where,
      "ephemeralStorageMb",
      mb,
      EPHEMERAL_STORAGE_MB_MIN,
      EPHEMERAL_STORAGE_MB_MAX,
    );
  }
  const { coldStartRate, initDurationMs } = usage;
  if (coldStartRate !== undefined) {
    if (!Number.isFinite(coldStartRate) || coldStartRate < 0 || coldStartRate > 1) {
      fail(where, "coldStartRate", "a number from 0 to 1", coldStartRate);
    }
    if (initDurationMs === undefined)
      fail(where, "initDurationMs", "given with coldStartRate", initDurationMs);
  }
  if (initDurationMs !== undefined) {
    const { min, max } = LAMBDA_LIMITS.initDurationMs;
    if (!Number.isFinite(initDurationMs) || initDurationMs < min || initDurationMs > max) {
      fail(where, "initDurationMs", `a number of ms from ${min} to ${max}`, initDurationMs);
    }
    if (coldStartRate === undefined)
      fail(where, "coldStartRate", "given with initDurationMs", coldStartRate);
  }
  const pc = usage.provisioned;
  if (pc) {
    const { min, max } = LAMBDA_LIMITS.provisionedConcurrency;
    wholeInRange(where, "provisioned.concurrency", pc.concurrency, min, max);
    if (
      !Number.isFinite(pc.hoursPerMonth) ||
      pc.hoursPerMonth < 0 ||
      pc.hoursPerMonth > HOURS_PER_MONTH_MAX
    ) {
      fail(
        where,
        "provisioned.hoursPerMonth",
        `a number from 0 to ${HOURS_PER_MONTH_MAX}`,
        pc.hoursPerMonth,
      );
    }
    count(where, "provisioned.requests", pc.requests);
    duration(where, "provisioned.averageDurationMs", pc.averageDurationMs, pc.requests);
  }
  validateExtraUsage(usage, where);
}
