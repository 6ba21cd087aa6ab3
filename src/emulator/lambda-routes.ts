/** The Lambda restJson1 route table: method + path → IAM action and handler (aws-wire.md §1.1). */
import type { IncomingHttpHeaders } from "node:http";
import { type ApiError, type BodyTooLarge, lambdaError } from "./http.js";
import {
  deleteProvisionedConcurrencyConfig,
  getAccountSettings,
  getProvisionedConcurrencyConfig,
  listProvisionedConcurrencyConfigs,
  listTags,
  putProvisionedConcurrencyConfig,
} from "./lambda-account.js";
import { createAlias, deleteAlias, getAlias, listAliases, updateAlias } from "./lambda-aliases.js";
import {
  getLayerVersion,
  UPDATE_CODE_BODY_LIMIT_BYTES,
  updateFunctionCode,
} from "./lambda-code.js";
import type { LambdaHandler } from "./lambda-context.js";
import {
  deleteFunction,
  getFunction,
  getFunctionConfiguration,
  listFunctions,
  listVersionsByFunction,
} from "./lambda-functions.js";
import { invoke } from "./lambda-invoke.js";
import { publishVersion, updateFunctionConfiguration } from "./lambda-update.js";

interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  /** IAM action without the `lambda:` prefix. */
  action: string;
  handler: LambdaHandler;
  /** Extra query condition (ListProvisionedConcurrencyConfigs is `?List=ALL`). */
  when?: (query: URLSearchParams) => boolean;
}

const FN = "([^/]+)";
const route = (
  method: string,
  path: string,
  action: string,
  handler: LambdaHandler,
  when?: Route["when"],
): Route => {
  const names: string[] = [];
  const source = path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    names.push(name);
    return FN;
  });
  return {
    method,
    pattern: new RegExp(`^${source}/?$`),
    names,
    action,
    handler,
    ...(when ? { when } : {}),
  };
};

const listAll = (q: URLSearchParams) => q.get("List") === "ALL";

export const LAMBDA_ROUTES: Route[] = [
  route("GET", "/2015-03-31/functions", "ListFunctions", listFunctions),
  route("GET", "/2015-03-31/functions/{fn}", "GetFunction", getFunction),
  route("DELETE", "/2015-03-31/functions/{fn}", "DeleteFunction", deleteFunction),
  route(
    "GET",
    "/2015-03-31/functions/{fn}/configuration",
    "GetFunctionConfiguration",
    getFunctionConfiguration,
  ),
  route(
    "PUT",
    "/2015-03-31/functions/{fn}/configuration",
    "UpdateFunctionConfiguration",
    updateFunctionConfiguration,
  ),
  route("PUT", "/2015-03-31/functions/{fn}/code", "UpdateFunctionCode", updateFunctionCode),
  route("POST", "/2015-03-31/functions/{fn}/versions", "PublishVersion", publishVersion),
  route(
    "GET",
    "/2015-03-31/functions/{fn}/versions",
    "ListVersionsByFunction",
    listVersionsByFunction,
  ),
  route("POST", "/2015-03-31/functions/{fn}/aliases", "CreateAlias", createAlias),
  route("GET", "/2015-03-31/functions/{fn}/aliases", "ListAliases", listAliases),
  route("GET", "/2015-03-31/functions/{fn}/aliases/{name}", "GetAlias", getAlias),
  route("PUT", "/2015-03-31/functions/{fn}/aliases/{name}", "UpdateAlias", updateAlias),
  route("DELETE", "/2015-03-31/functions/{fn}/aliases/{name}", "DeleteAlias", deleteAlias),
  route("POST", "/2015-03-31/functions/{fn}/invocations", "InvokeFunction", invoke),
  route(
    "GET",
    "/2019-09-30/functions/{fn}/provisioned-concurrency",
    "ListProvisionedConcurrencyConfigs",
    listProvisionedConcurrencyConfigs,
    listAll,
  ),
  route(
    "GET",
    "/2019-09-30/functions/{fn}/provisioned-concurrency",
    "GetProvisionedConcurrencyConfig",
    getProvisionedConcurrencyConfig,
  ),
  route(
    "PUT",
    "/2019-09-30/functions/{fn}/provisioned-concurrency",
    "PutProvisionedConcurrencyConfig",
    putProvisionedConcurrencyConfig,
  ),
  route(
    "DELETE",
    "/2019-09-30/functions/{fn}/provisioned-concurrency",
    "DeleteProvisionedConcurrencyConfig",
    deleteProvisionedConcurrencyConfig,
  ),
  route("GET", "/2018-10-31/layers/{layer}/versions/{version}", "GetLayerVersion", getLayerVersion),
  route("GET", "/2016-08-19/account-settings", "GetAccountSettings", getAccountSettings),
  route("GET", "/2017-03-31/tags/{resource}", "ListTags", listTags),
];

