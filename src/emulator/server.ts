/**
 * The HTTP front: reads a request, tells Lambda from CloudWatch (CloudWatch is `POST /` with
 * `x-amz-target: GraniteServiceVersion20100801.<Op>`), takes the region from the SigV4 scope,
 * applies faults and IAM checks, dispatches, and records what it served.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { listMetrics } from "./cloudwatch-list-metrics.js";
import { getMetricData } from "./cloudwatch-metric-data.js";
import { getMetricStatistics } from "./cloudwatch-statistics.js";
import {
  ApiError,
  cloudwatchError,
  lambdaError,
  parseJsonBody,
  readBody,
  regionFromAuthorization,
  send,
  sendCloudWatchError,
  sendLambdaError,
} from "./http.js";
import type { LambdaResponse } from "./lambda-context.js";
import { matchLambdaRoute } from "./lambda-routes.js";
import type { EmulatorState } from "./state.js";
import type { RecordedRequest } from "./types.js";

const CLOUDWATCH_TARGET = "GraniteServiceVersion20100801.";
const CLOUDWATCH_OPS: Record<string, typeof getMetricData> = {
  GetMetricData: getMetricData,
  GetMetricStatistics: getMetricStatistics,
  ListMetrics: listMetrics,
};

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
  const body = await readBody(req);
  hooks.beforeRequest();
  const url = new URL(req.url ?? "/", "http://emulator");
  const method = req.method ?? "GET";
  const region = regionFromAuthorization(req.headers.authorization) ?? "us-east-1";
  const requestId = state.idRng.uuid();
  const target = req.headers["x-amz-target"];
  const record = (action: string, status: number) =>
    hooks.record({ action, method, path: url.pathname, region, status });

  if (typeof target === "string" && target.startsWith(CLOUDWATCH_TARGET)) {
    const op = target.slice(CLOUDWATCH_TARGET.length);
    const action = `cloudwatch:${op}`;
    try {
      checkAccess(state, action, region, "cloudwatch");
      if (state.config.faults.failingRegions?.includes(region)) {
        throw cloudwatchError(
          "InternalServiceFault",
          `Injected failure: region ${region} is failing.`,
        );
      }
      const rate = state.config.faults.cloudwatchThrottleRate;
      if (rate > 0 && state.faultRng.next() < rate)
        throw cloudwatchError("Throttling", "Rate exceeded");
      const handler = CLOUDWATCH_OPS[op];
      if (!handler) throw cloudwatchError("UnknownOperationException", `Unknown operation ${op}`);
      const input = parseJsonBody(body, () =>
        cloudwatchError("InvalidParameterValueException", "Could not parse request body as JSON"),
      );
      send(res, 200, handler(state, region, input), {
        "content-type": "application/x-amz-json-1.0",
        "x-amzn-requestid": requestId,
      });
      record(action, 200);
    } catch (error) {
      const apiError =
        error instanceof ApiError ? error : cloudwatchError("InternalServiceFault", String(error));
      sendCloudWatchError(res, apiError, requestId);
      record(action, apiError.status);
    }
    return;
  }

  const path = url.pathname.length > 1 ? url.pathname.replace(/\/$/, "") : url.pathname;
  const route = matchLambdaRoute(method, path, url.searchParams);
  const action = `lambda:${route?.action ?? "Unknown"}`;
  try {
    if (!route)
      throw lambdaError("UnknownOperationException", `Unknown operation ${method} ${url.pathname}`);
    checkAccess(state, action, region, "lambda");
    if (state.config.faults.failingRegions?.includes(region)) {
      throw lambdaError("ServiceException", `Injected failure: region ${region} is failing.`);
    }
    injectLambdaFaults(state, route.action, route.params, region);
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

/** `allowedActions` entries may use `*` as IAM does (`lambda:Get*`, `cloudwatch:*`). */
function checkAccess(
  state: EmulatorState,
  action: string,
  region: string,
  service: "lambda" | "cloudwatch",
): void {
  const allowed = state.config.allowedActions;
  if (allowed === undefined) return;
  const ok = allowed.some((pattern) =>
    new RegExp(`^${pattern.split("*").map(escapeRegExp).join(".*")}$`, "i").test(action),
  );
  if (ok) return;
  const message = `User: arn:aws:iam::${state.config.accountId}:user/emulator is not authorized to perform: ${action} on resource: arn:aws:${service === "lambda" ? "lambda" : "cloudwatch"}:${region}:${state.config.accountId}:* because no identity-based policy allows the ${action} action`;
  throw service === "lambda"
    ? lambdaError("AccessDeniedException", message)
    : cloudwatchError("AccessDenied", message);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
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
