/**
 * The `estimate` run: flags or a scenario file → usages → priceLambda → one renderer.
 * Loaded lazily by ./estimate.ts. Reads the price table and the scenario file; prints nothing
 * itself (the caller writes the returned text), throws UsageError for bad input.
 */
import { UsageError } from "../../core/errors.js";
import type { AccountUsage } from "../../core/pricing/extra-usage.js";
import { priceLambda } from "../../core/pricing/price-lambda.js";
import type { Architecture, FunctionUsage, LambdaPriceTable } from "../../core/pricing/types.js";
import { unknownRegion } from "../../core/unknown-region.js";
import { renderEstimate } from "../../output/estimate.js";
import { buildEstimateReport } from "../../output/estimate-model.js";
import { shippedLambdaPriceTable } from "../../prices/shipped-lambda-table.js";
import { resolveRegion } from "../common-options.js";
import { missingFlags } from "../lambda-usage-options.js";
import { outputWidth } from "../terminal.js";
import type { EstimateFlags } from "./estimate.js";
import { LINE_FLAGS, lineUsageFromFlags } from "./estimate-line-flags.js";

/** Flags that describe one function, so they cannot be combined with --scenario. */
const FUNCTION_FLAGS: Array<[keyof EstimateFlags, string]> = [
  ["memory", "--memory"],
  ["duration", "--duration"],
  ["requests", "--requests"],
  ["ephemeralStorage", "--ephemeral-storage"],
  ["coldStartRate", "--cold-start-rate"],
  ["initDuration", "--init-duration"],
  ["provisionedConcurrency", "--provisioned-concurrency"],
  ["provisionedHours", "--provisioned-hours"],
  ["provisionedRequests", "--provisioned-requests"],
  ["provisionedDuration", "--provisioned-duration"],
  ...LINE_FLAGS,
];

const REQUIRED: ReadonlyArray<readonly [keyof EstimateFlags, string]> = [
  ["memory", "--memory 1536"],
  ["duration", "--duration 120ms"],
  ["requests", "--requests 3M"],
];

/** One function from the flags; checks the flags that only make sense together. */
function usageFromFlags(
  flags: EstimateFlags,
  region: string,
  architecture: Architecture,
): FunctionUsage {
  const { memory, duration: durationMs, requests } = flags;
  if (memory === undefined || durationMs === undefined || requests === undefined) {
    throw new UsageError(missingFlags(flags, REQUIRED, ", or --scenario FILE") ?? "missing flags");
  }
  const usage: FunctionUsage = {
    region,
    architecture,
    memoryMb: memory,
    monthlyRequests: requests,
    averageDurationMs: durationMs,
    ephemeralStorageMb: flags.ephemeralStorage,
  };
  if ((flags.coldStartRate === undefined) !== (flags.initDuration === undefined)) {
    const [given, missing] =
      flags.coldStartRate === undefined
        ? ["--init-duration", "--cold-start-rate"]
        : ["--cold-start-rate", "--init-duration"];
    throw new UsageError(
      `${given} needs ${missing} too (e.g. --cold-start-rate 0.02 --init-duration 400ms)`,
    );
  }
  usage.coldStartRate = flags.coldStartRate;
  usage.initDurationMs = flags.initDuration;
  if (flags.provisionedConcurrency === undefined) {
    const stray = (
      ["provisionedHours", "provisionedRequests", "provisionedDuration"] as const
    ).find((key) => flags[key] !== undefined);
    if (stray) {
      const flag = FUNCTION_FLAGS.find(([key]) => key === stray)?.[1];
      throw new UsageError(
        `${flag} needs --provisioned-concurrency N (how many environments are provisioned)`,
      );
    }
  } else {
    usage.provisioned = {
      concurrency: flags.provisionedConcurrency,
      hoursPerMonth: flags.provisionedHours ?? 730,
      requests: flags.provisionedRequests ?? 0,
      averageDurationMs: flags.provisionedDuration ?? durationMs,
    };
  }
  return usage;
}

/** Unknown regions are a usage error naming where the region came from. */
function checkRegions(
  usages: FunctionUsage[],
  table: LambdaPriceTable,
  source: (u: FunctionUsage, i: number) => string,
) {
  usages.forEach((usage, index) => {
    if (!Object.hasOwn(table.regions, usage.region)) {
      throw new UsageError(
        `${source(usage, index)} ${unknownRegion(usage.region, Object.keys(table.regions))}`,
      );
    }
  });
}

export async function runEstimate(flags: EstimateFlags, env: NodeJS.ProcessEnv): Promise<string> {
  // An empty AWS_REGION counts as not set.
  const awsEnv = {
    AWS_REGION: env.AWS_REGION || undefined,
    AWS_DEFAULT_REGION: env.AWS_DEFAULT_REGION || undefined,
  };
  const region = resolveRegion(flags.region, awsEnv);
  const regionSource =
    flags.region !== undefined
      ? "--region"
      : awsEnv.AWS_REGION
        ? "AWS_REGION"
        : "AWS_DEFAULT_REGION";
  const architecture = flags.arch ?? "x86_64";
  let usages: FunctionUsage[];
  let account: AccountUsage;
  let freeTier = flags.freeTier;
  let source = (_u: FunctionUsage, _i: number): string => regionSource;
  if (flags.scenario !== undefined) {
    const file = flags.scenario;
    const clash = FUNCTION_FLAGS.find(([key]) => flags[key] !== undefined);
    if (clash) {
      throw new UsageError(
        `${clash[1]} cannot be combined with --scenario (the file describes every function)`,
      );
    }
    // Loaded only for --scenario: its schema and the YAML parser are not needed otherwise.
    const { loadScenario } = await import("./estimate-scenario.js");
    const scenario = await loadScenario(file, { region, architecture });
    usages = scenario.usages;
    account = scenario.account;
    freeTier = flags.freeTier && scenario.freeTier !== false;
    source = (u, i) =>
      u.region === region ? regionSource : `--scenario ${file}: functions[${i}].region`;
  } else {
    const usage = usageFromFlags(flags, region, architecture);
    const lines = lineUsageFromFlags(flags, region, usage.monthlyRequests);
    usages = [{ ...usage, ...lines.usage }];
    account = lines.account;
  }
  const table = shippedLambdaPriceTable();
  checkRegions(usages, table, source);
  // EC2 prices only for Managed Instances (the fee is 15% of the on-demand price).
  const ec2 = usages.some((u) => u.managedInstances)
    ? (await import("../../prices/ec2-prices.js")).loadEc2PriceTable()
    : undefined;
  const estimate = priceLambda(usages, table, { freeTier, account, ec2 });
  return await renderEstimate(flags.format, buildEstimateReport(estimate, usages), {
    // A file (--out) is not a terminal: nothing is wrapped, as for a pipe.
    maxWidth: flags.out === undefined ? outputWidth() : Number.POSITIVE_INFINITY,
  });
}
