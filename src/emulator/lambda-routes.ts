/** The Lambda restJson1 route table: method + path → IAM action and handler (aws-wire.md §1.1). */
import {
  deleteProvisionedConcurrencyConfig,
  getAccountSettings,
  getProvisionedConcurrencyConfig,
  listProvisionedConcurrencyConfigs,
  listTags,
  putProvisionedConcurrencyConfig,
} from "./lambda-account.js";
import { createAlias, deleteAlias, getAlias, listAliases, updateAlias } from "./lambda-aliases.js";
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
      params[name] = decodeURIComponent(match[i + 1]!);
    });
    return { action: r.action, handler: r.handler, params };
  }
  return undefined;
}
