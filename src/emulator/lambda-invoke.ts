/**
 * Invoke: picks an execution environment (cold start or warm, provisioned or on-demand), runs the
 * duration model, sleeps for `timeScale` × the modelled time, records metrics, and answers as
 * AWS does: function errors are HTTP 200 with `X-Amz-Function-Error` (aws-wire.md §1.1).
 */
import { type InvocationOutcome, simulateInvocation } from "./duration-model.js";
import type { FunctionRecord } from "./function-record.js";
import { drawsFor, pickAliasVersion } from "./function-record.js";
import { lambdaError } from "./http.js";
import { acquireEnvironment, provisionedFor, recordMetrics } from "./invoke-environment.js";
import type { LambdaHandler, LambdaRequest } from "./lambda-context.js";
import { invocationLog, logTail } from "./log-format.js";
import type { EmulatorState } from "./state.js";

const INVOCATION_TYPES = ["RequestResponse", "Event", "DryRun"];

export const invoke: LambdaHandler = async (req) => {
  const { state } = req;
  const { fn, qualifier: fromName } = state.resolve(req.region, req.params.fn!);
  const qualifier = state.qualifierOf(fromName, req.query.get("Qualifier") ?? undefined);
  const type = headerValue(req, "x-amz-invocation-type") ?? "RequestResponse";
  if (!INVOCATION_TYPES.includes(type)) {
    throw lambdaError(
      "InvalidParameterValueException",
      `Invalid InvocationType ${type}: must be one of ${INVOCATION_TYPES.join(", ")}`,
    );
  }
  checkPayload(req.body);
  const version = resolveVersion(state, fn, qualifier);
  if (type === "DryRun") return { status: 204 };
  throttleIfOverLimit(req, fn);

  const config = version === "$LATEST" ? fn.latest : state.version(fn, version).config;
  const pc = provisionedFor(state, fn, qualifier, version);
  const env = acquireEnvironment(state, fn, version, pc);
  // Always take the same three draws so the stream does not depend on which branch runs.
  const rng = drawsFor(fn, version);
  const draws = {
    durationNoise: rng.logNormalFactor(fn.spec.model.noiseCv),
    initNoise: rng.logNormalFactor(fn.spec.model.noiseCv),
    errorDraw: rng.next(),
  };
  const outcome = simulateInvocation(
    {
      model: fn.spec.model,
      memoryMb: config.memorySize,
      architecture: config.architecture,
      timeoutSec: config.timeout,
      cold: env.cold,
    },
    draws,
  );
  const startedMs = state.now();
  fn.inFlight += 1;
  state.inFlightByRegion.set(req.region, (state.inFlightByRegion.get(req.region) ?? 0) + 1);
  recordMetrics(state, fn, qualifier, outcome, startedMs, env.environment.provisioned, pc);
  try {
    const sleepMs = (outcome.durationMs + (outcome.initMs ?? 0)) * state.config.timeScale;
    if (sleepMs > 0 && type === "RequestResponse") await state.sleep(sleepMs);
  } finally {
    fn.inFlight -= 1;
    state.inFlightByRegion.set(req.region, (state.inFlightByRegion.get(req.region) ?? 1) - 1);
    env.environment.busy = false;
    env.environment.lastUsedMs = state.now();
    // A crashed runtime (OOM, timeout) is not reused: the next invocation starts cold.
    if (outcome.status === "oom" || outcome.status === "timeout") {
      const pool = fn.environments.get(version) ?? [];
      fn.environments.set(
        version,
        pool.filter((e) => e !== env.environment),
      );
    }
  }
  if (type === "Event") return { status: 202 };

  const headers: Record<string, string> = { "x-amz-executed-version": version };
  if (outcome.status !== "success") headers["x-amz-function-error"] = "Unhandled";
  if (headerValue(req, "x-amz-log-type") === "Tail") {
    const log = invocationLog({
      requestId: req.requestId,
      version,
      format: config.logFormat,
      memorySizeMb: config.memorySize,
      outcome,
      appLogLines: fn.spec.model.appLogLines ?? [],
      timestamp: new Date(startedMs).toISOString(),
      runtime: config.runtime,
      region: req.region,
      functionName: fn.name,
      timeoutSec: config.timeout,
    });
    headers["x-amz-log-result"] = logTail(log);
  }
  return {
    status: 200,
    raw: Buffer.from(JSON.stringify(payload(req, fn, outcome, config.timeout))),
    headers,
  };
};

/** The payload must be JSON (its size limit is enforced while it streams in: server.ts). */
function checkPayload(body: Buffer): void {
  if (body.length === 0) return;
  try {
    JSON.parse(body.toString("utf8"));
  } catch {
    throw lambdaError("InvalidRequestContentException", "Could not parse request body into json");
  }
}

function headerValue(req: LambdaRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function resolveVersion(state: EmulatorState, fn: FunctionRecord, qualifier: string | undefined) {
  if (qualifier === undefined || qualifier === "$LATEST") return "$LATEST";
  if (/^\d+$/.test(qualifier)) return state.version(fn, qualifier).version;
  const alias = state.alias(fn, qualifier);
  const draw = Object.keys(alias.weights).length > 0 ? fn.rng.next() : 0;
  return pickAliasVersion(alias, draw);
}

function throttleIfOverLimit(req: LambdaRequest, fn: FunctionRecord): void {
  const inFlight = req.state.inFlightByRegion.get(req.region) ?? 0;
  if (inFlight >= req.state.concurrencyLimit) {
    req.state.metrics.record(req.region, fn.name, undefined, "Throttles", 1, req.state.now());
    throw lambdaError("TooManyRequestsException", "Rate Exceeded.", {
      fields: { Reason: "ConcurrentInvocationLimitExceeded" },
      headers: { "Retry-After": "1" },
    });
  }
}

function payload(
  req: LambdaRequest,
  fn: FunctionRecord,
  outcome: InvocationOutcome,
  timeoutSec: number,
) {
  switch (outcome.status) {
    case "timeout":
      return {
        errorType: "Sandbox.Timedout",
        errorMessage: `RequestId: ${req.requestId} Error: Task timed out after ${timeoutSec.toFixed(2)} seconds`,
      };
    case "oom":
      return {
        errorType: "Runtime.OutOfMemory",
        errorMessage: `RequestId: ${req.requestId} Error: Runtime exited with error: signal: killed`,
      };
    case "error":
      return {
        errorType: "Error",
        errorMessage: `Synthetic failure of ${fn.name} (errorRate ${fn.spec.model.errorRate})`,
        trace: [
          "Error: Synthetic failure",
          "    at Runtime.handler (file:///var/task/index.mjs:3:11)",
        ],
      };
    default:
      return {
        statusCode: 200,
        body: JSON.stringify({ function: fn.name, requestId: req.requestId }),
      };
  }
}
