/**
 * Checks a crossover question before it is answered, so a library caller gets the same one-line
 * UsageError the CLI gives (exit 2 there).
 */
import { UsageError } from "../errors.js";
import { LMI_MEMORY_PER_VCPU_GIB, LMI_RUNTIMES } from "./lmi-fleet.js";
import type { CrossoverInput } from "./result-types.js";

/**
 * The busiest a fleet may run at its peak. Below 1% the fleet needs over a hundred times the
 * vCPUs its work uses, and near 0 more units than a number can count (a 1e-320 target once
 * crashed the chart): no plan runs a fleet that idle.
 */
export const TARGET_UTILIZATION = { min: 0.01, max: 1, unit: "" } as const;

function fractionOk(value: number): boolean {
  return Number.isFinite(value) && value > 0 && value <= 1;
}

/**
 * @example
 * validateCrossoverInput({ ...input, targetUtilization: 1.5 });
 * // throws UsageError: --target-utilization must be a number from 0.01 to 1; got 1.5
 */
export function validateCrossoverInput(input: CrossoverInput): void {
  const fail = (flag: string, rule: string, value: unknown): never => {
    throw new UsageError(`${flag} must be ${rule}; got ${JSON.stringify(value)}`);
  };
  if (!fractionOk(input.cpuBoundFraction)) {
    fail("--cpu-bound-fraction", "a number greater than 0 and at most 1", input.cpuBoundFraction);
  }
  const utilization = input.targetUtilization;
  if (
    !Number.isFinite(utilization) ||
    utilization < TARGET_UTILIZATION.min ||
    utilization > TARGET_UTILIZATION.max
  ) {
    fail("--target-utilization", "a number from 0.01 to 1", utilization);
  }
  if (!Number.isFinite(input.peakToAverage) || input.peakToAverage < 1) {
    fail(
      "--peak-to-average",
      "a number of at least 1 (the peak is never below the average)",
      input.peakToAverage,
    );
  }
  const cps = input.cpuSecondsPerRequest;
  if (cps !== undefined && (!Number.isFinite(cps) || cps <= 0)) {
    fail("--cpu-seconds-per-request", "a number of vCPU-seconds greater than 0", cps);
  }
  if (
    !Number.isInteger(input.minInstances) ||
    input.minInstances < 1 ||
    input.minInstances > 100_000
  ) {
    fail("--min-instances", "a whole number from 1 to 100000", input.minInstances);
  }
  if (!Number.isSafeInteger(input.monthlyRequests) || input.monthlyRequests < 0) {
    fail("--requests", "a whole number of requests a month", input.monthlyRequests);
  }
  validateLmiInput(input, fail);
}

const wholeInRange = (n: number | undefined) =>
  n === undefined || (Number.isInteger(n) && n >= 1 && n <= 100_000);

function validateLmiInput(
  input: CrossoverInput,
  fail: (flag: string, rule: string, value: unknown) => never,
): void {
  if (input.runtime !== undefined && !Object.hasOwn(LMI_RUNTIMES, input.runtime)) {
    fail("--runtime", `one of ${Object.keys(LMI_RUNTIMES).join(", ")}`, input.runtime);
  }
  const ratio = input.lmiMemoryPerVcpuGib;
  if (ratio !== undefined && !(LMI_MEMORY_PER_VCPU_GIB as readonly number[]).includes(ratio)) {
    fail("--lmi-memory-per-vcpu", "2, 4 or 8 (GiB per vCPU)", ratio);
  }
  if (!wholeInRange(input.lmiMinInstances)) {
    fail("--lmi-min-instances", "a whole number from 1 to 100000", input.lmiMinInstances);
  }
  if (!wholeInRange(input.lmiInstances)) {
    fail("--lmi-instances", "a whole number from 1 to 100000", input.lmiInstances);
  }
  const arch = input.lmiArchitecture;
  if (arch !== undefined && arch !== "x86_64" && arch !== "arm64") {
    fail("--lmi-arch", "x86_64 or arm64", arch);
  }
}
