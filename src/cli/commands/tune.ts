/**
 * `lambda-cost tune <function>`: measure a function at each memory size and recommend one,
 * safely (issue 4). This file only declares flags and validates them; the run itself is
 * loaded lazily from ./tune-action.ts, so the AWS SDK is read only when tune actually runs.
 */
import { Command, InvalidArgumentError, Option } from "commander";
import { LAMBDA_LIMITS } from "../../core/lambda-limits.js";
import { parseSizeList } from "../../core/tuning/size-list.js";
import { STRATEGIES } from "../../core/tuning/types.js";
import type { OutputFormat } from "../../output/format.js";
import { addAwsOptions, addFormatOption, addOutOption } from "../common-options.js";
import type { CliIo } from "../io.js";
import { parseInvocationDurationMs } from "../lambda-usage-options.js";
import {
  durationIn,
  fraction,
  integerInRange,
  memoryMb,
  numberIn,
  oneOf,
  parseCount,
} from "../parse.js";

/** `--sizes 128,256,512`, `--sizes 128..3008[:64]` (see size-list.ts) or "auto". */
export function parseSizes(raw: string): number[] | "auto" {
  if (raw.trim() === "auto") return "auto";
  // Single sizes meet the same rules as --memory (so `1GB` gets the number to type); ranges
  // are checked by parseSizeList.
  const size = memoryMb();
  for (const part of raw.split(",")) if (part.trim() && !part.includes("..")) size(part.trim());
  const parsed = parseSizeList(raw);
  if ("error" in parsed) throw new InvalidArgumentError(parsed.error);
  return parsed.sizes;
}

/** `--equivalence-margin 1%` or `0.01`: a relative difference from 0 to 50%. */
export function parseMargin(raw: string): number {
  const text = raw.trim();
  const percent = text.endsWith("%");
  try {
    const share = numberIn({ min: 0, max: percent ? 50 : 0.5, unit: "" });
    return share(percent ? text.slice(0, -1) : text) / (percent ? 100 : 1);
  } catch {
    throw new InvalidArgumentError(`"${raw}" is not a share from 0 to 50%; give it as 1% or 0.01`);
  }
}

/** `--arch x86_64,arm64`: one or both of Lambda's architectures, no repeats. */
export function parseArchitectures(raw: string): Array<"x86_64" | "arm64"> {
  const parts = raw.split(",").map((part) => part.trim());
  const bad = parts.find((part) => part !== "x86_64" && part !== "arm64");
  if (bad !== undefined || parts.length === 0) {
    throw new InvalidArgumentError(
      `"${bad ?? raw}" is not an architecture; use x86_64, arm64 or x86_64,arm64`,
    );
  }
  if (new Set(parts).size !== parts.length) {
    throw new InvalidArgumentError(`"${raw}" names an architecture twice; use x86_64,arm64`);
  }
  return parts as Array<"x86_64" | "arm64">;
}

/** `--code-bucket`: an S3 bucket name as S3 allows new ones (3–63 of a-z 0-9 . -). */
export function parseBucket(raw: string): string {
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(raw)) {
    throw new InvalidArgumentError(
      `"${raw}" is not an S3 bucket name; use 3–63 lower-case letters, digits, dots or hyphens`,
    );
  }
  return raw;
}

/** `--invocations 50` or `--invocations auto`. */
export function parseInvocations(raw: string): number | "auto" {
  if (raw.trim() === "auto") return "auto";
  return integerInRange(1, 100_000)(raw);
}

/** Alias names as Lambda allows them: letters, digits, - and _, not all digits, ≤ 128. */
export function parseAliasName(raw: string): string {
  if (!/^[a-zA-Z0-9_-]{1,128}$/.test(raw) || /^\d+$/.test(raw)) {
    throw new InvalidArgumentError(
      `"${raw}" is not a valid alias name; use 1–128 letters, digits, - or _, not only digits`,
    );
  }
  return raw;
}

/** `--max-throttle-wait 2min`: up to a day (a run throttled longer than that is a mistake). */
const parseThrottleWait = durationIn(
  { min: 0, max: 86_400_000, unit: "ms" },
  "at most a day, e.g. 120s",
);

const trimFraction = numberIn({ min: 0, max: 0.49, unit: "" });

