/**
 * What a tune run will do, said before it does it: printed by `--dry-run` (which stops there)
 * and, shortened, before a real run starts changing things.
 */
import type { Decimal } from "../core/money/index.js";
import { dec, sum } from "../core/money/index.js";
import type { FunctionSnapshot } from "../core/tuning/ports.js";
import type { TunePlan } from "../core/tuning/run-outcome.js";
import { autoInvocationCap } from "../core/tuning/sampling.js";
import { publishOrder } from "./publish.js";

/** The rough duration guess at the current memory when nothing has been measured yet. */
export const GUESS_DURATION_MS = 1000;

export interface PlanInput {
  snapshot: FunctionSnapshot;
  sizesMb: number[];
  invocations: number | "auto";
  maxInvocations: number;
  apply: boolean;
  alias?: string | undefined;
  /** Prices one invocation (request + billed GB-s) at the function's region and architecture. */
  pricePerInvocation: (memoryMb: number, billedDurationMs: number) => Decimal;
}

export function planTune(input: PlanInput): TunePlan {
  const { snapshot: snap, sizesMb } = input;
  const fixed = input.invocations !== "auto";
  const perSize = fixed ? (input.invocations as number) : undefined;
  const total = fixed
    ? (perSize ?? 0) * sizesMb.length
    : autoInvocationCap(sizesMb.length, input.maxInvocations);
  const changes: string[] = [];
  for (const size of publishOrder(sizesMb, snap.memoryMb)) {
    changes.push(
      size === snap.memoryMb
        ? `publish a version of $LATEST as it is (${size} MB)`
        : `set $LATEST MemorySize to ${size} MB (RevisionId-checked), wait, publish a version`,
    );
  }
  if (!sizesMb.includes(snap.memoryMb)) {
    changes.push(`set $LATEST MemorySize back to ${snap.memoryMb} MB at once`);
  }
  changes.push(
    `invoke the versions ${fixed ? `${total} times` : `up to ${total} times`} (concurrency shared across sizes)`,
    "delete exactly the versions this run created; keep any version that existed before",
  );
  if (input.apply) {
    changes.push(
      `after confirmation: set $LATEST MemorySize to the recommended size (RevisionId-checked)${input.alias ? `, publish a version and point alias ${input.alias} at it` : ""}`,
    );
  }

  // Spread the invocations evenly over the sizes for the estimate (auto mode usually needs fewer).
  const each = total / sizesMb.length;
  const guessAtCurrent = Math.min(GUESS_DURATION_MS, snap.timeoutSeconds * 1000);
  const priceAll = (durationAt: (memoryMb: number) => number) =>
    sum(
      sizesMb.map((memoryMb) =>
        input.pricePerInvocation(memoryMb, Math.ceil(durationAt(memoryMb))).times(dec(each)),
      ),
    );
  return {
    functionName: snap.functionName,
    region: snap.region,
    accountId: snap.accountId,
    architecture: snap.architecture,
    originalMemoryMb: snap.memoryMb,
    sizesMb,
    invocations: { mode: fixed ? "fixed" : "auto", perSize, total },
    changes,
    estimatedTuningCost: {
      guess: priceAll((memoryMb) => (guessAtCurrent * snap.memoryMb) / memoryMb),
      worstCase: priceAll(() => snap.timeoutSeconds * 1000),
      assumption: `a guess of ${guessAtCurrent} ms per invocation at ${snap.memoryMb} MB, scaling as 1/memory (CPU-bound); the worst case assumes every invocation runs to the ${snap.timeoutSeconds} s timeout`,
    },
  };
}
