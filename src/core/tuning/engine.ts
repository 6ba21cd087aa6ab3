/**
 * The tune runner's TuningEngine over the real pure core: sampling planners, analysis and the size
 * spread from src/core/tuning, prices from src/core/pricing at the function's own region,
 * architecture and ephemeral storage.
 */

import { priceLambda, pricePerInvocation } from "../pricing/index.js";
import type { LambdaPriceTable } from "../pricing/types.js";
import { analyzeTuning, sizesAuto } from "./analyze.js";
import type { TuningEngine } from "./ports.js";
import { createSamplingPlanner } from "./sampling.js";

export function createTuningEngine(table: LambdaPriceTable): TuningEngine {
  return {
    sizesAuto: (snapshot) => sizesAuto(snapshot.memoryMb),
    createPlanner: (sizesMb, mode, costModel, strategyOptions) =>
      createSamplingPlanner({ sizes: sizesMb, mode, costModel, strategyOptions }),
    pricePerInvocation: (snapshot, memoryMb, billedDurationMs) =>
      pricePerInvocation(table, {
        region: snapshot.region,
        architecture: snapshot.architecture,
        memoryMb,
        billedDurationMs,
        ephemeralStorageMb: snapshot.ephemeralStorageMb,
      }),
    analyze: (samplesBySize, input) =>
      analyzeTuning({
        samplesBySize,
        costModel: input.cost,
        strategyOptions: input.strategy,
        trim: input.trim,
        originalMemoryMb: input.snapshot.memoryMb,
        monthly: input.monthlyInvocations,
        // A month at one size through the engine: volume tiers apply; no free tier (it is
        // shared by the whole account, so one function cannot claim it).
        monthlyCost: input.monthlyInvocations
          ? (memoryMb, meanBilledMs) =>
              priceLambda(
                [
                  {
                    region: input.snapshot.region,
                    architecture: input.snapshot.architecture,
                    memoryMb,
                    monthlyRequests: input.monthlyInvocations?.invocations ?? 0,
                    averageDurationMs: meanBilledMs,
                    ephemeralStorageMb: input.snapshot.ephemeralStorageMb,
                  },
                ],
                table,
                { freeTier: false },
              ).total
          : undefined,
      }),
  };
}
