/**
 * Turns SDK exceptions into the tool's typed errors, with a message a user can act on.
 * Adapters call this at their boundary so commands never see SDK shapes.
 */
import { AwsError, ConfigError, UsageError } from "../core/errors.js";

/** Node's codes for "the endpoint could not be reached at all", as opposed to an AWS answer. */
const NETWORK_CODES: Record<string, string> = {
  ENOTFOUND: "no such host",
  EAI_AGAIN: "DNS lookup failed",
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  ETIMEDOUT: "timed out",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
};

/** Which endpoint failed and why, when `error` is a network failure (the SDK passes it on). */
function networkFailure(error: unknown): { endpoint: string; why: string } | undefined {
  const e = (error ?? {}) as {
    code?: string;
    name?: string;
    hostname?: string;
    address?: string;
    port?: number;
  };
  const code = e.code ?? e.name ?? "";
  const why = NETWORK_CODES[code];
  if (!why) return undefined;
  const host = e.hostname ?? e.address;
  const endpoint = host ? `${host}${e.port ? `:${e.port}` : ""}` : "the AWS endpoint";
  return { endpoint, why: `${why}, ${code}` };
}

interface SdkErrorLike {
  name?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

export interface AwsCallContext {
  /** IAM-style action, e.g. "lambda:GetFunction". */
  action: string;
  region: string;
  /** What was asked for, e.g. the function name; used in not-found messages. */
  resource?: string;
  accountId?: string;
}

export function toAwsError(error: unknown, context: AwsCallContext): Error {
  const sdk = (error ?? {}) as SdkErrorLike;
  const name = sdk.name ?? "";
  const where = `region ${context.region}${context.accountId ? `, account ${context.accountId}` : ""}`;
  if (
    name === "CredentialsProviderError" ||
    /Could not load credentials/i.test(sdk.message ?? "")
  ) {
    return new ConfigError(
      "no AWS credentials found; set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, pass --profile NAME, or run `aws configure` (any values work with --endpoint-url and the emulator).",
      { cause: error },
    );
  }
  if (name === "ResourceNotFoundException") {
    return new UsageError(
      `${context.resource ?? "resource"} not found in ${where} (${context.action}); check the name and --region.`,
      { cause: error },
    );
  }
  if (
    name === "AccessDeniedException" ||
    name === "AccessDenied" ||
    sdk.$metadata?.httpStatusCode === 403
  ) {
    return new AwsError(`access denied: ${context.action} is not allowed in ${where}.`, {
      cause: error,
      action: context.action,
      exitCode: 2,
    });
  }
  const network = networkFailure(error);
  if (network) {
    return new AwsError(
      `cannot reach ${network.endpoint} for ${context.action} (${network.why}); check --endpoint-url, the network, and that the service is running`,
      { cause: error, action: context.action },
    );
  }
  // The SDK appends a second line about a hidden $response field to a parse failure;
  // a reply that is not JSON/XML at all means the endpoint is not an AWS service.
  const firstLine = (sdk.message ?? "").split("\n")[0]?.trim() ?? "";
  if (name === "SyntaxError") {
    return new AwsError(
      `${context.action} failed in ${where}: the endpoint's reply is not an AWS response (${firstLine}); check --endpoint-url`,
      { cause: error, action: context.action },
    );
  }
  const detail = firstLine ? `: ${firstLine}` : "";
  return new AwsError(`${context.action} failed in ${where} (${name || "error"})${detail}`, {
    cause: error,
    action: context.action,
  });
}
