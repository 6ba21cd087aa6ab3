/** Options shared by several commands, spelled as the AWS CLI spells them. */
import { type Command, Option } from "commander";
import { OUTPUT_FORMATS, type OutputFormat } from "../output/format.js";
import { oneOf } from "./parse.js";

/** `--format table|json|csv` (table by default, unless a command passes another default). */
export function addFormatOption(
  command: Command,
  formats: readonly OutputFormat[] = OUTPUT_FORMATS,
) {
  return command.addOption(
    new Option("--format <format>", "output format")
      .choices(formats)
      .argParser(oneOf("format", formats))
      .default(formats[0]),
  );
}

/** `--region`, `--profile`, `--endpoint-url`: how to reach AWS, as the AWS CLI takes them. */
export function addAwsOptions(command: Command) {
  return command
    .option("--region <region>", "AWS region (default: $AWS_REGION, then us-east-1)")
    .option("--profile <profile>", "named profile from ~/.aws/config (default: $AWS_PROFILE)")
    .option(
      "--endpoint-url <url>",
      "send AWS calls to this URL instead (the lambda-cost emulator, LocalStack)",
    );
}

/**
 * The region a command should use: the flag, then AWS_REGION, then AWS_DEFAULT_REGION, then
 * us-east-1. An empty variable counts as unset, as the AWS CLI treats it.
 */
export function resolveRegion(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  return flag || env.AWS_REGION || env.AWS_DEFAULT_REGION || "us-east-1";
}
