/**
 * runAdvise(): the application service behind `lambda-cost advise`, over the AdviceSource port
 * only. Reads every region (functions, a window of metrics, log groups), estimates what the Logs
 * Insights queries will scan and lets the caller refuse (the scan-cost guard) before any query
 * runs, queries REPORT statistics, then hands the evidence to the pure rules. A region or a
 * query that fails is named in the result, not fatal, unless every region failed.
 */
import pLimit from "p-limit";
import {
  type AdviceFailure,
  type AdviceFunction,
  type AdviceResult,
  type AdviceSource,
  type AdviceWindow,
  adviceLogsRates,
  adviseFunctions,
  estimateGroupScanBytes,
  type FunctionEvidence,
  functionConfigOf,
  insightsPerGbScanned,
  type LogGroupInfo,
  type ReportQueryOutcome,
  scanCost,
  type WindowMetrics,
} from "../core/advice/index.js";
import { AwsError, LambdaCostError } from "../core/errors.js";
import { type Decimal, sum, ZERO } from "../core/money/index.js";
import type { LambdaPriceTable } from "../core/pricing/types.js";

export interface ScanEstimate {
  bytes: number;
  /** USD at the Logs Insights price of each region; regions without a price count 0. */
  cost: Decimal;
  groups: number;
  /** Regions whose Logs Insights price is unknown. */
  unpricedRegions: string[];
  /** The Logs Insights price of each priced region, USD per GB scanned, from the price table. */
  insightsRates: Array<{ region: string; perGbScanned: Decimal }>;
}

export interface RunAdviseOptions {
  source: AdviceSource;
  regions: readonly string[];
  window: AdviceWindow;
  table: LambdaPriceTable;
  /** Which functions to look at (default all). */
  includeFunction?: ((name: string) => boolean) | undefined;
  minInvocations: number;
  freeTier: boolean;
  /** Regions read at once (default 4). */
  concurrency?: number | undefined;
  /** Called with the estimate before any query runs; throw to refuse the scan. */
  beforeQueries?: ((estimate: ScanEstimate) => void | Promise<void>) | undefined;
}

interface RegionRead {
  region: string;
  functions: AdviceFunction[];
  metrics: Map<string, WindowMetrics>;
  groups: Map<string, LogGroupInfo>;
  /** Functions per log group name over every function of the region (shared groups). */
  groupUsers: Map<string, number>;
  queried: string[];
  /** A part of the region that failed without failing the region (its log groups). */
  failures: AdviceFailure[];
}

export async function runAdvise(options: RunAdviseOptions): Promise<AdviceResult> {
  const regions = [...new Set(options.regions)].sort();
  const limit = pLimit(options.concurrency ?? 4);
  const failures: AdviceFailure[] = [];
  const settled = await Promise.allSettled(
    regions.map((region) => limit(() => readRegion(region, options))),
  );
  const reads: RegionRead[] = [];
  settled.forEach((outcome, i) => {
    const region = regions[i] as string;
    if (outcome.status === "fulfilled") reads.push(outcome.value);
    else failures.push({ region, what: "region", message: describe(outcome.reason) });
  });
  if (reads.length === 0) throw everyRegionFailed(settled, failures);

  const estimate = estimateScan(reads, options.window, options.table);
  await options.beforeQueries?.(estimate);

  const outcomes = await Promise.all(
    reads.map((read) =>
      limit(async (): Promise<ReportQueryOutcome> => {
        if (read.queried.length === 0) {
          return { byGroup: new Map(), bytesScanned: 0, queries: 0, failures: [] };
        }
        try {
          return await options.source.queryReports(read.region, read.queried, options.window);
        } catch (error) {
          failures.push({ region: read.region, what: "Logs Insights", message: describe(error) });
          return { byGroup: new Map(), bytesScanned: 0, queries: 0, failures: [] };
        }
      }),
    ),
  );
  const evidence: FunctionEvidence[] = [];
  reads.forEach((read, i) => {
    const outcome = outcomes[i] as ReportQueryOutcome;
    failures.push(...read.failures);
    for (const message of outcome.failures) {
      failures.push({ region: read.region, what: "Logs Insights", message });
    }
    for (const fn of read.functions) evidence.push(toEvidence(read, fn, outcome));
  });
  return adviseFunctions({
    evidence,
    window: options.window,
    regions: reads.map((r) => r.region),
    table: options.table,
    logsRates: (region) => adviceLogsRates(options.table, region),
    freeTier: options.freeTier,
    minInvocations: options.minInvocations,
    scanned: reads.map((read, i) => ({
      region: read.region,
      bytes: (outcomes[i] as ReportQueryOutcome).bytesScanned,
      queries: (outcomes[i] as ReportQueryOutcome).queries,
    })),
    failures,
  });
}

