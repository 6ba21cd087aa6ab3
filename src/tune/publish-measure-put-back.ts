/**
 * The part of a tune run that changes things: journal → publish one version per size →
 * measure → put back. Whatever happens in between (an error, someone else's deploy, Ctrl-C),
 * the put-back runs before the error leaves, and the error says what was put back.
 */

import { AwsError, InterruptedError } from "../core/errors.js";
import {
  ConcurrentChangeError,
  type FunctionSnapshot,
  type TuningTarget,
} from "../core/tuning/ports.js";
import type { PutBackResult, TunePlan } from "../core/tuning/run-outcome.js";
import type { InvocationCostModel, SamplingMode } from "../core/tuning/types.js";
import { claimFunction } from "./claim.js";
import { LOCK_ALIAS } from "./lock.js";
import { type MeasureResult, measure } from "./measure.js";
import { publishSizes } from "./publish.js";
import { describeCleanup, putBack } from "./put-back.js";
import type { TuneDeps, TuneOptions } from "./run-types.js";

export interface SessionInput {
  snapshot: FunctionSnapshot;
  sizesMb: number[];
  plan: TunePlan;
  options: TuneOptions;
  deps: TuneDeps;
  cost: InvocationCostModel;
  mode: SamplingMode;
}

export interface SessionResult {
  measured: MeasureResult;
  versions: Map<number, string>;
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
  let measured: MeasureResult | undefined;
  let versions = new Map<number, string>();
  try {
    const published = await publishSizes(target, journal, snap, input.sizesMb, {
      abortSignal: signal,
    });
    versions = published.versions;
    let done = 0;
    measured = await measure(target, {
      versions,
      planner: deps.engine.createPlanner(input.sizesMb, input.mode, input.cost, options.strategy),
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
    });
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

/** The signal an abort stands for (the CLI aborts with an Error named after it). */
export function signalName(signal: AbortSignal): string | undefined {
  const reason = signal.reason as { message?: unknown } | undefined;
  return typeof reason?.message === "string" ? reason.message : undefined;
}
