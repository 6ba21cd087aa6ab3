/**
 * The pricing engine's vocabulary. A usage says what a workload consumes; a price table says
 * what each unit costs; priceLambda() turns the two into cost lines. All money is Decimal.
 */
import type { Decimal } from "../money/index.js";
import type {
  AccountUsage,
  DurableUsage,
  EventPollerSource,
  LogClass,
  LogsUsage,
  ManagedInstancesFunctionUsage,
  SnapStartUsage,
  StreamingUsage,
  TenantIsolationUsage,
} from "./extra-usage.js";

// The usage vocabulary lives in extra-usage.ts (it imports nothing from here: no cycle).
export {
  EVENT_POLLER_SOURCES,
  type EventPollerSource,
  LOG_CLASSES,
  type LogClass,
} from "./extra-usage.js";

export const ARCHITECTURES = ["x86_64", "arm64"] as const;
export type Architecture = (typeof ARCHITECTURES)[number];

/** One band of the monthly duration tiers: [fromGbSeconds, toGbSeconds) at one price. */
export interface DurationTier {
  fromGbSeconds: Decimal;
  /** null for the open-ended last tier. */
  toGbSeconds: Decimal | null;
  pricePerGbSecond: Decimal;
  /** True when the price is derived (e.g. tier1 × 0.9), not read from an AWS source. */
  derived: boolean;
  /** The rule that derived it, when it is not the tier-2/3 discount of tier 1. */
  derivation?: string | undefined;
}

export interface ArchitecturePrices {
  durationTiers: DurationTier[];
  /** null where the source has no price; pricing PC there is a PricingDataError. */
  provisionedConcurrencyPerGbSecond: Decimal | null;
  provisionedDurationPerGbSecond: Decimal | null;
  ephemeralStoragePerGbSecond: Decimal | null;
}

export interface RegionPrices {
  region: string;
  requestPrice: Decimal;
  /** null when the table has no prices for that architecture in this region. */
  architectures: Record<Architecture, ArchitecturePrices | null>;
  /**
   * The lines beyond requests and duration (./extra-line-prices.ts); null (or absent, in a
   * table built by hand) where the table has no price, and pricing the line is an error.
   */
  snapStart?: SnapStartPrices | null;
  responseStreaming?: PerArchitecturePrice | null;
  edge?: EdgePrices | null;
  eventPollers?: EventPollerPrices | null;
  tenantIsolation?: PerArchitecturePrice | null;
  durable?: DurablePrices | null;
  logs?: LogPrices | null;
  /** Human-readable caveats (partial or derived data) to print whenever this region is used. */
  caveats: string[];
  sources: string[];
  /** ISO date the prices were gathered or published. */
  asOf: string;
}

/** Where a price of the lines beyond requests and duration came from. */
interface Sourced {
  sources: string[];
  /** ISO date the prices were read. */
  asOf: string;
}

export interface SnapStartPrices extends Sourced {
  cachePerGbSecond: Decimal;
  restorePerGb: Decimal;
}

/** One price per architecture (per GB: streaming in GiB, tenant isolation in memory GB). */
export interface PerArchitecturePrice extends Sourced {
  perGb: Record<Architecture, Decimal | null>;
}

export interface EdgePrices extends Sourced {
  requestPrice: Decimal;
  pricePerGbSecond: Decimal;
}

export interface EventPollerPrices extends Sourced {
  perEpuHour: Record<EventPollerSource, Decimal>;
}

export interface DurablePrices extends Sourced {
  perOperation: Decimal;
  writtenPerGb: Decimal;
  retainedPerGbMonth: Decimal;
}

/** One band of a log class's monthly ingestion tiers: [fromGb, toGb) at one price. */
export interface LogTier {
  fromGb: Decimal;
  /** null for the open-ended last tier. */
  toGb: Decimal | null;
  pricePerGb: Decimal;
}

export interface LogClassPrices {
  ingestionTiers: LogTier[];
  storagePerGbMonth: Decimal;
}

export interface LogPrices extends Sourced {
  classes: Record<LogClass, LogClassPrices>;
  /** Logs Insights queries, USD per GB scanned (what `advise` pays to read REPORT lines). */
  insightsPerGbScanned: Decimal;
}

export interface LambdaPriceTable {
  currency: "USD";
  /** ISO date of the table as a whole. */
  asOf: string;
  freeTier: {
    requestsPerMonth: Decimal;
    gbSecondsPerMonth: Decimal;
    /** Response streaming bytes free per account per month (GiB); absent counts as 0. */
    responseStreamingGibPerMonth?: Decimal;
    sources: string[];
  };
  regions: Record<string, RegionPrices>;
}

