/**
 * `lambda-cost/crossover`: Lambda against Fargate, EC2 and Lambda Managed Instances for the same
 * work, with break-even volumes. One call on the shipped price tables, or the pure function with
 * your own tables. See docs/library.md.
 */
import { crossover } from "../core/crossover/crossover.js";
import type { CrossoverInput, CrossoverResult } from "../core/crossover/result-types.js";
import { loadEc2PriceTable } from "../prices/ec2-prices.js";
import { loadFargatePriceTable } from "../prices/fargate-prices.js";
import { loadLambdaPriceTable } from "../prices/lambda-prices.js";

/**
 * @example
 * import { crossoverWithShippedPrices } from "lambda-cost/crossover";
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

export { crossover, DEFAULT_EC2_TYPES } from "../core/crossover/crossover.js";
export {
  allFargateTaskSizes,
  parseFargateTaskSize,
  VALID_FARGATE_TASK_SIZES,
} from "../core/crossover/fargate-task-sizes.js";
export type {
  CheapestOption,
  CrossoverInput,
  CrossoverResult,
  CrossoverTables,
  Ec2Candidate,
  LmiCandidate,
  ManagedInstancesResult,
  SweepRow,
} from "../core/crossover/result-types.js";
export type {
  BreakEven,
  Ec2PriceTable,
  FargatePriceTable,
  FargateTaskSize,
  SavingsPlan,
} from "../core/crossover/types.js";
export { crossoverJson, renderCrossoverJson } from "../output/crossover-json.js";
export { loadEc2PriceTable } from "../prices/ec2-prices.js";
export { loadFargatePriceTable } from "../prices/fargate-prices.js";
export { loadLambdaPriceTable } from "../prices/lambda-prices.js";
