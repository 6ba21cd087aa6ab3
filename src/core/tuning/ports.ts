/**
 * The port `tune` drives: a function it can snapshot, re-size, publish, invoke and put back.
 * Shaped by what tuning needs, not by the SDK; src/aws/lambda-tuning-target.ts implements it
 * over @aws-sdk/client-lambda, and unit tests can hand the runner an in-memory fake.
 *
 * Every mutating call takes the RevisionId the caller last saw, so a change someone else made
 * meanwhile surfaces as a ConcurrentChangeError instead of being overwritten.
 */
import { AwsError } from "../errors.js";
import type { Decimal } from "../money/index.js";
import type { Architecture } from "../pricing/types.js";
import type {
  InvocationCostModel,
  InvocationSample,
  SamplingMode,
  SamplingPlanner,
  StrategyOptions,
  TuningAnalysis,
} from "./types.js";

/** What tune needs to know about a function before (and after) it changes anything. */
export interface FunctionSnapshot {
  /** The plain function name (resolved from an ARN when one was given). */
  functionName: string;
  functionArn: string;
  region: string;
  /** From the function ARN. */
  accountId: string;
  revisionId: string;
  /** Pending | Active | Inactive | Failed | … */
  state: string;
  /** Successful | Failed | InProgress */
  lastUpdateStatus: string;
  lastUpdateStatusReason?: string | undefined;
  memoryMb: number;
  timeoutSeconds: number;
  architecture: Architecture;
  ephemeralStorageMb: number;
  logFormat: "Text" | "JSON";
  /** "Zip" or "Image" (Configuration.PackageType). */
  packageType: "Zip" | "Image";
  /** Configuration.CodeSha256: base64 SHA-256 of the zip, or an image's digest. */
  codeSha256: string;
  /** Configuration.Runtime (absent for images). */
  runtime?: string | undefined;
  /** Configuration.Layers' version ARNs. */
  layerArns: string[];
  /** From GetFunction's Code: where the zip can be downloaded (short-lived), or the image. */
  code?: { location?: string | undefined; imageUri?: string | undefined } | undefined;
  /**
   * $LATEST's whole configuration as GetFunction returned it, minus the fields that change on
   * every update (RevisionId, LastModified, LastUpdateStatus*, State*). Compared before and after
   * to prove $LATEST is back exactly as found.
   */
  configuration: Record<string, unknown>;
}

export interface PublishedVersion {
  version: string;
  /** False when Lambda returned a version that already existed (code and config unchanged). */
  created: boolean;
  memoryMb: number;
}

/** What one Invoke returned, before any parsing. */
export interface RawInvocation {
  statusCode: number;
  /** "Unhandled" / "Handled" when the function failed (not an HTTP error). */
  functionError?: string | undefined;
  /** Base64 log tail (the last 4 KB), as Lambda sends it. */
  logResultBase64?: string | undefined;
  executedVersion?: string | undefined;
  /** The response body as text (error payloads carry errorType). */
  payloadText: string;
}

export interface AliasView {
  name: string;
  functionVersion: string;
  revisionId: string;
  /** True when the alias splits traffic (RoutingConfig), which `--apply --alias` will not touch. */
  weighted: boolean;
  description?: string | undefined;
}

export interface CallOptions {
  abortSignal?: AbortSignal | undefined;
}

/** Where UpdateFunctionCode takes the code from: the bytes, an S3 object, or an image. */
export type CodeSource =
  | { kind: "zip"; bytes: Uint8Array }
  | { kind: "s3"; bucket: string; key: string }
  | { kind: "image"; imageUri: string };

/**
 * What changing a function's architecture needs beyond TuningTarget: its code (to upload the
 * same bytes with the other architecture), its layers' and image's architectures (to skip an
 * architecture that cannot run), and S3 for a zip over the 50 MB direct-upload limit.
 */
export interface CodeTarget {
  /**
   * UpdateFunctionCode with `Architectures: [architecture]` if $LATEST's RevisionId is still
   * `expectedRevisionId`, then waits; returns the snapshot after. ConcurrentChangeError on 412
   * or when the finished update is not ours.
   */
  setCode(
    source: CodeSource,
    architecture: Architecture,
    expectedRevisionId: string,
    options?: CallOptions,
  ): Promise<FunctionSnapshot>;
  /** The zip behind $LATEST now (GetFunction's Code.Location). */
  downloadCode(options?: CallOptions): Promise<Uint8Array>;
  /** A layer version's CompatibleArchitectures (GetLayerVersion); [] when it lists none. */
  layerArchitectures(layerVersionArn: string): Promise<Architecture[]>;
  /**
   * The architectures of a multi-architecture image (its manifest list, ECR BatchGetImage);
   * undefined when the image is a single manifest (one architecture, not named in it).
   */
  imageArchitectures(imageUri: string): Promise<Architecture[] | undefined>;
  /** Puts bytes in S3 (PutObject) for an upload over the direct limit. */
  putStagedCode(bucket: string, key: string, bytes: Uint8Array): Promise<void>;
  /** Deletes a staged object; one already gone is not an error. */
  deleteStagedCode(bucket: string, key: string): Promise<void>;
}

