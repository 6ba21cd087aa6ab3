/**
 * `lambda-cost pricing update`: regenerates pricing/lambda.json from AWS's public Price List
 * bulk files (issue 11). Flags only; the action (./pricing-update-action.ts) is handed in by
 * commands/index.ts, which loads it lazily.
 */
import { Command } from "commander";
import { addFormatOption, addOutOption, parseEndpointUrl } from "../common-options.js";
import type { CliIo } from "../io.js";

export interface PricingUpdateFlags {
  offerDir?: string;
  endpointUrl?: string;
  table?: string;
  out?: string;
  dryRun?: boolean;
  format: "table" | "json";
}

export function pricingCommand(
  io: CliIo,
  run: (flags: PricingUpdateFlags) => Promise<string>,
): Command {
  const update = new Command("update")
    .description(
      "regenerate the Lambda price table from AWS's public Price List files (no credentials); prints a diff, then writes",
    )
    .option(
      "--offer-dir <dir>",
      "read region_index.json and <region>/index.json from this directory instead of the network",
    )
    .option(
      "--endpoint-url <url>",
      "Price List host to read from (default: https://pricing.us-east-1.amazonaws.com)",
      parseEndpointUrl,
    )
    .option(
      "--table <file>",
      "the table to compare with (default: the package's pricing/lambda.json)",
    );
  addOutOption(update, "where to write the updated table (default: --table)").option(
    "--dry-run",
    "print the diff only; write nothing",
  );
  addFormatOption(update, ["table", "json"])
    .addHelpText(
      "after",
      "\nExamples:\n  lambda-cost pricing update --dry-run\n  lambda-cost pricing update --offer-dir ./price-list --out pricing/lambda.json\n",
    )
    .action(async (flags: PricingUpdateFlags) => {
      io.stdout(await run(flags));
    });
  return new Command("pricing")
    .description("keep the shipped price tables current from AWS's Price List")
    .addCommand(update);
}