async function readRegion(region: string, options: RunAdviseOptions): Promise<RegionRead> {
  const all = await options.source.listFunctions(region);
  const include = options.includeFunction ?? (() => true);
  const functions = all.filter((fn) => include(fn.functionName));
  const failures: AdviceFailure[] = [];
  // Without the log groups the metric rules still stand: a failure there is named, not fatal.
  const listGroups = async (): Promise<LogGroupInfo[]> => {
    if (functions.length === 0) return [];
    try {
      return await options.source.listLogGroups(region);
    } catch (error) {
      failures.push({ region, what: "log groups", message: describe(error) });
      return [];
    }
  };
  const [metrics, groupList] = await Promise.all([
    options.source.readWindowMetrics(region, functions, options.window),
    listGroups(),
  ]);
  const groups = new Map(groupList.map((g) => [g.name, g]));
  const groupUsers = new Map<string, number>();
  for (const fn of all) groupUsers.set(fn.logGroupName, (groupUsers.get(fn.logGroupName) ?? 0) + 1);
  const queried = [...new Set(functions.map((fn) => fn.logGroupName))]
    .filter((name) => groups.has(name))
    .sort();
  return { region, functions, metrics, groups, groupUsers, queried, failures };
}

function estimateScan(
  reads: RegionRead[],
  window: AdviceWindow,
  table: LambdaPriceTable,
): ScanEstimate {
  let bytes = 0;
  let groups = 0;
  const costs: Decimal[] = [];
  const unpriced: string[] = [];
  const rates: ScanEstimate["insightsRates"] = [];
  for (const read of reads) {
    let regionBytes = 0;
    for (const name of read.queried) {
      const group = read.groups.get(name);
      if (group) regionBytes += estimateGroupScanBytes(group, window);
    }
    bytes += regionBytes;
    groups += read.queried.length;
    const price = insightsPerGbScanned(table, read.region);
    if (price) {
      costs.push(scanCost(regionBytes, price));
      rates.push({ region: read.region, perGbScanned: price });
    } else if (read.queried.length > 0) unpriced.push(read.region);
  }
  return {
    bytes,
    cost: costs.length > 0 ? sum(costs) : ZERO,
    groups,
    unpricedRegions: unpriced,
    insightsRates: rates,
  };
}

function toEvidence(
  read: RegionRead,
  fn: AdviceFunction,
  outcome: ReportQueryOutcome,
): FunctionEvidence {
  const window = read.metrics.get(fn.functionName);
  const group = read.groups.get(fn.logGroupName);
  return {
    region: read.region,
    ...functionConfigOf(fn),
    provisioned: fn.provisioned.map((pc) => ({
      qualifier: pc.qualifier,
      configured: pc.configured,
      maxUtilization: window?.maxUtilization.get(pc.qualifier),
    })),
    metrics: window?.metrics ?? {
      invocations: ZERO,
      durationMsSum: ZERO,
      durationP99Ms: undefined,
      errors: ZERO,
      throttles: ZERO,
      maxConcurrentExecutions: undefined,
      provisionedInvocations: ZERO,
      spilloverInvocations: ZERO,
    },
    logGroup: group
      ? {
          name: group.name,
          retentionDays: group.retentionDays,
          storedBytes: group.storedBytes,
          shared: (read.groupUsers.get(group.name) ?? 0) > 1,
        }
      : undefined,
    reports: outcome.byGroup.get(fn.logGroupName),
  };
}

function everyRegionFailed(
  settled: PromiseSettledResult<unknown>[],
  failures: AdviceFailure[],
): Error {
  const reasons = settled.flatMap((o) => (o.status === "rejected" ? [o.reason] : []));
  const first = reasons[0];
  if (first instanceof LambdaCostError && settled.length === 1) return first;
  const exitCode = reasons.every((r) => r instanceof LambdaCostError && r.exitCode === 2) ? 2 : 1;
  return new AwsError(
    `every region failed: ${failures.map((f) => `${f.region}: ${f.message}`).join("; ")}`,
    { cause: first, exitCode },
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
