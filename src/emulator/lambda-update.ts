/** UpdateFunctionConfiguration and PublishVersion: RevisionId checks, InProgress, no-op publishes. */
import { LAMBDA_LIMITS } from "../core/lambda-limits.js";
import type { ConfigSnapshot, FunctionRecord } from "./function-record.js";
import { sameConfig } from "./function-record.js";
import { functionConfiguration } from "./function-view.js";
import { lambdaError } from "./http.js";
import {
  checkRanges,
  intField,
  jsonBody,
  type LambdaHandler,
  type LambdaRequest,
  stringField,
} from "./lambda-context.js";
import type { EmulatorState } from "./state.js";

export function conflictInProgress(state: EmulatorState, fn: FunctionRecord) {
  return lambdaError(
    "ResourceConflictException",
    `The operation cannot be performed at this time. An update is in progress for resource: ${state.functionArn(fn.region, fn.name)}`,
  );
}

export function checkRevision(given: string | undefined, current: string): void {
  if (given !== undefined && given !== current) {
    throw lambdaError(
      "PreconditionFailedException",
      "The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id",
    );
  }
}

const LOG_LEVELS = ["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"];

/** Limits from the UpdateFunctionConfiguration API reference (values in core/lambda-limits.ts). */
const MEMORY_MB = LAMBDA_LIMITS.memoryMb;
const TIMEOUT_SEC = LAMBDA_LIMITS.timeoutS;
const EPHEMERAL_MB = LAMBDA_LIMITS.ephemeralStorageMb;

function patchedConfig(current: ConfigSnapshot, body: Record<string, unknown>): ConfigSnapshot {
  const next: ConfigSnapshot = { ...current };
  const storage = body.EphemeralStorage as Record<string, unknown> | undefined;
  // All range violations are reported together, as AWS does.
  checkRanges([
    { value: body.MemorySize, member: "memorySize", ...MEMORY_MB },
    { value: body.Timeout, member: "timeout", ...TIMEOUT_SEC },
    { value: storage?.Size, member: "ephemeralStorage.size", ...EPHEMERAL_MB },
  ]);
  next.memorySize = intField(body, "MemorySize", MEMORY_MB.min, MEMORY_MB.max) ?? next.memorySize;
  next.timeout = intField(body, "Timeout", TIMEOUT_SEC.min, TIMEOUT_SEC.max) ?? next.timeout;
  next.description = stringField(body, "Description") ?? next.description;
  next.handler = stringField(body, "Handler") ?? next.handler;
  next.runtime = stringField(body, "Runtime") ?? next.runtime;
  if (storage !== undefined) {
    const { min, max } = EPHEMERAL_MB;
    next.ephemeralStorage =
      intField(storage, "Size", min, max, "ephemeralStorage.size") ?? next.ephemeralStorage;
  }
  const env = body.Environment as { Variables?: Record<string, string> } | undefined;
  if (env !== undefined) next.environment = { ...(env.Variables ?? {}) };
  const logging = body.LoggingConfig as Record<string, unknown> | undefined;
  if (logging !== undefined) {
    const format = stringField(logging, "LogFormat") ?? next.logFormat;
    if (format !== "Text" && format !== "JSON") {
      throw lambdaError(
        "InvalidParameterValueException",
        `LogFormat must be one of Text, JSON (got ${format})`,
      );
    }
    next.logFormat = format;
    for (const key of ["ApplicationLogLevel", "SystemLogLevel"] as const) {
      const level = stringField(logging, key);
      if (level !== undefined && !LOG_LEVELS.includes(level)) {
        throw lambdaError(
          "InvalidParameterValueException",
          `${key} must be one of ${LOG_LEVELS.join(", ")}`,
        );
      }
      const field = key === "ApplicationLogLevel" ? "applicationLogLevel" : "systemLogLevel";
      next[field] = format === "JSON" ? (level ?? next[field] ?? "INFO") : undefined;
    }
    next.logGroup = stringField(logging, "LogGroup") ?? next.logGroup;
  }
  return next;
}

/** The function an update names; Lambda updates $LATEST only, so a qualifier is refused. */
export function latestToUpdate(req: LambdaRequest): FunctionRecord {
  const { fn, qualifier } = req.state.resolve(req.region, req.params.fn!);
  if (qualifier !== undefined) {
    throw lambdaError(
      "InvalidParameterValueException",
      "Only $LATEST can be updated; remove the qualifier.",
    );
  }
  return fn;
}

export const updateFunctionConfiguration: LambdaHandler = (req) => {
  const fn = latestToUpdate(req);
  const body = jsonBody(req);
  if (req.state.updating(fn)) throw conflictInProgress(req.state, fn);
  checkRevision(stringField(body, "RevisionId"), fn.latestRevisionId);
  applyUpdate(req.state, fn, patchedConfig(fn.latest, body));
  return { status: 200, json: functionConfiguration(req.state, fn, undefined) };
};

/** Applies a new $LATEST configuration: new RevisionId, InProgress for updateLatencyMs, fresh environments. */
export function applyUpdate(state: EmulatorState, fn: FunctionRecord, next: ConfigSnapshot): void {
  const now = state.now();
  fn.latest = next;
  fn.latestRevisionId = state.idRng.uuid();
  fn.latestLastModifiedMs = now;
  fn.updateUntilMs = now + state.config.faults.updateLatencyMs;
  fn.environments.delete("$LATEST");
}

export const publishVersion: LambdaHandler = (req) => {
  const { fn } = req.state.resolve(req.region, req.params.fn!);
  const body = jsonBody(req);
  if (req.state.updating(fn)) throw conflictInProgress(req.state, fn);
  checkRevision(stringField(body, "RevisionId"), fn.latestRevisionId);
  const sha = stringField(body, "CodeSha256");
  if (sha !== undefined && sha !== fn.latest.codeSha256) {
    throw lambdaError(
      "InvalidParameterValueException",
      `CodeSHA256 (${sha}) is different from current CodeSHA256 in $LATEST (${fn.latest.codeSha256}). Please try again with the CodeSHA256 in $LATEST.`,
    );
  }
  return {
    status: 201,
    json: functionConfiguration(
      req.state,
      fn,
      publish(req.state, fn, stringField(body, "Description")),
    ),
  };
};

/** Publishes $LATEST as a new version, or returns the last one when nothing changed since it. */
export function publish(
  state: EmulatorState,
  fn: FunctionRecord,
  description: string | undefined,
): string {
  // "Lambda doesn't publish a version if the function's configuration and code haven't changed
  // since the last version" (PublishVersion API reference): return that version instead.
  const last = fn.versions.get(String(fn.nextVersion - 1));
  if (last && sameConfig(last.publishedFrom, fn.latest)) return last.version;
  const version = String(fn.nextVersion);
  fn.nextVersion += 1;
  fn.versions.set(version, {
    version,
    config: { ...fn.latest, ...(description !== undefined ? { description } : {}) },
    publishedFrom: { ...fn.latest },
    revisionId: state.idRng.uuid(),
    lastModifiedMs: state.now(),
  });
  return version;
}
