/**
 * The HTTP front: tells Lambda from CloudWatch (CloudWatch is `POST /` with `x-amz-target:
 * GraniteServiceVersion20100801.<Op>`, or a form-encoded `Action=…` query request) and from
 * CloudWatch Logs (`x-amz-target: Logs_20140328.<Op>`), reads the body
 * within the service's size limit, takes the region from the SigV4 scope, applies faults and IAM
 * checks, dispatches, and records what it served.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { checkAccess } from "./access.js";
import { CLOUDWATCH_TARGET, handleCloudWatch, isQueryRequest } from "./cloudwatch-dispatch.js";
import { ECR_TARGET, serveEcr } from "./ecr.js";
import {
  ApiError,
  BodyTooLarge,
  discardThenClose,
  lambdaError,
  readBody,
  regionFromAuthorization,
  send,
  sendLambdaError,
} from "./http.js";
import { CODE_PATH_PREFIX, codeDownload } from "./lambda-code.js";
import type { LambdaResponse } from "./lambda-context.js";
import { bodyTooLargeError, lambdaBodyLimitBytes, matchLambdaRoute } from "./lambda-routes.js";
import { handleLogs, LOGS_TARGET } from "./logs-dispatch.js";
import { serviceFromAuthorization } from "./s3.js";
import { serveS3 } from "./s3-dispatch.js";
import type { EmulatorState } from "./state.js";
import type { RecordedRequest } from "./types.js";

export interface ServerHooks {
  /** Called before each request is handled (concurrent-deploy faults). */
  beforeRequest(): void;
  record(request: RecordedRequest): void;
}

export async function handleRequest(
  state: EmulatorState,
  hooks: ServerHooks,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const method = req.method ?? "GET";
  const region = regionFromAuthorization(req.headers.authorization) ?? "us-east-1";
  const requestId = state.idRng.uuid();
  const url = URL.canParse(req.url ?? "/", "http://emulator")
    ? new URL(req.url ?? "/", "http://emulator")
    : undefined;
  if (!url) {
    // A request target that is not a URI at all (`http://[`): the caller's error, not ours.
    const error = lambdaError("ValidationException", `Invalid request target: ${req.url}`);
    hooks.beforeRequest();
    sendLambdaError(res, error, requestId);
    hooks.record({ action: "lambda:Unknown", method, path: String(req.url), region, status: 400 });
    return;
  }
  const target = req.headers["x-amz-target"];
  const record = (action: string, status: number) =>
    hooks.record({ action, method, path: url.pathname, region, status });

  // GetFunction's Code.Location: unsigned, like the presigned S3 URL it stands for.
  if (method === "GET" && url.pathname.startsWith(CODE_PATH_PREFIX)) {
    hooks.beforeRequest();
    serveCode(res, codeDownload(state, url.pathname), requestId);
    record("emulator:GetCodeLocation", res.statusCode);
    return;
  }

  const service = serviceFromAuthorization(req.headers.authorization);
  if (service === "ecr" || String(target ?? "").startsWith(ECR_TARGET)) {
    await serveEcr(
      state,
      { requestId, region, arrived: () => hooks.beforeRequest(), record },
      req,
      res,
    );
    return;
  }

  // S3 is told apart by the service in the request's SigV4 scope (`…/us-east-1/s3/aws4_request`).
  if (service === "s3") {
    await serveS3(state, { requestId, arrived: () => hooks.beforeRequest(), record }, req, res);
    return;
  }

  if (typeof target === "string" && target.startsWith(LOGS_TARGET)) {
    const call = { state, region, requestId, arrived: () => hooks.beforeRequest(), record };
    await handleLogs(call, req, res);
    return;
  }

  const json = typeof target === "string" && target.startsWith(CLOUDWATCH_TARGET);
  if (json || isQueryRequest(req, url)) {
    const call = { state, region, requestId, arrived: () => hooks.beforeRequest(), record };
    await handleCloudWatch(call, json ? "json" : "query", req, res, url);
    return;
  }

  const path = url.pathname.length > 1 ? url.pathname.replace(/\/$/, "") : url.pathname;
  // A path that does not decode (`%zz`) is the caller's error: keep it for after the body is in.
  let route: ReturnType<typeof matchLambdaRoute>;
  let routeError: unknown;
  try {
    route = matchLambdaRoute(method, path, url.searchParams);
  } catch (error) {
    routeError = error;
  }
  const action = `lambda:${route?.action ?? "Unknown"}`;
  let body: Buffer;
  try {
    body = await readBody(req, lambdaBodyLimitBytes(route?.action, req.headers));
  } catch (error) {
    if (!(error instanceof BodyTooLarge)) throw error;
    hooks.beforeRequest();
    const tooLarge = bodyTooLargeError(route?.action, req.headers, error);
    sendLambdaError(res, tooLarge, requestId);
    record(action, tooLarge.status);
    discardThenClose(req);
    return;
  }
  hooks.beforeRequest();
  try {
    if (routeError !== undefined) throw routeError;
    if (!route)
      throw lambdaError("UnknownOperationException", `Unknown operation ${method} ${url.pathname}`);
    checkAccess(state, action, region, "lambda");
    if (state.config.faults.failingRegions?.includes(region)) {
      throw lambdaError("ServiceException", `Injected failure: region ${region} is failing.`);
    }
    injectLambdaFaults(state, route.action, route.params, region);
    injectFailedRequest(state, action);
    const response = await route.handler({
      state,
      region,
      requestId,
      params: route.params,
      query: url.searchParams,
      headers: req.headers,
      body,
    });
    sendLambda(res, response, requestId);
    record(action, response.status);
  } catch (error) {
    const apiError =
      error instanceof ApiError ? error : lambdaError("ServiceException", String(error));
    sendLambdaError(res, apiError, requestId);
    record(action, apiError.status);
  }
}

