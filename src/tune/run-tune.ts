/**
 * runTune: the whole of `lambda-cost tune` except argv and printing (issue 4, "How it runs"):
 * 1 read the function and refuse unless it is Active and settled; 2 journal before any change;
 * 3 one version per size, $LATEST put back at once; 4 invoke the versions; 5 delete exactly the
 * versions the run created, remove the journal, verify $LATEST is as found. On any error, on
 * Ctrl-C and SIGTERM (deps.abortSignal) the put-back runs first, then the error surfaces.
 */

import { AwsError, CheckFailedError, InterruptedError } from "../core/errors.js";
import type { Architecture } from "../core/pricing/types.js";
import { combineArchitectures } from "../core/tuning/architectures.js";
import type { FunctionSnapshot, TuningTarget } from "../core/tuning/ports.js";
import type { PutBackResult } from "../core/tuning/run-outcome.js";
import type { InvocationCostModel } from "../core/tuning/types.js";
import { applyRecommendation } from "./apply.js";
import { checkArchitectures } from "./architecture-checks.js";
import { planTune } from "./plan.js";
import { runSession, signalName } from "./publish-measure-put-back.js";
import { recoverFirst } from "./recover.js";
import type { TuneDeps, TuneOptions, TuneOutcome, TuneRunResult } from "./run-types.js";

export async function runTune(options: TuneOptions, deps: TuneDeps): Promise<TuneOutcome> {
  const { target, engine } = deps;
  let snap: FunctionSnapshot;
  let recovered: PutBackResult | undefined;
  try {
    snap = await settledSnapshot(target, deps);
    // A dry run is read-only: it neither recovers nor reads the lock (GetFunction only).
    recovered = options.dryRun
      ? undefined
      : await recoverFirst(target, deps.journalDir, snap, {
          explicit: options.recover,
          force: options.force === true,
          notify: deps.notify,
        });
    if (recovered) snap = await target.snapshot({ abortSignal: deps.abortSignal });
  } catch (error) {
    if (deps.abortSignal?.aborted) {
      throw new InterruptedError("interrupted before tune changed anything", {
        cause: error,
        signal: signalName(deps.abortSignal),
      });
    }
    throw error;
  }
  // A recovery that could not put everything back stops here: tuning now would build on it.
  if (recovered && !recovered.restored && !options.recover) {
    throw new CheckFailedError(
      `${recovered.foreignChange ?? `${snap.functionName} is not as found`}; tune did not start.`,
    );
  }
  if (options.recover) return { kind: "recovered", functionName: snap.functionName, recovered };

  const sizesMb = options.sizesMb === "auto" ? engine.sizesAuto(snap) : options.sizesMb;
  const architectures = await checkArchitectures(
    target,
    snap,
    options.architectures,
    options.codeBucket,
  );
  for (const skipped of architectures.skipped) {
    deps.notify(`skipping ${skipped.architecture}: ${skipped.reason}`);
  }
  const plan = planTune({
    snapshot: snap,
    sizesMb,
    invocations: options.invocations,
    maxInvocations: options.maxInvocations,
    apply: options.apply,
    alias: options.alias,
    pricePerInvocation: (memoryMb, billedMs) => engine.pricePerInvocation(snap, memoryMb, billedMs),
    architectures: architectures.measured,
  });
  if (options.dryRun) return { kind: "plan", plan };

  // Read last month's volume before the run adds its own invocations to the metrics.
  const monthlyFromCloudWatch =
    options.monthlyInvocations === undefined
      ? (deps.monthlyInvocations?.(snap).catch(() => undefined) ?? Promise.resolve(undefined))
      : Promise.resolve(undefined);
  // Each architecture is priced at its own rates (arm64 duration is cheaper per GB-s).
  const costFor =
    (architecture: Architecture): InvocationCostModel =>
    (memoryMb, billedMs) =>
      engine.pricePerInvocation({ ...snap, architecture }, memoryMb, billedMs);
  const { measured, versions, cleanup, original } = await runSession(target, {
    snapshot: snap,
    sizesMb,
    architectures: architectures.measured,
    plan,
    options,
    deps,
    costFor,
    mode:
      options.invocations === "auto"
        ? { kind: "auto", maxInvocations: options.maxInvocations }
        : { kind: "fixed", invocationsPerSize: options.invocations },
  });

  let monthly: { invocations: number; source: "flag" | "cloudwatch" } | undefined;
  if (options.monthlyInvocations !== undefined) {
    monthly = { invocations: options.monthlyInvocations, source: "flag" };
  } else {
    const count = await monthlyFromCloudWatch;
    if (count !== undefined) monthly = { invocations: count, source: "cloudwatch" };
  }
  const runs = architectures.measured.map((architecture) => ({
    architecture,
    analysis: engine.analyze(measured.get(architecture)?.samplesBySize ?? new Map(), {
      cost: costFor(architecture),
      strategy: options.strategy,
      trim: options.trim,
      monthlyInvocations: monthly,
      snapshot: { ...snap, architecture },
    }),
  }));
  const analysis = combineArchitectures(runs, options.strategy, snap);
  const several = runs.length > 1;
  snap = original;
  const result: TuneRunResult = {
    snapshot: snap,
    analysis,
    versions: Object.fromEntries(
      [...versions].flatMap(([architecture, bySize]) =>
        [...bySize].map(([memoryMb, version]) => [`${architecture}:${memoryMb}`, version]),
      ),
    ),
    skippedArchitectures: architectures.skipped,
    stopReason: architectures.measured
      .map((a) => {
        const reason = measured.get(a)?.stopReason;
        return several && reason ? `${a}: ${reason}` : reason;
      })
      .filter(Boolean)
      .join("; "),
    throttles: target.throttleCount(),
    cleanup,
    restored: cleanup.restored,
  };
  const pick = analysis.recommendation;
  if (
    options.apply &&
    pick &&
    pick.architecture !== undefined &&
    pick.architecture !== snap.architecture
  ) {
    // The architecture belongs to the deployment (its build, its layers): --apply sets memory
    // only, so it does not apply a pick on another architecture.
    deps.notify(
      `not applied: the recommendation runs on ${pick.architecture} and ${snap.functionName} on ${snap.architecture}; --apply changes memory only — deploy for ${pick.architecture} with ${pick.memoryMb} MB yourself.`,
    );
  } else if (options.apply && analysis.recommendation) {
    await deps.beforeApply?.(result);
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

/** Step 1: the function as it is, once it is Active and no update is running; else refuse. */
async function settledSnapshot(target: TuningTarget, deps: TuneDeps): Promise<FunctionSnapshot> {
  let snap = await target.snapshot({ abortSignal: deps.abortSignal });
  if (snap.state !== "Active" || snap.lastUpdateStatus === "InProgress") {
    deps.notify(
      `${snap.functionName} is ${snap.state} / update ${snap.lastUpdateStatus}; waiting for it to settle…`,
    );
    snap = await target.waitForUpdate({ abortSignal: deps.abortSignal });
  }
  if (snap.state !== "Active" || snap.lastUpdateStatus === "InProgress") {
    throw new AwsError(
      `${snap.functionName} is ${snap.state} (last update ${snap.lastUpdateStatus}), not Active and settled; tune changed nothing.`,
    );
  }
  return snap;
}