export interface TuningTarget {
  readonly region: string;
  /** GetFunction on $LATEST. */
  snapshot(options?: CallOptions): Promise<FunctionSnapshot>;
  /**
   * Sets $LATEST's memory if its RevisionId is still `expectedRevisionId`, then waits for the
   * update to finish. Returns the snapshot after the update (with its new RevisionId).
   * Throws ConcurrentChangeError on 412 or when the finished update is not the one we made.
   */
  setMemory(
    memoryMb: number,
    expectedRevisionId: string,
    options?: CallOptions,
  ): Promise<FunctionSnapshot>;
  /** Waits until $LATEST's LastUpdateStatus leaves InProgress; returns the final snapshot. */
  waitForUpdate(options?: CallOptions): Promise<FunctionSnapshot>;
  /**
   * Publishes $LATEST if its RevisionId is still `expectedRevisionId`; `description` marks the
   * version as this run's, which is how `created` is told apart from a reused version.
   */
  publishVersion(
    expectedRevisionId: string,
    description: string,
    options?: CallOptions,
  ): Promise<PublishedVersion>;
  invoke(version: string, payload: string, options?: CallOptions): Promise<RawInvocation>;
  /**
   * Published versions whose description is exactly `description`: how recovery finds a
   * version whose number never reached the journal (killed right after PublishVersion).
   */
  versionsDescribedAs(description: string): Promise<string[]>;
  /** Deletes one version; a version that is already gone is not an error. */
  deleteVersion(version: string): Promise<void>;
  getAlias(name: string): Promise<AliasView | undefined>;
  /** Creates the alias, or updates it when `existing` is given (RevisionId-checked). */
  pointAlias(name: string, version: string, existing?: AliasView): Promise<void>;
  /**
   * Creates alias `name` on $LATEST with `description` only if no alias of that name exists
   * (CreateAlias is atomic server-side): "created", or "exists" when another holds the name.
   */
  createMarkerAlias(name: string, description: string): Promise<"created" | "exists">;
  /** Deletes an alias; one that is already gone is not an error. */
  deleteAlias(name: string): Promise<void>;
  /** How many calls were throttled (and retried) so far; never a function failure. */
  throttleCount(): number;
  /** Present when the target can change the function's code and architecture (--arch). */
  readonly code?: CodeTarget | undefined;
}

/** Someone else changed the function while tune was working on it (exit 1 if it escapes). */
export class ConcurrentChangeError extends AwsError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "ConcurrentChangeError";
  }
}

/**
 * An invocation was throttled even after the SDK's retries; the runner sends it again later
 * with jittered backoff, and gives up (exit 1, function put back) when --max-throttle-wait is spent.
 */
export class ThrottledError extends AwsError {
  constructor(message: string, options?: ErrorOptions) {
    super(`${message}; Lambda kept throttling (try a lower --concurrency)`, options);
    this.name = "ThrottledError";
  }
}

/** Fields that change on every update and say nothing about how the function is configured. */
export const VOLATILE_CONFIG_FIELDS = [
  "RevisionId",
  "LastModified",
  "LastUpdateStatus",
  "LastUpdateStatusReason",
  "LastUpdateStatusReasonCode",
  "State",
  "StateReason",
  "StateReasonCode",
] as const;

/** Compares two configurations field by field; returns the names of the fields that differ. */
export function configDifferences(
  a: Record<string, unknown>,
  b: Record<string, unknown>,
): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((key) => stableJson(a[key]) !== stableJson(b[key])).sort();
}

/** JSON with object keys sorted, so equal configurations give equal text. */
export function stableJson(value: unknown): string {
  if (value === undefined) return "undefined";
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : 1)),
        )
      : v,
  );
}

/**
 * The pure pieces the tune runner needs (sizes, sampling, prices, analysis), injected so the
 * runner stays testable; src/core/tuning/engine.ts gives the real ones.
 */
export interface TuningEngine {
  sizesAuto(snapshot: FunctionSnapshot): number[];
  createPlanner(
    sizesMb: number[],
    mode: SamplingMode,
    cost: InvocationCostModel,
    strategy: StrategyOptions,
  ): SamplingPlanner;
  analyze(
    samplesBySize: ReadonlyMap<number, readonly InvocationSample[]>,
    input: {
      cost: InvocationCostModel;
      strategy: StrategyOptions;
      trim?: number | undefined;
      monthlyInvocations?: { invocations: number; source: "flag" | "cloudwatch" } | undefined;
      snapshot: FunctionSnapshot;
    },
  ): TuningAnalysis;
  pricePerInvocation(
    snapshot: FunctionSnapshot,
    memoryMb: number,
    billedDurationMs: number,
  ): Decimal;
}
