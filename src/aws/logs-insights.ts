/**
 * REPORT statistics per log group with Logs Insights: one `stats … by @log` query per 50 groups
 * (StartQuery's limit), at most `maxInFlight` running at once (under the account's concurrent
 * query limit, 30 by default per the StartQuery API reference), polled with doubling delays. A
 * StartQuery refused with LimitExceededException (someone else's queries hold the slots) waits
 * and tries again. The query reads text REPORT lines (@maxMemoryUsed etc., which Insights
 * discovers in bytes ×10⁶ for memory) and JSON `platform.report` records alike.
 */
import {
  type CloudWatchLogsClient,
  GetQueryResultsCommand,
  type GetQueryResultsCommandOutput,
  StartQueryCommand,
  StopQueryCommand,
} from "@aws-sdk/client-cloudwatch-logs";
import pLimit from "p-limit";
import type { AdviceWindow, ReportEvidence, ReportQueryOutcome } from "../core/advice/index.js";
import { toAwsError } from "./errors.js";

export const MAX_GROUPS_PER_QUERY = 50;

export const REPORT_QUERY = [
  "fields coalesce(@maxMemoryUsed / 1000 / 1000, `record.metrics.maxMemoryUsedMB`) as memoryUsedMb,",
  "  coalesce(@billedDuration, `record.metrics.billedDurationMs`) as billedDurationMs,",
  "  coalesce(@initDuration, `record.metrics.initDurationMs`) as initDurationMs,",
  '  strcontains(@message, "Runtime.OutOfMemory") as isOutOfMemory,',
  '  strcontains(@message, "Status: timeout") + strcontains(@message, "\\"status\\":\\"timeout\\"") as isTimeout',
  "| stats count(memoryUsedMb) as reports, max(memoryUsedMb) as maxMemoryUsedMb,",
  "  pct(memoryUsedMb, 99) as p99MemoryUsedMb, avg(billedDurationMs) as avgBilledDurationMs,",
  "  count(initDurationMs) as coldStarts, avg(initDurationMs) as avgInitDurationMs,",
  "  sum(isOutOfMemory) as outOfMemory, sum(isTimeout) as timeouts,",
  "  sum(strlen(@message)) as messageBytes by @log",
].join("\n");

export interface InsightsOptions {
  /** Queries running at once (default 10). */
  maxInFlight?: number | undefined;
  /** Waits between polls and retries; tests pass one that does not wait. */
  sleep?: ((ms: number) => Promise<void>) | undefined;
  /** StartQuery attempts while the concurrency limit is reached (default 8). */
  startAttempts?: number | undefined;
  /** GetQueryResults polls before a query is given up and stopped (default 400, ~30 min). */
  maxPolls?: number | undefined;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function queryReportStatistics(
  client: CloudWatchLogsClient,
  region: string,
  groupNames: readonly string[],
  window: AdviceWindow,
  options: InsightsOptions = {},
): Promise<ReportQueryOutcome> {
  const limit = pLimit(options.maxInFlight ?? 10);
  const batches: string[][] = [];
  for (let i = 0; i < groupNames.length; i += MAX_GROUPS_PER_QUERY) {
    batches.push(groupNames.slice(i, i + MAX_GROUPS_PER_QUERY));
  }
  const outcome: ReportQueryOutcome = {
    byGroup: new Map(),
    bytesScanned: 0,
    queries: 0,
    failures: [],
  };
  await Promise.all(
    batches.map((batch) =>
      limit(async () => {
        try {
          const result = await runQuery(client, region, batch, window, options);
          outcome.queries += 1;
          outcome.bytesScanned += result.statistics?.bytesScanned ?? 0;
          for (const row of result.results ?? []) {
            const fields = new Map(row.map((f) => [f.field ?? "", f.value ?? ""]));
            // @log is "<account>:<group name>".
            const group = (fields.get("@log") ?? "").replace(/^\d{12}:/, "");
            outcome.byGroup.set(group, toEvidence(fields));
          }
        } catch (error) {
          const what = batch.length === 1 ? batch[0] : `${batch[0]} and ${batch.length - 1} more`;
          outcome.failures.push(
            `query over ${what}: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }),
    ),
  );
  return outcome;
}

async function runQuery(
  client: CloudWatchLogsClient,
  region: string,
  groups: string[],
  window: AdviceWindow,
  options: InsightsOptions,
): Promise<GetQueryResultsCommandOutput> {
  const sleep = options.sleep ?? realSleep;
  const queryId = await startQuery(client, region, groups, window, options, sleep);
  let delayMs = 250;
  const maxPolls = options.maxPolls ?? 400;
  for (let poll = 0; poll < maxPolls; poll += 1) {
    await sleep(delayMs);
    delayMs = Math.min(delayMs * 2, 5_000);
    let output: GetQueryResultsCommandOutput;
    try {
      output = await client.send(new GetQueryResultsCommand({ queryId }));
    } catch (error) {
      await stopQuietly(client, queryId);
      throw toAwsError(error, { action: "logs:GetQueryResults", region });
    }
    if (output.status === "Complete") return output;
    if (output.status !== "Scheduled" && output.status !== "Running") {
      throw new Error(`the query ended ${output.status ?? "without a status"}`);
    }
  }
  await stopQuietly(client, queryId);
  throw new Error(`the query did not complete after ${maxPolls} polls; it was stopped`);
}

async function startQuery(
  client: CloudWatchLogsClient,
  region: string,
  groups: string[],
  window: AdviceWindow,
  options: InsightsOptions,
  sleep: (ms: number) => Promise<void>,
): Promise<string> {
  const attempts = options.startAttempts ?? 8;
  for (let attempt = 1; ; attempt += 1) {
    try {
      const { queryId } = await client.send(
        new StartQueryCommand({
          logGroupNames: groups,
          startTime: Math.floor(window.start.getTime() / 1000),
          // endTime is inclusive, to the second.
          endTime: Math.floor(window.end.getTime() / 1000) - 1,
          queryString: REPORT_QUERY,
        }),
      );
      if (!queryId) throw new Error("StartQuery returned no queryId");
      return queryId;
    } catch (error) {
      const name = (error as { name?: string }).name;
      if (name !== "LimitExceededException" || attempt >= attempts) {
        throw toAwsError(error, { action: "logs:StartQuery", region });
      }
      await sleep(1_000 * 2 ** (attempt - 1));
    }
  }
}

async function stopQuietly(client: CloudWatchLogsClient, queryId: string): Promise<void> {
  try {
    await client.send(new StopQueryCommand({ queryId }));
  } catch {
    // Best effort: a query left running ends by itself (and stops holding a slot) in 60 minutes.
  }
}

function toEvidence(fields: Map<string, string>): ReportEvidence {
  const num = (name: string) => {
    const raw = fields.get(name);
    if (raw === undefined || raw === "") return undefined;
    const value = Number(raw);
    return Number.isFinite(value) ? value : undefined;
  };
  const ceil = (value: number | undefined) => (value === undefined ? undefined : Math.ceil(value));
  return {
    reports: num("reports") ?? 0,
    maxMemoryUsedMb: ceil(num("maxMemoryUsedMb")),
    p99MemoryUsedMb: ceil(num("p99MemoryUsedMb")),
    avgBilledDurationMs: num("avgBilledDurationMs"),
    coldStarts: num("coldStarts") ?? 0,
    avgInitDurationMs: num("avgInitDurationMs"),
    outOfMemory: num("outOfMemory") ?? 0,
    timeouts: num("timeouts") ?? 0,
    messageBytes: num("messageBytes") ?? 0,
  };
}
