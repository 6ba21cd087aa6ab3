/** Alias routes: CreateAlias, GetAlias, UpdateAlias, DeleteAlias, ListAliases. */
import type { AliasRecord, FunctionRecord } from "./function-record.js";
import { aliasConfiguration } from "./function-view.js";
import { lambdaError } from "./http.js";
import { jsonBody, type LambdaHandler, stringField } from "./lambda-context.js";
import { page } from "./lambda-functions.js";
import { checkRevision } from "./lambda-update.js";
import type { EmulatorState } from "./state.js";

function existingVersion(state: EmulatorState, fn: FunctionRecord, version: string): void {
  if (version !== "$LATEST") state.version(fn, version);
}

function weights(state: EmulatorState, fn: FunctionRecord, body: Record<string, unknown>) {
  const routing = body.RoutingConfig as { AdditionalVersionWeights?: unknown } | undefined;
  if (routing === undefined) return undefined;
  const raw = (routing.AdditionalVersionWeights ?? {}) as Record<string, unknown>;
  const out: Record<string, number> = {};
  let total = 0;
  if (Object.values(raw).some((w) => typeof w !== "number")) {
    throw lambdaError("InvalidParameterValueException", "AdditionalVersionWeights must be numbers");
  }
  if (Object.values(raw).some((w) => (w as number) < 0 || (w as number) > 1)) {
    throw weightOutOfRange(raw as Record<string, number>);
  }
  for (const [version, weight] of Object.entries(raw) as Array<[string, number]>) {
    if (version === "$LATEST") {
      throw lambdaError(
        "InvalidParameterValueException",
        "$LATEST is not supported for an alias pointing to more than 1 version",
      );
    }
    existingVersion(state, fn, version);
    out[version] = weight;
    total += weight;
  }
  if (total > 1) {
    throw lambdaError(
      "InvalidParameterValueException",
      "The sum of additional version weights must not exceed 1.0",
    );
  }
  return out;
}

/** A weight outside [0, 1] fails the model's range constraint on the map's values. */
function weightOutOfRange(raw: Record<string, number>) {
  // AWS prints the map as Java does: {2=1.5}, whole numbers as 1.0.
  const javaDouble = (n: number) => (Number.isInteger(n) ? `${n}.0` : String(n));
  const map = Object.entries(raw)
    .map(([version, weight]) => `${version}=${javaDouble(weight)}`)
    .join(", ");
  return lambdaError(
    "ValidationException",
    `1 validation error detected: Value '{${map}}' at 'routingConfig.additionalVersionWeights' failed to satisfy constraint: Map value must satisfy constraint: [Member must have value less than or equal to 1.0, Member must have value greater than or equal to 0.0]`,
  );
}

/** The primary version cannot also be the additional one (Lambda's 400 wording). */
function checkPrimaryNotRouted(primary: string, weights: Record<string, number>): void {
  if (Object.hasOwn(weights, primary)) {
    throw lambdaError(
      "InvalidParameterValueException",
      `Invalid function version ${primary}. Function version ${primary} is already included in routing configuration.`,
    );
  }
}

/** Alias descriptions are at most 256 characters (AliasConfiguration, Lambda API reference). */
function description(body: Record<string, unknown>): string | undefined {
  const text = stringField(body, "Description");
  if (text !== undefined && text.length > 256) {
    throw lambdaError(
      "ValidationException",
      `1 validation error detected: Value '${text}' at 'description' failed to satisfy constraint: Member must have length less than or equal to 256`,
    );
  }
  return text;
}

export const createAlias: LambdaHandler = (req) => {
  const { fn } = req.state.resolve(req.region, req.params.fn!);
  const body = jsonBody(req);
  const name = stringField(body, "Name");
  const version = stringField(body, "FunctionVersion");
  if (name === undefined || version === undefined) {
    throw lambdaError("InvalidParameterValueException", "Name and FunctionVersion are required");
  }
  checkAliasName(name);
  if (fn.aliases.has(name)) {
    throw lambdaError(
      "ResourceConflictException",
      `Alias already exists: ${req.state.functionArn(fn.region, fn.name, name)}`,
    );
  }
  existingVersion(req.state, fn, version);
  const routed = weights(req.state, fn, body) ?? {};
  checkPrimaryNotRouted(version, routed);
  const alias: AliasRecord = {
    name,
    functionVersion: version,
    description: description(body) ?? "",
    weights: routed,
    revisionId: req.state.idRng.uuid(),
  };
  fn.aliases.set(name, alias);
  return { status: 201, json: aliasConfiguration(req.state, fn, alias) };
};

export const getAlias: LambdaHandler = (req) => {
  const { fn } = req.state.resolve(req.region, req.params.fn!);
  const alias = req.state.alias(fn, req.params.name!);
  return { status: 200, json: aliasConfiguration(req.state, fn, alias) };
};

export const updateAlias: LambdaHandler = (req) => {
  const { fn } = req.state.resolve(req.region, req.params.fn!);
  const alias = req.state.alias(fn, req.params.name!);
  const body = jsonBody(req);
  checkRevision(stringField(body, "RevisionId"), alias.revisionId);
  const version = stringField(body, "FunctionVersion");
  if (version !== undefined) existingVersion(req.state, fn, version);
  const newWeights = weights(req.state, fn, body);
  checkPrimaryNotRouted(version ?? alias.functionVersion, newWeights ?? alias.weights);
  if (version !== undefined) alias.functionVersion = version;
  if (newWeights !== undefined) alias.weights = newWeights;
  alias.description = description(body) ?? alias.description;
  alias.revisionId = req.state.idRng.uuid();
  return { status: 200, json: aliasConfiguration(req.state, fn, alias) };
};

export const deleteAlias: LambdaHandler = (req) => {
  const { fn } = req.state.resolve(req.region, req.params.fn!);
  req.state.alias(fn, req.params.name!);
  fn.aliases.delete(req.params.name!);
  fn.provisioned.delete(req.params.name!);
  return { status: 204 };
};

export const listAliases: LambdaHandler = (req) => {
  const { fn } = req.state.resolve(req.region, req.params.fn!);
  const version = req.query.get("FunctionVersion");
  const all = [...fn.aliases.values()]
    .filter((a) => version === null || a.functionVersion === version)
    .sort((a, b) => a.name.localeCompare(b.name));
  const { items, next } = page(all, req.query);
  return {
    status: 200,
    json: {
      Aliases: items.map((a) => aliasConfiguration(req.state, fn, a)),
      ...(next !== undefined ? { NextMarker: next } : {}),
    },
  };
};

/** Alias names: 1–128 characters of the model's pattern (Lambda API reference, CreateAlias). */
function checkAliasName(name: string): void {
  const problem =
    name.length > 128
      ? "Member must have length less than or equal to 128"
      : name.length === 0
        ? "Member must have length greater than or equal to 1"
        : /^(?!^[0-9]+$)([a-zA-Z0-9-_]+)$/.test(name)
          ? undefined
          : "Member must satisfy regular expression pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+)";
  if (problem === undefined) return;
  throw lambdaError(
    "ValidationException",
    `1 validation error detected: Value '${name}' at 'name' failed to satisfy constraint: ${problem}`,
  );
}
