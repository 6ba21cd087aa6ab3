import type { LambdaPriceTable } from "../core/pricing/types.js";
/**
 * The emulator's configuration file and its programmatic handle. The config shape is the one in
 * the README and examples/emulator.json; the handle is what tests and `lambda-cost emulator`
 * get back from startEmulator().
 */

/** How a synthetic function spends its time (see the duration model in src/emulator). */
export interface FunctionModel {
  fixedMs: number;
  cpuMs: number;
  parallelCpuMs: number;
  threads: number;
  initMs: number;
  memoryUsedMb: number;
  gcPressure: number;
  noiseCv: number;
  errorRate: number;
  arm64CpuFactor: number;
  /** Application log lines printed before START/END/REPORT in each log tail. */
  appLogLines?: string[] | undefined;
}

export interface HistoryMonth {
  /** "YYYY-MM" */
  month: string;
  invocationsPerDay: number;
  avgDurationMs: number;
  /** Share (0–1) of invocations recorded as ProvisionedConcurrencyInvocations. */
  provisionedShare?: number | undefined;
  /** Maximum of ProvisionedConcurrencyUtilization (0–1) in every period of the month. */
  provisionedUtilization?: number | undefined;
  /** Share (0–1) of invocations recorded as ProvisionedConcurrencySpilloverInvocations. */
  spilloverShare?: number | undefined;
  /** Log bytes each invocation writes (REPORT line included): ingestion, storage, scans. */
  logBytesPerInvocation?: number | undefined;
  /** Out-of-memory invocations in the month (REPORT `Error Type: Runtime.OutOfMemory`). */
  oomCount?: number | undefined;
}

export interface EmulatedFunctionConfig {
  name: string;
  region: string;
  memorySize: number;
  timeout: number;
  architecture: "x86_64" | "arm64";
  ephemeralStorage: number;
  logFormat: "Text" | "JSON";
  runtime: string;
  /** "Zip" (default): code is a .zip archive; "Image": a container image in ECR. */
  packageType?: "Zip" | "Image" | undefined;
  /**
   * Layer versions the function uses (full version ARNs); GetLayerVersion answers with their
   * compatible architectures. Shared with `advise` (issue 13).
   */
  layers?: Array<{ arn: string; compatibleArchitectures: Array<"x86_64" | "arm64"> }> | undefined;
  /** Size of the synthetic .zip in bytes (default: about 200 bytes). */
  codeSizeBytes?: number | undefined;
  /**
   * Image functions: the architectures of the image behind ImageUri (default: the function's
   * own). More than one makes it a multi-architecture image (a manifest list in ECR).
   */
  imageArchitectures?: Array<"x86_64" | "arm64"> | undefined;
  /** Retention of the function's log group in days; absent = never expires. */
  logRetentionDays?: number | undefined;
  description?: string | undefined;
  tags?: Record<string, string> | undefined;
  model: FunctionModel;
  history?: HistoryMonth[] | undefined;
  /**
   * Provisioned concurrency configs to start with: qualifier → amount. The emulator publishes
   * version 1 of the initial configuration for them and creates each named alias on it; the
   * qualifier is an alias name or "1".
   */
  provisionedConcurrency?: Array<{ qualifier: string; amount: number }> | undefined;
}

/** A deploy by someone else, applied once after the emulator has served `afterRequests`. */
export interface ConcurrentDeployFault {
  functionName: string;
  region?: string | undefined;
  afterRequests: number;
  patch: {
    MemorySize?: number;
    Timeout?: number;
    Description?: string;
    Environment?: { Variables?: Record<string, string> | undefined } | undefined;
  };
}

export interface EmulatorFaults {
  /** Share of Lambda calls answered 429 TooManyRequestsException. */
  throttleRate: number;
  /** Share of Lambda calls answered 500 ServiceException. */
  serviceErrorRate: number;
  /**
   * How long an update stays LastUpdateStatus InProgress, in clock ms. Not scaled by timeScale:
   * with timeScale 0 (instant invocations) a slow update must still be observable by waiters.
   */
  updateLatencyMs: number;
  /** Share of CloudWatch calls answered with a Throttling error. */
  cloudwatchThrottleRate: number;
  /** Share of CloudWatch Logs calls answered 400 ThrottlingException. */
  logsThrottleRate?: number | undefined;
  concurrentDeploys?: ConcurrentDeployFault[] | undefined;
  /** Regions whose every call fails with 500 (to test a report that loses one region). */
  failingRegions?: string[] | undefined;
  /** Fail chosen requests: the `nth` request of `action` (and the `times − 1` after it). */
  failRequests?: FailRequestFault[] | undefined;
}

