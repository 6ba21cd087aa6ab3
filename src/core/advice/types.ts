/**
 * The advice model: what `lambda-cost advise` knows about each function (its evidence) and what
 * it recommends. One result model feeds every renderer (table, JSON, CSV, HTML); the JSON shape
 * is the stable contract (docs/advise.md). Money is Decimal, USD a month.
 */
import type { Decimal } from "../money/index.js";
import type { Architecture } from "../pricing/types.js";

export const RECOMMENDATION_KINDS = [
  "remove-idle-provisioned-concurrency",
  "reduce-provisioned-concurrency",
  "increase-provisioned-concurrency",
  "switch-to-arm64",
  "reduce-memory",
  "increase-memory",
  "set-log-retention",
  "logs-cost",
] as const;
export type RecommendationKind = (typeof RECOMMENDATION_KINDS)[number];

/** One provisioned concurrency configuration and how much of it was used. */
export interface ProvisionedEvidence {
  /** The alias or version it is on. */
  qualifier: string;
  /** What is allocated (and billed) while it is enabled. */
  configured: number;
  /** Maximum of ProvisionedConcurrencyUtilization (0–1) over the window; undefined = no data. */
  maxUtilization: number | undefined;
}

/** Sums and extremes of the AWS/Lambda metrics over the window (FunctionName dimension). */
export interface MetricEvidence {
  invocations: Decimal;
  durationMsSum: Decimal;
  durationP99Ms: number | undefined;
  errors: Decimal;
  throttles: Decimal;
  maxConcurrentExecutions: number | undefined;
  provisionedInvocations: Decimal;
  spilloverInvocations: Decimal;
}

/** Logs Insights over the window's REPORT records (absent when not queried or failed). */
export interface ReportEvidence {
  reports: number;
  maxMemoryUsedMb: number | undefined;
  p99MemoryUsedMb: number | undefined;
  avgBilledDurationMs: number | undefined;
  coldStarts: number;
  avgInitDurationMs: number | undefined;
  outOfMemory: number;
  timeouts: number;
  /** Bytes of every log message in the window (what ingestion bills, about). */
  messageBytes: number;
}

export interface LogGroupEvidence {
  name: string;
  /** undefined = never expires. */
  retentionDays: number | undefined;
  storedBytes: number;
  /** Other functions log to the same group: its REPORT statistics are not this function's alone. */
  shared: boolean;
}

/** A function's configuration as Lambda lists it: what the rules read about the function itself. */
export interface FunctionConfig {
  functionName: string;
  architecture: Architecture;
  /** undefined for container images (the image holds the runtime). */
  runtime: string | undefined;
  packageType: "Zip" | "Image";
  layerCount: number;
  memoryMb: number;
  timeoutS: number;
  ephemeralStorageMb: number;
}

/** Only the FunctionConfig fields of `fn` (a listing or an inventory entry carries more). */
export function functionConfigOf(fn: FunctionConfig): FunctionConfig {
  return {
    functionName: fn.functionName,
    architecture: fn.architecture,
    runtime: fn.runtime,
    packageType: fn.packageType,
    layerCount: fn.layerCount,
    memoryMb: fn.memoryMb,
    timeoutS: fn.timeoutS,
    ephemeralStorageMb: fn.ephemeralStorageMb,
  };
}

export interface FunctionEvidence extends FunctionConfig {
  region: string;
  provisioned: ProvisionedEvidence[];
  metrics: MetricEvidence;
  /** undefined when the function has no log group (it never logged). */
  logGroup: LogGroupEvidence | undefined;
  reports: ReportEvidence | undefined;
}

export interface MonthlySaving {
  /** USD a month; lower = upper when the saving is certain; negative = a cost. */
  lower: Decimal;
  upper: Decimal;
}

export interface Recommendation {
  kind: RecommendationKind;
  functionName: string;
  region: string;
  /** The figures the recommendation rests on, in words. */
  evidence: string;
  monthlySaving: MonthlySaving;
  /** What to run or do next. */
  nextStep: string;
}

/** The UTC window the evidence covers: `days` whole days ending at `end` (exclusive). */
export interface AdviceWindow {
  start: Date;
  end: Date;
  days: number;
}

/** A part of the scan that failed (a region, a throttled query), named in the output. */
export interface AdviceFailure {
  region: string;
  what: string;
  message: string;
}

export interface AdviceSummary {
  functionsScanned: number;
  /** Functions below --min-invocations: only the PC and log checks ran on them. */
  functionsBelowMinInvocations: number;
  recommendationsByKind: Record<RecommendationKind, number>;
  totalMonthlySaving: MonthlySaving;
  /** What the Logs Insights queries scanned and cost. */
  scan: { bytesScanned: number; cost: Decimal; queries: number };
}

export interface AdviceResult {
  window: AdviceWindow;
  regions: string[];
  /** Ranked by upper saving, largest first. */
  recommendations: Recommendation[];
  summary: AdviceSummary;
  failures: AdviceFailure[];
  /** Assumptions and caveats to print with the result. */
  notes: string[];
  priceTableAsOf: string;
}
