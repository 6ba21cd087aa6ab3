/**
 * The part of a tune run that changes things: journal → publish one version per size →
 * measure → put back. Whatever happens in between (an error, someone else's deploy, Ctrl-C),
 * the put-back runs before the error leaves, and the error says what was put back.
 */
import { AwsError, ConfigError, InterruptedError } from "../core/errors.js";
import type { InvocationCostModel, SamplingMode } from "../core/tuning/types.js";
import { currentHost, Journal, newRunId } from "./journal.js";
import { type MeasureResult, measure } from "./measure.js";
import type { TunePlan } from "./plan.js";
import { publishSizes } from "./publish.js";
import { describeCleanup, type PutBackResult, putBack } from "./put-back.js";
import type { TuneDeps, TuneOptions } from "./run-tune.js";
import { ConcurrentChangeError, type FunctionSnapshot, type TuningTarget } from "./target.js";

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
}

export async function runSession(
  target: TuningTarget,
  input: SessionInput,
): Promise<SessionResult> {
  const { snapshot: snap, deps, options } = input;
  const signal = deps.abortSignal;
  const journal = createJournal(deps.journalDir, snap);
  deps.notify(`tune will change ${snap.functionName} (${snap.region}); journal ${journal.path}`);
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
      planner: deps.core.createPlanner(input.sizesMb, input.mode, input.cost, options.strategy),
      concurrency: options.concurrency,
      payloads: options.payloads,
      abortSignal: signal,
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
      `tune could not put ${snap.functionName} back (${(error as Error).message}); the journal ${journal.path} remains: run \`lambda-cost tune ${snap.functionName} --recover --region ${snap.region}\`.`,
      { cause: failure ?? error },
    );
  }
  const summary = describeCleanup(cleanup);
  if (failure !== undefined || measured === undefined) {
    if (signal?.aborted) throw new InterruptedError(`interrupted; ${summary}`, { cause: failure });
    if (failure instanceof ConcurrentChangeError) {
      throw new AwsError(`${failure.message} tune stopped and did not overwrite it; ${summary}`, {
        cause: failure,
      });
    }
    if (failure instanceof Error) failure.message = `${failure.message} (${summary})`;
    throw failure;
  }
  deps.notify(summary);
  return { measured, versions, cleanup };
}

/** Writes the journal before any change; if that fails, nothing has been changed. */
function createJournal(dir: string, snap: FunctionSnapshot): Journal {
  const runId = newRunId();
  try {
    return Journal.create(dir, {
      format: 1,
      runId,
      pid: process.pid,
      host: currentHost(),
      startedAt: new Date().toISOString(),
      functionName: snap.functionName,
      functionArn: snap.functionArn,
      region: snap.region,
      accountId: snap.accountId,
      phase: "publishing",
      original: {
        revisionId: snap.revisionId,
        memoryMb: snap.memoryMb,
        configuration: snap.configuration,
      },
      ownRevisionIds: [],
      versionDescription: `lambda-cost tune ${runId} (temporary; deleted when the run ends)`,
      createdVersions: [],
      reusedVersions: [],
    });
  } catch (error) {
    throw new ConfigError(
      `cannot write the tune journal in ${dir} (${(error as Error).message}); nothing was changed.`,
      { cause: error },
    );
  }
}