export interface MatchedRoute {
  action: string;
  handler: LambdaHandler;
  params: Record<string, string>;
}

/** The route for a request, with its path parameters decoded (ARNs arrive percent-encoded). */
export function matchLambdaRoute(
  method: string,
  path: string,
  query: URLSearchParams,
): MatchedRoute | undefined {
  for (const r of LAMBDA_ROUTES) {
    if (r.method !== method || (r.when && !r.when(query))) continue;
    const match = r.pattern.exec(path);
    if (!match) continue;
    const params: Record<string, string> = {};
    r.names.forEach((name, i) => {
      params[name] = decodePathParam(name, match[i + 1]!);
    });
    return { action: r.action, handler: r.handler, params };
  }
  return undefined;
}

/** Member names and patterns of the path parameters (Lambda API reference). */
const PATH_MEMBERS: Record<string, { member: string; pattern: string }> = {
  fn: {
    member: "functionName",
    pattern:
      "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?",
  },
  name: { member: "name", pattern: "(?!^[0-9]+$)([a-zA-Z0-9-_]+)" },
  layer: {
    member: "layerName",
    pattern: "(arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\\d{12}:layer:[a-zA-Z0-9-_]+)|[a-zA-Z0-9-_]+",
  },
  resource: {
    member: "resource",
    pattern: "arn:(aws[a-zA-Z-]*):lambda:[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:\\d{12}:.*",
  },
};

/** A segment that does not percent-decode (`%zz`) is a 400 naming the member, not a crash. */
function decodePathParam(name: string, raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    const spec = PATH_MEMBERS[name] ?? { member: name, pattern: ".*" };
    throw lambdaError(
      "ValidationException",
      `1 validation error detected: Value '${raw}' at '${spec.member}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${spec.pattern}`,
    );
  }
}

/** Invoke payload quotas: 6 MB synchronous, 1 MB asynchronous; other requests 6 MB. */
const SYNC_PAYLOAD_BYTES = 6_291_456;
const ASYNC_PAYLOAD_BYTES = 1_048_576;

function isEventInvoke(action: string | undefined, headers: IncomingHttpHeaders): boolean {
  return action === "InvokeFunction" && headers["x-amz-invocation-type"] === "Event";
}

export function lambdaBodyLimitBytes(
  action: string | undefined,
  headers: IncomingHttpHeaders,
): number {
  if (action === "UpdateFunctionCode") return UPDATE_CODE_BODY_LIMIT_BYTES;
  return isEventInvoke(action, headers) ? ASYNC_PAYLOAD_BYTES : SYNC_PAYLOAD_BYTES;
}

/** Lambda's words for an oversized request, as clients report them. */
export function bodyTooLargeError(
  action: string | undefined,
  headers: IncomingHttpHeaders,
  tooLarge: BodyTooLarge,
): ApiError {
  if (isEventInvoke(action, headers) && tooLarge.declaredBytes !== undefined) {
    return lambdaError(
      "RequestEntityTooLargeException",
      `${tooLarge.declaredBytes} byte payload is too large for the Event invocation type (limit ${tooLarge.limitBytes} bytes)`,
    );
  }
  return lambdaError(
    "RequestEntityTooLargeException",
    `Request must be smaller than ${tooLarge.limitBytes} bytes for the ${action ?? "Unknown"} operation`,
  );
}
