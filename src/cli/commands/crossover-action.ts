/**
 * The `crossover` run: flags → a CrossoverInput → the pure model → one renderer. Loaded lazily
 * by ./crossover.ts. Reads the three price tables; prints nothing itself (the caller writes the
 * returned text); throws UsageError / PricingDataError for bad input or data (exit 2).
 */
import { crossover } from "../../core/crossover/crossover.js";
import { UsageError } from "../../core/errors.js";
import { renderCrossover } from "../../output/crossover.js";
import { loadEc2PriceTable } from "../../prices/ec2-prices.js";
import { loadFargatePriceTable } from "../../prices/fargate-prices.js";
import { loadLambdaPriceTable } from "../../prices/lambda-prices.js";
import { resolveRegion } from "../common-options.js";
import { missingFlags } from "../lambda-usage-options.js";
import { outputWidth } from "../terminal.js";
import type { CrossoverFlags } from "./crossover.js";

const REQUIRED: ReadonlyArray<readonly [keyof CrossoverFlags, string]> = [
  ["memory", "--memory 512"],
  ["duration", "--duration 120ms"],
  ["requests", "--requests 50M"],
];

export async function runCrossover(flags: CrossoverFlags, env: NodeJS.ProcessEnv): Promise<string> {
  const { memory: memoryMb, duration: durationMs, requests: monthlyRequests } = flags;
  if (memoryMb === undefined || durationMs === undefined || monthlyRequests === undefined) {
    throw new UsageError(missingFlags(flags, REQUIRED) ?? "missing flags");
  }
  const result = crossover(
    {
      region: resolveRegion(flags.region, env),
      architecture: flags.arch ?? "x86_64",
      memoryMb,
      durationMs,
      monthlyRequests,
      cpuBoundFraction: flags.cpuBoundFraction,
      cpuSecondsPerRequest: flags.cpuSecondsPerRequest,
      peakToAverage: flags.peakToAverage,
      targetUtilization: flags.targetUtilization,
      minInstances: flags.minInstances,
      fargateTask: flags.fargateTask,
      fargateArchitecture: flags.fargateArch,
      fargateSpot: flags.fargateSpot,
      ec2Types: flags.ec2Types,
      includeBurstable: flags.includeBurstable,
      savingsPlan: flags.savingsPlan,
      freeTier: flags.freeTier,
      runtime: flags.runtime,
      lmiTypes: flags.lmiTypes,
      lmiArchitecture: flags.lmiArch,
      lmiMemoryPerVcpuGib: flags.lmiMemoryPerVcpu,
      lmiMinInstances: flags.lmiMinInstances,
      lmiInstances: flags.lmiInstances,
    },
    {
      lambda: loadLambdaPriceTable(),
      fargate: loadFargatePriceTable(),
      ec2: loadEc2PriceTable(),
    },
  );
  // A file (--out) is not a terminal: no colour, nothing wrapped, as for a pipe.
  const toTerminal = flags.out === undefined && Boolean(process.stdout.isTTY);
  const color = toTerminal && !env.NO_COLOR && env.TERM !== "dumb";
  return renderCrossover(
    flags.format,
    { result, color },
    { maxWidth: flags.out === undefined ? outputWidth() : Number.POSITIVE_INFINITY },
  );
}
