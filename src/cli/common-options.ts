/** Options shared by several commands, spelled as the AWS CLI spells them. */
import { type Command, InvalidArgumentError, Option } from "commander";
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
      .argParser(oneOf(formats))
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
      parseEndpointUrl,
    );
}

/**
 * The region a command should use: the flag, then AWS_REGION, then AWS_DEFAULT_REGION, then
 * us-east-1. An empty variable counts as unset, as the AWS CLI treats it.
 */
export function resolveRegion(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  return flag || env.AWS_REGION || env.AWS_DEFAULT_REGION || "us-east-1";
}

/**
 * `--endpoint-url` as the AWS CLI takes it: an absolute http(s) URL. Without a scheme the SDK
 * would fail later with an unhelpful "UnknownError".
 * `parseEndpointUrl("localhost:4010")` throws; `parseEndpointUrl("http://localhost:4010")` returns it.
 */
export function parseEndpointUrl(raw: string): string {
  const hostPart = raw.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "") || "127.0.0.1:4010";
  const right = `use a full URL with its scheme, e.g. http://${hostPart}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InvalidArgumentError(`"${raw}" is not a URL; ${right}`);
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || !url.hostname) {
    throw new InvalidArgumentError(`"${raw}" has no http:// or https:// scheme; ${right}`);
  }
  return raw;
}
