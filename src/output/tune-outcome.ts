/**
 * From a finished run to text: composes the shared TuneResult (the model every tune renderer
 * prints) and hands it to the renderers in src/output. What was put back and what --apply did
 * go to stderr as the run happens (see run-tune.ts), so stdout stays one clean document.
 */
import type { TuneResult } from "../core/tuning/types.js";
import type { PutBackResult } from "../tune/put-back.js";
import type { TuneRunResult } from "../tune/run-tune.js";
import { renderTune } from "./tune.js";

export function toTuneResult(
  run: TuneRunResult,
  flags: {
    strategy: TuneResult["strategy"];
    balancedWeight: number;
    maxDuration?: number | undefined;
    trim?: number | undefined;
  },
): TuneResult {
  return {
    function: run.snapshot.functionName,
    region: run.snapshot.region,
    architecture: run.snapshot.architecture,
    strategy: flags.strategy,
    balancedWeight: flags.balancedWeight,
    maxDurationMs: flags.maxDuration,
    originalMemoryMb: run.snapshot.memoryMb,
    sizes: run.analysis.sizes,
    recommendation: run.analysis.recommendation,
    monthlyProjection: run.analysis.monthlyProjection,
    tuningCost: run.analysis.tuningCost,
    restored: run.restored,
    totalInvocations: run.analysis.totalInvocations,
    stopReason: run.stopReason,
    throttles: run.throttles,
    trim: flags.trim,
  };
}

export async function renderTuneOutcome(
  run: TuneRunResult,
  flags: {
    format: "table" | "json" | "csv";
    strategy: TuneResult["strategy"];
    balancedWeight: number;
    maxDuration?: number | undefined;
    trim?: number | undefined;
    maxWidth?: number | undefined;
  },
): Promise<string> {
  return renderTune(flags.format, toTuneResult(run, flags), { maxWidth: flags.maxWidth });
}

export function renderRecovered(
  functionName: string,
  recovered: PutBackResult | undefined,
  format: "table" | "json" | "csv",
): string {
  if (format === "json") {
    return JSON.stringify({
      function: functionName,
      recovered: recovered !== undefined,
      restored: recovered?.restored ?? true,
      deletedVersions: recovered?.deletedVersions ?? [],
      theirFields: recovered?.theirFields ?? [],
      ownNotBack: recovered?.ownNotBack ?? [],
      foreignChange: recovered?.foreignChange ?? null,
    });
  }
  if (!recovered)
    return `Nothing to recover for ${functionName}: no journal of an interrupted run.`;
  return `Recovered ${functionName}: ${recovered.restored ? "$LATEST is as it was found" : (recovered.foreignChange ?? "$LATEST differs from the journal")}; deleted versions: ${recovered.deletedVersions.join(", ") || "none"}.`;
}