/** Provisioned concurrency for one function: the allocation and what it serves. */
export interface ProvisionedUsage {
  concurrency: number;
  /** Hours per month the configuration is enabled (730 = a whole month). */
  hoursPerMonth: number;
  /** Invocations per month served by the provisioned environments. */
  requests: number;
  averageDurationMs: number;
}

/** What one function consumes in a month. */
export interface FunctionUsage {
  /** Optional label, used in scenario output. */
  name?: string | undefined;
  region: string;
  architecture: Architecture;
  memoryMb: number;
  /** On-demand invocations per month. */
  monthlyRequests: number;
  /** Average billed duration of an on-demand invocation, INIT excluded. */
  averageDurationMs: number;
  /** Configured ephemeral storage, 512–10240 MB; only the part above 512 MB is billed. */
  ephemeralStorageMb?: number | undefined;
  /** Share (0–1) of on-demand invocations that are cold starts and bill INIT too. */
  coldStartRate?: number | undefined;
  initDurationMs?: number | undefined;
  provisioned?: ProvisionedUsage | undefined;
  /** Lambda runtime identifier, e.g. "python3.12"; SnapStart is free for java* runtimes. */
  runtime?: string | undefined;
  snapStart?: SnapStartUsage | undefined;
  streaming?: StreamingUsage | undefined;
  /** Priced at Lambda@Edge rates: its own request and GB-s prices, no free tier, no PC. */
  edge?: boolean | undefined;
  tenantIsolation?: TenantIsolationUsage | undefined;
  durable?: DurableUsage | undefined;
  /** Runs on Lambda Managed Instances: instance-hours, fee and requests; no duration charge. */
  managedInstances?: ManagedInstancesFunctionUsage | undefined;
  logs?: LogsUsage | undefined;
}

/** One priced line of a bill. cost = quantity × unitPrice (after any free-tier reduction). */
export interface CostLine {
  /** e.g. "Requests", "Duration (tier 1)", "Provisioned concurrency", "Ephemeral storage". */
  name: string;
  quantity: Decimal;
  /** e.g. "requests", "GB-s". */
  unit: string;
  unitPrice: Decimal;
  cost: Decimal;
  /** Set in multi-function scenarios. */
  functionName?: string | undefined;
  region: string;
  /** Absent on account lines that no architecture owns (event pollers). */
  architecture?: Architecture | undefined;
  /** Added: the amount the free tier took off this line before quantity (absent if none). */
  freeTierQuantity?: Decimal | undefined;
}

export interface PricingOptions {
  /** Apply the monthly free tier (1M requests, 400,000 GB-s) once across the whole account. */
  freeTier: boolean;
  /** Event pollers and the streaming allowance: usage of the account, not of one function. */
  account?: AccountUsage | undefined;
  /**
   * On-demand EC2 prices by region and instance type (pricing/ec2.json), needed only to price
   * Lambda Managed Instances: the management fee is 15% of the on-demand price.
   */
  ec2?: { regions: Record<string, { hourlyPrices: Record<string, Decimal> }> } | undefined;
}

export interface LambdaEstimate {
  currency: "USD";
  lines: CostLine[];
  total: Decimal;
  freeTierApplied: boolean;
  /** Caveats about the prices used (derived or partial data), already de-duplicated. */
  caveats: string[];
  priceTableAsOf: string;
  /** Added: what the free tier covered, once across the account. */
  freeTierUsed: FreeTierUsage;
}

// ---- Additions by the estimate helper (additive; nothing above changed) ----

/** One slice of a quantity that falls into one duration tier (see splitIntoTiers). */
export interface TierSlice {
  /** 0-based index into the tiers array: 0 is "tier 1". */
  tierIndex: number;
  /** GB-s of this slice. */
  quantity: Decimal;
  pricePerGbSecond: Decimal;
  /** quantity × pricePerGbSecond, exact. */
  cost: Decimal;
}

/** What one measured invocation is billed, without the free tier (see pricePerInvocation). */
export interface InvocationPriceInput {
  region: string;
  architecture: Architecture;
  memoryMb: number;
  /** Billed duration as AWS reports it (already rounded up to 1 ms, INIT included). */
  billedDurationMs: number;
  ephemeralStorageMb?: number | undefined;
}

/**
 * Free-tier amounts spent by an estimate (zero when the free tier is off). Also present on
 * a CostLine as `freeTierQuantity` where the free tier reduced that line.
 */
export interface FreeTierUsage {
  requests: Decimal;
  gbSeconds: Decimal;
}
