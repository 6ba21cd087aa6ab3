/** Options shared by several commands, spelled as the AWS CLI spells them. */
import { type Command, InvalidArgumentError, Option } from "commander";
import { OUTPUT_FORMATS, type OutputFormat } from "../output/format.js";
import { oneOf } from "./parse.js";

/** `--format table|json|csv|html` (table by default, unless a command passes another default). */
export function addFormatOption(
  command: Command,
  formats: readonly OutputFormat[] = OUTPUT_FORMATS,
  description = "output format",
) {
  return command.addOption(
    new Option("--format <format>", description)
      .choices(formats)
      .argParser(oneOf(formats))
      .default(formats[0]),
  );
}

/** `--out FILE`: the output to a file instead of stdout (see out-file.ts). */
export function addOutOption(
  command: Command,
  description = "write the output to this file instead of stdout (replaced atomically)",
) {
  return command.option("--out <file>", description);
}

/** `--no-free-tier`: price as if the account's monthly free tier were used up elsewhere. */
export function addFreeTierOption(
  command: Command,
  description = "do not apply the monthly free tier (1M requests, 400,000 GB-s)",
) {
  return command.option("--no-free-tier", description);
}

/** `--region`, `--profile`, `--endpoint-url`: how to reach AWS, as the AWS CLI takes them. */
export function addAwsOptions(command: Command) {
  command.option(
    "--region <region>",
    "AWS region (default: $AWS_REGION, $AWS_DEFAULT_REGION, the profile's region, us-east-1)",
    nonEmpty("a region such as us-east-1"),
  );
  return addProfileAndEndpointOptions(command);
}

/** `--profile`, `--endpoint-url`, for commands that take their regions another way (--regions). */
export function addProfileAndEndpointOptions(command: Command) {
  return command
    .option(
      "--profile <profile>",
      "named profile from ~/.aws/config (default: $AWS_PROFILE)",
      nonEmpty("a profile name from ~/.aws/config, or leave the flag out"),
    )
    .option(
      "--endpoint-url <url>",
      "send AWS calls to this URL instead (the lambda-cost emulator, LocalStack)",
      parseEndpointUrl,
    );
}

/**
 * A flag whose empty value would otherwise mean "not given" (`--region "$UNSET_VAR"` quietly
 * using the default region, or the default profile's account): refused, as bad input.
 */
export function nonEmpty(right: string) {
  return (raw: string): string => {
    if (raw.trim() === "") throw new InvalidArgumentError(`"${raw}" is empty; give ${right}`);
    return raw;
  };
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

/**
 * The region and profile of a command that calls AWS, settled like the AWS CLI (see
 * src/aws/shared-config.ts); a named profile that does not exist is a ConfigError (exit 2).
 * Loaded lazily: commands that never call AWS do not read the shared config files.
 */
export async function resolveAwsCommandSettings(
  flags: { region?: string | undefined; profile?: string | undefined },
  env: NodeJS.ProcessEnv,
) {
  const { resolveAwsSettings } = await import("../aws/shared-config.js");
  const settings = await resolveAwsSettings(flags, env);
  // The SDK reads a profile's endpoint_url and services sections (and a few other settings) for
  // AWS_PROFILE only, not for a client's `profile` option. --profile wins for the whole process,
  // as the AWS CLI's does, so every setting comes from the one profile.
  if (settings.profile) env.AWS_PROFILE = settings.profile;
  return settings;
}
