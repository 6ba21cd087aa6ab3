/**
 * What a tune run will do, said before it does it: printed by `--dry-run` (which stops there)
 * and, shortened, before a real run starts changing things.
 */
import type { Decimal } from "../core/money/index.js";
import { dec, sum } from "../core/money/index.js";
import type { Architecture } from "../core/pricing/types.js";
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
  /** `--arch`: the architectures measured, in order (default: the function's own). */
  architectures?: Architecture[] | undefined;
}

export function planTune(input: PlanInput): TunePlan {
  const { snapshot: snap, sizesMb } = input;
  const fixed = input.invocations !== "auto";
  const perSize = fixed ? (input.invocations as number) : undefined;
  const architectures = input.architectures ?? [snap.architecture];
  const total =
    (fixed
      ? (perSize ?? 0) * sizesMb.length
      : autoInvocationCap(sizesMb.length, input.maxInvocations)) * architectures.length;
  const changes: string[] = [];
  const what = snap.packageType === "Image" ? "image" : "zip";
  if (architectures.some((a) => a !== snap.architecture) && snap.packageType === "Zip") {
    changes.push(
      "save $LATEST's zip in the state directory (Code.Location; checked against CodeSha256)",
    );
  }
  let current = snap.architecture;
  for (const architecture of architectures) {
    if (architecture !== current) {
      changes.push(
        `set $LATEST's code (the same ${what}) to ${architecture} (UpdateFunctionCode, RevisionId-checked), wait`,
      );
      current = architecture;
    }
    const on =
      architectures.length > 1 || architecture !== snap.architecture ? ` on ${architecture}` : "";
    for (const size of publishOrder(sizesMb, snap.memoryMb)) {
      changes.push(
        size === snap.memoryMb
          ? `publish a version of $LATEST as it is (${size} MB${on})`
          : `set $LATEST MemorySize to ${size} MB (RevisionId-checked), wait, publish a version${on}`,
      );
    }
    if (!sizesMb.includes(snap.memoryMb)) {
      changes.push(`set $LATEST MemorySize back to ${snap.memoryMb} MB at once`);
    }
  }
  if (current !== snap.architecture) {
    changes.push(
      `put $LATEST's code back on ${snap.architecture} (the saved ${what}), wait, check CodeSha256 is the original's`,
    );
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
  const each = total / sizesMb.length; // per size, all architectures (priced at the function's own)
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
