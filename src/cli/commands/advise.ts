/**
 * `lambda-cost advise`: which of an account's functions waste money, from the traffic they
 * already have (issue 13). Read-only. This file declares and checks the flags; the run is in
 * ./advise-action.ts, loaded only when the command runs.
 */
import { Command, InvalidArgumentError } from "commander";
import type { OutputFormat } from "../../output/format.js";
import {
  addFormatOption,
  addFreeTierOption,
  addOutOption,
  addProfileAndEndpointOptions,
} from "../common-options.js";
import type { CliIo } from "../io.js";
import { integerInRange } from "../parse.js";
import { parseRegionsFlag } from "./report.js";

export interface AdviseFlags {
  regions?: string;
  days: number;
  until?: string;
  functions?: string;
  minInvocations: number;
  maxScanGb: number;
  format: OutputFormat;
  out?: string;
  freeTier: boolean;
  profile?: string;
  endpointUrl?: string;
}

/** A UTC day, YYYY-MM-DD, that exists on the calendar. */
export function parseDay(raw: string): string {
  const day = raw.trim();
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(day) ? new Date(`${day}T00:00:00Z`) : undefined;
  if (!parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day) {
    throw new InvalidArgumentError(`"${raw}" is not a day; use YYYY-MM-DD, e.g. 2026-11-15`);
  }
  return day;
}

/** GB as a plain non-negative number (0 refuses any query that would scan anything). */
export function parseGb(raw: string): number {
  // Plain decimals only: Number() would also take "0x10", "1e3" and "Infinity".
  const value = Number(raw.trim());
  if (!/^\d+(\.\d+)?$/.test(raw.trim()) || value > 1_000_000) {
    throw new InvalidArgumentError(
      `"${raw}" is not a size in GB; use a number from 0 to 1000000, e.g. 10`,
    );
  }
  return value;
}

/**
 * A function-name glob: Lambda names hold only letters, digits, `-` and `_`, so any other
 * character (or nothing at all) could never match and would print empty advice with exit 0.
 */
export function parseFunctionGlob(raw: string): string {
  if (!/^[A-Za-z0-9_*?-]+$/.test(raw)) {
    throw new InvalidArgumentError(
      `"${raw}" can match no function name; use letters, digits, - and _ with * and ? wildcards, e.g. api-*`,
    );
  }
  return raw;
}

export function adviseCommand(
  io: CliIo,
  run: (flags: AdviseFlags, io: CliIo, now: Date) => Promise<void>,
): Command {
  const command = new Command("advise");
  command
    .description(
      "which functions waste money and what to do next, from CloudWatch metrics and Logs Insights (read-only)",
    )
    .option(
      "--regions <list|all>",
      "comma-separated regions, or all (every region in the price table); default: $AWS_REGION, $AWS_DEFAULT_REGION, the profile's region, us-east-1",
      parseRegionsFlag,
    )
    .option(
      "--days <n>",
      "whole UTC days of evidence, ending yesterday",
      integerInRange(1, 455),
      14,
    )
    .option(
      "--until <YYYY-MM-DD>",
      "end the window at the start of this UTC day instead of today",
      parseDay,
    )
    .option(
      "--functions <glob>",
      "only functions whose name matches (* and ? wildcards)",
      parseFunctionGlob,
    )
    .option(
      "--min-invocations <n>",
      "below this many invocations in the window, only the provisioned concurrency and log checks run",
      integerInRange(0, 1_000_000_000),
      50,
    )
    .option(
      "--max-scan-gb <gb>",
      "refuse (exit 2) when the Logs Insights queries would scan more than this",
      parseGb,
      10,
    );
  addFormatOption(command);
  addOutOption(command, "write the result to this file instead of stdout");
  addFreeTierOption(
    command,
    "count every GB-s as billed (the free tier's 400,000 GB-s already used elsewhere)",
  );
  return addProfileAndEndpointOptions(command).action(async (flags: AdviseFlags) => {
    await run(flags, io, new Date());
  });
}
