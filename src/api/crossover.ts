/** The one-call crossover API on the shipped price tables (Lambda, Fargate, EC2). */
import { crossover } from "../core/crossover/crossover.js";
import type { CrossoverInput, CrossoverResult } from "../core/crossover/result-types.js";
import { loadEc2PriceTable } from "./ec2-prices.js";
import { loadFargatePriceTable } from "./fargate-prices.js";
import { loadLambdaPriceTable } from "./lambda-prices.js";

/**
 * @example
 * import { crossoverWithShippedPrices } from "lambda-cost";
 * const r = crossoverWithShippedPrices({
 *   region: "us-east-1", architecture: "x86_64", memoryMb: 512, durationMs: 120,
 *   monthlyRequests: 50_000_000, cpuBoundFraction: 1, peakToAverage: 2, targetUtilization: 0.6,
 *   minInstances: 2, fargateTask: "1vcpu-2gb", fargateArchitecture: "x86_64", fargateSpot: false,
 *   includeBurstable: false, savingsPlan: "none", freeTier: true,
 * });
 * r.ec2.breakEven.requestsPerMonth; // 226242690 (c7g.large)
 */
export function crossoverWithShippedPrices(input: CrossoverInput): CrossoverResult {
  return crossover(input, {
    lambda: loadLambdaPriceTable(),
    fargate: loadFargatePriceTable(),
    ec2: loadEc2PriceTable(),
  });
}
