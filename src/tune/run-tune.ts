/**
 * runTune: the whole of `lambda-cost tune` except argv and printing (issue 4, "How it runs"):
 * 1 read the function and refuse unless it is Active and settled; 2 journal before any change;
 * 3 one version per size, $LATEST put back at once; 4 invoke the versions; 5 delete exactly the
 * versions the run created, remove the journal, verify $LATEST is as found. On any error, on
 * Ctrl-C and SIGTERM (deps.abortSignal) the put-back runs first, then the error surfaces.
 */
import { AwsError, ConfigError, InterruptedError } from "../core/errors.js";
import type { Decimal } from "../core/money/index.js";
import type {
  InvocationCostModel,
  InvocationSample,
  SamplingMode,
  SamplingPlanner,
  StrategyOptions,
  TuningAnalysis,
} from "../core/tuning/types.js";
import { type ApplyOutcome, applyRecommendation } from "./apply.js";
import { currentHost, Journal, newRunId } from "./journal.js";
import { measure } from "./measure.js";
import type { WeightedPayload } from "./payloads.js";
import { planTune, type TunePlan } from "./plan.js";
import { publishSizes } from "./publish.js";
import { type PutBackResult, putBack } from "./put-back.js";
import { recoverFirst } from "./recover.js";
import { ConcurrentChangeError, type FunctionSnapshot, type TuningTarget } from "./target.js";

export interface TuneOptions {
  sizesMb: number[] | "auto";
  invocations: number | "auto";
  maxInvocations: number;
  concurrency: number;
  payloads: WeightedPayload[];
  strategy: StrategyOptions;
  trim?: number | undefined;
  monthlyInvocations?: number | undefined;
  apply: boolean;
  alias?: string | undefined;
  dryRun: boolean;
  recover: boolean;
}

/** The pure pieces the runner needs from src/core (injected so the runner stays testable). */
export interface TuneCore {
  sizesAuto(snapshot: FunctionSnapshot): number[];
  createPlanner(
    sizesMb: number[],
    mode: SamplingMode,
    cost: InvocationCostModel,
    strategy: StrategyOptions,
  ): SamplingPlanner;
  analyze(
    samplesBySize: ReadonlyMap<number, readonly InvocationSample[]>,
    input: {
      cost: InvocationCostModel;
      strategy: StrategyOptions;
      trim?: number | undefined;
      monthlyInvocations?: { invocations: number; source: "flag" | "cloudwatch" } | undefined;
      snapshot: FunctionSnapshot;
    },
  ): TuningAnalysis;
  pricePerInvocation(
    snapshot: FunctionSnapshot,
    memoryMb: number,
    billedDurationMs: number,
  ): Decimal;
}

export interface TuneDeps {
  target: TuningTarget;
  core: TuneCore;
  journalDir: string;
  abortSignal?: AbortSignal | undefined;
  /** One line to stderr: what is about to change, what was put back. */
  notify(line: string): void;
  /** Asks before --apply changes anything; resolves false to skip. */
  confirm(question: string): Promise<boolean>;
  /** Last-30-days Invocations from CloudWatch, when reachable; undefined to skip. */
  monthlyInvocations?: ((snapshot: FunctionSnapshot) => Promise<number | undefined>) | undefined;
  onProgress?: ((event: { total?: number; done?: number }) => void) | undefined;
}

export interface TuneRunResult {
  snapshot: FunctionSnapshot;
  analysis: TuningAnalysis;
  versions: Record<number, string>;
  stopReason?: string | undefined;
  throttles: number;
  cleanup: PutBackResult;
  restored: boolean;
  applied?: ApplyOutcome | undefined;
}

export type TuneOutcome =
  | { kind: "result"; result: TuneRunResult }
  | { kind: "plan"; plan: TunePlan }
  | { kind: "recovered"; functionName: string; recovered: PutBackResult | undefined };

