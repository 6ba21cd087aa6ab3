/**
 * CloudWatch requests in both dialects: JSON 1.0 (`x-amz-target:
 * GraniteServiceVersion20100801.<Op>`, the SDK v3 default) and the query protocol (form-encoded
 * `Action=<Op>&Version=2010-08-01`, XML replies). One handler per action serves both.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { checkAccess } from "./access.js";
import { listMetrics } from "./cloudwatch-list-metrics.js";
import { type Body, getMetricData } from "./cloudwatch-metric-data.js";
import { parseQueryRequest, queryErrorXml, queryResponseXml, sendXml } from "./cloudwatch-query.js";
import { getMetricStatistics } from "./cloudwatch-statistics.js";
import {
  ApiError,
  BodyTooLarge,
  cloudwatchError,
  discardThenClose,
  parseJsonBody,
  readBody,
  send,
  sendCloudWatchError,
} from "./http.js";
import type { EmulatorState } from "./state.js";

export const CLOUDWATCH_TARGET = "GraniteServiceVersion20100801.";

/**
 * The actions served. A Map, so that a name like `constructor` or `__proto__` finds nothing
 * instead of an inherited property.
 */
const OPERATIONS = new Map<string, (state: EmulatorState, region: string, body: Body) => unknown>([
  ["GetMetricData", getMetricData],
  ["GetMetricStatistics", getMetricStatistics],
  ["ListMetrics", listMetrics],
]);

/** GetMetricData refuses larger requests: "Request size 639468 exceeded 614400 bytes" (413). */
export const CLOUDWATCH_BODY_LIMIT_BYTES = 614_400;

export interface CloudWatchCall {
  state: EmulatorState;
  region: string;
  requestId: string;
  /** Counts the request for concurrent-deploy faults, once its body is in. */
  arrived(): void;
  record(action: string, status: number): void;
}

/** A query-protocol request: `POST /` with a form body, or `/?Action=…`. */
export function isQueryRequest(req: IncomingMessage, url: URL): boolean {
  if (url.pathname !== "/") return false;
  const type = req.headers["content-type"] ?? "";
  return /^application\/x-www-form-urlencoded\b/i.test(type) || url.searchParams.has("Action");
}

export async function handleCloudWatch(
  call: CloudWatchCall,
  dialect: "json" | "query",
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const headers = { "x-amzn-requestid": call.requestId };
  const fail = (error: ApiError, action: string) => {
    if (dialect === "json") sendCloudWatchError(res, error, call.requestId);
    else sendXml(res, error.status, queryErrorXml(error, call.requestId), headers);
    call.record(action, error.status);
  };
  const target = String(req.headers["x-amz-target"] ?? "");
  let op = dialect === "json" ? target.slice(CLOUDWATCH_TARGET.length) : "Unknown";
  let body: Buffer;
  try {
    body = await readBody(req, CLOUDWATCH_BODY_LIMIT_BYTES);
  } catch (error) {
    if (!(error instanceof BodyTooLarge)) throw error;
    call.arrived();
    fail(
      cloudwatchError(
        "RequestEntityTooLarge",
        `Request size ${error.declaredBytes ?? `over ${error.limitBytes}`} exceeded ${error.limitBytes} bytes`,
      ),
      `cloudwatch:${op}`,
    );
    discardThenClose(req);
    return;
  }
  call.arrived();
  try {
    let input: Body | undefined;
    if (dialect === "query") {
      const form =
        req.method === "POST" ? new URLSearchParams(body.toString("utf8")) : url.searchParams;
      const parsed = parseQueryRequest(form);
      op = parsed.action;
      input = parsed.input;
    }
    checkAccess(call.state, `cloudwatch:${op}`, call.region, "cloudwatch");
    injectCloudWatchFaults(call.state, call.region);
    const handler = OPERATIONS.get(op);
    if (!handler) throw cloudwatchError("UnknownOperationException", `Unknown operation ${op}`);
    input ??= parseJsonBody(body, () =>
      cloudwatchError("InvalidParameterValueException", "Could not parse request body as JSON"),
    );
    const output = handler(call.state, call.region, input);
    if (dialect === "json") {
      send(res, 200, output, { "content-type": "application/x-amz-json-1.0", ...headers });
    } else {
      sendXml(res, 200, queryResponseXml(op, output, call.requestId), headers);
    }
    call.record(`cloudwatch:${op}`, 200);
  } catch (error) {
    const apiError =
      error instanceof ApiError ? error : cloudwatchError("InternalServiceFault", String(error));
    fail(apiError, `cloudwatch:${op}`);
  }
}

function injectCloudWatchFaults(state: EmulatorState, region: string): void {
  if (state.config.faults.failingRegions?.includes(region)) {
    throw cloudwatchError("InternalServiceFault", `Injected failure: region ${region} is failing.`);
  }
  const rate = state.config.faults.cloudwatchThrottleRate;
  if (rate > 0 && state.faultRng.next() < rate)
    throw cloudwatchError("Throttling", "Rate exceeded");
}