/**
 * One injected failure, e.g. the 5th `lambda:PublishVersion` answered 400
 * InvalidParameterValueException (not retried by the SDK) — a failure that can strike between a
 * code swap and the publish that follows it.
 */
export interface FailRequestFault {
  /** IAM-style action, e.g. "lambda:PublishVersion". */
  action: string;
  /** 1-based: the first request of that action that fails. */
  nth: number;
  /** How many consecutive requests of that action fail (default 1). */
  times: number;
  code: "ServiceException" | "InvalidParameterValueException" | "ResourceConflictException";
}

export interface EmulatorConfig {
  seed: number;
  accountId: string;
  /** 0 answers at once; 1 sleeps for the modelled duration; between scales the sleep. */
  timeScale: number;
  /** Account concurrency limit per region (default 1000). */
  concurrencyLimit?: number | undefined;
  /** Logs Insights queries running at once per region before StartQuery is refused (default 30). */
  logsQueryConcurrencyLimit?: number | undefined;
  /** Idle execution environments are reclaimed after this many clock ms (default 600,000). */
  environmentIdleMs?: number | undefined;
  faults: EmulatorFaults;
  /** If set, any other action (e.g. "lambda:UpdateFunctionConfiguration") gets 403. */
  allowedActions?: string[] | undefined;
  functions: EmulatedFunctionConfig[];
  /**
   * Member accounts of an organisation whose management account is `accountId` (issue 15).
   * STS AssumeRole into one returns credentials that Lambda and CloudWatch calls then act in.
   */
  accounts?: EmulatedAccountConfig[] | undefined;
  /** Differences the Cost Explorer month shows against the metrics (reconciliation tests). */
  billedAdjustments?: BilledAdjustment[] | undefined;
}

export interface EmulatedAccountConfig {
  accountId: string;
  name?: string | undefined;
  email?: string | undefined;
  state: "ACTIVE" | "SUSPENDED" | "PENDING_CLOSURE" | "CLOSED";
  /** Roles AssumeRole may take here; default ["OrganizationAccountAccessRole"]. */
  roles?: string[] | undefined;
  functions: EmulatedFunctionConfig[];
}

export interface BilledAdjustment {
  accountId: string;
  /** "YYYY-MM" */
  month: string;
  usageType: string;
  /** Decimal string added to the usage type's UnblendedCost (negative: a credit). */
  amountUsd: string;
  /** Decimal string added to its UsageQuantity. */
  usageQuantity: string;
}

/** A request as the emulator saw it, for tests that check which calls a command made. */
export interface RecordedRequest {
  /** IAM-style action, e.g. "lambda:PublishVersion", "cloudwatch:GetMetricData". */
  action: string;
  method: string;
  path: string;
  region: string;
  status: number;
  /** The account the call acted in; only when the config has `accounts`. */
  accountId?: string | undefined;
}

/** A read-only view of a function's state, for tests to compare before and after. */
export interface FunctionStateView {
  /** $LATEST's configuration as GetFunctionConfiguration would return it. */
  latest: Record<string, unknown>;
  /** Published version numbers, ascending ("1", "2", …). */
  versions: string[];
  aliases: Array<{ name: string; functionVersion: string }>;
}

export interface EmulatorHandle {
  /** e.g. "http://127.0.0.1:43121" */
  endpoint: string;
  close(): Promise<void>;
  /** Every request served so far, in order. */
  requests(): RecordedRequest[];
  /** A function's state, or undefined if it does not exist. */
  inspect(region: string, functionName: string): FunctionStateView | undefined;
  /** Changes $LATEST as a concurrent deployer would (new RevisionId, update in progress). */
  deploy(region: string, functionName: string, patch: ConcurrentDeployFault["patch"]): void;
  /** Adds functions at run time (e.g. 10,000 for the report benchmark), to one account (default: the management account). */
  addFunctions(functions: EmulatedFunctionConfig[], accountId?: string): void;
}

export interface StartEmulatorOptions {
  config: EmulatorConfig;
  /**
   * The Lambda price table Cost Explorer's "billed" month is priced with (issue 15). The
   * emulator never loads price files itself; without one, GetCostAndUsage answers
   * DataUnavailableException.
   */
  priceTable?: LambdaPriceTable | undefined;
  /** 0 (default) picks a free port. */
  port?: number | undefined;
  /** Default 127.0.0.1: loopback only unless the caller says otherwise. */
  host?: string | undefined;
  /**
   * The emulator's clock in epoch ms (default Date.now). Live invocations are recorded at this
   * time; update latency, environment expiry and CloudWatch period rules follow it. Tests
   * inject one to move time without waiting.
   */
  now?: (() => number) | undefined;
}
