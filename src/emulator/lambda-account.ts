/** Provisioned concurrency, account settings and tags. */
import type { FunctionRecord, ProvisionedConfig } from "./function-record.js";
import { lambdaError } from "./http.js";
import { intField, jsonBody, type LambdaHandler, type LambdaRequest } from "./lambda-context.js";
import { page } from "./lambda-functions.js";
import { parseFunctionName } from "./state.js";

function pcTarget(req: LambdaRequest): { fn: FunctionRecord; qualifier: string } {
  const { fn, qualifier: fromName } = req.state.resolve(req.region, req.params.fn!);
  const qualifier = req.state.qualifierOf(fromName, req.query.get("Qualifier") ?? undefined);
  if (qualifier === undefined || qualifier === "$LATEST") {
    throw lambdaError(
      "InvalidParameterValueException",
      "Provisioned concurrency requires a published version or an alias as Qualifier (not $LATEST).",
    );
  }
  if (/^\d+$/.test(qualifier)) req.state.version(fn, qualifier);
  else req.state.alias(fn, qualifier);
  return { fn, qualifier };
}

/** While IN_PROGRESS nothing is allocated or available yet; both become the amount at READY. */
function pcView(req: LambdaRequest, pc: ProvisionedConfig) {
  const ready = req.state.now() >= pc.readyAtMs;
  return {
    RequestedProvisionedConcurrentExecutions: pc.amount,
    AvailableProvisionedConcurrentExecutions: ready ? pc.amount : 0,
    AllocatedProvisionedConcurrentExecutions: ready ? pc.amount : 0,
    Status: ready ? "READY" : "IN_PROGRESS",
    LastModified: pcTimestamp(pc.lastModifiedMs),
  };
}

/** Provisioned concurrency's LastModified has whole seconds: `2019-12-31T20:28:49+0000` (CLI examples). */
function pcTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "+0000");
}

export const putProvisionedConcurrencyConfig: LambdaHandler = (req) => {
  const { fn, qualifier } = pcTarget(req);
  const amount = intField(jsonBody(req), "ProvisionedConcurrentExecutions", 1, 100_000);
  if (amount === undefined) {
    throw lambdaError(
      "InvalidParameterValueException",
      "ProvisionedConcurrentExecutions is required",
    );
  }
  const now = req.state.now();
  // Allocation takes `faults.updateLatencyMs` of emulator clock (AWS takes minutes); the answer
  // to the PUT itself is always IN_PROGRESS with nothing allocated yet.
  const readyAtMs = now + req.state.config.faults.updateLatencyMs;
  fn.provisioned.set(qualifier, { qualifier, amount, lastModifiedMs: now, readyAtMs });
  return {
    status: 202,
    json: {
      RequestedProvisionedConcurrentExecutions: amount,
      AvailableProvisionedConcurrentExecutions: 0,
      AllocatedProvisionedConcurrentExecutions: 0,
      Status: "IN_PROGRESS",
      LastModified: pcTimestamp(now),
    },
  };
};

export const getProvisionedConcurrencyConfig: LambdaHandler = (req) => {
  const { fn, qualifier } = pcTarget(req);
  const pc = fn.provisioned.get(qualifier);
  if (!pc) {
    throw lambdaError(
      "ProvisionedConcurrencyConfigNotFoundException",
      `No Provisioned Concurrency Config found for this function: ${req.state.functionArn(fn.region, fn.name, qualifier)}`,
    );
  }
  return { status: 200, json: pcView(req, pc) };
};

export const deleteProvisionedConcurrencyConfig: LambdaHandler = (req) => {
  const { fn, qualifier } = pcTarget(req);
  if (!fn.provisioned.delete(qualifier)) {
    throw lambdaError(
      "ProvisionedConcurrencyConfigNotFoundException",
      `No Provisioned Concurrency Config found for this function: ${req.state.functionArn(fn.region, fn.name, qualifier)}`,
    );
  }
  return { status: 204 };
};

export const listProvisionedConcurrencyConfigs: LambdaHandler = (req) => {
  const { fn } = req.state.resolve(req.region, req.params.fn!);
  const all = [...fn.provisioned.values()];
  const { items, next } = page(all, req.query);
  return {
    status: 200,
    json: {
      ProvisionedConcurrencyConfigs: items.map((pc) => ({
        FunctionArn: req.state.functionArn(fn.region, fn.name, pc.qualifier),
        ...pcView(req, pc),
      })),
      ...(next !== undefined ? { NextMarker: next } : {}),
    },
  };
};

export const getAccountSettings: LambdaHandler = (req) => {
  const functions = req.state.functionsIn(req.region);
  let provisioned = 0;
  let codeSize = 0;
  for (const fn of functions.values()) {
    for (const pc of fn.provisioned.values()) provisioned += pc.amount;
    for (const bytes of fn.code.values()) codeSize += bytes.length;
  }
  const limit = req.state.concurrencyLimit;
  return {
    status: 200,
    json: {
      AccountLimit: {
        TotalCodeSize: 80_530_636_800,
        CodeSizeUnzipped: 262_144_000,
        CodeSizeZipped: 52_428_800,
        ConcurrentExecutions: limit,
        UnreservedConcurrentExecutions: Math.max(0, limit - provisioned),
      },
      AccountUsage: { TotalCodeSize: codeSize, FunctionCount: functions.size },
    },
  };
};

export const listTags: LambdaHandler = (req) => {
  const arn = req.params.resource!;
  if (!arn.startsWith("arn:")) {
    throw lambdaError("InvalidParameterValueException", `Invalid resource ARN: ${arn}`);
  }
  const parsed = parseFunctionName(arn);
  const { fn } = req.state.resolve(parsed.region ?? req.region, parsed.name);
  if (parsed.region !== undefined && parsed.region !== req.region) {
    throw lambdaError("ResourceNotFoundException", `Function not found: ${arn}`);
  }
  return { status: 200, json: { Tags: { ...(fn.spec.tags ?? {}) } } };
};
