/**
 * CloudWatch Logs in AWS JSON 1.1: `POST /` with `x-amz-target: Logs_20140328.<Op>` and
 * `content-type: application/x-amz-json-1.1`. Serves what `advise` reads: DescribeLogGroups and
 * the Logs Insights query calls. IAM actions use the `logs:` prefix (`logs:StartQuery`).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { checkAccess } from "./access.js";
import { ApiError, BodyTooLarge, discardThenClose, parseJsonBody, readBody, send } from "./http.js";
import { logsError, sendLogsError } from "./logs-errors.js";
import { describeLogGroups } from "./logs-groups.js";
import { getQueryResults, startQuery, stopQuery } from "./logs-insights.js";
import type { EmulatorState } from "./state.js";

export const LOGS_TARGET = "Logs_20140328.";

type Handler = (state: EmulatorState, region: string, body: Record<string, unknown>) => unknown;

const OPERATIONS = new Map<string, Handler>([
  ["DescribeLogGroups", describeLogGroups],
  ["StartQuery", startQuery],
  ["GetQueryResults", getQueryResults],
  ["StopQuery", stopQuery],
]);

/** Logs API requests are small; 1 MB covers every operation served here. */
const LOGS_BODY_LIMIT_BYTES = 1_048_576;

export interface LogsCall {
  state: EmulatorState;
  region: string;
  requestId: string;
  arrived(): void;
  record(action: string, status: number): void;
}

export async function handleLogs(
  call: LogsCall,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const op = String(req.headers["x-amz-target"] ?? "").slice(LOGS_TARGET.length);
  const action = `logs:${op}`;
  const fail = (error: ApiError) => {
    sendLogsError(res, error, call.requestId);
    call.record(action, error.status);
  };
  let body: Buffer;
  try {
    body = await readBody(req, LOGS_BODY_LIMIT_BYTES);
  } catch (error) {
    if (!(error instanceof BodyTooLarge)) throw error;
    call.arrived();
    fail(logsError("SerializationException", `Request body over ${error.limitBytes} bytes`));
    discardThenClose(req);
    return;
  }
  call.arrived();
  try {
    checkAccess(call.state, action, call.region, "logs");
    injectLogsFaults(call.state, call.region);
    const handler = OPERATIONS.get(op);
    if (!handler) throw logsError("UnknownOperationException", `Unknown operation ${op}`);
    const input = parseJsonBody(body, () =>
      logsError("SerializationException", "Could not parse request body as JSON"),
    );
    const output = handler(call.state, call.region, input);
    send(res, 200, output, {
      "content-type": "application/x-amz-json-1.1",
      "x-amzn-requestid": call.requestId,
    });
    call.record(action, 200);
  } catch (error) {
    fail(
      error instanceof ApiError
        ? error
        : logsError("ServiceUnavailableException", `Internal failure: ${String(error)}`),
    );
  }
}

function injectLogsFaults(state: EmulatorState, region: string): void {
  if (state.config.faults.failingRegions?.includes(region)) {
    throw logsError(
      "ServiceUnavailableException",
      `Injected failure: region ${region} is failing.`,
    );
  }
  const rate = state.config.faults.logsThrottleRate ?? 0;
  if (rate > 0 && state.faultRng.next() < rate) {
    throw logsError("ThrottlingException", "Rate exceeded");
  }
}