function sendLambda(res: ServerResponse, response: LambdaResponse, requestId: string): void {
  const headers = { "x-amzn-requestid": requestId, ...response.headers };
  if (response.raw !== undefined) {
    res.writeHead(response.status, {
      "content-type": "application/json",
      "content-length": response.raw.length,
      ...headers,
    });
    res.end(response.raw);
    return;
  }
  if (response.json === undefined) {
    res.writeHead(response.status, headers);
    res.end();
    return;
  }
  send(res, response.status, response.json, headers);
}

/** The zip behind a Code.Location, or S3's 404 for a URL that names no code. */
function serveCode(res: ServerResponse, bytes: Buffer | undefined, requestId: string): void {
  if (!bytes) {
    const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><RequestId>${requestId}</RequestId></Error>`;
    res.writeHead(404, { "content-type": "application/xml", "x-amz-request-id": requestId });
    res.end(body);
    return;
  }
  res.writeHead(200, {
    "content-type": "application/zip",
    "content-length": bytes.length,
    "x-amz-request-id": requestId,
  });
  res.end(bytes);
}

/** `faults.failRequests`: the nth request of an action (and `times − 1` after it) fails. */
function injectFailedRequest(state: EmulatorState, action: string): void {
  const faults = state.config.faults.failRequests;
  if (!faults || faults.length === 0) return;
  const count = (state.actionCounts.get(action) ?? 0) + 1;
  state.actionCounts.set(action, count);
  for (const fault of faults) {
    if (fault.action !== action || count < fault.nth || count >= fault.nth + fault.times) continue;
    throw lambdaError(
      fault.code,
      `Injected failure (faults.failRequests): request ${count} of ${action}.`,
    );
  }
}

function injectLambdaFaults(
  state: EmulatorState,
  action: string,
  params: Record<string, string>,
  region: string,
): void {
  const { throttleRate, serviceErrorRate } = state.config.faults;
  if (throttleRate > 0 && state.faultRng.next() < throttleRate) {
    const invoke = action === "InvokeFunction";
    if (invoke) {
      try {
        const { fn } = state.resolve(region, params.fn!);
        state.metrics.record(region, fn.name, undefined, "Throttles", 1, state.now());
      } catch {
        // An unknown function is throttled all the same; there is no metric to record.
      }
    }
    throw lambdaError("TooManyRequestsException", "Rate Exceeded.", {
      fields: { Reason: invoke ? "ConcurrentInvocationLimitExceeded" : "CallerRateLimitExceeded" },
      headers: { "Retry-After": "1" },
    });
  }
  if (serviceErrorRate > 0 && state.faultRng.next() < serviceErrorRate) {
    throw lambdaError("ServiceException", "Injected service error (serviceErrorRate).");
  }
}
