/**
 * The flags that describe one Lambda workload, declared once for every command that prices one
 * (crossover today; estimate declares the same flags with the same parsers and limits and can
 * switch to this). Light on purpose: commander and the flag parsers only, no pricing code.
 */
import type { Command } from "commander";
import { integerInRange, oneOf, parseCount, parseDurationMs } from "./parse.js";

/** Spelled as in core/pricing (kept here so the CLI's start-up does not load decimal.js). */
export const LAMBDA_ARCHITECTURES = ["x86_64", "arm64"] as const;
export type LambdaArchitectureFlag = (typeof LAMBDA_ARCHITECTURES)[number];

/** Lambda's memory limits (AWS Lambda quotas): 128–10,240 MB. */
export const MEMORY_MB_RANGE = [128, 10_240] as const;

export interface LambdaUsageFlags {
  memory?: number;
  duration?: number;
  requests?: number;
  region?: string;
  arch?: LambdaArchitectureFlag;
  freeTier: boolean;
}

/**
 * Adds --memory, --duration, --requests, --region, --arch and --no-free-tier.
 *
 * @example
 * addLambdaUsageOptions(new Command("crossover")).parse(["--memory", "64"], { from: "user" });
 * // error: option '--memory <MB>' argument '64' is invalid. memory must be a whole number from 128 to 10240; got "64".
 */
export function addLambdaUsageOptions(command: Command): Command {
  return command
    .option(
      "--memory <MB>",
      "memory size, 128–10240 MB",
      integerInRange("memory", MEMORY_MB_RANGE[0], MEMORY_MB_RANGE[1]),
    )
    .option(
      "--duration <time>",
      "average duration of an invocation: 120ms, 1.5s or ms",
      parseDurationMs,
    )
    .option("--requests <count>", "invocations a month: 3000000, 3M, 500k, 1.5B", parseCount)
    .option("--region <region>", "AWS region (default: $AWS_REGION, then us-east-1)")
    .option(
      "--arch <arch>",
      "Lambda architecture, x86_64 or arm64 (default: x86_64)",
      oneOf("architecture", LAMBDA_ARCHITECTURES),
    )
    .option("--no-free-tier", "do not apply the monthly free tier (1M requests, 400,000 GB-s)");
}
