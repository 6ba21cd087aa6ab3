/**
 * The flags that describe one Lambda workload, declared once for every command that prices one
 * (estimate and crossover). Light on purpose: commander, the flag parsers and the limits only,
 * no pricing code.
 */
import type { Command } from "commander";
import { LAMBDA_LIMITS } from "../core/lambda-limits.js";
import { addFreeTierOption, nonEmpty } from "./common-options.js";
import { durationIn, memoryMb, oneOf, parseCount } from "./parse.js";

/** Spelled as in core/pricing (kept here so the CLI's start-up does not load decimal.js). */
export const LAMBDA_ARCHITECTURES = ["x86_64", "arm64"] as const;
export type LambdaArchitectureFlag = (typeof LAMBDA_ARCHITECTURES)[number];

/** `--arch arm` and `--arch aarch64` are refused with the name Lambda uses. */
export const parseArchitecture = oneOf(LAMBDA_ARCHITECTURES, {
  arm: "arm64",
  aarch64: "arm64",
  amd64: "x86_64",
  x64: "x86_64",
  x86: "x86_64",
  "x86-64": "x86_64",
});

/** One invocation's duration: Lambda bills at least 1 ms and stops it at the 900 s timeout. */
export const parseInvocationDurationMs = durationIn(
  LAMBDA_LIMITS.durationMs,
  `Lambda bills at least 1 ms and times out at ${LAMBDA_LIMITS.timeoutS.max} s`,
);

/** One on-demand INIT phase (a cold start). */
export const parseInitDurationMs = durationIn(
  LAMBDA_LIMITS.initDurationMs,
  "Lambda limits an on-demand INIT phase to 10 s",
);

export interface LambdaUsageFlags {
  memory?: number;
  duration?: number;
  requests?: number;
  region?: string;
  arch?: LambdaArchitectureFlag;
  freeTier: boolean;
}

/**
 * Adds --memory, --duration, --requests, --region, --arch and --no-free-tier; `required` is how
 * --help marks the first three (e.g. "required unless --scenario").
 *
 * @example
 * addLambdaUsageOptions(new Command("crossover"), "required");
 */
export function addLambdaUsageOptions(command: Command, required: string): Command {
  const { memoryMb: memory } = LAMBDA_LIMITS;
  command
    .option(
      "--memory <MB>",
      `memory size, ${memory.min}–${memory.max} MB (${required})`,
      memoryMb(),
    )
    .option(
      "--duration <time>",
      `average duration of an invocation: 120ms, 1.5s, 2min or ms (${required})`,
      parseInvocationDurationMs,
    )
    .option(
      "--requests <count>",
      `on-demand invocations a month: 3000000, 3M, 500k, 1.5B (${required})`,
      parseCount,
    )
    .option(
      "--region <region>",
      "AWS region (default: $AWS_REGION, then us-east-1)",
      nonEmpty("a region such as us-east-1"),
    )
    .option(
      "--arch <arch>",
      "Lambda architecture, x86_64 or arm64 (default: x86_64)",
      parseArchitecture,
    );
  return addFreeTierOption(command);
}

/**
 * Every required flag that is missing, named at once, or undefined when none is:
 * `missingFlags({ memory: 1 }, [["memory", "--memory 512"], ["duration", "--duration 120ms"]])`
 * is "missing --duration; give it, e.g. --duration 120ms".
 */
export function missingFlags<T extends object>(
  flags: T,
  required: ReadonlyArray<readonly [keyof T, string]>,
  alternative = "",
): string | undefined {
  const missing = required.filter(([key]) => flags[key] === undefined).map(([, e]) => e);
  if (missing.length === 0) return undefined;
  const names = missing.map((example) => example.split(" ")[0]).join(", ");
  const them = missing.length === 1 ? "it" : "them";
  return `missing ${names}; give ${them}, e.g. ${missing.join(" ")}${alternative}`;
}
