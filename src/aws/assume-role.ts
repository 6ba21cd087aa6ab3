/**
 * Credentials for another account: STS AssumeRole into `arn:aws:iam::<account>:role/<name>`
 * (session name `lambda-cost-report`), kept and renewed before they expire, so a long
 * organisation run never signs with expired keys. The STS client is imported lazily: commands
 * that never assume a role never load it.
 */
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@aws-sdk/types";
import { AwsError } from "../core/errors.js";
import { type AwsConnection, sdkClientConfig } from "./connection.js";
import { toAwsError } from "./errors.js";

export const REPORT_SESSION_NAME = "lambda-cost-report";
/** Renew this long before expiry: the SDK's own temporary-credential providers use 5 minutes. */
export const REFRESH_BEFORE_MS = 5 * 60_000;

export interface AssumeRoleOptions {
  /** How to reach STS with the caller's own credentials. */
  connection: AwsConnection;
  accountId: string;
  roleName: string;
  externalId?: string | undefined;
  sessionName?: string | undefined;
  /** The clock expiry is compared with (tests move it). */
  now?: (() => number) | undefined;
}

export interface AssumedRole {
  /** Resolves to credentials valid for at least REFRESH_BEFORE_MS more. */
  credentials: AwsCredentialIdentityProvider;
  /** How many AssumeRole calls were made (the first, then each renewal). */
  calls(): number;
  destroy(): void;
}

/** A provider that assumes the role on first use and again whenever expiry is near. */
export function assumeRole(options: AssumeRoleOptions): AssumedRole {
  const now = options.now ?? Date.now;
  const roleArn = `arn:aws:iam::${options.accountId}:role/${options.roleName}`;
  let current: AwsCredentialIdentity | undefined;
  let pending: Promise<AwsCredentialIdentity> | undefined;
  let client: { send(command: unknown): Promise<unknown>; destroy(): void } | undefined;
  let calls = 0;

  const fetch = async (): Promise<AwsCredentialIdentity> => {
    const { STSClient, AssumeRoleCommand } = await import("@aws-sdk/client-sts");
    if (!client) client = new STSClient(sdkClientConfig(options.connection));
    const sts = client;
    calls += 1;
    try {
      const out = (await sts.send(
        new AssumeRoleCommand({
          RoleArn: roleArn,
          RoleSessionName: options.sessionName ?? REPORT_SESSION_NAME,
          ...(options.externalId ? { ExternalId: options.externalId } : {}),
        }),
      )) as {
        Credentials?: {
          AccessKeyId?: string;
          SecretAccessKey?: string;
          SessionToken?: string;
          Expiration?: Date;
        };
      };
      const c = out.Credentials;
      if (!c?.AccessKeyId || !c.SecretAccessKey) {
        throw new AwsError(`sts:AssumeRole into ${roleArn} returned no credentials.`);
      }
      return {
        accessKeyId: c.AccessKeyId,
        secretAccessKey: c.SecretAccessKey,
        ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}),
        ...(c.Expiration ? { expiration: c.Expiration } : {}),
      };
    } catch (error) {
      if (error instanceof AwsError) throw error;
      throw cannotAssume(error, roleArn, options.connection.region);
    }
  };

  const fresh = (c: AwsCredentialIdentity | undefined): c is AwsCredentialIdentity =>
    c !== undefined &&
    (c.expiration === undefined || c.expiration.getTime() - now() > REFRESH_BEFORE_MS);

  return {
    credentials: async () => {
      if (fresh(current)) return current;
      pending ??= fetch().then(
        (c) => {
          current = c;
          pending = undefined;
          return c;
        },
        (error: unknown) => {
          pending = undefined;
          throw error;
        },
      );
      return pending;
    },
    calls: () => calls,
    destroy: () => client?.destroy(),
  };
}

/** The account and role in the message: which account failed is what the user must fix. */
function cannotAssume(error: unknown, roleArn: string, region: string): Error {
  const mapped = toAwsError(error, { action: "sts:AssumeRole", region });
  const detail = (error as { message?: string } | undefined)?.message;
  return new AwsError(`cannot assume ${roleArn}${detail ? `: ${detail}` : ""}`, {
    cause: mapped,
    action: "sts:AssumeRole",
    exitCode: 1,
  });
}

/** The account the connection's own credentials belong to (STS GetCallerIdentity). */
export async function callerAccountId(connection: AwsConnection): Promise<string> {
  const { STSClient, GetCallerIdentityCommand } = await import("@aws-sdk/client-sts");
  const sts = new STSClient(sdkClientConfig(connection));
  try {
    const out = await sts.send(new GetCallerIdentityCommand({}));
    if (!out.Account) throw new AwsError("sts:GetCallerIdentity returned no account.");
    return out.Account;
  } catch (error) {
    if (error instanceof AwsError) throw error;
    throw toAwsError(error, { action: "sts:GetCallerIdentity", region: connection.region });
  } finally {
    sts.destroy();
  }
}
