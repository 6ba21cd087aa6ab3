/**
 * `lambda-cost estimate`: what a Lambda workload costs a month, offline, from the shipped
 * price table (issue 2). This file declares the flags only; the work is loaded lazily from
 * ./estimate-action.ts so the program's start-up stays close to bare node.
 */
import { Command } from "commander";
import { LAMBDA_LIMITS } from "../../core/lambda-limits.js";
import type { OutputFormat } from "../../output/format.js";
import { addFormatOption, addOutOption } from "../common-options.js";
import type { CliIo } from "../io.js";
import {
  addLambdaUsageOptions,
  type LambdaUsageFlags,
  parseInitDurationMs,
  parseInvocationDurationMs,
} from "../lambda-usage-options.js";
import { fraction, integerInRange, numberIn, parseCount } from "../parse.js";
import { addEstimateLineOptions, type EstimateLineFlags } from "./estimate-line-options.js";

export interface EstimateFlags extends LambdaUsageFlags, EstimateLineFlags {
  ephemeralStorage?: number;
  coldStartRate?: number;
  initDuration?: number;
  provisionedConcurrency?: number;
  provisionedHours?: number;
  provisionedRequests?: number;
  provisionedDuration?: number;
  scenario?: string;
  format: OutputFormat;
  out?: string;
}

const { ephemeralStorageMb, provisionedConcurrency, hoursPerMonth } = LAMBDA_LIMITS;

export function estimateCommand(
  io: CliIo,
  run: (flags: EstimateFlags, env: NodeJS.ProcessEnv) => Promise<string>,
): Command {
  const command = new Command("estimate").description(
    "price a Lambda workload for a month from the shipped price table (offline)",
  );
  addLambdaUsageOptions(command, "required unless --scenario")
    .option(
      "--ephemeral-storage <MB>",
      `configured /tmp size, ${ephemeralStorageMb.min}–${ephemeralStorageMb.max} MB; the part above ${ephemeralStorageMb.min} MB is billed`,
      integerInRange(ephemeralStorageMb.min, ephemeralStorageMb.max, "MB"),
    )
    .option(
      "--cold-start-rate <fraction>",
      "share of on-demand invocations that are cold starts, 0–1 (needs --init-duration)",
      fraction({ allowZero: true }),
    )
    .option(
      "--init-duration <time>",
      "INIT duration of a cold start, at most 10s (billed since 2025-08-01)",
      parseInitDurationMs,
    )
    .option(
      "--provisioned-concurrency <N>",
      "provisioned concurrency configured",
      integerInRange(provisionedConcurrency.min, provisionedConcurrency.max),
    )
    .option(
      "--provisioned-hours <H>",
      `hours a month PC is enabled, ${hoursPerMonth.min}–${hoursPerMonth.max} (default: 730, a whole month)`,
      numberIn(hoursPerMonth),
    )
    .option(
      "--provisioned-requests <count>",
      "invocations a month served by PC (default: 0)",
      parseCount,
    )
    .option(
      "--provisioned-duration <time>",
      "average duration of PC-served invocations (default: --duration)",
      parseInvocationDurationMs,
    )
    .option(
      "--scenario <file>",
      "price several functions from a JSON or YAML file (docs/estimate.md)",
    );
  addEstimateLineOptions(command);
  addFormatOption(command);
  addOutOption(command);
  return command
    .addHelpText(
      "after",
      "\nExamples:\n  lambda-cost estimate --memory 1536 --duration 120ms --requests 3M\n  lambda-cost estimate --memory 1024 --duration 2s --requests 7.44M --runtime python3.12 --snapstart-restore-rate 0.01\n  lambda-cost estimate --memory 128 --duration 10ms --requests 10M --edge\n  lambda-cost estimate --scenario plan.yaml --format json\n  lambda-cost estimate --scenario plan.yaml --format html --out estimate.html\n",
    )
    .action(async (flags: EstimateFlags) => {
      if (flags.out === undefined) {
        io.stdout(await run(flags, io.env));
        return;
      }
      // Only with --out: the default run does not load the file writer (start-up budget).
      const { emitToFile } = await import("../out-file.js");
      await emitToFile(flags.out, `estimate.${flags.format}`, () => run(flags, io.env), io);
    });
}
