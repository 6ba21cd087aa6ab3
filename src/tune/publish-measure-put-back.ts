/**
 * The part of a tune run that changes things: journal → publish one version per size →
 * measure → put back. Whatever happens in between (an error, someone else's deploy, Ctrl-C),
 * the put-back runs before the error leaves, and the error says what was put back.
 */

import { AwsError, InterruptedError } from "../core/errors.js";
import type { Architecture } from "../core/pricing/types.js";
import {
  ConcurrentChangeError,
  type FunctionSnapshot,
  type TuningTarget,
} from "../core/tuning/ports.js";
import type { PutBackResult, TunePlan } from "../core/tuning/run-outcome.js";
import type { InvocationCostModel, SamplingMode } from "../core/tuning/types.js";
import { claimFunction } from "./claim.js";
import { saveOriginalCode, swapArchitecture } from "./code-swap.js";
import type { Journal } from "./journal.js";
import { LOCK_ALIAS } from "./lock.js";
import { type MeasureResult, measure } from "./measure.js";
import { publishSizes } from "./publish.js";
import { describeCleanup, putBack } from "./put-back.js";
import type { TuneDeps, TuneOptions } from "./run-types.js";

export interface SessionInput {
  snapshot: FunctionSnapshot;
  sizesMb: number[];
  /** The architectures to measure, in order (the function's own first when measured). */
  architectures: Architecture[];
  plan: TunePlan;
  options: TuneOptions;
  deps: TuneDeps;
  costFor(architecture: Architecture): InvocationCostModel;
  mode: SamplingMode;
}

export interface SessionResult {
  measured: Map<Architecture, MeasureResult>;
  versions: Map<Architecture, Map<number, string>>;
  cleanup: PutBackResult;
  /** $LATEST as read with the lock held (the original the run measured against). */
  original: FunctionSnapshot;
}

export async function runSession(
  target: TuningTarget,
  input: SessionInput,
): Promise<SessionResult> {
  const { deps, options } = input;
  const signal = deps.abortSignal;
  const { journal, original: snap } = await claimFunction(
    target,
    deps.journalDir,
    input.snapshot,
    input.sizesMb,
    { abortSignal: signal },
  );
  deps.notify(
    `tune will change ${snap.functionName} (${snap.region}); journal ${journal.path}; lock alias ${LOCK_ALIAS}`,
  );
  for (const change of input.plan.changes) deps.notify(`  - ${change}`);

  let failure: unknown;
  let measured: Map<Architecture, MeasureResult> | undefined;
  const versions = new Map<Architecture, Map<number, string>>();
  try {
    await publishArchitectures(target, journal, snap, input, versions);
    let done = 0;
    const byArch = new Map<Architecture, MeasureResult>();
    for (const architecture of input.architectures) {
      byArch.set(
        architecture,
        await measure(target, {
          versions: versions.get(architecture) ?? new Map(),
          planner: deps.engine.createPlanner(
            input.sizesMb,
            input.mode,
            input.costFor(architecture),
            options.strategy,
          ),
          concurrency: options.concurrency,
          payloads: options.payloads,
          abortSignal: signal,
          maxThrottleWaitMs: options.maxThrottleWaitMs,
          sleep: deps.sleep,
          random: deps.random,
          onThrottleWait: (wait) =>
            deps.notify(
              `Lambda is throttling ${snap.functionName}; waiting ${(wait.waitMs / 1000).toFixed(1)} s before sending again (${Math.round(wait.spentMs / 1000)} s of the ${Math.round(wait.budgetMs / 1000)} s --max-throttle-wait spent)`,
            ),
          onBatch: (n) => deps.onProgress?.({ total: n }),
          onSample: () => deps.onProgress?.({ done: ++done }),
        }),
      );
    }
    measured = byArch;
  } catch (error) {
    failure = error;
  }

  // Put things back first, whatever happened (signal handlers only abort; they never exit).
  let cleanup: PutBackResult;
  try {
    cleanup = await putBack(target, journal);
  } catch (error) {
    throw new AwsError(
      `tune could not put ${snap.functionName} back (${(error as Error).message}); the journal ${journal.path} and the lock alias remain: run \`lambda-cost tune ${snap.functionName} --recover --region ${snap.region}\`.`,
      { cause: failure ?? error },
    );
  }
  const summary = describeCleanup(cleanup);
  if (failure !== undefined || measured === undefined) {
    if (signal?.aborted) {
      throw new InterruptedError(`interrupted; ${summary}`, {
        cause: failure,
        signal: signalName(signal),
      });
    }
    if (failure instanceof ConcurrentChangeError) {
      throw new AwsError(`${failure.message} tune stopped and did not overwrite it; ${summary}`, {
        cause: failure,
      });
    }
    if (failure instanceof Error) failure.message = `${failure.message} (${summary})`;
    throw failure;
  }
  deps.notify(summary);
  return { measured, versions, cleanup, original: snap };
}

/**
 * Publishes every size on each architecture in turn — the function's own first, so each other
 * architecture costs one code swap there and none back until the end — then puts $LATEST's
 * code back on the original architecture and checks its CodeSha256.
 */
async function publishArchitectures(
  target: TuningTarget,
  journal: Journal,
  original: FunctionSnapshot,
  input: SessionInput,
  versions: Map<Architecture, Map<number, string>>,
): Promise<void> {
  const options = { abortSignal: input.deps.abortSignal };
  const swapping = input.architectures.some((a) => a !== original.architecture);
  const code = target.code;
  if (swapping && !code) throw new AwsError("this target cannot change a function's architecture");
  if (input.options.codeBucket !== undefined) {
    journal.update({ codeBucket: input.options.codeBucket });
  }
  let bytes: Uint8Array | undefined;
  if (swapping && code && original.packageType === "Zip") {
    bytes = await saveOriginalCode(code, journal, original, input.deps.journalDir, options);
  }
  const zip = () => bytes ?? new Uint8Array();
  let latest = original;
  for (const architecture of input.architectures) {
    options.abortSignal?.throwIfAborted();
    if (latest.architecture !== architecture && code) {
      latest = await swapArchitecture(code, journal, latest, architecture, zip, options);
    }
    const published = await publishSizes(target, journal, latest, input.sizesMb, options);
    versions.set(architecture, published.versions);
    latest = published.latest;
  }
  if (latest.architecture !== original.architecture && code) {
    journal.update({ phase: "restoring" });
    latest = await swapArchitecture(code, journal, latest, original.architecture, zip, options);
    journal.update({ phase: "invoking" });
  }
}

/** The signal an abort stands for (the CLI aborts with an Error named after it). */
export function signalName(signal: AbortSignal): string | undefined {
  const reason = signal.reason as { message?: unknown } | undefined;
  return typeof reason?.message === "string" ? reason.message : undefined;
}
