/**
 * `lambda-cost estimate`: what a Lambda workload costs a month, offline, from the shipped
 * price table (issue 2). This file declares the flags only; the work is loaded lazily from
 * ./estimate-action.ts so the program's start-up stays close to bare node.
 */
import { Command, InvalidArgumentError } from "commander";
import { addFormatOption } from "../common-options.js";
import { fraction, integerInRange, oneOf, parseCount, parseDurationMs } from "../parse.js";

/** The architectures, spelled as in core/pricing (kept here to keep this file import-light). */
const ARCHITECTURES = ["x86_64", "arm64"] as const;

/** What commander hands the action; every value already parsed and range-checked. */
export interface EstimateFlags {
  memory?: number;
  duration?: number;
  requests?: number;
  region?: string;
  arch?: (typeof ARCHITECTURES)[number];
  ephemeralStorage?: number;
  coldStartRate?: number;
  initDuration?: number;
  provisionedConcurrency?: number;
  provisionedHours?: number;
  provisionedRequests?: number;
  provisionedDuration?: number;
  freeTier: boolean;
  scenario?: string;
  format: "table" | "json" | "csv";
}

/** Hours PC is enabled in a month: 0 to 744 (31 days). */
function parseHours(raw: string): number {
  const value = Number(raw.trim());
  if (raw.trim() === "" || !Number.isFinite(value) || value < 0 || value > 744) {
    throw new InvalidArgumentError(
      `provisioned hours must be a number from 0 to 744 (a 31-day month); got "${raw}".`,
    );
  }
  return value;
}

export function estimateCommand(): Command {
  const command = new Command("estimate")
    .description("price a Lambda workload for a month from the shipped price table (offline)")
    .option("--memory <MB>", "memory size, 128–10240 MB", integerInRange("memory", 128, 10_240))
    .option(
      "--duration <time>",
      "average duration of an invocation: 120ms, 1.5s or ms",
      parseDurationMs,
    )
    .option(
      "--requests <count>",
      "on-demand invocations a month: 3000000, 3M, 500k, 1.5B",
      parseCount,
    )
    .option("--region <region>", "AWS region (default: $AWS_REGION, then us-east-1)")
    .option(
      "--arch <arch>",
      "x86_64 or arm64 (default: x86_64)",
      oneOf("architecture", ARCHITECTURES),
    )
    .option(
      "--ephemeral-storage <MB>",
      "configured /tmp size, 512–10240 MB; the part above 512 MB is billed",
      integerInRange("ephemeral storage", 512, 10_240),
    )
    .option(
      "--cold-start-rate <fraction>",
      "share of on-demand invocations that are cold starts, 0–1 (needs --init-duration)",
      fraction("cold-start rate", { allowZero: true }),
    )
    .option(
      "--init-duration <time>",
      "INIT duration of a cold start (billed since 2025-08-01)",
      parseDurationMs,
    )
    .option(
      "--provisioned-concurrency <N>",
      "provisioned concurrency configured",
      integerInRange("provisioned concurrency", 1, 1_000_000),
    )
    .option(
      "--provisioned-hours <H>",
      "hours a month PC is enabled (default: 730, a whole month)",
      parseHours,
    )
    .option(
      "--provisioned-requests <count>",
      "invocations a month served by PC (default: 0)",
      parseCount,
    )
    .option(
      "--provisioned-duration <time>",
      "average duration of PC-served invocations (default: --duration)",
      parseDurationMs,
    )
    .option("--no-free-tier", "do not apply the monthly free tier (1M requests, 400,000 GB-s)")
    .option("--scenario <file>", "price several functions from a JSON or YAML file (see README)");
  addFormatOption(command);
  return command
    .addHelpText(
      "after",
      "\nExamples:\n  lambda-cost estimate --memory 1536 --duration 120ms --requests 3M\n  lambda-cost estimate --scenario plan.yaml --format json\n",
    )
    .action(async (flags: EstimateFlags) => {
      const { runEstimate } = await import("./estimate-action.js");
      process.stdout.write(await runEstimate(flags, process.env));
    });
}
