/**
 * How an adapter reaches AWS. Commands build one from --region / --profile / --endpoint-url;
 * tests build one pointing at the emulator with static credentials. Adapters accept either this
 * or a ready SDK client (see each adapter), so nothing reads process.env deep inside logic.
 */
import type {
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
  RetryStrategyV2,
} from "@aws-sdk/types";

export interface AwsConnection {
  region: string;
  /** Named profile (as AWS_PROFILE); undefined means the SDK's default chain. */
  profile?: string | undefined;
  /** e.g. "http://127.0.0.1:4010" for the emulator or LocalStack. */
  endpointUrl?: string | undefined;
  /**
   * Static credentials (tests), or a provider (an assumed role's, refreshed before expiry);
   * undefined means the SDK's default provider chain.
   */
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider | undefined;
  /** SDK attempts per call, retries included (default 3, the SDK's own standard strategy). */
  maxAttempts?: number | undefined;
  /**
   * A retry strategy that replaces the SDK's (and maxAttempts / retryMode): tests pass one that
   * retries the same errors without waiting, so the suite spends no time in real backoff.
   */
  retryStrategy?: RetryStrategyV2 | undefined;
}

/** The shared part of every SDK v3 client's configuration. */
export function sdkClientConfig(connection: AwsConnection) {
  return {
    region: connection.region,
    ...(connection.profile ? { profile: connection.profile } : {}),
    ...(connection.endpointUrl ? { endpoint: connection.endpointUrl } : {}),
    ...(connection.credentials ? { credentials: connection.credentials } : {}),
    maxAttempts: connection.maxAttempts ?? 3,
    ...(connection.retryStrategy ? { retryStrategy: connection.retryStrategy } : {}),
  };
}

/**
 * Runs `use` with a client: a ready client (the caller's) is used and left open; from a
 * connection one is built with `build` and destroyed when `use` settles, whatever happens.
 */
export async function withClient<C extends { destroy(): void }, T>(
  source: AwsConnection | C,
  build: (connection: AwsConnection) => C,
  use: (client: C) => Promise<T>,
): Promise<T> {
  if (typeof (source as Partial<C>).destroy === "function") return use(source as C);
  const client = build(source as AwsConnection);
  try {
    return await use(client);
  } finally {
    client.destroy();
  }
}