export async function runTune(options: TuneOptions, deps: TuneDeps): Promise<TuneOutcome> {
  const { target, core } = deps;
  const signal = deps.abortSignal;
  let snap = await target.snapshot({ abortSignal: signal });
  if (snap.state !== "Active" || snap.lastUpdateStatus === "InProgress") {
    deps.notify(
      `${snap.functionName} is ${snap.state} / update ${snap.lastUpdateStatus}; waiting for it to settle…`,
    );
    snap = await target.waitForUpdate({ abortSignal: signal });
  }
  if (snap.state !== "Active") {
    throw new AwsError(
      `${snap.functionName} is ${snap.state}, not Active; tune changes nothing until it is.`,
    );
  }

  const recovered = await recoverFirst(target, deps.journalDir, snap, deps.notify);
  if (options.recover) return { kind: "recovered", functionName: snap.functionName, recovered };
  if (recovered) snap = await target.snapshot({ abortSignal: signal });

  const sizesMb = options.sizesMb === "auto" ? core.sizesAuto(snap) : options.sizesMb;
  const plan = planTune({
    snapshot: snap,
    sizesMb,
    invocations: options.invocations,
    maxInvocations: options.maxInvocations,
    apply: options.apply,
    alias: options.alias,
    pricePerInvocation: (memoryMb, billedMs) => core.pricePerInvocation(snap, memoryMb, billedMs),
  });
  if (options.dryRun) return { kind: "plan", plan };

  // Read last month's volume before the run adds its own invocations to the metrics.
  const monthlyFromCloudWatch =
    options.monthlyInvocations === undefined
      ? (deps.monthlyInvocations?.(snap).catch(() => undefined) ?? Promise.resolve(undefined))
      : Promise.resolve(undefined);
  const runId = newRunId();
  let journal: Journal;
  try {
    journal = Journal.create(deps.journalDir, {
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
      `cannot write the tune journal in ${deps.journalDir} (${(error as Error).message}); nothing was changed.`,
      { cause: error },
    );
  }
  deps.notify(`tune will change ${snap.functionName} (${snap.region}); journal ${journal.path}`);
  for (const change of plan.changes) deps.notify(`  - ${change}`);

  const cost: InvocationCostModel = (memoryMb, billedMs) =>
    core.pricePerInvocation(snap, memoryMb, billedMs);
  let failure: unknown;
  let measured: Awaited<ReturnType<typeof measure>> | undefined;
  let versions = new Map<number, string>();
  try {
    const published = await publishSizes(target, journal, snap, sizesMb, { abortSignal: signal });
    versions = published.versions;
    const mode: SamplingMode =
      options.invocations === "auto"
        ? { kind: "auto", maxInvocations: options.maxInvocations }
        : { kind: "fixed", invocationsPerSize: options.invocations };
    let done = 0;
    measured = await measure(target, {
      versions,
      planner: core.createPlanner(sizesMb, mode, cost, options.strategy),
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
  if (failure !== undefined) {
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

  let monthly: { invocations: number; source: "flag" | "cloudwatch" } | undefined;
  if (options.monthlyInvocations !== undefined) {
    monthly = { invocations: options.monthlyInvocations, source: "flag" };
  } else {
    const count = await monthlyFromCloudWatch;
    if (count !== undefined) monthly = { invocations: count, source: "cloudwatch" };
  }
  const analysis = core.analyze(measured?.samplesBySize ?? new Map(), {
    cost,
    strategy: options.strategy,
    trim: options.trim,
    monthlyInvocations: monthly,
    snapshot: snap,
  });
  const result: TuneRunResult = {
    snapshot: snap,
    analysis,
    versions: Object.fromEntries(versions),
    stopReason: measured?.stopReason,
    throttles: target.throttleCount(),
    cleanup,
    restored: cleanup.restored,
  };
  if (options.apply && analysis.recommendation) {
    result.applied = await applyRecommendation(
      target,
      snap,
      analysis.recommendation.memoryMb,
      options.alias,
      cleanup,
      deps,
    );
    deps.notify(result.applied.note);
  }
  return { kind: "result", result };
}

export function describeCleanup(cleanup: PutBackResult): string {
  const parts = [
    cleanup.deletedVersions.length > 0
      ? `deleted the ${cleanup.deletedVersions.length} version(s) this run created (${cleanup.deletedVersions.join(", ")})`
      : "created no versions to delete",
  ];
  if (cleanup.failedDeletes.length > 0) {
    parts.push(
      `could NOT delete ${cleanup.failedDeletes.map((f) => f.version).join(", ")}; run tune --recover`,
    );
  }
  parts.push(
    cleanup.foreignChange ??
      (cleanup.restored ? "$LATEST is exactly as found" : "$LATEST could not be verified"),
  );
  return parts.join("; ");
}
