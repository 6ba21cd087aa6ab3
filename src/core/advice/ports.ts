/**
 * What the advise application service needs from AWS, shaped by the domain (no SDK types). The
 * AWS adapter (src/aws/advice-source.ts) implements it over the SDK; tests can hand the
 * service an in-memory one.
 */
import type { AdviceWindow, FunctionConfig, MetricEvidence, ReportEvidence } from "./types.js";

/** A function's configuration as listed, with its provisioned concurrency configurations. */
export interface AdviceFunction extends FunctionConfig {
  /** `LoggingConfig.LogGroup`, default `/aws/lambda/<name>`. */
  logGroupName: string;
  provisioned: Array<{ qualifier: string; configured: number }>;
}

export interface WindowMetrics {
  metrics: MetricEvidence;
  /** Maximum ProvisionedConcurrencyUtilization per PC qualifier (undefined = no datapoints). */
  maxUtilization: Map<string, number | undefined>;
}

export interface LogGroupInfo {
  name: string;
  storedBytes: number;
  creationTime: Date;
  retentionDays: number | undefined;
}

export interface ReportQueryOutcome {
  /** REPORT statistics per log group name. */
  byGroup: Map<string, ReportEvidence>;
  bytesScanned: number;
  queries: number;
  /** Queries that failed (throttled, refused, timed out), each naming its groups. */
  failures: string[];
}

/** One region's reads. Every call is read-only (List*, Get*, Describe*, Logs Insights queries). */
export interface AdviceSource {
  listFunctions(region: string): Promise<AdviceFunction[]>;
  readWindowMetrics(
    region: string,
    functions: readonly AdviceFunction[],
    window: AdviceWindow,
  ): Promise<Map<string, WindowMetrics>>;
  listLogGroups(region: string): Promise<LogGroupInfo[]>;
  queryReports(
    region: string,
    groupNames: readonly string[],
    window: AdviceWindow,
  ): Promise<ReportQueryOutcome>;
}
