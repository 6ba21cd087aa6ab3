/**
 * Memory rules from the REPORT records' Max Memory Used. Without invoking, the duration at a
 * smaller size is unknown: below 1,769 MB a CPU-bound function slows in proportion (same cost),
 * an I/O-bound one does not (cost falls with memory). So a reduction is a range, and the next
 * step is to measure it with `tune`.
 */
import { LAMBDA_LIMITS } from "../lambda-limits.js";
import { dec, formatCount, ZERO } from "../money/index.js";
import type { RuleContext } from "./context.js";
import { billableReduction, durationRate, gbSeconds, monthlyFactor, usd } from "./rates.js";
import type { FunctionEvidence, Recommendation } from "./types.js";

/** Max used at most this share of memory: the function is oversized. */
export const OVERSIZED_SHARE = 0.5;
/** Max used at or above this share: close to running out. */
export const UNDERSIZED_SHARE = 0.9;
/** Headroom kept above the max used when sizing down. */
export const HEADROOM = 1.5;
const STEP_MB = 64;

/** The smallest safe size: 1.5 × max used, rounded up to 64 MB, at least 128 MB. */
export function smallestSafeMb(maxUsedMb: number): number {
  return Math.max(
    LAMBDA_LIMITS.memoryMb.min,
    Math.ceil((maxUsedMb * HEADROOM) / STEP_MB) * STEP_MB,
  );
}

/** `--sizes FROM..TO`, with a coarser step where 64 MB would pass tune's 100-size limit. */
export function sizesFlag(fromMb: number, toMb: number): string {
  const steps = Math.ceil((toMb - fromMb) / STEP_MB);
  if (steps < 99) return `${fromMb}..${toMb}`;
  return `${fromMb}..${toMb}:${Math.ceil((toMb - fromMb) / 99 / STEP_MB) * STEP_MB}`;
}

function usable(fn: FunctionEvidence): number | undefined {
  if (!fn.reports || fn.logGroup?.shared) return undefined;
  return fn.reports.maxMemoryUsedMb;
}

export function reduceMemory(fn: FunctionEvidence, ctx: RuleContext): Recommendation | undefined {
  const maxUsed = usable(fn);
  if (maxUsed === undefined || !fn.reports || fn.reports.outOfMemory > 0) return undefined;
  if (fn.memoryMb <= LAMBDA_LIMITS.memoryMb.min || maxUsed > fn.memoryMb * OVERSIZED_SHARE) {
    return undefined;
  }
  const suggested = smallestSafeMb(maxUsed);
  if (suggested >= fn.memoryMb) return undefined;
  const monthlyGbSeconds = gbSeconds(fn.metrics.durationMsSum, fn.memoryMb).times(
    monthlyFactor(ctx.window),
  );
  const rate = durationRate(ctx.table, fn.region, fn.architecture);
  // Pure I/O: duration unchanged, GB-s fall with memory.
  const reduction = monthlyGbSeconds.times(dec(fn.memoryMb - suggested).div(fn.memoryMb));
  const upper = billableReduction(reduction, ctx.freeTier).times(rate);
  return {
    kind: "reduce-memory",
    functionName: fn.functionName,
    region: fn.region,
    evidence: `max memory used ${maxUsed} MB of ${fn.memoryMb} MB (p99 ${fn.reports.p99MemoryUsedMb ?? "?"} MB) over ${formatCount(fn.reports.reports)} invocations; ${suggested} MB keeps 1.5× headroom; saving $0 if CPU-bound, up to ${usd(upper)} a month if I/O-bound`,
    monthlySaving: { lower: ZERO, upper },
    nextStep: `lambda-cost tune ${fn.functionName} --region ${fn.region} --sizes ${sizesFlag(suggested, fn.memoryMb)}`,
  };
}

export function increaseMemory(fn: FunctionEvidence, ctx: RuleContext): Recommendation | undefined {
  const maxUsed = usable(fn);
  if (maxUsed === undefined || !fn.reports) return undefined;
  const { outOfMemory } = fn.reports;
  if (outOfMemory === 0 && maxUsed < fn.memoryMb * UNDERSIZED_SHARE) return undefined;
  if (fn.memoryMb >= LAMBDA_LIMITS.memoryMb.max) return undefined;
  const upTo = Math.min(
    LAMBDA_LIMITS.memoryMb.max,
    Math.ceil((fn.memoryMb * 2) / STEP_MB) * STEP_MB,
  );
  return {
    kind: "increase-memory",
    functionName: fn.functionName,
    region: fn.region,
    evidence: `max memory used ${maxUsed} MB of ${fn.memoryMb} MB, ${outOfMemory} out-of-memory invocation${outOfMemory === 1 ? "" : "s"} in ${ctx.window.days} days: a risk, not a saving`,
    monthlySaving: { lower: ZERO, upper: ZERO },
    nextStep: `lambda-cost tune ${fn.functionName} --region ${fn.region} --sizes ${sizesFlag(fn.memoryMb, upTo)}`,
  };
}
