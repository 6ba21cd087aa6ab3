/** Shared crossover inputs for the unit tests. */
import type { CrossoverInput } from "../../src/core/crossover/crossover.js";

/** The issue's example: 512 MB, 120 ms, 50M requests a month, every other flag at its default. */
export const ISSUE_EXAMPLE: CrossoverInput = {
  region: "us-east-1",
  architecture: "x86_64",
  memoryMb: 512,
  durationMs: 120,
  monthlyRequests: 50_000_000,
  cpuBoundFraction: 1,
  peakToAverage: 2,
  targetUtilization: 0.6,
  minInstances: 2,
  fargateTask: "1vcpu-2gb",
  fargateArchitecture: "x86_64",
  fargateSpot: false,
  includeBurstable: false,
  savingsPlan: "none",
  freeTier: true,
};