export interface TuneFlags {
  sizes: number[] | "auto";
  invocations: number | "auto";
  maxInvocations: number;
  concurrency: number;
  payload?: string;
  payloads?: string;
  strategy: (typeof STRATEGIES)[number];
  balancedWeight: number;
  maxDuration?: number;
  equivalenceMargin?: number;
  monthlyInvocations?: number;
  apply?: boolean;
  alias?: string;
  dryRun?: boolean;
  yes?: boolean;
  recover?: boolean;
  force?: boolean;
  maxThrottleWait: number;
  arch?: Array<"x86_64" | "arm64">;
  codeBucket?: string;
  region?: string;
  profile?: string;
  endpointUrl?: string;
  format: OutputFormat;
  out?: string;
  trim?: number;
}

export function tuneCommand(
  _io: CliIo,
  run: (functionName: string, flags: TuneFlags) => Promise<void>,
): Command {
  const command = new Command("tune")
    .summary("measure a real function at each memory size and recommend one; leaves it as found")
    .description(
      "Measure a function at each memory size and recommend one. Publishes one temporary version per size, puts $LATEST back at once, deletes what it created, and never leaves the function changed (a journal makes an interrupted run recoverable with --recover).",
    )
    .argument("<function>", "function name or ARN")
    .addOption(
      new Option(
        "--sizes <list>",
        `memory sizes in MB (${LAMBDA_LIMITS.memoryMb.min}–${LAMBDA_LIMITS.memoryMb.max}): 128,512,1024, a range 128..3008 (step 64) or 128..3008:128, or "auto"`,
      )
        .argParser(parseSizes)
        .default("auto"),
    )
    .addOption(
      new Option("--invocations <n>", 'invocations per size, or "auto" to sample adaptively')
        .argParser(parseInvocations)
        .default("auto"),
    )
    .addOption(
      new Option(
        "--max-invocations <n>",
        "with --invocations auto: at most this many in all (never more than 50 per size)",
      )
        .argParser(integerInRange(1, 1_000_000))
        .default(400),
    )
    .addOption(
      new Option("--concurrency <n>", "invocations in flight at once, shared by all sizes")
        .argParser(integerInRange(1, 1000))
        .default(4),
    )
    .option("--payload <json>", "event to send: inline JSON or @file.json (default {})")
    .option("--payloads <@file>", 'weighted events: @file with [{"payload": …, "weight": 3}, …]')
    .addOption(
      new Option("--strategy <strategy>", "what to optimise: cost, speed or balanced")
        .argParser(oneOf(STRATEGIES))
        .default("cost"),
    )
    .addOption(
      new Option("--balanced-weight <w>", "with --strategy balanced: weight of cost (0–1)")
        .argParser(fraction({ allowZero: true }))
        .default(0.5),
    )
    .addOption(
      new Option(
        "--max-duration <duration>",
        "exclude sizes whose p90 exceeds this (e.g. 3s; at most 900s, Lambda's timeout)",
      ).argParser(parseInvocationDurationMs),
    )
    .addOption(
      new Option(
        "--monthly-invocations <count>",
        "project monthly cost (e.g. 10M); default: CloudWatch, last 30 days",
      ).argParser(parseCount),
    )
    .option("--apply", "set the recommended memory on $LATEST (asks first unless --yes)")
    .addOption(
      new Option(
        "--alias <name>",
        "with --apply: also publish a version and point this alias at it",
      ).argParser(parseAliasName),
    )
    .addOption(
      new Option(
        "--arch <list>",
        "architectures to measure: x86_64, arm64 or x86_64,arm64 (default: the function's own); the code is swapped and put back",
      ).argParser(parseArchitectures),
    )
    .addOption(
      new Option(
        "--code-bucket <bucket>",
        "with --arch: an S3 bucket (same region) to stage a zip over the 50 MB direct upload",
      ).argParser(parseBucket),
    )
    .option("--dry-run", "print the plan and its estimated cost; change nothing")
    .option("--yes", "do not ask before --apply")
    .option("--recover", "put back a function left changed by an interrupted run, then stop")
    .option(
      "--force",
      "with --recover: recover even when that run cannot be verified as dead (another machine)",
    )
    .addOption(
      new Option(
        "--max-throttle-wait <duration>",
        "stop (putting everything back) after this long throttled in all",
      )
        .argParser(parseThrottleWait)
        .default(120_000, "120s"),
    );
  addOutOption(command, "write the result to this file instead of stdout").addOption(
    new Option(
      "--trim <fraction>",
      "also show means trimmed like Power Tuning (e.g. 0.2); cost always uses the full mean",
    ).argParser(trimFraction),
  );
  command.addOption(
    new Option(
      "--equivalence-margin <share>",
      "a difference that does not matter: sizes shown to be within it are equivalent and the cheapest is recommended (default 1% of cost; 2% of duration for speed)",
    ).argParser(parseMargin),
  );
  addAwsOptions(command);
  addFormatOption(command);
  command.action(run);
  return command;
}
