/**
 * `lambda-cost crossover`: from which traffic Fargate or EC2 cost no more than Lambda for the
 * same work (issue 5). This file declares the flags only; the work is loaded lazily from
 * ./crossover-action.ts so the program's start-up stays close to bare node.
 */
import { Command } from "commander";
import { SAVINGS_PLANS, type SavingsPlan } from "../../core/crossover/types.js";
import { TARGET_UTILIZATION } from "../../core/crossover/validate-input.js";
import { LAMBDA_CPU, LAMBDA_LIMITS } from "../../core/lambda-limits.js";
import type { OutputFormat } from "../../output/format.js";
import { addFormatOption, addOutOption } from "../common-options.js";
import type { CliIo } from "../io.js";
import {
  addLambdaUsageOptions,
  type LAMBDA_ARCHITECTURES,
  type LambdaUsageFlags,
  parseArchitecture,
} from "../lambda-usage-options.js";
import { fraction, integerInRange, numberIn, oneOf } from "../parse.js";
import { addLmiOptions, instanceTypeList, type LmiFlags } from "./crossover-lmi-options.js";

export interface CrossoverFlags extends LambdaUsageFlags, LmiFlags {
  cpuBoundFraction: number;
  cpuSecondsPerRequest?: number;
  peakToAverage: number;
  targetUtilization: number;
  minInstances: number;
  fargateTask: string;
  fargateArch: (typeof LAMBDA_ARCHITECTURES)[number];
  fargateSpot: boolean;
  ec2Types?: string[];
  includeBurstable: boolean;
  savingsPlan: SavingsPlan;
  format: OutputFormat;
  out?: string;
}

/** A peak-to-average ratio: the peak is never below the average. */
const peakRatio = numberIn({ min: 1, max: 1_000_000, unit: "" });

/** vCPU-seconds of CPU work per request: more than 0, at most a 900 s invocation on 6 vCPUs. */
const cpuSeconds = numberIn(
  { min: 0, max: LAMBDA_LIMITS.timeoutS.max * LAMBDA_CPU.maxVcpus, unit: "vCPU-seconds" },
  { exclusiveMin: true },
);

export function crossoverCommand(
  io: CliIo,
  run: (flags: CrossoverFlags, env: NodeJS.ProcessEnv) => Promise<string>,
): Command {
  const command = new Command("crossover").description(
    "from which monthly traffic Lambda Managed Instances, Fargate or EC2 cost no more than Lambda for the same work (offline)",
  );
  addLambdaUsageOptions(command, "required")
    .option(
      "--cpu-bound-fraction <f>",
      "share of the duration spent on CPU rather than waiting, (0, 1]",
      fraction(),
      1,
    )
    .option(
      "--cpu-seconds-per-request <S>",
      "vCPU-seconds of work per request (overrides duration × memory/1769 × fraction)",
      cpuSeconds,
    )
    .option("--peak-to-average <ratio>", "peak traffic / average traffic, ≥ 1", peakRatio, 2)
    .option(
      "--target-utilization <f>",
      "the busiest a fleet may run at the peak, 0.01–1",
      numberIn(TARGET_UTILIZATION),
      0.6,
    )
    .option(
      "--min-instances <N>",
      "smallest fleet (tasks or instances) kept running",
      integerInRange(1, 100_000),
      2,
    )
    .option("--fargate-task <size>", "Fargate task size, e.g. 1vcpu-2gb, 0.5vcpu-1gb", "1vcpu-2gb")
    .option(
      "--fargate-arch <arch>",
      "Fargate architecture, x86_64 or arm64",
      parseArchitecture,
      "x86_64",
    )
    .option(
      "--fargate-spot",
      "price Fargate Spot, x86_64 tasks only (discount from pricing/fargate.json)",
      false,
    )
    .option(
      "--ec2-types <list>",
      "candidate EC2 instance types, comma-separated (default: m7g.large,c7g.large,m7i.large)",
      instanceTypeList("EC2 instance types"),
    )
    .option(
      "--include-burstable",
      "also consider t3/t4g types, counted at their baseline CPU share",
      false,
    )
    .option(
      "--savings-plan <plan>",
      "none, compute-1yr or compute-3yr (discounts from the price data)",
      oneOf(SAVINGS_PLANS),
      "none",
    );
  addLmiOptions(command);
  addFormatOption(command);
  addOutOption(command);
  return command
    .addHelpText(
      "after",
      "\nExamples:\n  lambda-cost crossover --memory 512 --duration 120ms --requests 50M\n  lambda-cost crossover --memory 1024 --duration 80ms --requests 2B --arch arm64 --fargate-arch arm64 --savings-plan compute-1yr --format json\n  lambda-cost crossover --memory 2048 --duration 60s --requests 1M --runtime python --lmi-types c7g.xlarge --lmi-instances 14\n",
    )
    .action(async (flags: CrossoverFlags) => {
      if (flags.out === undefined) {
        io.stdout(await run(flags, io.env));
        return;
      }
      const { emitToFile } = await import("../out-file.js");
      await emitToFile(flags.out, `crossover.${flags.format}`, () => run(flags, io.env), io);
    });
}
