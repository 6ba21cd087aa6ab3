/**
 * The log groups Lambda writes to (one per `LoggingConfig.LogGroup`, shared when functions name
 * the same group) and DescribeLogGroups over them. A group exists once its function has logged:
 * it has history or has been invoked here. Stored bytes are the history's log bytes still
 * within the group's retention, up to now.
 */
import type { FunctionRecord } from "./function-record.js";
import { monthBounds } from "./history.js";
import { logsError } from "./logs-errors.js";
import type { EmulatorState } from "./state.js";

export interface LogGroupView {
  name: string;
  functions: FunctionRecord[];
  creationTimeMs: number;
  retentionDays: number | undefined;
}

const DAY_MS = 86_400_000;
/** DescribeLogGroups returns at most 50 groups a call (its `limit`, 1–50, default 50). */
export const DESCRIBE_LOG_GROUPS_MAX = 50;

/** Every log group of the region, sorted by name (DescribeLogGroups order). */
export function logGroupsIn(state: EmulatorState, region: string): LogGroupView[] {
  const groups = new Map<string, LogGroupView>();
  for (const name of state.namesIn(region)) {
    const fn = state.functionsIn(region).get(name);
    if (!fn) continue;
    const months = state.metrics.historyMonths(region, name);
    if (months.length === 0 && !state.metrics.hasLiveInvocations(region, name)) continue;
    const created = Math.min(
      fn.latestLastModifiedMs,
      ...months.map((m) => monthBounds(m.month).startMs),
    );
    const group = groups.get(fn.latest.logGroup);
    if (group) {
      group.functions.push(fn);
      group.creationTimeMs = Math.min(group.creationTimeMs, created);
    } else {
      groups.set(fn.latest.logGroup, {
        name: fn.latest.logGroup,
        functions: [fn],
        creationTimeMs: created,
        // A shared group keeps the retention of the first function (by name) that names it.
        retentionDays: fn.spec.logRetentionDays,
      });
    }
  }
  return [...groups.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Bytes a group holds now: what its functions logged within its retention. */
export function storedBytes(state: EmulatorState, group: LogGroupView): number {
  const now = state.now();
  const since = group.retentionDays === undefined ? 0 : now - group.retentionDays * DAY_MS;
  let bytes = 0;
  for (const fn of group.functions) {
    bytes += state.metrics.historyTotals(fn.region, fn.name, since, now).logBytes;
  }
  return bytes;
}

export function describeLogGroups(
  state: EmulatorState,
  region: string,
  body: Record<string, unknown>,
): unknown {
  const limit = body.limit ?? DESCRIBE_LOG_GROUPS_MAX;
  if (
    typeof limit !== "number" ||
    !Number.isInteger(limit) ||
    limit < 1 ||
    limit > DESCRIBE_LOG_GROUPS_MAX
  ) {
    throw logsError(
      "InvalidParameterException",
      `1 validation error detected: Value '${String(limit)}' at 'limit' failed to satisfy constraint: Member must have value between 1 and ${DESCRIBE_LOG_GROUPS_MAX}`,
    );
  }
  const prefix = body.logGroupNamePrefix;
  if (prefix !== undefined && body.logGroupNamePattern !== undefined) {
    throw logsError(
      "InvalidParameterException",
      "LogGroupNamePrefix and LogGroupNamePattern are mutually exclusive parameters.",
    );
  }
  const pattern = typeof body.logGroupNamePattern === "string" ? body.logGroupNamePattern : "";
  const after = decodeToken(body.nextToken);
  const matching = logGroupsIn(state, region).filter(
    (g) =>
      (typeof prefix !== "string" || g.name.startsWith(prefix)) &&
      g.name.toLowerCase().includes(pattern.toLowerCase()) &&
      (after === undefined || g.name > after),
  );
  const page = matching.slice(0, limit);
  const account = state.config.accountId;
  const last = page.at(-1);
  return {
    logGroups: page.map((g) => {
      const arn = `arn:aws:logs:${region}:${account}:log-group:${g.name}`;
      return {
        logGroupName: g.name,
        creationTime: g.creationTimeMs,
        ...(g.retentionDays === undefined ? {} : { retentionInDays: g.retentionDays }),
        metricFilterCount: 0,
        arn: `${arn}:*`,
        storedBytes: storedBytes(state, g),
        logGroupClass: "STANDARD",
        logGroupArn: arn,
      };
    }),
    ...(matching.length > limit && last
      ? { nextToken: Buffer.from(`g:${last.name}`).toString("base64url") }
      : {}),
  };
}

function decodeToken(token: unknown): string | undefined {
  if (token === undefined || token === null) return undefined;
  const text = typeof token === "string" ? Buffer.from(token, "base64url").toString() : "";
  if (!text.startsWith("g:")) {
    throw logsError("InvalidParameterException", "The specified nextToken is not valid.");
  }
  return text.slice(2);
}
