/**
 * From a finished run to the shared TuneResult, the model every tune renderer prints. What was
 * put back and what --apply did go to stderr as the run happens (see run-tune.ts), so stdout
 * stays one clean document.
 */
import type { TuneResult } from "../core/tuning/types.js";
import type { TuneRunResult } from "./run-types.js";

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
    skippedArchitectures: run.skippedArchitectures,
    architectureComparison: run.analysis.architectureComparison,
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
