/**
 * The region and profile a command uses, settled as the AWS CLI settles them, read with the
 * SDK's own shared-config loader (never parsing INI here):
 * - profile: --profile, then AWS_PROFILE, then "default";
 * - region: --region, then AWS_REGION, then AWS_DEFAULT_REGION, then the profile's `region`,
 *   then us-east-1;
 * - a profile the user named (flag or AWS_PROFILE) must exist in the config or credentials file.
 * Endpoints (`endpoint_url`, `services` sections, AWS_ENDPOINT_URL[_SERVICE]) and credentials
 * (SSO, credential_process, roles, …) are left to the SDK clients, which read them for the
 * profile the CLI settles here (see resolveAwsCommandSettings in src/cli/common-options.ts).
 */
import { homedir } from "node:os";
import { join } from "node:path";
import { loadSharedConfigFiles } from "@smithy/core/config";
import { ConfigError } from "../core/errors.js";

export interface AwsSettingsInput {
  region?: string | undefined;
  profile?: string | undefined;
}

export interface AwsSettings {
  region: string;
  /** The profile the user named (flag or AWS_PROFILE); undefined means "default". */
  profile: string | undefined;
}

/** Where the SDK looks for its two files, with the same variables and defaults. */
export function sharedConfigPaths(env: NodeJS.ProcessEnv) {
  const aws = (file: string) => join(env.HOME || homedir(), ".aws", file);
  return {
    configFilepath: env.AWS_CONFIG_FILE || aws("config"),
    filepath: env.AWS_SHARED_CREDENTIALS_FILE || aws("credentials"),
  };
}

/**
 * @example
 * // ~/.aws/config has [profile emu] region = eu-west-1
 * await resolveAwsSettings({ profile: "emu" }, {}); // { region: "eu-west-1", profile: "emu" }
 * await resolveAwsSettings({ profile: "emu" }, { AWS_REGION: "us-west-2" }); // region us-west-2
 * await resolveAwsSettings({ profile: "nope" }, {}); // throws ConfigError naming both files
 */
export async function resolveAwsSettings(
  input: AwsSettingsInput,
  env: NodeJS.ProcessEnv,
): Promise<AwsSettings> {
  // An empty flag or variable counts as unset, as the AWS CLI treats it.
  const profile = input.profile || env.AWS_PROFILE || undefined;
  const paths = sharedConfigPaths(env);
  const { configFile, credentialsFile } = await loadSharedConfigFiles({
    ...paths,
    ignoreCache: true,
  });
  const name = profile ?? "default";
  if (
    profile !== undefined &&
    !Object.hasOwn(configFile, name) &&
    !Object.hasOwn(credentialsFile, name)
  ) {
    const from = input.profile ? "--profile" : "AWS_PROFILE";
    throw new ConfigError(
      `profile "${name}" (from ${from}) is not in ${paths.configFilepath} or ${paths.filepath}; name a profile defined there, or set AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE to the files that define it.`,
    );
  }
  // The SDK merges a profile's two sections with the config file winning; so do we.
  const section = { ...credentialsFile[name], ...configFile[name] };
  const region =
    input.region || env.AWS_REGION || env.AWS_DEFAULT_REGION || section.region || "us-east-1";
  return { region, profile };
}
