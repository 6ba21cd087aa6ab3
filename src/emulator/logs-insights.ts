/**
 * Logs Insights: StartQuery, GetQueryResults, StopQuery. A query is answered when it starts (so
 * its rows never change) and moves Scheduled → Running → Complete, one step per GetQueryResults
 * call; until Complete it holds one of the region's concurrent-query slots (30 by default, as
 * the StartQuery API reference says), and StartQuery past the limit is LimitExceededException.
 */
import { logsError } from "./logs-errors.js";
import { type LogGroupView, logGroupsIn } from "./logs-groups.js";
import { aggregate, type ReportSummary, statsByLog } from "./logs-query-eval.js";
import type { EmulatorState } from "./state.js";

type Body = Record<string, unknown>;
type Status = "Scheduled" | "Running" | "Complete" | "Cancelled";

interface QueryRecord {
  region: string;
  status: Status;
  rows: Array<Array<{ field: string; value: string }>>;
  bytesScanned: number;
  recordsMatched: number;
  recordsScanned: number;
}

/** StartQuery's documented maximum of log groups per query. */
export const MAX_LOG_GROUPS_PER_QUERY = 50;
export const DEFAULT_QUERY_CONCURRENCY = 30;
/** Lambda writes START, END and REPORT for every invocation: three records scanned per call. */
const RECORDS_PER_INVOCATION = 3;

const queries = new WeakMap<EmulatorState, Map<string, QueryRecord>>();

function store(state: EmulatorState): Map<string, QueryRecord> {
  let map = queries.get(state);
  if (!map) {
    map = new Map();
    queries.set(state, map);
  }
  return map;
}

export function startQuery(state: EmulatorState, region: string, body: Body): unknown {
  const names = logGroupNames(body);
  const startSec = epochSeconds(body.startTime, "startTime");
  const endSec = epochSeconds(body.endTime, "endTime");
  if (endSec < startSec) {
    throw logsError("InvalidParameterException", "End time must be greater than start time.");
  }
  const queryString = body.queryString;
  if (typeof queryString !== "string" || queryString.length === 0 || queryString.length > 10_000) {
    throw logsError(
      "InvalidParameterException",
      "1 validation error detected: Value at 'queryString' failed to satisfy constraint: Member must have length between 1 and 10000",
    );
  }
  const groups = new Map(logGroupsIn(state, region).map((g) => [g.name, g]));
  const selected = names.map((name) => {
    const group = groups.get(name);
    if (!group) {
      throw logsError("ResourceNotFoundException", `Log group '${name}' does not exist.`);
    }
    return group;
  });
  const running = [...store(state).values()].filter(
    (q) => q.region === region && (q.status === "Scheduled" || q.status === "Running"),
  ).length;
  const limit = state.config.logsQueryConcurrencyLimit ?? DEFAULT_QUERY_CONCURRENCY;
  if (running >= limit) {
    throw logsError(
      "LimitExceededException",
      `Account maximum query concurrency limit of [${limit}] reached.`,
    );
  }
  const queryId = state.idRng.uuid();
  store(state).set(queryId, answer(state, region, selected, queryString, startSec, endSec));
  return { queryId };
}

export function getQueryResults(state: EmulatorState, region: string, body: Body): unknown {
  const query = existing(state, region, body.queryId);
  if (query.status === "Scheduled") query.status = "Running";
  else if (query.status === "Running") query.status = "Complete";
  const complete = query.status === "Complete";
  return {
    queryLanguage: "CWLI",
    results: complete ? query.rows : [],
    statistics: {
      recordsMatched: complete ? query.recordsMatched : 0,
      recordsScanned: complete ? query.recordsScanned : 0,
      bytesScanned: complete ? query.bytesScanned : 0,
    },
    status: query.status,
  };
}

export function stopQuery(state: EmulatorState, region: string, body: Body): unknown {
  const query = existing(state, region, body.queryId);
  if (query.status !== "Scheduled" && query.status !== "Running") {
    throw logsError("InvalidParameterException", `Query is not running: ${query.status}.`);
  }
  query.status = "Cancelled";
  return { success: true };
}

function existing(state: EmulatorState, region: string, queryId: unknown): QueryRecord {
  if (typeof queryId !== "string" || queryId.length === 0) {
    throw logsError(
      "InvalidParameterException",
      "1 validation error detected: Value null at 'queryId' failed to satisfy constraint: Member must not be null",
    );
  }
  const query = store(state).get(queryId);
  if (!query || query.region !== region) {
    throw logsError("ResourceNotFoundException", `Query ${queryId} does not exist.`);
  }
  return query;
}

