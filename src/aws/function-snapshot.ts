/**
 * Shapes of Lambda's answers that the tuning target needs: the function snapshot, throttle
 * detection and counting. Kept apart from the adapter's call logic.
 */
import { createHash } from "node:crypto";
import type { FunctionConfiguration, LambdaClient } from "@aws-sdk/client-lambda";
import { LAMBDA_DEFAULTS } from "../core/lambda-limits.js";
import { type FunctionSnapshot, VOLATILE_CONFIG_FIELDS } from "../core/tuning/ports.js";
import { parseLambdaArn } from "./arn.js";

const THROTTLE_NAMES = new Set(["TooManyRequestsException", "ThrottlingException", "Throttling"]);

export function isThrottle(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } } | undefined;
  return THROTTLE_NAMES.has(e?.name ?? "") || e?.$metadata?.httpStatusCode === 429;
}

/**
 * Counts every throttled attempt: the middleware sits in the deserialize step, inside the SDK's
 * retry loop, so it sees each attempt, whether the SDK retries it or gives up.
 */
export function countThrottles(client: LambdaClient, onThrottle: () => void): void {
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        if (isThrottle(error)) onThrottle();
        throw error;
      }
    },
    { step: "deserialize", priority: "high", name: "lambdaCostThrottleCounter", override: true },
  );
}

/**
 * $LATEST's configuration without the fields that change on every update, and with the
 * environment variables' VALUES replaced by one SHA-256 digest: tune never changes them, but
 * it must notice when someone else does, and this copy is written to the journal on disk,
 * where secrets do not belong.
 */
export function normalizeConfig(config: FunctionConfiguration): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...config };
  // An operation's output carries the response metadata beside the configuration fields.
  delete copy.$metadata;
  for (const field of VOLATILE_CONFIG_FIELDS) delete copy[field];
  const variables = config.Environment?.Variables;
  if (variables !== undefined) {
    const sorted = Object.keys(variables)
      .sort()
      .map((key) => [key, variables[key]]);
    copy.Environment = {
      ...config.Environment,
      Variables: undefined,
      VariablesSha256: createHash("sha256").update(JSON.stringify(sorted)).digest("hex"),
    };
  }
  return JSON.parse(JSON.stringify(copy)) as Record<string, unknown>;
}

export function toSnapshot(config: FunctionConfiguration, region: string): FunctionSnapshot {
  const arn = config.FunctionArn ?? "";
  const parts = parseLambdaArn(arn);
  return {
    functionName: config.FunctionName ?? "",
    functionArn: arn,
    region: parts?.region || region,
    accountId: parts?.accountId ?? "",
    revisionId: config.RevisionId ?? "",
    state: config.State ?? "Active",
    lastUpdateStatus: config.LastUpdateStatus ?? "Successful",
    lastUpdateStatusReason: config.LastUpdateStatusReason,
    memoryMb: config.MemorySize ?? LAMBDA_DEFAULTS.memoryMb,
    timeoutSeconds: config.Timeout ?? LAMBDA_DEFAULTS.timeoutS,
    architecture: config.Architectures?.[0] === "arm64" ? "arm64" : "x86_64",
    ephemeralStorageMb: config.EphemeralStorage?.Size ?? LAMBDA_DEFAULTS.ephemeralStorageMb,
    logFormat: config.LoggingConfig?.LogFormat === "JSON" ? "JSON" : "Text",
    packageType: config.PackageType === "Image" ? "Image" : "Zip",
    codeSha256: config.CodeSha256 ?? "",
    runtime: config.Runtime,
    layerArns: (config.Layers ?? []).flatMap((layer) => (layer.Arn ? [layer.Arn] : [])),
    configuration: normalizeConfig(config),
  };
}
