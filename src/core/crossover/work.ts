/**
 * How much CPU one request needs, and how many vCPUs a container fleet must have for it.
 * Lambda gives memory/1769 MB of a vCPU (one full vCPU at 1,769 MB; AWS Lambda docs, "Memory
 * and computing power"), so a request that runs `durationMs` at `memoryMb` used at most
 * duration × min(memory/1769, 1) vCPU-seconds; `cpuBoundFraction` says how much of that time
 * was computing rather than waiting.
 */
import { type Decimal, dec } from "../money/index.js";
import { MB_PER_VCPU, SECONDS_PER_MONTH } from "./constants.js";

export interface WorkInput {
  durationMs: number;
  memoryMb: number;
  /** (0, 1]: share of the duration spent on CPU. */
  cpuBoundFraction: number;
  /** Overrides the estimate from duration and memory when given (vCPU-seconds, > 0). */
  cpuSecondsPerRequest?: number | undefined;
}

/**
 * vCPU-seconds of work per request.
 *
 * @example
 * // 120 ms at 512 MB, fully CPU-bound: 0.12 × 512/1769 = 0.034731486715658564… vCPU-s
 * cpuSecondsPerRequest({ durationMs: 120, memoryMb: 512, cpuBoundFraction: 1 });
 * // at 3008 MB the share caps at one vCPU: 0.12 × 1 = 0.12
 */
export function cpuSecondsPerRequest(input: WorkInput): Decimal {
  if (input.cpuSecondsPerRequest !== undefined) return dec(input.cpuSecondsPerRequest);
  const share = minOf(dec(input.memoryMb).div(MB_PER_VCPU), dec(1));
  return dec(input.durationMs).div(1000).times(share).times(input.cpuBoundFraction);
}

function minOf(a: Decimal, b: Decimal): Decimal {
  return a.lt(b) ? a : b;
}

/**
 * Average requests per second over a 730-hour month.
 *
 * @example
 * averageRps(50_000_000).toFixed(4); // "19.0259" (50,000,000 / 2,628,000)
 */
export function averageRps(monthlyRequests: number): Decimal {
  return dec(monthlyRequests).div(SECONDS_PER_MONTH);
}

export interface SizingInput {
  cpuSecondsPerRequest: Decimal;
  /** ≥ 1: how much busier the peak is than the monthly average. */
  peakToAverage: number;
  /** (0, 1]: the busiest share of its vCPUs a fleet is allowed to run at. */
  targetUtilization: number;
}

/**
 * vCPUs a fleet needs to carry the peak at the target utilisation:
 * average rps × peak-to-average × CPU-s per request / target utilisation.
 *
 * @example
 * // 50M requests, 0.12 vCPU-s each, peak 2× average, 60% target:
 * // 19.0259 rps × 2 × 0.12 / 0.6 = 7.6104 vCPUs
 * vcpusNeeded(50_000_000, { cpuSecondsPerRequest: dec("0.12"), peakToAverage: 2, targetUtilization: 0.6 });
 */
export function vcpusNeeded(monthlyRequests: number, sizing: SizingInput): Decimal {
  return averageRps(monthlyRequests)
    .times(sizing.peakToAverage)
    .times(sizing.cpuSecondsPerRequest)
    .div(sizing.targetUtilization);
}
