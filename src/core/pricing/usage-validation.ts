/**
 * Checks one FunctionUsage before it is priced, so a library caller gets the same one-line
 * UsageError the CLI gives (limits from the Lambda quotas page: memory 128–10,240 MB,
 * ephemeral storage 512–10,240 MB).
 */
import { UsageError } from "../errors.js";
import { ARCHITECTURES, type FunctionUsage } from "./types.js";

export const MEMORY_MB_MIN = 128;
export const MEMORY_MB_MAX = 10_240;
export const EPHEMERAL_STORAGE_MB_MIN = 512;
export const EPHEMERAL_STORAGE_MB_MAX = 10_240;
/** The longest month (31 days); PC cannot be enabled for more hours than that. */
export const HOURS_PER_MONTH_MAX = 744;

function fail(where: string, field: string, rule: string, value: unknown): never {
  throw new UsageError(`${where}${field} must be ${rule}; got ${JSON.stringify(value)}`);
}

function wholeInRange(where: string, field: string, value: number, min: number, max: number) {
  if (!Number.isInteger(value) || value < min || value > max) {
    fail(where, field, `a whole number from ${min} to ${max}`, value);
  }
}

function nonNegative(where: string, field: string, value: number) {
  if (!Number.isFinite(value) || value < 0) fail(where, field, "a number ≥ 0", value);
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
  nonNegative(where, "monthlyRequests", usage.monthlyRequests);
  nonNegative(where, "averageDurationMs", usage.averageDurationMs);
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
    nonNegative(where, "initDurationMs", initDurationMs);
    if (coldStartRate === undefined)
      fail(where, "coldStartRate", "given with initDurationMs", coldStartRate);
  }
  const pc = usage.provisioned;
  if (pc) {
    wholeInRange(where, "provisioned.concurrency", pc.concurrency, 1, 1_000_000);
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
    nonNegative(where, "provisioned.requests", pc.requests);
    nonNegative(where, "provisioned.averageDurationMs", pc.averageDurationMs);
  }
}
