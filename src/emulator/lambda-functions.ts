/** Lambda function routes: get, update, publish, list and delete (aws-wire.md §1.1). */
import type { ConfigSnapshot, FunctionRecord } from "./function-record.js";
import { sameConfig } from "./function-record.js";
import { functionConfiguration } from "./function-view.js";
import { lambdaError } from "./http.js";
import {
  decodeMarker,
  encodeMarker,
  intField,
  jsonBody,
  type LambdaHandler,
  type LambdaRequest,
  pageSize,
  stringField,
} from "./lambda-context.js";
import type { EmulatorState } from "./state.js";

/** Resolves `{FunctionName}` and `Qualifier` to a version ("$LATEST", "3") and the ARN qualifier. */
export function target(req: LambdaRequest): {
  fn: FunctionRecord;
  version: string;
  qualifier: string | undefined;
} {
  const { fn, qualifier: fromName } = req.state.resolve(req.region, req.params.fn!);
  const qualifier = req.state.qualifierOf(fromName, req.query.get("Qualifier") ?? undefined);
  if (qualifier === undefined || qualifier === "$LATEST") {
    return { fn, version: "$LATEST", qualifier };
  }
  if (/^\d+$/.test(qualifier)) {
    req.state.version(fn, qualifier);
    return { fn, version: qualifier, qualifier };
  }
  return { fn, version: req.state.alias(fn, qualifier).functionVersion, qualifier };
}

function configView(req: LambdaRequest): Record<string, unknown> {
  const { fn, version, qualifier } = target(req);
  const view = functionConfiguration(req.state, fn, version === "$LATEST" ? undefined : version);
  if (qualifier !== undefined && qualifier !== version && qualifier !== "$LATEST") {
    view.FunctionArn = req.state.functionArn(fn.region, fn.name, qualifier);
  }
  return view;
}

export const getFunctionConfiguration: LambdaHandler = (req) => ({
  status: 200,
  json: configView(req),
});

export const getFunction: LambdaHandler = (req) => {
  const Configuration = configView(req);
  const { fn } = req.state.resolve(req.region, req.params.fn!);
  const tags = fn.spec.tags ?? {};
  return {
    status: 200,
    json: {
      Configuration,
      Code: {
        RepositoryType: "S3",
        Location: `https://awslambda-${fn.region}-tasks.s3.${fn.region}.amazonaws.com/snapshots/${req.state.config.accountId}/${fn.name}-${fn.codeSha256.slice(0, 8)}`,
      },
      ...(Object.keys(tags).length > 0 ? { Tags: tags } : {}),
    },
  };
};

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

function patchedConfig(current: ConfigSnapshot, body: Record<string, unknown>): ConfigSnapshot {
  const next: ConfigSnapshot = { ...current };
  next.memorySize = intField(body, "MemorySize", 128, 10_240) ?? next.memorySize;
  next.timeout = intField(body, "Timeout", 1, 900) ?? next.timeout;
  next.description = stringField(body, "Description") ?? next.description;
  next.handler = stringField(body, "Handler") ?? next.handler;
  next.runtime = stringField(body, "Runtime") ?? next.runtime;
  const storage = body.EphemeralStorage as Record<string, unknown> | undefined;
  if (storage !== undefined) {
    next.ephemeralStorage = intField(storage, "Size", 512, 10_240) ?? next.ephemeralStorage;
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

export const updateFunctionConfiguration: LambdaHandler = (req) => {
  const { fn, qualifier } = req.state.resolve(req.region, req.params.fn!);
  if (qualifier !== undefined) {
    throw lambdaError(
      "InvalidParameterValueException",
      "Only $LATEST can be updated; remove the qualifier.",
    );
  }
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
  if (sha !== undefined && sha !== fn.codeSha256) {
    throw lambdaError(
      "InvalidParameterValueException",
      `CodeSHA256 (${sha}) is different from current CodeSHA256 in $LATEST (${fn.codeSha256}). Please try again with the CodeSHA256 in $LATEST.`,
    );
  }
  // "Lambda doesn't publish a version if the function's configuration and code haven't changed
  // since the last version" (PublishVersion API reference): return that version instead.
  const last = fn.versions.get(String(fn.nextVersion - 1));
  if (last && sameConfig(last.publishedFrom, fn.latest)) {
    return { status: 201, json: functionConfiguration(req.state, fn, last.version) };
  }
  const version = String(fn.nextVersion);
  fn.nextVersion += 1;
  const description = stringField(body, "Description");
  fn.versions.set(version, {
    version,
    config: { ...fn.latest, ...(description !== undefined ? { description } : {}) },
    publishedFrom: { ...fn.latest },
    revisionId: req.state.idRng.uuid(),
    lastModifiedMs: req.state.now(),
  });
  return { status: 201, json: functionConfiguration(req.state, fn, version) };
};

export const listVersionsByFunction: LambdaHandler = (req) => {
  const { fn } = req.state.resolve(req.region, req.params.fn!);
  const all = [undefined, ...fn.versions.keys()];
  const { items, next } = page(all, req.query);
  return {
    status: 200,
    json: {
      Versions: items.map((v) => functionConfiguration(req.state, fn, v, { forList: true })),
      ...(next !== undefined ? { NextMarker: next } : {}),
    },
  };
};

export const deleteFunction: LambdaHandler = (req) => {
  const { fn, qualifier: fromName } = req.state.resolve(req.region, req.params.fn!);
  const qualifier = req.state.qualifierOf(fromName, req.query.get("Qualifier") ?? undefined);
  if (qualifier === undefined) {
    req.state.deleteFunction(fn);
    return { status: 204 };
  }
  if (qualifier === "$LATEST") {
    throw lambdaError(
      "InvalidParameterValueException",
      "$LATEST version cannot be deleted without deleting the function.",
    );
  }
  if (!/^\d+$/.test(qualifier)) {
    throw lambdaError(
      "InvalidParameterValueException",
      "Deletion of aliases is not supported by DeleteFunction; use DeleteAlias.",
    );
  }
  req.state.version(fn, qualifier);
  const users = [...fn.aliases.values()].filter(
    (a) => a.functionVersion === qualifier || qualifier in a.weights,
  );
  if (users.length > 0) {
    throw lambdaError(
      "ResourceConflictException",
      `Unable to delete version because the following aliases reference it: [${users.map((a) => a.name).join(", ")}]`,
    );
  }
  fn.versions.delete(qualifier);
  fn.provisioned.delete(qualifier);
  fn.environments.delete(qualifier);
  return { status: 204 };
};

export const listFunctions: LambdaHandler = (req) => {
  const all = req.query.get("FunctionVersion") === "ALL";
  const functions = req.state.functionsIn(req.region);
  const names = req.state.namesIn(req.region);
  const entries: Array<[string, string | undefined]> = all
    ? names.flatMap((n) => [
        [n, undefined] as [string, string | undefined],
        ...[...functions.get(n)!.versions.keys()].map((v) => [n, v] as [string, string]),
      ])
    : names.map((n) => [n, undefined]);
  const { items, next } = page(entries, req.query);
  return {
    status: 200,
    json: {
      Functions: items.map(([name, version]) =>
        functionConfiguration(req.state, functions.get(name)!, version, { forList: true }),
      ),
      ...(next !== undefined ? { NextMarker: next } : {}),
    },
  };
};

export function page<T>(all: T[], query: URLSearchParams): { items: T[]; next?: string } {
  const offset = decodeMarker(query.get("Marker"));
  const size = pageSize(query);
  const items = all.slice(offset, offset + size);
  return offset + size < all.length ? { items, next: encodeMarker(offset + size) } : { items };
}