/** Exactly one of logGroupName, logGroupNames, logGroupIdentifiers; at most 50 groups. */
function logGroupNames(body: Body): string[] {
  const given = [body.logGroupName, body.logGroupNames, body.logGroupIdentifiers].filter(
    (v) => v !== undefined && v !== null,
  );
  if (given.length !== 1) {
    throw logsError(
      "InvalidParameterException",
      "Exactly one of logGroupName, logGroupNames or logGroupIdentifiers must be specified.",
    );
  }
  const raw = given[0];
  const list = Array.isArray(raw) ? raw : [raw];
  if (list.length === 0 || list.length > MAX_LOG_GROUPS_PER_QUERY) {
    throw logsError(
      "InvalidParameterException",
      `1 validation error detected: Value at 'logGroupNames' failed to satisfy constraint: Member must have length between 1 and ${MAX_LOG_GROUPS_PER_QUERY}`,
    );
  }
  // An identifier may be an ARN (`arn:aws:logs:r:acct:log-group:NAME[:*]`): keep the name.
  return list.map((v) =>
    String(v)
      .replace(/^arn:[^:]+:logs:[^:]*:\d*:log-group:/, "")
      .replace(/:\*$/, ""),
  );
}

function epochSeconds(value: unknown, field: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    throw logsError(
      "InvalidParameterException",
      `1 validation error detected: Value at '${field}' failed to satisfy constraint: Member must have value greater than or equal to 0`,
    );
  }
  return value;
}

function answer(
  state: EmulatorState,
  region: string,
  groups: LogGroupView[],
  queryString: string,
  startSec: number,
  endSec: number,
): QueryRecord {
  const startMs = startSec * 1000;
  // endTime is inclusive to the second.
  const endMs = endSec * 1000 + 1000;
  const columns = statsByLog(queryString);
  const rows: QueryRecord["rows"] = [];
  let bytesScanned = 0;
  let records = 0;
  for (const group of groups) {
    const summary = summarise(state, region, group, startMs, endMs);
    bytesScanned += summary.logBytes;
    records += summary.reports;
    if (!columns || summary.reports === 0) continue;
    const row = [{ field: "@log", value: `${state.config.accountId}:${group.name}` }];
    for (const column of columns) {
      const value = aggregate(column, summary);
      if (value !== undefined) row.push({ field: column.alias, value: formatValue(value) });
    }
    rows.push(row);
  }
  return {
    region,
    status: "Scheduled",
    rows,
    bytesScanned,
    recordsMatched: columns ? records : 0,
    recordsScanned: records * RECORDS_PER_INVOCATION,
  };
}

function summarise(
  state: EmulatorState,
  region: string,
  group: LogGroupView,
  startMs: number,
  endMs: number,
): ReportSummary {
  let reports = 0;
  let durationMs = 0;
  let outOfMemory = 0;
  let logBytes = 0;
  let memoryUsedMb = 0;
  let memorySizeMb = 0;
  let initMs = 0;
  for (const fn of group.functions) {
    const window = endMs - startMs;
    const count = state.metrics.buckets(
      region,
      "Invocations",
      fn.name,
      undefined,
      startMs,
      endMs,
      window,
    );
    const duration = state.metrics.buckets(
      region,
      "Duration",
      fn.name,
      undefined,
      startMs,
      endMs,
      window,
    );
    for (const b of count.values()) reports += b.sum;
    for (const b of duration.values()) durationMs += b.sum;
    const totals = state.metrics.historyTotals(region, fn.name, startMs, endMs);
    outOfMemory += totals.outOfMemory;
    logBytes += totals.logBytes;
    memoryUsedMb = Math.max(memoryUsedMb, Math.ceil(fn.spec.model.memoryUsedMb));
    memorySizeMb = Math.max(memorySizeMb, fn.latest.memorySize);
    initMs = Math.max(initMs, fn.spec.model.initMs);
  }
  // History has no per-call cold starts: 1 % of calls, when the model has an INIT phase.
  const coldStarts = initMs > 0 ? Math.ceil(reports / 100) : 0;
  return {
    reports,
    memoryUsedMb: Math.min(memoryUsedMb, memorySizeMb),
    memorySizeMb,
    outOfMemory: Math.min(outOfMemory, reports),
    timeouts: 0,
    // Billing rounds each call up to the next ms: half a ms on average.
    avgBilledDurationMs: reports > 0 ? durationMs / reports + 0.5 : 0,
    coldStarts,
    avgInitDurationMs: initMs,
    logBytes,
  };
}

/** Insights returns every value as a string; numbers at up to 3 decimals. */
function formatValue(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 1000) / 1000);
}
