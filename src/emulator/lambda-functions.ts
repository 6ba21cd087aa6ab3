/** Lambda function routes: get, update, publish, list and delete (aws-wire.md §1.1). */
import type { FunctionRecord } from "./function-record.js";
import { functionConfiguration } from "./function-view.js";
import { lambdaError } from "./http.js";
import { codeLocation } from "./lambda-code.js";
import {
  decodeMarker,
  encodeMarker,
  type LambdaHandler,
  type LambdaRequest,
  pageSize,
} from "./lambda-context.js";

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
  const { fn, version } = target(req);
  const config = version === "$LATEST" ? fn.latest : req.state.version(fn, version).config;
  const tags = fn.spec.tags ?? {};
  return {
    status: 200,
    json: {
      Configuration,
      Code: codeLocation(req, fn, config),
      ...(Object.keys(tags).length > 0 ? { Tags: tags } : {}),
    },
  };
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
